package tui

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
)

// TestTodayFollowsTheRules opens the TUI under rules of the user's own: a
// rhythm by tag makes someone due whom the tier would not, and the tier's
// guideline is the one set.
func TestTodayFollowsTheRules(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	h.clock = time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	p, err := h.s.AddPerson(ctx, domain.Person{Name: "Ana Lima", Tier: cadence.Close, Tags: []string{"family"}})
	if err != nil {
		t.Fatal(err)
	}
	h.clock = testNow
	if _, err := h.s.AddInteraction(ctx, domain.Interaction{People: []string{p.ID}, Via: cadence.Call, Direction: cadence.Out, At: testNow.AddDate(0, 0, -16)}); err != nil {
		t.Fatal(err)
	}
	rules := cadence.DefaultRules()
	rules.TagEvery["family"] = 14
	rules.Guideline[cadence.Close] = 3
	h.m = New(Options{Core: core.New(h.s, rules), Now: func() time.Time { return testNow }, Plain: true})
	h.m.poll = func() tea.Cmd { return nil }
	h.width, h.height = 80, 24
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.run(h.m.Init())
	h.contains("Ana Lima", "16 days since your last call · family: every 14 days")
	h.press("2")
	h.contains("close 1/3")
}
