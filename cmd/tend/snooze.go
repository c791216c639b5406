package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/words"
)

type snoozeOptions struct {
	name  string
	dur   string
	until string
	off   bool
	json  bool
}

// newSnoozeCmd builds tend snooze. runF does the work: runSnooze, or in
// tests a function that sees the options as the flags left them.
func newSnoozeCmd(a *app, runF func(snoozeOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts snoozeOptions) error { return runSnooze(a, opts) }
	}
	var opts snoozeOptions
	cmd := &cobra.Command{
		Use:   "snooze NAME",
		Short: "Leave someone out of today's list for a while",
		Long: `Leave someone out of today's list until a day comes (a week by default).
They come back at the start of that day.`,
		Example: `  tend snooze ana                 # a week
  tend snooze ana --for 3d
  tend snooze ben --until friday
  tend snooze ben --off           # back now`,
		Args: exactArgs(1, "one NAME"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.name = args[0]
			if cmd.Flags().Changed("for") && cmd.Flags().Changed("until") {
				return usageErrorf("give --for or --until, not both")
			}
			return runF(opts)
		},
	}
	cmd.Flags().StringVar(&opts.dur, "for", "7d", "how long: 3d, 2w, 10")
	cmd.Flags().StringVar(&opts.until, "until", "", "until WHEN (friday, 2026-12-01, ...)")
	cmd.Flags().BoolVar(&opts.off, "off", false, "end the snooze now")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runSnooze(a *app, opts snoozeOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	var until time.Time
	switch {
	case opts.off:
	case opts.until != "":
		m, err := ahead("until", opts.until, now)
		if err != nil {
			return err
		}
		if !m.Time.After(now) {
			return usageErrorf("--until %q is not in the future", opts.until)
		}
		until = m.Time
	default:
		n, err := cadence.ParseEvery(opts.dur)
		if err != nil || n == 0 {
			return usageErrorf("--for %q: want a number of days, such as 3d or 2w", opts.dur)
		}
		until = core.SnoozeDays(now, n)
	}
	c, found, err := a.corePerson(opts.name, domain.PreferActive)
	if err != nil {
		return err
	}
	if found.Archived() {
		return archivedError(found, opts.name)
	}
	before, p, err := c.Snooze(a.ctx(), found.ID, until, now)
	if err != nil {
		return err
	}
	wasNot := opts.off && !before.SnoozedUntil.After(now) // --off on someone not snoozed
	if !wasNot && !before.SnoozedUntil.Equal(p.SnoozedUntil) {
		a.changed("snooze", []recordRef{personRef(p.ID)}, exchange.Person(before), exchange.Person(p))
	}
	if opts.json {
		return a.printJSON(exchange.Person(p))
	}
	if wasNot {
		_, err = fmt.Fprintf(a.out, "%s is not snoozed; nothing changed.\n", paint(styleName, p.Name))
		return err
	}
	_, err = fmt.Fprintln(a.out, words.Snoozed(paint(styleName, p.Name), until, now.Location()))
	return err
}
