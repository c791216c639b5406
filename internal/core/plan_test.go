package core_test

import (
	"reflect"
	"testing"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/words"
)

// TestPlanIsThePlanOfEveryone keeps the Plan use case, which streams people
// through the planner, equal to cadence's Plan over everyone read at once,
// and gives the last note of each person placed on a day.
func TestPlanIsThePlanOfEveryone(t *testing.T) {
	t.Parallel()
	s, now := testCircle(t)
	ctx := t.Context()
	everyone, err := s.CadencePeople(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rules := cadence.DefaultRules()
	for _, tc := range []struct{ days, perDay int }{{1, 0}, {7, 0}, {7, 2}, {30, 1}} {
		got, err := core.New(s, rules).Plan(ctx, now, tc.days, tc.perDay)
		if err != nil {
			t.Fatal(err)
		}
		perDay := tc.perDay
		if perDay == 0 {
			perDay = rules.Limit
		}
		want := rules.Plan(everyone, now, tc.days, perDay)
		if got.People != len(everyone) || !reflect.DeepEqual(planView(got.Schedule), planView(want)) {
			t.Errorf("days %d, %d a day: %d people\n got %v\nwant %v", tc.days, tc.perDay, got.People, planView(got.Schedule), planView(want))
		}
		placed, noted := 0, 0
		for _, d := range got.Days {
			for _, st := range d.People {
				placed++
				if n, ok := got.Notes[st.Person.ID]; ok {
					noted++
					if n.Note == "" || n.At.After(now) {
						t.Errorf("%s's last note is %+v", st.Person.Name, n)
					}
				}
			}
		}
		if placed == 0 || noted == 0 || len(got.Notes) != noted {
			t.Errorf("days %d: %d placed, %d with a note, %d notes: the test shows nothing", tc.days, placed, noted, len(got.Notes))
		}
	}
}

// planView is a plan as the faces show it: who, on which day, and why.
func planView(s cadence.Schedule) any {
	type row struct {
		Day     string
		ID      string
		Reasons []string
	}
	var rows []row
	for _, d := range s.Days {
		for _, st := range d.People {
			rows = append(rows, row{d.Date.Format("2006-01-02"), st.Person.ID, words.Reasons(st.Reasons)})
		}
	}
	for _, st := range s.Later {
		rows = append(rows, row{"later", st.Person.ID, words.Reasons(st.Reasons)})
	}
	return rows
}
