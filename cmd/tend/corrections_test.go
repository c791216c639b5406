package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestAnAliasThatTakesAName: an alias that another person's name answered
// to is taken, and add and edit say so.
func TestAnAliasThatTakesAName(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ben Okafor")
	h.ok("add", "Ana Lima")
	r := h.ok("edit", "ana", "--alias", "ben")
	if !strings.Contains(r.stderr, `Note: "ben" found Ben Okafor until now; as an alias, tend log ben now means Ana Lima.`) {
		t.Errorf("edit --alias ben: stderr %q; want a note that ben now means Ana", r.stderr)
	}
	if r := h.ok("edit", "ana", "--alias", "annie"); r.stderr != "" {
		t.Errorf("an alias no one else answers to: stderr %q, want none", r.stderr)
	}
	if r := h.ok("add", "Carla Diaz", "--alias", "ana"); !strings.Contains(r.stderr, `"ana" found Ana Lima until now`) {
		t.Errorf("add --alias ana: stderr %q; want a note", r.stderr)
	}
	// A name that found several before found no one for sure: no note,
	// where one listed 72 people of a large address book.
	h.ok("add", "Ben Ode")
	if r := h.ok("add", "Dev Patel", "--alias", "be"); r.stderr != "" {
		t.Errorf("add --alias be, which found Ben Okafor and Ben Ode: stderr %q, want none", r.stderr)
	}
}

// TestRememberEditTakesTheDayAway: remember --edit ID --on "" leaves the
// memory with no day, as its help says; a new memory with --on "" is
// still refused, as an empty WHEN is everywhere else.
func TestRememberEditTakesTheDayAway(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima")
	var m struct{ ID string }
	if err := json.Unmarshal([]byte(h.ok("remember", "ana", "exam", "--on", "friday", "--json").stdout), &m); err != nil {
		t.Fatal(err)
	}
	h.ok("remember", "--edit", m.ID, "--on", "")
	var shown struct {
		Memories []struct{ Due *string }
	}
	if err := json.Unmarshal([]byte(h.ok("show", "ana", "--json").stdout), &shown); err != nil || len(shown.Memories) != 1 || shown.Memories[0].Due != nil {
		t.Errorf("the memory after --on \"\" = %+v, %v; want no day", shown, err)
	}
	if r := h.run("remember", "ana", "x", "--on", ""); r.code != exitUsage {
		t.Errorf("remember NAME TEXT --on \"\": exit %d, want it refused", r.code)
	}
}

// TestCorrectionsThatChangeNothingAreNoChange: an amend or a memory edit
// that leaves everything as it was is nothing undo reverts.
func TestCorrectionsThatChangeNothingAreNoChange(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima")
	var in, m struct{ ID string }
	json.Unmarshal([]byte(h.ok("log", "ana", "--at", "2d", "--json").stdout), &in)
	json.Unmarshal([]byte(h.ok("remember", "ana", "exam", "--json").stdout), &m)
	before := h.ok("undo", "--list").stdout
	h.ok("amend", in.ID, "--minutes", "0")
	h.ok("amend", in.ID, "--with", "ana")
	h.ok("remember", "--edit", m.ID, "exam")
	if after := h.ok("undo", "--list").stdout; after != before {
		t.Errorf("undo --list after corrections that change nothing:\n%s\nwant as before:\n%s", after, before)
	}
}

// TestSnoozeOffOnSomeoneNotSnoozed says so, and is no change.
func TestSnoozeOffOnSomeoneNotSnoozed(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Cleo Ray")
	before := h.ok("undo", "--list").stdout
	if out := h.ok("snooze", "cleo", "--off").stdout; out != "Cleo Ray is not snoozed; nothing changed.\n" {
		t.Errorf("snooze --off on someone not snoozed = %q", out)
	}
	if after := h.ok("undo", "--list").stdout; after != before {
		t.Errorf("undo --list after it:\n%s\nwant as before:\n%s", after, before)
	}
}

// TestRestoreBesideAnActiveNamesake: the refusal says how to bring them
// back, and the way it gives works.
func TestRestoreBesideAnActiveNamesake(t *testing.T) {
	h := newHarness(t)
	var old struct{ ID string }
	json.Unmarshal([]byte(h.ok("add", "Ana Lima", "--json").stdout), &old)
	h.ok("archive", "ana")
	h.ok("add", "Ana Lima")
	r := h.run("restore", "ana")
	id := old.ID
	want := "tend edit " + id + " --name 'Ana Lima (2)', then tend restore " + id
	if r.code != exitUsage || !strings.Contains(r.stderr, want) {
		t.Fatalf("restore beside an active namesake: exit %d, stderr %q; want %q", r.code, r.stderr, want)
	}
	h.ok("edit", id, "--name", "Ana Lima (2)")
	h.ok("restore", id)
}

// TestDoneByMistakeIsReopened: done --reopen opens a done memory again,
// says so when it was open, and undo takes it back.
func TestDoneByMistakeIsReopened(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima")
	var m struct{ ID string }
	json.Unmarshal([]byte(h.ok("remember", "ana", "exam", "--json").stdout), &m)
	h.ok("done", "ana", "1")
	if out := h.ok("done", "--reopen", m.ID).stdout; out != "Open again: exam\n" {
		t.Errorf("done --reopen = %q", out)
	}
	if out := h.ok("show", "ana").stdout; !strings.Contains(out, "1 [ ] exam") {
		t.Errorf("show after --reopen:\n%s\nwant the memory open", out)
	}
	if out := h.ok("done", "--reopen", m.ID).stdout; out != "Not done yet: exam\n" {
		t.Errorf("done --reopen of an open memory = %q", out)
	}
	h.ok("undo")
	if out := h.ok("show", "ana").stdout; !strings.Contains(out, "[x] exam") {
		t.Errorf("show after undoing --reopen:\n%s\nwant it done again", out)
	}
	if r := h.run("done", "--reopen", "ana", "1"); r.code != exitUsage {
		t.Errorf("done --reopen NAME N: exit %d, want it refused", r.code)
	}
}
