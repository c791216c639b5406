// Package when reads the date phrases tend accepts on its command line, such
// as "yesterday", "tuesday", "3d", "in 2 weeks" or "2026-11-20".
//
// The grammar is small and strict on purpose. A phrase the package does not
// understand is an error, never a guess and never silently "now". It reads no
// clock: the moment called now is always a parameter, and days are counted in
// now's location, so a caller that wants the user's local days passes
// now.In(time.Local).
//
// The phrases, matched without regard to case and with any runs of spaces:
//
//	2026-11-20                  that day
//	2026-11-20T18:00:00Z        that instant (RFC 3339, any offset)
//	2026-11-20 18:00            that clock time in now's location
//	2026-11-20T18:00            (also with seconds, 18:00:05)
//	now                         now
//	today                       today
//	yesterday                   the day before today (Past only)
//	tomorrow                    the day after today (Future only)
//	tuesday, tue                in Past the latest Tuesday, today included,
//	                            in Future the next one strictly after today
//	last tuesday                the Tuesday strictly before today, Past only
//	next tuesday                the next one, Future only
//	yesterday 18:00             any of the day words above with a clock
//	friday 19:30                time (HH:MM or HH:MM:SS): that time that day,
//	today 08:00:30              in now's location
//	18:00                       that time today
//	3d, 3 days, 2w, 1 week      a span: in Past the same clock time that many
//	                            calendar days ago, in Future the day that
//	                            many calendar days ahead
//	3 days ago, 3d ago          a span, Past only
//	in 3 days, in 3d            a span, Future only
//
// A span is at most 36500 days (about 100 years); 0d is now in Past and today
// in Future. Dates must name years from 1900 to 9999. Past does not reject a
// result after now, nor Future one before now: an explicit date or timestamp
// is returned in either direction, and callers judge it with their own words.
// Only phrases that point the wrong way by their wording ("tomorrow" in Past,
// "3 days ago" in Future) are errors.
package when

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// MaxDays is the longest span, in days, that a phrase such as "3d" or
// "2 weeks" may name.
const MaxDays = 36500

// minYear is the earliest year an explicit date may name. Earlier years are
// taken for typos (0226 for 2026) rather than guessed at; it also keeps every
// result clear of the zero time.Time.
const minYear = 1900

// Moment is a parsed phrase. When DateOnly is true the phrase named a day, not
// an instant, and Time is midnight at the start of that day in now's location
// (or, on the rare day a clock change skips midnight, the first instant of
// that day). When DateOnly is false Time is an instant, given in now's
// location.
type Moment struct {
	Time     time.Time
	DateOnly bool
}

// Past reads a phrase that looks back from now, as for --at and --since. It
// returns an error, quoting s, for a phrase it cannot read and for one that
// looks ahead by its wording, such as "tomorrow" or "next friday".
func Past(s string, now time.Time) (Moment, error) {
	return parse(s, now, past)
}

// Future reads a phrase that looks ahead from now, as for --until and --on.
// It returns an error, quoting s, for a phrase it cannot read and for one that
// looks back by its wording, such as "yesterday" or "3 days ago".
func Future(s string, now time.Time) (Moment, error) {
	return parse(s, now, future)
}

// direction is the way a phrase looks from now.
type direction int

const (
	either direction = iota
	past
	future
)

func parse(s string, now time.Time, dir direction) (Moment, error) {
	m, err := read(s, now, dir)
	if err != nil {
		return Moment{}, err
	}
	return m, nil
}

func read(s string, now time.Time, dir direction) (Moment, error) {
	words := strings.Fields(asciiLower(s))
	if len(words) == 0 {
		return Moment{}, unreadable(s, dir)
	}
	// A day word followed by a clock time ("yesterday 18:00", "friday
	// 19:30"), or a clock time alone, for today. An explicit date with a
	// time is read by explicit, below.
	if last := words[len(words)-1]; (len(last) == 5 || len(last) == 8) && strings.Contains(last, ":") &&
		!(len(words) == 2 && strings.Contains(words[0], "-")) {
		h, mi, sec, ok := hms(last)
		if !ok {
			return Moment{}, fmt.Errorf("invalid time %q: want a clock time such as 18:00", s)
		}
		if h > 23 || mi > 59 || sec > 59 {
			return Moment{}, fmt.Errorf("invalid time %q: there is no %s", s, last)
		}
		y, mo, d := now.Date()
		day := Moment{Time: midnight(y, mo, d, now.Location()), DateOnly: true}
		if len(words) > 1 {
			var err error
			if day, err = read(strings.Join(words[:len(words)-1], " "), now, dir); err != nil {
				return Moment{}, fmt.Errorf("cannot read date %q: %s", s, strings.TrimPrefix(err.Error(), "cannot read date "))
			}
			if !day.DateOnly {
				return Moment{}, fmt.Errorf("cannot read date %q: a clock time goes after a day, such as \"yesterday 18:00\"", s)
			}
		}
		y, mo, d = day.Time.Date()
		return Moment{Time: wallClock(y, mo, d, h, mi, sec, now, dir)}, nil
	}
	loc := now.Location()
	y, mo, d := now.Date()
	day := func(offset int) Moment {
		return Moment{Time: midnight(y, mo, d+offset, loc), DateOnly: true}
	}

	if len(words) == 1 {
		switch words[0] {
		case "now":
			return Moment{Time: now}, nil
		case "today":
			return day(0), nil
		case "yesterday":
			if err := check(s, dir, past); err != nil {
				return Moment{}, err
			}
			return day(-1), nil
		case "tomorrow":
			if err := check(s, dir, future); err != nil {
				return Moment{}, err
			}
			return day(1), nil
		}
	}

	if c := words[0][0]; c >= '0' && c <= '9' && strings.Contains(words[0], "-") {
		return explicit(s, words, now, dir)
	}

	if wd, want, ok := weekdayPhrase(words); ok {
		if err := check(s, dir, want); err != nil {
			return Moment{}, err
		}
		today := now.Weekday()
		var delta int
		if dir == past {
			// A bare weekday is the latest such day, today included
			// (--at friday on a Friday is today); "last friday" is
			// the one before.
			delta = -int((today - wd + 7) % 7)
			if delta == 0 && want == past {
				delta = -7
			}
		} else {
			delta = int((wd - today + 7) % 7)
			if delta == 0 {
				delta = 7
			}
		}
		return day(delta), nil
	}

	if days, want, ok, err := spanPhrase(s, words); ok {
		if err != nil {
			return Moment{}, err
		}
		if err := check(s, dir, want); err != nil {
			return Moment{}, err
		}
		if dir == past {
			return Moment{Time: now.AddDate(0, 0, -days)}, nil
		}
		return day(days), nil
	}

	return Moment{}, unreadable(s, dir)
}

// check returns an error if a phrase worded to look the way want looks is
// read in the other direction dir.
func check(s string, dir, want direction) error {
	switch {
	case want == either || want == dir:
		return nil
	case dir == past:
		return fmt.Errorf("cannot read date %q as a past date: it looks ahead", s)
	default:
		return fmt.Errorf("cannot read date %q as a future date: it looks back", s)
	}
}

func unreadable(s string, dir direction) error {
	if dir == future {
		return fmt.Errorf("cannot read date %q (try 2026-11-20, tomorrow, friday, 3d or \"in 3 days\")", s)
	}
	return fmt.Errorf("cannot read date %q (try 2026-11-20, yesterday, tuesday, 3d or \"3 days ago\")", s)
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "sun": time.Sunday,
	"monday": time.Monday, "mon": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday,
	"thursday": time.Thursday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"friday": time.Friday, "fri": time.Friday,
	"saturday": time.Saturday, "sat": time.Saturday,
}

// weekdayPhrase reads "tuesday", "last tuesday" or "next tuesday".
func weekdayPhrase(words []string) (wd time.Weekday, want direction, ok bool) {
	switch {
	case len(words) == 1:
		wd, ok = weekdays[words[0]]
		return wd, either, ok
	case len(words) == 2 && words[0] == "last":
		wd, ok = weekdays[words[1]]
		return wd, past, ok
	case len(words) == 2 && words[0] == "next":
		wd, ok = weekdays[words[1]]
		return wd, future, ok
	}
	return 0, either, false
}

// spanPhrase reads "3d", "3 days", "3 days ago", "in 3 days" and the like. It
// reports ok when words have the shape of a span, and then err if the span is
// too long.
func spanPhrase(s string, words []string) (days int, want direction, ok bool, err error) {
	want = either
	if len(words) > 1 && words[0] == "in" {
		want, words = future, words[1:]
	} else if len(words) > 1 && words[len(words)-1] == "ago" {
		want, words = past, words[:len(words)-1]
	}
	var num, unit string
	switch len(words) {
	case 1:
		w := words[0]
		i := strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' })
		if i <= 0 {
			return 0, either, false, nil
		}
		num, unit = w[:i], w[i:]
		if unit != "d" && unit != "w" {
			return 0, either, false, nil
		}
	case 2:
		num, unit = words[0], words[1]
		if unit == "d" || unit == "w" || strings.ContainsFunc(num, func(r rune) bool { return r < '0' || r > '9' }) {
			return 0, either, false, nil
		}
	default:
		return 0, either, false, nil
	}
	per := 0
	switch unit {
	case "d", "day", "days":
		per = 1
	case "w", "week", "weeks":
		per = 7
	default:
		return 0, either, false, nil
	}
	n, perr := strconv.ParseUint(num, 10, 64)
	if perr != nil || n > MaxDays/uint64(per) {
		return 0, want, true, fmt.Errorf("date %q is too far away (at most %d days, about 100 years)", s, MaxDays)
	}
	return int(n) * per, want, true, nil
}

// explicit reads 2026-11-20, 2026-11-20 18:00, 2026-11-20T18:00 and RFC 3339
// timestamps. words[0] starts with a digit and holds a hyphen.
func explicit(s string, words []string, now time.Time, dir direction) (Moment, error) {
	loc := now.Location()
	first := words[0]
	datePart, rest := first, ""
	if len(first) > 10 {
		datePart, rest = first[:10], first[10:]
	}
	y, m, d, err := ymd(s, datePart)
	if err != nil {
		return Moment{}, err
	}
	badTime := func(why string) error {
		return fmt.Errorf("invalid time %q: %s", s, why)
	}
	const want = `want 2026-11-20T18:00:00Z, 2026-11-20T18:00 or "2026-11-20 18:00"`

	var clock string
	switch {
	case len(words) == 1 && rest == "":
		return Moment{Time: midnight(y, time.Month(m), d, loc), DateOnly: true}, nil
	case len(words) == 2 && rest == "":
		clock = words[1]
	case len(words) == 1 && rest[0] == 't':
		clock = rest[1:]
	default:
		return Moment{}, badTime(want)
	}

	if len(clock) == 5 || len(clock) == 8 {
		if h, mi, sec, ok := hms(clock); ok {
			if h > 23 {
				return Moment{}, badTime(fmt.Sprintf("no hour %d", h))
			}
			if mi > 59 {
				return Moment{}, badTime(fmt.Sprintf("no minute %d", mi))
			}
			if sec > 59 {
				return Moment{}, badTime(fmt.Sprintf("no second %d", sec))
			}
			return Moment{Time: wallClock(y, time.Month(m), d, h, mi, sec, now, dir)}, nil
		}
	}
	if len(words) == 1 {
		t, err := time.Parse(time.RFC3339, strings.ToUpper(first))
		if err == nil {
			return Moment{Time: t.In(loc)}, nil
		}
		var perr *time.ParseError
		if errors.As(err, &perr) && perr.Message != "" {
			return Moment{}, badTime(strings.TrimPrefix(perr.Message, ": "))
		}
	}
	return Moment{}, badTime(want)
}

// hms reads HH:MM or HH:MM:SS, two digits each, without judging the ranges.
func hms(clock string) (h, m, s int, ok bool) {
	two := func(i int) (int, bool) {
		a, b := clock[i], clock[i+1]
		if a < '0' || a > '9' || b < '0' || b > '9' {
			return 0, false
		}
		return int(a-'0')*10 + int(b-'0'), true
	}
	var okH, okM, okS bool
	h, okH = two(0)
	m, okM = two(3)
	ok = okH && okM && clock[2] == ':'
	if len(clock) == 8 {
		s, okS = two(6)
		ok = ok && okS && clock[5] == ':'
	}
	return h, m, s, ok
}

var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// ymd reads a strict YYYY-MM-DD and checks that the day exists.
func ymd(s, date string) (y, m, d int, err error) {
	shape := len(date) == 10 && date[4] == '-' && date[7] == '-'
	for i := 0; shape && i < len(date); i++ {
		if i != 4 && i != 7 && (date[i] < '0' || date[i] > '9') {
			shape = false
		}
	}
	if !shape {
		return 0, 0, 0, fmt.Errorf("invalid date %q: want YYYY-MM-DD, such as 2026-11-20", s)
	}
	y, _ = strconv.Atoi(date[:4])
	m, _ = strconv.Atoi(date[5:7])
	d, _ = strconv.Atoi(date[8:])
	bad := func(why string, args ...any) error {
		return fmt.Errorf("invalid date %q: %s", s, fmt.Sprintf(why, args...))
	}
	switch {
	case y < minYear:
		return 0, 0, 0, bad("year %d is before %d", y, minYear)
	case m < 1 || m > 12:
		return 0, 0, 0, bad("no month %d", m)
	case d < 1:
		return 0, 0, 0, bad("no day %d", d)
	case m == 2 && d == 29 && !leap(y):
		return 0, 0, 0, bad("February %d has no day 29", y)
	case d > monthDays[m] && !(m == 2 && d == 29):
		return 0, 0, 0, bad("%s has no day %d", time.Month(m), d)
	}
	return y, m, d, nil
}

func leap(y int) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

// midnight returns the start of the given day in loc. Where a clock change
// skips midnight, time.Date may land on the evening before; the start of the
// day is then the change itself, the first instant whose date is that day.
func midnight(y int, m time.Month, d int, loc *time.Location) time.Time {
	t := time.Date(y, m, d, 0, 0, 0, 0, loc)
	if _, _, got := t.Date(); got != time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Day() {
		h, mi, sec := t.Clock()
		t = t.Add(24*time.Hour - time.Duration(h*3600+mi*60+sec)*time.Second)
	}
	return t
}

// asciiLower lowers ASCII letters only, so that no other rune (such as the
// Kelvin sign) can turn into a letter of a keyword.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, s)
}

// wallClock is the moment a clock in now's location showed h:mi:sec on the
// day, the days the clocks change too. A time the clocks skipped (02:30
// when they go from 02:00 to 03:00) is read as the clock would have shown
// it had it not jumped: 03:30. A time they showed twice (01:45 when they go
// back) is, looking back, the later of the two that has come, and looking
// ahead the earlier.
func wallClock(y int, mo time.Month, d, h, mi, sec int, now time.Time, dir direction) time.Time {
	loc := now.Location()
	t := time.Date(y, mo, d, h, mi, sec, 0, loc)
	_, before := t.Add(-3 * time.Hour).Zone()
	_, after := t.Add(3 * time.Hour).Zone()
	if before == after {
		return t
	}
	// Which reading time.Date gives on these days depends on the zone's
	// data (Los Angeles and Sydney differ), so both are made here: the
	// clock time read in the offset before the change, and in the one after.
	wall := time.Date(y, mo, d, h, mi, sec, 0, time.UTC)
	first := wall.Add(-time.Duration(before) * time.Second).In(loc)
	second := wall.Add(-time.Duration(after) * time.Second).In(loc)
	shows := func(u time.Time) bool {
		uy, um, ud := u.Date()
		uh, umi, usec := u.Clock()
		return uy == y && um == mo && ud == d && uh == h && umi == mi && usec == sec
	}
	switch {
	case shows(first) && shows(second):
		// Shown twice (the clocks went back): first is the earlier.
		if first.After(second) {
			first, second = second, first
		}
		if dir == past && !second.After(now.Add(Slack)) {
			return second
		}
		return first
	case shows(second):
		return second
	default:
		// shows(first), or skipped: the clock had it not jumped.
		return first
	}
}
