package main

import (
	"charm.land/lipgloss/v2"

	"github.com/tend-app/tend/cadence"
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
	return tierStyles[t].Render(string(t))
}
