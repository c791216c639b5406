package core_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/store"
)

// TestStatsIsTheSummaryOfEveryone keeps the Stats use case, which streams
// the lean ranking input, counts the archived and lets SQLite count the
// weeks by day, equal to the plain computation: every summary, archived
// ones included, and every event of the weeks, counted in Go.
func TestStatsIsTheSummaryOfEveryone(t *testing.T) {
	t.Parallel()
	s, now := testCircle(t)
	ctx := t.Context()
	for _, rules := range []cadence.Rules{cadence.DefaultRules(), func() cadence.Rules {
		r := cadence.DefaultRules()
		r.TagEvery = map[string]int{"club": 3}
		return r
	}()} {
		for _, zone := range []string{"UTC", "America/New_York", "Asia/Kolkata"} {
			loc, err := time.LoadLocation(zone)
			if err != nil {
				t.Fatal(err)
			}
			at := now.In(loc)
			got, err := core.New(s, rules).Stats(ctx, at)
			if err != nil {
				t.Fatal(err)
			}
			var everyone []cadence.Person
			for _, archived := range []bool{false, true} {
				sums, err := s.Summaries(ctx, store.PeopleFilter{Archived: archived})
				if err != nil {
					t.Fatal(err)
				}
				for _, sum := range sums {
					everyone = append(everyone, sum.Cadence())
				}
			}
			events, err := s.Events(ctx, cadence.ActivitySince(at))
			if err != nil {
				t.Fatal(err)
			}
			want := rules.Summarize(everyone, events, at)
			if got.Active != 53 || got.Archived != 7 || got.Activity.Total() == 0 {
				t.Errorf("%s: %d active, %d archived, %d interactions: the circle is not what the test built", zone, got.Active, got.Archived, got.Activity.Total())
			}
			if !reflect.DeepEqual(statsView(got), statsView(want)) {
				t.Errorf("%s, tag rhythms %v:\n got %+v\nwant %+v", zone, rules.TagEvery, statsView(got), statsView(want))
			}
		}
	}
}

// statsView is what the faces show of Stats: the drifting by who they are
// and their gaps, not every field of their status.
func statsView(st cadence.Stats) any {
	type drift struct {
		ID   string
		Gaps any
	}
	var drifting []drift
	for _, d := range st.Drifting {
		drifting = append(drifting, drift{d.Person.ID, d.Drift})
	}
	return struct {
		Tiers            []cadence.TierStats
		Active, Archived int
		Activity         cadence.Activity
		Drifting         []drift
	}{st.Tiers, st.Active, st.Archived, st.Activity, drifting}
}

// TestStatsGivesUpTogether: Stats reads the weeks beside the people; when
// the reading is cancelled it returns the error of either, having waited
// for both, and never a half-counted answer.
func TestStatsGivesUpTogether(t *testing.T) {
	t.Parallel()
	s, now := testCircle(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	st, err := core.New(s, cadence.DefaultRules()).Stats(ctx, now)
	if err == nil {
		t.Fatalf("Stats on a cancelled reading = %+v, want an error", st)
	}
	if st.Active != 0 || st.Activity.Total() != 0 {
		t.Errorf("Stats gave figures with its error: %+v", st)
	}
}
