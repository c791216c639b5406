package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
)

type showOptions struct {
	name string
	all  bool
	json bool
}

// newShowCmd builds tend show; a nil runF means runShow.
func newShowCmd(a *app, runF func(showOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts showOptions) error { return runShow(a, opts) }
	}
	var opts showOptions
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: "A person with their memories and timeline",
		Long: `A person: where they stand, why they would be suggested now, their
memories and their timeline (the latest 20 interactions; --all for every
one; --json always gives them all).

When tend notices something, show says so, and changes nothing: a rhythm
hint when your real conversations keep a rhythm far from the one set (with
the command that would take it), or that you reached out the last 5 times
and they have not in a year. With --json, those lines are in "advice".`,
		Example: `  tend show ana
  tend show ana --all               # the whole timeline
  tend show ana --json | jq '.memories[] | select(.done_at == null) | .text'`,
		Args: exactArgs(1, "one NAME"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.name = args[0]
			return runF(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.all, "all", false, "the whole timeline, not only the latest 20")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

// timelineShown is how much of the timeline show prints without --all:
// the conversations that matter now, not years of them.
const timelineShown = 20

func runShow(a *app, opts showOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	c, err := a.ReadCore()
	if err != nil {
		return err
	}
	sh, err := c.Show(a.ctx(), opts.name, now)
	if err != nil {
		return err
	}
	p, sum, st := sh.Person, sh.Summary, sh.Status
	history, memories := sh.Timeline, sh.Memories
	notes := append([]string{}, words.Notes(sh.Noticed)...)
	if opts.json {
		out := personDetailJSON{
			PersonRecord:  exchange.Person(p),
			DaysSinceReal: st.DaysSinceReal,
			DueRatio:      st.DueRatio,
			Due:           st.Due,
			Reasons:       words.Reasons(st.Reasons),
			Interactions:  []interactionOut{},
			Memories:      []exchange.MemoryRecord{},
			Advice:        notes,
		}
		for _, in := range history {
			out.Interactions = append(out.Interactions, interactionJSON(in))
		}
		for _, m := range memories {
			out.Memories = append(out.Memories, exchange.Memory(m))
		}
		return a.printJSON(out)
	}

	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s, %s\n", paint(styleName, p.Name), tierText(p.Tier), words.Every(st.Interval))
	// The labels line up at the widest one ("work anniversary" and the
	// like included), and a value of several lines keeps that indent.
	labelW := 11
	for _, d := range p.ImportantDates {
		labelW = max(labelW, len([]rune(termtext.Line(d.Label))))
	}
	indent := "\n" + strings.Repeat(" ", labelW+3)
	field := func(label, value string) {
		if value != "" {
			value = strings.ReplaceAll(strings.TrimRight(value, "\n"), "\n", indent)
			fmt.Fprintf(&b, "  %s %s\n", paint(styleDim, fmt.Sprintf("%-*s", labelW, label)), value)
		}
	}
	switch {
	case p.Archived():
		field("status", "archived "+p.ArchivedAt.In(now.Location()).Format("2 Jan 2006"))
	case p.SnoozedUntil.After(now):
		field("status", "snoozed until "+p.SnoozedUntil.In(now.Location()).Format("Mon 2 Jan 2006"))
	}
	last := words.LastConversation(sum.LastReal, st.DaysSinceReal, now)
	dueText := fmt.Sprintf("%.2f of the rhythm", st.DueRatio)
	if st.Due {
		dueText += ", due"
	}
	field("talked", last)
	field("due", dueText)
	field("birthday", words.MonthDay(p.Birthday))
	for _, d := range p.ImportantDates {
		field(termtext.Line(d.Label), words.MonthDay(d.Date))
	}
	field("work", termtext.Line(strings.Join(nonEmpty(p.JobTitle, p.Org), ", ")))
	field("phone", termtext.Line(withKinds(p.Phones, p.PhoneTypes)))
	field("email", termtext.Line(withKinds(p.Emails, p.EmailTypes)))
	field("tags", termtext.Line(strings.Join(p.Tags, ", ")))
	field("also called", termtext.Line(strings.Join(p.Aliases, ", ")))
	field("notes", termtext.Text(p.Notes))
	if len(st.Reasons) > 0 {
		field("why now", reasonsLine(words.Reasons(st.Reasons)))
	}
	if sh.HasLastNote {
		field("last time", strings.TrimPrefix(lastNotes{p.ID: sh.LastNote}.words(p.ID), "last time: "))
	}
	hint, hasHint := sh.Hint, sh.HasHint
	for _, n := range notes {
		if hasHint && n == words.RhythmHint(hint) {
			// The command goes on a line of its own, under the hint.
			field("rhythm", termtext.Line(n)+"\n"+paint(styleDim, rhythmCommand(p.Name, hint)))
			continue
		}
		field("noticed", termtext.Line(n))
	}

	b.WriteString("\n" + paint(styleTitle, "Remember") + "\n")
	if len(memories) == 0 {
		b.WriteString("  nothing yet (tend remember " + termtext.Line(quoteArg(p.Name)) + " \"...\")\n")
	}
	shortMemory, err := c.ShortMemoryIDs(a.ctx(), memories)
	if err != nil {
		return err
	}
	open := 0
	for _, m := range memories {
		// Open memories are numbered for tend done NAME N.
		mark := "   [x]"
		if !m.Done() {
			open++
			mark = fmt.Sprintf("%2d [ ]", open)
		}
		due := ""
		switch {
		case m.Done():
			due = "  " + paint(styleDim, "done "+m.DoneAt.In(now.Location()).Format("Mon 2 Jan 2006"))
		case !m.Due.IsZero():
			due = "  " + paint(styleDim, "due "+m.Due.Format("Mon 2 Jan 2006"))
		}
		fmt.Fprintf(&b, "  %s %s%s  %s\n", mark, termtext.Text(m.Text), due, paint(styleDim, shortMemory[m.ID]))
	}

	shown := history
	if !opts.all && len(history) > timelineShown {
		shown = history[:timelineShown]
	}
	title := paint(styleTitle, "Timeline")
	if len(shown) < len(history) {
		title += paint(styleDim, fmt.Sprintf(" · the latest %d of %d (tend show %s --all)", len(shown), len(history), termtext.Line(quoteArg(opts.name))))
	}
	b.WriteString("\n" + title + "\n")
	if len(history) == 0 {
		b.WriteString("  nothing logged yet (tend log " + termtext.Line(quoteArg(p.Name)) + ")\n")
	}
	shortInteraction, err := c.ShortInteractionIDs(a.ctx(), shown)
	if err != nil {
		return err
	}
	for _, in := range shown {
		fmt.Fprintf(&b, "  %s  %s  %s\n", in.At.In(now.Location()).Format("2006-01-02 15:04"), interactionLine(in, p.ID), paint(styleDim, shortInteraction[in.ID]))
	}
	_, err = fmt.Fprint(a.out, b.String())
	return err
}

// withKinds lists phones or e-mails, each with its kind where known:
// "+44 7700 900123 (mobile), +44 20 7946 0958 (work, fax)".
func withKinds(values []string, kinds map[string]string) string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = v
		if k := kinds[v]; k != "" {
			out[i] += " (" + strings.ReplaceAll(k, ",", ", ") + ")"
		}
	}
	return strings.Join(out, ", ")
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// quoteArg quotes a name for a shell command line when it needs it.
func quoteArg(s string) string {
	if strings.ContainsAny(s, " \t\n'\"\\$`;&|<>()*?[]#~!") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}

// rhythmCommand is the command that would take a rhythm hint, for the user
// to run if they agree: tend never applies it.
func rhythmCommand(name string, h cadence.RhythmHint) string {
	if h.Tier != "" {
		return fmt.Sprintf("tend edit %s --tier %s", quoteArg(name), h.Tier)
	}
	return fmt.Sprintf("tend edit %s --every %dd", quoteArg(name), h.Every)
}

// reasonsLine joins the reasons someone is suggested, which can name them
// or quote a memory, on one line made safe to show.
func reasonsLine(reasons []string) string {
	return termtext.Line(strings.Join(reasons, " · "))
}
