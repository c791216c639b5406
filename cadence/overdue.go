package cadence

import (
	"cmp"
	"math"
	"time"
)

// Today keeps a handful of people, yet ranking means reading everyone's
// history. The rules here let a store read far fewer: it gives a Ranking
// people in order of MaxPriority, which needs only a few numbers of each
// person that it can keep in an index, and stops as soon as the ranking
// Needs no one of the next one's MaxPriority.

// overdueSlack bounds, in days, how far the days a due ratio counts can
// exceed the days of 24 hours Overdue counts: a day, since calendar days
// are counted, and an hour or two of daylight saving.
const overdueSlack = 1.1

// Overdue is a rough due ratio that a store can work out for everyone in
// SQL: the time from since (the last real conversation, or the day they
// were added) to now, in days of 24 hours, over the interval in days.
func Overdue(since time.Time, interval int, now time.Time) float64 {
	return now.Sub(since).Hours() / 24 / float64(interval)
}

// MaxPriority is the highest priority p can have at now when Overdue gives
// at most overdue for them, knowing of p only what a store has at hand for
// everyone: the tier and own rhythm (either may be left out), the
// birthday, important dates and memories, which are counted as they are (a
// date today as leading the list); every boost that needs more of their
// history is counted as if it applied, drifting only for a tier that can
// drift. The due ratio is at most dueSlack more than overdue (and at least
// 0), rounded up.
func MaxPriority(overdue float64, p Person, now time.Time) float64 {
	return defaultRules.maxPriority(overdue, p, now)
}

func (r *Rules) maxPriority(overdue float64, p Person, now time.Time) float64 {
	if math.IsNaN(overdue) {
		return math.Inf(1)
	}
	ceiling := max(overdue, 0) + r.dueSlack(p) + 0.005 + owedBoost + turnBoost
	if p.Tier == "" || p.Tier == Inner || p.Tier == Close { // Drift is only theirs
		ceiling += driftBoost
	}
	for _, d := range upcomingDates(p, now, r.SoonDays) {
		ceiling += dateBoost
		if d.days == 0 {
			ceiling += dateLead // they may lead the list
		}
	}
	for _, r := range p.Reminders {
		if ReminderDue(r, now) {
			ceiling += memoryBoost
		}
	}
	return ceiling
}

// dueSlack bounds how far p's due ratio can exceed Overdue: overdueSlack
// days over the shortest interval p can have, their own rhythm when they
// have one, else the shortest their tier or a tag can give them, which
// Overdue was worked out with. A day of rounding is a ratio of 1 for a
// daily rhythm but of 1/30 for a monthly one: with one slack for all, a
// store that orders people by Overdue reads many more than it needs when
// everyone talks often and the list is close together. Without a tier
// (a store that gives none), the shortest interval is a day.
func (r *Rules) dueSlack(p Person) float64 {
	interval := p.Every
	if _, known := TierDefaults[p.Tier]; interval <= 0 && known {
		interval = r.MinEvery(p.Tier)
	}
	return overdueSlack / float64(max(interval, 1))
}

// Needs reports whether the ranking could still keep someone whose
// MaxPriority is ceiling: false once it holds as many as it keeps and the
// last of them has a higher priority. (At the same priority, tier and name
// decide.)
func (r *Ranking) Needs(ceiling float64) bool {
	if r.limit <= 0 || len(r.top) < r.limit {
		return true
	}
	last := &r.top[len(r.top)-1]
	if last.DateToday {
		// Among those whose date is today, the tier comes before the
		// priority: anyone else with a date today may still come first.
		return ceiling >= dateLead
	}
	return ceiling >= last.Priority
}

// dateLead is what a date today adds to MaxPriority: more than any
// priority, as a date today comes before any priority in today's order.
const dateLead = 1e12

// DateSoon reports whether a birthday or important date on d moves someone
// up at now: whether its next day falls within SoonDays.
func DateSoon(d MonthDay, now time.Time) bool {
	return defaultRules.DateSoon(d, now)
}

// soon gives the next day of d from now, and how many days away it is,
// when that is within soonDays.
func soon(d MonthDay, now time.Time, soonDays int) (days int, next time.Time, ok bool) {
	if d.IsZero() {
		return 0, time.Time{}, false
	}
	next = d.Next(now)
	days = DaysBetween(now, next)
	return days, next, days <= soonDays
}

// SoonMonthDays lists the month and day of every date that DateSoon is true
// for at now (the year of a date plays no part), for a store to find the
// birthdays among them.
func SoonMonthDays(now time.Time) []MonthDay { return soonMonthDays(now, SoonDays) }

func soonMonthDays(now time.Time, soonDays int) []MonthDay {
	var out []MonthDay
	today := startOfDay(now)
	for i := range soonDays + 1 {
		day := today.AddDate(0, 0, i)
		out = append(out, MonthDay{Month: day.Month(), Day: day.Day()})
		// Next puts 29 February on the 28th in a year without it.
		if day.Month() == time.February && day.Day() == 28 && daysIn(day.Year(), time.February) == 28 {
			out = append(out, MonthDay{Month: time.February, Day: 29})
		}
	}
	return out
}

// ReminderDue reports whether a memory with a due date moves someone up at
// now: whether its day has come.
func ReminderDue(r Reminder, now time.Time) bool {
	_, ok := ReminderOverdue(r, now)
	return ok
}

// ReminderOverdue gives how many days ago a memory came due, and whether
// it has: a day of its own that is today or past.
func ReminderOverdue(r Reminder, now time.Time) (int, bool) {
	if r.Due.IsZero() {
		return 0, false
	}
	days := DaysBetween(calendarDay(r.Due, now.Location()), now)
	return days, days >= 0
}

// CompareDue orders people as list shows them: the most due first, then
// the closer tier. Callers sort stably over people in name order (as the
// store gives them), so that ties keep it.
func CompareDue(ratioA float64, tierA Tier, ratioB float64, tierB Tier) int {
	if c := cmp.Compare(ratioB, ratioA); c != 0 {
		return c
	}
	return cmp.Compare(tierA.Rank(), tierB.Rank())
}
