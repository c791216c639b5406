package main

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/words"
)

type digestOptions struct {
	week   bool
	format string
	json   bool
}

// newDigestCmd builds tend digest; a nil runF means runDigest.
func newDigestCmd(a *app, runF func(digestOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts digestOptions) error { return runDigest(a, opts) }
	}
	var opts digestOptions
	cmd := &cobra.Command{
		Use:   "digest",
		Short: "The day, or the week, as a letter to read once",
		Long: `Write the day as a letter: the people to call today with their reasons
and what you last talked about with each (the note of the latest
interaction, or else their open memories), birthdays and dates of the
week ahead with ages where the year is known, memories due, who is waiting for your reply,
who is drifting, and how many more there are to talk to.

With --week, the rest of the week (all of it on its first day, which is
week_starts in the settings, Monday by default): the calls planned day by
day as tend plan spreads them, and the dates and memories of the week.

Plain text by default; --format markdown or html for mail (everything
from the database is escaped), --json for scripts.`,
		Example: `  tend digest
  tend digest --week --format html
  tend digest --format markdown | mail -s "tend: today" you@example.com`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch opts.format {
			case "text", "markdown", "html":
			default:
				return usageErrorf("--format %q: want text, markdown or html", opts.format)
			}
			if opts.json && cmd.Flags().Changed("format") {
				return usageErrorf("give --format or --json, not both")
			}
			return runF(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.week, "week", false, "the rest of the week, not only today")
	cmd.Flags().StringVar(&opts.format, "format", "text", "text, markdown or html")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

// A letter is what a digest says, before it is written in a format.
type letter struct{ core.Digest }

type (
	letterDay    = core.DigestDay
	letterPerson = core.DigestPerson
	letterDate   = core.DigestDate
	letterOwed   = core.DigestOwed
)

func runDigest(a *app, opts digestOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	settings, err := a.Settings()
	if err != nil {
		return err
	}
	c, err := a.Core()
	if err != nil {
		return err
	}
	if c.Missing() && !opts.json {
		// A letter of "no one to call" every morning would hide a
		// mistyped TEND_DB in a cron job: it says there is no one yet.
		_, err := fmt.Fprintf(a.out, "No database at %s yet.\n%s", oneLine(c.Path()), nobodyYet)
		return err
	}
	d, err := c.Digest(a.ctx(), now, opts.week, settings.WeekStart)
	if err != nil {
		return err
	}
	l := letter{d}
	if opts.json {
		return a.printJSON(l.json())
	}
	var out string
	switch opts.format {
	case "markdown":
		out = l.markdown(now)
	case "html":
		out, err = l.html(now)
		if err != nil {
			return err
		}
	default:
		out = l.text(now)
	}
	_, err = fmt.Fprint(a.out, out)
	return err
}

// The parts of a letter in words, the same in every format.

func (l letter) title() string {
	if !l.Week {
		return l.From.Format("Monday 2 January 2006")
	}
	if l.From.Equal(l.To) {
		return "The week: " + l.From.Format("Mon 2 Jan")
	}
	return "The week: " + l.From.Format("Mon 2 Jan") + " to " + l.To.Format("Mon 2 Jan")
}

func (l letter) calls() int {
	n := 0
	for _, d := range l.Days {
		n += len(d.People)
	}
	return n
}

func (l letter) empty() bool {
	return l.calls() == 0 && len(l.Dates) == 0 && len(l.Memories) == 0 && len(l.Owed) == 0 && len(l.Drifting) == 0 && l.MoreDue == 0
}

func (l letter) dayHeading(d letterDay, now time.Time) string {
	if !l.Week {
		return "To call today"
	}
	h := d.Date.Format("Monday 2 January")
	if cadence.DaysBetween(now, d.Date) == 0 {
		h += ", today"
	}
	return h
}

func dateWords(d letterDate, now time.Time) (when, what string) {
	when = d.Date.Format("Mon 2 Jan")
	switch days := cadence.DaysBetween(now, d.Date); days {
	case 0:
		when = "today"
	case 1:
		when = "tomorrow"
	}
	switch {
	case d.Label == "birthday" && d.Years > 0:
		what = fmt.Sprintf("%s's birthday (%d)", oneLine(d.Name), d.Years)
	case d.Label == "birthday":
		what = oneLine(d.Name) + "'s birthday"
	case d.Years > 0:
		what = fmt.Sprintf("%s: %s (%s)", oneLine(d.Name), oneLine(d.Label), words.Plural(d.Years, "year"))
	default:
		what = oneLine(d.Name) + ": " + oneLine(d.Label)
	}
	return when, what
}

func memoryWords(m domain.DueMemory, now time.Time) string {
	due := "due " + m.Due.Format("Mon 2 Jan")
	switch days := cadence.DaysBetween(time.Date(m.Due.Year(), m.Due.Month(), m.Due.Day(), 0, 0, 0, 0, now.Location()), now); {
	case days == 0:
		due = "due today"
	case days == 1:
		due = "due yesterday"
	case days > 1:
		due = fmt.Sprintf("due %d days ago", days)
	}
	return oneLine(m.Name) + ": " + oneLine(m.Text) + " (" + due + ")"
}

// owedWords says it as today's reasons do: "wrote", "sent a gift", or "called" for a
// call of theirs you missed.
func owedWords(o letterOwed) string {
	verb := "wrote"
	switch {
	case o.Called:
		verb = "called"
	case o.Gift:
		verb = "sent a gift"
	}
	return fmt.Sprintf("%s %s %s ago", oneLine(o.Name), verb, words.Plural(o.Days, "day"))
}

func driftingWords(st cadence.Status) string {
	return oneLine(st.Person.Name) + ": " + words.Gaps(st.Drift)
}

func (l letter) moreWords() string {
	if l.MoreDue == 0 {
		return ""
	}
	return "And " + words.More(l.MoreDue) + ": tend plan spreads them over the coming days."
}

func (l letter) nothingWords() string {
	if l.Week {
		return "Nothing this week: no one to call. Enjoy the days."
	}
	return "Nothing today: no one to call. Enjoy the day."
}

// personLines are the lines under someone to call: the reasons, then what
// you last talked about, or what to remember.
func personLines(p letterPerson) []string {
	out := []string{strings.Join(words.Reasons(p.Reasons), " · ")}
	if p.Note != "" {
		out = append(out, words.LastTime(p.Note))
	}
	for _, m := range p.Memories {
		if slices.ContainsFunc(p.Reasons, func(r cadence.Reason) bool { return r.Kind == cadence.ReasonMemory && r.Label == m }) {
			continue // a reason already says it, with its day
		}
		out = append(out, "remember: "+oneLine(m))
	}
	return out
}

func (l letter) text(now time.Time) string {
	var b strings.Builder
	b.WriteString(l.title() + "\n")
	if l.empty() {
		b.WriteString("\n" + l.nothingWords() + "\n")
		return b.String()
	}
	for _, d := range l.Days {
		if len(d.People) == 0 {
			continue
		}
		b.WriteString("\n" + l.dayHeading(d, now) + "\n")
		for _, p := range d.People {
			fmt.Fprintf(&b, "  %s (%s)\n", oneLine(p.Person.Name), p.Person.Tier)
			for _, line := range personLines(p) {
				b.WriteString("    " + line + "\n")
			}
		}
	}
	section := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		b.WriteString("\n" + title + "\n")
		for _, line := range lines {
			b.WriteString("  " + line + "\n")
		}
	}
	sections := l.sections(now)
	for _, s := range sections {
		section(s.title, s.lines)
	}
	if w := l.moreWords(); w != "" {
		b.WriteString("\n" + w + "\n")
	}
	return b.String()
}

type letterSection struct {
	title string
	lines []string
}

// sections are the parts of the letter after the calls, as lines.
func (l letter) sections(now time.Time) []letterSection {
	var dates, memories, owed, drifting []string
	for _, d := range l.Dates {
		when, what := dateWords(d, now)
		dates = append(dates, when+": "+what)
	}
	for _, m := range l.Memories {
		memories = append(memories, memoryWords(m, now))
	}
	for _, o := range l.Owed {
		owed = append(owed, owedWords(o))
	}
	for _, st := range l.Drifting {
		drifting = append(drifting, driftingWords(st))
	}
	return []letterSection{
		{"Birthdays and dates ahead", dates},
		{"Memories due", memories},
		{"Waiting for your reply", owed},
		{"Drifting", drifting},
	}
}

// markdownEscaper puts a backslash before every character Markdown could
// read as markup, so that a name or a note is only ever text.
var markdownEscaper = func() *strings.Replacer {
	var pairs []string
	for _, c := range "\\`*_{}[]()<>#+-.!|~&" {
		pairs = append(pairs, string(c), "\\"+string(c))
	}
	return strings.NewReplacer(pairs...)
}()

func md(s string) string { return markdownEscaper.Replace(s) }

func (l letter) markdown(now time.Time) string {
	var b strings.Builder
	b.WriteString("# " + md(l.title()) + "\n")
	if l.empty() {
		b.WriteString("\n" + md(l.nothingWords()) + "\n")
		return b.String()
	}
	for _, d := range l.Days {
		if len(d.People) == 0 {
			continue
		}
		b.WriteString("\n## " + md(l.dayHeading(d, now)) + "\n\n")
		for _, p := range d.People {
			fmt.Fprintf(&b, "- **%s** (%s)", md(oneLine(p.Person.Name)), p.Person.Tier)
			for _, line := range personLines(p) {
				b.WriteString("  \n  " + md(line))
			}
			b.WriteString("\n")
		}
	}
	for _, s := range l.sections(now) {
		if len(s.lines) == 0 {
			continue
		}
		b.WriteString("\n## " + md(s.title) + "\n\n")
		for _, line := range s.lines {
			b.WriteString("- " + md(line) + "\n")
		}
	}
	if w := l.moreWords(); w != "" {
		b.WriteString("\n" + md(w) + "\n")
	}
	return b.String()
}

// letterHTML is the letter as an HTML page; html/template escapes every
// value for where it stands. Parsed when a digest is first written, not at
// every start of tend.
var letterHTML = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("digest").Parse(`<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
</head>
<body>
<h1>{{.Title}}</h1>
{{- if .Nothing}}
<p>{{.Nothing}}</p>
{{- end}}
{{- range .Days}}
<h2>{{.Heading}}</h2>
<ul>
{{- range .People}}
<li><strong>{{.Name}}</strong> ({{.Tier}}){{range .Lines}}<br>{{.}}{{end}}</li>
{{- end}}
</ul>
{{- end}}
{{- range .Sections}}
<h2>{{.Title}}</h2>
<ul>
{{- range .Lines}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
{{- if .More}}
<p>{{.More}}</p>
{{- end}}
</body>
</html>
`))
})

func (l letter) html(now time.Time) (string, error) {
	type person struct {
		Name, Tier string
		Lines      []string
	}
	type day struct {
		Heading string
		People  []person
	}
	type section struct {
		Title string
		Lines []string
	}
	v := struct {
		Title, Nothing, More string
		Days                 []day
		Sections             []section
	}{Title: l.title()}
	if l.empty() {
		v.Nothing = l.nothingWords()
	} else {
		for _, d := range l.Days {
			if len(d.People) == 0 {
				continue
			}
			hd := day{Heading: l.dayHeading(d, now)}
			for _, p := range d.People {
				hd.People = append(hd.People, person{Name: oneLine(p.Person.Name), Tier: string(p.Person.Tier), Lines: personLines(p)})
			}
			v.Days = append(v.Days, hd)
		}
		for _, s := range l.sections(now) {
			if len(s.lines) > 0 {
				v.Sections = append(v.Sections, section{Title: s.title, Lines: s.lines})
			}
		}
		v.More = l.moreWords()
	}
	var b strings.Builder
	if err := letterHTML().Execute(&b, v); err != nil {
		return "", fmt.Errorf("write the digest: %w", err)
	}
	return b.String(), nil
}

// The letter for scripts.

type digestJSON struct {
	From     string            `json:"from"`
	To       string            `json:"to"`
	Days     []digestDayJSON   `json:"days"`
	Dates    []digestDateJSON  `json:"dates"`
	Memories []digestMemory    `json:"memories"`
	Owed     []digestOwedJSON  `json:"owed"`
	Drifting []digestDriftJSON `json:"drifting"`
	MoreDue  int               `json:"more_due"`
}

type digestDayJSON struct {
	Date   string             `json:"date"`
	People []digestPersonJSON `json:"people"`
}

type digestPersonJSON struct {
	suggestionJSON
	OpenMemories []string `json:"open_memories"`
}

type digestDateJSON struct {
	Date  string `json:"date"`
	ID    string `json:"id"`
	Name  string `json:"name"`
	Label string `json:"label"`
	Years *int   `json:"years"` // the age, or years since; null when the year is not known
}

type digestMemory struct {
	exchange.MemoryRecord
	Name string `json:"name"`
}

type digestOwedJSON struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Days   int    `json:"days"`
	Called bool   `json:"called"` // their call you missed, not a message
}

type digestDriftJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Tier string `json:"tier"`
	Gaps []int  `json:"gaps"`
}

func (l letter) json() digestJSON {
	out := digestJSON{
		From: l.From.Format(time.DateOnly), To: l.To.Format(time.DateOnly),
		Days: []digestDayJSON{}, Dates: []digestDateJSON{}, Memories: []digestMemory{},
		Owed: []digestOwedJSON{}, Drifting: []digestDriftJSON{}, MoreDue: l.MoreDue,
	}
	for _, d := range l.Days {
		dj := digestDayJSON{Date: d.Date.Format(time.DateOnly), People: []digestPersonJSON{}}
		for _, p := range d.People {
			s := suggestion(p.Status)
			s.LastNote = p.Note
			dj.People = append(dj.People, digestPersonJSON{suggestionJSON: s, OpenMemories: append([]string{}, p.Memories...)})
		}
		out.Days = append(out.Days, dj)
	}
	for _, d := range l.Dates {
		dj := digestDateJSON{Date: d.Date.Format(time.DateOnly), ID: d.ID, Name: d.Name, Label: d.Label}
		if d.Years > 0 {
			dj.Years = &d.Years
		}
		out.Dates = append(out.Dates, dj)
	}
	for _, m := range l.Memories {
		out.Memories = append(out.Memories, digestMemory{MemoryRecord: exchange.Memory(m.Memory), Name: m.Name})
	}
	for _, o := range l.Owed {
		out.Owed = append(out.Owed, digestOwedJSON{ID: o.ID, Name: o.Name, Days: o.Days, Called: o.Called})
	}
	for _, st := range l.Drifting {
		out.Drifting = append(out.Drifting, digestDriftJSON{ID: st.Person.ID, Name: st.Person.Name, Tier: string(st.Person.Tier), Gaps: st.Drift})
	}
	return out
}
