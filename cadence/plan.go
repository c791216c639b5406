package cadence

import "time"

// PlanDay is one day of a plan and the people to contact on it.
type PlanDay struct {
	Date   time.Time // the start of the day, in now's location
	People []Status  // as they will stand that day, most pressing first
}

// Schedule is a plan for the coming days.
type Schedule struct {
	Days []PlanDay
	// Later holds the people who are due, or come due, within the window but
	// found no day with room, or were left in peace after a recent contact
	// on every day they were due, most pressing first.
	Later []Status
}

// Plan spreads everyone who is due, or becomes due, within the next days
// (today included) over those days, at most perDay a day (no limit when
// perDay is 0 or less).
//
// The first day is exactly Today's list at now with a limit of perDay: the
// plan and today never disagree. Each later day is seen as Today would see
// it at the same time of day: the due rule, the boosts, the quiet days
// after an interaction and snoozes are projected day by day, so someone
// snoozed until Friday is planned from Friday on, and someone archived
// never.
//
// A day holds, first, those whose day it is: a birthday or important date
// on that day, or a memory due on it (they are pinned there, most pressing
// first). The room left goes to those who are due (or moved up by an owed
// reply or drift) and not yet planned, most pressing first: someone due is
// planned on the first day with room and never waits for a date. So
// someone due now with a birthday next week appears twice, once for each
// reason; a date or memory counts on its day, not in the days before.
//
// Whoever was due on some day of the window but found no room, or was
// left in peace on each such day, and is planned on no day, is in Later.
func Plan(people []Person, now time.Time, days, perDay int) Schedule {
	return defaultRules.Plan(people, now, days, perDay)
}

// Plan is the package's Plan under the rules.
func (r Rules) Plan(people []Person, now time.Time, days, perDay int) Schedule {
	pl := r.NewPlanner(now, days, perDay)
	for _, p := range people {
		pl.Add(p)
	}
	return pl.Schedule()
}

// unpinned returns p as the days after today see them when they are not
// pinned to one: no dates (each is planned on its day) and only the
// memories that have come due by today (a later one is planned on its
// day). p is not changed.
func unpinned(p Person, today time.Time) Person {
	p.Birthday, p.ImportantDates = MonthDay{}, nil
	var rs []Reminder
	for _, r := range p.Reminders {
		if ReminderDue(r, today) {
			rs = append(rs, r)
		}
	}
	p.Reminders = rs
	return p
}

// pinnedOn returns p with only the dates that fall on at's day and the
// memories due on it, and whether there is any. p is not changed.
func pinnedOn(p Person, at time.Time) (Person, bool) {
	on := func(md MonthDay) bool { return !md.IsZero() && DaysBetween(at, md.Next(at)) == 0 }
	any := false
	if on(p.Birthday) {
		any = true
	} else {
		p.Birthday = MonthDay{}
	}
	var dates []Dated
	for _, d := range p.ImportantDates {
		if on(d.Date) {
			dates = append(dates, d)
		}
	}
	var rs []Reminder
	for _, r := range p.Reminders {
		if days, due := ReminderOverdue(r, at); due && days == 0 {
			rs = append(rs, r)
		}
	}
	p.ImportantDates, p.Reminders = dates, rs
	return p, any || len(dates) > 0 || len(rs) > 0
}
