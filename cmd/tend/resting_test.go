package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestNoOneToCallNamesWhoIsResting: on a day when everyone due was in touch
// in the last two days, today and plan do not say that no one is due, and
// name who is: list shows them due.
func TestNoOneToCallNamesWhoIsResting(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--tier", "close")
	h.ok("log", "ana", "--at", "40d")
	h.ok("log", "ana", "--via", "text")
	h.ok("add", "Ben Okafor", "--tier", "inner")
	h.ok("log", "ben", "--at", "10d")
	h.ok("log", "ben", "--via", "text", "--at", "1d")
	want := "Ben Okafor and Ana Lima are due, and left in peace for now: you were in touch in the last 2 days."
	if out := h.ok("today").stdout; strings.Contains(out, "no one is due") || !strings.Contains(out, "no one to call") || !strings.Contains(out, want) {
		t.Errorf("tend today =\n%s\nwant no one to call, and %q", out, want)
	}
	// A plan whose days are all within their quiet days lists them under
	// Later: it has not forgotten them.
	out := h.ok("plan", "--days", "2").stdout
	if !strings.Contains(out, "no one to call") || !strings.Contains(out, "Later: 2 people left in peace after a recent contact") ||
		!strings.Contains(out, "Ben Okafor") || !strings.Contains(out, "Ana Lima") {
		t.Errorf("tend plan --days 2 =\n%s\nwant no one to call, and both under Later", out)
	}
	var plan []struct {
		Date   *string
		People []struct{ Name string }
	}
	if err := json.Unmarshal([]byte(h.ok("plan", "--days", "2", "--json").stdout), &plan); err != nil || len(plan) != 3 || plan[2].Date != nil || len(plan[2].People) != 2 {
		t.Errorf("plan --days 2 --json = %+v, %v; want both in the last element, of no date", plan, err)
	}
	h.ok("log", "ana,ben", "--via", "in-person", "--at", "1d")
	if out := h.ok("today").stdout; strings.Contains(out, "left in peace") {
		t.Errorf("today after meeting both =\n%s\nwant no one left in peace: no one is due", out)
	}
}

// TestLetterWithNoDatabaseSaysSo: a letter mailed by a cron job from a
// path with no database says there is none, not that no one is due.
func TestLetterWithNoDatabaseSaysSo(t *testing.T) {
	h := newHarness(t)
	for _, format := range []string{"text", "markdown", "html"} {
		out := h.ok("digest", "--format", format).stdout
		if !strings.Contains(out, "No database at "+h.db+" yet") || strings.Contains(out, "no one to call") {
			t.Errorf("digest --format %s with no database =\n%s\nwant it to say there is no database", format, out)
		}
	}
}

// TestAGiftIsNotWritten: a gift waiting for thanks is not said as a
// message that waits for an answer.
func TestAGiftIsNotWritten(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Gina Ray")
	h.ok("log", "gina", "--via", "gift", "--in", "--at", "3d")
	if out := h.ok("today").stdout; !strings.Contains(out, "Gina sent a gift 3 days ago, you have not thanked them") {
		t.Errorf("today =\n%s\nwant the gift said as one", out)
	}
	if out := h.ok("digest").stdout; !strings.Contains(out, "Gina Ray sent a gift 3 days ago") || strings.Contains(out, "wrote") {
		t.Errorf("digest =\n%s\nwant the gift said as one", out)
	}
}
