package cadence_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/datagen"
)

// varied returns a generated circle of n people, changed at random (from
// seed) so that a plan meets everything it handles: snoozes, birthdays,
// important dates and memories in and around the window, tags with
// rhythms, rhythms of their own, archived people, people added or talked
// to after now, and ties of priority, tier and name.
func varied(seed uint64, n int, now time.Time) []cadence.Person {
	people := datagen.Circle(int64(seed), n, 20*n, now).Cadence()
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	day := func(lo, hi int) time.Time { return now.AddDate(0, 0, lo+rng.IntN(hi-lo+1)) }
	md := func(t time.Time) cadence.MonthDay { return cadence.MonthDay{Month: t.Month(), Day: t.Day()} }
	for i := range people {
		p := &people[i]
		switch rng.IntN(30) {
		case 0:
			p.ArchivedAt = day(-300, -1)
		case 1:
			p.SnoozedUntil = day(-2, 12).Add(time.Duration(rng.IntN(24)) * time.Hour)
		case 2:
			p.Birthday = md(day(-2, 40))
		case 3:
			p.Birthday = cadence.MonthDay{Month: time.February, Day: 29}
		case 4:
			p.ImportantDates = append(slices.Clone(p.ImportantDates), cadence.Dated{Label: "name day", Date: md(day(0, 35))},
				cadence.Dated{Label: "anniversary", Date: md(day(0, 35))})
		case 5:
			p.Reminders = append(slices.Clone(p.Reminders), cadence.Reminder{Text: "ask about the move", Due: day(-5, 35)},
				cadence.Reminder{Text: "the exam", Due: day(-1, 3)})
		case 6:
			p.Tags = []string{"Book Club", "family"}
		case 7:
			p.Every = 1 + rng.IntN(60)
		case 8:
			// Someone as overdue as the one before, of the same tier and
			// name: only the id tells them apart.
			if i > 0 {
				q := people[i-1]
				p.Name, p.Tier, p.Every, p.LastReal, p.CreatedAt = q.Name, q.Tier, q.Every, q.LastReal, q.CreatedAt
				p.Recent, p.RecentReal, p.Last = nil, nil, cadence.Contact{}
			}
		case 9:
			// Talked to, or added, after now (a --now in the past).
			p.LastReal = cadence.Contact{At: day(1, 4), Via: cadence.Call, Direction: cadence.Out}
			p.Last = p.LastReal
		case 10:
			p.Last = cadence.Contact{At: day(-3, 0).Add(-time.Duration(rng.IntN(48)) * time.Hour), Via: cadence.Text, Direction: cadence.In}
		case 11:
			p.Last = cadence.Contact{At: day(-2, 0), Via: cadence.Call, Direction: cadence.Out, Missed: true}
		case 12:
			p.LastReal, p.Last, p.Recent, p.RecentReal = cadence.Contact{}, cadence.Contact{}, nil, nil
			p.CreatedAt = day(-400, 2)
		}
	}
	return people
}

// TestPlanIsPlanPlain checks that Plan, which works out once what does not
// change from day to day and keeps only the most pressing, gives exactly
// what assessing everyone on every day and sorting them all gives.
func TestPlanIsPlanPlain(t *testing.T) {
	t.Parallel()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	tagged := cadence.DefaultRules()
	tagged.TagEvery = map[string]int{"book club": 21, "family": 14}
	tagged.Every[cadence.Regular] = 90
	tagged.QuietDays, tagged.SoonDays, tagged.Limit = 4, 6, 3
	rules := map[string]cadence.Rules{"default": cadence.DefaultRules(), "tagged": tagged}
	nows := []time.Time{
		benchNow,
		time.Date(2028, 2, 25, 23, 50, 0, 0, time.UTC), // a leap day in the window
		time.Date(2027, 2, 26, 8, 0, 0, 0, time.UTC),   // 29 February falls on the 28th
		time.Date(2027, 3, 26, 0, 30, 0, 0, loc),       // summer time begins
		time.Date(2026, 12, 28, 12, 0, 0, 0, time.UTC), // the turn of the year
	}
	for seed := uint64(1); seed <= 6; seed++ {
		n := []int{0, 1, 7, 60, 300, 600}[seed-1]
		if testing.Short() && n > 300 {
			continue
		}
		for k, now := range nows {
			people := varied(seed*10+uint64(k), n, now)
			for name, r := range rules {
				for _, days := range []int{1, 2, 7, 30} {
					for _, perDay := range []int{0, 1, 5} {
						got := r.Plan(people, now, days, perDay)
						want := cadence.PlanPlain(r, people, now, days, perDay)
						if !reflect.DeepEqual(got, want) {
							t.Errorf("%d people, now %s, %s rules, %d days, %d a day: Plan differs from planPlain\n%s",
								n, now, name, days, perDay, firstDifference(got, want))
						}
					}
				}
			}
		}
	}
}

// firstDifference names the first day whose people differ.
func firstDifference(got, want cadence.Schedule) string {
	names := func(ss []cadence.Status) []string {
		var out []string
		for _, s := range ss {
			out = append(out, fmt.Sprintf("%s %.2f", s.Person.ID, s.Priority))
		}
		return out
	}
	if len(got.Days) != len(want.Days) {
		return fmt.Sprintf("%d days; want %d", len(got.Days), len(want.Days))
	}
	for d := range got.Days {
		if !reflect.DeepEqual(got.Days[d], want.Days[d]) {
			return fmt.Sprintf("day %d: %v\nwant %v", d, names(got.Days[d].People), names(want.Days[d].People))
		}
	}
	return fmt.Sprintf("later: %v\nwant %v", names(got.Later), names(want.Later))
}

// TestFreeOnIsAssess checks the planner's day-by-day figures against
// assess itself, for everyone of varied circles on every day of a month.
func TestFreeOnIsAssess(t *testing.T) {
	t.Parallel()
	tagged := cadence.DefaultRules()
	tagged.TagEvery = map[string]int{"book club": 21}
	for _, r := range []cadence.Rules{cadence.DefaultRules(), tagged} {
		for _, p := range varied(7, 400, benchNow) {
			if !p.ArchivedAt.IsZero() {
				continue // never a candidate
			}
			if msg := cadence.FreeOnDiffers(r, p, benchNow, 30); msg != "" {
				t.Fatalf("%s: %s", p.ID, msg)
			}
		}
	}
}

// TestPlannerTakesPeopleOneAtATime checks that a Planner fed people one at
// a time, in any order and from memory used again for the next, plans as
// Plan does.
func TestPlannerTakesPeopleOneAtATime(t *testing.T) {
	t.Parallel()
	people := varied(3, 500, benchNow)
	want := cadence.Plan(people, benchNow, 7, 5)
	pl := cadence.DefaultRules().NewPlanner(benchNow, 7, 5)
	var scratch cadence.Person
	for i := len(people) - 1; i >= 0; i-- {
		scratch = people[i]
		scratch.Recent = slices.Clone(people[i].Recent)
		pl.Add(scratch)
		clear(scratch.Recent)
	}
	if got := pl.Schedule(); !reflect.DeepEqual(got, want) {
		t.Errorf("a Planner fed in reverse order disagrees with Plan\n%s", firstDifference(got, want))
	}
}
