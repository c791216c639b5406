package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// seedTending fills the store with the circle of the command line's
// tending test (cmd/tend/tending_test.go, testdata/tending.golden), as of
// Tuesday 2026-11-24 09:30 UTC:
//
//   - Ana (close) talks every 12 days: a rhythm hint; birthday on Friday.
//   - Ben (inner) called you the last 3 times: your turn.
//   - Chloé (close) met you with gaps of 20, 25 and 31 days: drifting.
//   - Dev (regular) only ever hears from you: a gentle note; due on Monday.
//   - Eli (outer) was added long ago and never called: overdue.
//   - Fay (close) is archived; Gus (inner) is snoozed until Friday.
func (h *harness) seedTending() map[string]string {
	h.t.Helper()
	ctx := context.Background()
	ids := map[string]string{}
	day := func(s string) time.Time {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			h.t.Fatal(err)
		}
		return t
	}
	add := func(added string, p domain.Person) string {
		h.clock = day(added)
		got, err := h.s.AddPerson(ctx, p)
		if err != nil {
			h.t.Fatal(err)
		}
		ids[strings.Fields(p.Name)[0]] = got.ID
		return got.ID
	}
	log := func(id string, via cadence.Channel, dir cadence.Direction, at string) {
		h.clock = testNow
		in := domain.Interaction{People: []string{id}, Via: via, Direction: dir, At: day(at).Add(12 * time.Hour)}
		if _, err := h.s.AddInteraction(ctx, in); err != nil {
			h.t.Fatal(err)
		}
	}
	change := func(id string, f func(*domain.Person)) {
		h.clock = testNow
		if _, err := h.s.UpdatePerson(ctx, id, func(p *domain.Person) error { f(p); return nil }); err != nil {
			h.t.Fatal(err)
		}
	}

	ana := add("2026-09-01", domain.Person{Name: "Ana Lima", Tier: cadence.Close, Birthday: cadence.MonthDay{Month: 11, Day: 27}})
	for _, at := range []string{"2026-10-08", "2026-10-20", "2026-11-01", "2026-11-13"} {
		log(ana, cadence.Call, cadence.Out, at)
	}
	ben := add("2026-09-01", domain.Person{Name: "Ben Okafor", Tier: cadence.Inner})
	log(ben, cadence.Call, cadence.Out, "2026-11-01")
	for _, at := range []string{"2026-11-05", "2026-11-09", "2026-11-14"} {
		log(ben, cadence.Call, cadence.In, at)
	}
	chloe := add("2026-08-01", domain.Person{Name: "Chloé Martin", Tier: cadence.Close})
	for _, at := range []string{"2026-08-25", "2026-09-14", "2026-10-09", "2026-11-09"} {
		log(chloe, cadence.InPerson, cadence.Out, at)
	}
	dev := add("2025-01-01", domain.Person{Name: "Dev Patel", Tier: cadence.Regular})
	log(dev, cadence.Call, cadence.Out, "2025-06-01")
	log(dev, cadence.Text, cadence.Out, "2025-09-01")
	log(dev, cadence.Call, cadence.Out, "2025-12-01")
	log(dev, cadence.Email, cadence.Out, "2026-03-01")
	log(dev, cadence.Call, cadence.Out, "2026-06-03")
	add("2025-06-01", domain.Person{Name: "Eli Cohen", Tier: cadence.Outer})
	fay := add("2025-06-01", domain.Person{Name: "Fay Dunn", Tier: cadence.Close})
	change(fay, func(p *domain.Person) { p.ArchivedAt = testNow })
	gus := add("2026-09-01", domain.Person{Name: "Gus Berg", Tier: cadence.Inner})
	log(gus, cadence.Video, cadence.Out, "2026-11-01")
	change(gus, func(p *domain.Person) { p.SnoozedUntil = day("2026-11-27") })
	log(ana, cadence.Text, cadence.In, "2026-11-20")
	h.clock = testNow
	return ids
}

// TestPlanAndStatsScreens draws both views at both sizes over the tending
// circle: the same plan and figures as tend plan and tend stats.
func TestPlanAndStatsScreens(t *testing.T) {
	t.Parallel()
	for _, sz := range sizes {
		for _, sc := range []struct {
			name string
			keys []string
			open string // someone to open in the Person view instead
		}{
			{name: "plan", keys: []string{"5"}},
			{name: "plan_end", keys: []string{"5", "end"}},
			{name: "stats", keys: []string{"6"}},
			{name: "person_rhythm", open: "Ana"},
		} {
			name := fmt.Sprintf("%s_%dx%d", sc.name, sz.w, sz.h)
			t.Run(name, func(t *testing.T) {
				h := newHarness(t)
				ids := h.seedTending()
				h.start(sz.w, sz.h)
				h.press(sc.keys...)
				if sc.open != "" {
					h.open(ids[sc.open])
				}
				h.golden(name)
			})
		}
	}
}

// TestPlanShowsTheWeek checks the Plan view against tend plan's golden
// output for the same circle.
func TestPlanShowsTheWeek(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTending()
	h.start(120, 40)
	if h.m.planSeq != 0 || h.m.statsSeq != 0 {
		t.Error("a plan or the figures were worked out before Plan or Stats was opened")
	}
	h.press("5")
	if h.m.tab != tabPlan {
		t.Fatalf("5 went to %v, want Plan", h.m.tab)
	}
	h.contains(
		"Tue 24 Nov to Mon 30 Nov: 7 calls, at most 5 a day",
		"Tue 24 Nov, today · 4 people",
		"Ben reached out the last 3 times — your turn · 10 days since your last call · inner: every 7 days",
		"birthday on Friday · Ana wrote 4 days ago, you have not answered",
		"Wed 25 Nov to Thu 26 Nov · no one",
		"Fri 27 Nov · 2 people",
		"birthday today · Ana wrote 7 days ago, you have not answered",
		"Mon 30 Nov · 1 person",
		"180 days since your last call · regular: every 180 days",
	)
	if s := h.screen(); strings.Contains(s, "Fay Dunn") || strings.Contains(s, "Later") {
		t.Errorf("the plan holds someone archived, or a later list when everyone fits:\n%s", s)
	}
	var order []string
	for _, l := range strings.Split(h.screen(), "\n") {
		for _, n := range []string{"Ben Okafor", "Eli Cohen", "Chloé Martin", "Gus Berg", "Ana Lima", "Dev Patel"} {
			if strings.Contains(l, n) {
				order = append(order, n)
			}
		}
	}
	// Today's list first, exactly; Ana again on her birthday, first that day.
	want := "Ben Okafor,Ana Lima,Eli Cohen,Chloé Martin,Ana Lima,Gus Berg,Dev Patel"
	if got := strings.Join(order, ","); got != want {
		t.Errorf("planned in order %s, want %s", got, want)
	}
}

// TestPlanLaterWhenDaysAreFull: with one person a day, whoever does not
// fit in the week is listed under Later, and can be opened from there.
func TestPlanLaterWhenDaysAreFull(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTending()
	h.clock = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, name := range []string{"Ivo Horvat", "Jade Kim", "Kofi Mensah"} {
		if _, err := h.s.AddPerson(t.Context(), domain.Person{Name: name, Tier: cadence.Outer}); err != nil {
			t.Fatal(err)
		}
	}
	h.m = New(Options{Core: core.New(h.s, cadence.DefaultRules()), Now: func() time.Time { return testNow }, Plain: true, Limit: 1})
	h.m.poll = h.noPoll
	h.width, h.height = 80, 60
	h.send(windowSize(80, 60))
	h.run(h.m.Init())
	h.press("5")
	h.contains("7 calls, at most 1 a day", "Later: 2 people did not fit")
	h.press("end")
	if h.m.plan.items[h.m.plan.cur].day != -1 {
		t.Fatalf("end put the cursor on %q, not on the later list", h.cursorLine())
	}
	name := h.m.plan.items[h.m.plan.cur].status.Person.Name
	h.press("enter")
	if h.m.tab != tabPerson || !strings.Contains(h.screen(), name+"  ") {
		t.Fatalf("enter did not open %s:\n%s", name, h.screen())
	}
	h.press("esc")
	if h.m.tab != tabPlan {
		t.Errorf("esc went to %v, want back to Plan", h.m.tab)
	}
}

// TestPlanEnterOpensThePerson opens the third person planned today and
// comes back with esc, the cursor where it was.
func TestPlanEnterOpensThePerson(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTending()
	h.start(80, 24)
	h.press("5", "down", "down")
	if got := h.cursorLine(); !strings.HasPrefix(got, "Eli Cohen") {
		t.Fatalf("cursor on %q, want Eli Cohen", got)
	}
	h.press("enter")
	if h.m.tab != tabPerson {
		t.Fatalf("enter went to %v, want Person", h.m.tab)
	}
	h.contains("Eli Cohen  outer, every 365 days")
	h.press("esc")
	if h.m.tab != tabPlan || !strings.HasPrefix(h.cursorLine(), "Eli Cohen") {
		t.Errorf("esc: on %v with the cursor on %q, want Plan on Eli", h.m.tab, h.cursorLine())
	}
}

// TestStatsShowsTheFigures checks the Stats view against tend stats's
// golden output for the same circle.
func TestStatsShowsTheFigures(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTending()
	h.start(80, 24)
	h.press("6")
	if h.m.tab != tabStats {
		t.Fatalf("6 went to %v, want Stats", h.m.tab)
	}
	h.contains(
		"Your circles, Tuesday 24 November",
		"TIER    PEOPLE           ON TRACK DUE  BADLY OVERDUE MEDIAN DAYS SINCE REAL",
		"inner   2 of 5     ██░░░ 0        1    1 !!          16.5",
		"close   2 of 10    █░░░░ 2        0    0             13",
		"regular 1 of 35    ░░░░░ 1        0    0             174",
		"outer   1 of 100   ░░░░░ 0        1    0             541",
		"1 person archived, not counted above.",
		"Last 13 weeks, since Wed 26 Aug",
		"conversations     ██████████████████░░  12 real · 1 touch",
		"who reached out   ██████████████░░░░░░  9 you · 4 them",
		"per week          ▁▁▄▁▁▁▆▄▁██▆▄  up to 3 a week, this week last",
		"Drifting",
		"▸ Chloé Martin           close   gaps of 20, 25, 31 days · last 15 days ago",
	)
	h.press("enter")
	if h.m.tab != tabPerson {
		t.Fatalf("enter on a drifting friend went to %v, want Person", h.m.tab)
	}
	h.contains("Chloé Martin  close, every 30 days")
	h.press("esc")
	if h.m.tab != tabStats {
		t.Errorf("esc went to %v, want back to Stats", h.m.tab)
	}
}

// TestStatsOverGuidelineAndNoOneDrifting marks a tier over its guideline
// with a word, and with no one drifting lets the arrows scroll.
func TestStatsOverGuidelineAndNoOneDrifting(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	for i := range 6 {
		if _, err := h.s.AddPerson(t.Context(), domain.Person{Name: fmt.Sprintf("Friend %d", i), Tier: cadence.Inner}); err != nil {
			t.Fatal(err)
		}
	}
	h.start(80, 10)
	h.press("6")
	h.contains("inner   6 of 5 over")
	if s := h.selection(); s.id != "" {
		t.Errorf("with no one drifting, something is selected: %+v", s)
	}
	h.press("end")
	h.contains("nothing logged", "Drifting", "no one")
	if h.m.stats.top == 0 {
		t.Error("end did not scroll")
	}
	h.press("g")
	h.contains("Your circles")
}

// TestPersonShowsTheRhythmHint: Ana's calls keep a steady 12 days against
// a close tier's 30, so her view suggests inner, with the key that would do
// it; nothing is changed. Dev gets the one-sided note; Chloé neither.
func TestPersonShowsTheRhythmHint(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTending()
	h.start(100, 30)
	before := h.snapshot()
	h.open(ids["Ana"])
	h.contains(
		"rhythm      you talk about every 12 days; close tier expects 30 — move to inner?",
		"press e, then enter, to change the tier to inner; nothing changes until you do",
	)
	if h.person(ids["Ana"]).Tier != cadence.Close || h.snapshot() != before {
		t.Error("showing the hint changed something")
	}
	h.open(ids["Dev"])
	h.contains("noticed     you reached out the last 5 times; Dev has not reached out in a year")
	if s := h.screen(); strings.Contains(s, "rhythm ") {
		t.Errorf("Dev has no steady rhythm, yet:\n%s", s)
	}
	h.open(ids["Chloé"])
	if s := h.screen(); strings.Contains(s, "rhythm ") || strings.Contains(s, "noticed") {
		t.Errorf("Chloé has neither a hint nor a note, yet:\n%s", s)
	}
	// e opens the form with the suggestion filled in; esc asks before
	// throwing it away, and nothing changes until enter.
	h.open(ids["Ana"])
	h.press("e")
	h.contains("[inner]")
	h.press("esc", "y")
	if h.person(ids["Ana"]).Tier != cadence.Close {
		t.Error("esc on the suggestion changed the tier")
	}
	h.press("e", "enter")
	if got := h.person(ids["Ana"]).Tier; got != cadence.Inner {
		t.Errorf("e then enter left the tier %s, want inner", got)
	}
}

// TestRhythmHintForAnEvery: someone with an --every of their own is offered
// another --every, never a tier.
func TestRhythmHintForAnEvery(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.clock = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p, err := h.s.AddPerson(t.Context(), domain.Person{Name: "Ivo Horvat", Tier: cadence.Regular, Every: 60})
	if err != nil {
		t.Fatal(err)
	}
	h.clock = testNow
	for i := range 5 {
		in := domain.Interaction{People: []string{p.ID}, Via: cadence.Call, At: testNow.AddDate(0, 0, -3-10*i)}
		if _, err := h.s.AddInteraction(t.Context(), in); err != nil {
			t.Fatal(err)
		}
	}
	h.start(50, 24)
	h.open(p.ID)
	h.contains("rhythm", "you talk about every 10 days;", "press e, then enter, to set every to", "10d; nothing changes")
	h.press("e")
	if got := h.m.form.(*personForm).every.current(); got != "10d" {
		t.Errorf("e opened the form with every %q, want the suggested 10d", got)
	}
}

// TestPlanAndStatsFollowAnotherWriter: a conversation logged from another
// process shows in Plan and Stats after one poll, as in the other views.
func TestPlanAndStatsFollowAnotherWriter(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTending()
	h.start(100, 40)
	h.press("5")
	h.contains("Ben Okafor")
	other, err := store.Open(h.path, store.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.AddInteraction(t.Context(), domain.Interaction{People: []string{ids["Ben"]}, Via: cadence.Call, At: testNow}); err != nil {
		t.Fatal(err)
	}
	h.send(pollMsg{now: testNow})
	h.contains("Tue 24 Nov, today · 3 people")
	if got := h.cursorLine(); !strings.HasPrefix(got, "Ben Okafor") {
		t.Errorf("after the poll the cursor is on %q, want still on Ben", got)
	}
	if s := h.screen(); strings.Contains(s, "your turn") {
		t.Errorf("Ben was just called, yet it is still his turn:\n%s", s)
	}
	h.press("6")
	h.contains("13 real · 1 touch")
	if _, err := other.AddInteraction(t.Context(), domain.Interaction{People: []string{ids["Eli"]}, Via: cadence.Text, At: testNow}); err != nil {
		t.Fatal(err)
	}
	h.send(pollMsg{now: testNow})
	h.contains("13 real · 2 touches", "11 you · 4 them")
}

// TestPlanAndStatsOnAnEmptyDatabase greet a first run as Today does.
func TestPlanAndStatsOnAnEmptyDatabase(t *testing.T) {
	t.Parallel()
	h := newHarness(t).start(80, 24)
	for _, k := range []string{"5", "6"} {
		h.press(k)
		h.contains("Press a to add the first person")
	}
}

// TestColourAddsNothing: with colour, Plan, Stats and the Person view
// with its hint read the same once the colour is stripped: every marker
// (▸, !!, over, the bars) is a character, not a colour.
func TestColourAddsNothing(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTending()
	h.start(80, 24)
	plain := h.m
	colour := New(Options{Core: core.New(h.s, cadence.DefaultRules()), Now: func() time.Time { return testNow }})
	colour.poll = h.noPoll
	h.m = colour
	h.send(windowSize(80, 24))
	h.run(colour.Init())
	defer colour.close()
	for _, keys := range [][]string{{"5"}, {"5", "down", "down"}, {"6"}, {"open"}} {
		var screens [2]string
		for i, m := range []*Model{plain, colour} {
			h.m = m
			for _, k := range keys {
				if k == "open" {
					h.open(ids["Ana"])
					continue
				}
				h.press(k)
			}
			screens[i] = h.screen()
		}
		if screens[0] != screens[1] {
			t.Errorf("after %v, the colour screen differs from the plain one:\n%s\n%s", keys, screens[1], screens[0])
		}
		if !strings.Contains(colour.View().Content, "\x1b[") {
			t.Errorf("after %v, the colour screen has no colour", keys)
		}
	}
	h.m = plain
}

// TestHelpScrollsWhenItDoesNotFit: at 50 columns the key map is longer
// than the window; ↓ brings the form keys into view.
func TestHelpScrollsWhenItDoesNotFit(t *testing.T) {
	t.Parallel()
	h := newHarness(t).start(50, 24)
	h.press("?")
	h.contains("↑/↓ scroll", "6         stats")
	if strings.Contains(h.screen(), "n/esc") {
		t.Fatal("the whole map fits at 50x24: this test no longer tests scrolling")
	}
	h.press("pgdown")
	h.contains("n/esc       no", "Keys (? or esc closes)")
	h.press("esc")
	if h.m.showHelp {
		t.Error("esc did not close the help")
	}
}

// open shows someone in the Person view, as enter does from a list.
func (h *harness) open(id string) {
	h.t.Helper()
	h.run(h.m.openPerson(id))
	h.m.syncKeys()
}

func (h *harness) selection() selection { return h.m.selection() }

func (h *harness) noPoll() tea.Cmd { return nil }
