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
	// found no day with room, most pressing first.
	Later []Status
}

// Plan spreads everyone who is due, or becomes due, within the next days
// (today included) over those days, at most perDay a day (no limit when
// perDay is 0 or less).
//
// Each day is seen as Today would see it at the same time of day: the due
// rule, the boosts, the quiet days after an interaction and snoozes are
// projected day by day, so someone snoozed until Friday is planned from
// Friday on, and someone archived never. Day by day, the people free that
// day are taken most pressing first (Today's order: priority, then tier,
// inner first), and whoever is planned is not planned again.
//
// Birthdays and important dates land on their day: someone whose date falls
// in the window waits for it, even if due sooner, and a date counts only on
// the day itself, not in the days before, as it does in today's heads-up.
// If their day is full, they are planned like anyone else after it.
//
// Whoever was due on some day of the window but found no room is in Later.
func Plan(people []Person, now time.Time, days, perDay int) Schedule {
	return defaultRules.Plan(people, now, days, perDay)
}

// Plan is the package's Plan under the rules.
func (r Rules) Plan(people []Person, now time.Time, days, perDay int) Schedule {
	s := Schedule{Days: []PlanDay{}, Later: []Status{}}
	if days < 1 {
		return s
	}
	moments := make([]time.Time, days)
	for d := range moments {
		moments[d] = now.AddDate(0, 0, d)
		s.Days = append(s.Days, PlanDay{Date: startOfDay(moments[d]), People: []Status{}})
	}
	type candidate struct {
		p      Person
		pin    int // the day of their date in the window, or -1
		placed bool
		seen   bool   // free and due (or boosted) on some day
		last   Status // as they stood the last day they were free, without reasons
		lastAt time.Time
	}
	var cands []*candidate
	for _, p := range people {
		if !p.ArchivedAt.IsZero() {
			continue
		}
		cands = append(cands, &candidate{p: p, pin: dateDay(p, moments)})
	}
	for d, at := range moments {
		var pinned, free []Status
		byID := map[string]*candidate{}
		for _, c := range cands {
			if c.placed || c.pin > d {
				continue
			}
			// The numbers decide the order; the words are worked out only
			// for those placed, below, and they are most of the work.
			st := r.assess(onlyDatesOn(c.p, at), at, false)
			if st.Left != "" || !(st.Due || st.Boosted) {
				continue
			}
			c.seen, c.last, c.lastAt = true, st, at
			byID[c.p.ID] = c
			if c.pin == d {
				pinned = append(pinned, st)
			} else {
				free = append(free, st)
			}
		}
		// The people whose day it is come first, then the rest, each most
		// pressing first.
		SortByPriority(pinned)
		SortByPriority(free)
		chosen := append(pinned, free...)
		if perDay > 0 && len(chosen) > perDay {
			chosen = chosen[:perDay]
		}
		for i, st := range chosen {
			byID[st.Person.ID].placed = true
			chosen[i] = r.Assess(st.Person, at)
		}
		SortByPriority(chosen)
		s.Days[d].People = append(s.Days[d].People, chosen...)
	}
	for _, c := range cands {
		if c.seen && !c.placed {
			s.Later = append(s.Later, r.Assess(c.last.Person, c.lastAt))
		}
	}
	SortByPriority(s.Later)
	return s
}

// dateDay is the first day of the window on which the person's birthday or
// one of their important dates falls, or -1.
func dateDay(p Person, moments []time.Time) int {
	first := -1
	check := func(md MonthDay) {
		if md.IsZero() {
			return
		}
		d := DaysBetween(moments[0], md.Next(moments[0]))
		if d < len(moments) && (first < 0 || d < first) {
			first = d
		}
	}
	check(p.Birthday)
	for _, d := range p.ImportantDates {
		check(d.Date)
	}
	return first
}

// onlyDatesOn returns p with only the dates that fall on at's day, so that a
// plan puts a birthday on the day and not on the days before. p is not
// changed.
func onlyDatesOn(p Person, at time.Time) Person {
	on := func(md MonthDay) bool { return !md.IsZero() && DaysBetween(at, md.Next(at)) == 0 }
	if !on(p.Birthday) {
		p.Birthday = MonthDay{}
	}
	var dates []Dated
	for _, d := range p.ImportantDates {
		if on(d.Date) {
			dates = append(dates, d)
		}
	}
	p.ImportantDates = dates
	return p
}
