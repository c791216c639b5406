package main

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/words"
)

// maxPlanDays is the longest plan: a year, leap day included.
const maxPlanDays = 366

type planOptions struct {
	days   int
	perDay int
	json   bool
}

// newPlanCmd builds tend plan; a nil runF means runPlan.
func newPlanCmd(a *app, runF func(planOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts planOptions) error { return runPlan(a, opts) }
	}
	opts := planOptions{days: 7}
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "Spread everyone due over the coming days",
		Long: `Spread everyone who is due, or becomes due, over the coming days (today
first), so that no day holds more than --per-day people.

The first day is exactly today's list. Each later day is seen as today
would see it then: the most overdue and the closest tiers first, snoozes
respected, archived people never. Someone due is planned on the first day
with room and never waits for a date; a birthday or important date lands on
its day, and a memory on its due day, so someone may appear twice, once for
each reason. Whoever does not fit is listed as later.

With --json, the plan is an array with one element per day,
{"date": "2026-11-24", "people": [...]}, each person as in today --json,
and one last element {"date": null, "people": [...]} for those later (its
people are [] when everyone fits).`,
		Example: `  tend plan
  tend plan --days 14 --per-day 3
  tend plan --json | jq -r '.[] | select(.date) | "\(.date): \(.people | map(.name) | join(", "))"'`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.days < 1 || opts.days > maxPlanDays {
				return usageErrorf("--days must be between 1 and %d, not %d", maxPlanDays, opts.days)
			}
			if cmd.Flags().Changed("per-day") && opts.perDay < 1 {
				return usageErrorf("--per-day must be at least 1, not %d", opts.perDay)
			}
			return runF(opts)
		},
	}
	cmd.Flags().IntVar(&opts.days, "days", opts.days, "how many days to plan, today included (1 to 366)")
	cmd.Flags().IntVar(&opts.perDay, "per-day", 0, "how many people a day at most (default: limit in the settings, 5)")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

// planDayJSON is one element of `tend plan --json`; Date is null for the
// people later.
type planDayJSON struct {
	Date   *string          `json:"date"`
	People []suggestionJSON `json:"people"`
}

func runPlan(a *app, opts planOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	c, err := a.ReadCore()
	if err != nil {
		return err
	}
	opts.perDay = cmp.Or(opts.perDay, c.Rules().Limit)
	plan, err := c.Plan(a.ctx(), now, opts.days, opts.perDay)
	if err != nil {
		return err
	}
	people, notes := plan.People, lastNotes(plan.Notes)
	if opts.json {
		return a.writePlanJSON(planJSON(plan.Schedule, notes))
	}

	var b strings.Builder
	first, last := plan.Days[0].Date, plan.Days[len(plan.Days)-1].Date
	span := first.Format("Mon 2 Jan")
	if opts.days > 1 {
		span += " to " + last.Format("Mon 2 Jan")
	}
	planned := 0
	for _, d := range plan.Days {
		planned += len(d.People)
	}
	switch {
	case people == 0:
		say, err := nobodyActive(a, c)
		if err != nil {
			return err
		}
		b.WriteString(say)
	case planned+len(plan.Later) == 0:
		fmt.Fprintf(&b, "%s: %s\n", span, words.NoOneToCall(opts.days))
		if err := writeResting(a, c, &b, now); err != nil {
			return err
		}
	default:
		// Calls, not people: someone due may be planned again on their
		// birthday, two days that are two calls.
		if planned == 0 {
			fmt.Fprintf(&b, "%s: %s\n", paint(styleTitle, span), words.NoOneToCall(opts.days))
		} else {
			fmt.Fprintf(&b, "%s: %s, at most %d a day\n", paint(styleTitle, span), words.Count(planned, "call", "calls"), opts.perDay)
		}
		for i, d := range plan.Days {
			if len(d.People) == 0 {
				continue
			}
			day := d.Date.Format("Mon 2 Jan")
			if i == 0 {
				day += ", today"
			}
			b.WriteString("\n" + paint(styleName, day) + "\n")
			writePlanned(&b, d.People, notes)
		}
		if len(plan.Later) > 0 {
			fmt.Fprintf(&b, "\n%s\n", paint(styleName, "Later: "+words.Later(len(plan.Later), words.RestingIn(plan.Later))))
			writePlanned(&b, plan.Later, notes)
		}
	}
	_, err = fmt.Fprint(a.out, b.String())
	return err
}

func writePlanned(b *strings.Builder, ss []cadence.Status, notes lastNotes) {
	for _, st := range ss {
		fmt.Fprintf(b, "  %s  %s\n", paint(styleName, oneLine(st.Person.Name)), tierText(st.Person.Tier))
		fmt.Fprintf(b, "    %s\n", reasonsLine(words.Reasons(st.Reasons)))
		if w := notes.words(st.Person.ID); w != "" {
			fmt.Fprintf(b, "    %s\n", paint(styleDim, w))
		}
	}
}

func planJSON(plan cadence.Schedule, notes lastNotes) []planDayJSON {
	out := make([]planDayJSON, 0, len(plan.Days)+1)
	for _, d := range plan.Days {
		date := d.Date.Format("2006-01-02")
		out = append(out, planDayJSON{Date: &date, People: suggestions(d.People, notes)})
	}
	return append(out, planDayJSON{People: suggestions(plan.Later, notes)})
}
