package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// maxErrorLine bounds a one-line error: what it quotes back is clipped, so
// a megabyte argument gives a line, not the megabyte again.
const maxErrorLine = 400

// TestHostileInputIsRefusedAndWritesNothing is the second bad-input table
// (the first is TestBadInputIsRefusedAndWritesNothing): NUL bytes, invalid
// UTF-8, megabyte arguments and out-of-range numbers, fed to every command
// that takes them. Each must exit 2 with one short line that says what was
// wrong, print nothing on standard output, and leave the database as it was.
// (A real command line cannot carry a 1 MB argument, Linux stops at 128 KB;
// the TUI and imports can carry that much text, so the limit is the
// store's, and this test reaches it in-process.)
func TestHostileInputIsRefusedAndWritesNothing(t *testing.T) {
	mb := strings.Repeat("x", 1<<20)
	mbName := strings.Repeat("Ana ", 1<<18) // 1 MB; a trailing space is trimmed
	tests := []struct {
		name string
		args []string
		want string // in the one-line error
	}{
		// NUL bytes, in every kind of text.
		{"NUL in log note", []string{"log", "ana", "--note", "call\x00me"}, "note contains a NUL byte"},
		{"NUL in new name", []string{"edit", "ana", "--name", "Ana\x00Lima"}, "name contains a NUL byte"},
		{"NUL in edit note", []string{"edit", "ana", "--note", "\x00"}, "notes contains a NUL byte"},
		{"NUL in memory", []string{"remember", "ana", "exam\x00friday"}, "text contains a NUL byte"},
		{"NUL in tag", []string{"add", "Zoe", "--tag", "a\x00b"}, "tag contains a NUL byte"},
		{"NUL in phone", []string{"add", "Zoe", "--phone", "555\x00"}, "phone contains a NUL byte"},
		{"NUL in NAME", []string{"log", "an\x00a"}, `no one called "an\x00a"`},
		{"NUL in when", []string{"log", "ana", "--at", "2026-11-01\x00"}, "--at"},

		// Invalid UTF-8.
		{"invalid UTF-8 log note", []string{"log", "ana", "--note", "caf\xe9"}, "note is not valid UTF-8"},
		{"invalid UTF-8 name", []string{"add", "Zo\xffe"}, "name is not valid UTF-8"},
		{"invalid UTF-8 new name", []string{"edit", "ana", "--name", "\xc3\x28"}, "name is not valid UTF-8"},
		{"invalid UTF-8 memory", []string{"remember", "ana", "\xfe\xff"}, "text is not valid UTF-8"},
		{"invalid UTF-8 tag", []string{"add", "Zoe", "--tag", "\x80"}, "tag is not valid UTF-8"},
		{"invalid UTF-8 NAME", []string{"show", "\xff"}, "no one called"},
		{"invalid UTF-8 tier", []string{"add", "Zoe", "--tier", "\xff"}, "unknown tier"},

		// A megabyte where a line is expected.
		{"1 MB name", []string{"add", mbName}, "name is too long: 1048575 characters, at most 200"},
		{"1 MB new name", []string{"edit", "ana", "--name", mbName}, "name is too long"},
		{"1 MB add note", []string{"add", "Zoe", "--note", mb}, "notes is too long: 1024 KB, at most 256 KB"},
		{"1 MB edit note", []string{"edit", "ana", "--note", mb}, "notes is too long"},
		{"1 MB log note", []string{"log", "ana", "--note", mb}, "note is too long"},
		{"1 MB memory", []string{"remember", "ana", mb}, "text is too long"},
		{"1 MB tag", []string{"add", "Zoe", "--tag", mb}, "tag is too long"},
		{"1 MB NAME to log", []string{"log", mbName}, `no one called "Ana Ana Ana`},
		{"1 MB NAME to show", []string{"show", mb}, "no one called"},
		{"1 MB NAMES to log", []string{"log", "ana," + mb}, "no one called"},

		// Numbers out of range.
		{"today limit -1", []string{"today", "--limit", "-1"}, "--limit must be at least 1, not -1"},
		{"history limit -1", []string{"history", "--limit", "-1"}, "--limit must be 0 (all) or more, not -1"},
		{"plan days 100000", []string{"plan", "--days", "100000"}, "--days must be between 1 and 366, not 100000"},
		{"plan days 0", []string{"plan", "--days", "0"}, "--days must be between 1 and 366"},
		{"plan days -1", []string{"plan", "--days", "-1"}, "--days must be between 1 and 366"},
		{"plan per-day -1", []string{"plan", "--per-day", "-1"}, "--per-day must be at least 1"},
		{"plan days overflow", []string{"plan", "--days", "99999999999999999999"}, "far too large a number"},
		{"minutes 100000", []string{"log", "ana", "--minutes", "100000"}, "minutes must be between 1 and 10080"},
		{"every 100000", []string{"edit", "ana", "--every", "100000"}, "between 1 and 3660"},
		{"at 100000 days ago", []string{"log", "ana", "--at", "100000d"}, "too far away"},
		{"on 100000 days ahead", []string{"remember", "ana", "x", "--on", "100000d"}, "too far away"},
		{"snooze 100000 days", []string{"snooze", "ana", "--for", "100000d"}, "--for"},
		{"since 100000 days", []string{"history", "--since", "100000d"}, "too far away"},
	}
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--now", "2026-09-01")
	h.ok("add", "Ben Okafor", "--now", "2026-09-01")
	h.ok("log", "ana", "--at", "2026-10-12", "--note", "dinner")
	before := h.snapshot()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { h.refused(t, tc.args, tc.want, before) })
	}
}

// TestAwkwardDatabasePathsWork checks that a --db path with spaces, quotes
// and the characters a URI gives meaning to (? # %) is a path like any
// other: tend makes its folders 0700 and the file 0600 there, and reads
// back what it wrote. SQLite is opened with a file: URI, so each of these
// must be escaped on the way.
func TestAwkwardDatabasePathsWork(t *testing.T) {
	for _, name := range []string{
		"with spaces/tend data.db",
		`it's "quoted"/Ana's "tend".db`,
		"uri #1?/what?mode=ro&x=%20.db",
		"ünïcødé 🌻/数据.db",
		"-leading dash/-tend.db",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, name)
			h := &harness{t: t, db: db, env: []string{"HOME=" + dir, "TEND_NOW=2026-11-24T09:30:00Z"}}
			h.ok("add", "Ana Lima", "--now", "2026-09-01")
			h.ok("log", "ana", "--at", "2026-10-12")
			var list []struct {
				Name string `json:"name"`
			}
			if err := json.Unmarshal([]byte(h.ok("list", "--json").stdout), &list); err != nil || len(list) != 1 || list[0].Name != "Ana Lima" {
				t.Errorf("list --json = %+v, %v; want Ana Lima", list, err)
			}
			wantMode(t, db, 0o600)
			wantMode(t, filepath.Dir(db), 0o700)
			// The file is where the path says, not at a name cut short at
			// a ? or a #.
			entries, _ := os.ReadDir(filepath.Dir(db))
			for _, e := range entries {
				if e.Name() != filepath.Base(db) && !strings.HasPrefix(e.Name(), filepath.Base(db)+"-") {
					t.Errorf("found %q beside the database, want nothing else", e.Name())
				}
			}
			h.ok("backup")
			h.run("doctor") // must not fail on the path; the folder's mode is the test's
			if r := h.run("doctor", "--json"); !strings.Contains(r.stdout, `"exists": true`) {
				t.Errorf("doctor --json on %q: %s %s", name, r.stdout, r.stderr)
			}
		})
	}
}
