package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestShowReadsAsAPage: show prints the latest 20 interactions with a
// count and --all for the rest, lines its labels up at the widest one, and
// keeps a note of several lines under its label.
func TestShowReadsAsAPage(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--now", "2026-01-01", "--date", "work anniversary=2019-12-02", "--note", "line one\nline two")
	for i := range 25 {
		h.ok("log", "ana", "--at", fmt.Sprintf("2026-10-%02d", i+1))
	}
	out := h.ok("show", "ana").stdout
	if !strings.Contains(out, "Timeline · the latest 20 of 25 (tend show ana --all)") {
		t.Errorf("show does not say how much of the timeline it shows:\n%s", out)
	}
	if n := strings.Count(out, "  call"); n != 20 {
		t.Errorf("show printed %d interactions, want the latest 20:\n%s", n, out)
	}
	for _, want := range []string{
		"  work anniversary 2 December 2019",
		"  notes            line one\n                   line two\n",
		"  talked           ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	all := h.ok("show", "ana", "--all").stdout
	if n := strings.Count(all, "  call"); n != 25 || strings.Contains(all, "the latest") {
		t.Errorf("show --all printed %d interactions, want all 25:\n%s", n, all)
	}
}

// TestTodayKeepsItsIndentPastNine: the reasons stay under the name when
// the number takes two digits.
func TestTodayKeepsItsIndentPastNine(t *testing.T) {
	h := newHarness(t)
	for i := range 11 {
		h.ok("add", fmt.Sprintf("Friend %02d", i), "--tier", "inner", "--now", "2026-01-01")
	}
	out := h.ok("today", "--limit", "11").stdout
	if !strings.Contains(out, "10. Friend") || !strings.Contains(out, "\n    ") {
		t.Fatalf("today with 11 people:\n%s", out)
	}
	after10 := out[strings.Index(out, "10. "):]
	lines := strings.Split(after10, "\n")
	if !strings.HasPrefix(lines[1], "    ") || strings.HasPrefix(lines[1], "     ") {
		t.Errorf("the reasons of the 10th are indented %q, want 4 spaces, under the name", lines[1])
	}
}

// TestNowBeforeAConversation: with --now before the last real
// conversation, list and show name its day, not "today".
func TestNowBeforeAConversation(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--now", "2026-01-01")
	h.ok("log", "ana", "--at", "2026-11-20")
	for _, args := range [][]string{{"list"}, {"show", "ana"}} {
		out := h.ok(append(args, "--now", "2026-11-10")...).stdout
		if !strings.Contains(out, "Fri 20 Nov, after this day, call") || strings.Contains(out, "today, call") {
			t.Errorf("%v at a moment before the call:\n%s", args, out)
		}
	}
}

// TestBriefUsesTheShortName: the brief line names people as the reasons
// do, past a title, never "Dr.".
func TestBriefUsesTheShortName(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Dr. Jane Smith", "--tier", "inner", "--now", "2026-01-01")
	if out := h.ok("today", "--brief").stdout; !strings.Contains(out, "1 to call: Jane") {
		t.Errorf("today --brief = %q, want Jane by her short name", out)
	}
}
