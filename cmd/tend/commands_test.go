package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// seed fills the database with a small circle, as of 2026-11-24 09:30 UTC.
func seed(h *harness) {
	h.t.Helper()
	h.ok("add", "Ana Lima", "--tier", "close", "--birthday", "04-15", "--now", "2026-09-01")
	h.ok("add", "Ben Okafor", "--tier", "inner", "--birthday", "1990-11-27", "--tag", "family", "--now", "2026-09-01")
	h.ok("add", "Chloé Martin", "--email", "chloe@example.org", "--now", "2026-01-01")
	h.ok("add", "Dev Patel", "--tier", "outer", "--now", "2026-11-01")
	h.ok("log", "ana", "--at", "2026-10-12T18:00:00Z", "--minutes", "45")
	h.ok("log", "ben,chloé", "--via", "in-person", "--at", "2026-11-10", "--note", "dinner at Rosa's")
	h.ok("log", "ben", "--via", "text", "--in", "--at", "2026-11-20")
	h.ok("remember", "ana", "exam on Friday", "--on", "2026-11-23")
}

func TestTour(t *testing.T) {
	h := newHarness(t)
	h.ok("today")
	seed(h)
	h.ok("today")
	h.ok("today", "--limit", "1")
	h.ok("list")
	h.ok("list", "--tier", "inner")
	h.ok("list", "--tag", "FAMILY")
	h.ok("list", "--due")
	h.ok("show", "ana")
	h.ok("history")
	h.ok("history", "ben")
	h.ok("history", "--since", "2026-11-15")
	h.golden("tour")
}

func TestJSON(t *testing.T) {
	h := newHarness(t)
	seed(h)
	h.ok("today", "--json")
	h.ok("list", "--json")
	h.ok("show", "ben", "--json")
	h.ok("history", "--json", "--limit", "2")
	h.golden("json")
}

func TestJSONEmptyArraysAreNotNull(t *testing.T) {
	h := newHarness(t)
	for _, args := range [][]string{{"today", "--json"}, {"list", "--json"}, {"history", "--json"}} {
		if got := strings.TrimSpace(h.ok(args...).stdout); got != "[]" {
			t.Errorf("tend %s on an empty database = %q, want []", strings.Join(args, " "), got)
		}
	}
	h.ok("add", "Ana")
	var person map[string]any
	if err := json.Unmarshal([]byte(h.ok("show", "ana", "--json").stdout), &person); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"phones", "emails", "tags", "important_dates", "interactions", "memories"} {
		if list, ok := person[key].([]any); !ok || len(list) != 0 {
			t.Errorf("show --json %s = %#v, want []", key, person[key])
		}
	}
}

// TestTodayJSONFields pins the field list of today --json so a rename
// cannot slip through.
func TestTodayJSONFields(t *testing.T) {
	h := newHarness(t)
	seed(h)
	var out []map[string]any
	if err := json.Unmarshal([]byte(h.ok("today", "--json").stdout), &out); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("today --json is empty, want suggestions")
	}
	want := []string{"days_since_real", "due_ratio", "every_days", "id", "last_note", "last_real_at", "last_real_via", "name", "priority", "reasons", "tier"}
	for _, entry := range out {
		var got []string
		for k := range entry {
			got = append(got, k)
		}
		if strings.Join(sorted(got), ",") != strings.Join(want, ",") {
			t.Errorf("today --json keys = %v, want %v", sorted(got), want)
		}
	}
}

func TestWrites(t *testing.T) {
	h := newHarness(t)
	seed(h)
	h.ok("edit", "ana", "--tier", "inner", "--every", "2w", "--phone", "+55 11 5555 0101", "--date", "anniversary=2015-06-01")
	h.ok("edit", "ana", "--name", "Ana Lima-Souza")
	h.ok("snooze", "ben", "--for", "3d")
	h.ok("today")
	h.ok("snooze", "ben", "--off")
	h.ok("snooze", "chloé", "--until", "friday")
	h.ok("archive", "dev")
	h.ok("list", "--archived")
	h.ok("restore", "dev")
	mem := h.ok("remember", "ben", "new", "job", "at", "the", "bakery", "--json")
	var m struct{ ID string }
	if err := json.Unmarshal([]byte(mem.stdout), &m); err != nil {
		t.Fatal(err)
	}
	r := h.run("done", m.ID[:22])
	if r.code != 0 {
		t.Fatalf("done %s: exit %d: %s", m.ID[:22], r.code, r.stderr)
	}
	h.ok("done", strings.ToLower(m.ID)) // again: it says it was, and changes nothing
	h.ok("rm", "dev", "--yes")
	h.ok("show", "ana lima-souza")
	h.golden("writes")
}

func TestNoArgumentsPrintsToday(t *testing.T) {
	h := newHarness(t)
	seed(h)
	if got, want := h.ok().stdout, h.ok("today").stdout; got != want {
		t.Errorf("tend with no arguments printed\n%s\nwant the same as tend today:\n%s", got, want)
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// TestEveryoneArchivedIsNotNoOneYet: with everyone in tend archived,
// today, plan and list say so and where they are; "No one in tend yet"
// would read as if the people were lost.
func TestEveryoneArchivedIsNotNoOneYet(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	for _, cmd := range []string{"today", "plan", "list"} {
		if out := h.ok(cmd).stdout; !strings.HasPrefix(out, "No one in tend yet.") {
			t.Errorf("tend %s on an empty tend said %q", cmd, out)
		}
	}
	h.ok("add", "Ana Lima")
	h.ok("archive", "ana")
	for _, cmd := range []string{"today", "plan", "list"} {
		out := h.ok(cmd).stdout
		if want := "No one to talk to: the one person in tend is archived.\n  tend list --archived shows them; tend restore NAME brings one back.\n"; out != want {
			t.Errorf("tend %s with everyone archived said %q, want %q", cmd, out, want)
		}
	}
	h.ok("add", "Ben Okafor")
	h.ok("archive", "ben")
	if out := h.ok("today").stdout; !strings.HasPrefix(out, "No one to talk to: everyone in tend is archived.") {
		t.Errorf("tend today with two archived said %q", out)
	}
}
