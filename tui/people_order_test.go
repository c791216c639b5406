package tui

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/datagen"
)

// TestPeopleOrderIsTheCoresList: over a generated circle, the People view
// lists the active people in the order tend list does (core.List), the
// archived after them in the order tend list --archived does, and a #tag
// filter keeps those tend list --tag keeps, in its order; at the moment
// the circle was made, and weeks later, when the tick has moved on.
func TestPeopleOrderIsTheCoresList(t *testing.T) {
	for _, days := range []int{0, 40} {
		t.Run(fmt.Sprintf("%d days later", days), func(t *testing.T) { peopleOrderIsTheCoresList(t, testNow.AddDate(0, 0, days)) })
	}
}

func peopleOrderIsTheCoresList(t *testing.T, now time.Time) {
	h := newHarness(t)
	ctx := context.Background()
	circle := datagen.Circle(7, 300, 6000, testNow)
	if _, err := datagen.Load(ctx, h.s, circle); err != nil {
		t.Fatal(err)
	}
	h.start(80, 24)
	h.send(pollMsg{now: now})
	h.press("2")
	c := h.m.opts.Core
	list := func(in core.ListInput) []string {
		t.Helper()
		in.Now = now
		listed, err := c.List(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		ids := make([]string, len(listed))
		for i, l := range listed {
			ids[i] = l.Person.ID
		}
		return ids
	}
	shown := func() []string {
		ids := make([]string, len(h.m.people.rows))
		for i, e := range h.m.people.rows {
			ids[i] = e.sum.ID
		}
		return ids
	}
	active, archived := list(core.ListInput{}), list(core.ListInput{Archived: true})
	if len(active) < 200 || len(archived) == 0 {
		t.Fatalf("a circle of %d active and %d archived people; want both kinds, and many", len(active), len(archived))
	}
	if got := shown(); !slices.Equal(got, active) {
		t.Errorf("People lists %d people, core.List %d; first difference at %d", len(got), len(active), firstDifference(got, active))
	}
	h.press("A")
	if got, want := shown(), append(slices.Clone(active), archived...); !slices.Equal(got, want) {
		t.Errorf("with the archived, People lists %d people, core.List %d; first difference at %d", len(got), len(want), firstDifference(got, want))
	}
	h.press("A", "/")
	h.typeText("#family")
	h.press("enter")
	family := list(core.ListInput{Tag: "family"})
	if len(family) == 0 {
		t.Fatal("no one in the family: the filter is not tried")
	}
	if got := shown(); !slices.Equal(got, family) {
		t.Errorf("#family lists %d people, core.List %d; first difference at %d", len(got), len(family), firstDifference(got, family))
	}
}

// firstDifference is where two lists first differ, or the length of the
// shorter when one starts the other.
func firstDifference(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
