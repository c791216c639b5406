package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
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
