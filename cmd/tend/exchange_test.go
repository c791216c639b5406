package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runIn runs one command line with stdin, as harness.run does without it.
func (h *harness) runIn(stdin string, args ...string) result {
	h.t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"--db", h.db}, args...), system{
		Stdin:   strings.NewReader(stdin),
		Stdout:  &stdout,
		Stderr:  &stderr,
		Environ: h.env,
		Clock: func() time.Time {
			h.t.Fatalf("tend %s read the real clock", strings.Join(args, " "))
			return time.Time{}
		},
		Entropy:  h.entropy,
		Location: h.loc(),
	})
	r := result{stdout.String(), stderr.String(), code}
	fmt.Fprintf(&h.transcript, "$ tend %s  < %d bytes\n%s", shellJoin(args), len(stdin), r.stdout)
	if r.stderr != "" {
		fmt.Fprintf(&h.transcript, "[stderr] %s", r.stderr)
	}
	fmt.Fprintf(&h.transcript, "[exit %d]\n\n", r.code)
	if r.code != 0 {
		h.t.Fatalf("tend %s: exit %d, want 0; stderr: %s", shellJoin(args), r.code, r.stderr)
	}
	return r
}

const friendsMD = `### Activities:
- 2026-11-20: Climbing with **Ana Lima** and **Zoë Park**. @sport

### Friends:
- Zoë Park (a.k.a. Zo) [Lisbon] @climbing
`

// TestExchangeTranscript exports a small circle in every format, moves it
// into an empty database through standard input, and imports the other
// formats on top.
func TestExchangeTranscript(t *testing.T) {
	h := newHarness(t)
	seed(h)
	h.ok("archive", "dev")
	doc := h.ok("export", "json").stdout
	vcf := h.ok("export", "vcard").stdout
	h.ok("export", "csv")
	h.ok("export", "ics")

	other := newHarness(t)
	other.runIn(doc, "import", "json", "-", "--dry-run")
	other.runIn(doc, "import", "json", "-")
	other.runIn(doc, "import", "json", "-")
	if got := other.ok("export", "json").stdout; got != doc {
		t.Errorf("export → import → export changed the document:\n%s", lineDiff(doc, got))
	}
	other.runIn(vcf, "import", "vcard", "-")
	other.runIn("name,tier,birthday,phone,tags\nAna Lima,inner,,+44 1,work\nEve Stone,close,--03-02,+44 2; +44 3,\n", "import", "csv", "-")
	other.runIn(friendsMD, "import", "friends", "-", "--json")
	other.ok("list")
	other.ok("show", "zoë")
	other.ok("history", "--since", "2026-11-15")
	h.transcript.WriteString(other.transcript.String())
	h.golden("exchange")
}

func TestExportToFile(t *testing.T) {
	h := newHarness(t)
	seed(h)
	dir := t.TempDir()
	path := filepath.Join(dir, "backup.json")
	if err := os.WriteFile(path, []byte("old contents"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := h.ok("export", "json", "-o", path, "--force")
	if r.stdout != "Exported 4 people, 3 interactions and 1 memory to "+path+".\n" {
		t.Errorf("stdout = %q", r.stdout)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := h.ok("export", "json").stdout; string(got) != want {
		t.Errorf("the file differs from the export on stdout:\n%s", lineDiff(want, string(got)))
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only the export (no temporary file left)", len(entries))
	}
	for _, format := range []string{"vcard", "csv", "ics"} {
		out := filepath.Join(dir, "out."+format)
		h.ok("export", format, "-o", out)
		if b, err := os.ReadFile(out); err != nil || len(b) == 0 {
			t.Errorf("export %s -o: %v, %d bytes", format, err, len(b))
		}
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "json", "-o", filepath.Join(dir, "no", "such", "x.json")}, "no folder"},
		{[]string{"export", "json", "-o", dir}, "is a folder"},
		{[]string{"export", "pdf"}, `unknown export format "pdf"`},
		{[]string{"export"}, "export takes a format"},
	} {
		r := h.run(tc.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("tend %s: exit %d, stderr %q; want exit 2 mentioning %q", strings.Join(tc.args, " "), r.code, r.stderr, tc.want)
		}
	}
}

func TestImportJSONCounts(t *testing.T) {
	h := newHarness(t)
	seed(h)
	doc := h.ok("export", "json").stdout
	other := newHarness(t)
	var out struct {
		File    string `json:"file"`
		DryRun  bool   `json:"dry_run"`
		New     int    `json:"new"`
		Matched int    `json:"matched"`
		Skipped int    `json:"skipped"`
		People  struct {
			New int `json:"new"`
		} `json:"people"`
		Skips []any `json:"skips"`
	}
	r := other.runIn(doc, "import", "json", "-", "--dry-run", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if out.File != "standard input" || !out.DryRun || out.New != 8 || out.People.New != 4 || out.Skips == nil {
		t.Errorf("import --json = %+v", out)
	}
	if list := other.ok("list", "--json").stdout; strings.TrimSpace(list) != "[]" {
		t.Errorf("a dry run wrote: %s", list)
	}
}

// TestImportBadInputWritesNothing feeds import every kind of bad file: each
// is refused with exit code 2 and one line naming the file and the place,
// and the database is left as it was.
func TestImportBadInputWritesNothing(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--now", "2026-09-01")
	h.ok("add", "Ben Okafor", "--now", "2026-09-01")
	h.ok("log", "ana", "--at", "2026-10-12")
	good := h.ok("export", "json").stdout
	before := h.snapshot()

	// A valid document with one bad record last: the good ones before it
	// must not be written either.
	var doc map[string]any
	json.Unmarshal([]byte(good), &doc)
	doc["people"] = append(doc["people"].([]any), map[string]any{"id": "01NEWNEWNEWNEWNEWNEWNEWNEW", "name": "Zed"},
		map[string]any{"id": "01BADBADBADBADBADBADBADBAD", "name": "Yan", "tier": "boss"})
	oneBad, _ := json.Marshal(doc)

	dir := t.TempDir()
	tests := []struct {
		name, format, content, want string
	}{
		{"truncated json", "json", good[:len(good)/2], "ends too soon"},
		{"malformed json", "json", strings.Replace(good, `"people": [`, `"people": [,`, 1), "people[0] (line 5): not valid JSON"},
		{"binary json", "json", "SQLite format 3\x00\x10\x00\x01\x01", "binary file"},
		{"unknown version", "json", strings.Replace(good, `"version": 1`, `"version": 2`, 1), "unknown version 2"},
		{"one bad record", "json", string(oneBad), `people[3] (line 1): tier "boss" is not a tier`},
		{"vcard with no name", "vcard", "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:Cy\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nTITLE:Boss\r\nEND:VCARD\r\n", "no card could be read: card 1 (line 1): no name"},
		{"truncated vcard", "vcard", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cy\r\n", "card 1 (line 1): the card has no END:VCARD"},
		{"binary vcard", "vcard", "\xff\xd8\xff\xe0\x00\x10JFIF\x00", "binary file"},
		{"ragged csv", "csv", "name,tier\nCy,close\nDi\n", "line 3: the row has 1 fields, the header 2"},
		{"json interaction in the future", "json", strings.ReplaceAll(good, "2026-10-12T", "2030-10-12T"), "at 2030-10-12T12:00:00Z is in the future"},
		{"csv row with no name", "csv", "name,age\nCy,3\n,4\n", "line 3: nothing gives a name"},
		{"csv with no name column", "csv", "age,tier\n3,close\n", "line 1: no column gives a name"},
		{"bad friends line", "friends", "### Friends:\n* Cy\n", "line 2: expected an entry"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+"."+tc.format)
			if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			r := h.run("import", tc.format, path)
			checkRefused(t, r, "tend: import "+path+": ", tc.want)
			if after := h.snapshot(); after != before {
				t.Errorf("the database changed:\n%s", lineDiff(before, after))
			}
		})
	}
	for _, tc := range []struct {
		args         []string
		prefix, want string
	}{
		{[]string{"import", "json", filepath.Join(dir, "missing.json")}, "tend: import " + filepath.Join(dir, "missing.json") + ": ", "no such file"},
		{[]string{"import", "json", dir}, "tend: import " + dir + ": ", "is a directory"},
		{[]string{"import", "xml", "x.xml"}, "tend: ", `unknown import format "xml"`},
		{[]string{"import", "json"}, "tend: ", "import takes a format"},
	} {
		checkRefused(t, h.run(tc.args...), tc.prefix, tc.want)
	}
}

func checkRefused(t *testing.T, r result, prefix, want string) {
	t.Helper()
	if r.code != exitUsage {
		t.Errorf("exit code = %d, want %d (stderr %.200q)", r.code, exitUsage, r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("stdout = %.200q, want nothing", r.stdout)
	}
	line := strings.TrimSuffix(r.stderr, "\n")
	if strings.Contains(line, "\n") || !strings.HasPrefix(line, prefix) || !strings.Contains(line, want) {
		t.Errorf("stderr = %.300q, want one line starting %q and mentioning %q", r.stderr, prefix, want)
	}
}

func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	read := &countingReader{}
	read.n.Store(500)
	p := newProgress(&buf, true, "big.json", 1000, read)
	for range progressAfter - 1 {
		p.tick()
	}
	if buf.Len() != 0 {
		t.Errorf("the bar showed before %d records: %q", progressAfter, buf.String())
	}
	for range progressEvery {
		p.tick()
	}
	if got := buf.String(); !strings.Contains(got, "\rimporting big.json  [===============               ]  50%  5,000 records") {
		t.Errorf("bar = %q", got)
	}
	p.finish()
	if !strings.HasSuffix(buf.String(), "\r\x1b[K") {
		t.Errorf("the bar was not cleared: %q", buf.String())
	}

	buf.Reset()
	off := newProgress(&buf, false, "big.json", 1000, read)
	for range 3 * progressAfter {
		off.tick()
	}
	off.finish()
	if buf.Len() != 0 {
		t.Errorf("a bar on a stderr that is not a terminal: %q", buf.String())
	}
}

// TestRefusedImportMakesNoDatabase: an import refused for what the file
// holds, into a path with no database yet, leaves no database and no
// folder behind, as a refused log does.
func TestRefusedImportMakesNoDatabase(t *testing.T) {
	h := newHarness(t)
	top := filepath.Join(t.TempDir(), "new")
	h.db = filepath.Join(top, "data", "tend.db")
	bad := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(bad, []byte("name,tier\nAna,boss\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	checkRefused(t, h.run("import", "csv", bad), "tend: import "+bad+": ", `tier "boss" is not a tier`)
	if _, err := os.Stat(top); err == nil {
		t.Errorf("a refused import made %s", top)
	}
	good := filepath.Join(t.TempDir(), "good.csv")
	if err := os.WriteFile(good, []byte("name,tier\nAna,close\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.ok("import", "csv", good)
	h.run("import", "csv", bad) // refused, into the database the first made
	if out := h.ok("list").stdout; !strings.Contains(out, "Ana") {
		t.Errorf("a refused import into an existing database lost it:\n%s", out)
	}
}
