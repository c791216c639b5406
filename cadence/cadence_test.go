package cadence

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// The tests never read the clock: "now" is a fixed Tuesday morning.
var (
	now     = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	pacific = time.FixedZone("UTC-8", -8*60*60)
	east    = time.FixedZone("UTC+1", 1*60*60)
	japan   = time.FixedZone("UTC+9", 9*60*60)
)

// ago is n calendar days before now, at the same time of day.
func ago(n int) time.Time { return now.AddDate(0, 0, -n) }

// date is midnight UTC on a day, the way a date-only value is stored.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func md(m time.Month, d int) MonthDay { return MonthDay{Month: m, Day: d} }

func touch(at time.Time, via Channel, dir Direction) Contact {
	return Contact{At: at, Via: via, Direction: dir}
}

// friend is someone added long ago whose latest interaction of any kind was
// a call you made daysAgo days before now.
func friend(name string, tier Tier, daysAgo int) Person {
	c := touch(ago(daysAgo), Call, Out)
	return Person{ID: "id-" + strings.ToLower(name), Name: name, Tier: tier, CreatedAt: ago(800), LastReal: c, Last: c}
}

// want is what a test expects of a Status.
type want struct {
	days     int
	ratio    float64
	due      bool
	priority float64
	boosted  bool
	birthday bool
	reasons  []Reason
}

func checkStatus(t *testing.T, got Status, w want) {
	t.Helper()
	if got.DaysSinceReal != w.days {
		t.Errorf("DaysSinceReal = %d; want %d", got.DaysSinceReal, w.days)
	}
	if got.DueRatio != w.ratio {
		t.Errorf("DueRatio = %v; want %v", got.DueRatio, w.ratio)
	}
	if got.Due != w.due {
		t.Errorf("Due = %v; want %v", got.Due, w.due)
	}
	if got.Priority != w.priority {
		t.Errorf("Priority = %v; want %v", got.Priority, w.priority)
	}
	if got.Boosted != w.boosted {
		t.Errorf("Boosted = %v; want %v", got.Boosted, w.boosted)
	}
	if got.Birthday != w.birthday {
		t.Errorf("Birthday = %v; want %v", got.Birthday, w.birthday)
	}
	if !sameReasons(got.Reasons, w.reasons) {
		t.Errorf("Reasons = %+v; want %+v", got.Reasons, w.reasons)
	}
}

func ids(ss []Status) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Person.ID
	}
	return out
}

func TestDesignExample(t *testing.T) {
	t.Parallel()
	// DESIGN.md, "tend today --json": a close friend last called on
	// 2026-10-12T18:00:00Z, seen on 2026-11-24.
	call := touch(time.Date(2026, 10, 12, 18, 0, 0, 0, time.UTC), Call, Out)
	ana := Person{ID: "01J-ana", Name: "Ana Lima", Tier: Close, CreatedAt: date(2025, 1, 1), LastReal: call, Last: call}
	reasons := []Reason{since(43, Call), rhythm("close", 30)}

	t.Run("assess", func(t *testing.T) {
		s := Assess(ana, now)
		checkStatus(t, s, want{days: 43, ratio: 1.43, due: true, priority: 1.43, reasons: reasons})
		if s.Interval != 30 {
			t.Errorf("Interval = %d; want 30", s.Interval)
		}
		if !s.LastRealAt.Equal(call.At) {
			t.Errorf("LastRealAt = %s; want %s", s.LastRealAt, call.At)
		}
		if !s.Left.IsZero() {
			t.Errorf("Left = %+v; want none", s.Left)
		}
	})
	t.Run("today", func(t *testing.T) {
		got := Today([]Person{ana}, now, DefaultLimit)
		if len(got) != 1 || got[0].Person.ID != ana.ID {
			t.Fatalf("Today = %q; want [%q]", ids(got), ana.ID)
		}
		checkStatus(t, got[0], want{days: 43, ratio: 1.43, due: true, priority: 1.43, reasons: reasons})
	})
}

func TestAssessRhythm(t *testing.T) {
	t.Parallel()
	with := func(p Person, f func(*Person)) Person { f(&p); return p }
	tests := []struct {
		name         string
		p            Person
		now          time.Time // zero means now
		want         want
		wantInterval int
	}{
		{
			name: "close, due exactly at ratio 1",
			p:    friend("Ana", Close, 30),
			want: want{days: 30, ratio: 1, due: true, priority: 1,
				reasons: []Reason{since(30, Call), rhythm("close", 30)}},
			wantInterval: 30,
		},
		{
			name:         "close, just below ratio 1",
			p:            friend("Ana", Close, 29),
			want:         want{days: 29, ratio: 0.97, priority: 0.97},
			wantInterval: 30,
		},
		{
			name: "inner, due at 7 days",
			p:    friend("Ana", Inner, 7),
			want: want{days: 7, ratio: 1, due: true, priority: 1,
				reasons: []Reason{since(7, Call), rhythm("inner", 7)}},
			wantInterval: 7,
		},
		{
			name:         "inner, not due at 6 days",
			p:            friend("Ana", Inner, 6),
			want:         want{days: 6, ratio: 0.86, priority: 0.86},
			wantInterval: 7,
		},
		{
			name:         "regular, half way",
			p:            friend("Ana", Regular, 90),
			want:         want{days: 90, ratio: 0.5, priority: 0.5},
			wantInterval: 180,
		},
		{
			name:         "regular, a day before due",
			p:            friend("Ana", Regular, 179),
			want:         want{days: 179, ratio: 0.99, priority: 0.99},
			wantInterval: 180,
		},
		{
			name: "regular, due at 180 days",
			p:    friend("Ana", Regular, 180),
			want: want{days: 180, ratio: 1, due: true, priority: 1,
				reasons: []Reason{since(180, Call), rhythm("regular", 180)}},
			wantInterval: 180,
		},
		{
			// 364/365 = 0.997: not yet due, so not a rounded 1 either
			// (due is due_ratio >= 1).
			name:         "outer, a day before the year is up",
			p:            friend("Ana", Outer, 364),
			want:         want{days: 364, ratio: 0.99, priority: 0.99},
			wantInterval: 365,
		},
		{
			name: "outer, due at 365 days",
			p:    friend("Ana", Outer, 365),
			want: want{days: 365, ratio: 1, due: true, priority: 1,
				reasons: []Reason{since(365, Call), rhythm("outer", 365)}},
			wantInterval: 365,
		},
		{
			name: "every override beats the tier, due",
			p:    with(friend("Ana", Close, 14), func(p *Person) { p.Every = 14 }),
			want: want{days: 14, ratio: 1, due: true, priority: 1,
				reasons: []Reason{since(14, Call), ownEvery(14)}},
			wantInterval: 14,
		},
		{
			name:         "every override beats the tier, not yet due",
			p:            with(friend("Ana", Close, 13), func(p *Person) { p.Every = 14 }),
			want:         want{days: 13, ratio: 0.93, priority: 0.93},
			wantInterval: 14,
		},
		{
			name: "every override longer than the tier",
			p:    with(friend("Ana", Inner, 20), func(p *Person) { p.Every = 10 }),
			want: want{days: 20, ratio: 2, due: true, priority: 2,
				reasons: []Reason{since(20, Call), ownEvery(10)}},
			wantInterval: 10,
		},
		{
			name: "every 1 day, singular words",
			p:    with(friend("Ana", Close, 1), func(p *Person) { p.Every = 1 }),
			want: want{days: 1, ratio: 1, due: true, priority: 1,
				reasons: []Reason{since(1, Call), ownEvery(1)}},
			wantInterval: 1,
		},
		{
			name:         "ratio 2/3 rounds up to 0.67",
			p:            with(friend("Ana", Close, 2), func(p *Person) { p.Every = 3 }),
			want:         want{days: 2, ratio: 0.67, priority: 0.67},
			wantInterval: 3,
		},
		{
			name:         "ratio 1/3 rounds down to 0.33",
			p:            with(friend("Ana", Close, 1), func(p *Person) { p.Every = 3 }),
			want:         want{days: 1, ratio: 0.33, priority: 0.33},
			wantInterval: 3,
		},
		{
			name: "ratio 20/7 rounds to 2.86",
			p:    friend("Ana", Inner, 20),
			want: want{days: 20, ratio: 2.86, due: true, priority: 2.86,
				reasons: []Reason{since(20, Call), rhythm("inner", 7)}},
			wantInterval: 7,
		},
		{
			name: "you tried twice since: two missed calls of yours",
			p: with(friend("Ana", Close, 40), func(p *Person) {
				p.Recent = []Contact{
					{At: now.AddDate(0, 0, -3), Via: Call, Direction: Out, Missed: true},
					{At: now.AddDate(0, 0, -5), Via: Text, Direction: In},
					{At: now.AddDate(0, 0, -6), Via: Video, Direction: Out, Missed: true},
					{At: now.AddDate(0, 0, -8), Via: Call, Direction: In, Missed: true}, // theirs: not you trying
					p.LastReal,
				}
				p.Last = p.Recent[0]
			}),
			want: want{days: 40, ratio: 1.33, due: true, priority: 1.33,
				reasons: []Reason{since(40, Call), tried(2), rhythm("close", 30)}},
			wantInterval: 30,
		},
		{
			name: "you tried once since; one before the last call does not count",
			p: with(friend("Ana", Close, 40), func(p *Person) {
				p.Recent = []Contact{
					{At: now.AddDate(0, 0, -3), Via: Call, Direction: Out, Missed: true},
					p.LastReal,
					{At: now.AddDate(0, 0, -41), Via: Call, Direction: Out, Missed: true},
				}
				p.Last = p.Recent[0]
			}),
			want: want{days: 40, ratio: 1.33, due: true, priority: 1.33,
				reasons: []Reason{since(40, Call), tried(1), rhythm("close", 30)}},
			wantInterval: 30,
		},
		{
			name: "ratio 100/30 rounds to 3.33",
			p:    friend("Ana", Close, 100),
			want: want{days: 100, ratio: 3.33, due: true, priority: 3.33,
				reasons: []Reason{since(100, Call), rhythm("close", 30)}},
			wantInterval: 30,
		},
		{
			name: "last met in person",
			p: with(friend("Ana", Inner, 14), func(p *Person) {
				p.LastReal.Via, p.Last.Via = InPerson, InPerson
			}),
			want: want{days: 14, ratio: 2, due: true, priority: 2,
				reasons: []Reason{since(14, InPerson), rhythm("inner", 7)}},
			wantInterval: 7,
		},
		{
			name: "last video call",
			p: with(friend("Ana", Close, 40), func(p *Person) {
				p.LastReal.Via, p.Last.Via = Video, Video
			}),
			want: want{days: 40, ratio: 1.33, due: true, priority: 1.33,
				reasons: []Reason{since(40, Video), rhythm("close", 30)}},
			wantInterval: 30,
		},
		{
			name: "never talked: counts from the day they were added",
			p:    Person{ID: "id-ana", Name: "Ana", Tier: Close, CreatedAt: ago(43)},
			want: want{days: 43, ratio: 1.43, due: true, priority: 1.43,
				reasons: []Reason{added(43), rhythm("close", 30)}},
			wantInterval: 30,
		},
		{
			name: "never talked, added a day ago with a daily rhythm",
			p:    Person{ID: "id-ana", Name: "Ana", Tier: Close, Every: 1, CreatedAt: ago(1)},
			want: want{days: 1, ratio: 1, due: true, priority: 1,
				reasons: []Reason{added(1), ownEvery(1)}},
			wantInterval: 1,
		},
		{
			name:         "never talked, added recently",
			p:            Person{ID: "id-ana", Name: "Ana", Tier: Close, CreatedAt: ago(10)},
			want:         want{days: 10, ratio: 0.33, priority: 0.33},
			wantInterval: 30,
		},
		{
			name: "never talked, only texts: a text does not reset the clock",
			p: Person{ID: "id-ana", Name: "Ana", Tier: Close, CreatedAt: ago(43),
				Last: touch(ago(5), Text, Out)},
			want: want{days: 43, ratio: 1.43, due: true, priority: 1.43,
				reasons: []Reason{added(43), rhythm("close", 30)}},
			wantInterval: 30,
		},
		{
			name: "days since real come from LastReal, not Last",
			p: with(friend("Ana", Close, 43), func(p *Person) {
				p.Last = touch(ago(1), Text, Out)
			}),
			want: want{days: 43, ratio: 1.43, due: true, priority: 1.43,
				reasons: []Reason{since(43, Call), rhythm("close", 30)}},
			wantInterval: 30,
		},
		{
			name: "an e-mail after the call does not reset the clock",
			p: with(friend("Ana", Close, 43), func(p *Person) {
				p.Last = touch(ago(10), Email, Out)
			}),
			want: want{days: 43, ratio: 1.43, due: true, priority: 1.43,
				reasons: []Reason{since(43, Call), rhythm("close", 30)}},
			wantInterval: 30,
		},
		{
			name:         "a call dated after now counts as 0 days",
			p:            friend("Ana", Close, -2),
			want:         want{days: 0, ratio: 0, priority: 0},
			wantInterval: 30,
		},
		{
			name: "days counted in now's zone, west of UTC",
			// 2026-10-13T05:00Z is the evening of 12 October in UTC-8.
			p: Person{ID: "id-ana", Name: "Ana", Tier: Close, CreatedAt: date(2025, 1, 1),
				LastReal: touch(time.Date(2026, 10, 13, 5, 0, 0, 0, time.UTC), Call, Out),
				Last:     touch(time.Date(2026, 10, 13, 5, 0, 0, 0, time.UTC), Call, Out)},
			now: time.Date(2026, 11, 24, 9, 30, 0, 0, pacific),
			want: want{days: 43, ratio: 1.43, due: true, priority: 1.43,
				reasons: []Reason{since(43, Call), rhythm("close", 30)}},
			wantInterval: 30,
		},
		{
			name: "the same call counted in UTC",
			p: Person{ID: "id-ana", Name: "Ana", Tier: Close, CreatedAt: date(2025, 1, 1),
				LastReal: touch(time.Date(2026, 10, 13, 5, 0, 0, 0, time.UTC), Call, Out),
				Last:     touch(time.Date(2026, 10, 13, 5, 0, 0, 0, time.UTC), Call, Out)},
			want: want{days: 42, ratio: 1.4, due: true, priority: 1.4,
				reasons: []Reason{since(42, Call), rhythm("close", 30)}},
			wantInterval: 30,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			at := tc.now
			if at.IsZero() {
				at = now
			}
			s := Assess(tc.p, at)
			checkStatus(t, s, tc.want)
			if s.Interval != tc.wantInterval {
				t.Errorf("Interval = %d; want %d", s.Interval, tc.wantInterval)
			}
			wantLastReal := tc.p.LastReal.At
			if tc.p.LastReal.IsZero() {
				wantLastReal = tc.p.CreatedAt
			}
			if !s.LastRealAt.Equal(wantLastReal) {
				t.Errorf("LastRealAt = %s; want %s", s.LastRealAt, wantLastReal)
			}
			if s.Person.ID != tc.p.ID {
				t.Errorf("Person.ID = %q; want %q", s.Person.ID, tc.p.ID)
			}
		})
	}
}

func TestAssessBoosts(t *testing.T) {
	t.Parallel()
	// Ben is a close friend you called 10 days ago: not due (ratio 0.33), so
	// any priority above 0.33 comes from a boost.
	base := func(f func(*Person)) Person {
		p := friend("Ben Okafor", Close, 10)
		f(&p)
		return p
	}
	long := "a very long memory that goes on and on, well past what fits on one line of a terminal"
	tests := []struct {
		name string
		p    Person
		now  time.Time // zero means now
		want want
	}{
		{
			name: "no boost",
			p:    base(func(*Person) {}),
			want: want{days: 10, ratio: 0.33, priority: 0.33},
		},
		{
			name: "birthday today",
			p:    base(func(p *Person) { p.Birthday = md(time.November, 24) }),
			want: want{days: 10, ratio: 0.33, priority: 1.33, boosted: true, birthday: true,
				reasons: []Reason{dateSoon("birthday", 0)}},
		},
		{
			name: "birthday tomorrow",
			p:    base(func(p *Person) { p.Birthday = md(time.November, 25) }),
			want: want{days: 10, ratio: 0.33, priority: 1.33, boosted: true,
				reasons: []Reason{dateSoon("birthday", 1)}},
		},
		{
			name: "birthday in 2 days",
			p:    base(func(p *Person) { p.Birthday = md(time.November, 26) }),
			want: want{days: 10, ratio: 0.33, priority: 1.33, boosted: true,
				reasons: []Reason{dateSoon("birthday", 2)}},
		},
		{
			name: "birthday in 3 days",
			p:    base(func(p *Person) { p.Birthday = md(time.November, 27) }),
			want: want{days: 10, ratio: 0.33, priority: 1.33, boosted: true,
				reasons: []Reason{dateSoon("birthday", 3)}},
		},
		{
			name: "birthday with a year in 3 days",
			p:    base(func(p *Person) { p.Birthday = MonthDay{Year: 1990, Month: time.November, Day: 27} }),
			want: want{days: 10, ratio: 0.33, priority: 1.33, boosted: true,
				reasons: []Reason{dateSoon("birthday", 3)}},
		},
		{
			name: "birthday in 4 days: no boost",
			p:    base(func(p *Person) { p.Birthday = md(time.November, 28) }),
			want: want{days: 10, ratio: 0.33, priority: 0.33},
		},
		{
			name: "birthday yesterday: no boost",
			p:    base(func(p *Person) { p.Birthday = md(time.November, 23) }),
			want: want{days: 10, ratio: 0.33, priority: 0.33},
		},
		{
			name: "birthday today in now's zone, tomorrow in UTC",
			// 2026-11-24T20:00Z is 05:00 on 25 November in UTC+9.
			p:   base(func(p *Person) { p.Birthday = md(time.November, 25) }),
			now: time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC).In(japan),
			want: want{days: 11, ratio: 0.37, priority: 1.37, boosted: true, birthday: true,
				reasons: []Reason{dateSoon("birthday", 0)}},
		},
		{
			name: "important date today",
			p: base(func(p *Person) {
				p.ImportantDates = []Dated{{Label: "anniversary", Date: MonthDay{Year: 2015, Month: time.November, Day: 24}}}
			}),
			want: want{days: 10, ratio: 0.33, priority: 1.33, boosted: true,
				reasons: []Reason{dateSoon("anniversary", 0)}},
		},
		{
			name: "important date tomorrow, label trimmed",
			p: base(func(p *Person) {
				p.ImportantDates = []Dated{{Label: "  name day ", Date: md(time.November, 25)}}
			}),
			want: want{days: 10, ratio: 0.33, priority: 1.33, boosted: true,
				reasons: []Reason{dateSoon("name day", 1)}},
		},
		{
			name: "important date in 3 days",
			p: base(func(p *Person) {
				p.ImportantDates = []Dated{{Label: "name day", Date: md(time.November, 27)}}
			}),
			want: want{days: 10, ratio: 0.33, priority: 1.33, boosted: true,
				reasons: []Reason{dateSoon("name day", 3)}},
		},
		{
			name: "important date in 4 days: no boost",
			p: base(func(p *Person) {
				p.ImportantDates = []Dated{{Label: "name day", Date: md(time.November, 28)}}
			}),
			want: want{days: 10, ratio: 0.33, priority: 0.33},
		},
		{
			name: "important date unset: no boost",
			p: base(func(p *Person) {
				p.ImportantDates = []Dated{{Label: "anniversary"}}
			}),
			want: want{days: 10, ratio: 0.33, priority: 0.33},
		},
		{
			name: "memory due today",
			p:    base(func(p *Person) { p.Reminders = []Reminder{{Text: "exam", Due: date(2026, 11, 24)}} }),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{memory("exam", 0)}},
		},
		{
			name: "memory due yesterday",
			p:    base(func(p *Person) { p.Reminders = []Reminder{{Text: "exam", Due: date(2026, 11, 23)}} }),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{memory("exam", 1)}},
		},
		{
			name: "memory overdue by 5 days",
			p:    base(func(p *Person) { p.Reminders = []Reminder{{Text: "new job", Due: date(2026, 11, 19)}} }),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{memory("new job", 5)}},
		},
		{
			name: "memory due tomorrow: no boost",
			p:    base(func(p *Person) { p.Reminders = []Reminder{{Text: "exam", Due: date(2026, 11, 25)}} }),
			want: want{days: 10, ratio: 0.33, priority: 0.33},
		},
		{
			name: "memory without a due date: no boost",
			p:    base(func(p *Person) { p.Reminders = []Reminder{{Text: "exam"}} }),
			want: want{days: 10, ratio: 0.33, priority: 0.33},
		},
		{
			name: "memory due today in now's zone",
			// Only the due date's year, month and day count; now is already
			// 25 November in UTC+9.
			p:   base(func(p *Person) { p.Reminders = []Reminder{{Text: "exam", Due: date(2026, 11, 25)}} }),
			now: time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC).In(japan),
			want: want{days: 11, ratio: 0.37, priority: 0.87, boosted: true,
				reasons: []Reason{memory("exam", 0)}},
		},
		{
			name: "memory due today, west of UTC",
			// A due date is stored as midnight UTC; in UTC-8 that instant is
			// still 23 November, but the date is the 24th.
			p:   base(func(p *Person) { p.Reminders = []Reminder{{Text: "exam", Due: date(2026, 11, 24)}} }),
			now: time.Date(2026, 11, 24, 9, 30, 0, 0, pacific),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{memory("exam", 0)}},
		},
		{
			name: "memory text kept as written: internal/words puts it on one line",
			p: base(func(p *Person) {
				p.Reminders = []Reminder{{Text: "  exam\n on\tFriday  ", Due: date(2026, 11, 24)}}
			}),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{memory("  exam\n on\tFriday  ", 0)}},
		},
		{
			name: "long memory text kept whole: internal/words shortens it",
			p:    base(func(p *Person) { p.Reminders = []Reminder{{Text: long, Due: date(2026, 11, 24)}} }),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{memory(long, 0)}},
		},
		{
			name: "owed reply: inbound text 4 days ago",
			p:    base(func(p *Person) { p.Last = touch(ago(4), Text, In) }),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{wrote("Ben Okafor", 4)}},
		},
		{
			name: "owed reply: inbound e-mail",
			p:    base(func(p *Person) { p.Last = touch(ago(4), Email, In) }),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{wrote("Ben Okafor", 4)}},
		},
		{
			name: "owed reply: inbound social message",
			p:    base(func(p *Person) { p.Last = touch(ago(6), Social, In) }),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{wrote("Ben Okafor", 6)}},
		},
		{
			name: "owed reply: inbound letter",
			p:    base(func(p *Person) { p.Last = touch(ago(4), Letter, In) }),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{wrote("Ben Okafor", 4)}},
		},
		{
			name: "owed reply: a gift, said as one",
			p:    base(func(p *Person) { p.Last = touch(ago(3), Gift, In) }),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{{Kind: ReasonWrote, Name: "Ben Okafor", Days: 3, Via: Gift}}},
		},
		{
			name: "owed reply: 25 hours ago is 1 day",
			p:    base(func(p *Person) { p.Last = touch(now.Add(-25*time.Hour), Text, In) }),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{wrote("Ben Okafor", 1)}},
		},
		{
			name: "owed reply: 47 hours ago is 2 calendar days",
			p:    base(func(p *Person) { p.Last = touch(now.Add(-47*time.Hour), Text, In) }),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{wrote("Ben Okafor", 2)}},
		},
		{
			name: "owed reply: a single name, as given",
			p: base(func(p *Person) {
				p.Name = "Ben"
				p.Last = touch(ago(4), Text, In)
			}),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{wrote("Ben", 4)}},
		},
		{
			name: "owed reply: their missed call 3 days ago",
			p:    base(func(p *Person) { p.Last = Contact{At: ago(3), Via: Call, Direction: In, Missed: true} }),
			want: want{days: 10, ratio: 0.33, priority: 0.83, boosted: true,
				reasons: []Reason{called("Ben Okafor", 3)}},
		},
		{
			name: "no owed reply: your missed call",
			p:    base(func(p *Person) { p.Last = Contact{At: ago(3), Via: Call, Direction: Out, Missed: true} }),
			want: want{days: 10, ratio: 0.33, priority: 0.33},
		},
		{
			name: "no owed reply: their missed call 20 hours ago",
			p: base(func(p *Person) {
				p.Last = Contact{At: now.Add(-20 * time.Hour), Via: Call, Direction: In, Missed: true}
			}),
			want: want{days: 10, ratio: 0.33, priority: 0.33},
		},
		{
			name: "no owed reply: inbound text 20 hours ago",
			p:    base(func(p *Person) { p.Last = touch(now.Add(-20*time.Hour), Text, In) }),
			want: want{days: 10, ratio: 0.33, priority: 0.33},
		},
		{
			name: "no owed reply: inbound text exactly 24 hours ago",
			p:    base(func(p *Person) { p.Last = touch(now.Add(-24*time.Hour), Text, In) }),
			want: want{days: 10, ratio: 0.33, priority: 0.33},
		},
		{
			name: "no owed reply: outbound text",
			p:    base(func(p *Person) { p.Last = touch(ago(4), Text, Out) }),
			want: want{days: 10, ratio: 0.33, priority: 0.33},
		},
		{
			name: "no owed reply: inbound call",
			p: base(func(p *Person) {
				p.LastReal = touch(ago(4), Call, In)
				p.Last = p.LastReal
			}),
			want: want{days: 4, ratio: 0.13, priority: 0.13},
		},
		{
			name: "no owed reply: inbound visit",
			p: base(func(p *Person) {
				p.LastReal = touch(ago(4), InPerson, In)
				p.Last = p.LastReal
			}),
			want: want{days: 4, ratio: 0.13, priority: 0.13},
		},
		{
			name: "no owed reply: inbound video call",
			p: base(func(p *Person) {
				p.LastReal = touch(ago(4), Video, In)
				p.Last = p.LastReal
			}),
			want: want{days: 4, ratio: 0.13, priority: 0.13},
		},
		{
			name: "two memories due add up",
			p: base(func(p *Person) {
				p.Reminders = []Reminder{
					{Text: "exam", Due: date(2026, 11, 23)},
					{Text: "no date"},
					{Text: "move", Due: date(2026, 11, 24)},
					{Text: "later", Due: date(2026, 12, 1)},
				}
			}),
			want: want{days: 10, ratio: 0.33, priority: 1.33, boosted: true,
				reasons: []Reason{memory("exam", 1), memory("move", 0)}},
		},
		{
			name: "birthday and important date, nearest first",
			p: base(func(p *Person) {
				p.Birthday = md(time.November, 27)
				p.ImportantDates = []Dated{
					{Label: "name day", Date: md(time.November, 30)},
					{Label: "anniversary", Date: md(time.November, 24)},
				}
			}),
			want: want{days: 10, ratio: 0.33, priority: 2.33, boosted: true,
				reasons: []Reason{dateSoon("anniversary", 0), dateSoon("birthday", 3)}},
		},
		{
			name: "birthday and important date on the same day, birthday first",
			p: base(func(p *Person) {
				p.Birthday = md(time.November, 25)
				p.ImportantDates = []Dated{{Label: "anniversary", Date: md(time.November, 25)}}
			}),
			want: want{days: 10, ratio: 0.33, priority: 2.33, boosted: true,
				reasons: []Reason{dateSoon("birthday", 1), dateSoon("anniversary", 1)}},
		},
		{
			name: "every boost at once on someone due",
			p: base(func(p *Person) {
				p.LastReal = touch(time.Date(2026, 10, 12, 18, 0, 0, 0, time.UTC), Call, Out)
				p.Last = touch(ago(4), Text, In)
				p.Birthday = md(time.November, 25)
				p.Reminders = []Reminder{{Text: "exam", Due: date(2026, 11, 23)}}
			}),
			want: want{days: 43, ratio: 1.43, due: true, priority: 3.43, boosted: true,
				reasons: []Reason{
					dateSoon("birthday", 1),
					memory("exam", 1),
					wrote("Ben Okafor", 4),
					since(43, Call),
					rhythm("close", 30),
				}},
		},
		{
			name: "birthday today on someone due leads the reasons",
			p: base(func(p *Person) {
				p.LastReal = touch(ago(14), InPerson, Out)
				p.Last = p.LastReal
				p.Tier = Inner
				p.Birthday = md(time.November, 24)
			}),
			want: want{days: 14, ratio: 2, due: true, priority: 3, boosted: true, birthday: true,
				reasons: []Reason{dateSoon("birthday", 0), since(14, InPerson), rhythm("inner", 7)}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			at := tc.now
			if at.IsZero() {
				at = now
			}
			checkStatus(t, Assess(tc.p, at), tc.want)
		})
	}
}

func TestLeapDayBirthday(t *testing.T) {
	t.Parallel()
	// Someone born on 29 February, called 10 days before each now.
	tests := []struct {
		name         string
		now          time.Time
		wantBirthday bool
		wantReasons  []Reason
	}{
		{"28 Feb of a common year is the birthday", time.Date(2027, 2, 28, 9, 30, 0, 0, time.UTC), true, []Reason{dateSoonOn("birthday", 0, date(2027, 2, 28))}},
		{"27 Feb of a common year is the day before", time.Date(2027, 2, 27, 9, 30, 0, 0, time.UTC), false, []Reason{dateSoonOn("birthday", 1, date(2027, 2, 28))}},
		{"1 Mar of a common year is past it", time.Date(2027, 3, 1, 9, 30, 0, 0, time.UTC), false, nil},
		{"29 Feb of a leap year is the birthday", time.Date(2028, 2, 29, 9, 30, 0, 0, time.UTC), true, []Reason{dateSoonOn("birthday", 0, date(2028, 2, 29))}},
		{"28 Feb of a leap year is the day before", time.Date(2028, 2, 28, 9, 30, 0, 0, time.UTC), false, []Reason{dateSoonOn("birthday", 1, date(2028, 2, 29))}},
		{"26 Feb of a leap year is 3 days before", time.Date(2028, 2, 26, 9, 30, 0, 0, time.UTC), false, []Reason{dateSoonOn("birthday", 3, date(2028, 2, 29))}},
	}
	leap, err := ParseMonthDay("--02-29")
	if err != nil {
		t.Fatalf("ParseMonthDay(--02-29): %v", err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			call := touch(tc.now.AddDate(0, 0, -10), Call, Out)
			p := Person{ID: "id-leo", Name: "Leo", Tier: Close, Birthday: leap, CreatedAt: date(2020, 1, 1), LastReal: call, Last: call}
			s := Assess(p, tc.now)
			if s.Birthday != tc.wantBirthday {
				t.Errorf("Birthday = %v; want %v", s.Birthday, tc.wantBirthday)
			}
			if !sameReasons(s.Reasons, tc.wantReasons) {
				t.Errorf("Reasons = %+v; want %+v", s.Reasons, tc.wantReasons)
			}
			wantPriority := 0.33
			if tc.wantReasons != nil {
				wantPriority = 1.33
			}
			if s.Priority != wantPriority {
				t.Errorf("Priority = %v; want %v", s.Priority, wantPriority)
			}
		})
	}
}

func TestTodayExclusions(t *testing.T) {
	t.Parallel()
	// Ana is due (43 days since a call); each case adds a reason to leave her
	// out of today, or not.
	due := func(f func(*Person)) Person {
		p := friend("Ana Lima", Close, 43)
		f(&p)
		return p
	}
	tests := []struct {
		name     string
		p        Person
		now      time.Time // zero means now
		wantIn   bool
		wantLeft Left
	}{
		{"due and free", due(func(*Person) {}), time.Time{}, true, Left{}},
		{"archived", due(func(p *Person) { p.ArchivedAt = ago(1) }), time.Time{}, false, archived()},
		{"archived, on their birthday", due(func(p *Person) {
			p.ArchivedAt = ago(30)
			p.Birthday = md(time.November, 24)
		}), time.Time{}, false, archived()},
		{"snoozed until tomorrow", due(func(p *Person) { p.SnoozedUntil = date(2026, 11, 25) }), time.Time{}, false, snoozed(2026, 11, 25)},
		{"snoozed until later today", due(func(p *Person) { p.SnoozedUntil = now.Add(time.Hour) }), time.Time{}, false, snoozed(2026, 11, 24)},
		{"snoozed past now, on their birthday", due(func(p *Person) {
			p.SnoozedUntil = date(2026, 12, 1)
			p.Birthday = md(time.November, 24)
		}), time.Time{}, false, snoozed(2026, 12, 1)},
		{"snooze shown in now's zone", due(func(p *Person) { p.SnoozedUntil = time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC) }),
			time.Date(2026, 11, 24, 9, 30, 0, 0, pacific), false, snoozed(2026, 11, 24)},
		{"snoozed until a second after now", due(func(p *Person) { p.SnoozedUntil = now.Add(time.Second) }), time.Time{}, false, snoozed(2026, 11, 24)},
		{"snooze ended yesterday", due(func(p *Person) { p.SnoozedUntil = ago(1) }), time.Time{}, true, Left{}},
		{"snooze ends exactly now", due(func(p *Person) { p.SnoozedUntil = now }), time.Time{}, true, Left{}},
		{"a text today", due(func(p *Person) { p.Last = touch(now.Add(-time.Hour), Text, Out) }), time.Time{}, false, quiet(0)},
		{"a text yesterday", due(func(p *Person) { p.Last = touch(ago(1), Text, Out) }), time.Time{}, false, quiet(1)},
		{"a text 2 days ago", due(func(p *Person) { p.Last = touch(ago(2), Text, Out) }), time.Time{}, false, quiet(2)},
		{"a text 2 calendar days ago, late at night", due(func(p *Person) { p.Last = touch(time.Date(2026, 11, 22, 23, 59, 0, 0, time.UTC), Text, Out) }), time.Time{}, false, quiet(2)},
		{"a text 3 days ago", due(func(p *Person) { p.Last = touch(ago(3), Text, Out) }), time.Time{}, true, Left{}},
		{"a text 3 calendar days ago, under 60 hours", due(func(p *Person) { p.Last = touch(time.Date(2026, 11, 21, 23, 59, 0, 0, time.UTC), Text, Out) }), time.Time{}, true, Left{}},
		{"a gift yesterday", due(func(p *Person) { p.Last = touch(ago(1), Gift, Out) }), time.Time{}, false, quiet(1)},
		{"a call yesterday", due(func(p *Person) {
			p.Every = 1
			p.LastReal = touch(ago(1), Call, Out)
			p.Last = p.LastReal
		}), time.Time{}, false, quiet(1)},
		// Their unanswered message is no contact of yours: it is owed, not quiet.
		{"an inbound text yesterday, owed", due(func(p *Person) { p.Last = touch(now.Add(-30*time.Hour), Text, In) }), time.Time{}, true, Left{}},
		{"an inbound text yesterday, after your text the day before", due(func(p *Person) {
			p.Last = touch(now.Add(-30*time.Hour), Text, In)
			p.Recent = []Contact{p.Last, touch(now.Add(-40*time.Hour), Text, Out)}
		}), time.Time{}, false, quiet(2)},
		{"an inbound text, your text 3 days ago", due(func(p *Person) {
			p.Last = touch(now.Add(-30*time.Hour), Text, In)
			p.Recent = []Contact{p.Last, touch(ago(3), Text, Out)}
		}), time.Time{}, true, Left{}},
		{"their call yesterday, a real conversation", due(func(p *Person) {
			p.LastReal = touch(ago(1), Call, In)
			p.Last = p.LastReal
		}), time.Time{}, false, quiet(1)},
		{"their missed call yesterday", due(func(p *Person) {
			p.Last = Contact{At: ago(1), Via: Call, Direction: In, Missed: true}
		}), time.Time{}, true, Left{}},
		{"your missed call yesterday: you tried", due(func(p *Person) {
			p.Last = Contact{At: ago(1), Via: Call, Direction: Out, Missed: true}
		}), time.Time{}, false, quiet(1)},
		{"your missed call 3 days ago", due(func(p *Person) {
			p.Last = Contact{At: ago(3), Via: Call, Direction: Out, Missed: true}
		}), time.Time{}, true, Left{}},
		{"talked yesterday, birthday today", due(func(p *Person) {
			p.Last = touch(ago(1), Text, Out)
			p.Birthday = md(time.November, 24)
		}), time.Time{}, true, Left{}},
		// A call on the day answers the birthday: it is left in peace.
		{"talked today, birthday today", due(func(p *Person) {
			p.Last = touch(now.Add(-time.Hour), Call, Out)
			p.LastReal = p.Last
			p.Birthday = md(time.November, 24)
		}), time.Time{}, false, quiet(0)},
		{"their text today, anniversary today: answered", due(func(p *Person) {
			p.Last = touch(now.Add(-time.Hour), Text, In)
			p.ImportantDates = []Dated{{Label: "anniversary", Date: md(time.November, 24)}}
		}), time.Time{}, true, Left{}},
		{"a text last night, birthday today: not answered", due(func(p *Person) {
			p.Last = touch(time.Date(2026, 11, 23, 23, 0, 0, 0, time.UTC), Text, Out)
			p.Birthday = md(time.November, 24)
		}), time.Time{}, true, Left{}},
		// 2026-11-24T07:00Z is 08:00 on the 24th in UTC+1; 2026-11-23T12:00Z
		// is the day before there: the day is now's, not UTC's.
		{"a call on the morning of the birthday, east of UTC", due(func(p *Person) {
			p.Last = touch(time.Date(2026, 11, 24, 7, 0, 0, 0, time.UTC), Call, Out)
			p.LastReal = p.Last
			p.Birthday = md(time.November, 24)
		}), time.Date(2026, 11, 24, 14, 0, 0, 0, east), false, quiet(0)},
		{"a text the day before the birthday, east of UTC: not answered", due(func(p *Person) {
			p.Last = touch(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), Text, Out)
			p.Birthday = md(time.November, 24)
		}), time.Date(2026, 11, 24, 14, 0, 0, 0, east), true, Left{}},
		{"a text late on the birthday's eve, west of UTC: not answered", due(func(p *Person) {
			p.Last = touch(time.Date(2026, 11, 24, 4, 0, 0, 0, time.UTC), Text, Out) // 20:00 on the 23rd
			p.ImportantDates = []Dated{{Label: "anniversary", Date: md(time.November, 24)}}
		}), time.Date(2026, 11, 24, 18, 0, 0, 0, pacific), true, Left{}},
		{"talked yesterday, important date today", due(func(p *Person) {
			p.Last = touch(ago(1), Text, Out)
			p.ImportantDates = []Dated{{Label: "name day", Date: md(time.November, 24)}}
		}), time.Time{}, true, Left{}},
		// A memory that has come due is a reason on its own, even in the
		// quiet days; once you have been in touch since its day, it is not.
		{"texted yesterday, memory due today", due(func(p *Person) {
			p.Last = touch(ago(1), Text, Out)
			p.Reminders = []Reminder{{Text: "interview", Due: date(2026, 11, 24)}}
		}), time.Time{}, true, Left{}},
		{"texted yesterday, memory due yesterday: in touch on its day", due(func(p *Person) {
			p.Last = touch(ago(1), Text, Out)
			p.Reminders = []Reminder{{Text: "interview", Due: date(2026, 11, 23)}}
		}), time.Time{}, false, quiet(1)},
		{"texted 2 days ago, memory due yesterday", due(func(p *Person) {
			p.Last = touch(ago(2), Text, Out)
			p.Reminders = []Reminder{{Text: "interview", Due: date(2026, 11, 23)}}
		}), time.Time{}, true, Left{}},
		{"talked yesterday, birthday tomorrow", due(func(p *Person) {
			p.Last = touch(ago(1), Text, Out)
			p.Birthday = md(time.November, 25)
		}), time.Time{}, false, quiet(1)},
		// 2026-11-22T05:00Z is the evening of 21 November in UTC-8.
		{"3 calendar days ago in now's zone", due(func(p *Person) { p.Last = touch(time.Date(2026, 11, 22, 5, 0, 0, 0, time.UTC), Text, Out) }),
			time.Date(2026, 11, 24, 9, 30, 0, 0, pacific), true, Left{}},
		{"the same text is 2 days ago in UTC", due(func(p *Person) { p.Last = touch(time.Date(2026, 11, 22, 5, 0, 0, 0, time.UTC), Text, Out) }),
			time.Time{}, false, quiet(2)},
		{"not due and not boosted", friend("Ana Lima", Close, 10), time.Time{}, false, Left{}},
		{"not due, 29 days", friend("Ana Lima", Close, 29), time.Time{}, false, Left{}},
		{"outer, a day before due", friend("Ana Lima", Outer, 364), time.Time{}, false, Left{}},
		{"not due, birthday tomorrow", func() Person {
			p := friend("Ana Lima", Close, 10)
			p.Birthday = md(time.November, 25)
			return p
		}(), time.Time{}, true, Left{}},
		{"not due, memory due", func() Person {
			p := friend("Ana Lima", Close, 10)
			p.Reminders = []Reminder{{Text: "exam", Due: date(2026, 11, 24)}}
			return p
		}(), time.Time{}, true, Left{}},
		{"not due, owed reply", func() Person {
			p := friend("Ana Lima", Close, 10)
			p.Last = touch(ago(4), Text, In)
			return p
		}(), time.Time{}, true, Left{}},
		{"not due, memory without a date", func() Person {
			p := friend("Ana Lima", Close, 10)
			p.Reminders = []Reminder{{Text: "exam"}}
			return p
		}(), time.Time{}, false, Left{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			at := tc.now
			if at.IsZero() {
				at = now
			}
			if got := Assess(tc.p, at).Left; !sameLeft(got, tc.wantLeft) {
				t.Errorf("Assess(...).Left = %+v; want %+v", got, tc.wantLeft)
			}
			got := Today([]Person{tc.p}, at, 0)
			in := len(got) == 1 && got[0].Person.ID == tc.p.ID
			if in != tc.wantIn || len(got) > 1 {
				t.Errorf("Today = %q; want included = %v", ids(got), tc.wantIn)
			}
		})
	}
}

// rankedPeople are all due (or boosted), most tied at priority 2, listed in
// an order that is not the one Today must return.
func rankedPeople() []Person {
	named := func(id, name string, tier Tier, days int) Person {
		p := friend(name, tier, days)
		p.ID = id
		return p
	}
	birthdayMax := named("max", "Max", Regular, 180) // 1 + birthday boost 1 = 2
	birthdayMax.Birthday = md(time.November, 24)
	weddingDana := named("dana", "Dana", Inner, 3) // 0.43 + date boost 1 = 1.43
	weddingDana.ImportantDates = []Dated{{Label: "wedding anniversary", Date: md(time.November, 24)}}
	return []Person{
		weddingDana,                         // 1.43, inner, a date today
		named("low", "Low", Close, 31),      // 1.03
		named("yara", "Yara", Outer, 730),   // 2, outer
		named("sam-b", "Sam", Close, 60),    // 2, close, same name as sam-a
		named("carl", "carl", Close, 60),    // 2, close
		birthdayMax,                         // 2, regular
		named("bea", "Bea", Close, 60),      // 2, close
		named("zoe", "Zoe", Inner, 14),      // 2, inner
		named("anna", "anna", Close, 60),    // 2, close
		named("sam-a", "Sam", Close, 60),    // 2, close
		named("top", "Top", Close, 100),     // 3.33
		named("rest", "Rest", Close, 10),    // 0.33, not due
		named("quiet", "Quiet", Inner, 200), // due but talked yesterday
	}
}

func TestTodayOrder(t *testing.T) {
	t.Parallel()
	people := rankedPeople()
	for i := range people {
		if people[i].ID == "quiet" {
			people[i].Last = touch(ago(1), Text, Out)
		}
	}
	wantOrder := []string{
		"dana", "max", // a date today leads, inner first, whatever the priority
		"top",                                   // highest priority
		"zoe",                                   // priority 2, inner first
		"anna", "bea", "carl", "sam-a", "sam-b", // close, by name ignoring case, then id
		"yara", // outer
		"low",  // lowest priority that is due
	}
	reversed := slices.Clone(people)
	slices.Reverse(reversed)
	tests := []struct {
		name   string
		people []Person
	}{
		{"given order", people},
		{"reversed order", reversed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Today(tc.people, now, 0)
			if !slices.Equal(ids(got), wantOrder) {
				t.Errorf("Today order = %q; want %q", ids(got), wantOrder)
			}
		})
	}
	t.Run("priorities", func(t *testing.T) {
		got := Today(people, now, 0)
		want := []float64{1.43, 2, 3.33, 2, 2, 2, 2, 2, 2, 2, 1.03}
		var prios []float64
		for _, s := range got {
			prios = append(prios, s.Priority)
		}
		if !slices.Equal(prios, want) {
			t.Errorf("priorities = %v; want %v", prios, want)
		}
	})
}

func TestSortByPriority(t *testing.T) {
	t.Parallel()
	st := func(id, name string, tier Tier, prio float64) Status {
		return Status{Person: Person{ID: id, Name: name, Tier: tier}, Priority: prio}
	}
	tests := []struct {
		name string
		in   []Status
		want []string
	}{
		{"priority descending", []Status{st("a", "A", Inner, 1), st("b", "B", Inner, 3), st("c", "C", Inner, 2)}, []string{"b", "c", "a"}},
		{"tier breaks a priority tie", []Status{st("o", "A", Outer, 1), st("r", "A", Regular, 1), st("c", "A", Close, 1), st("i", "A", Inner, 1)}, []string{"i", "c", "r", "o"}},
		{"name ignoring case breaks a tier tie", []Status{st("3", "carl", Close, 1), st("1", "Bea", Close, 1), st("2", "anna", Close, 1)}, []string{"2", "1", "3"}},
		{"id breaks a name tie", []Status{st("b", "Sam", Close, 1), st("a", "sam", Close, 1)}, []string{"a", "b"}},
		{"priority beats tier", []Status{st("i", "A", Inner, 1), st("o", "A", Outer, 1.01)}, []string{"o", "i"}},
		{"tier beats name", []Status{st("z", "Zed", Inner, 1), st("a", "Abe", Close, 1)}, []string{"z", "a"}},
		{"empty", nil, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ss := slices.Clone(tc.in)
			SortByPriority(ss)
			if got := ids(ss); !slices.Equal(got, tc.want) {
				t.Errorf("SortByPriority order = %q; want %q", got, tc.want)
			}
		})
	}
}

func TestTodayLimit(t *testing.T) {
	t.Parallel()
	people := rankedPeople()
	all := ids(Today(people, now, 0))
	if len(all) != 12 {
		t.Fatalf("Today with limit 0 returned %d people %q; want 12", len(all), all)
	}
	tests := []struct {
		name  string
		limit int
		want  []string
	}{
		{"limit 0 returns all", 0, all},
		{"negative limit returns all", -1, all},
		{"limit 1", 1, all[:1]},
		{"limit 2", 2, all[:2]},
		{"default limit", DefaultLimit, all[:5]},
		{"limit above the count returns all", 50, all},
		{"limit equal to the count", len(all), all},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ids(Today(people, now, tc.limit)); !slices.Equal(got, tc.want) {
				t.Errorf("Today(limit %d) = %q; want %q", tc.limit, got, tc.want)
			}
		})
	}
}

func TestTodayNobody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		people []Person
	}{
		{"no people", nil},
		{"nobody due", []Person{friend("Ana", Close, 10), friend("Ben", Inner, 3), friend("Cy", Outer, 200)}},
		{"due but all left out", []Person{
			func() Person { p := friend("Ana", Close, 43); p.ArchivedAt = ago(2); return p }(),
			func() Person { p := friend("Ben", Close, 43); p.SnoozedUntil = date(2026, 12, 1); return p }(),
			func() Person { p := friend("Cy", Close, 43); p.Last = touch(ago(2), Email, Out); return p }(),
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Today(tc.people, now, 0); len(got) != 0 {
				t.Errorf("Today = %q; want nobody", ids(got))
			}
		})
	}
}

func TestAssessIsPure(t *testing.T) {
	t.Parallel()
	// The same inputs give the same answer, and the input is not changed.
	p := friend("Ana", Close, 43)
	p.Reminders = []Reminder{{Text: "exam", Due: date(2026, 11, 23)}}
	p.ImportantDates = []Dated{{Label: "anniversary", Date: md(time.November, 25)}}
	first := Assess(p, now)
	second := Assess(p, now)
	t.Run("repeatable", func(t *testing.T) {
		if first.Priority != second.Priority || !sameReasons(first.Reasons, second.Reasons) {
			t.Errorf("second Assess = %v %+v; want %v %+v", second.Priority, second.Reasons, first.Priority, first.Reasons)
		}
	})
	t.Run("input unchanged", func(t *testing.T) {
		if p.Reminders[0].Text != "exam" || p.ImportantDates[0].Label != "anniversary" {
			t.Errorf("input changed to %+v; want it untouched", p)
		}
	})
}

// TestDueRatioAgreesWithDue: due_ratio >= 1 exactly when due, for every
// rhythm up to ten years and every day around it.
func TestDueRatioAgreesWithDue(t *testing.T) {
	for interval := 1; interval <= MaxEvery; interval++ {
		for _, days := range []int{interval - 2, interval - 1, interval, interval + 1} {
			if days < 0 {
				continue
			}
			if r := dueRatio(days, interval); (r >= 1) != (days >= interval) {
				t.Fatalf("dueRatio(%d, %d) = %v: >= 1 is %v, due is %v", days, interval, r, r >= 1, days >= interval)
			}
		}
	}
}
