package cadence

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// A Planner is Plan for people who come one at a time, as a store reads
// them: it keeps only those the plan can place (due, or moved up, on some
// day of the window, or pinned to one of its days), and of them only what
// the days after today need, so that planning ten thousand people never
// holds them all.
//
// Most of a plan is asking, day after day, who of thousands is due and
// how pressing they are. Assess answers that for one person at one moment
// and copies them into its answer each time; the planner works out once
// what does not change from one day of the window to the next (the
// rhythm, the last conversation, the history's patterns) and then, each
// day, only the few numbers that do (see freeOn). It keeps the few
// most pressing of each day as it goes instead of sorting everyone due, and
// works out the reasons only for those it places.
//
// The people are told apart by their ids, as a store gives them: no two
// may share one.
type Planner struct {
	rules   Rules
	now     time.Time
	days    int
	perDay  int
	moments []time.Time // now, then the same time on each later day
	delta   []int       // DaysBetween(now, moments[d])
	today   *Ranking    // the first day, which is exactly Today's list
	cands   candidates
	pinned  [][]int32 // by day, the candidates a date or memory may pin to it

	// monthDays gives the days of the window that a birthday or important
	// date with that month and day (no year) falls on; calendar, the day
	// of the window with that date.
	monthDays map[MonthDay][]int32
	calendar  map[MonthDay]int32
}

// planCand is someone the plan may place after today.
type planCand struct {
	free Person // as the days after today see them (unpinned), rhythm resolved

	// What unpinned takes away, for pinnedOn.
	birthday  MonthDay
	dates     []Dated
	reminders []Reminder

	name string // folded, for today's order
	rank int    // the tier's

	// What assess works out for free on each day, less what changes from
	// day to day: see freeOn.
	interval   int
	lastRealAt time.Time // LastReal.At, or CreatedAt when they never talked
	sinceReal  int       // DaysBetween(lastRealAt, now)
	owes       bool      // the latest interaction is theirs, and no conversation
	yourTurn   bool
	drifting   bool
	touched    bool // lastTouch is not zero
	sinceTouch int  // DaysBetween(lastTouch, now)
	touch      time.Time

	due          bool    // planned as due (or moved up), so not again
	seen         bool    // due (or moved up) and free on some day
	resting      bool    // due (or moved up) on some day, but left in peace every such day
	lastDay      int32   // the last day they were
	lastPriority float64 // and their priority that day
}

// NewPlanner starts a plan under the rules: see Plan.
func (r Rules) NewPlanner(now time.Time, days, perDay int) *Planner {
	pl := &Planner{rules: r, now: now, days: days, perDay: perDay, today: r.NewRanking(now, perDay)}
	if days < 1 {
		return pl
	}
	pl.moments = make([]time.Time, days)
	pl.delta = make([]int, days)
	pl.pinned = make([][]int32, days)
	pl.monthDays = map[MonthDay][]int32{}
	pl.calendar = make(map[MonthDay]int32, days)
	for d := range pl.moments {
		at := now.AddDate(0, 0, d)
		pl.moments[d], pl.delta[d] = at, DaysBetween(now, at)
		if d == 0 {
			continue // today is Today's
		}
		y, m, day := at.Date()
		pl.calendar[MonthDay{Year: y, Month: m, Day: day}] = int32(d)
		// MonthDay.Next puts a day the month lacks (29 February) on its
		// last day.
		last := day
		if day == daysIn(y, m) {
			last = 31
		}
		for x := day; x <= last; x++ {
			md := MonthDay{Month: m, Day: x}
			pl.monthDays[md] = append(pl.monthDays[md], int32(d))
		}
	}
	return pl
}

// Add gives the planner p. What it keeps of p it copies, so the caller may
// use p's slices again once Add returns.
func (pl *Planner) Add(p Person) {
	if pl.days < 1 || !p.ArchivedAt.IsZero() {
		return // an archived person is planned on no day, today's included
	}
	c := pl.candidate(p)
	// Today's ranking keeps a handful: once it is full, most people cannot
	// make it, as a bound on their priority tells without assessing them.
	if pl.today.Needs(pl.rules.maxPriority(Overdue(c.lastRealAt, c.interval, pl.now), p, pl.now)) {
		pl.today.Add(p)
	}
	if pl.days == 1 {
		return
	}
	f := &c.free
	i := int32(pl.cands.len())
	pinDays := pl.pinDays(&c)
	keep := len(pinDays) > 0
	for d := pl.days - 1; d > 0 && !keep; d-- {
		fd := pl.freeOn(&c, d)
		keep = fd.suggested || fd.resting
	}
	if !keep {
		return // on no day of the window, for any reason
	}
	for _, d := range pinDays {
		pl.pinned[d] = append(pl.pinned[d], i)
	}
	c.name = strings.ToLower(f.Name)
	c.rank = f.Tier.Rank()
	c.free = own(c.free)
	c.dates, c.reminders = slices.Clone(c.dates), slices.Clone(c.reminders)
	pl.cands.add(c)
}

// candidate works out what freeOn needs of p once for all days.
func (pl *Planner) candidate(p Person) planCand {
	r := &pl.rules
	c := planCand{free: r.resolve(unpinned(p, pl.now)), birthday: p.Birthday, dates: p.ImportantDates, reminders: p.Reminders}
	f := &c.free
	c.interval = f.Interval()
	c.lastRealAt = f.LastReal.At
	if f.LastReal.IsZero() {
		c.lastRealAt = f.CreatedAt
	}
	c.sinceReal = DaysBetween(c.lastRealAt, pl.now)
	c.owes = !f.Last.IsZero() && f.Last.Direction == In && !f.Last.Conversation()
	c.yourTurn = YourTurn(*f)
	c.drifting = Drift(*f, pl.now) != nil
	c.touch = lastTouch(*f)
	c.touched = !c.touch.IsZero()
	if c.touched {
		c.sinceTouch = DaysBetween(c.touch, pl.now)
	}
	return c
}

// pinDays lists the days after today that c may be pinned to, each once,
// in order: those of their birthday, their important dates and their
// memories with a due date. pinnedOn has the last word.
func (pl *Planner) pinDays(c *planCand) []int32 {
	var out []int32
	add := func(ds ...int32) {
		for _, d := range ds {
			if !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	monthDay := func(md MonthDay) {
		switch {
		case md.IsZero():
		case md.Month >= time.January && md.Month <= time.December && md.Day >= 1 && md.Day <= 31:
			add(pl.monthDays[MonthDay{Month: md.Month, Day: md.Day}]...)
		default: // no such day: let Next say where it falls
			for d := 1; d < pl.days; d++ {
				if at := pl.moments[d]; DaysBetween(at, md.Next(at)) == 0 {
					add(int32(d))
				}
			}
		}
	}
	monthDay(c.birthday)
	for _, d := range c.dates {
		monthDay(d.Date)
	}
	for _, m := range c.reminders {
		if m.Due.IsZero() {
			continue
		}
		y, mo, day := m.Due.Date() // its day as written, as calendarDay reads it
		if d, ok := pl.calendar[MonthDay{Year: y, Month: mo, Day: day}]; ok {
			add(d)
		}
	}
	slices.Sort(out)
	return out
}

// freeDay is what Plan needs of assess(c.free, moments[d], false): whether
// they are to be contacted, and how pressing they are.
type freeDay struct {
	suggested bool
	resting   bool // due (or moved up), but left in peace after a recent contact
	priority  float64
}

// freeOn is assess(c.free, moments[d], false) for the plan, from what
// Add worked out once: the same sums in the same order, so the same
// priority to the last bit. TestFreeOnIsAssess holds them together.
func (pl *Planner) freeOn(c *planCand, d int) freeDay {
	at := pl.moments[d]
	f := &c.free
	since := max(0, pl.daysSince(c.sinceReal, d, func() int {
		if f.LastReal.IsZero() {
			return DaysBetween(f.CreatedAt, at)
		}
		return DaysBetween(f.LastReal.At, at)
	}))
	due := since >= c.interval
	priority := dueRatio(since, c.interval)
	boosted, memoryDue := false, false
	for _, m := range f.Reminders {
		if _, ok := ReminderOverdue(m, at); !ok || MemoryAnswered(*f, m, at) {
			continue
		}
		priority += memoryBoost
		boosted, memoryDue = true, true
	}
	if c.owes && at.Sub(f.Last.At) > owedAfterHour*time.Hour {
		priority += owedBoost
		boosted = true
	}
	if c.yourTurn {
		priority += turnBoost
	}
	if c.drifting && 2*since >= c.interval {
		priority += driftBoost
		boosted = true
	}
	priority = round2(priority)
	if !due && !boosted {
		return freeDay{priority: priority}
	}
	if f.SnoozedUntil.After(at) {
		return freeDay{priority: priority}
	}
	if c.touched && !memoryDue && pl.daysSince(c.sinceTouch, d, func() int { return DaysBetween(c.touch, at) }) <= pl.rules.QuietDays {
		return freeDay{priority: priority, resting: true}
	}
	return freeDay{suggested: true, priority: priority}
}

// daysSince is DaysBetween(t, moments[d]) given base, DaysBetween(t, now):
// the days of the window follow each other, unless t is so far away that
// DaysBetween reaches the largest time.Duration, when exact works it out.
func (pl *Planner) daysSince(base, d int, exact func() int) int {
	if base > -100_000 && base < 100_000 {
		return base + pl.delta[d]
	}
	return exact()
}

// placed is a candidate placed on a day for being due, with their
// priority that day.
type placed struct {
	cand     int32
	priority float64
}

// comesBefore is today's order between two candidates free on the same
// day: neither has a date that day, so priority descending, then tier,
// then name, then id.
func (pl *Planner) comesBefore(a, b placed) bool {
	return pl.comparePlanned(a, b) < 0
}

// comparePlanned is that order as a comparison, for sorting.
func (pl *Planner) comparePlanned(a, b placed) int {
	if c := cmp.Compare(b.priority, a.priority); c != 0 {
		return c
	}
	ca, cb := pl.cands.at(a.cand), pl.cands.at(b.cand)
	if c := cmp.Compare(ca.rank, cb.rank); c != 0 {
		return c
	}
	if c := cmp.Compare(ca.name, cb.name); c != 0 {
		return c
	}
	return cmp.Compare(ca.free.ID, cb.free.ID)
}

// Schedule returns the plan of everyone given.
func (pl *Planner) Schedule() Schedule {
	s := Schedule{Days: []PlanDay{}, Later: []Status{}}
	if pl.days < 1 {
		return s
	}
	r := pl.rules
	for _, at := range pl.moments {
		s.Days = append(s.Days, PlanDay{Date: startOfDay(at), People: []Status{}})
	}
	first := pl.today.Result()
	s.Days[0].People = append(s.Days[0].People, first...)
	if len(first) > 0 {
		ids := make(map[string]bool, len(first))
		for _, st := range first {
			ids[st.Person.ID] = true
		}
		for i := range int32(pl.cands.len()) {
			if c := pl.cands.at(i); ids[c.free.ID] {
				c.due = true
			}
		}
	}

	open := make([]int32, 0, pl.cands.len()) // those not planned as due, in the order given
	for i := range int32(pl.cands.len()) {
		if !pl.cands.at(i).due {
			open = append(open, i)
		}
	}
	pinnedToday := make([]bool, pl.cands.len())
	var top []placed
	for d := 1; d < pl.days; d++ {
		at := pl.moments[d]
		var pinned []Status
		var pinnedCands []int32
		for _, i := range pl.pinned[d] {
			c := pl.cands.at(i)
			pin := c.free
			pin.Birthday, pin.ImportantDates, pin.Reminders = c.birthday, c.dates, c.reminders
			if pin, ok := pinnedOn(pin, at); ok {
				if st := r.assess(pin, at, false); st.Left.IsZero() && (st.DateToday || st.MemoryDue) {
					pinned = append(pinned, st)
					pinnedCands = append(pinnedCands, i)
					pinnedToday[i] = true
				}
			}
		}
		SortByPriority(pinned)
		room := -1 // no limit
		if pl.perDay > 0 {
			pinned = pinned[:min(len(pinned), pl.perDay)]
			room = pl.perDay - len(pinned)
		}

		// The most pressing room of those free and due, in today's order:
		// after all that come before them or tie, as a stable sort gives.
		top = top[:0]
		for _, i := range open {
			c := pl.cands.at(i)
			if c.due || pinnedToday[i] {
				continue
			}
			fd := pl.freeOn(c, d)
			if !fd.suggested {
				if fd.resting && !c.seen {
					c.resting, c.lastDay, c.lastPriority = true, int32(d), fd.priority
				}
				continue
			}
			c.seen, c.lastDay, c.lastPriority = true, int32(d), fd.priority
			if room == 0 {
				continue
			}
			e := placed{cand: i, priority: fd.priority}
			if room < 0 {
				top = append(top, e)
				continue
			}
			k := len(top)
			for k > 0 && pl.comesBefore(e, top[k-1]) {
				k--
			}
			if k >= room {
				continue
			}
			top = slices.Insert(top, k, e)
			if len(top) > room {
				top = top[:room]
			}
		}
		if room < 0 {
			slices.SortStableFunc(top, pl.comparePlanned)
		}
		for _, i := range pinnedCands {
			pinnedToday[i] = false
		}

		chosen := make([]Status, 0, len(pinned)+len(top))
		for _, st := range pinned {
			i := slices.IndexFunc(pinnedCands, func(i int32) bool { return pl.cands.at(i).free.ID == st.Person.ID })
			c := pl.cands.at(pinnedCands[i])
			// Their day, and due (or moved up) besides: the reasons of the
			// day say so, and that is their call.
			if pl.freeOn(c, d).suggested {
				c.due = true
			}
			chosen = append(chosen, r.Assess(st.Person, at))
		}
		for _, e := range top {
			c := pl.cands.at(e.cand)
			c.due = true
			chosen = append(chosen, r.Assess(c.free, at))
		}
		SortByPriority(chosen)
		s.Days[d].People = append(s.Days[d].People, chosen...)
		open = slices.DeleteFunc(open, func(i int32) bool { return pl.cands.at(i).due })
	}
	// Those later are thousands: they are put in order before they are
	// assessed, by the numbers of their last day, which are the ones
	// Assess gives.
	var later []placed
	for i := range int32(pl.cands.len()) {
		// Those due who found no day with room, and those left in peace
		// on every day they were due: the plan has not forgotten them.
		if c := pl.cands.at(i); (c.seen || c.resting) && !c.due {
			later = append(later, placed{cand: i, priority: c.lastPriority})
		}
	}
	slices.SortFunc(later, pl.comparePlanned)
	s.Later = make([]Status, len(later))
	for k, e := range later {
		c := pl.cands.at(e.cand)
		s.Later[k] = r.Assess(c.free, pl.moments[c.lastDay])
	}
	return s
}

// candidates hold the planner's candidates in blocks that never move: at
// a few hundred bytes each, thousands of them in one slice were copied
// each time it grew.
type candidates struct {
	blocks [][]planCand
	n      int
}

const candidateBlock = 512

func (cs *candidates) len() int { return cs.n }

func (cs *candidates) at(i int32) *planCand {
	return &cs.blocks[i/candidateBlock][i%candidateBlock]
}

func (cs *candidates) add(c planCand) {
	if cs.n%candidateBlock == 0 {
		cs.blocks = append(cs.blocks, make([]planCand, 0, candidateBlock))
	}
	last := &cs.blocks[len(cs.blocks)-1]
	*last = append(*last, c)
	cs.n++
}
