package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// hostile is text a terminal would obey: a window title, a screen clear,
// a clipboard write (OSC 52), a DCS string, a raw C1 CSI, a bidirectional
// override and a colour. Input refuses all of it now; a database written
// before that rule, or by another program, can still hold it.
var hostile = map[string]string{
	"name":  "Zed X\x1b]0;pwned\x07Y\u202e\x1b[8m",
	"notes": "notes \x1b[2J\x1b[H cleared",
	"tag":   "tag\x1b]52;c;aGVsbG8=\x07",
	"phone": "+1\x1bP1$qm\x1b\\",
	"note":  "note \x1b]52;c;cGF3bmVk\x07 \u009b31m \x1b[31mred",
	"memo":  "memo \x1b]8;;http://x\x07link\x1b]8;;\x07 \x1b[8mhidden",
	"label": "label\x1b[5m",
	"alias": "zee\x1b[8mhidden",
}

// plantHostile adds Zed through the commands, then writes the hostile text
// into the database straight, as an older tend would have kept it.
func plantHostile(t *testing.T, h *harness) {
	t.Helper()
	h.ok("add", "Zed", "--tier", "inner", "--tag", "t", "--phone", "1", "--date", "l=05-01", "--note", "n")
	h.ok("add", "Zed Two")
	h.ok("log", "zed,zed two", "--at", "2026-11-01", "--note", "n")
	h.ok("log", "zed", "--at", "2026-11-20", "--via", "text", "--in")
	h.ok("remember", "zed two", "m", "--on", "2026-11-24")
	db, err := sql.Open("sqlite", h.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE people SET name = ?, name_key = lower(?), notes = ?, tags = json_array(?), phones = json_array(?), aliases = json_array(?) WHERE name = 'Zed'`,
			[]any{hostile["name"], hostile["name"], hostile["notes"], hostile["tag"], hostile["phone"], hostile["alias"]}},
		{`UPDATE interactions SET note = ? WHERE note = 'n'`, []any{hostile["note"]}},
		{`UPDATE memories SET text = ?`, []any{hostile["memo"]}},
		{`UPDATE important_dates SET label = ?`, []any{hostile["label"]}},
	} {
		if _, err := db.Exec(q.sql, q.args...); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
}

// hostileCommands print stored text, each in its own way.
var hostileCommands = [][]string{
	{"list"}, {"show", "zed x"}, {"show", "zed two"}, {"history"}, {"history", "zed x"},
	{"today"}, {"plan"}, {"stats", "--now", "2027-03-01"}, {"list", "--due", "--now", "2027-06-01"},
	{"log", "zed x", "--via", "text"}, {"snooze", "zed x", "--for", "1d"}, {"snooze", "zed x", "--off"},
	{"archive", "zed x"}, {"restore", "zed x"},
	{"show", "zed"}, // ambiguous: the error lists both names
	{"today", "--brief", "--now", "2027-06-01"},
	{"edit", "zed x", "--alias", "zz"}, // says the stored alias was removed
	{"version"},
}

// terminalEscape matches an escape sequence that is not SGR (colour, bold):
// anything a terminal would do more with than paint.
var terminalEscape = regexp.MustCompile("\x1b(?:[^\\[]|\\[[0-9;:]*[^0-9;:m])")

func TestStoredTextNeverReachesAPipeAsControl(t *testing.T) {
	h := newHarness(t)
	plantHostile(t, h)
	for _, args := range hostileCommands {
		r := h.run(args...)
		want := 0
		if shellJoin(args) == "show zed" {
			want = 2 // two people match
		}
		if r.code != want {
			t.Errorf("tend %s: exit %d, want %d: %s", shellJoin(args), r.code, want, r.stderr)
		}
		for _, stream := range []string{r.stdout, r.stderr} {
			if i := strings.IndexAny(stream, "\x1b\x07\u202e\u009b"); i >= 0 {
				t.Errorf("tend %s printed a control character at %d: %q", shellJoin(args), i, stream)
			}
		}
	}
	// What a user sees instead: the sequence, drawn.
	if out := h.ok("show", "zed x").stdout; !strings.Contains(out, "Zed X␛]0;pwned␇Y") || !strings.Contains(out, "␛[2J") {
		t.Errorf("show does not show the stored sequences as text:\n%s", out)
	}
}

// On a terminal, tend's own colours pass and nothing else: run in process
// with standard output taken for a terminal.
func TestStoredTextOnATerminalIsOnlyColoured(t *testing.T) {
	h := newHarness(t)
	plantHostile(t, h)
	for _, args := range hostileCommands {
		var stdout, stderr bytes.Buffer
		run(append([]string{"--db", h.db}, args...), system{
			Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Terminals: terminals{Stdout: true},
			Environ: append(h.env, "TERM=xterm-256color", "COLORTERM=truecolor"),
			Clock:   func() time.Time { t.Fatal("read the real clock"); return time.Time{} }, Location: time.UTC,
		})
		checkTerminalOutput(t, shellJoin(args), stdout.String()+stderr.String())
	}
}

func checkTerminalOutput(t *testing.T, what, out string) {
	t.Helper()
	if m := terminalEscape.FindString(out); m != "" {
		t.Errorf("tend %s sent %q to the terminal:\n%q", what, m, out)
	}
	for _, s := range []string{"\x07", "\u202e", "\u009b", "\x1b[31mred", "\x1b[8m", "\x1b[5m"} {
		if strings.Contains(out, s) {
			t.Errorf("tend %s sent stored %q to the terminal:\n%q", what, s, out)
		}
	}
}

// The same through a real pseudo-terminal, with the built binary under
// script(1): what a user's terminal receives, JSON and export included.
func TestStoredTextOnAPseudoTerminal(t *testing.T) {
	bin := tendBinary(t)
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script(1) is not installed")
	}
	h := newHarness(t)
	plantHostile(t, h)
	cmds := append([][]string{{"show", "zed x", "--json"}, {"export", "csv"}, {"export", "vcard"}, {"export", "ics"}}, hostileCommands...)
	for _, args := range cmds {
		line := shellJoin(append([]string{bin, "--db", h.db}, args...))
		cmd := exec.Command(script, "-qec", line, "/dev/null")
		cmd.Env = []string{"TERM=xterm-256color", "COLORTERM=truecolor", "TZ=UTC", "HOME=" + t.TempDir(), "TEND_NOW=2026-11-24T09:30:00Z", "PATH=" + os.Getenv("PATH")}
		out, _ := cmd.CombinedOutput()
		if !bytes.Contains(out, []byte("Zed")) && args[0] != "version" && args[0] != "stats" {
			t.Errorf("%s printed no name, so the test saw nothing: %q", line, out)
		}
		checkTerminalOutput(t, shellJoin(args), string(out))
	}
	// JSON stays JSON on a terminal, the escapes written as escapes.
	cmd := exec.Command(script, "-qec", shellJoin([]string{bin, "--db", h.db, "show", "zed x", "--json"}), "/dev/null")
	cmd.Env = []string{"TERM=xterm", "TZ=UTC", "TEND_NOW=2026-11-24T09:30:00Z"}
	out, _ := cmd.Output()
	out = bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n"))
	var p struct{ Name, Notes string }
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatalf("show --json on a terminal is not JSON: %v\n%q", err, out)
	}
	if !bytes.Contains(out, []byte(`\u001b]0;pwned\u0007`)) || p.Notes != hostile["notes"] {
		t.Errorf("show --json on a terminal lost the escaped text: %q", out)
	}
}

// In a pipe, data is data: JSON escapes what it must (ESC, U+2028), and an
// export keeps the stored bytes, to be read back as they were.
func TestDataInAPipeIsExact(t *testing.T) {
	h := newHarness(t)
	plantHostile(t, h)
	out := h.ok("show", "zed x", "--json").stdout
	for _, esc := range []string{`\u001b]0;pwned\u0007`, `\u001b[2J`} {
		if !strings.Contains(out, esc) {
			t.Errorf("show --json lacks %s: %s", esc, out)
		}
	}
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("show --json holds a raw control character: %q", out)
	}
	h.ok("edit", "zed two", "--note", "line\u2028sep\u2029para")
	if out := h.ok("show", "zed two", "--json").stdout; !strings.Contains(out, `line\u2028sep\u2029para`) {
		t.Errorf("show --json writes U+2028 raw: %s", out)
	}
	csv := h.ok("export", "csv").stdout
	if !strings.Contains(csv, hostile["notes"]) {
		t.Errorf("export csv in a pipe changed the stored text: %q", csv)
	}
}

// TestTerminalsDecideOnce runs commands in process with the standard
// streams said to be terminals, or not, and checks each consequence
// follows what was said, not what the streams are (buffers here).
func TestTerminalsDecideOnce(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--tier", "inner", "--now", "2026-09-01")
	runAs := func(term terminals, env []string, args ...string) (string, string, int) {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"--db", h.db}, args...), system{
			Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Terminals: term,
			Environ: append(append([]string{}, h.env...), env...), Location: time.UTC,
			Clock: func() time.Time { t.Fatal("read the real clock"); return time.Time{} },
		})
		return stdout.String(), stderr.String(), code
	}
	colour := []string{"TERM=xterm-256color", "COLORTERM=truecolor"}
	// A colour is an SGR foreground: 30-37, 90-97 or 38;...; bold and
	// underline are not colours, and NO_COLOR keeps them.
	colours := regexp.MustCompile(`\x1b\[(?:[0-9]+;)*(?:3[0-8]|9[0-7])[;m]`)
	if out, _, _ := runAs(terminals{Stdout: true}, colour, "today"); !colours.MatchString(out) {
		t.Errorf("today on a colour terminal has no colour:\n%q", out)
	}
	for name, tc := range map[string]struct {
		term terminals
		env  []string
	}{
		"a pipe":            {terminals{Stdin: true, Stderr: true}, colour},
		"NO_COLOR":          {terminals{Stdout: true}, append(colour, "NO_COLOR=1")},
		"a dumb terminal":   {terminals{Stdout: true}, []string{"TERM=dumb"}},
		"stdout not a term": {terminals{}, colour},
	} {
		if out, _, _ := runAs(tc.term, tc.env, "today"); colours.MatchString(out) || (!tc.term.Stdout && strings.Contains(out, "\x1b[")) {
			t.Errorf("%s: today has colour:\n%q", name, out)
		}
	}
	// A passphrase is asked only on a terminal standard input, and only
	// one with a file to turn echo off on.
	for _, term := range []terminals{{}, {Stdin: true}} {
		if _, errOut, code := runAs(term, nil, "backup", "--encrypt"); code != exitUsage || !strings.Contains(errOut, "no terminal to ask for a passphrase on") {
			t.Errorf("backup --encrypt with %+v: exit %d, %q", term, code, errOut)
		}
	}
}

// TestMissingDatabasePathIsShownSafely: the notice of a database not made
// yet shows its path as text, whatever the path holds.
func TestMissingDatabasePathIsShownSafely(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a\x1b]0;pwned\x07b")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Skipf("the file system refuses the name: %v", err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"--db", filepath.Join(dir, "none.db"), "--now", "2026-11-24", "list"}, system{
		Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Location: time.UTC,
		Clock: func() time.Time { t.Fatal("read the real clock"); return time.Time{} },
	})
	if code != 0 || !strings.Contains(stderr.String(), "No database at ") || strings.ContainsAny(stderr.String(), "\x1b\x07") {
		t.Errorf("exit %d, stderr %q; want 0 and the path shown as text", code, stderr.String())
	}
}
