package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-app/tend/internal/domain"
)

// snapshot is everything a user can see of the database, to show that a
// refused command wrote nothing.
func (h *harness) snapshot() string {
	h.t.Helper()
	var b strings.Builder
	for _, args := range [][]string{
		{"list", "--json"}, {"list", "--archived", "--json"}, {"history", "--json"},
		{"show", "ana", "--json"}, {"show", "ben", "--json"},
	} {
		var out, errb strings.Builder
		code := run(append([]string{"--db", h.db, "--now", "2026-11-24"}, args...), system{
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Environ: h.env, Location: h.loc(),
		})
		if code != 0 {
			h.t.Fatalf("snapshot %v: exit %d: %s", args, code, errb.String())
		}
		b.WriteString(out.String())
	}
	return b.String()
}

// refused runs tend with args and checks that it is refused as bad input
// (checkRefused: exit 2, nothing on stdout, one line on stderr that starts
// "tend: " and mentions want), that the line is at most maxErrorLine bytes,
// and that the database is as it was (before, a snapshot).
func (h *harness) refused(t *testing.T, args []string, want, before string) {
	t.Helper()
	r := h.run(args...)
	checkRefused(t, r, "tend: ", want)
	if line := strings.TrimSuffix(r.stderr, "\n"); len(line) > maxErrorLine {
		t.Errorf("the error is %d bytes, want at most %d: %.200q…", len(line), maxErrorLine, line)
	}
	if after := h.snapshot(); after != before {
		t.Errorf("the database changed:\n%s", lineDiff(before, after))
	}
}

func TestBadInputIsRefusedAndWritesNothing(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in the one-line error
	}{
		{"empty name", []string{"add", ""}, "name is empty"},
		{"blank name", []string{"add", "   "}, "name is empty"},
		{"duplicate name", []string{"add", "ana lima"}, `"Ana Lima" is already someone in tend`},
		{"unknown tier", []string{"add", "Zoe", "--tier", "boss"}, `unknown tier "boss"`},
		{"every zero", []string{"add", "Zoe", "--every", "0"}, `--every: "0" must be between 1 and 3660`},
		{"every negative", []string{"add", "Zoe", "--every", "-3"}, `--every: "-3" must be`},
		{"every unparsable", []string{"add", "Zoe", "--every", "often"}, `--every: "often" is not a number of days`},
		{"every too long", []string{"add", "Zoe", "--every", "100000"}, "between 1 and 3660"},
		{"impossible birthday", []string{"add", "Zoe", "--birthday", "02-30"}, "February has no day 30"},
		{"impossible month", []string{"add", "Zoe", "--birthday", "2026-13-01"}, `"2026-13-01"`},
		{"bad important date", []string{"add", "Zoe", "--date", "anniversary"}, "LABEL=MM-DD"},
		{"NUL in name", []string{"add", "Zo\x00e"}, "NUL"},
		{"invalid UTF-8 note", []string{"add", "Zoe", "--note", "\xff\xfe"}, "UTF-8"},
		{"unknown channel", []string{"log", "ana", "--via", "pigeon"}, `unknown channel "pigeon"`},
		{"future at", []string{"log", "ana", "--at", "2026-12-01"}, "in the future"},
		{"future at time", []string{"log", "ana", "--at", "2026-11-24T09:32:00Z"}, "in the future"},
		{"unreadable at", []string{"log", "ana", "--at", "next blursday"}, `cannot read date "next blursday"`},
		{"impossible at", []string{"log", "ana", "--at", "2026-02-30"}, "February has no day 30"},
		{"negative minutes", []string{"log", "ana", "--minutes", "-5"}, "--minutes"},
		{"unknown person", []string{"log", "zed"}, `no one called "zed"`},
		{"unknown among several", []string{"log", "ana,zed"}, `no one called "zed"`},
		{"unknown after a space", []string{"log", "ana, zed"}, `no one called "zed" (add them with: tend add zed)`},
		// The hint is quoted for the shell it is pasted into: pasted, it
		// adds that name and runs nothing.
		{"unknown, with shell syntax", []string{"show", "$(touch x) it's"}, `(add them with: tend add '$(touch x) it'\''s')`},
		{"ambiguous person", []string{"log", "a"}, `"a" matches 2 people: Ana Lima, Anders Berg`},
		{"empty name in list", []string{"log", "ana,"}, "empty name"},
		{"log without name", []string{"log"}, "log needs a NAME"},
		{"limit zero", []string{"today", "--limit", "0"}, "--limit must be at least 1"},
		{"limit negative", []string{"today", "--limit", "-1"}, "--limit must be at least 1"},
		{"limit not a number", []string{"today", "--limit", "many"}, `--limit: "many" is not a whole number`},
		{"unknown flag", []string{"today", "--bogus"}, "unknown flag: --bogus"},
		{"unknown command", []string{"bogus"}, `unknown command "bogus" (see`},
		{"a command mistyped", []string{"lgo"}, `unknown command "lgo"; did you mean log?`},
		{"help on a command tend lacks", []string{"help", "lgo"}, `unknown command "lgo"; did you mean log?`},
		{"bad now", []string{"today", "--now", "soon"}, `--now: cannot read "soon"`},
		{"edit nothing", []string{"edit", "ana"}, "nothing to change"},
		{"rename onto another", []string{"edit", "ana", "--name", "Ben Okafor"}, "already someone"},
		{"rm without yes", []string{"rm", "ana"}, "--yes"},
		{"remember empty", []string{"remember", "ana", "  "}, "text is empty"},
		{"remember unreadable on", []string{"remember", "ana", "x", "--on", "someday"}, `cannot read date "someday"`},
		{"done unknown", []string{"done", "ZZZZ"}, "no memory"},
		{"snooze past", []string{"snooze", "ana", "--until", "2026-11-01"}, "not in the future"},
		{"snooze both", []string{"snooze", "ana", "--for", "3d", "--until", "friday"}, "not both"},
		{"restore active", []string{"restore", "ana"}, "not archived"},
		{"unknown list tier", []string{"list", "--tier", "best"}, `unknown tier "best"`},
		{"history since future word", []string{"history", "--since", "tomorrow"}, "looks ahead"},
		{"completion shell", []string{"completion", "tcsh"}, "unknown shell"},
		{"title escape in a name", []string{"add", "X\x1b]0;pwned\aY"}, "name contains a control character (U+001B)"},
		{"clear screen in notes", []string{"add", "Zoe", "--note", "\x1b[2J"}, "notes contains a control character (U+001B)"},
		{"carriage return in a tag", []string{"add", "Zoe", "--tag", "a\rb"}, "tag contains a control character (U+000D)"},
		{"clipboard in a log note", []string{"log", "ana", "--note", "\x1b]52;c;aGk=\a"}, "note contains a control character"},
		{"C1 in a memory", []string{"remember", "ana", "x\u009b2J"}, "text contains a control character (U+009B)"},
		{"escape in a new name", []string{"edit", "ana", "--name", "Ana\x1b[8m"}, "name contains a control character"},
		{"zero-width name", []string{"add", "\u200b\u200d"}, "name shows nothing"},
		{"now before 1970", []string{"add", "Zed", "--now", "1969-12-31"}, `--now: "1969-12-31" is out of range`},
		{"now after 2200", []string{"today", "--now", "2201-01-01T00:00:00Z"}, "out of range"},
		{"limit too large", []string{"today", "--limit", "99999999999999999999"}, `--limit: "99999999999999999999" is far too large a number`},
		{"history limit not a number", []string{"history", "--limit", "ten"}, `--limit: "ten" is not a whole number`},
		{"empty at", []string{"log", "ana", "--at", ""}, "--at is empty"},
		{"blank at", []string{"log", "ana", "--at", "  "}, "--at is empty"},
		{"empty since", []string{"history", "--since", ""}, "--since is empty"},
		{"empty until", []string{"snooze", "ana", "--until", ""}, "--until is empty"},
		{"on at the end of time", []string{"remember", "ana", "x", "--on", "9999-12-31"}, `--on: "9999-12-31" is too far ahead`},
		{"on 99999 days", []string{"remember", "ana", "x", "--on", "99999d"}, "too far away"},
		{"until the end of time", []string{"snooze", "ana", "--until", "9999-12-30"}, "too far ahead"},
		{"birthday in the future", []string{"add", "Zed", "--birthday", "2030-01-01"}, "birthday 2030-01-01 is in the future"},
		{"birthday in year 1", []string{"add", "Zed", "--birthday", "0001-01-01"}, "year 1 is before 1900"},
		{"empty --db", []string{"today", "--db", ""}, "--db is empty"},
		{"--now on a day the month lacks", []string{"today", "--now", "2026-02-30"}, "February 2026 has no day 30"},
		{"birthday tomorrow, this year", []string{"add", "Zed", "--birthday", "2026-11-25"}, "birthday 2026-11-25 is in the future"},
		{"edit birthday into the future", []string{"edit", "ana", "--birthday", "9999-12-31"}, "is in the future"},
		{"100 KB tier", []string{"add", "Zed", "--tier", strings.Repeat("x", 100<<10)}, `unknown tier "xxxxxxxxxx`},
		{"100 KB unknown flag value", []string{"today", "--json=" + strings.Repeat("y", 100<<10)}, `--json takes no value`},
		{"NUL in --db", []string{"list", "--db", "a\x00b"}, "--db: a file name cannot hold a NUL byte"},
		{"bidi-only name", []string{"add", "\u202e\u2066 \u2069"}, "name shows nothing"},
		{"unlog unknown id", []string{"unlog", "zzzz"}, `no interaction with id "zzzz" (tend history lists them)`},
		{"unlog ambiguous prefix", []string{"unlog", "01M86E81E0"}, `interaction id "01M86E81E0" is ambiguous`},
		{"unlog empty id", []string{"unlog", " "}, "interaction id is empty"},
		{"amend unknown id", []string{"amend", "ZZZZ", "--via", "video"}, `no interaction with id "ZZZZ"`},
		{"amend ambiguous prefix", []string{"amend", "01m86e", "--via", "video"}, "ambiguous"},
		{"amend nothing", []string{"amend", "01M86E81E0"}, "nothing to change"},
		{"amend in and out", []string{"amend", "01M86E81E0", "--in", "--out"}, "not both"},
		{"amend unknown channel", []string{"amend", "01M86E81E0", "--via", "pigeon"}, `unknown channel "pigeon"`},
		{"amend future at", []string{"amend", "01M86E81E0", "--at", "tomorrow 10:00"}, "looks ahead"},
		{"forget unknown id", []string{"forget", "ZZZZ"}, `no memory with id "ZZZZ" (tend show NAME lists them)`},
		{"remember edit unknown id", []string{"remember", "--edit", "ZZZZ", "new text"}, "no memory"},
		{"remember edit nothing", []string{"remember", "--edit", "ZZZZ"}, "nothing to change"},
		{"done no such number", []string{"done", "ben", "1"}, "Ben Okafor has no open memory"},
		{"done not a number", []string{"done", "ana", "first"}, `"first" is not a memory's number`},
		{"done zero", []string{"done", "ana", "0"}, `"0" is not a memory's number`},
		{"snooze archived", []string{"snooze", "victor"}, "Victor Hale is archived (tend restore victor)"},
		{"archive archived", []string{"archive", "victor"}, "Victor Hale is already archived"},
		{"alias is a name", []string{"add", "Zed", "--alias", "ben okafor"}, `alias "ben okafor" is Ben Okafor's name`},
		{"name is an alias", []string{"add", "Bennie"}, `"Bennie" is already an alias of Ben Okafor`},
		{"rm-tag not there", []string{"edit", "ana", "--rm-tag", "nope"}, `Ana Lima has no tag "nope"`},
		{"rm-date not there", []string{"edit", "ana", "--rm-date", "wedding"}, `no date labelled "wedding"`},
		{"add-note empty", []string{"edit", "ana", "--add-note", " "}, "--add-note needs some text"},
		{"bad clock time", []string{"log", "ana", "--at", "yesterday 25:00"}, "there is no 25:00"},
		{"several words, one unknown", []string{"log", "ben", "extra"}, `no one called "extra"`},
	}
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--now", "2026-09-01")
	h.ok("add", "Anders Berg", "--now", "2026-09-01")
	h.ok("add", "Ben Okafor", "--alias", "Bennie", "--now", "2026-09-01")
	h.ok("add", "Victor Hale", "--now", "2026-09-01")
	h.ok("archive", "victor")
	h.ok("log", "ana", "--at", "2026-10-12")
	h.ok("log", "ben", "--at", "2026-10-13")
	h.ok("remember", "ana", "exam")
	before := h.snapshot()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { h.refused(t, tc.args, tc.want, before) })
	}
}

// TestUndoWithNothingToUndo is refused as bad input, and says so.
func TestUndoWithNothingToUndo(t *testing.T) {
	h := newHarness(t)
	checkRefused(t, h.run("undo"), "tend: ", "nothing to undo")
	if got := h.ok("undo", "--list").stdout; got != "Nothing to undo.\n" {
		t.Errorf("undo --list on an empty database = %q", got)
	}
	if got := h.ok("undo", "--list", "--json").stdout; strings.TrimSpace(got) != "[]" {
		t.Errorf("undo --list --json on an empty database = %q, want []", got)
	}
	// rm is final: the add before it cannot be undone either.
	h.ok("add", "Ana")
	h.ok("rm", "ana", "--yes")
	checkRefused(t, h.run("undo"), "tend: ", "nothing to undo")
}

// TestLookAlikeNamesAreOnePerson: names that look the same on screen (two
// spaces, a tab, a no-break space, a zero-width space, a reordering
// control) are one person's: a second is refused, an import matches.
func TestLookAlikeNamesAreOnePerson(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima")
	for _, name := range []string{"Ana  Lima", "Ana\tLima", "Ana\u00a0Lima", "Ana\u200b Lima", "Ana Li\u202ema", " ana lima\n"} {
		checkRefused(t, h.run("add", name), "tend: ", "already")
	}
	file := filepath.Join(t.TempDir(), "ana.vcf")
	if err := os.WriteFile(file, []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\u00a0 Lima\r\nTEL:+44 7700 900123\r\nEND:VCARD\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.ok("import", "vcard", file)
	if out := h.ok("list").stdout; strings.Count(out, "Ana Lima") != 1 {
		t.Errorf("after adding and importing look-alikes, list shows:\n%s", out)
	}
	if out := h.ok("show", "ana").stdout; !strings.Contains(out, "+44 7700 900123") {
		t.Errorf("the card was not matched to Ana Lima:\n%s", out)
	}
}

func TestHostileTextIsStoredVerbatim(t *testing.T) {
	names := []string{
		"Zoë 🌻 O'Brien",
		`Ann "the Hammer" Lee`,
		"two\nlines",
		"مريم الحسن",
		"'); DROP TABLE people;--",
	}
	h := newHarness(t)
	for _, name := range names {
		h.ok("add", name, "--note", name+" note")
	}
	for _, name := range names {
		name = domain.TidyName(name) // a name is one line
		r := h.ok("show", name, "--json")
		if !strings.Contains(r.stdout, jsonString(name)) {
			t.Errorf("show %q --json does not hold the name verbatim:\n%s", name, r.stdout)
		}
		if text := h.ok("show", name).stdout; !strings.HasPrefix(text, name+"  ") {
			t.Errorf("show %q starts %q, want the name verbatim", name, text[:min(len(text), 40)])
		}
	}
	big := strings.Repeat("a long story, ", 100*1024/14)
	h.ok("log", "zoë", "--note", big)
	if r := h.ok("history", "zoë", "--json"); !strings.Contains(r.stdout, big) {
		t.Errorf("a %d-byte note did not come back whole", len(big))
	}
	if got := strings.Count(h.ok("list", "--json").stdout, `"id"`); got != len(names) {
		t.Errorf("list --json has %d people, want %d", got, len(names))
	}
}

func TestBadDatabasePaths(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	garbage := []byte(strings.Repeat("this is not a database\n", 200))
	if err := os.WriteFile(junk, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	dangling, loop := filepath.Join(dir, "dangling.db"), filepath.Join(dir, "loop.db")
	if os.Symlink(filepath.Join(dir, "gone", "x.db"), dangling) != nil || os.Symlink(loop, loop) != nil {
		t.Skip("no symbolic links here")
	}
	tests := []struct {
		name, db, want string
		args           []string
	}{
		{"a link to nowhere", dangling, "it is a symbolic link to " + filepath.Join(dir, "gone", "x.db") + ", which is not there", []string{"add", "Ana"}},
		{"a loop of links, to write", loop, "it is a symbolic link that leads round in a loop", []string{"add", "Ana"}},
		{"a loop of links, to read", loop, "it is a symbolic link that leads round in a loop", []string{"today"}},
		{"directory", dir, "is a directory", []string{"today"}},
		{"not sqlite", junk, "not a database", []string{"today"}},
		{"unwritable place", "/proc/tend-test/tend.db", "create data folder", []string{"add", "Ana"}},
		{"a device, to write", os.DevNull, "is not a file (a device, a pipe or a socket)", []string{"add", "Ana"}},
		{"a device, to read", os.DevNull, "is not a file (a device, a pipe or a socket)", []string{"today"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb strings.Builder
			code := run(append([]string{"--db", tc.db, "--now", "2026-11-24"}, tc.args...), system{
				Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Location: timeUTC(),
			})
			if code != exitFailure || !strings.Contains(errb.String(), tc.want) || strings.Contains(errb.String(), "stat ") {
				t.Errorf("exit %d, stderr %q; want exit %d mentioning %q", code, errb.String(), exitFailure, tc.want)
			}
		})
	}
	if got, _ := os.ReadFile(junk); string(got) != string(garbage) {
		t.Error("a file that is not a database was changed")
	}
}

// TestAnEmptyFileIsAnEmptyDatabase: an empty file at the path (touched, or
// left by a copy that failed) is read as a database with no one in it by
// every command, and made one by the first write.
func TestAnEmptyFileIsAnEmptyDatabase(t *testing.T) {
	h := newHarness(t)
	if err := os.WriteFile(h.db, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	checkRefused(t, h.run("log", "ana"), "tend: ", `no one called "ana"`)
	h.ok("add", "Ana Lima")
	if fi, err := os.Stat(h.db); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the empty file made the database keeps mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	h.ok("log", "ana")
	if out := h.ok("history").stdout; !strings.Contains(out, "Ana Lima") {
		t.Errorf("history after the first writes:\n%s", out)
	}
}

// What an error echoes of the user's input is cut at echoLimit characters,
// so a 100 KB value gives a short line that still shows where it went.
func TestErrorsCutWhatTheyEcho(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana")
	for _, args := range [][]string{
		{"add", "Zed", "--tier", strings.Repeat("x", 100<<10)},
		{"show", strings.Repeat("é", 100<<10)},
		{"log", "ana", "--at", strings.Repeat("3", 100<<10)},
		{"add", "Zed", "--every", strings.Repeat("9", 100<<10)},
	} {
		r := h.run(args...)
		if r.code != exitUsage || len(r.stderr) > 200 || !strings.Contains(r.stderr, "…\"") {
			t.Errorf("tend %s %.20s…: exit %d, %d bytes: %.300q; want exit 2 and a short line with the value cut", args[0], args[1], r.code, len(r.stderr), r.stderr)
		}
	}
}

// TestTwoOfOneNameAreToldApartByID: two archived people of one name are
// listed with the start of their ids, and either is found by it, as DESIGN
// allows a NAME to be given by a unique start of an id.
func TestTwoOfOneNameAreToldApartByID(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Sam Reyes", "--now", "2025-01-01")
	h.ok("archive", "sam")
	h.ok("add", "Sam Reyes", "--now", "2026-03-01")
	h.ok("archive", "sam")
	r := h.run("restore", "sam")
	checkRefused(t, r, "tend: ", `"sam" matches 2 people: Sam Reyes (`)
	var archived []struct{ ID string }
	if err := json.Unmarshal([]byte(h.ok("list", "--archived", "--json").stdout), &archived); err != nil || len(archived) != 2 {
		t.Fatalf("list --archived --json: %v, %d people", err, len(archived))
	}
	if !strings.Contains(r.stderr, archived[0].ID[:10]) || !strings.Contains(r.stderr, archived[1].ID[:10]) {
		t.Errorf("the error does not tell them apart by id: %q", r.stderr)
	}
	h.ok("restore", strings.ToLower(archived[1].ID[:10]))
	if out := h.ok("list", "--json").stdout; !strings.Contains(out, archived[1].ID) || strings.Contains(out, archived[0].ID) {
		t.Errorf("restore by the start of an id restored the wrong one:\n%s", out)
	}
}
