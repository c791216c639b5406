package core_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/store"
)

// TestListIsEveryoneAssessedAndSorted checks List against the plain
// computation: every summary the store lists, assessed, sorted stably by
// how due they are.
func TestListIsEveryoneAssessedAndSorted(t *testing.T) {
	t.Parallel()
	s, now := testCircle(t)
	ctx := t.Context()
	rules := cadence.DefaultRules()
	c := core.New(s, rules)
	for _, in := range []core.ListInput{
		{},
		{Due: true},
		{Tier: cadence.Inner},
		{Tag: "FAMILY"},
		{Tag: "work", Due: true},
		{Archived: true},
		{Tier: cadence.Outer, Tag: "nobody has this"},
	} {
		in.Now = now
		sums, err := s.Summaries(ctx, store.PeopleFilter{Archived: in.Archived, Tier: in.Tier, Tag: in.Tag})
		if err != nil {
			t.Fatal(err)
		}
		want := []core.Listed{}
		for _, sum := range sums {
			st := rules.Assess(sum.Cadence(), now)
			if in.Due && !st.Due {
				continue
			}
			want = append(want, core.Listed{Person: sum.Person, LastReal: sum.LastReal, DaysSinceReal: st.DaysSinceReal, DueRatio: st.DueRatio, Due: st.Due})
		}
		slices.SortStableFunc(want, func(x, y core.Listed) int {
			return cadence.CompareDue(x.DueRatio, x.Person.Tier, y.DueRatio, y.Person.Tier)
		})
		got, err := c.List(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("List(%+v): %d people, not the %d assessed and sorted", in, len(got), len(want))
		}
		if in == (core.ListInput{Now: now}) && (len(got) < 40 || !slices.ContainsFunc(got, func(l core.Listed) bool { return l.Due })) {
			t.Errorf("List of everyone: %d people, none due; the test needs more", len(got))
		}
	}
}

func TestListOfAnEmptyStoreIsEmpty(t *testing.T) {
	t.Parallel()
	c, now := emptyCore(t)
	got, err := c.List(t.Context(), core.ListInput{Now: now})
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("List of no one = %#v, %v; want an empty list", got, err)
	}
}
