package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/phonelog"
	"github.com/tend-app/tend/internal/words"
)

// logImportOptions are the flags of tend import calls and import messages.
type logImportOptions struct {
	kind   string // "calls" or "messages"
	file   string // a file, a folder, or - for standard input
	format string
	region string
	as     string
	me     string
	dryRun bool
	json   bool
}

// newImportLogsCmd builds tend import calls or import messages (kind); a
// nil runF means runImportLogs.
func newImportLogsCmd(a *app, kind string, runF func(logImportOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts logImportOptions) error { return runImportLogs(a, opts) }
	}
	opts := logImportOptions{kind: kind}
	formats, what := phonelog.Calls, "call log"
	long := `Read a phone's call log: SMS Backup & Restore's calls-*.xml, the JSON
of Termux:API's termux-call-log, Google Takeout's Voice folder
(Takeout/Voice/Calls, or a folder holding it: its calls, missed calls and
voicemails; its texts are for import messages), or the CallHistory.storedata
of an iPhone backup or a Mac (phone, FaceTime and app calls; opened
read-only, never changed). An answered call becomes a call (or video call)
with its direction and minutes; a missed or rejected call, or a voicemail,
a missed call.`
	example := `  tend import calls calls-20261124093000.xml --dry-run
  termux-call-log -l 500 | tend import calls -
  tend import calls ~/Downloads/Takeout/Voice/
  tend import calls ~/Library/Application\ Support/CallHistoryDB/CallHistory.storedata
  tend import calls ~/sync/backups/ --region DE`
	if kind == "messages" {
		formats, what = phonelog.Messages, "message history"
		long = `Read a message history: SMS Backup & Restore's sms-*.xml (SMS and MMS), the
JSON of Termux:API's termux-sms-list, a WhatsApp "Export chat" (.txt, or the
.zip it shares), Telegram Desktop's result.json, the texts of Google
Takeout's Voice folder, or Facebook Messenger's message_1.json (a thread
of "Download your information" in JSON, or the messages folder of them).
Messages are touches: a run of messages from one side is one touch at the
time of the last, so who wrote last stays right. Telegram's and
Messenger's calls become calls. Group chats and group MMS are left out and
counted. In Messenger threads you are --me, else the one participant of
every thread read.`
		example = `  tend import messages sms-20261124093000.xml
  tend import messages "WhatsApp Chat with Ana Lima.txt"
  tend import messages chat.zip --as "Ana Lima" --me "Sam"
  termux-sms-list -l 1000 -t all | tend import messages -
  tend import messages result.json --dry-run
  tend import messages ~/Downloads/Takeout/Voice/Calls/
  tend import messages ~/Downloads/facebook/messages/inbox/`
	}
	cmd := &cobra.Command{
		Use:   kind + " FILE|DIR|-",
		Short: "Log the conversations in a phone's " + what,
		Long: long + `

Only the fact of contact is kept: who, when, which way, how long; never a
message's text. People are matched by phone number (read in --region, else
the region of the settings file, else the region of the locale in LC_ALL,
LC_MESSAGES or LANG), by e-mail, and a
chat by its partner's name (exactly, or ignoring case). Numbers and names
tend does not know are counted, never added: --dry-run lists the most
frequent, with the name the phone had for them. Importing the same file
again, or an overlapping backup, adds nothing; a call you logged by hand
is not logged twice. The format is recognised from the content; --format
names it. All or nothing: a file that is not what it claims is refused and
nothing is written.`,
		Example: example,
		Args:    exactArgs(1, "a FILE, a DIR or - for standard input"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return runF(opts)
		},
	}
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = string(f)
	}
	cmd.Flags().StringVar(&opts.format, "format", "", "read the input as `FORMAT`: "+strings.Join(names, ", "))
	cmd.Flags().StringVar(&opts.region, "region", "", "read numbers without a country code as numbers of this `REGION` (DE, US, ...)")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "show what would be logged, matched and skipped, and write nothing")
	if kind == "messages" {
		cmd.Flags().StringVar(&opts.as, "as", "", "the person a one-to-one chat export is with")
		cmd.Flags().StringVar(&opts.me, "me", "", "your own `NAME` as a chat export shows it")
	} else {
		// DESIGN's synopsis gives both kinds --as: calls written with a
		// name and no number (Google Voice's) are with that person.
		cmd.Flags().StringVar(&opts.as, "as", "", "the person the calls written with a name and no number are with")
	}
	addJSONFlag(cmd, &opts.json)
	return cmd
}

// logInput is one file to read.
type logInput struct {
	name   string
	format phonelog.Format
	open   func() (io.ReadCloser, error)
	title  string
}

func runImportLogs(a *app, opts logImportOptions) error {
	formats, arg := phonelog.Calls, opts.file
	if opts.kind == "messages" {
		formats = phonelog.Messages
	}
	var forced phonelog.Format
	if opts.format != "" {
		f, err := phonelog.ParseFormat(opts.format, formats)
		if err != nil {
			return usageErrorf("--format: %v", err)
		}
		forced = f
	}
	region, regionFrom := strings.ToUpper(strings.TrimSpace(opts.region)), "--region"
	if region != "" && !phonelog.ValidRegion(region) {
		return usageErrorf("--region %q is not a region phone numbers know (want a code such as DE or US)", opts.region)
	}
	if region == "" {
		settings, err := a.Settings()
		if err != nil {
			return err
		}
		region, regionFrom = settings.Region, "the settings file"
	}
	if region == "" {
		region = phonelog.RegionFromEnv(func(k string) string { return a.env[k] })
		regionFrom = "the locale"
	}
	inputs, err := gatherLogInputs(a, arg, forced, formats, opts.kind)
	if err != nil {
		return err
	}
	if opts.as != "" && len(inputs) > 1 {
		return usageErrorf("--as names the person of one chat; %s holds %d files", arg, len(inputs))
	}
	if opts.me == "" {
		opts.me = messengerMe(inputs)
	}
	c, err := a.UnrankedCore()
	if err != nil {
		return err
	}
	// A log of a million messages is held as small records until they are
	// matched and collapsed; a soft limit on the heap makes the collector
	// work harder near it instead of letting garbage double the footprint.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(importHeapLimit))
	var asIDs []string
	if opts.as != "" {
		p, err := c.FindPerson(a.ctx(), opts.as, domain.PreferActive)
		if err != nil {
			return fmt.Errorf("--as: %w", err)
		}
		asIDs = []string{p.ID}
	}
	var used []string
	res, sum, err := c.ImportLogs(a.ctx(), core.LogImport{DryRun: opts.dryRun, Region: region, As: asIDs,
		Read: func(imp *phonelog.Importer) ([]domain.ImportSkip, error) {
			skips := newSkipTally()
			for _, in := range inputs {
				if err := readLogInput(a, in, imp, opts, skips); err != nil {
					return nil, err
				}
				if !slices.Contains(used, string(in.format)) {
					used = append(used, string(in.format))
				}
			}
			return skips.list(), nil
		}})
	if err != nil {
		var ie *phonelog.InputError
		if errors.As(err, &ie) {
			return &usageError{err}
		}
		return fmt.Errorf("import %s: %w", displayArg(arg), err)
	}
	report := logReport{arg: displayArg(arg), formats: used, region: region, regionFrom: regionFrom, res: res, sum: sum}
	if opts.json {
		return a.printJSON(report.json())
	}
	return report.print(a)
}

// messengerMe finds you in a folder of Messenger threads: the one
// participant of every thread.
func messengerMe(inputs []logInput) string {
	var threads [][]string
	for _, in := range inputs {
		if in.format != phonelog.Messenger {
			continue
		}
		r, err := in.open()
		if err != nil {
			continue // the reading proper says why
		}
		threads = append(threads, phonelog.MessengerParticipants(r))
		r.Close()
	}
	return phonelog.MessengerMe(threads)
}

func displayArg(arg string) string {
	if arg == "-" {
		return "standard input"
	}
	return arg
}

// gatherLogInputs lists the files to read: the one named, standard input,
// or every file of a folder that holds a format of this kind (others are
// passed over: a WhatsApp folder holds photos beside the chat).
func gatherLogInputs(a *app, arg string, forced phonelog.Format, formats []phonelog.Format, kind string) ([]logInput, error) {
	if arg == "-" {
		data, err := io.ReadAll(a.stdin)
		if err != nil {
			return nil, fmt.Errorf("import standard input: %w", err)
		}
		in, err := classify("standard input", "", data[:min(len(data), detectSize)], data, func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(data)), nil
		}, forced, formats, kind)
		if err != nil {
			return nil, err
		}
		return []logInput{in}, nil
	}
	info, err := os.Stat(arg)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, usageErrorf("import %s: %v", arg, err)
	}
	if !info.IsDir() {
		in, err := classifyFile(arg, forced, formats, kind)
		if err != nil {
			return nil, err
		}
		return []logInput{in}, nil
	}
	var paths []string
	err = filepath.WalkDir(arg, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, usageErrorf("import %s: %v", arg, err)
	}
	sort.Strings(paths)
	var inputs []logInput
	for _, p := range paths {
		in, err := classifyFile(p, forced, formats, kind)
		if err != nil {
			continue // not a log of this kind: passed over
		}
		inputs = append(inputs, in)
	}
	if len(inputs) == 0 {
		return nil, usageErrorf("import %s: no %s in the folder tend can read", arg, kindWhat(kind))
	}
	return inputs, nil
}

// importHeapLimit is the soft limit of the Go heap during an import of
// logs (SQLite's page cache is apart from it).
const importHeapLimit = 120 << 20

// detectSize is how much of a file the format is told from.
const detectSize = 64 << 10

func classifyFile(path string, forced phonelog.Format, formats []phonelog.Format, kind string) (logInput, error) {
	f, err := os.Open(path)
	if err != nil {
		return logInput{}, usageErrorf("import %s: %v", path, unwrapPath(err))
	}
	defer f.Close()
	head := make([]byte, detectSize)
	n, _ := io.ReadFull(bufio.NewReader(f), head)
	head = head[:n]
	if phonelog.IsZip(head) {
		info, err := f.Stat()
		if err != nil {
			return logInput{}, fmt.Errorf("import %s: %w", path, err)
		}
		rc, title, err := phonelog.OpenChatZip(f, info.Size())
		if err != nil {
			return logInput{}, &usageError{fmt.Errorf("import %s: %w", path, err)}
		}
		zhead := make([]byte, detectSize)
		zn, _ := io.ReadFull(rc, zhead)
		rc.Close()
		return classify(path, path+"/"+title, zhead[:zn], nil, func() (io.ReadCloser, error) {
			f, err := os.Open(path)
			if err != nil {
				return nil, err
			}
			rc, _, err := phonelog.OpenChatZip(f, info.Size())
			if err != nil {
				f.Close()
				return nil, err
			}
			return struct {
				io.Reader
				io.Closer
			}{rc, f}, nil
		}, forced, formats, kind)
	}
	return classify(path, path, head, nil, func() (io.ReadCloser, error) { return os.Open(path) }, forced, formats, kind)
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// classify tells the format of an input from its start, and refuses one
// that is not a log of this kind.
func classify(name, title string, head, whole []byte, open func() (io.ReadCloser, error), forced phonelog.Format, formats []phonelog.Format, kind string) (logInput, error) {
	in := logInput{name: name, open: open, title: title}
	if whole != nil && phonelog.IsZip(whole) {
		rc, t, err := phonelog.OpenChatZip(bytes.NewReader(whole), int64(len(whole)))
		if err != nil {
			return in, &usageError{fmt.Errorf("import %s: %w", name, err)}
		}
		text, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return in, &usageError{fmt.Errorf("import %s: %v", name, err)}
		}
		in.title = t
		head = text[:min(len(text), detectSize)]
		in.open = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(text)), nil }
	}
	if forced != "" {
		in.format = forced
		return in, nil
	}
	f := phonelog.Detect(head)
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return in, usageErrorf("import %s: the input is empty (termux-call-log and termux-sms-list print nothing when they lack the permission)", name)
	}
	if f == "" && bytes.Equal(trimmed, []byte("[]")) {
		f = formats[1] // an empty list: Termux with nothing to tell
	}
	if f == "" && phonelog.IsSQLite(head) {
		return in, usageErrorf("import %s: a SQLite database, but not an iOS call history tend can read; if it is one (CallHistory.storedata), name its format with --format ios-calls", name)
	}
	if f == "" {
		return in, usageErrorf("import %s: not a %s tend can read (%s); if it is one, name its format with --format", name, kindWhat(kind), formatList(formats))
	}
	if !slices.Contains(formats, f) {
		other := "messages"
		if kind == "messages" {
			other = "calls"
		}
		return in, usageErrorf("import %s: this file is of the format %s, not a %s; read it with tend import %s", name, f, kindWhat(kind), other)
	}
	in.format = f
	return in, nil
}

func kindWhat(kind string) string {
	if kind == "calls" {
		return "call log"
	}
	return "message history"
}

func formatList(formats []phonelog.Format) string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

func readLogInput(a *app, in logInput, imp *phonelog.Importer, opts logImportOptions, skips *skipTally) error {
	r, err := in.open()
	if err != nil {
		return usageErrorf("import %s: %v", in.name, unwrapPath(err))
	}
	defer r.Close()
	now, err := a.Now()
	if err != nil {
		return err
	}
	ro := phonelog.Options{
		Now:      now,
		Location: a.loc,
		Skip:     func(where, reason string) { skips.add(in.name, where, reason) },
		Partner:  opts.as,
		Me:       opts.me,
		Known:    imp.Known,
		Title:    in.title,
	}
	if opts.as != "" {
		// The chat is with the --as person whatever their name in it.
		ro.Known = func(string) bool { return false }
	}
	err = phonelog.Read(in.format, r, ro, imp.Add)
	var ie *phonelog.InputError
	if errors.As(err, &ie) {
		return &phonelog.InputError{Where: "import " + in.name + strings.TrimSuffix(": "+ie.Where, ": "), Reason: ie.Reason} // as every import names its file
	}
	return err
}

// skipTally groups the records left out by reason: a backup of a million
// messages may skip ten thousand drafts, which is one line.
type skipTally struct {
	order []string
	by    map[string]*domain.ImportSkip
}

func newSkipTally() *skipTally { return &skipTally{by: map[string]*domain.ImportSkip{}} }

func (t *skipTally) add(file, where, reason string) {
	key := file + "\x00" + reason
	if s, ok := t.by[key]; ok {
		s.Count++
		return
	}
	t.order = append(t.order, key)
	t.by[key] = &domain.ImportSkip{Where: file + ", " + where, Reason: reason, Count: 1}
}

func (t *skipTally) list() []domain.ImportSkip {
	out := make([]domain.ImportSkip, 0, len(t.order))
	for _, k := range t.order {
		s := *t.by[k]
		if s.Count > 1 {
			s.Reason = fmt.Sprintf("%s (and %d more like it)", s.Reason, s.Count-1)
		}
		out = append(out, s)
	}
	return out
}

// logReport is what an import of logs says.
type logReport struct {
	arg        string
	formats    []string
	region     string
	regionFrom string
	res        domain.ImportResult
	sum        phonelog.Summary
}

// countOf is n things, with the word for one or for many.
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return groupDigits(n) + " " + many
}

// strangersShown is how many unknown numbers a dry run lists.
const strangersShown = 15

func (r logReport) print(a *app) error {
	var b strings.Builder
	verb, tail := "Imported", ""
	if r.res.DryRun {
		verb, tail = "Would import", " (dry run: nothing was written)"
	}
	// The counts are of interactions, the one kind a log brings; what
	// was skipped are records of the file, said apart.
	fmt.Fprintf(&b, "%s %s (%s): %s, %d matched; %s skipped%s.\n", verb, r.arg, strings.Join(r.formats, ", "),
		countOf(r.res.Interactions.New, "new interaction", "new interactions"), r.res.Interactions.Matched,
		countOf(r.res.SkippedCount(), "record", "records"), tail)
	if r.region != "" {
		fmt.Fprintf(&b, "  numbers read in region %s (from %s)\n", r.region, r.regionFrom)
	} else {
		fmt.Fprintf(&b, "  numbers without a country code compared as written (no --region, and the locale names no region)\n")
	}
	s := r.sum
	if s.Calls > 0 {
		fmt.Fprintf(&b, "  calls:       %s with someone in tend; %s logged", groupDigits(s.Calls), groupDigits(s.NewCalls))
		if s.NewMissed > 0 {
			fmt.Fprintf(&b, " (%s missed)", groupDigits(s.NewMissed))
		}
		if s.HandLogged > 0 {
			fmt.Fprintf(&b, "; %s already logged by hand", groupDigits(s.HandLogged))
		}
		b.WriteString("\n")
	}
	if s.Messages > 0 {
		fmt.Fprintf(&b, "  messages:    %s with someone in tend; %s", groupDigits(s.Messages), countOf(s.NewTouches, "new touch", "new touches"))
		if s.Extended > 0 {
			fmt.Fprintf(&b, ", %s touches moved to a later message", groupDigits(s.Extended))
		}
		b.WriteString("\n")
	}
	if s.Known > 0 || s.Duplicates > 0 {
		fmt.Fprintf(&b, "  seen before: %s from an earlier import, %s twice in the input\n", groupDigits(s.Known), groupDigits(s.Duplicates))
	}
	if s.Unknown > 0 || s.Ambiguous > 0 {
		fmt.Fprintf(&b, "  not in tend: %s from %s", countOf(s.Unknown, "record", "records"), countOf(len(s.Strangers), "number or name", "numbers or names"))
		if s.Ambiguous > 0 {
			fmt.Fprintf(&b, "; %s that match several people", groupDigits(s.Ambiguous))
		}
		b.WriteString("\n")
	}
	for i, sh := range s.Shared {
		if i == 3 {
			fmt.Fprintf(&b, "  shared:      %d more numbers or addresses of several people\n", len(s.Shared)-3)
			break
		}
		names := make([]string, len(sh.Names))
		for j, n := range sh.Names {
			names[j] = oneLine(n)
		}
		fmt.Fprintf(&b, "  shared:      %s with %s, which %s have: left out, for the log does not say which; tend log the one you talked to\n",
			countOf(sh.Count, "record", "records"), oneLine(sh.Party), words.And(names))
	}
	if s.Hidden > 0 || s.Service > 0 {
		fmt.Fprintf(&b, "  no person:   %s from private numbers, %s from short codes and named senders\n", groupDigits(s.Hidden), groupDigits(s.Service))
	}
	if s.Groups > 0 {
		fmt.Fprintf(&b, "  groups:      %s of group chats and group MMS left out\n", countOf(s.Groups, "record", "records"))
	}
	for _, sk := range r.res.Skipped {
		fmt.Fprintf(&b, "  skipped %s: %s\n", oneLine(sk.Where), oneLine(sk.Reason))
	}
	if r.res.DryRun && len(s.Strangers) > 0 {
		fmt.Fprintf(&b, "Most frequent not in tend (tend add NAME --phone NUMBER to keep them):\n")
		for _, st := range s.Strangers[:min(len(s.Strangers), strangersShown)] {
			name := st.Name
			if name == "" && !st.ByName {
				name = "(no name)" // a number or an address the phone had no name for
			}
			line := fmt.Sprintf("  %6d  %-18s %s", st.Count, oneLine(st.Party), oneLine(name))
			b.WriteString(strings.TrimRight(line, " ") + "\n")
		}
	}
	_, err := fmt.Fprint(a.out, b.String())
	return err
}

type logReportJSON struct {
	Input      string           `json:"input"`
	Formats    []string         `json:"formats"`
	Region     string           `json:"region"`
	RegionFrom string           `json:"region_from"`
	DryRun     bool             `json:"dry_run"`
	New        int              `json:"new"`
	Matched    int              `json:"matched"`
	Skipped    int              `json:"skipped"`
	Calls      logCallsJSON     `json:"calls"`
	Messages   logMessagesJSON  `json:"messages"`
	Known      int              `json:"seen_before"`
	Duplicates int              `json:"duplicates"`
	Unknown    int              `json:"unknown"`
	Ambiguous  int              `json:"ambiguous"`
	Hidden     int              `json:"private"`
	Service    int              `json:"services"`
	Groups     int              `json:"groups"`
	Strangers  []strangerJSON   `json:"not_in_tend"`
	Skips      []importSkipJSON `json:"skips"`
}

type logCallsJSON struct {
	Read       int `json:"read"`
	New        int `json:"new"`
	Missed     int `json:"missed"`
	HandLogged int `json:"logged_by_hand"`
}

type logMessagesJSON struct {
	Read     int `json:"read"`
	Touches  int `json:"new_touches"`
	Extended int `json:"moved_touches"`
}

type strangerJSON struct {
	Party string `json:"number"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

func (r logReport) json() logReportJSON {
	s := r.sum
	out := logReportJSON{
		Input: r.arg, Formats: r.formats, Region: r.region, RegionFrom: r.regionFrom, DryRun: r.res.DryRun,
		New: r.res.Interactions.New, Matched: r.res.Interactions.Matched, Skipped: r.res.SkippedCount(),
		Calls:    logCallsJSON{Read: s.Calls, New: s.NewCalls, Missed: s.NewMissed, HandLogged: s.HandLogged},
		Messages: logMessagesJSON{Read: s.Messages, Touches: s.NewTouches, Extended: s.Extended},
		Known:    s.Known, Duplicates: s.Duplicates, Unknown: s.Unknown, Ambiguous: s.Ambiguous,
		Hidden: s.Hidden, Service: s.Service, Groups: s.Groups,
		Strangers: []strangerJSON{}, Skips: []importSkipJSON{},
	}
	if out.Formats == nil {
		out.Formats = []string{}
	}
	if r.region == "" {
		out.RegionFrom = ""
	}
	if r.res.DryRun {
		for _, st := range s.Strangers[:min(len(s.Strangers), strangersShown)] {
			out.Strangers = append(out.Strangers, strangerJSON{Party: st.Party, Name: st.Name, Count: st.Count})
		}
	}
	for _, sk := range r.res.Skipped {
		out.Skips = append(out.Skips, importSkipJSON{Where: sk.Where, Reason: sk.Reason, Count: sk.N(), Unit: "record"})
	}
	return out
}
