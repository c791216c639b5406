package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tend-app/tend/cadence"
)

// styles holds every style the TUI paints with. Colour never carries meaning
// alone: tiers are written out, overdue people carry "!!" and a due bar with
// a number, and the cursor is a "▸", so a plain terminal reads the same.
type styles struct {
	plain bool

	title     lipgloss.Style // section titles
	name      lipgloss.Style // people's names
	dim       lipgloss.Style // secondary text
	header    lipgloss.Style // column headers
	selected  lipgloss.Style // the line under the cursor
	tabActive lipgloss.Style
	tab       lipgloss.Style
	info      lipgloss.Style // status line, good news
	err       lipgloss.Style // status line, errors
	overdue   lipgloss.Style // due: "!!" and the bar
	nearly    lipgloss.Style // nearly due: "!"
	fresh     lipgloss.Style // recently talked to
	label     lipgloss.Style // form labels
	focus     lipgloss.Style // the focused form label
	choice    lipgloss.Style // the chosen option in a picker
	bar       lipgloss.Style // the filled part of a chart
	tiers     map[cadence.Tier]lipgloss.Style
}

func newStyles(plain bool) styles {
	s := lipgloss.NewStyle
	st := styles{
		plain:     plain,
		title:     s().Bold(true),
		name:      s().Bold(true),
		dim:       s(),
		header:    s(),
		selected:  s().Bold(true),
		tabActive: s().Bold(true),
		tab:       s(),
		info:      s(),
		err:       s().Bold(true),
		overdue:   s().Bold(true),
		nearly:    s(),
		fresh:     s(),
		label:     s(),
		focus:     s().Bold(true),
		choice:    s().Bold(true),
		bar:       s(),
		tiers: map[cadence.Tier]lipgloss.Style{
			cadence.Inner: s(), cadence.Close: s(), cadence.Regular: s(), cadence.Outer: s(),
		},
	}
	if plain {
		return st
	}
	c := lipgloss.Color
	st.title = st.title.Foreground(c("212"))
	st.dim = st.dim.Faint(true)
	st.header = st.header.Faint(true).Underline(true)
	st.selected = st.selected.Background(c("236"))
	st.tabActive = st.tabActive.Foreground(c("230")).Background(c("62"))
	st.tab = st.tab.Foreground(c("246"))
	st.info = st.info.Foreground(c("114"))
	st.err = st.err.Foreground(c("203"))
	st.overdue = st.overdue.Foreground(c("203"))
	st.nearly = st.nearly.Foreground(c("221"))
	st.fresh = st.fresh.Foreground(c("114"))
	st.label = st.label.Faint(true)
	st.focus = st.focus.Foreground(c("212"))
	st.choice = st.choice.Foreground(c("230")).Background(c("62"))
	st.bar = st.bar.Foreground(c("75"))
	st.tiers = map[cadence.Tier]lipgloss.Style{
		cadence.Inner:   s().Foreground(c("205")),
		cadence.Close:   s().Foreground(c("141")),
		cadence.Regular: s().Foreground(c("75")),
		cadence.Outer:   s().Foreground(c("245")),
	}
	return st
}

// tier writes a tier name in its colour, padded to width cells.
func (st styles) tier(t cadence.Tier, width int) string {
	if width <= 0 {
		return st.tiers[t].Render(string(t))
	}
	return st.tiers[t].Render(pad(string(t), width))
}

// wrapText breaks prose into lines of at most width cells, between words
// where it can.
func wrapText(s string, width int) []string {
	lines := strings.Split(ansi.Wrap(s, max(10, width), ""), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// widthOf is how many cells s takes on screen.
func widthOf(s string) int { return ansi.StringWidth(s) }

// dueBar draws how far through their rhythm someone is: a bar of width
// cells (full at due), the ratio, and a flag that reads without colour:
// "!!" when due, "! " when nearly.
func (st styles) dueBar(ratio float64, due bool, width int) string {
	filled := int(min(ratio, 1)*float64(width) + 0.5)
	if due {
		filled = width
	} else if filled >= width {
		filled = width - 1
	}
	bar := strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
	return st.dueStyle(ratio, due).Render(bar) + " " + st.dueNumber(ratio, due)
}

// dueNumber is the ratio and the flag, without the bar.
func (st styles) dueNumber(ratio float64, due bool) string {
	return st.dueStyle(ratio, due).Render(formatRatio(ratio) + " " + dueFlag(ratio, due))
}

func (st styles) dueStyle(ratio float64, due bool) lipgloss.Style {
	switch {
	case due:
		return st.overdue
	case ratio >= nearlyDue:
		return st.nearly
	}
	return st.fresh
}

// nearlyDue is the share of the rhythm after which someone is marked "!".
const nearlyDue = 0.8

func dueFlag(ratio float64, due bool) string {
	switch {
	case due:
		return "!!"
	case ratio >= nearlyDue:
		return "! "
	}
	return "  "
}

func formatRatio(r float64) string {
	if r >= 10 {
		return "9.9+"
	}
	return fmt.Sprintf("%.2f", r)
}

// pad cuts or pads s (which may hold colour) to exactly width cells.
func pad(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > width {
		// A wide character that does not fit is cut whole, which can leave
		// the cell a column short: padded below like any other.
		s = ansi.Truncate(s, width, "…")
	}
	return s + strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
}

// fit cuts s to at most width cells, so that no line ever wraps.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// fitWords is fit for sentences: a line too wide is cut at the last space
// that leaves room for the ellipsis, so that no word is cut in half.
func fitWords(s string, width int) string {
	if width <= 0 || ansi.StringWidth(s) <= width {
		return fit(s, width)
	}
	cut := ansi.Truncate(s, width-1, "")
	plain := ansi.Strip(cut)
	if i := strings.LastIndex(plain, " "); i > 0 {
		return ansi.Truncate(s, ansi.StringWidth(plain[:i]), "") + "…"
	}
	return fit(s, width)
}

// cursor is the marker and the style of a name in a list: "▸ " and the
// selected style under the cursor, blank and the name style elsewhere.
func (st styles) cursor(selected bool) (string, lipgloss.Style) {
	if selected {
		return "▸ ", st.selected
	}
	return "  ", st.name
}
