package main

import (
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
)

// calls parses an iCalendar export with go-ical and returns its calls,
// "SUMMARY on YYYY-MM-DD" by UID, and how many events it holds in all.
func calls(t *testing.T, text string) (map[string]string, int) {
	t.Helper()
	cal, err := ical.NewDecoder(strings.NewReader(text)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the export: %v", err)
	}
	out := map[string]string{}
	for _, e := range cal.Events() {
		uid, err := e.Props.Text(ical.PropUID)
		if err != nil {
			t.Fatal(err)
		}
		summary, _ := e.Props.Text(ical.PropSummary)
		if !strings.HasPrefix(summary, "Call ") {
			continue
		}
		start, err := e.DateTimeStart(time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		if p := e.Props.Get(ical.PropDateTimeStart); p.ValueType() != ical.ValueDate {
			t.Errorf("%s: DTSTART is %s, want an all-day DATE", summary, p.ValueType())
		}
		if _, dup := out[uid]; dup {
			t.Errorf("UID %s twice", uid)
		}
		out[uid] = summary + " on " + start.Format(time.DateOnly)
	}
	return out, len(cal.Events())
}

func TestExportICSPlan(t *testing.T) {
	h := newHarness(t)
	seedMonth(h)
	plain, _ := calls(t, h.ok("export", "ics").stdout)
	if len(plain) != 0 {
		t.Errorf("export ics without --plan holds calls: %v", plain)
	}
	first, all := calls(t, h.ok("export", "ics", "--plan").stdout)
	if len(first) == 0 || all <= len(first) {
		t.Fatalf("export ics --plan: %d calls of %d events; want calls beside the dates", len(first), all)
	}
	if first["call-"+personID(h, "Ben Okafor")+"-20261124@tend"] != "Call Ben Okafor on 2026-11-24" {
		t.Errorf("Ben's call today: %v", first)
	}
	// Again, the same day: the same calls, by the same UIDs.
	again, _ := calls(t, h.ok("export", "ics", "--plan").stdout)
	if len(again) != len(first) {
		t.Errorf("a second export: %d calls; want %d", len(again), len(first))
	}
	for uid, what := range first {
		if again[uid] != what {
			t.Errorf("UID %s: %q, then %q", uid, what, again[uid])
		}
	}
	// A day later, after a call: whoever keeps their day keeps their UID.
	h.ok("log", "ben", "--at", "2026-11-25T08:00:00Z", "--now", "2026-11-25T09:30:00Z")
	later, _ := calls(t, h.ok("export", "ics", "--plan", "--now", "2026-11-25T09:30:00Z").stdout)
	kept := 0
	for uid, what := range later {
		if w, ok := first[uid]; ok {
			kept++
			if w != what {
				t.Errorf("UID %s: %q, then %q", uid, w, what)
			}
		}
	}
	if kept == 0 {
		t.Errorf("no call kept its UID from one day to the next:\n%v\n%v", first, later)
	}
	for _, what := range later {
		if strings.HasPrefix(what, "Call Ben Okafor") {
			t.Errorf("Ben was called, yet: %s", what)
		}
	}
	if r := h.run("export", "json", "--plan"); r.code != exitUsage || !strings.Contains(r.stderr, "--plan is for export ics only") {
		t.Errorf("export json --plan: exit %d, %q", r.code, r.stderr)
	}
}

// personID looks someone up by name.
func personID(h *harness, name string) string {
	h.t.Helper()
	out := h.ok("show", name, "--json").stdout
	i := strings.Index(out, `"id": "`)
	if i < 0 {
		h.t.Fatalf("show %s --json: %s", name, out)
	}
	rest := out[i+len(`"id": "`):]
	return rest[:strings.Index(rest, `"`)]
}
