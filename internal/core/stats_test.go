package core_test

import (
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// TestStatsIsTheSummaryOfEveryone keeps the Stats use case, which streams
// the lean ranking input, counts the archived and lets SQLite count the
// weeks by day, equal to the plain computation: every summary, archived
// ones included, and every event of the weeks, counted in Go.
func TestStatsIsTheSummaryOfEveryone(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	s, err := store.Open(filepath.Join(t.TempDir(), "tend.db"), store.Options{Now: func() time.Time { return now }, Mode: store.Create})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := t.Context()
	r := rand.New(rand.NewPCG(3, 5))
	tiers := cadence.Tiers()
	channels := []cadence.Channel{cadence.Call, cadence.Video, cadence.InPerson, cadence.Text, cadence.Email, cadence.Letter}
	var people []domain.Person
	for i := range 60 {
		p, err := s.AddPerson(ctx, domain.Person{Name: "Person " + string(rune('A'+i%26)) + string(rune('a'+i/26)), Tier: tiers[i%len(tiers)], Tags: []string{[]string{"family", "work", "club"}[i%3]}})
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	for range 900 {
		p := people[r.IntN(len(people))]
		in := domain.Interaction{People: []string{p.ID}, Via: channels[r.IntN(len(channels))],
			At: now.Add(-time.Duration(r.Int64N(int64(400 * 24 * time.Hour))))}
		if r.IntN(2) == 0 {
			in.Direction = cadence.In
		}
		if in.Via == cadence.Call && r.IntN(4) == 0 {
			in.Missed = true
		}
		if _, err := s.AddInteraction(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range people[:7] {
		if _, err := s.UpdatePerson(ctx, p.ID, func(p *domain.Person) error { p.ArchivedAt = now; return nil }); err != nil {
			t.Fatal(err)
		}
	}
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
