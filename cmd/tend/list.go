package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/words"
)

type listOptions struct {
	tier     string
	tag      string
	due      bool
	archived bool
	json     bool
}

// newListCmd builds tend list. runF does the work: runList, or in tests a
// function that sees the options as the flags left them.
func newListCmd(a *app, runF func(listOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts listOptions) error { return runList(a, opts) }
	}
	var opts listOptions
	cmd := &cobra.Command{
		Use:   "list",
		Short: "Everyone, most due first",
		Long: `List the people in tend with their tier, the time since your last real
conversation and how due they are (1.00 means due today, 2.00 twice overdue).`,
		Example: `  tend list
  tend list --tier inner --due
  tend list --tag family --json | jq -r '.[] | select(.due) | .name'
  tend list --archived`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.tier != "" {
				if _, err := cadence.ParseTier(opts.tier); err != nil {
					return usageErrorf("--tier: %v", err)
				}
			}
			return runF(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.tier, "tier", "", "only this tier")
	fl.StringVar(&opts.tag, "tag", "", "only people with this tag")
	fl.BoolVar(&opts.due, "due", false, "only people who are due")
	fl.BoolVar(&opts.archived, "archived", false, "archived people instead of active ones")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runList(a *app, opts listOptions) error {
	in := core.ListInput{Tag: opts.tag, Due: opts.due, Archived: opts.archived}
	if opts.tier != "" {
		t, err := cadence.ParseTier(opts.tier)
		if err != nil {
			return usageErrorf("--tier: %v", err)
		}
		in.Tier = t
	}
	now, err := a.Now()
	if err != nil {
		return err
	}
	in.Now = now
	// Nearly all a listing makes, it keeps until it is printed: the
	// collector, run each time the heap doubles, finds little to free. Run
	// as it triples, it costs a tenth less of the time at ten thousand
	// people for a few megabytes more.
	defer debug.SetGCPercent(debug.SetGCPercent(listGCPercent))
	c, err := a.ReadCore()
	if err != nil {
		return err
	}
	listed, err := c.List(a.ctx(), in)
	if err != nil {
		return err
	}
	if opts.json {
		return a.writeListJSON(listed)
	}
	if len(listed) == 0 {
		say := "No one matches.\n"
		switch {
		case opts == listOptions{}:
			if say, err = nobodyActive(a, c); err != nil {
				return err
			}
		case opts == listOptions{archived: true}:
			say = "No one is archived.\n"
		}
		_, err := fmt.Fprint(a.out, say)
		return err
	}
	t := newTable("NAME", "TIER", "LAST REAL CONVERSATION", "DUE")
	for _, l := range listed {
		last := words.LastConversation(l.LastReal, l.DaysSinceReal, now)
		due := fmt.Sprintf("%.2f", l.DueRatio)
		if l.Due {
			due += " due"
		}
		// Due, but not to be called yet: say why not, as today would.
		switch p := l.Person; {
		case p.Archived():
			due += ", archived " + p.ArchivedAt.In(now.Location()).Format("2 Jan 2006")
		case p.SnoozedUntil.After(now):
			due += ", snoozed until " + p.SnoozedUntil.In(now.Location()).Format("Mon 2 Jan")
		}
		t.add(paint(styleName, oneLine(l.Person.Name)), tierText(l.Person.Tier), last, due)
	}
	_, err = fmt.Fprint(a.out, t.String())
	return err
}

// listGCPercent is the collector's target while tend list runs (see
// runList); Go's default is 100.
const listGCPercent = 200

// listedJSON is a listed person as list --json prints them
// (writeListJSON writes the same by hand).
func listedJSON(l core.Listed) listedPersonJSON {
	return listedPersonJSON{
		PersonRecord:  exchange.Person(l.Person),
		DaysSinceReal: l.DaysSinceReal,
		DueRatio:      l.DueRatio,
		Due:           l.Due,
	}
}

// table lines up columns by their display width, colour and wide runes
// included.
type table struct{ rows [][]string }

func newTable(header ...string) *table {
	for i, h := range header {
		header[i] = paint(styleDim, h)
	}
	return &table{rows: [][]string{header}}
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) String() string {
	widths := make([]int, len(t.rows[0]))
	for _, r := range t.rows {
		for i, c := range r {
			widths[i] = max(widths[i], lipgloss.Width(c))
		}
	}
	var b strings.Builder
	for _, r := range t.rows {
		var line strings.Builder
		for i, c := range r {
			line.WriteString(c)
			if i < len(r)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-lipgloss.Width(c)+2))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n") // an empty last cell leaves no padding
	}
	return b.String()
}
