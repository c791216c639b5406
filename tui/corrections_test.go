package tui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// TestHistoryDeleteAndUndo: X on History deletes the interaction under the
// cursor after a yes, n keeps it, and U brings it back, saying so.
func TestHistoryDeleteAndUndo(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	before := len(h.interactions())
	h.press("4", "X")
	h.contains("Delete a text from Ben Okafor?")
	h.press("n")
	if n := len(h.interactions()); n != before {
		t.Fatalf("n deleted the interaction: %d left of %d", n, before)
	}
	h.press("X", "y")
	if n := len(h.interactions()); n != before-1 {
		t.Fatalf("after X y, %d interactions, want %d", n, before-1)
	}
	if !strings.Contains(h.m.status, "Deleted a text from Ben Okafor") {
		t.Errorf("status = %q, want it to say what was deleted", h.m.status)
	}
	h.press("U")
	if n := len(h.interactions()); n != before {
		t.Fatalf("after U, %d interactions, want %d back", n, before)
	}
	if !strings.HasPrefix(h.m.status, "Undid: removed a text from Ben Okafor") {
		t.Errorf("status after U = %q, want it to say what was undone", h.m.status)
	}
}

// TestHistoryXNoLongerArchives: x on History was archiving the first person
// of the interaction under the cursor; it does nothing there now.
func TestHistoryXNoLongerArchives(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	h.start(80, 24)
	h.press("4", "x")
	if h.m.form != nil {
		t.Fatalf("x on History opened a form:\n%s", h.screen())
	}
	h.press("y")
	if p := h.person(ids["Ben"]); p.Archived() {
		t.Error("x on History archived Ben")
	}
}

// TestCorrectInteraction: c opens the log form filled in with the
// interaction under the cursor, and saving corrects it in place.
func TestCorrectInteraction(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	before := len(h.interactions())
	h.press("4", "c")
	h.contains("Correct a text from Ben Okafor", "2026-11-20 12:00")
	// The channel field has the cursor: make it a call.
	for range len("text") {
		h.press("backspace")
	}
	h.typeText("call")
	h.press("enter")
	ins := h.interactions()
	if len(ins) != before {
		t.Fatalf("correcting made %d interactions of %d", len(ins), before)
	}
	found := false
	for _, in := range ins {
		if in.Via == cadence.Call && in.Direction == cadence.In && len(in.Names) == 1 && in.Names[0] == "Ben Okafor" {
			found = true
		}
		if in.Via == cadence.Text {
			t.Errorf("the text is still there: %+v", in)
		}
	}
	if !found || !strings.HasPrefix(h.m.status, "Corrected: a call from Ben Okafor") {
		t.Errorf("after correcting: found=%v, status %q", found, h.m.status)
	}
	h.press("U")
	if !strings.HasPrefix(h.m.status, "Undid: amended a text from Ben Okafor") {
		t.Errorf("status after U = %q", h.m.status)
	}
}

// TestUndoWithNothingToUndo says so and changes nothing.
func TestUndoWithNothingToUndo(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.start(80, 24)
	h.press("U")
	if h.m.status != "Nothing to undo." {
		t.Errorf("status = %q, want %q", h.m.status, "Nothing to undo.")
	}
}

// TestPersonTimelineDelete: on Person, X deletes the interaction under the
// cursor on the timeline, and nothing when the cursor is on a memory.
func TestPersonTimelineDelete(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	before := len(h.interactions())
	h.press("2", "enter") // the first person, the most due
	if h.m.tab != tabPerson {
		t.Fatalf("enter did not open a person:\n%s", h.screen())
	}
	for range 10 {
		if h.m.selection().interaction.ID != "" {
			break
		}
		h.press("down")
	}
	if h.m.selection().interaction.ID == "" {
		t.Fatalf("no interaction under the cursor:\n%s", h.screen())
	}
	h.press("X", "y")
	if n := len(h.interactions()); n != before-1 {
		t.Errorf("after X y on Person, %d interactions, want %d", n, before-1)
	}
}

// TestPersonShowsAliases: the Person view says what else someone is called.
func TestPersonShowsAliases(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	if _, err := h.s.AddPerson(t.Context(), domain.Person{Name: "Helen Hale", Aliases: []string{"mum"}}); err != nil {
		t.Fatal(err)
	}
	h.start(80, 24)
	h.press("2", "enter")
	h.contains("Helen Hale", "also called", "mum")
}

// TestCorrectChangesOnlyWhatWasChanged: correcting the channel leaves the
// note (over two lines, which the form shows on one) and the time (to the
// second, which it shows to the minute) as stored.
func TestCorrectChangesOnlyWhatWasChanged(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	at := time.Date(2026, 11, 23, 18, 0, 37, 0, time.UTC)
	if _, err := h.s.AddInteraction(context.Background(), domain.Interaction{People: []string{ids["Ana"]}, Via: cadence.Text, At: at, Note: "first line\nsecond line"}); err != nil {
		t.Fatal(err)
	}
	h.start(80, 24)
	h.press("4", "c") // the newest: the text
	h.contains("Correct a text to Ana Lima")
	for range len("text") {
		h.press("backspace")
	}
	h.typeText("call")
	h.press("enter")
	in := h.interactions()[0]
	if in.Via != cadence.Call || in.Note != "first line\nsecond line" || !in.At.Equal(at) {
		t.Errorf("corrected to %+v; want a call, the note and the time as they were", in)
	}
	h.press("c", "enter")
	if h.m.status != "Nothing changed." {
		t.Errorf("saving the form as it opened: status %q, want Nothing changed.", h.m.status)
	}
}

// TestCorrectingANoteKeepsItsLines: a word added to a note of two lines
// keeps the line break.
func TestCorrectingANoteKeepsItsLines(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	at := time.Date(2026, 11, 23, 18, 0, 0, 0, time.UTC)
	if _, err := h.s.AddInteraction(context.Background(), domain.Interaction{People: []string{ids["Ana"]}, Via: cadence.Call, At: at, Note: "tab\there\nnewline"}); err != nil {
		t.Fatal(err)
	}
	h.start(80, 24)
	h.press("4", "c")
	h.press("tab", "tab", "tab", "tab") // channel, direction, when, minutes: to the note
	h.contains("tab⇥here↵newline")
	h.typeText("!")
	h.press("enter")
	if in := h.interactions()[0]; in.Note != "tab\there\nnewline!" {
		t.Errorf("note after adding a mark = %q, want its tab and line kept", in.Note)
	}
}

// TestEscClosesAnUntouchedCorrection: esc on the correction form as it
// opened closes it at once, as on the other forms; nothing was typed.
func TestEscClosesAnUntouchedCorrection(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.press("4", "c")
	h.contains("Correct a text from Ben Okafor")
	h.press("esc")
	if h.m.form != nil || strings.Contains(h.m.status, "Throw away") {
		t.Errorf("esc on an untouched correction: form open %v, status %q", h.m.form != nil, h.m.status)
	}
}

// TestLogForSomeoneDeletedElsewhere: the log form open on someone another
// window deletes says they are gone, in words.
func TestLogForSomeoneDeletedElsewhere(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	h.start(80, 24)
	h.press("2", "down", "l") // Ana Lima
	h.contains("Log a conversation with Ana Lima")
	if err := h.s.DeletePerson(context.Background(), ids["Ana"]); err != nil {
		t.Fatal(err)
	}
	h.press("enter")
	h.contains("they were deleted,", "perhaps from another window")
}

// TestHistoryReachesPastItsFirstPage: a search finds an interaction older
// than the first page read, and G goes to the oldest, not to the last
// read.
func TestHistoryReachesPastItsFirstPage(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	ctx := context.Background()
	oldest := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	if _, err := h.s.AddInteraction(ctx, domain.Interaction{People: []string{ids["Dev"]}, Via: cadence.Call, At: oldest, Note: "the very first call"}); err != nil {
		t.Fatal(err)
	}
	for i := range historyPage + 20 {
		if _, err := h.s.AddInteraction(ctx, domain.Interaction{People: []string{ids["Ana"]}, Via: cadence.Text, At: oldest.Add(time.Duration(i+1) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	h.start(100, 24)
	h.press("4", "/")
	h.typeText("very first")
	h.contains("the very first call", "1 of ")
	h.press("enter", "esc", "G") // keep the search, then drop it, then the last
	if line := h.cursorLine(); !strings.Contains(line, "2024-01-01") {
		t.Errorf("G put the cursor on %q, want the oldest, of 2024-01-01:\n%s", line, h.screen())
	}
}

// TestCorrectingWhoKeepsAnArchivedPerson: adding someone to a dinner in
// the correction form leaves an archived person who was there as they
// were, not swapped for an active person of the same name.
func TestCorrectingWhoKeepsAnArchivedPerson(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	oldAna, err := h.s.AddPerson(ctx, domain.Person{Name: "Ana"})
	if err != nil {
		t.Fatal(err)
	}
	ben, err := h.s.AddPerson(ctx, domain.Person{Name: "Ben", Tier: cadence.Inner})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.s.AddInteraction(ctx, domain.Interaction{People: []string{oldAna.ID, ben.ID}, Via: cadence.InPerson, At: testNow.Add(-48 * time.Hour), Note: "dinner"}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.s.UpdatePerson(ctx, oldAna.ID, func(p *domain.Person) error { p.ArchivedAt = testNow.Add(-time.Hour); return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := h.s.AddPerson(ctx, domain.Person{Name: "Ana", Tier: cadence.Close}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.s.AddPerson(ctx, domain.Person{Name: "Cy"}); err != nil {
		t.Fatal(err)
	}
	h.start(80, 24)
	h.press("4", "c")
	h.press("tab", "tab", "tab", "tab", "tab") // to "with"
	h.typeText(", Cy")
	h.press("enter")
	in := h.interactions()[0]
	if !slices.Contains(in.People, oldAna.ID) || !slices.Contains(in.People, ben.ID) || len(in.People) != 3 {
		t.Errorf("the dinner is with %v (%v); want the archived Ana, Ben and Cy", in.Names, in.People)
	}
}
