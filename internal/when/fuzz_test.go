package when

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// fuzzSeeds are added to every fuzzer, on top of testdata/fuzz.
var fuzzSeeds = []string{
	"", "now", "today", "yesterday", "tomorrow", "tuesday", "last fri", "next sun",
	"3d", "2w", "3 days ago", "in 2 weeks", "36500d", "36501d",
	"2026-11-20", "2028-02-29", "2026-02-30", "2026-11-20T18:00:00+01:00",
	"2026-11-20 18:00", "2026-11-20T18:00:05", "next blursday",
	"yesterday 18:00", "friday 19:30", "last tue 07:00:30", "18:00", "tomorrow 23:59", "3d 18:00",
	"today 24:00", "sat 9:00", "today 18:00 18:00", "now 18:00", "2026-11-20 18:00 19:00",
}

func FuzzPast(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkProperties(t, "Past", Past, s)
	})
}

func FuzzFuture(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkProperties(t, "Future", Future, s)
	})
}

// checkProperties reads s at the tests' fixed now, in zone X and in UTC, and
// checks what must hold whatever s is.
func checkProperties(t *testing.T, fn string, read func(string, time.Time) (Moment, error), s string) {
	for _, loc := range locations {
		now := nowIn(loc)
		got, err := read(s, now)
		if err != nil {
			if got != (Moment{}) {
				t.Errorf("%s(%q) in %v returned %+v with error %v, want the zero Moment", fn, s, loc, got, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, fmt.Sprintf("%q", s)) {
				t.Errorf("%s(%q) in %v: error %q does not quote the input", fn, s, loc, msg)
			}
			if msg[0] < 'a' || msg[0] > 'z' || strings.HasSuffix(msg, ".") {
				t.Errorf("%s(%q) in %v: error %q is not a lowercase phrase without a period", fn, s, loc, msg)
			}
		} else {
			if got.Time.IsZero() {
				t.Errorf("%s(%q) in %v = the zero time, with no error", fn, s, loc)
			}
			if got.Time.Location() != loc {
				t.Errorf("%s(%q) in %v = %v, not in now's location", fn, s, loc, got.Time)
			}
			if got.DateOnly {
				if h, m, sec := got.Time.Clock(); h != 0 || m != 0 || sec != 0 || got.Time.Nanosecond() != 0 {
					t.Errorf("%s(%q) in %v = %v, DateOnly but not midnight", fn, s, loc, got.Time)
				}
			}
		}
		// Surrounding space never changes the reading.
		padded, perr := read(" \t"+s+"  ", now)
		if (perr == nil) != (err == nil) || padded != got {
			t.Errorf("%s(%q) in %v = %+v, %v; but padded with spaces = %+v, %v", fn, s, loc, got, err, padded, perr)
		}
	}
}
