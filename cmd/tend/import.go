package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/termtext"
)

// importFormats are the formats import reads.
var importFormats = map[string]string{
	"json": "json", "vcard": "vcard", "vcf": "vcard", "csv": "csv", "friends": "friends", "friends.md": "friends",
}

type importOptions struct {
	format     string
	file       string
	dryRun     bool
	identities []string
	json       bool
}

// newImportCmd builds tend import and its commands for logs; a nil runF
// means runImport.
func newImportCmd(a *app, runF func(importOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts importOptions) error { return runImport(a, opts) }
	}
	var opts importOptions
	cmd := &cobra.Command{
		Use:   "import json|vcard|csv|friends FILE|DIR|-",
		Short: "Bring people in from a tend export, an address book, a spreadsheet or friends.md",
		Long: `Read FILE (- for standard input) into tend, all or nothing: one bad record
rejects the whole file, naming it, and nothing is written.

  json     tend's interchange format (tend export json): merged by id, the
           newer updated_at wins; importing it twice changes nothing
  vcard    an address book (vCard 2.1, 3.0, 4.0), or a folder of them (one
           .vcf per contact, as khard and vdirsyncer keep): names, phones and
           e-mails with their kinds, birthdays, organisation, job title,
           categories as tags, notes, anniversaries; a card that cannot be
           read is skipped with its place and reason
  csv      a header row naming the columns: tend's own (name, tier, every,
           birthday, phone, email, tags, notes, dates, org, job_title), or
           the exports of Google Contacts, Outlook and Thunderbird; columns
           tend does not keep are counted and passed over
  friends  the friends.md file of the friends command-line tool

People from vCard, CSV and friends.md are matched by UID where a card has
one, else by name (ignoring case): someone tend already has is updated, not
added twice. Two people of one name in one file are kept apart, and the
summary says so. The summary counts people, interactions and memories
apart, new and matched (already in tend); skipped counts whole cards,
rows, entries or records, each with its reason, and a part of one passed
over (a property, a column) is a note. --dry-run shows what would happen
and writes nothing; it only reads the database, so it runs beside another
import without waiting for it. A file encrypted with age (tend export --encrypt, tend backup --encrypt is a
database, not an import) is opened with a passphrase or with --identity.`,
		Example: `  tend import vcard contacts.vcf --dry-run
  tend import vcard ~/.contacts/family      # every .vcf in the folder
  tend import csv google-contacts.csv
  tend import json tend-backup.json
  ssh laptop tend export json | tend import json -
  tend import csv people.csv --json
  tend import json tend.json.age          # asks for the passphrase`,
		Args:      exactArgs(2, "a format (json, vcard, csv or friends) and a FILE (- for standard input; a folder for vcard)"),
		ValidArgs: []string{"json", "vcard", "csv", "friends"},
		RunE: func(cmd *cobra.Command, args []string) error {
			format, ok := importFormats[strings.ToLower(args[0])]
			if !ok {
				return usageErrorf("unknown import format %q (want json, vcard, csv or friends)", args[0])
			}
			opts.format, opts.file = format, args[1]
			return runF(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "show what would be imported, and write nothing")
	stringArrayVar(cmd.Flags(), &opts.identities, "identity", "open an age-encrypted FILE with the secret keys in this `FILE` (else a passphrase is asked, or read from "+passphraseEnv+")")
	addJSONFlag(cmd, &opts.json)
	cmd.AddCommand(newImportLogsCmd(a, "calls", nil), newImportLogsCmd(a, "messages", nil))
	return cmd
}

func runImport(a *app, opts importOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	if opts.format == "vcard" && opts.file != "-" {
		if info, err := os.Stat(opts.file); err == nil && info.IsDir() {
			return runImportDir(a, opts)
		}
	}
	name, in, size, err := openInput(a, opts.file)
	if err != nil {
		return err
	}
	defer in.Close()
	in, err = unsealed(a, name, in, opts.identities)
	if err != nil {
		return err
	}
	c, err := a.UnrankedCore()
	if err != nil {
		return err
	}
	counted := &countingReader{r: in}
	bar := newProgress(a.stderr, a.terminals.Stderr, termtext.Line(name), size, counted)
	res, err := c.Import(a.ctx(), core.ImportFile{Format: opts.format, From: counted, Source: name, DryRun: opts.dryRun, Now: now,
		Watch: func(t exchange.Target) exchange.Target { return &progressTarget{Target: t, bar: bar} }})
	bar.finish()
	return importDone(a, name, opts, res, err)
}

// runImportDir reads every card of a folder of vCards as one import.
func runImportDir(a *app, opts importOptions) error {
	c, err := a.UnrankedCore()
	if err != nil {
		return err
	}
	name := opts.file
	res, err := c.Import(a.ctx(), core.ImportFile{Format: opts.format, Dir: os.DirFS(opts.file), Source: name, DryRun: opts.dryRun})
	return importDone(a, name, opts, res, err)
}

// importDone reports an import: the error, or the summary.
func importDone(a *app, name string, opts importOptions, res domain.ImportResult, err error) error {
	format := opts.format
	if err != nil {
		var ie *exchange.InputError
		if errors.As(err, &ie) {
			return &usageError{fmt.Errorf("import %s: %w", name, err)}
		}
		return fmt.Errorf("import %s: %w", name, err)
	}
	if !res.DryRun {
		a.imported(importJSON(name, format, res))
	}
	if opts.json {
		return a.printJSON(importJSON(name, format, res))
	}
	return printImport(a, name, format, res)
}

// openInput opens FILE, or standard input for "-". size is 0 when unknown.
func openInput(a *app, file string) (name string, in io.ReadCloser, size int64, err error) {
	if file == "-" {
		return "standard input", io.NopCloser(a.stdin), 0, nil
	}
	f, err := os.Open(file)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", nil, 0, usageErrorf("import %s: %v", file, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return "", nil, 0, fmt.Errorf("import %s: %w", file, err)
	}
	if info.IsDir() {
		f.Close()
		return "", nil, 0, usageErrorf("import %s: is a directory, not a file", file)
	}
	return file, f, info.Size(), nil
}

func printImport(a *app, name, format string, res domain.ImportResult) error {
	var b strings.Builder
	verb, tail := "Imported", ""
	if res.DryRun {
		verb, tail = "Would import", " (dry run: nothing was written)"
	}
	fmt.Fprintf(&b, "%s %s: %s%s.\n", verb, name, newKinds(res), tail)
	for _, k := range []struct {
		what string
		c    domain.ImportCounts
	}{{"people", res.People}, {"interactions", res.Interactions}, {"memories", res.Memories}} {
		// People are always named: a file of cards that brought no one is
		// worth saying so. The other kinds only when the file held some.
		if k.what != "people" && k.c.New == 0 && k.c.Matched == 0 {
			continue
		}
		fmt.Fprintf(&b, "  %-13s %d new, %d matched", k.what+":", k.c.New, k.c.Matched)
		if k.c.Updated > 0 {
			fmt.Fprintf(&b, " (%d updated)", k.c.Updated)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "  %-13s %s\n", "skipped:", skipCounts(format, res.Skipped))
	for _, sk := range res.Skipped {
		where := sk.Where
		if where != "" {
			where += ": "
		}
		fmt.Fprintf(&b, "    %s%s\n", where, oneLine(sk.Reason))
	}
	for i, n := range res.Notes {
		if i == maxNotesShown && len(res.Notes) > maxNotesShown+1 {
			fmt.Fprintf(&b, "  note: %d more (--json lists them all)\n", len(res.Notes)-i)
			break
		}
		where := n.Where
		if where != "" {
			where += ": "
		}
		fmt.Fprintf(&b, "  note: %s%s\n", where, oneLine(n.Text))
	}
	if res.People.New >= manyNewPeople && !res.DryRun && (format == "vcard" || format == "csv") {
		// An address book brings everyone its owner ever saved: all on the
		// default tier, added on one day, and so all due on one day.
		fmt.Fprintf(&b, "  hint: the %d new people are all due on the same day, a rhythm after today; give the few who matter a tier (tend edit NAME --tier close), and archive those you do not keep up with (tend archive NAME)\n", res.People.New)
	}
	_, err := fmt.Fprint(a.out, b.String())
	return err
}

// manyNewPeople is how many new people from an address book bring the
// hint about tiers: more than the closest layers hold.
const manyNewPeople = 50

// newKinds says what an import added, each kind apart: "3 new people, 4
// new interactions", or "nothing new".
func newKinds(res domain.ImportResult) string {
	var parts []string
	for _, k := range []struct {
		n           int
		one, plural string
	}{{res.People.New, "person", "people"}, {res.Interactions.New, "interaction", "interactions"}, {res.Memories.New, "memory", "memories"}} {
		if k.n == 1 {
			parts = append(parts, "1 new "+k.one)
		} else if k.n > 1 {
			parts = append(parts, fmt.Sprintf("%d new %s", k.n, k.plural))
		}
	}
	if len(parts) == 0 {
		if n := res.People.Updated + res.Interactions.Updated + res.Memories.Updated; n > 0 {
			return fmt.Sprintf("nothing new, %d updated", n) // "nothing new" alone reads as nothing done
		}
		return "nothing new"
	}
	return strings.Join(parts, ", ")
}

// skipUnit is what one skip of an import stands for, in the words of its
// format: a whole card, row, entry or record, never a part of one (a
// property or a column passed over is a note).
func skipUnit(format string) (one, many string) {
	switch format {
	case "vcard":
		return "card", "cards"
	case "csv":
		return "row", "rows"
	case "friends":
		return "entry", "entries"
	default:
		return "record", "records"
	}
}

// skipCounts counts the skips in their units: "0 cards", "2 rows",
// "1 card, 1 file".
func skipCounts(format string, skips []domain.ImportSkip) string {
	one, many := skipUnit(format)
	counts := map[string]int{one: 0}
	order := []string{one}
	for _, s := range skips {
		u := s.Unit
		if u == "" {
			u = one
		}
		if _, ok := counts[u]; !ok {
			order = append(order, u)
		}
		counts[u] += s.N()
	}
	var parts []string
	for _, u := range order {
		n := counts[u]
		switch {
		case n == 1:
			parts = append(parts, "1 "+u)
		case u == one:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %ss", n, u))
		}
	}
	if len(parts) > 1 && counts[one] == 0 {
		parts = parts[1:] // "1 file", not "0 cards, 1 file"
	}
	return strings.Join(parts, ", ")
}

// maxNotesShown is how many notes an import summary prints: an address
// book with a thousand cards of one name says so ten times, then counts.
const maxNotesShown = 10

// importResultJSON is `tend import --json`.
type importResultJSON struct {
	File         string           `json:"file"`
	Format       string           `json:"format"`
	DryRun       bool             `json:"dry_run"`
	New          int              `json:"new"`
	Matched      int              `json:"matched"`
	Updated      int              `json:"updated"`
	Skipped      int              `json:"skipped"`
	People       importCountsJSON `json:"people"`
	Interactions importCountsJSON `json:"interactions"`
	Memories     importCountsJSON `json:"memories"`
	Skips        []importSkipJSON `json:"skips"`
	Notes        []importNoteJSON `json:"notes"`
}

type importNoteJSON struct {
	Where string `json:"where"`
	Text  string `json:"text"`
}

type importCountsJSON struct {
	New     int `json:"new"`
	Matched int `json:"matched"`
	Updated int `json:"updated"`
}

type importSkipJSON struct {
	Where  string `json:"where"`
	Reason string `json:"reason"`
	Count  int    `json:"count"`
	Unit   string `json:"unit"` // what count counts: card, row, entry, record or file
}

func importJSON(name, format string, res domain.ImportResult) importResultJSON {
	one, _ := skipUnit(format)
	counts := func(c domain.ImportCounts) importCountsJSON {
		return importCountsJSON{New: c.New, Matched: c.Matched, Updated: c.Updated}
	}
	out := importResultJSON{
		File: name, Format: format, DryRun: res.DryRun,
		New: res.New(), Matched: res.Matched(), Updated: res.Updated(), Skipped: res.SkippedCount(),
		People: counts(res.People), Interactions: counts(res.Interactions), Memories: counts(res.Memories),
		Skips: []importSkipJSON{}, Notes: []importNoteJSON{},
	}
	for _, n := range res.Notes {
		out.Notes = append(out.Notes, importNoteJSON{Where: n.Where, Text: n.Text})
	}
	for _, s := range res.Skipped {
		unit := s.Unit
		if unit == "" {
			unit = one
		}
		out.Skips = append(out.Skips, importSkipJSON{Where: s.Where, Reason: s.Reason, Count: s.N(), Unit: unit})
	}
	return out
}

// countingReader counts the bytes read, for the progress bar. The JSON
// reader reads on one goroutine while the bar is drawn on another, hence
// the atomic.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// progressTarget counts records on their way to the store.
type progressTarget struct {
	exchange.Target
	bar *progress
}

// Now is the moment of the import, which the readers check dates against
// (no birthday, interaction or record stamp after it): the wrapper must
// not hide it.
func (t *progressTarget) Now() time.Time {
	if c, ok := t.Target.(interface{ Now() time.Time }); ok {
		return c.Now()
	}
	return time.Time{}
}

func (t *progressTarget) PutPerson(p domain.Person) error {
	t.bar.tick()
	return t.Target.PutPerson(p)
}

func (t *progressTarget) MatchPerson(p domain.Person) (string, error) {
	t.bar.tick()
	return t.Target.MatchPerson(p)
}

func (t *progressTarget) PutInteraction(in domain.Interaction) error {
	t.bar.tick()
	return t.Target.PutInteraction(in)
}

func (t *progressTarget) PutMemory(m domain.Memory) error {
	t.bar.tick()
	return t.Target.PutMemory(m)
}

// progress is a one-line progress bar on stderr, redrawn in place with a
// carriage return. It shows only on a terminal, and only once an import
// has passed progressAfter records: small imports finish before a bar
// would be read, and a bar in a log file or a pipe is noise. It redraws
// every progressEvery records rather than on a timer, so it reads no clock.
type progress struct {
	w       io.Writer
	on      bool
	name    string
	size    int64 // bytes in the file; 0 when unknown (standard input)
	read    *countingReader
	records int
	shown   bool
}

const (
	progressAfter = 5000
	progressEvery = 1000
	progressWidth = 30
)

func newProgress(w io.Writer, on bool, name string, size int64, read *countingReader) *progress {
	return &progress{w: w, on: on, name: name, size: size, read: read}
}

func (p *progress) tick() {
	p.records++
	if !p.on || p.records < progressAfter || p.records%progressEvery != 0 {
		return
	}
	p.shown = true
	line := fmt.Sprintf("importing %s  %s records", p.name, groupDigits(p.records))
	if p.size > 0 {
		frac := min(float64(p.read.n.Load())/float64(p.size), 1)
		filled := int(frac * progressWidth)
		line = fmt.Sprintf("importing %s  [%s%s] %3.0f%%  %s records", p.name,
			strings.Repeat("=", filled), strings.Repeat(" ", progressWidth-filled), frac*100, groupDigits(p.records))
	}
	fmt.Fprint(p.w, "\r"+line+"\x1b[K")
}

// finish clears the bar, so the summary starts on a clean line.
func (p *progress) finish() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// groupDigits writes 1234567 as 1,234,567.
func groupDigits(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
