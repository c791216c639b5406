package cadence

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// WeekDays is how far ahead today looks for birthdays and important dates:
// the week beneath the suggestions, today included.
const WeekDays = 7

// SoonDate is a birthday or important date in the coming days.
type SoonDate struct {
	PersonID string
	Name     string
	Label    string    // "birthday", or the important date's label
	On       time.Time // the day it falls on, in now's location
	Days     int       // how many days away: 0 today
	Age      int       // how old they turn on a birthday, 0 when the year is not known
}

// DatesAhead lists p's birthday and important dates that fall within the
// next days days (today included), soonest first.
func DatesAhead(p Person, now time.Time, days int) []SoonDate {
	var out []SoonDate
	add := func(d MonthDay, label string, birthday bool) {
		if d.IsZero() {
			return
		}
		next := d.Next(now)
		n := DaysBetween(now, next)
		if n < 0 || n >= days {
			return
		}
		sd := SoonDate{PersonID: p.ID, Name: p.Name, Label: strings.TrimSpace(label), On: next, Days: n}
		if birthday && d.Year > 0 {
			sd.Age = next.Year() - d.Year
		}
		out = append(out, sd)
	}
	add(p.Birthday, "birthday", true)
	for _, d := range p.ImportantDates {
		add(d.Date, d.Label, false)
	}
	SortSoonDates(out)
	return out
}

// SortSoonDates orders dates soonest first, then by name.
func SortSoonDates(ds []SoonDate) {
	slices.SortStableFunc(ds, func(a, b SoonDate) int {
		if c := cmp.Compare(a.Days, b.Days); c != 0 {
			return c
		}
		return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
}

// MemoryAnswered reports whether you have been in touch with p (your side
// of the contact, or a real conversation) on or after the day r came due:
// then it is a thing to mark done, no longer a reason to call.
func MemoryAnswered(p Person, r Reminder, now time.Time) bool {
	overdue, due := ReminderOverdue(r, now)
	touched := lastTouch(p)
	return due && !touched.IsZero() && DaysBetween(touched, now) <= overdue
}
