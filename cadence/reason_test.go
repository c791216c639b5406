package cadence

import (
	"slices"
	"time"
)

// The reasons the tests expect, as facts; internal/words tests how they
// read.

func since(days int, via Channel) Reason { return Reason{Kind: ReasonSince, Days: days, Via: via} }
func added(days int) Reason              { return Reason{Kind: ReasonAdded, Days: days} }
func rhythm(from string, days int) Reason {
	return Reason{Kind: ReasonRhythm, Days: days, Label: from}
}
func ownEvery(days int) Reason { return Reason{Kind: ReasonRhythm, Days: days, Own: true} }
func tried(n int) Reason       { return Reason{Kind: ReasonTried, Count: n} }
func memory(text string, overdue int) Reason {
	return Reason{Kind: ReasonMemory, Label: text, Days: overdue}
}
func wrote(name string, days int) Reason  { return Reason{Kind: ReasonWrote, Name: name, Days: days} }
func called(name string, days int) Reason { return Reason{Kind: ReasonCalled, Name: name, Days: days} }
func turn(name string) Reason             { return Reason{Kind: ReasonTurn, Name: name, Count: TurnCount} }
func drift(gaps ...int) Reason            { return Reason{Kind: ReasonDrift, Gaps: gaps} }

// dateSoon is a date days ahead; sameReason does not check the day it falls on.
func dateSoon(label string, days int) Reason {
	return Reason{Kind: ReasonDate, Label: label, Days: days}
}

// soonOn is a date days ahead that falls on the calendar day of on.
func dateSoonOn(label string, days int, on time.Time) Reason {
	return Reason{Kind: ReasonDate, Label: label, Days: days, On: on}
}

func archived() Left      { return Left{Kind: ReasonArchived} }
func quiet(days int) Left { return Left{Kind: ReasonQuiet, Days: days} }

// snoozed is snoozed until that calendar day, as now's zone sees it.
func snoozed(y int, m time.Month, d int) Left {
	return Left{Kind: ReasonSnoozed, Until: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// sameLeft compares the kind, the days and the calendar day of a snooze.
func sameLeft(got, want Left) bool {
	gy, gm, gd := got.Until.Date()
	wy, wm, wd := want.Until.Date()
	return got.Kind == want.Kind && got.Days == want.Days && gy == wy && gm == wm && gd == wd
}

// sameReason compares every fact of a reason, and the day it falls on as a
// calendar day, where want names one.
func sameReason(got, want Reason) bool {
	if !want.On.IsZero() {
		gy, gm, gd := got.On.Date()
		wy, wm, wd := want.On.Date()
		if gy != wy || gm != wm || gd != wd {
			return false
		}
	}
	got.On, want.On = time.Time{}, time.Time{}
	return got.Kind == want.Kind && got.Days == want.Days && got.Count == want.Count &&
		got.Label == want.Label && got.Name == want.Name && got.Via == want.Via &&
		got.Own == want.Own && slices.Equal(got.Gaps, want.Gaps)
}

func sameReasons(got, want []Reason) bool { return slices.EqualFunc(got, want, sameReason) }
