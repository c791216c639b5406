package main

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/words"
	"github.com/tend-app/tend/store"
)

type listOptions struct {
	tier     string
	tag      string
	due      bool
	archived bool
}

func newListCmd(a *app) *cobra.Command {
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
		RunE: func(cmd *cobra.Command, args []string) error { return runList(a, opts) },
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.tier, "tier", "", "only this tier")
	fl.StringVar(&opts.tag, "tag", "", "only people with this tag")
	fl.BoolVar(&opts.due, "due", false, "only people who are due")
	fl.BoolVar(&opts.archived, "archived", false, "archived people instead of active ones")
	addJSONFlag(cmd, &a.json)
	return cmd
}

func runList(a *app, opts listOptions) error {
	filter := store.PeopleFilter{Archived: opts.archived, Tag: opts.tag}
	if opts.tier != "" {
		t, err := cadence.ParseTier(opts.tier)
		if err != nil {
			return usageErrorf("--tier: %v", err)
		}
		filter.Tier = t
	}
	now, err := a.Now()
	if err != nil {
		return err
	}
	rules, err := a.Rules()
	if err != nil {
		return err
	}
	s, err := a.ReadStore()
	if err != nil {
		return err
	}
	sums, err := s.Summaries(a.ctx(), filter)
	if err != nil {
		return err
	}
	// A row points into sums, and only what it needs of the status is
	// copied: with thousands of people, sorting whole summaries and
	// statuses (a kilobyte each) moved more memory than anything else.
	type row struct {
		sum           *domain.Summary
		daysSinceReal int
		dueRatio      float64
		due           bool
	}
	rows := make([]row, 0, len(sums))
	for i := range sums {
		st := rules.Assess(sums[i].Cadence(), now)
		if opts.due && !st.Due {
			continue
		}
		rows = append(rows, row{&sums[i], st.DaysSinceReal, st.DueRatio, st.Due})
	}
	slices.SortStableFunc(rows, func(x, y row) int {
		return cadence.CompareDue(x.dueRatio, x.sum.Person.Tier, y.dueRatio, y.sum.Person.Tier)
	})
	if a.json {
		return a.printJSONList(len(rows), func(i int) any {
			r := rows[i]
			return listedPersonJSON{
				PersonRecord:  exchange.Person(r.sum.Person),
				DaysSinceReal: r.daysSinceReal,
				DueRatio:      r.dueRatio,
				Due:           r.due,
			}
		})
	}
	if len(rows) == 0 {
		say := "No one matches."
		switch {
		case opts == listOptions{}:
			say = strings.TrimSuffix(nobodyYet, "\n")
		case opts == listOptions{archived: true}:
			say = "No one is archived."
		}
		_, err := fmt.Fprintln(a.out, say)
		return err
	}
	t := newTable("NAME", "TIER", "LAST REAL CONVERSATION", "DUE")
	for _, r := range rows {
		last := "never (added " + words.Ago(r.daysSinceReal) + ")"
		if !r.sum.LastReal.IsZero() {
			last = words.LastTalk(r.sum.LastReal.At, now) + ", " + string(r.sum.LastReal.Via)
		}
		due := fmt.Sprintf("%.2f", r.dueRatio)
		if r.due {
			due += " due"
		}
		// Due, but not to be called yet: say why not, as today would.
		switch p := r.sum.Person; {
		case p.Archived():
			due += ", archived " + p.ArchivedAt.In(now.Location()).Format("2 Jan 2006")
		case p.SnoozedUntil.After(now):
			due += ", snoozed until " + p.SnoozedUntil.In(now.Location()).Format("Mon 2 Jan")
		}
		t.add(paint(styleName, oneLine(r.sum.Name)), tierText(r.sum.Tier), last, due)
	}
	_, err = fmt.Fprint(a.out, t.String())
	return err
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
