package words

import (
	"strconv"
	"time"

	"github.com/tend-app/tend/cadence"
)

// MonthDay shows a yearly date as "15 April" or "15 April 1990"; "" for
// none.
func MonthDay(d cadence.MonthDay) string {
	switch {
	case d.IsZero():
		return ""
	case d.Year == 0:
		return strconv.Itoa(d.Day) + " " + d.Month.String()
	}
	return strconv.Itoa(d.Day) + " " + d.Month.String() + " " + strconv.Itoa(d.Year)
}

// SoonDate says a date in the coming days: "birthday, today (turns 90)",
// "anniversary, tomorrow, Wed 25 Nov", "birthday, Friday 27 Nov".
func SoonDate(d cadence.SoonDate) string {
	when := d.On.Format("Monday 2 Jan")
	switch d.Days {
	case 0:
		when = "today"
	case 1:
		when = "tomorrow, " + d.On.Format("Mon 2 Jan")
	}
	text := d.Label + ", " + when
	if d.Age > 0 {
		text += " (turns " + strconv.Itoa(d.Age) + ")"
	}
	return text
}

// MemoryDue says when a memory came due: "due today", "due yesterday",
// "due 3 days ago", or comes due: "due tomorrow", "due Fri 4 Dec 2026";
// "" for one with no day, or done.
func MemoryDue(r cadence.Reminder, done bool, now time.Time) string {
	if r.Due.IsZero() || done {
		return ""
	}
	if overdue, due := cadence.ReminderOverdue(r, now); due {
		return dueWords(overdue)
	}
	y, m, d := r.Due.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
	if cadence.DaysBetween(now, day) == 1 {
		return "due tomorrow"
	}
	return "due " + day.Format("Mon 2 Jan 2006")
}
