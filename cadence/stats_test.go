package cadence

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// statsHistory is a hand-built circle and its last months, as of now.
func statsHistory() ([]Person, []Event) {
	p := func(id string, tier Tier, days int) Person {
		f := friend(id, tier, days)
		f.ID = id
		return f
	}
	archived := func(f Person) Person { f.ArchivedAt = ago(5); return f }
	people := []Person{
		p("i-3", Inner, 3),   // on track
		p("i-8", Inner, 8),   // due
		p("i-14", Inner, 14), // badly overdue: exactly twice 7
		archived(p("i-gone", Inner, 300)),
		p("c-10", Close, 10), // on track
		p("c-20", Close, 20), // on track
		p("c-59", Close, 59), // due, a day short of badly overdue
		p("c-60", Close, 60), // badly overdue
		// Drifting: gaps of 20, 25 and 31 days, the last 5 days ago.
		conversations(p("c-drift", Close, 0), 5, 36, 61, 81),
		archived(conversations(p("c-gone", Close, 0), 5, 30, 46, 56)),
		// Growing gaps, but outer: not drifting.
		conversations(p("o-growing", Outer, 0), 100, 300, 450, 550),
	}
	for i := range 150 {
		people = append(people, p(fmt.Sprintf("o-%03d", i), Outer, 100))
	}
	ev := func(daysAgo int, via Channel, dir Direction, who ...string) Event {
		return Event{At: ago(daysAgo), Via: via, Direction: dir, People: who}
	}
	events := []Event{
		{At: now.Add(-time.Hour), Via: Call, Direction: Out, People: []string{"i-3"}}, // this week
		{At: now.Add(time.Hour), Via: Text, Direction: In, People: []string{"i-3"}},   // later today: this week
		ev(-1, Call, Out, "i-3"),                   // tomorrow: not counted
		ev(6, Text, In, "i-8"),                     // this week, its first day
		ev(7, Email, Out, "c-10"),                  // last week
		ev(13, Gift, Out, "c-20"),                  // last week
		ev(50, Video, Out, "c-10", "c-20", "c-59"), // one interaction, three people
		ev(90, InPerson, In, "c-60"),               // the first day counted
		ev(91, Call, Out, "c-60"),                  // a day too old
	}
	return people, events
}

func TestSummarize(t *testing.T) {
	t.Parallel()
	people, events := statsHistory()
	st := Summarize(people, events, now)

	t.Run("tiers", func(t *testing.T) {
		want := []TierStats{
			{Tier: Inner, People: 3, Guideline: 5, OnTrack: 1, Due: 1, Overdue: 1, MedianDaysSinceReal: 8},
			{Tier: Close, People: 5, Guideline: 10, OnTrack: 3, Due: 1, Overdue: 1, MedianDaysSinceReal: 20},
			{Tier: Regular, People: 0, Guideline: 35},
			{Tier: Outer, People: 151, Guideline: 100, OnTrack: 151, MedianDaysSinceReal: 100},
		}
		if len(st.Tiers) != len(want) {
			t.Fatalf("Tiers = %+v; want %+v", st.Tiers, want)
		}
		for i, w := range want {
			if st.Tiers[i] != w {
				t.Errorf("Tiers[%d] = %+v; want %+v", i, st.Tiers[i], w)
			}
		}
		for i, over := range []bool{false, false, false, true} {
			if st.Tiers[i].Over() != over {
				t.Errorf("%s Over = %v; want %v", st.Tiers[i].Tier, st.Tiers[i].Over(), over)
			}
		}
	})
	t.Run("people", func(t *testing.T) {
		if st.Active != 159 || st.Archived != 2 {
			t.Errorf("Active, Archived = %d, %d; want 159, 2", st.Active, st.Archived)
		}
	})
	t.Run("activity", func(t *testing.T) {
		a := st.Activity
		if want := date(2026, 8, 26); !a.Since.Equal(want) {
			t.Errorf("Since = %s; want %s", a.Since, want)
		}
		if a.Real != 3 || a.Touches != 4 || a.Total() != 7 {
			t.Errorf("Real, Touches, Total = %d, %d, %d; want 3, 4, 7", a.Real, a.Touches, a.Total())
		}
		if a.Out != 4 || a.In != 3 {
			t.Errorf("Out, In = %d, %d; want 4, 3", a.Out, a.In)
		}
		want := [ActivityWeeks]int{1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 3}
		if a.PerWeek != want {
			t.Errorf("PerWeek = %v; want %v", a.PerWeek, want)
		}
	})
	t.Run("drifting", func(t *testing.T) {
		if got := ids(st.Drifting); !slices.Equal(got, []string{"c-drift"}) {
			t.Errorf("Drifting = %q; want [c-drift]", got)
		}
		if len(st.Drifting) == 1 && !slices.Equal(st.Drifting[0].Drift, []int{20, 25, 31}) {
			t.Errorf("Drifting gaps = %v; want [20 25 31]", st.Drifting[0].Drift)
		}
	})
}

func TestSummarizeEdges(t *testing.T) {
	t.Parallel()
	t.Run("nothing at all", func(t *testing.T) {
		st := Summarize(nil, nil, now)
		if len(st.Tiers) != 4 || st.Active != 0 || st.Archived != 0 || st.Activity.Total() != 0 {
			t.Errorf("Summarize(nil) = %+v; want four empty tiers", st)
		}
		if st.Drifting == nil {
			t.Errorf("Drifting = nil; want an empty list")
		}
	})
	t.Run("a median of an even number", func(t *testing.T) {
		st := Summarize([]Person{friend("a", Close, 10), friend("b", Close, 15)}, nil, now)
		if got := st.Tiers[1].MedianDaysSinceReal; got != 12.5 {
			t.Errorf("median = %v; want 12.5", got)
		}
	})
	t.Run("never talked: days since added", func(t *testing.T) {
		st := Summarize([]Person{{ID: "n", Name: "New", Tier: Close, CreatedAt: ago(61)}}, nil, now)
		if ts := st.Tiers[1]; ts.Overdue != 1 || ts.MedianDaysSinceReal != 61 {
			t.Errorf("close = %+v; want 1 badly overdue, median 61", ts)
		}
	})
	t.Run("the guideline exactly is not over", func(t *testing.T) {
		if (TierStats{People: 5, Guideline: 5}).Over() {
			t.Errorf("5 of 5 is over; want not")
		}
	})
	t.Run("weeks in now's zone", func(t *testing.T) {
		// 2026-11-18T05:00Z is the evening of 17 November in UTC-8: seven
		// days before the 24th there, so last week; six days in UTC.
		e := []Event{{At: time.Date(2026, 11, 18, 5, 0, 0, 0, time.UTC), Via: Call, Direction: Out}}
		if got := Summarize(nil, e, now).Activity.PerWeek[ActivityWeeks-1]; got != 1 {
			t.Errorf("this week in UTC = %d; want 1", got)
		}
		if got := Summarize(nil, e, now.In(pacific)).Activity.PerWeek[ActivityWeeks-2]; got != 1 {
			t.Errorf("last week in UTC-8 = %d; want 1", got)
		}
	})
	t.Run("ActivitySince agrees", func(t *testing.T) {
		if got, want := ActivitySince(now), Summarize(nil, nil, now).Activity.Since; !got.Equal(want) {
			t.Errorf("ActivitySince = %s; want %s", got, want)
		}
	})
}

// TestSummaryKeepsWhatItNeeds gives a Summary the circle one person at a
// time through one reused buffer, as a store streams it, and wants the
// same Stats as Summarize over the whole list, drifting people whole.
func TestSummaryKeepsWhatItNeeds(t *testing.T) {
	t.Parallel()
	people, events := statsHistory()
	want := Summarize(people, events, now)
	sum := DefaultRules().NewSummary(now)
	var recent []Contact
	var real []time.Time
	for _, p := range people {
		recent, real = append(recent[:0], p.Recent...), append(real[:0], p.RecentReal...)
		p.Recent, p.RecentReal = recent, real
		sum.Add(p)
		clear(recent)
		clear(real)
	}
	got := sum.Result(CountDays(events, now))
	if len(got.Drifting) != 1 || !slices.Equal(got.Drifting[0].Person.RecentReal, want.Drifting[0].Person.RecentReal) ||
		!slices.Equal(got.Drifting[0].Person.Recent, want.Drifting[0].Person.Recent) {
		t.Errorf("the drifting person's history was not kept: %+v, want %+v", got.Drifting, want.Drifting)
	}
	if !slices.Equal(got.Tiers, want.Tiers) || got.Active != want.Active || got.Archived != want.Archived || got.Activity != want.Activity {
		t.Errorf("Summary = %+v\nwant %+v", got, want)
	}
}
