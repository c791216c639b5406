package cadence

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, on a machine without them
)

func TestOverdue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		since    time.Time
		interval int
		want     float64
	}{
		{now.Add(-36 * time.Hour), 3, 0.5},
		{now.Add(-30 * 24 * time.Hour), 30, 1},
		{now.Add(-365 * 24 * time.Hour), 7, 365.0 / 7},
		{now.Add(12 * time.Hour), 1, -0.5}, // in the future
	}
	for _, tc := range tests {
		if got := Overdue(tc.since, tc.interval, now); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("Overdue(%s, %d) = %v; want %v", tc.since, tc.interval, got, tc.want)
		}
	}
}

// everything builds someone as close to their ceiling as can be: every day
// is their rhythm, their last real conversation was at 23:59 the evening
// before last before now (a whole day more in calendar days than in hours),
// they made the last three contacts, wrote last and are waiting for an
// answer, and their gaps keep growing.
func everything(now time.Time) Person {
	loc := now.Location()
	y, m, d := now.Date()
	evening := func(daysBack int) time.Time { return time.Date(y, m, d-daysBack, 23, 59, 0, 0, loc) }
	p := Person{ID: "01P", Name: "Ana Lima", Tier: Close, Every: 1, CreatedAt: evening(400)}
	return withRecent(p,
		touch(now.Add(-25*time.Hour), Text, In), // waiting for an answer
		touch(evening(6), Call, In),             // the last real conversation
		touch(evening(10), Call, In),            // gaps of 2, 3 and 4 days
		touch(evening(13), Call, In),
		touch(evening(15), Call, In),
	)
}

// TestMaxPriorityBounds checks the ceiling against the priority of people
// built to reach it, each boost at once, so that a ceiling short by any
// one of them fails.
func TestMaxPriorityBounds(t *testing.T) {
	t.Parallel()
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	withDates := func(p Person, at time.Time) Person {
		p.Birthday = MonthDay{Month: at.Month(), Day: at.Day()}
		in3 := at.AddDate(0, 0, 3)
		p.ImportantDates = []Dated{{Label: "anniversary", Date: MonthDay{Year: 2015, Month: in3.Month(), Day: in3.Day()}}}
		p.Reminders = []Reminder{
			{Text: "exam", Due: date(at.Year(), at.Month(), at.Day())},
			{Text: "new job", Due: at.AddDate(0, 0, -3)}, // after the last conversation: not answered
			{Text: "not yet", Due: at.AddDate(0, 0, 2)},
		}
		return p
	}
	// The morning after the clocks went forward: a day of 23 hours between.
	spring := time.Date(2026, 3, 9, 0, 1, 0, 0, newYork)
	tests := []struct {
		name  string
		at    time.Time
		dates bool
	}{
		{"every pattern, a day of calendar rounding", time.Date(2026, 11, 24, 0, 1, 0, 0, time.UTC), false},
		{"and an hour of daylight saving", spring, false},
		{"and a birthday, a date and two memories", time.Date(2026, 11, 24, 0, 1, 0, 0, time.UTC), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := everything(tc.at)
			if tc.dates {
				p = withDates(p, tc.at)
			}
			s := Assess(p, tc.at)
			if !s.YourTurn || s.Drift == nil || !s.Boosted {
				t.Fatalf("%s is not drifting, owed and their turn: %+v", p.Name, s)
			}
			ceiling := MaxPriority(Overdue(p.LastReal.At, p.Interval(), tc.at), p, tc.at)
			if s.DateToday != (ceiling >= dateLead) {
				t.Errorf("MaxPriority = %v with a date today %v; want the lead exactly when there is one", ceiling, s.DateToday)
			}
			if s.DateToday {
				ceiling -= dateLead
			}
			// Below the priority the ranking would be wrong; more than a
			// fraction of a boost above it, needlessly loose.
			if ceiling < s.Priority || ceiling > s.Priority+0.2 {
				t.Errorf("MaxPriority = %.3f; priority %.2f (%v)", ceiling, s.Priority, s.Reasons)
			}
		})
	}
	if got := MaxPriority(math.NaN(), Person{}, now); !math.IsInf(got, 1) {
		t.Errorf("MaxPriority(NaN) = %v; want +Inf", got)
	}
}

// testZones are UTC, the day's two extremes (+14, -11) and the zones
// named, with daylight saving.
func testZones(t *testing.T, names ...string) []*time.Location {
	t.Helper()
	zones := []*time.Location{time.UTC, time.FixedZone("+14", 14*3600), time.FixedZone("-11", -11*3600)}
	for _, name := range names {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		zones = append(zones, loc)
	}
	return zones
}

// randomHistory gives p, at the moment at, a random past over span: when
// they were added, the recent contacts (as a store keeps them), perhaps a
// birthday near at and memories due around it. It returns p and the
// moment their rhythm counts from.
func randomHistory(rng *rand.Rand, p Person, at time.Time, span time.Duration) (Person, time.Time) {
	channels := Channels()
	p.CreatedAt = at.Add(-span - time.Duration(rng.Int64N(int64(span))))
	var recent []Contact
	last := at.Add(-time.Duration(rng.Int64N(int64(span))))
	for range rng.IntN(RecentCount + 4) {
		recent = append(recent, touch(last, channels[rng.IntN(len(channels))], []Direction{In, Out}[rng.IntN(2)]))
		last = last.Add(-time.Duration(rng.Int64N(int64(span) / 3)))
	}
	p = withRecent(p, recent...)
	p.Recent = p.Recent[:min(len(p.Recent), RecentCount)]
	p.RecentReal = p.RecentReal[:min(len(p.RecentReal), RealCount)]
	if rng.IntN(4) == 0 {
		d := at.AddDate(0, 0, rng.IntN(9)-3)
		p.Birthday = MonthDay{Month: d.Month(), Day: d.Day()}
	}
	for range rng.IntN(3) {
		p.Reminders = append(p.Reminders, Reminder{Text: "x", Due: date(at.Year(), at.Month(), at.Day()+rng.IntN(5)-2)})
	}
	if !p.LastReal.IsZero() {
		return p, p.LastReal.At
	}
	return p, p.CreatedAt
}

// TestMaxPriorityBoundsRandomPeople checks the ceiling against the priority
// of thousands of random people, at random moments in zones with and
// without daylight saving.
func TestMaxPriorityBoundsRandomPeople(t *testing.T) {
	t.Parallel()
	zones := testZones(t, "America/New_York", "Australia/Lord_Howe", "Europe/London")
	rng := rand.New(rand.NewPCG(8, 8))
	for i := range 20000 {
		loc := zones[rng.IntN(len(zones))]
		at := time.Date(2026, 1, 1, 0, 0, 0, 0, loc).Add(time.Duration(rng.Int64N(int64(3 * 365 * 24 * time.Hour))))
		tiers := Tiers()
		p := Person{ID: "01P", Name: "Someone", Tier: tiers[rng.IntN(len(tiers))], Every: []int{0, 0, 1, 2, 3, 10}[rng.IntN(6)]}
		span := time.Duration(3*p.Interval()+3) * 24 * time.Hour
		p, since := randomHistory(rng, p, at, span)
		s := Assess(p, at)
		if ceiling := MaxPriority(Overdue(since, p.Interval(), at), p, at); ceiling < s.Priority {
			t.Fatalf("person %d at %s: MaxPriority = %.3f < priority %.2f (%v)\n%+v", i, at, ceiling, s.Priority, s.Reasons, p)
		}
	}
}

// TestMaxPriorityBoundsAsAStoreGivesIt checks the ceiling as a store works
// it out, knowing only the tier, the own rhythm, the birthday and the
// memories, with Overdue over the shortest rhythm the tier or a tag gives,
// under rules with rhythms by tier and by tag: the slack of a day is
// counted over that rhythm, and drifting only for inner and close friends.
func TestMaxPriorityBoundsAsAStoreGivesIt(t *testing.T) {
	t.Parallel()
	custom := DefaultRules()
	custom.Every[Inner], custom.Every[Close], custom.Every[Outer] = 10, 21, 200
	custom.TagEvery["family"], custom.TagEvery["work"] = 14, 120
	zones := testZones(t, "America/New_York", "Australia/Lord_Howe")
	rng := rand.New(rand.NewPCG(9, 9))
	tight := 0
	for i := range 20000 {
		r := []Rules{DefaultRules(), custom}[i%2]
		loc := zones[rng.IntN(len(zones))]
		at := time.Date(2026, 1, 1, 0, 0, 0, 0, loc).Add(time.Duration(rng.Int64N(int64(3 * 365 * 24 * time.Hour))))
		tiers := Tiers()
		p := Person{ID: "01P", Name: "Someone", Tier: tiers[rng.IntN(len(tiers))], Every: []int{0, 0, 0, 1, 3, 10, 45}[rng.IntN(7)]}
		p.Tags = [][]string{nil, {"family"}, {"work"}, {"Family", "work"}}[rng.IntN(4)]
		interval, _ := r.Rhythm(p)
		span := time.Duration(3*interval+3) * 24 * time.Hour
		p, since := randomHistory(rng, p, at, span)
		shortest := p.Every
		if shortest == 0 {
			shortest = r.MinEvery(p.Tier)
		}
		known := Person{Tier: p.Tier, Every: p.Every, Birthday: p.Birthday, ImportantDates: p.ImportantDates, Reminders: p.Reminders}
		s := r.Assess(p, at)
		ceiling := r.MaxPriority(Overdue(since, shortest, at), known, at)
		if ceiling < s.Priority {
			t.Fatalf("person %d at %s: MaxPriority = %.3f < priority %.2f (%v)\n%+v", i, at, ceiling, s.Priority, s.Reasons, p)
		}
		if ceiling < s.Priority+0.05 {
			tight++
		}
	}
	// Some must come close to the ceiling, or it is not tested at all.
	if tight < 20 {
		t.Errorf("only %d of 20000 people came within 0.05 of their ceiling", tight)
	}
}

func TestRankingNeeds(t *testing.T) {
	t.Parallel()
	full := NewRanking(now, 2)
	full.Add(friend("Ana Lima", Close, 60))   // 2.00
	full.Add(friend("Ben Okafor", Close, 45)) // 1.50
	tests := []struct {
		name    string
		r       *Ranking
		ceiling float64
		want    bool
	}{
		{"not yet full", NewRanking(now, 2), 0, true},
		{"no limit", NewRanking(now, 0), 0, true},
		{"above the last kept", full, 1.6, true},
		{"level with the last kept: tier and name decide", full, 1.5, true},
		{"below the last kept", full, 1.49, false},
	}
	for _, tc := range tests {
		if got := tc.r.Needs(tc.ceiling); got != tc.want {
			t.Errorf("%s: Needs(%v) = %v; want %v", tc.name, tc.ceiling, got, tc.want)
		}
	}
}

// TestSoonMonthDays checks, for every day of three years (a leap year
// among them) in three zones, that the month-days listed are exactly those
// that DateSoon is true for.
func TestSoonMonthDays(t *testing.T) {
	t.Parallel()
	var all []MonthDay
	for m := time.January; m <= time.December; m++ {
		for d := 1; d <= daysIn(2028, m); d++ {
			all = append(all, MonthDay{Month: m, Day: d})
		}
	}
	for _, loc := range []*time.Location{time.UTC, time.FixedZone("+14", 14*3600), time.FixedZone("-11", -11*3600)} {
		for day := range 3 * 366 {
			at := time.Date(2027, 1, 1+day, 23, 30, 0, 0, loc)
			soon := SoonMonthDays(at)
			for _, d := range all {
				if got, want := slices.Contains(soon, d), DateSoon(d, at); got != want {
					t.Fatalf("%s: SoonMonthDays has %s: %v; DateSoon: %v", at, d, got, want)
				}
			}
		}
	}
}
