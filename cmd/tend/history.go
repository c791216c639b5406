package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/when"
	"github.com/tend-app/tend/internal/words"
)

type historyOptions struct {
	name  string
	since string
	limit int
	json  bool
}

// newHistoryCmd builds tend history; a nil runF means runHistory.
func newHistoryCmd(a *app, runF func(historyOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts historyOptions) error { return runHistory(a, opts) }
	}
	var opts historyOptions
	cmd := &cobra.Command{
		Use:   "history [NAME]",
		Short: "Interactions, newest first",
		Example: `  tend history
  tend history ana --since 2026-01-01
  tend history --since 2w --json | jq 'map(select(.via == "call")) | length'`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("history takes at most one NAME")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.name = args[0]
			}
			if opts.limit < 0 {
				return usageErrorf("--limit must be 0 (all) or more, not %d", opts.limit)
			}
			return runF(opts)
		},
	}
	cmd.Flags().StringVar(&opts.since, "since", "", "only since WHEN (2026-01-01, 2w, tuesday, ...)")
	cmd.Flags().IntVar(&opts.limit, "limit", 0, "at most this many (0 for all)")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runHistory(a *app, opts historyOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	f := domain.InteractionFilter{Limit: opts.limit}
	if opts.since != "" {
		m, err := pastDay(opts.since, now)
		if err != nil {
			return usageErrorf("--since: %v", err)
		}
		f.Since = m
	}
	c, err := a.ReadUnrankedCore()
	if err != nil {
		return err
	}
	list, err := c.History(a.ctx(), opts.name, f)
	if err != nil {
		return err
	}
	if opts.json {
		out := make([]interactionOut, len(list))
		for i, in := range list {
			out[i] = interactionJSON(in)
		}
		return a.printJSON(out)
	}
	if len(list) == 0 {
		_, err := fmt.Fprintln(a.out, "Nothing logged yet.")
		return err
	}
	short, err := c.ShortInteractionIDs(a.ctx(), list)
	if err != nil {
		return err
	}
	// In columns: when, who, what, the id, and the note last, since it is
	// the one that runs long.
	t := newTable("WHEN", "WHO", "WHAT", "ID", "NOTE")
	for _, in := range list {
		t.add(in.At.In(now.Location()).Format("2006-01-02 15:04"), joinNames(flatAll(in.Names)),
			interactionWhat(in, ""), paint(styleDim, short[in.ID]), paint(styleDim, termtext.Line(in.Note)))
	}
	_, err = fmt.Fprint(a.out, t.String())
	return err
}

// pastDay reads a WHEN that looks back; a day means its start.
func pastDay(s string, now time.Time) (time.Time, error) {
	m, err := when.Past(s, now)
	return m.Time, err
}

// interactionLine describes an interaction in a few words: the channel,
// who reached out, how long, the others present and the note.
func interactionLine(in domain.Interaction, self string) string {
	line := interactionWhat(in, self)
	if in.Note != "" {
		line += "  " + paint(styleDim, termtext.Line(in.Note))
	}
	return line
}

// interactionWhat is interactionLine without the note.
func interactionWhat(in domain.Interaction, self string) string {
	return words.Interaction(in, self, func(s string) string { return paint(styleName, s) })
}

func flatAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = oneLine(n)
	}
	return out
}
