package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
)

type todayOptions struct {
	limit int // 0: the settings' limit
	brief bool
	json  bool
}

// newTodayCmd builds tend today; a nil runF means runToday.
func newTodayCmd(a *app, runF func(todayOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts todayOptions) error { return runToday(a, opts) }
	}
	var opts todayOptions
	cmd := &cobra.Command{
		Use:   "today",
		Short: "The people to contact today, with the reasons",
		Long: `The few people to contact today, most pressing first, each with the reasons.

Someone is due when the days since your last real conversation reach their
rhythm (their tier's, or their own --every). A birthday or important date
within 3 days, a memory that has come due, or a message of theirs you have
not answered moves them up. Archived and snoozed people, and anyone you were
in touch with in the last 2 days (your side of the contact, or a real
conversation), are left in peace, unless it is their birthday or date, or a
memory of theirs has come due. A birthday or date today leads the list.

Beneath the suggestions, today lists the memories that have come due and
the birthdays and dates of the week, and says how many more there are to
talk to when --limit cut the list. A day with no one to call names who is
due but left in peace after a recent contact. --json gives the suggestions alone.

Two patterns are named too. When they reached out the last 3 times, it is
your turn, and they move up. An inner or close friend whose gaps between
real conversations keep growing is drifting, and is suggested from half
their rhythm on, before they are due.

The numbers above are the defaults: the settings file changes any of them,
and rhythms by tag (see: tend config --help). Each suggestion also says
what you last talked about ("last time: ..."), and --brief says it all in
one line for a prompt or a status bar, or nothing when no one is due.`,
		Example: `  tend today
  tend today --limit 10
  tend today --brief                # 3 to call: Ana (birthday), Ben, Chloé · 1 to remember
  tend today --json | jq -r '.[].name'`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("limit") && opts.limit < 1 {
				return usageErrorf("--limit must be at least 1, not %d", opts.limit)
			}
			return runF(opts)
		},
	}
	cmd.Flags().IntVar(&opts.limit, "limit", 0, "how many people at most (default: limit in the settings, 5)")
	cmd.Flags().BoolVar(&opts.brief, "brief", false, "one short line for a prompt or status bar; nothing when no one is due")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runToday(a *app, opts todayOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	if opts.brief && !opts.json {
		a.quietMissing, a.readWait = true, briefWait
	}
	c, err := a.ReadCore()
	if err != nil {
		return err
	}
	ranked, err := c.Today(a.ctx(), now, opts.limit)
	if err != nil {
		return err
	}
	today, count := ranked.Suggestions, ranked.Ranked
	if opts.brief && !opts.json { // for a prompt: as little work as can be
		line, err := briefOf(a, c, now, today)
		if line != "" && err == nil {
			_, err = fmt.Fprintln(a.out, line)
		}
		return err
	}
	notes, err := notesOf(a, c, today)
	if err != nil {
		return err
	}
	if opts.json {
		return a.printJSON(suggestions(today, notes))
	}
	var b strings.Builder
	switch {
	case count == 0:
		say, err := nobodyActive(a, c)
		if err != nil {
			return err
		}
		b.WriteString(say)
	case len(today) == 0:
		fmt.Fprintf(&b, "%s: %s\n", now.Format("Monday 2 January"), words.NoOneToCall(1))
		if err := writeResting(a, c, &b, now); err != nil {
			return err
		}
	default:
		fmt.Fprintf(&b, "%s: %s to talk to\n\n", paint(styleTitle, now.Format("Monday 2 January")), words.Count(len(today), "person", "people"))
		for i, st := range today {
			number := fmt.Sprintf("%d. ", i+1)
			indent := strings.Repeat(" ", len(number)) // under the name, past 9 too
			fmt.Fprintf(&b, "%s%s  %s\n", number, paint(styleName, termtext.Line(st.Person.Name)), tierText(st.Person.Tier))
			fmt.Fprintf(&b, "%s%s\n", indent, reasonsLine(words.Reasons(st.Reasons)))
			if w := notes.words(st.Person.ID); w != "" {
				fmt.Fprintf(&b, "%s%s\n", indent, paint(styleDim, w))
			}
		}
	}
	if ranked.Cut {
		more, err := c.MoreDue(a.ctx(), now, ranked)
		if err != nil {
			return err
		}
		if more > 0 {
			fmt.Fprintf(&b, "\n%s: tend plan\n", words.More(more))
		}
	}
	if count > 0 {
		if err := writeTheDay(a, c, &b, now); err != nil {
			return err
		}
	}
	_, err = fmt.Fprint(a.out, b.String())
	return err
}

// writeResting adds to b who is due at now but left in peace after a
// recent contact, when anyone is: a day with no one to call has not
// forgotten them.
func writeResting(a *app, c *core.Core, b *strings.Builder, now time.Time) error {
	names, err := c.Resting(a.ctx(), now)
	if err != nil || len(names) == 0 {
		return err
	}
	for i, n := range names {
		names[i] = oneLine(n)
	}
	fmt.Fprintln(b, words.Resting(names, c.Rules().QuietDays))
	return nil
}

// briefOf is the brief line of today's people at now.
func briefOf(a *app, c *core.Core, now time.Time, today []cadence.Status) (string, error) {
	memories, err := c.DueMemories(a.ctx(), now)
	if err != nil {
		return "", err
	}
	return briefLine(today, len(memories)), nil
}

// todayBrief ranks today under the settings and says it in one line.
func todayBrief(a *app) (string, error) {
	now, err := a.Now()
	if err != nil {
		return "", err
	}
	c, err := a.Core()
	if err != nil {
		return "", err
	}
	ranked, err := c.Today(a.ctx(), now, 0)
	if err != nil {
		return "", err
	}
	return briefOf(a, c, now, ranked.Suggestions)
}

// briefWait is how long the prompt line waits for a program that holds the
// database locked whole (tend's own writers never do): a prompt is not
// held for seconds.
const briefWait = 300 * time.Millisecond

// A prompt line names at most briefNames people, each in at most
// briefNameWidth characters, whatever the limit and the names: it shares
// a line with the shell's prompt.
const (
	briefNames     = 5
	briefNameWidth = 24
)

// briefLine says today in one short line: "3 to call: Ana (birthday),
// Ben, Chloé · 1 to remember", or "" when there is nothing to say. People
// go by the short name the reasons use (words.ShortName: "Jane" for Dr.
// Jane Smith, "van Dijk"), unless two on the line share one.
func briefLine(today []cadence.Status, remember int) string {
	firsts := map[string]int{}
	for _, st := range today {
		firsts[words.ShortName(st.Person.Name)]++
	}
	var parts []string
	if len(today) > 0 {
		var names []string
		for _, st := range today[:min(len(today), briefNames)] {
			name := oneLine(words.ShortName(st.Person.Name))
			if firsts[words.ShortName(st.Person.Name)] > 1 {
				name = oneLine(st.Person.Name)
			}
			name = termtext.Cut(name, briefNameWidth)
			if st.Birthday {
				name += " (birthday)"
			}
			names = append(names, name)
		}
		if more := len(today) - len(names); more > 0 {
			names = append(names, fmt.Sprintf("%d more", more))
		}
		parts = append(parts, fmt.Sprintf("%d to call: %s", len(today), strings.Join(names, ", ")))
	}
	if remember > 0 {
		parts = append(parts, fmt.Sprintf("%d to remember", remember))
	}
	return strings.Join(parts, " · ")
}

// lastNotes are what you last talked about with each of a few people, by id.
type lastNotes map[string]domain.LastNote

// notesOf reads what you last talked about with each of the people in the
// lists.
func notesOf(a *app, c *core.Core, lists ...[]cadence.Status) (lastNotes, error) {
	var ids []string
	for _, l := range lists {
		for _, st := range l {
			ids = append(ids, st.Person.ID)
		}
	}
	return c.LastNotes(a.ctx(), ids)
}

// words says the note of the person with id on a line, "last time: ...",
// or "" when there is none.
func (n lastNotes) words(id string) string {
	note, ok := n[id]
	if !ok {
		return ""
	}
	return termtext.Line(words.LastTime(note.Note)) // stored text, cleaned before it is painted
}

// writeTheDay writes what the day holds beneath the suggestions: the
// memories that have come due, and the birthdays and dates of the week.
func writeTheDay(a *app, c *core.Core, b *strings.Builder, now time.Time) error {
	day, err := c.TheDay(a.ctx(), now, daySectionLines)
	if err != nil {
		return err
	}
	due, dates := day.Memories, day.Dates
	if len(due) > 0 {
		b.WriteString("\n" + paint(styleTitle, "Remember") + "\n")
		for _, m := range due[:min(len(due), daySectionLines)] {
			r := cadence.Reminder{Text: m.Text, Due: m.Due}
			line := fmt.Sprintf("  %s: %s · %s", paint(styleName, termtext.Line(m.Name)), termtext.Line(m.Text), words.MemoryDue(r, false, now))
			if m.Answered {
				line += paint(styleDim, " · in touch since; if it is settled: tend done "+m.ID)
			}
			b.WriteString(line + "\n")
		}
		writeMore(b, len(due)-daySectionLines, "tend show NAME")
	}
	if len(dates) > 0 {
		b.WriteString("\n" + paint(styleTitle, "This week") + "\n")
		for _, d := range dates[:min(len(dates), daySectionLines)] {
			fmt.Fprintf(b, "  %s: %s\n", paint(styleName, termtext.Line(d.Name)), termtext.Line(words.SoonDate(d)))
		}
		writeMore(b, len(dates)-daySectionLines, "tend plan")
	}
	return nil
}

// daySectionLines is how many lines each section beneath the suggestions
// shows at most: a morning's reading, not a listing.
const daySectionLines = 10

// writeMore says how many lines a section left out, and where they are.
func writeMore(b *strings.Builder, more int, where string) {
	if more > 0 {
		fmt.Fprintf(b, "  %s\n", paint(styleDim, fmt.Sprintf("and %d more: %s", more, where)))
	}
}

// nobodyYet is what today, plan and list say on a database with no one in it.
const nobodyYet = "No one in tend yet. Add the first person:\n  tend add \"Ana Lima\" --tier close\n"

// nobodyActive is what today, plan and list say when no one active is in
// tend: that no one is in it yet, or, when everyone in it is archived,
// that, and where they are. Saying "no one yet" then would read as if the
// people were lost.
func nobodyActive(a *app, c *core.Core) (string, error) {
	n, err := c.CountArchived(a.ctx())
	if err != nil || n == 0 {
		return nobodyYet, err
	}
	who := "everyone in tend is archived"
	if n == 1 {
		who = "the one person in tend is archived"
	}
	return "No one to talk to: " + who + ".\n  tend list --archived shows them; tend restore NAME brings one back.\n", nil
}
