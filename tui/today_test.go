package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
)

// TestTheTickCarriesTheClock: the moment the TUI works at is the one the
// last tick carried, not a second read of Options.Now (which stays at
// testNow here): the day shown and the time a log is stamped with follow
// the tick.
func TestTheTickCarriesTheClock(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	later := testNow.Add(26 * time.Hour)
	h.send(pollMsg{now: later})
	h.contains("Wed 25 Nov 2026")
	h.press("2", "down", "l", "enter")
	if got := h.interactions()[0].At; !got.Equal(later) {
		t.Errorf("logged at %v, want the tick's %v", got, later)
	}
}

// TestTodayDrawsTheCoresRanking: Today shows whom the core's answer
// names, with its reasons, and drops an answer to an older request.
func TestTodayDrawsTheCoresRanking(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	h.start(80, 24)
	dev := cadence.Status{Person: cadence.Person{ID: ids["Dev"], Name: "Dev Patel", Tier: cadence.Outer}, Reasons: []cadence.Reason{{Kind: cadence.ReasonMemory, Label: "the core says so"}}}
	h.send(todayMsg{seq: h.m.todaySeq - 1, today: core.Today{Suggestions: []cadence.Status{dev}}})
	if strings.Contains(h.screen(), "the core says so") {
		t.Fatalf("an answer to an older request was drawn:\n%s", h.screen())
	}
	h.send(todayMsg{seq: h.m.todaySeq, today: core.Today{Suggestions: []cadence.Status{dev}}})
	h.contains("1 person to talk to", "1. Dev Patel", "the core says so")
}

// TestTodaySaysAMemoryWasAnswered: a memory whose person you have been in
// touch with since it came due says so, as tend today does, and names the
// key that settles it rather than a command; d then marks it done.
func TestTodaySaysAMemoryWasAnswered(t *testing.T) {
	for _, sz := range sizes {
		name := fmt.Sprintf("today_answered_%dx%d", sz.w, sz.h)
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			ids := h.seedTour()
			call := domain.Interaction{People: []string{ids["Ana"]}, Via: cadence.Call, At: testNow.Add(-time.Hour)}
			if _, err := h.s.AddInteraction(context.Background(), call); err != nil {
				t.Fatal(err)
			}
			h.start(sz.w, sz.h)
			h.contains("Ana Lima: exam on Friday", "in touch since; settled? press d")
			h.golden(name)
			for !strings.Contains(h.cursorLine(), "exam on Friday") {
				h.press("down")
			}
			h.press("d")
			if strings.Contains(h.screen(), "Ana Lima: exam on Friday") {
				t.Errorf("the answered memory is still there after d:\n%s", h.screen())
			}
		})
	}
}

// TestTodayLeavesAnUnansweredMemoryPlain: no word of being in touch where
// you have not been since the memory came due.
func TestTodayLeavesAnUnansweredMemoryPlain(t *testing.T) {
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.contains("Ana Lima: exam on Friday · due yesterday")
	if strings.Contains(h.screen(), "in touch since") {
		t.Errorf("an unanswered memory is marked answered:\n%s", h.screen())
	}
}

// TestEveryoneArchivedIsNotNoOneDue: with everyone archived, Today says
// so and how they come back, as tend today does, and People how to see
// them, not "no one matches" with no filter typed.
func TestEveryoneArchivedIsNotNoOneDue(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	for _, id := range ids {
		if _, err := h.s.UpdatePerson(context.Background(), id, func(p *domain.Person) error { p.ArchivedAt = testNow; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	h.start(80, 24)
	h.contains("everyone in tend is archived")
	if strings.Contains(h.screen(), "Enjoy the day") {
		t.Errorf("Today with everyone archived:\n%s", h.screen())
	}
	h.press("2")
	h.contains("everyone is archived: A shows them")
	h.press("A")
	h.contains("Ana Lima (archived)")
}

// TestTodaySaysHowManyMoreAreDue: past the five of the day, Today says how
// many more are due, as tend today does.
func TestTodaySaysHowManyMoreAreDue(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.clock = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 8 {
		if _, err := h.s.AddPerson(context.Background(), domain.Person{Name: fmt.Sprintf("Person %d", i), Tier: cadence.Inner}); err != nil {
			t.Fatal(err)
		}
	}
	h.clock = testNow
	h.start(100, 40)
	h.contains("5 people to talk to", "3 more to talk to: Plan (5) spreads them")
}

// TestPersonSaysWhatYouLastTalkedAbout: the Person view gives "last time",
// as tend show does.
func TestPersonSaysWhatYouLastTalkedAbout(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	h.start(100, 30)
	h.open(ids["Ben"])
	h.contains("last time", "dinner at Rosa's")
}

// TestTodayNamesWhoIsResting: a day with no one to call names who is due
// but left in peace after a recent contact, as tend today does.
func TestTodayNamesWhoIsResting(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.clock = testNow.AddDate(0, 0, -40)
	ana, err := h.s.AddPerson(context.Background(), domain.Person{Name: "Ana Lima", Tier: cadence.Close})
	if err != nil {
		t.Fatal(err)
	}
	h.clock = testNow
	text := domain.Interaction{People: []string{ana.ID}, Via: cadence.Text, Direction: cadence.Out, At: testNow.Add(-time.Hour)}
	if _, err := h.s.AddInteraction(context.Background(), text); err != nil {
		t.Fatal(err)
	}
	h.start(100, 30)
	h.contains("no one to call today", "Ana Lima is due, and left in peace for now")
	if strings.Contains(h.screen(), "no one is due") {
		t.Errorf("Today says no one is due while Ana is:\n%s", h.screen())
	}
}

// TestSettlingAMemoryKeepsTheCursorAmongThem: after d on one memory of
// several, the cursor is on the next memory, not back up on the person's
// suggestion, so that several are settled one after the other.
func TestSettlingAMemoryKeepsTheCursorAmongThem(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	for _, text := range []string{"visa", "new flat"} {
		m := domain.Memory{PersonID: ids["Ben"], Text: text, Due: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)}
		if _, err := h.s.AddMemory(context.Background(), m); err != nil {
			t.Fatal(err)
		}
	}
	h.start(100, 40)
	for !strings.Contains(h.cursorLine(), "Ana Lima: exam on Friday") {
		h.press("down")
	}
	h.press("d")
	if line := h.cursorLine(); !strings.Contains(line, "Ben Okafor: ") {
		t.Errorf("after d the cursor is on %q, want the next memory, Ben's", line)
	}
}
