package main

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/words"
)

type statsOptions struct {
	json bool
}

// newStatsCmd builds tend stats; a nil runF means runStats.
func newStatsCmd(a *app, runF func(statsOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts statsOptions) error { return runStats(a, opts) }
	}
	var opts statsOptions
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "The health of your circles",
		Long: `For each tier: how many people it holds against its guideline (5, 10, 35
and 100: the layers of 5, 15, 50 and 150 people), how many are on track,
due, or badly overdue (twice their rhythm or more), and the median days since your last real conversation.
Archived people are counted apart.

Over the last 13 weeks (about 90 days): real conversations against touches,
who reached out (you or them), and interactions per week, oldest first.
Last, the inner and close friends who are drifting: each gap between your
real conversations longer than the one before.`,
		Example: `  tend stats
  tend stats --json | jq '.tiers[] | select(.over_guideline) | .tier'`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error { return runF(opts) },
	}
	addJSONFlag(cmd, &opts.json)
	return cmd
}

// statsJSON is `tend stats --json`.
type statsJSON struct {
	Date     string          `json:"date"`
	Active   int             `json:"active"`
	Archived int             `json:"archived"`
	Tiers    []tierStatsJSON `json:"tiers"`
	Activity activityJSON    `json:"activity"`
	Drifting []driftingJSON  `json:"drifting"`
}

type tierStatsJSON struct {
	Tier                string   `json:"tier"`
	People              int      `json:"people"`
	Guideline           int      `json:"guideline"`
	OverGuideline       bool     `json:"over_guideline"`
	OnTrack             int      `json:"on_track"`
	Due                 int      `json:"due"`
	BadlyOverdue        int      `json:"badly_overdue"`
	MedianDaysSinceReal *float64 `json:"median_days_since_real"` // null for an empty tier
}

type activityJSON struct {
	Since        string `json:"since"`
	Weeks        int    `json:"weeks"`
	Interactions int    `json:"interactions"`
	Real         int    `json:"real"`
	Touches      int    `json:"touches"`
	Out          int    `json:"out"`
	In           int    `json:"in"`
	PerWeek      []int  `json:"per_week"`
}

type driftingJSON struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Tier     string `json:"tier"`
	GapsDays []int  `json:"gaps_days"`
}

func runStats(a *app, opts statsOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	c, err := a.ReadCore()
	if err != nil {
		return err
	}
	st, err := c.Stats(a.ctx(), now)
	if err != nil {
		return err
	}
	if opts.json {
		return a.printJSON(statsOut(st, now.Format("2006-01-02")))
	}

	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", paint(styleTitle, "Your circles, "+now.Format("Monday 2 January")))
	t := newTable("TIER", "PEOPLE", "ON TRACK", "DUE", "BADLY OVERDUE", "MEDIAN DAYS SINCE REAL")
	for _, ts := range st.Tiers {
		size := fmt.Sprintf("%d of %d", ts.People, ts.Guideline)
		if ts.Over() {
			size += ", over"
		}
		median := "-"
		if ts.People > 0 {
			median = strconv.FormatFloat(ts.MedianDaysSinceReal, 'f', -1, 64)
		}
		t.add(tierText(ts.Tier), size, strconv.Itoa(ts.OnTrack), strconv.Itoa(ts.Due), strconv.Itoa(ts.Overdue), median)
	}
	b.WriteString(t.String())
	b.WriteString(paint(styleDim, words.Layers()) + "\n")
	if st.Archived > 0 {
		fmt.Fprintf(&b, "%s\n", paint(styleDim, fmt.Sprintf("%s archived, not counted above.", words.Count(st.Archived, "person", "people"))))
	}

	act := st.Activity
	fmt.Fprintf(&b, "\n%s\n", paint(styleTitle, fmt.Sprintf("Last %d weeks, since %s", cadence.ActivityWeeks, act.Since.Format("Mon 2 Jan"))))
	if act.Total() == 0 {
		b.WriteString("  nothing logged (tend log NAME)\n")
	} else {
		fmt.Fprintf(&b, "  %-18s %s  %s\n", "conversations", shareBar(act.Real, act.Total()), words.Mix(act))
		fmt.Fprintf(&b, "  %-18s %s  %s\n", "who reached out", shareBar(act.Out, act.Total()), words.Who(act))
		most := 0
		for _, n := range act.PerWeek {
			most = max(most, n)
		}
		fmt.Fprintf(&b, "  %-18s %s  %s\n", "per week", paint(styleBar, cadence.Sparkline(act.PerWeek[:])),
			paint(styleDim, fmt.Sprintf("up to %d a week, this week last", most)))
	}

	fmt.Fprintf(&b, "\n%s\n", paint(styleTitle, "Drifting"))
	if len(st.Drifting) == 0 {
		b.WriteString("  no one\n")
	}
	for _, d := range st.Drifting {
		fmt.Fprintf(&b, "  %s  %s  %s\n", paint(styleName, oneLine(d.Person.Name)), tierText(d.Person.Tier), words.Gaps(d.Drift))
	}
	_, err = fmt.Fprint(a.out, b.String())
	return err
}

func statsOut(st cadence.Stats, date string) statsJSON {
	out := statsJSON{Date: date, Active: st.Active, Archived: st.Archived, Drifting: []driftingJSON{}}
	for _, ts := range st.Tiers {
		j := tierStatsJSON{Tier: string(ts.Tier), People: ts.People, Guideline: ts.Guideline, OverGuideline: ts.Over(),
			OnTrack: ts.OnTrack, Due: ts.Due, BadlyOverdue: ts.Overdue}
		if ts.People > 0 {
			m := ts.MedianDaysSinceReal
			j.MedianDaysSinceReal = &m
		}
		out.Tiers = append(out.Tiers, j)
	}
	act := st.Activity
	out.Activity = activityJSON{Since: act.Since.Format("2006-01-02"), Weeks: cadence.ActivityWeeks,
		Interactions: act.Total(), Real: act.Real, Touches: act.Touches, Out: act.Out, In: act.In,
		PerWeek: append([]int{}, act.PerWeek[:]...)}
	for _, d := range st.Drifting {
		out.Drifting = append(out.Drifting, driftingJSON{ID: d.Person.ID, Name: d.Person.Name,
			Tier: string(d.Person.Tier), GapsDays: append([]int{}, d.Drift...)})
	}
	return out
}

// styleBar colours the filled part of a bar; the numbers beside it say the
// same, so it reads without colour too.
var styleBar = lipgloss.NewStyle().Foreground(lipgloss.Color("75"))

// barWidth is the width of a share bar in cells.
const barWidth = 20

// shareBar draws part of whole as a bar of full blocks over a light shade.
func shareBar(part, whole int) string {
	filled := 0
	if whole > 0 {
		filled = (part*barWidth + whole/2) / whole
	}
	return paint(styleBar, strings.Repeat("█", filled)) + paint(styleDim, strings.Repeat("░", barWidth-filled))
}
