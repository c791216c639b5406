package cadence

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// planned lists the ids planned on each day, and those left for later.
func planned(s Schedule) ([][]string, []string) {
	days := make([][]string, len(s.Days))
	for i, d := range s.Days {
		days[i] = ids(d.People)
	}
	return days, ids(s.Later)
}

func TestPlan(t *testing.T) {
	t.Parallel()
	// now is Tuesday 24 November: day 0. Day 3 is Friday 27.
	named := func(id string, tier Tier, days int, f ...func(*Person)) Person {
		p := friend(id, tier, days)
		p.ID = id
		for _, fn := range f {
			fn(&p)
		}
		return p
	}
	birthday := func(m time.Month, d int) func(*Person) {
		return func(p *Person) { p.Birthday = md(m, d) }
	}
	none := []string{}
	tests := []struct {
		name      string
		people    []Person
		days      int
		perDay    int
		want      [][]string
		wantLater []string
	}{
		{
			name: "capacity per day: the most overdue first, the rest on the next days",
			people: []Person{
				named("c40", Close, 40), named("c100", Close, 100), named("c60", Close, 60),
				named("c90", Close, 90), named("c50", Close, 50), named("c80", Close, 80), named("c70", Close, 70),
			},
			days: 3, perDay: 3,
			want:      [][]string{{"c100", "c90", "c80"}, {"c70", "c60", "c50"}, {"c40"}},
			wantLater: none,
		},
		{
			name: "more due than the window holds: the rest later, most pressing first",
			people: []Person{
				named("c31", Close, 31), named("c100", Close, 100), named("c60", Close, 60), named("c32", Close, 32),
				named("c90", Close, 90), named("c50", Close, 50), named("c80", Close, 80), named("c70", Close, 70),
			},
			days: 2, perDay: 3,
			want:      [][]string{{"c100", "c90", "c80"}, {"c70", "c60", "c50"}},
			wantLater: []string{"c32", "c31"},
		},
		{
			name: "a tie in priority: inner first",
			people: []Person{
				named("outer", Outer, 730), named("regular", Regular, 360), named("close", Close, 60), named("inner", Inner, 14),
			},
			days: 2, perDay: 2,
			want:      [][]string{{"inner", "close"}, {"regular", "outer"}},
			wantLater: none,
		},
		{
			name:   "someone becoming due is planned on the day they do",
			people: []Person{named("close27", Close, 27), named("inner5", Inner, 5), named("close20", Close, 20)},
			days:   5, perDay: 5,
			want:      [][]string{none, none, {"inner5"}, {"close27"}, none},
			wantLater: none,
		},
		{
			// Today gives its heads-up three days before; the plan's later
			// days hold a date only on the day.
			name:   "a birthday lands on its day, and today's heads-up is today's",
			people: []Person{named("bday", Regular, 10, birthday(time.November, 27))},
			days:   7, perDay: 5,
			want:      [][]string{{"bday"}, none, none, {"bday"}, none, none, none},
			wantLater: none,
		},
		{
			name:   "someone due does not wait for their birthday: planned for both",
			people: []Person{named("due", Close, 40, birthday(time.November, 28)), named("other", Close, 35)},
			days:   7, perDay: 5,
			want:      [][]string{{"due", "other"}, none, none, none, {"due"}, none, none},
			wantLater: none,
		},
		{
			name: "an important date lands on its day too",
			people: []Person{named("anniv", Regular, 10, func(p *Person) {
				p.ImportantDates = []Dated{{Label: "anniversary", Date: md(time.November, 26)}}
			})},
			days: 4, perDay: 5,
			want:      [][]string{{"anniv"}, none, {"anniv"}, none},
			wantLater: none,
		},
		{
			name:   "a birthday just after the window is not planned",
			people: []Person{named("bday", Regular, 10, birthday(time.December, 1))},
			days:   7, perDay: 5,
			want:      [][]string{none, none, none, none, none, none, none},
			wantLater: none,
		},
		{
			name:   "a birthday on the window's last day is",
			people: []Person{named("bday", Regular, 10, birthday(time.November, 30))},
			days:   7, perDay: 5,
			want:      [][]string{none, none, none, none, none, none, {"bday"}},
			wantLater: none,
		},
		{
			name: "a full birthday day: the third waits for later",
			people: []Person{
				named("b1", Regular, 10, birthday(time.November, 25)),
				named("b2", Close, 10, birthday(time.November, 25)),
				named("b3", Inner, 3, birthday(time.November, 25)),
			},
			days: 3, perDay: 2,
			want:      [][]string{{"b3", "b2"}, {"b3", "b2"}, none},
			wantLater: none, // b1 is not due: a birthday does not wait for later
		},
		{
			name:   "a birthday on a full day, but due: the next day with room",
			people: []Person{named("b1", Close, 40, birthday(time.November, 25)), named("b2", Close, 50, birthday(time.November, 25))},
			days:   3, perDay: 1,
			want:      [][]string{{"b2"}, {"b2"}, {"b1"}},
			wantLater: none,
		},
		{
			name: "a birthday goes before the due on its day",
			people: []Person{
				named("due1", Close, 100), named("due2", Close, 90), named("bday", Regular, 10, birthday(time.November, 24)),
			},
			days: 2, perDay: 2,
			want:      [][]string{{"bday", "due1"}, {"due2"}},
			wantLater: none,
		},
		{
			name: "snoozed until Friday is planned from Friday",
			people: []Person{named("snoozed", Close, 40, func(p *Person) { p.SnoozedUntil = date(2026, 11, 27) }),
				named("free", Close, 40)},
			days: 7, perDay: 5,
			want:      [][]string{{"free"}, none, none, {"snoozed"}, none, none, none},
			wantLater: none,
		},
		{
			name:   "snoozed past the window: not planned, not later",
			people: []Person{named("snoozed", Close, 40, func(p *Person) { p.SnoozedUntil = date(2026, 12, 10) })},
			days:   7, perDay: 5,
			want:      [][]string{none, none, none, none, none, none, none},
			wantLater: none,
		},
		{
			name: "archived: never, not even on their birthday",
			people: []Person{named("gone", Close, 400, birthday(time.November, 25), func(p *Person) {
				p.ArchivedAt = ago(10)
			})},
			days: 3, perDay: 5,
			want:      [][]string{none, none, none},
			wantLater: none,
		},
		{
			name:   "a text yesterday: left in peace for the quiet days",
			people: []Person{named("texted", Close, 40, func(p *Person) { p.Last = touch(ago(1), Text, Out) })},
			days:   4, perDay: 5,
			want:      [][]string{none, none, {"texted"}, none},
			wantLater: none,
		},
		{
			name: "a memory due on Thursday",
			people: []Person{named("exam", Close, 10, func(p *Person) {
				p.Reminders = []Reminder{{Text: "exam", Due: date(2026, 11, 26)}}
			})},
			days: 4, perDay: 5,
			want:      [][]string{none, none, {"exam"}, none},
			wantLater: none,
		},
		{
			// Maya is due now and her birthday is in 11 days: she is planned
			// today, and again on her birthday.
			name:   "due now, birthday in the window: today and on the day",
			people: []Person{named("maya", Inner, 8, birthday(time.December, 5))},
			days:   14, perDay: 5,
			want:      [][]string{{"maya"}, none, none, none, none, none, none, none, none, none, none, {"maya"}, none, none},
			wantLater: none,
		},
		{
			name: "a memory lands on its due day, even when the days before have room",
			people: []Person{named("tom", Regular, 10, func(p *Person) {
				p.Reminders = []Reminder{{Text: "interview", Due: date(2026, 11, 29)}}
			}), named("due", Close, 31)},
			days: 7, perDay: 1,
			want:      [][]string{{"due"}, none, none, none, none, {"tom"}, none},
			wantLater: none,
		},
		{
			name: "a memory on a full day goes first: the due waits",
			people: []Person{named("tom", Regular, 10, func(p *Person) {
				p.Reminders = []Reminder{{Text: "interview", Due: date(2026, 11, 25)}}
			}), named("c50", Close, 50), named("c40", Close, 40)},
			days: 3, perDay: 1,
			want:      [][]string{{"c50"}, {"tom"}, {"c40"}},
			wantLater: none,
		},
		{
			name:   "per day 0: no limit",
			people: []Person{named("a", Close, 40), named("b", Close, 50), named("c", Close, 60)},
			days:   1, perDay: 0,
			want:      [][]string{{"c", "b", "a"}},
			wantLater: none,
		},
		{
			name:   "nobody due: an empty window",
			people: []Person{named("a", Close, 1), named("b", Regular, 20), named("c", Outer, 100)},
			days:   3, perDay: 5,
			want:      [][]string{none, none, none},
			wantLater: none,
		},
		{
			name: "no one at all",
			days: 2, perDay: 5,
			want:      [][]string{none, none},
			wantLater: none,
		},
		{
			name:   "no days",
			people: []Person{named("a", Close, 40)},
			days:   0, perDay: 5,
			want:      [][]string{},
			wantLater: none,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Plan(tc.people, now, tc.days, tc.perDay)
			days, later := planned(s)
			if fmt.Sprint(days) != fmt.Sprint(tc.want) || len(days) != len(tc.want) {
				t.Errorf("Plan days = %q; want %q", days, tc.want)
			}
			if !slices.Equal(later, tc.wantLater) {
				t.Errorf("Plan later = %q; want %q", later, tc.wantLater)
			}
			seen := map[string]bool{}
			for i, d := range s.Days {
				if tc.perDay > 0 && len(d.People) > tc.perDay {
					t.Errorf("day %d holds %d people; want at most %d", i, len(d.People), tc.perDay)
				}
				if want := date(2026, 11, 24+i); !d.Date.Equal(want) {
					t.Errorf("day %d date = %s; want %s", i, d.Date, want)
				}
			}
			for i, d := range days {
				clear(seen)
				for _, id := range d {
					if seen[id] {
						t.Errorf("%s is planned twice on day %d (days %q)", id, i, days)
					}
					seen[id] = true
				}
			}
			if tc.days > 0 {
				if got, want := days[0], ids(Today(tc.people, now, tc.perDay)); !slices.Equal(got, want) {
					t.Errorf("the plan's first day is %q; today is %q", got, want)
				}
			}
		})
	}
}

func TestPlanReasonsAreOfTheDay(t *testing.T) {
	t.Parallel()
	p := friend("Ana Lima", Close, 27)
	p.Birthday = md(time.November, 29)
	s := Plan([]Person{p, friend("Ben Okafor", Close, 28)}, now, 7, 5)
	tests := []struct {
		day     int
		name    string
		reasons []Reason
	}{
		{2, "Ben Okafor", []Reason{since(30, Call), rhythm("close", 30)}},
		{5, "Ana Lima", []Reason{dateSoonOn("birthday", 0, date(2026, 11, 29)), since(32, Call), rhythm("close", 30)}},
	}
	for _, tc := range tests {
		ppl := s.Days[tc.day].People
		if len(ppl) != 1 || ppl[0].Person.Name != tc.name || !sameReasons(ppl[0].Reasons, tc.reasons) {
			t.Errorf("day %d = %v; want %s with reasons %+v", tc.day, ppl, tc.name, tc.reasons)
		}
	}
}

func TestPlanInZone(t *testing.T) {
	t.Parallel()
	// In UTC-8 it is still Monday 23 November at 01:30 UTC on the 24th: day
	// 0 is the Monday there, and the days start at local midnight.
	at := time.Date(2026, 11, 24, 1, 30, 0, 0, time.UTC).In(pacific)
	s := Plan([]Person{friend("Ana", Close, 0)}, at, 2, 5)
	want := time.Date(2026, 11, 24, 0, 0, 0, 0, pacific)
	if !s.Days[1].Date.Equal(want) {
		t.Errorf("day 1 = %s; want %s", s.Days[1].Date, want)
	}
}

func TestPlanIsPure(t *testing.T) {
	t.Parallel()
	p := friend("Ana", Close, 40)
	p.Birthday = md(time.November, 26)
	p.ImportantDates = []Dated{{Label: "anniversary", Date: md(time.December, 20)}}
	people := []Person{p}
	a := Plan(people, now, 7, 5)
	b := Plan(people, now, 7, 5)
	da, _ := planned(a)
	db, _ := planned(b)
	if fmt.Sprint(da) != fmt.Sprint(db) {
		t.Errorf("second Plan = %q; want %q", db, da)
	}
	if people[0].Birthday.IsZero() || len(people[0].ImportantDates) != 1 {
		t.Errorf("Plan changed its input: %+v", people[0])
	}
}

// BenchmarkPlanYear plans a year for a full circle of 220 people (the four
// guidelines), the largest plan the command allows.
func BenchmarkPlanYear(b *testing.B) {
	var people []Person
	for i, t := range []Tier{Inner, Close, Regular, Outer} {
		for j := range t.Guideline() {
			p := friend(fmt.Sprintf("p%d-%d", i, j), t, (j*7)%(2*t.Every()))
			p.ID = p.Name
			if j%3 == 0 { // a third with a birthday in the year
				p.Birthday = md(time.Month(1+j%12), 1+j%28)
			}
			people = append(people, p)
		}
	}
	for b.Loop() {
		Plan(people, now, 366, DefaultLimit)
	}
}
