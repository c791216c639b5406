package main

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/termtext"
)

// Styles for text output. Colour never carries meaning alone: tiers are
// written out and numbers are printed, so output without colour reads the
// same.
var (
	styleName  = lipgloss.NewStyle().Bold(true)
	styleDim   = lipgloss.NewStyle().Faint(true)
	styleTitle = lipgloss.NewStyle().Bold(true).Underline(true)
	tierStyles = map[cadence.Tier]lipgloss.Style{
		cadence.Inner:   lipgloss.NewStyle().Foreground(lipgloss.Color("205")),
		cadence.Close:   lipgloss.NewStyle().Foreground(lipgloss.Color("141")),
		cadence.Regular: lipgloss.NewStyle().Foreground(lipgloss.Color("75")),
		cadence.Outer:   lipgloss.NewStyle().Foreground(lipgloss.Color("245")),
	}
)

func tierText(t cadence.Tier) string {
	return paint(tierStyles[t], string(t))
}

// paint styles each line on its own. Rendering a multi-line string whole
// would pad its lines to one width, and names and notes must come back
// exactly as they were typed. What it paints is mostly stored text, so it
// is made safe first: a stored colour sequence shows as text, and only
// tend's own styling reaches the terminal.
func paint(st lipgloss.Style, s string) string {
	if s == "" {
		return "" // no codes around nothing: a table trims an empty last cell
	}
	lines := strings.Split(termtext.Text(s), "\n")
	for i, l := range lines {
		lines[i] = st.Render(l)
	}
	return strings.Join(lines, "\n")
}
