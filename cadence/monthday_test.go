package cadence

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestParseMonthDay(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want MonthDay
	}{
		{"04-15", MonthDay{Month: time.April, Day: 15}},
		{"--04-15", MonthDay{Month: time.April, Day: 15}},
		{"1990-04-15", MonthDay{Year: 1990, Month: time.April, Day: 15}},
		{"--02-29", MonthDay{Month: time.February, Day: 29}},
		{"02-29", MonthDay{Month: time.February, Day: 29}},
		{"2000-02-29", MonthDay{Year: 2000, Month: time.February, Day: 29}},
		{"1992-02-29", MonthDay{Year: 1992, Month: time.February, Day: 29}},
		{"01-01", MonthDay{Month: time.January, Day: 1}},
		{"12-31", MonthDay{Month: time.December, Day: 31}},
		{"--11-30", MonthDay{Month: time.November, Day: 30}},
		{"0001-01-01", MonthDay{Year: 1, Month: time.January, Day: 1}},
		{" 04-15\n", MonthDay{Month: time.April, Day: 15}},
		{" --04-15", MonthDay{Month: time.April, Day: 15}},
	}
	for _, tc := range tests {
		t.Run(strconv.Quote(tc.in), func(t *testing.T) {
			got, err := ParseMonthDay(tc.in)
			if err != nil || got != tc.want {
				t.Errorf("ParseMonthDay(%q) = %+v, %v; want %+v, nil", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseMonthDayInvalid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in string
		// wantIn is a part of the error message beyond the quoted input, or "".
		wantIn string
	}{
		{"02-30", "February has no day 30"},
		{"2026-13-01", "month 13"},
		{"1990-02-29", "February has no day 29"},
		{"1900-02-29", "February has no day 29"},
		{"13-01", "month 13"},
		{"00-10", "month 0"},
		{"04-31", "April has no day 31"},
		{"04-00", "April has no day 0"},
		{"4-15", ""},
		{"04-5", ""},
		{"", ""},
		{"abc", ""},
		{"ab-cd", ""},
		{"--1990-04-15", ""},
		{"+4-15", ""},
		{"04-+5", ""},
		{"+990-04-15", ""},
		{"1990-+4-15", ""},
		{"0000-04-15", ""},
		{"-04-15", ""},
		{"----04-15", ""},
		{"04/15", ""},
		{"1990-4-15", ""},
		{"90-04-15", ""},
		{"04-15-", ""},
		{"1990-04-15T00:00:00Z", ""},
		{"04-15 1990", ""},
	}
	for _, tc := range tests {
		t.Run(strconv.Quote(tc.in), func(t *testing.T) {
			got, err := ParseMonthDay(tc.in)
			if err == nil {
				t.Fatalf("ParseMonthDay(%q) = %+v, nil; want an error", tc.in, got)
			}
			if !got.IsZero() {
				t.Errorf("ParseMonthDay(%q) returned %+v with its error; want the zero MonthDay", tc.in, got)
			}
			msg := err.Error()
			if !strings.Contains(msg, strconv.Quote(tc.in)) {
				t.Errorf("ParseMonthDay(%q) error = %q; want it to quote the input as %s", tc.in, msg, strconv.Quote(tc.in))
			}
			if tc.wantIn != "" && !strings.Contains(msg, tc.wantIn) {
				t.Errorf("ParseMonthDay(%q) error = %q; want it to contain %q", tc.in, msg, tc.wantIn)
			}
		})
	}
}

func TestMonthDayString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   MonthDay
		want string
	}{
		{"unset", MonthDay{}, ""},
		{"without year", MonthDay{Month: time.April, Day: 15}, "--04-15"},
		{"leap day without year", MonthDay{Month: time.February, Day: 29}, "--02-29"},
		{"with year", MonthDay{Year: 1990, Month: time.April, Day: 15}, "1990-04-15"},
		{"small year is padded", MonthDay{Year: 5, Month: time.January, Day: 2}, "0005-01-02"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.in.String(); got != tc.want {
				t.Errorf("%+v.String() = %q; want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMonthDayRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in         string
		wantString string
	}{
		{"04-15", "--04-15"},
		{"--04-15", "--04-15"},
		{"1990-04-15", "1990-04-15"},
		{"--02-29", "--02-29"},
		{"02-29", "--02-29"},
		{"2000-02-29", "2000-02-29"},
		{"12-31", "--12-31"},
		{"0001-01-01", "0001-01-01"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d, err := ParseMonthDay(tc.in)
			if err != nil {
				t.Fatalf("ParseMonthDay(%q) error %v; want none", tc.in, err)
			}
			s := d.String()
			if s != tc.wantString {
				t.Errorf("ParseMonthDay(%q).String() = %q; want %q", tc.in, s, tc.wantString)
			}
			again, err := ParseMonthDay(s)
			if err != nil || again != d {
				t.Errorf("ParseMonthDay(%q) = %+v, %v; want %+v, nil (the round trip of %q)", s, again, err, d, tc.in)
			}
		})
	}
}

func TestMonthDayIsZero(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   MonthDay
		want bool
	}{
		{"zero value", MonthDay{}, true},
		{"set without year", MonthDay{Month: time.April, Day: 15}, false},
		{"set with year", MonthDay{Year: 1990, Month: time.April, Day: 15}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.in.IsZero(); got != tc.want {
				t.Errorf("%+v.IsZero() = %v; want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestMonthDayNext(t *testing.T) {
	t.Parallel()
	tokyo := time.FixedZone("UTC+9", 9*60*60)
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	apr15 := MonthDay{Month: time.April, Day: 15}
	leap := MonthDay{Month: time.February, Day: 29}
	tests := []struct {
		name string
		d    MonthDay
		from time.Time
		want time.Time
	}{
		{"day before", apr15, utc(2026, 4, 14, 9, 30), utc(2026, 4, 15, 0, 0)},
		{"same day, morning", apr15, utc(2026, 4, 15, 0, 0), utc(2026, 4, 15, 0, 0)},
		{"same day, late evening", apr15, utc(2026, 4, 15, 23, 59), utc(2026, 4, 15, 0, 0)},
		{"day after goes to next year", apr15, utc(2026, 4, 16, 0, 0), utc(2027, 4, 15, 0, 0)},
		{"year is ignored", MonthDay{Year: 1990, Month: time.April, Day: 15}, utc(2026, 5, 1, 12, 0), utc(2027, 4, 15, 0, 0)},
		{"across year end", MonthDay{Month: time.January, Day: 1}, utc(2026, 12, 31, 22, 0), utc(2027, 1, 1, 0, 0)},
		{"new year's eve on new year's eve", MonthDay{Month: time.December, Day: 31}, utc(2026, 12, 31, 22, 0), utc(2026, 12, 31, 0, 0)},
		{"new year's eve from new year's day", MonthDay{Month: time.December, Day: 31}, utc(2027, 1, 1, 0, 0), utc(2027, 12, 31, 0, 0)},
		{"leap day in a common year falls on 28 Feb", leap, utc(2027, 2, 28, 9, 30), utc(2027, 2, 28, 0, 0)},
		{"leap day seen from autumn before a common year", leap, utc(2026, 11, 24, 9, 30), utc(2027, 2, 28, 0, 0)},
		{"leap day after 28 Feb of a common year", leap, utc(2027, 3, 1, 0, 0), utc(2028, 2, 29, 0, 0)},
		{"leap day in a leap year", leap, utc(2028, 2, 1, 0, 0), utc(2028, 2, 29, 0, 0)},
		{"leap day on 28 Feb of a leap year is tomorrow", leap, utc(2028, 2, 28, 12, 0), utc(2028, 2, 29, 0, 0)},
		{"leap day on itself", leap, utc(2028, 2, 29, 23, 0), utc(2028, 2, 29, 0, 0)},
		{"leap day after a leap year's 29 Feb", leap, utc(2028, 3, 1, 0, 0), utc(2029, 2, 28, 0, 0)},
		{"leap day in 2100, a century without 29 Feb", leap, utc(2100, 1, 1, 0, 0), utc(2100, 2, 28, 0, 0)},
		{"day counted in from's location", apr15, time.Date(2026, 4, 14, 20, 0, 0, 0, time.UTC).In(tokyo), time.Date(2026, 4, 15, 0, 0, 0, 0, tokyo)},
		{"result at midnight in from's location", apr15, time.Date(2026, 4, 1, 8, 0, 0, 0, tokyo), time.Date(2026, 4, 15, 0, 0, 0, 0, tokyo)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.d.Next(tc.from)
			if !got.Equal(tc.want) || got.Location() != tc.want.Location() {
				t.Errorf("%s.Next(%s) = %s; want %s", tc.d, tc.from.Format(time.RFC3339), got.Format(time.RFC3339), tc.want.Format(time.RFC3339))
			}
		})
	}
}

func TestDaysBetween(t *testing.T) {
	t.Parallel()
	plus1 := time.FixedZone("UTC+1", 60*60)
	plus2 := time.FixedZone("UTC+2", 2*60*60)
	minus8 := time.FixedZone("UTC-8", -8*60*60)
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	tests := []struct {
		name string
		a, b time.Time
		want int
	}{
		{"same moment", utc(2026, 11, 24, 9, 30), utc(2026, 11, 24, 9, 30), 0},
		{"same day, start to end", utc(2026, 11, 24, 0, 0), utc(2026, 11, 24, 23, 59), 0},
		{"yesterday late to today early", utc(2026, 11, 23, 23, 59), utc(2026, 11, 24, 0, 1), 1},
		{"yesterday to today, more than a day", utc(2026, 11, 23, 0, 0), utc(2026, 11, 24, 23, 0), 1},
		{"design example", utc(2026, 10, 12, 18, 0), utc(2026, 11, 24, 9, 30), 43},
		{"negative when a is after b", utc(2026, 11, 26, 8, 0), utc(2026, 11, 24, 9, 30), -2},
		{"across year end", utc(2026, 12, 31, 23, 0), utc(2027, 1, 1, 1, 0), 1},
		{"a whole common year", utc(2026, 3, 1, 0, 0), utc(2027, 3, 1, 0, 0), 365},
		{"across a leap day", utc(2028, 2, 28, 12, 0), utc(2028, 3, 1, 12, 0), 2},
		{"a whole leap year", utc(2028, 1, 1, 0, 0), utc(2029, 1, 1, 0, 0), 366},
		// Days are counted in b's location.
		{"a in UTC is the same day in b's zone", utc(2026, 11, 23, 23, 30), time.Date(2026, 11, 24, 8, 0, 0, 0, plus1), 0},
		{"a in another zone is yesterday in UTC", time.Date(2026, 11, 24, 0, 30, 0, 0, plus2), utc(2026, 11, 24, 9, 0), 1},
		{"a in UTC is yesterday in a western zone", utc(2026, 11, 24, 5, 0), time.Date(2026, 11, 24, 9, 30, 0, 0, minus8), 1},
		{"both in a western zone", time.Date(2026, 11, 23, 23, 0, 0, 0, minus8), time.Date(2026, 11, 24, 0, 30, 0, 0, minus8), 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := DaysBetween(tc.a, tc.b); got != tc.want {
				t.Errorf("DaysBetween(%s, %s) = %d; want %d", tc.a.Format(time.RFC3339), tc.b.Format(time.RFC3339), got, tc.want)
			}
		})
	}
}

func TestDaysBetweenDST(t *testing.T) {
	t.Parallel()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skipf("no time zone database: %v", err)
	}
	at := func(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, berlin) }
	// In 2026 Berlin springs forward on 29 March (a 23-hour day) and falls
	// back on 25 October (a 25-hour day).
	tests := []struct {
		name string
		a, b time.Time
		want int
	}{
		{"midnight to midnight over the 23-hour day", at(3, 29, 0, 0), at(3, 30, 0, 0), 1},
		{"noon to noon over the 23-hour day", at(3, 28, 12, 0), at(3, 30, 12, 0), 2},
		{"within the 23-hour day", at(3, 29, 0, 0), at(3, 29, 23, 59), 0},
		{"within the 25-hour day", at(10, 25, 0, 0), at(10, 25, 23, 59), 0},
		{"25 hours that are one day", at(10, 24, 23, 30), at(10, 25, 23, 30), 1},
		{"midnight to midnight over the 25-hour day", at(10, 25, 0, 0), at(10, 26, 0, 0), 1},
		{"over both changes", at(3, 1, 9, 0), at(11, 1, 9, 0), 245},
		{"a in UTC, b in Berlin on the 23-hour day", time.Date(2026, 3, 28, 23, 30, 0, 0, time.UTC), at(3, 29, 23, 0), 0},
		{"a in Berlin, b in UTC", at(3, 30, 0, 30), time.Date(2026, 3, 30, 9, 0, 0, 0, time.UTC), 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := DaysBetween(tc.a, tc.b); got != tc.want {
				t.Errorf("DaysBetween(%s, %s) = %d; want %d", tc.a.Format(time.RFC3339), tc.b.Format(time.RFC3339), got, tc.want)
			}
		})
	}
}

func TestParseDated(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw     string
		want    Dated
		wantErr string
	}{
		{"anniversary=06-01", Dated{Label: "anniversary", Date: MonthDay{Month: time.June, Day: 1}}, ""},
		{"name day=2015-06-01", Dated{Label: "name day", Date: MonthDay{Year: 2015, Month: time.June, Day: 1}}, ""},
		{"anniversary", Dated{}, `"anniversary": want LABEL=MM-DD, such as anniversary=06-01`},
		{" =06-01", Dated{}, `" =06-01": want LABEL=MM-DD`},
		{"wedding=02-30", Dated{}, `wedding: invalid date "02-30"`},
	}
	for _, tc := range tests {
		got, err := ParseDated(tc.raw)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("ParseDated(%q) = %v, %v; want an error with %q", tc.raw, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseDated(%q) = %+v, %v; want %+v", tc.raw, got, err, tc.want)
		}
	}
}
