package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// idOf reads the id from a command's --json output.
func idOf(t *testing.T, r result) string {
	t.Helper()
	var v struct{ ID string }
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil || v.ID == "" {
		t.Fatalf("no id in %q: %v", r.stdout, err)
	}
	return v.ID
}

// TestRecords is the transcript of finding people as they are typed and of
// putting the record right: aliases, amend, unlog, forget, done NAME N,
// remember --edit, one-item edits, archived people, and undo.
func TestRecords(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Léa Dubois", "--now", "2026-09-01")
	h.ok("add", "Claire Martin", "--now", "2026-09-01")
	h.ok("add", "Richard Hale", "--note", "my dad", "--date", "anniversary=1985-06-01", "--now", "2026-09-01")
	h.ok("add", "Helen Hale", "--alias", "mum", "--alias", "Mama", "--now", "2026-09-01")
	// Found as typed: no accent, any case, an alias; nothing is guessed.
	h.ok("log", "lea", "--via", "text", "--in")
	h.ok("log", "LEA DUBOIS", "--at", "yesterday 18:00")
	h.ok("log", "mum,richard,MUM", "--via", "in-person", "--at", "tuesday 08:00")
	h.run("log", "dad")
	h.run("log", "helen", "extra", "words")
	h.run("log", "hale")
	h.ok("log", "helen", "hale", "--at", "friday 19:30", "--via", "video")
	h.ok("show", "mum")
	h.ok("history", "--limit", "3")

	// One interaction: correct it, remove it, and undo both.
	dinner := idOf(t, h.ok("log", "helen,richard", "--via", "in-person", "--at", "2026-11-20 19:00", "--json"))
	h.ok("amend", dinner[:12], "--via", "call", "--minutes", "40", "--without", "richard", "--with", "léa", "--note", "a long call")
	h.run("amend", dinner[:12], "--without", "claire")
	h.ok("unlog", strings.ToLower(dinner[:12]))
	h.ok("undo")
	h.ok("undo")
	h.ok("history", "helen", "--limit", "1")

	// One memory: number, done NAME N, change, forget, undo.
	exam := idOf(t, h.ok("remember", "lea", "exam on Friday", "--on", "friday", "--json"))
	h.ok("remember", "lea", "new job")
	h.ok("done", "lea", "2")
	h.ok("remember", "--edit", exam[:12], "exam moved to Monday", "--on", "monday")
	h.ok("show", "léa")
	h.ok("forget", exam[:12])
	h.ok("undo")

	// Small edits say what changed, and --date keeps the other dates.
	h.ok("edit", "richard", "--date", "birthday=03-03")
	if shown := h.ok("show", "richard", "--json").stdout; !strings.Contains(shown, `"label": "anniversary"`) {
		t.Errorf("edit --date birthday=03-03 dropped the anniversary:\n%s", shown)
	}
	h.ok("edit", "richard", "--add-alias", "dad", "--add-tag", "family", "--add-note", "retired in 2024")
	h.ok("edit", "mum", "--rm-alias", "mama", "--add-date", "name day=07-26")
	h.ok("edit", "richard", "--rm-date", "birthday", "--birthday", "1950-03-03")
	h.ok("log", "dad")

	// Archived people are found, and named as such.
	h.ok("archive", "richard")
	h.ok("log", "richard")
	h.run("snooze", "richard")
	h.ok("restore", "richard")

	h.ok("undo", "--list")
	h.ok("undo", "--list", "--json")
	h.ok("undo", "--json")
	h.ok("rm", "claire", "--yes")
	h.golden("records")
}

// TestCompletion asks the completion the shell scripts call: names and
// aliases for log (after a comma too), channels for --via, tiers for
// --tier, open memories for done.
func TestCompletion(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Helen Hale", "--alias", "mum")
	h.ok("add", "Léa Dubois")
	h.ok("remember", "lea", "exam on Friday")
	cases := []struct {
		args []string
		want []string
		not  []string
	}{
		{[]string{"log", "h"}, []string{"Helen Hale"}, []string{"Léa Dubois"}},
		{[]string{"log", "m"}, []string{"mum\talias of Helen Hale"}, nil},
		{[]string{"log", "le"}, []string{"Léa Dubois"}, nil},
		{[]string{"log", "helen hale,l"}, []string{"helen hale,Léa Dubois"}, nil},
		{[]string{"log", "ana", "--via", ""}, []string{"in-person\ta real conversation", "text\ta touch"}, nil},
		{[]string{"add", "Zed", "--tier", ""}, []string{"inner\tevery 7 days", "outer"}, nil},
		{[]string{"done", ""}, []string{"Léa Dubois: exam on Friday"}, nil},
		{[]string{"show", "helen", ""}, nil, []string{"Helen Hale"}},
	}
	for _, tc := range cases {
		r := h.ok(append([]string{"__complete"}, tc.args...)...)
		for _, w := range tc.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("completing %q: %q lacks %q", tc.args, r.stdout, w)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(r.stdout, n) {
				t.Errorf("completing %q: %q offers %q", tc.args, r.stdout, n)
			}
		}
	}
	// A completion never creates a database.
	empty := newHarness(t)
	r := empty.ok("__complete", "log", "")
	if strings.Contains(r.stdout, "\t") || fileExists(empty.db) {
		t.Errorf("completing with no database: %q, database made: %v", r.stdout, fileExists(empty.db))
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
