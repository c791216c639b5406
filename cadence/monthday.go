package cadence

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// MonthDay is a date that comes back every year: a birthday or an
// anniversary. Year is 0 when it is not known.
type MonthDay struct {
	Year  int
	Month time.Month
	Day   int
}

// IsZero reports whether no date is set.
func (d MonthDay) IsZero() bool { return d.Month == 0 }

// String formats the date as YYYY-MM-DD, or --MM-DD without a year (the
// vCard and ISO 8601 form for a year-less date), or "" when unset.
func (d MonthDay) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Year == 0:
		return fmt.Sprintf("--%02d-%02d", int(d.Month), d.Day)
	default:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
}

// ParseMonthDay reads MM-DD, --MM-DD or YYYY-MM-DD and rejects dates that do
// not exist (02-30, 2026-13-01, 1990-02-29). A year-less 02-29 is allowed:
// some people are born on a leap day.
func ParseMonthDay(s string) (MonthDay, error) {
	bad := func() (MonthDay, error) {
		return MonthDay{}, fmt.Errorf("invalid date %q (want MM-DD or YYYY-MM-DD)", s)
	}
	t := strings.TrimPrefix(strings.TrimSpace(s), "--")
	parts := strings.Split(t, "-")
	var d MonthDay
	switch {
	case len(parts) == 2 && len(parts[0]) == 2 && len(parts[1]) == 2:
	case len(parts) == 3 && len(parts[0]) == 4 && len(parts[1]) == 2 && len(parts[2]) == 2 && !strings.HasPrefix(strings.TrimSpace(s), "--"):
		y, err := strconv.Atoi(parts[0])
		if err != nil || y < 1 || parts[0][0] == '+' {
			return bad()
		}
		d.Year = y
		parts = parts[1:]
	default:
		return bad()
	}
	m, err1 := strconv.Atoi(parts[0])
	day, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || parts[0][0] == '+' || parts[1][0] == '+' {
		return bad()
	}
	d.Month, d.Day = time.Month(m), day
	if d.Month < 1 || d.Month > 12 {
		return MonthDay{}, fmt.Errorf("invalid date %q: no month %d", s, m)
	}
	if !d.valid() {
		return MonthDay{}, fmt.Errorf("invalid date %q: %s has no day %d", s, d.Month, day)
	}
	return d, nil
}

func (d MonthDay) valid() bool {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	year := d.Year
	if year == 0 {
		year = 2000 // a leap year, so that --02-29 is a valid birthday
	}
	return d.Day <= daysIn(year, d.Month)
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Next returns the first occurrence of the date on or after the day of from,
// at midnight in from's location. A leap-day date falls on 28 February in
// years without a 29th.
func (d MonthDay) Next(from time.Time) time.Time {
	today := startOfDay(from)
	for year := today.Year(); ; year++ {
		day := d.Day
		if n := daysIn(year, d.Month); day > n {
			day = n
		}
		t := time.Date(year, d.Month, day, 0, 0, 0, 0, from.Location())
		if !t.Before(today) {
			return t
		}
	}
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// DaysBetween counts calendar days from a to b in b's location: 0 on the
// same day, 1 from yesterday to today, negative when a is after b.
func DaysBetween(a, b time.Time) int {
	a = a.In(b.Location())
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	// Counting in UTC avoids daylight-saving days of 23 or 25 hours.
	da := time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// ParseDated reads an important date as typed, LABEL=MM-DD (or
// LABEL=YYYY-MM-DD). The errors name what was typed or the label; callers
// say which flag or field it came from.
func ParseDated(raw string) (Dated, error) {
	label, date, ok := strings.Cut(raw, "=")
	if !ok || strings.TrimSpace(label) == "" {
		return Dated{}, fmt.Errorf("%q: want LABEL=MM-DD, such as anniversary=06-01", raw)
	}
	d, err := ParseMonthDay(date)
	if err != nil {
		return Dated{}, fmt.Errorf("%s: %w", strings.TrimSpace(label), err)
	}
	return Dated{Label: label, Date: d}, nil
}
