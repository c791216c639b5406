package when

import (
	"fmt"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // fixed zones for the clock-change tests, whatever the host has
)

// zoneX is a fixed zone west of UTC, so that a day in now's location is not a
// UTC day.
var zoneX = time.FixedZone("X", -5*3600)

// nowIn is the fixed now of the tests: Tuesday 2026-11-24 09:30 in loc.
func nowIn(loc *time.Location) time.Time {
	return time.Date(2026, time.November, 24, 9, 30, 0, 0, loc)
}

// tc is one phrase and what reading it should give: either a Moment or an
// error whose text holds the quoted input and errHas.
type tc struct {
	in       string
	want     time.Time
	dateOnly bool
	errHas   string // when non-empty, an error is wanted
}

func (c tc) name() string {
	if c.in == "" {
		return "empty"
	}
	return strings.ReplaceAll(c.in, " ", "_")
}

const (
	unreadablePast   = `(try 2026-11-20, yesterday, tuesday, 3d or "3 days ago")`
	unreadableFuture = `(try 2026-11-20, tomorrow, friday, 3d or "in 3 days")`
	looksAhead       = "as a past date: it looks ahead"
	looksBack        = "as a future date: it looks back"
	tooFar           = "too far away (at most 36500 days"
)

// explicitCases are the dates and timestamps, read the same in both
// directions; unreadable is the direction's hint for unknown phrases.
func explicitCases(loc *time.Location) []tc {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, loc) }
	at := func(y int, m time.Month, d, h, mi, s int) time.Time { return time.Date(y, m, d, h, mi, s, 0, loc) }
	return []tc{
		// YYYY-MM-DD, in the past and in the future: returned as is.
		{in: "2026-11-20", want: day(2026, 11, 20), dateOnly: true},
		{in: "2026-11-24", want: day(2026, 11, 24), dateOnly: true},
		{in: "2026-12-25", want: day(2026, 12, 25), dateOnly: true},
		{in: "2020-01-01", want: day(2020, 1, 1), dateOnly: true},
		{in: "  2026-11-20  ", want: day(2026, 11, 20), dateOnly: true},
		{in: "1900-01-01", want: day(1900, 1, 1), dateOnly: true},
		{in: "9999-12-31", want: day(9999, 12, 31), dateOnly: true},
		// Leap years.
		{in: "2028-02-29", want: day(2028, 2, 29), dateOnly: true},
		{in: "2024-02-29", want: day(2024, 2, 29), dateOnly: true},
		{in: "2000-02-29", want: day(2000, 2, 29), dateOnly: true},
		{in: "2026-02-28", want: day(2026, 2, 28), dateOnly: true},
		{in: "2026-02-29", errHas: "invalid date \"2026-02-29\": February 2026 has no day 29"},
		{in: "2025-02-29", errHas: "February 2025 has no day 29"},
		{in: "2100-02-29", errHas: "February 2100 has no day 29"},
		{in: "1900-02-29", errHas: "February 1900 has no day 29"},
		// Impossible dates.
		{in: "2026-02-30", errHas: `invalid date "2026-02-30": February has no day 30`},
		{in: "2028-02-30", errHas: "February has no day 30"},
		{in: "2026-04-31", errHas: "April has no day 31"},
		{in: "2026-11-31", errHas: "November has no day 31"},
		{in: "2026-12-32", errHas: "December has no day 32"},
		{in: "2026-13-01", errHas: `invalid date "2026-13-01": no month 13`},
		{in: "2026-00-10", errHas: "no month 0"},
		{in: "2026-11-00", errHas: "no day 0"},
		{in: "0000-01-01", errHas: "year 0 is before 1900"},
		{in: "0226-11-20", errHas: "year 226 is before 1900"},
		{in: "1899-12-31", errHas: "year 1899 is before 1900"},
		// Not 4-2-2 digits.
		{in: "2026-1-05", errHas: "want YYYY-MM-DD"},
		{in: "2026-11-5", errHas: "want YYYY-MM-DD"},
		{in: "26-11-20", errHas: "want YYYY-MM-DD"},
		{in: "20261-11-20", errHas: "want YYYY-MM-DD"},
		{in: "2026-1a-20", errHas: "want YYYY-MM-DD"},
		{in: "2026/11/20", errHas: "cannot read date"},
		{in: "20261120", errHas: "cannot read date"},
		{in: "2026-11-20x", errHas: "invalid time"},
		{in: "2026-11-20 tuesday", errHas: "invalid time"},
		// RFC 3339: that instant, given in now's location.
		{in: "2026-11-20T18:00:00Z", want: time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC)},
		{in: "2026-11-20T18:00:00+01:00", want: time.Date(2026, 11, 20, 17, 0, 0, 0, time.UTC)},
		{in: "2026-11-20T18:00:00-05:00", want: time.Date(2026, 11, 20, 23, 0, 0, 0, time.UTC)},
		{in: "2026-11-20t18:00:00z", want: time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC)},
		{in: "2026-11-20T18:00:00.250Z", want: time.Date(2026, 11, 20, 18, 0, 0, 250e6, time.UTC)},
		{in: "2030-01-01T00:00:00Z", want: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)},
		{in: "2026-02-30T18:00:00Z", errHas: "February has no day 30"},
		{in: "2026-11-20T25:00:00Z", errHas: "hour out of range"},
		{in: "2026-11-20T18:00:00+25:00", errHas: "invalid time"},
		{in: "2026-11-20T18:00Z", errHas: "invalid time"},
		{in: "2026-11-20T", errHas: "invalid time"},
		{in: "2026-11-20 18:00:00Z", errHas: "invalid time"},
		// Date and clock time, local to now's location.
		{in: "2026-11-20 18:00", want: at(2026, 11, 20, 18, 0, 0)},
		{in: "2026-11-20T18:00", want: at(2026, 11, 20, 18, 0, 0)},
		{in: "2026-11-20t18:00", want: at(2026, 11, 20, 18, 0, 0)},
		{in: "2026-11-20    18:00", want: at(2026, 11, 20, 18, 0, 0)},
		{in: "2026-11-20 18:00:05", want: at(2026, 11, 20, 18, 0, 5)},
		{in: "2026-11-20T18:00:05", want: at(2026, 11, 20, 18, 0, 5)},
		{in: "2026-11-20 00:00", want: at(2026, 11, 20, 0, 0, 0)},
		{in: "2026-11-20 23:59:59", want: at(2026, 11, 20, 23, 59, 59)},
		{in: "2026-11-20 24:00", errHas: "no hour 24"},
		{in: "2026-11-20T18:60", errHas: "no minute 60"},
		{in: "2026-11-20 18:00:60", errHas: "no second 60"},
		{in: "2026-11-20 6:00", errHas: "invalid time"},
		{in: "2026-11-20 18h00", errHas: "invalid time"},
		{in: "2026-11-20 18:00 pm", errHas: "invalid time"},
		{in: "2026-02-30 18:00", errHas: "February has no day 30"},
	}
}

// unreadableCases are phrases that neither direction reads.
func unreadableCases(hint string) []tc {
	var cases []tc
	for _, in := range []string{
		"", "   ", "next blursday", "blursday", "then", "now-ish", "nowish",
		"3", "3x", "3m", "3 months", "3y", "3h", "d", "days", "days ago", "in", "ago",
		"a day ago", "a week ago", "3 days from now", "-3d", "+3d", "3.5d", "3 d", "3dd", "d3",
		"three days ago", "next week", "last week", "this tuesday", "next", "last",
		"next next tuesday", "last 3 days", "18:00 tuesday", "tuesday 1800", "tuesday 18:0", "18h00 today",
		"in 3 days ago", "3 days ago ago", "in in 3d", "3 dayss", "tuesdays", "tu", "t",
		"today today", "mon.", "１d", "3\u00a0days\u00a0agoo",
		"\u1d1buesday", "3 wee\u212a", // look-alike letters are not letters of a keyword
	} {
		cases = append(cases, tc{in: in, errHas: hint})
	}
	return cases
}

func pastCases(now time.Time) []tc {
	loc := now.Location()
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, loc) }
	ago := func(days int) time.Time { return now.AddDate(0, 0, -days) }
	cases := []tc{
		{in: "now", want: now},
		{in: "NOW", want: now},
		{in: "today", want: day(11, 24), dateOnly: true},
		{in: "  Today\t", want: day(11, 24), dateOnly: true},
		{in: "yesterday", want: day(11, 23), dateOnly: true},
		{in: "YESTERDAY", want: day(11, 23), dateOnly: true},
		{in: "tomorrow", errHas: looksAhead},
		// Weekdays: the latest, today (a Tuesday) included.
		{in: "monday", want: day(11, 23), dateOnly: true},
		{in: "mon", want: day(11, 23), dateOnly: true},
		{in: "tuesday", want: day(11, 24), dateOnly: true},
		{in: "tue", want: day(11, 24), dateOnly: true},
		{in: "tues", want: day(11, 24), dateOnly: true},
		{in: "Tuesday", want: day(11, 24), dateOnly: true},
		{in: "wednesday", want: day(11, 18), dateOnly: true},
		{in: "wed", want: day(11, 18), dateOnly: true},
		{in: "thursday", want: day(11, 19), dateOnly: true},
		{in: "thu", want: day(11, 19), dateOnly: true},
		{in: "thur", want: day(11, 19), dateOnly: true},
		{in: "thurs", want: day(11, 19), dateOnly: true},
		{in: "friday", want: day(11, 20), dateOnly: true},
		{in: "FRI", want: day(11, 20), dateOnly: true},
		{in: "saturday", want: day(11, 21), dateOnly: true},
		{in: "sat", want: day(11, 21), dateOnly: true},
		{in: "sunday", want: day(11, 22), dateOnly: true},
		{in: "sun", want: day(11, 22), dateOnly: true},
		{in: "last tuesday", want: day(11, 17), dateOnly: true},
		{in: "last monday", want: day(11, 23), dateOnly: true},
		{in: "LAST   Friday", want: day(11, 20), dateOnly: true},
		{in: "last wed", want: day(11, 18), dateOnly: true},
		{in: "next tuesday", errHas: looksAhead},
		{in: "next fri", errHas: looksAhead},
		// Day words with a clock time.
		{in: "yesterday 18:00", want: time.Date(2026, 11, 23, 18, 0, 0, 0, loc)},
		{in: "friday 19:30", want: time.Date(2026, 11, 20, 19, 30, 0, 0, loc)},
		{in: "tuesday 08:15", want: time.Date(2026, 11, 24, 8, 15, 0, 0, loc)},
		{in: "last tuesday 18:00", want: time.Date(2026, 11, 17, 18, 0, 0, 0, loc)},
		{in: "today 07:05:09", want: time.Date(2026, 11, 24, 7, 5, 9, 0, loc)},
		{in: "08:00", want: time.Date(2026, 11, 24, 8, 0, 0, 0, loc)},
		{in: "YESTERDAY   23:59", want: time.Date(2026, 11, 23, 23, 59, 0, 0, loc)},
		{in: "tomorrow 18:00", errHas: looksAhead},
		{in: "3d 18:00", errHas: "a clock time goes after a day"},
		{in: "now 18:00", errHas: "a clock time goes after a day"},
		{in: "today 18:00 18:00", errHas: "a clock time goes after a day"},
		{in: "tuesday 25:00", errHas: "there is no 25:00"},
		{in: "tuesday 18:60", errHas: "there is no 18:60"},
		// Spans: the same clock time, calendar days ago.
		{in: "0d", want: now},
		{in: "0w", want: now},
		{in: "0 days ago", want: now},
		{in: "1d", want: ago(1)},
		{in: "3d", want: ago(3)},
		{in: "3D", want: ago(3)},
		{in: "03d", want: ago(3)},
		{in: "2w", want: ago(14)},
		{in: "30d", want: time.Date(2026, 10, 25, 9, 30, 0, 0, loc)},
		{in: "365d", want: time.Date(2025, 11, 24, 9, 30, 0, 0, loc)},
		{in: "1 day", want: ago(1)},
		{in: "3 days", want: ago(3)},
		{in: "1 week", want: ago(7)},
		{in: "2 weeks", want: ago(14)},
		{in: "1 day ago", want: ago(1)},
		{in: "3 days ago", want: ago(3)},
		{in: "3   DAYS   AGO", want: ago(3)},
		{in: "1 week ago", want: ago(7)},
		{in: "2 weeks ago", want: ago(14)},
		{in: "3d ago", want: ago(3)},
		{in: "2w ago", want: ago(14)},
		{in: "36500d", want: ago(36500)},
		{in: "36500 days ago", want: ago(36500)},
		{in: "5214w", want: ago(5214 * 7)},
		{in: "36501d", errHas: tooFar},
		{in: "5215w", errHas: tooFar},
		{in: "5215 weeks ago", errHas: tooFar},
		{in: "99999999999999999999999999d", errHas: tooFar},
		{in: "in 3 days", errHas: looksAhead},
		{in: "in 3d", errHas: looksAhead},
		{in: "in 2 weeks", errHas: looksAhead},
		{in: "in 0 days", errHas: looksAhead},
	}
	cases = append(cases, explicitCases(loc)...)
	return append(cases, unreadableCases(unreadablePast)...)
}

func futureCases(now time.Time) []tc {
	loc := now.Location()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, loc) }
	cases := []tc{
		{in: "now", want: now},
		{in: "today", want: day(2026, 11, 24), dateOnly: true},
		{in: "TODAY", want: day(2026, 11, 24), dateOnly: true},
		{in: "tomorrow", want: day(2026, 11, 25), dateOnly: true},
		{in: "  ToMoRRoW ", want: day(2026, 11, 25), dateOnly: true},
		{in: "yesterday", errHas: looksBack},
		// Day words with a clock time.
		{in: "tomorrow 09:00", want: time.Date(2026, 11, 25, 9, 0, 0, 0, loc)},
		{in: "friday 19:30", want: time.Date(2026, 11, 27, 19, 30, 0, 0, loc)},
		{in: "tuesday 18:00", want: time.Date(2026, 12, 1, 18, 0, 0, 0, loc)},
		{in: "3d 18:00", want: time.Date(2026, 11, 27, 18, 0, 0, 0, loc)},
		{in: "yesterday 18:00", errHas: looksBack},
		{in: "tuesday 24:00", errHas: "there is no 24:00"},
		// Weekdays: strictly after today, a Tuesday.
		{in: "wednesday", want: day(2026, 11, 25), dateOnly: true},
		{in: "wed", want: day(2026, 11, 25), dateOnly: true},
		{in: "thursday", want: day(2026, 11, 26), dateOnly: true},
		{in: "thurs", want: day(2026, 11, 26), dateOnly: true},
		{in: "friday", want: day(2026, 11, 27), dateOnly: true},
		{in: "Fri", want: day(2026, 11, 27), dateOnly: true},
		{in: "saturday", want: day(2026, 11, 28), dateOnly: true},
		{in: "sunday", want: day(2026, 11, 29), dateOnly: true},
		{in: "monday", want: day(2026, 11, 30), dateOnly: true},
		{in: "mon", want: day(2026, 11, 30), dateOnly: true},
		{in: "tuesday", want: day(2026, 12, 1), dateOnly: true},
		{in: "tue", want: day(2026, 12, 1), dateOnly: true},
		{in: "tues", want: day(2026, 12, 1), dateOnly: true},
		{in: "next tuesday", want: day(2026, 12, 1), dateOnly: true},
		{in: "next wednesday", want: day(2026, 11, 25), dateOnly: true},
		{in: "NEXT  sun", want: day(2026, 11, 29), dateOnly: true},
		{in: "last tuesday", errHas: looksBack},
		{in: "last friday", errHas: looksBack},
		// Spans: the day that many calendar days ahead.
		{in: "0d", want: day(2026, 11, 24), dateOnly: true},
		{in: "in 0 days", want: day(2026, 11, 24), dateOnly: true},
		{in: "1d", want: day(2026, 11, 25), dateOnly: true},
		{in: "3d", want: day(2026, 11, 27), dateOnly: true},
		{in: "3 days", want: day(2026, 11, 27), dateOnly: true},
		{in: "1 day", want: day(2026, 11, 25), dateOnly: true},
		{in: "7d", want: day(2026, 12, 1), dateOnly: true},
		{in: "38d", want: day(2027, 1, 1), dateOnly: true},
		{in: "2w", want: day(2026, 12, 8), dateOnly: true},
		{in: "1 week", want: day(2026, 12, 1), dateOnly: true},
		{in: "2 weeks", want: day(2026, 12, 8), dateOnly: true},
		{in: "in 3 days", want: day(2026, 11, 27), dateOnly: true},
		{in: "In 3 Days", want: day(2026, 11, 27), dateOnly: true},
		{in: "in   3d", want: day(2026, 11, 27), dateOnly: true},
		{in: "in 1 day", want: day(2026, 11, 25), dateOnly: true},
		{in: "in 2 weeks", want: day(2026, 12, 8), dateOnly: true},
		{in: "in 2w", want: day(2026, 12, 8), dateOnly: true},
		{in: "36500d", want: day(2026, 11, 24+36500), dateOnly: true},
		{in: "36501d", errHas: tooFar},
		{in: "in 5215 weeks", errHas: tooFar},
		{in: "3 days ago", errHas: looksBack},
		{in: "3d ago", errHas: looksBack},
		{in: "1 week ago", errHas: looksBack},
		{in: "0 days ago", errHas: looksBack},
	}
	cases = append(cases, explicitCases(loc)...)
	return append(cases, unreadableCases(unreadableFuture)...)
}

// run reads every case with read and reports any difference, saying what it
// wanted and what it got.
func run(t *testing.T, now time.Time, read func(string, time.Time) (Moment, error), cases []tc) {
	t.Helper()
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.in] {
			t.Errorf("case %q is listed twice", c.in)
			continue
		}
		seen[c.in] = true
		t.Run(c.name(), func(t *testing.T) {
			got, err := read(c.in, now)
			if c.errHas != "" {
				if err == nil {
					t.Fatalf("read(%q) = %v (DateOnly %v), want an error containing %q", c.in, got.Time, got.DateOnly, c.errHas)
				}
				checkError(t, c.in, err)
				if !strings.Contains(err.Error(), c.errHas) {
					t.Errorf("read(%q) error = %q, want it to contain %q", c.in, err, c.errHas)
				}
				if got != (Moment{}) {
					t.Errorf("read(%q) returned %+v with its error, want the zero Moment", c.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("read(%q) error = %v, want %v (DateOnly %v)", c.in, err, c.want, c.dateOnly)
			}
			if !got.Time.Equal(c.want) || got.DateOnly != c.dateOnly {
				t.Errorf("read(%q) = %v (DateOnly %v), want %v (DateOnly %v)", c.in, got.Time, got.DateOnly, c.want, c.dateOnly)
			}
			if got.Time.Location() != now.Location() {
				t.Errorf("read(%q) gave a time in %v, want now's location %v", c.in, got.Time.Location(), now.Location())
			}
		})
	}
}

// checkError checks the shape every error shares: it quotes the input, starts
// with a lowercase word and ends without a period.
func checkError(t *testing.T, in string, err error) {
	t.Helper()
	msg := err.Error()
	if !strings.Contains(msg, fmt.Sprintf("%q", in)) {
		t.Errorf("error %q does not quote the input %q", msg, in)
	}
	if msg == "" || msg[0] < 'a' || msg[0] > 'z' {
		t.Errorf("error %q does not start with a lowercase word", msg)
	}
	if strings.HasSuffix(msg, ".") {
		t.Errorf("error %q ends with a period", msg)
	}
}

var locations = []*time.Location{zoneX, time.UTC}

func TestNowIsTuesday(t *testing.T) {
	for _, loc := range locations {
		if wd := nowIn(loc).Weekday(); wd != time.Tuesday {
			t.Fatalf("the tests assume now is a Tuesday, got %v", wd)
		}
	}
}

func TestPast(t *testing.T) {
	for _, loc := range locations {
		t.Run(loc.String(), func(t *testing.T) {
			now := nowIn(loc)
			run(t, now, Past, pastCases(now))
		})
	}
}

func TestFuture(t *testing.T) {
	for _, loc := range locations {
		t.Run(loc.String(), func(t *testing.T) {
			now := nowIn(loc)
			run(t, now, Future, futureCases(now))
		})
	}
}

// TestErrorText pins the full text of the errors users see most.
func TestErrorText(t *testing.T) {
	now := nowIn(zoneX)
	for _, c := range []struct {
		name string
		read func(string, time.Time) (Moment, error)
		in   string
		want string
	}{
		{"past unreadable", Past, "next blursday", `cannot read date "next blursday" (try 2026-11-20, yesterday, tuesday, 3d or "3 days ago")`},
		{"future unreadable", Future, "next blursday", `cannot read date "next blursday" (try 2026-11-20, tomorrow, friday, 3d or "in 3 days")`},
		{"past empty", Past, "", `cannot read date "" (try 2026-11-20, yesterday, tuesday, 3d or "3 days ago")`},
		{"past tomorrow", Past, "tomorrow", `cannot read date "tomorrow" as a past date: it looks ahead`},
		{"future ago", Future, "3 days ago", `cannot read date "3 days ago" as a future date: it looks back`},
		{"no day 30", Past, "2026-02-30", `invalid date "2026-02-30": February has no day 30`},
		{"no month 13", Future, "2026-13-01", `invalid date "2026-13-01": no month 13`},
		{"not leap", Past, "2026-02-29", `invalid date "2026-02-29": February 2026 has no day 29`},
		{"too far", Past, "36501d", `date "36501d" is too far away (at most 36500 days, about 100 years)`},
		{"quotes untrimmed input", Past, " blursday ", `cannot read date " blursday " (try 2026-11-20, yesterday, tuesday, 3d or "3 days ago")`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.read(c.in, now)
			if err == nil || err.Error() != c.want {
				t.Errorf("error = %v, want %s", err, c.want)
			}
		})
	}
}

// TestDaysAreCountedInNowsLocation checks that one instant gives different
// days in different locations: at 02:00 UTC it is still yesterday in zone X.
func TestDaysAreCountedInNowsLocation(t *testing.T) {
	utc := time.Date(2026, 11, 25, 2, 0, 0, 0, time.UTC) // Wednesday in UTC
	inX := utc.In(zoneX)                                 // Tuesday 21:00 in X
	for _, c := range []struct {
		name string
		now  time.Time
		in   string
		want time.Time
	}{
		{"today in UTC", utc, "today", time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)},
		{"today in X", inX, "today", time.Date(2026, 11, 24, 0, 0, 0, 0, zoneX)},
		{"tuesday in UTC", utc, "tuesday", time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)},
		{"tuesday in X", inX, "tuesday", time.Date(2026, 11, 24, 0, 0, 0, 0, zoneX)},
		{"last tuesday in X", inX, "last tuesday", time.Date(2026, 11, 17, 0, 0, 0, 0, zoneX)},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Past(c.in, c.now)
			if err != nil || !got.Time.Equal(c.want) || !got.DateOnly {
				t.Errorf("Past(%q, %v) = %v (DateOnly %v), %v; want %v (DateOnly true)", c.in, c.now, got.Time, got.DateOnly, err, c.want)
			}
		})
	}
}

// TestClockChanges checks the calendar-day arithmetic across daylight saving
// time, and a day whose midnight the clock skips.
func TestClockChanges(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	sp, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		t.Fatal(err)
	}

	t.Run("past span keeps the clock time across spring forward", func(t *testing.T) {
		now := time.Date(2026, 3, 9, 9, 30, 0, 0, ny) // DST began 2026-03-08
		got, err := Past("2d", now)
		want := time.Date(2026, 3, 7, 9, 30, 0, 0, ny)
		if err != nil || !got.Time.Equal(want) {
			t.Fatalf("Past(2d) = %v, %v; want %v", got.Time, err, want)
		}
		if d := now.Sub(got.Time); d != 47*time.Hour {
			t.Errorf("2d before %v is %v earlier, want 47h (two calendar days with a short one)", now, d)
		}
	})

	t.Run("future span is a midnight across fall back", func(t *testing.T) {
		now := time.Date(2026, 10, 31, 22, 0, 0, 0, ny) // DST ends 2026-11-01
		got, err := Future("in 2 days", now)
		want := time.Date(2026, 11, 2, 0, 0, 0, 0, ny)
		if err != nil || !got.Time.Equal(want) || !got.DateOnly {
			t.Errorf("Future(in 2 days) = %v (DateOnly %v), %v; want %v", got.Time, got.DateOnly, err, want)
		}
	})

	// A day without a time is noon on the clock, on the days the clocks
	// change too: twelve hours after midnight was 11:00 or 13:00.
	for _, day := range []string{"2026-11-01", "2026-03-08", "2026-11-02"} {
		got, err := At(day, time.Date(2026, 11, 20, 9, 0, 0, 0, ny))
		if err != nil || got.Hour() != 12 || got.Minute() != 0 || got.Format("2006-01-02") != day {
			t.Errorf("At(%q) = %v, %v; want noon that day in New York", day, got, err)
		}
	}
	if got, err := At("2018-11-04", time.Date(2018, 11, 20, 12, 0, 0, 0, sp)); err != nil || got.Hour() != 12 {
		t.Errorf("At on the day São Paulo skipped midnight = %v, %v; want noon", got, err)
	}

	// A clock time the clocks skipped is read as the clock would have
	// shown it without the jump; one they showed twice, looking back, is
	// the later that has come.
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	syd, lon, ber := mustZone(t, "Australia/Sydney"), mustZone(t, "Europe/London"), mustZone(t, "Europe/Berlin")
	for _, c := range []struct {
		in   string
		now  time.Time
		want string
	}{
		{"2026-03-08 02:30", time.Date(2026, 3, 9, 8, 0, 0, 0, la), "2026-03-08T10:30:00Z"},       // 03:30 PDT
		{"yesterday 02:59", time.Date(2026, 3, 9, 8, 0, 0, 0, la), "2026-03-08T10:59:00Z"},        // 03:59 PDT
		{"01:45", time.Date(2026, 11, 1, 1, 50, 0, 0, la).Add(time.Hour), "2026-11-01T09:45:00Z"}, // 01:45 PST, 5 minutes ago
		{"01:45", time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC).In(la), "2026-11-01T08:45:00Z"},   // 01:30 PST: the PST 01:45 is to come
		{"2026-11-01 01:45", time.Date(2026, 11, 20, 8, 0, 0, 0, la), "2026-11-01T09:45:00Z"},
		{"2026-11-01 03:00", time.Date(2026, 11, 20, 8, 0, 0, 0, la), "2026-11-01T11:00:00Z"},
		// Go's time.Date reads these the other way round from Los Angeles.
		{"2026-10-04 02:30", time.Date(2026, 10, 4, 22, 0, 0, 0, syd), "2026-10-03T16:30:00Z"},                       // 03:30 AEDT
		{"02:00", time.Date(2026, 10, 4, 22, 0, 0, 0, syd), "2026-10-03T16:00:00Z"},                                  // 03:00 AEDT
		{"2027-04-04 02:30", time.Date(2027, 4, 10, 8, 0, 0, 0, syd), "2027-04-03T16:30:00Z"},                        // 02:30 AEST, the later
		{"01:05", time.Date(2026, 10, 25, 1, 10, 0, 0, time.FixedZone("BST", 3600)).In(lon), "2026-10-25T00:05:00Z"}, // 01:05 BST, 5 minutes ago
		{"01:05", time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC).In(lon), "2026-10-25T01:05:00Z"},                    // 01:30 GMT: both have come
		{"2026-03-29 02:30", time.Date(2026, 4, 1, 8, 0, 0, 0, ber), "2026-03-29T01:30:00Z"},                         // 03:30 CEST
	} {
		got, err := At(c.in, c.now)
		if err != nil || got.UTC().Format(time.RFC3339) != c.want {
			t.Errorf("At(%q) at %v = %v, %v; want %s", c.in, c.now, got.UTC(), err, c.want)
		}
	}

	// In São Paulo on 2018-11-04 the clocks went from 00:00 straight to 01:00.
	skipped := time.Date(2018, 11, 4, 3, 0, 0, 0, time.UTC) // 01:00 -02, the day's first instant
	for _, c := range []struct {
		name string
		read func(string, time.Time) (Moment, error)
		in   string
		now  time.Time
	}{
		{"tomorrow", Future, "tomorrow", time.Date(2018, 11, 3, 12, 0, 0, 0, sp)},
		{"today", Past, "today", time.Date(2018, 11, 4, 12, 0, 0, 0, sp)},
		{"date", Past, "2018-11-04", time.Date(2018, 11, 20, 12, 0, 0, 0, sp)},
		{"weekday", Future, "sunday", time.Date(2018, 11, 1, 12, 0, 0, 0, sp)},
	} {
		t.Run("skipped midnight/"+c.name, func(t *testing.T) {
			got, err := c.read(c.in, c.now)
			if err != nil || !got.Time.Equal(skipped) || !got.DateOnly {
				t.Errorf("read(%q) = %v (DateOnly %v), %v; want %v", c.in, got.Time, got.DateOnly, err, skipped.In(sp))
			}
			if y, m, d := got.Time.Date(); y != 2018 || m != 11 || d != 4 {
				t.Errorf("read(%q) = %v, which is not on 2018-11-04", c.in, got.Time)
			}
		})
	}
}

// TestNeverReadsTheClock checks that a now far from the real one is honoured.
func TestNeverReadsTheClock(t *testing.T) {
	now := time.Date(1999, 12, 31, 23, 59, 0, 0, zoneX)
	got, err := Future("tomorrow", now)
	want := time.Date(2000, 1, 1, 0, 0, 0, 0, zoneX)
	if err != nil || !got.Time.Equal(want) {
		t.Errorf("Future(tomorrow) at %v = %v, %v; want %v", now, got.Time, err, want)
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
