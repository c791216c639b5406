package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
)

// statsView shows tend stats: the health of each tier, the last 13 weeks
// as bars and a sparkline, and who is drifting. The cursor moves over the
// drifting people; enter opens one. With no one drifting, the arrows
// scroll.
type statsView struct {
	w             *world
	keys          *KeyMap
	ask           func() tea.Cmd // asks the core for the figures
	wanted        bool           // the view has been opened: figures are asked for from then on
	width, height int
	loaded        bool
	stats         cadence.Stats
	cur, top      int
}

func (v *statsView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.scroll()
}

// set takes new figures, the cursor staying on the same person.
func (v *statsView) set(stats cadence.Stats, w *world) {
	keep := v.selected().id
	v.w, v.loaded, v.stats = w, true, stats
	v.cur = 0
	for i, d := range v.stats.Drifting {
		if d.Person.ID == keep {
			v.cur = i
		}
	}
	v.scroll()
}

func (v *statsView) move(delta int) {
	if !v.loaded {
		return
	}
	if len(v.stats.Drifting) == 0 { // nothing to point at: scroll
		lines, _ := v.layout()
		v.top = clampInt(v.top+delta, 0, max(0, len(lines)-room(len(lines), v.height)))
		return
	}
	v.cur = clampInt(v.cur+delta, 0, len(v.stats.Drifting)-1)
	v.scroll()
}

func (v *statsView) pageSize() int { return max(1, v.height-2) }

func (v *statsView) selected() selection {
	if !v.loaded || v.cur >= len(v.stats.Drifting) {
		return selection{}
	}
	return selection{id: v.stats.Drifting[v.cur].Person.ID}
}

// scroll keeps the person under the cursor on screen; when they are near
// the end, the whole end of the view.
func (v *statsView) scroll() {
	if !v.loaded {
		return
	}
	lines, spans := v.layout()
	v.top = clampInt(v.top, 0, max(0, len(lines)-room(len(lines), v.height)))
	if v.cur >= len(spans) {
		return
	}
	v.top = spans[v.cur].reveal(v.top, room(len(lines), v.height))
}

// Update moves the cursor, or scrolls.
func (v *statsView) Update(msg tea.Msg) tea.Cmd {
	navigate(msg, v.keys, v)
	return nil
}

// Keys are the keys that move the cursor.
func (v *statsView) Keys() []*key.Binding { return moveKeys(v.keys) }

// shown asks for the figures the first time the view is opened.
func (v *statsView) shown() tea.Cmd {
	v.wanted = true
	if v.loaded || !v.w.loaded {
		return nil
	}
	return v.ask()
}

// reload asks for new figures after each snapshot, once the view has
// been opened.
func (v *statsView) reload(string) tea.Cmd {
	if !v.wanted {
		return nil
	}
	return v.ask()
}

// View draws the figures.
func (v *statsView) View() string {
	lines, _ := v.layout()
	return window(lines, v.top, v.height)
}

// layout draws every line of the view and says which line each drifting
// person is on.
func (v *statsView) layout() ([]string, []span) {
	w, st := v.w, v.w.st
	if len(w.active) == 0 && len(w.archived) == 0 {
		return emptyState(st, v.w.rules, v.width), nil
	}
	if !v.loaded {
		return []string{"Loading…"}, nil
	}
	wide := v.width >= 60
	s := v.stats
	title := "Your circles, " + w.now.Format("Monday 2 January")
	if !wide {
		title = "Your circles, " + w.now.Format("Mon 2 Jan")
	}
	lines := []string{st.title.Render(title), ""}
	lines = append(lines, v.tierTable(s.Tiers, wide)...)
	if s.Archived > 0 {
		lines = append(lines, st.dim.Render(words.Count(s.Archived, "person", "people")+" archived, not counted above."))
	}

	act := s.Activity
	lines = append(lines, "", st.title.Render(fmt.Sprintf("Last %d weeks", cadence.ActivityWeeks))+
		st.dim.Render(", since "+act.Since.Format("Mon 2 Jan")))
	if act.Total() == 0 {
		lines = append(lines, st.dim.Render("  nothing logged (l logs a conversation)"))
	} else {
		mix, who := words.Mix(act), words.Who(act)
		labelW, barW := 17, 20
		labels := [3]string{"conversations", "who reached out", "per week"}
		if !wide { // the bars give way to the numbers
			labelW = 10
			barW = max(6, min(20, v.width-2-labelW-1-2-max(widthOf(mix), widthOf(who))))
			labels = [3]string{"real/touch", "you/them", "per week"}
		}
		row := func(label, chart, words string) {
			lines = append(lines, "  "+st.label.Render(pad(label, labelW))+" "+chart+"  "+words)
		}
		row(labels[0], st.shareBar(act.Real, act.Total(), barW), mix)
		row(labels[1], st.shareBar(act.Out, act.Total(), barW), who)
		most := 0
		for _, n := range act.PerWeek {
			most = max(most, n)
		}
		words := fmt.Sprintf("up to %d a week, this week last", most)
		if !wide {
			words = fmt.Sprintf("up to %d a week", most)
		}
		row(labels[2], st.bar.Render(cadence.Sparkline(act.PerWeek[:])), st.dim.Render(words))
	}

	lines = append(lines, "", st.title.Render("Drifting")+st.dim.Render(" · inner and close, each gap longer"))
	spans := make([]span, len(s.Drifting))
	if len(s.Drifting) == 0 {
		lines = append(lines, st.dim.Render("  no one"))
	}
	nameW := 22
	if !wide { // names give way to the gaps
		gapsW := 0
		for _, d := range s.Drifting {
			gapsW = max(gapsW, widthOf(words.Gaps(d.Drift)))
		}
		nameW = min(22, max(8, v.width-2-1-8-gapsW))
	}
	for i, d := range s.Drifting {
		marker, nameStyle := st.cursor(i == v.cur)
		line := marker + nameStyle.Render(pad(termtext.Line(d.Person.Name), nameW)) + " " + st.tier(d.Person.Tier, 7) + " " + words.Gaps(d.Drift)
		if e := w.byID[d.Person.ID]; wide && e != nil {
			line += st.dim.Render(" · last " + words.Ago(e.status.DaysSinceReal))
		}
		spans[i] = span{len(lines), len(lines) + 1}
		lines = append(lines, line)
	}
	return lines, spans
}

// tierTable is the health of each tier: its size against the guideline,
// how many are on track, due and badly overdue, and the median days since
// the last real conversation. Narrow, the columns are shorter and a legend
// follows. Markers carry what colour does: "over" past the guideline, "!!"
// beside the badly overdue.
func (v *statsView) tierTable(tiers []cadence.TierStats, wide bool) []string {
	st := v.w.st
	type col struct {
		head  string
		width int
	}
	cols := []col{{"TIER", 8}, {"PEOPLE", 17}, {"ON TRACK", 9}, {"DUE", 5}, {"BADLY OVERDUE", 14}, {"MEDIAN DAYS SINCE REAL", 0}}
	if !wide {
		cols = []col{{"TIER", 8}, {"PEOPLE", 13}, {"ON TRACK", 9}, {"DUE", 4}, {"OVERDUE", 8}, {"DAYS", 0}}
	}
	row := func(cells ...string) string {
		var b strings.Builder
		for i, c := range cells {
			if cols[i].width > 0 {
				c = pad(c, cols[i].width)
			}
			b.WriteString(c)
		}
		return b.String()
	}
	heads := make([]string, len(cols))
	for i, c := range cols {
		heads[i] = c.head
	}
	lines := []string{st.header.Render(row(heads...))}
	for _, ts := range tiers {
		size := fmt.Sprintf("%d of %d", ts.People, ts.Guideline)
		if !wide {
			size = fmt.Sprintf("%d/%d", ts.People, ts.Guideline)
		}
		if ts.Over() {
			size = st.overdue.Render(size + " over")
		} else if wide {
			size = pad(size, 11) + st.shareBar(ts.People, ts.Guideline, 5)
		}
		overdue := strconv.Itoa(ts.Overdue)
		if ts.Overdue > 0 {
			overdue = st.overdue.Render(overdue + " !!")
		}
		median := "-"
		if ts.People > 0 {
			median = strconv.FormatFloat(ts.MedianDaysSinceReal, 'f', -1, 64)
		}
		lines = append(lines, row(st.tier(ts.Tier, 0), size, strconv.Itoa(ts.OnTrack), strconv.Itoa(ts.Due), overdue, median))
	}
	if !wide {
		lines = append(lines, wrapText(st.dim.Render(fmt.Sprintf("overdue: %d× the rhythm; days: median since real", cadence.BadlyOverdue)), v.width)...)
	}
	for _, l := range wrapText(words.Layers(), v.width) { // as tend stats says it
		lines = append(lines, st.dim.Render(l))
	}
	return lines
}

// shareBar draws part of whole as width cells: full blocks for the part,
// a light shade for the rest. The numbers beside it say the same.
func (st styles) shareBar(part, whole, width int) string {
	filled := 0
	if whole > 0 {
		filled = min(width, (part*width+whole/2)/whole)
	}
	return st.bar.Render(strings.Repeat("█", filled)) + st.dim.Render(strings.Repeat("░", width-filled))
}
