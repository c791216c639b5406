package tui

import (
	"testing"
	"time"
)

// TestTheTickCarriesTheClock: the moment the TUI works at is the one the
// last tick carried, not a second read of Options.Now (which stays at
// testNow here): the day shown and the time a log is stamped with follow
// the tick.
func TestTheTickCarriesTheClock(t *testing.T) {
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
