package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// seedTending fills the database with a circle whose history shows each
// pattern, as of Tuesday 2026-11-24 09:30 UTC:
//
//   - Ana (close) talks every 12 days: a rhythm hint; birthday on Friday.
//   - Ben (inner) called you the last 3 times: your turn.
//   - Chloé (close) met you with gaps of 20, 25 and 31 days: drifting.
//   - Dev (regular) only ever hears from you: a gentle note; due on Monday.
//   - Eli (outer) was added long ago and never called: overdue.
//   - Fay (close) is archived; Gus (inner) is snoozed until Friday.
func seedTending(h *harness) {
	h.t.Helper()
	h.ok("add", "Ana Lima", "--tier", "close", "--birthday", "11-27", "--now", "2026-09-01")
	for _, at := range []string{"2026-10-08", "2026-10-20", "2026-11-01", "2026-11-13"} {
		h.ok("log", "ana", "--at", at)
	}
	h.ok("add", "Ben Okafor", "--tier", "inner", "--now", "2026-09-01")
	h.ok("log", "ben", "--at", "2026-11-01")
	for _, at := range []string{"2026-11-05", "2026-11-09", "2026-11-14"} {
		h.ok("log", "ben", "--in", "--at", at)
	}
	h.ok("add", "Chloé Martin", "--tier", "close", "--now", "2026-08-01")
	for _, at := range []string{"2026-08-25", "2026-09-14", "2026-10-09", "2026-11-09"} {
		h.ok("log", "chloé", "--via", "in-person", "--at", at)
	}
	h.ok("add", "Dev Patel", "--now", "2025-01-01")
	for _, l := range [][]string{
		{"--at", "2025-06-01"}, {"--via", "text", "--at", "2025-09-01"}, {"--at", "2025-12-01"},
		{"--via", "email", "--at", "2026-03-01"}, {"--at", "2026-06-03"},
	} {
		h.ok(append([]string{"log", "dev"}, l...)...)
	}
	h.ok("add", "Eli Cohen", "--tier", "outer", "--now", "2025-06-01")
	h.ok("add", "Fay Dunn", "--tier", "close", "--now", "2025-06-01")
	h.ok("archive", "fay")
	h.ok("add", "Gus Berg", "--tier", "inner", "--now", "2026-09-01")
	h.ok("log", "gus", "--via", "video", "--at", "2026-11-01")
	h.ok("snooze", "gus", "--until", "friday")
	h.ok("log", "ana", "--via", "text", "--in", "--at", "2026-11-20", "--note", "exam went well!")
}

func TestTending(t *testing.T) {
	h := newHarness(t)
	seedTending(h)
	h.ok("today")
	h.ok("plan")
	h.ok("plan", "--days", "3", "--per-day", "1")
	h.ok("stats")
	h.ok("show", "ana")
	h.ok("show", "ben")
	h.ok("show", "chloé")
	h.ok("show", "dev")
	h.ok("list", "--due")      // Gus is due, but snoozed: marked
	h.ok("list", "--archived") // Fay, with the day she was archived
	h.golden("tending")
}

func TestTendingJSON(t *testing.T) {
	h := newHarness(t)
	seedTending(h)
	h.ok("plan", "--days", "3", "--per-day", "1", "--json")
	h.ok("stats", "--json")
	h.ok("show", "dev", "--json")
	h.golden("tending_json")
}

func TestTendingEmpty(t *testing.T) {
	h := newHarness(t)
	h.ok("plan")
	h.ok("stats")
	h.ok("list")
	h.ok("list", "--archived")
	h.ok("add", "Ana Lima", "--tier", "close")
	h.ok("list", "--tier", "inner")
	h.ok("plan", "--days", "1")
	h.ok("plan", "--days", "2", "--json")
	h.ok("stats", "--json")
	h.golden("tending_empty")
}

// TestPlanJSONShape checks what scripts rely on: one element per day with
// its date, then one with a null date for later, people never null, and
// each person with the fields of today --json.
func TestPlanJSONShape(t *testing.T) {
	h := newHarness(t)
	seedTending(h)
	var days []struct {
		Date   *string          `json:"date"`
		People []map[string]any `json:"people"`
	}
	if err := json.Unmarshal([]byte(h.ok("plan", "--days", "3", "--per-day", "1", "--json").stdout), &days); err != nil {
		t.Fatal(err)
	}
	if len(days) != 4 {
		t.Fatalf("plan --days 3 --json has %d elements, want 4 (3 days and later)", len(days))
	}
	for i, want := range []string{"2026-11-24", "2026-11-25", "2026-11-26"} {
		if days[i].Date == nil || *days[i].Date != want {
			t.Errorf("element %d date = %v, want %s", i, days[i].Date, want)
		}
	}
	if days[3].Date != nil {
		t.Errorf("last element date = %q, want null", *days[3].Date)
	}
	seen := map[string]bool{}
	for _, d := range days {
		if d.People == nil {
			t.Errorf("people = null, want []")
		}
		for _, p := range d.People {
			var keys []string
			for k := range p {
				keys = append(keys, k)
			}
			want := "days_since_real,due_ratio,every_days,id,last_note,last_real_at,last_real_via,name,priority,reasons,tier"
			if got := strings.Join(sorted(keys), ","); got != want {
				t.Errorf("plan person keys = %s, want %s", got, want)
			}
			id := p["id"].(string)
			if seen[id] {
				t.Errorf("%s is in the plan twice", p["name"])
			}
			seen[id] = true
		}
	}
	if len(days[3].People) == 0 {
		t.Errorf("later is empty, want the people who did not fit in 3 days at 1 a day")
	}
}

// TestStatsJSONFields pins the field lists of stats --json.
func TestStatsJSONFields(t *testing.T) {
	h := newHarness(t)
	seedTending(h)
	var out map[string]json.RawMessage
	if err := json.Unmarshal([]byte(h.ok("stats", "--json").stdout), &out); err != nil {
		t.Fatal(err)
	}
	keysOf := func(raw json.RawMessage) string {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for k := range m {
			keys = append(keys, k)
		}
		return strings.Join(sorted(keys), ",")
	}
	var top []string
	for k := range out {
		top = append(top, k)
	}
	var tiers, drifting []json.RawMessage
	if err := json.Unmarshal(out["tiers"], &tiers); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out["drifting"], &drifting); err != nil || len(drifting) == 0 {
		t.Fatalf("drifting = %s, %v; want Chloé", out["drifting"], err)
	}
	tests := []struct{ what, got, want string }{
		{"top", strings.Join(sorted(top), ","), "active,activity,archived,date,drifting,tiers"},
		{"tier", keysOf(tiers[0]), "badly_overdue,due,guideline,median_days_since_real,on_track,over_guideline,people,tier"},
		{"activity", keysOf(out["activity"]), "in,interactions,out,per_week,real,since,touches,weeks"},
		{"drifting", keysOf(drifting[0]), "gaps_days,id,name,tier"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("stats --json %s keys = %s, want %s", tc.what, tc.got, tc.want)
		}
	}
}

func TestTendingBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"days zero", []string{"plan", "--days", "0"}, "--days must be between 1 and 366, not 0"},
		{"days negative", []string{"plan", "--days", "-7"}, "--days must be between 1 and 366, not -7"},
		{"days over a year", []string{"plan", "--days", "367"}, "--days must be between 1 and 366, not 367"},
		{"days not a number", []string{"plan", "--days", "week"}, `--days: "week" is not a whole number`},
		{"per day zero", []string{"plan", "--per-day", "0"}, "--per-day must be at least 1, not 0"},
		{"per day not a number", []string{"plan", "--per-day", "2.5"}, `--per-day: "2.5" is not a whole number`},
		{"plan argument", []string{"plan", "ana"}, "plan takes no arguments"},
		{"stats argument", []string{"stats", "inner"}, "stats takes no arguments"},
		{"stats unknown flag", []string{"stats", "--tier", "inner"}, "unknown flag: --tier"},
	}
	h := newHarness(t)
	seedTending(h)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := h.run(tc.args...)
			if r.code != exitUsage {
				t.Errorf("exit %d, want %d", r.code, exitUsage)
			}
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
			if !strings.Contains(r.stderr, tc.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("stderr = %q, want one line with %q", r.stderr, tc.want)
			}
		})
	}
}

// TestDays366 plans a whole year: everyone comes due within it.
func TestDays366(t *testing.T) {
	h := newHarness(t)
	seedTending(h)
	var days []struct {
		People []map[string]any `json:"people"`
	}
	if err := json.Unmarshal([]byte(h.ok("plan", "--days", "366", "--json").stdout), &days); err != nil {
		t.Fatal(err)
	}
	n, names := 0, map[string]bool{}
	for _, d := range days {
		n += len(d.People)
		for _, p := range d.People {
			names[p["name"].(string)] = true
		}
	}
	// Everyone active once, and Ana a second time on her birthday.
	if len(days) != 367 || len(names) != 6 || n != 7 {
		t.Errorf("plan --days 366: %d elements with %d people, %d of them different; want 367 with 7: the 6 active people and Ana's birthday",
			len(days), n, len(names))
	}
}
