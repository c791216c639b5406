package cadence

import (
	"fmt"
	"time"
)

// planPlain is Plan as it was first written: every candidate assessed on
// every day, everyone due sorted each day. The planner must give exactly
// what it gives (TestPlanIsPlanPlain).

func (r Rules) planPlain(people []Person, now time.Time, days, perDay int) Schedule {
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
		p       Person
		free    Person // p without what is pinned to a day of its own
		planned bool   // on some day, for any reason
		due     bool   // planned as due (or moved up), so not again
		seen    bool   // due (or moved up) and free on some day
		resting bool   // due (or moved up), but left in peace on each such day
		last    Status // as they stood the last day they were, without reasons
		lastAt  time.Time
	}
	var cands []*candidate
	byID := map[string]*candidate{}
	for _, p := range people {
		if !p.ArchivedAt.IsZero() {
			continue
		}
		c := &candidate{p: p, free: unpinned(p, moments[0])}
		cands = append(cands, c)
		byID[p.ID] = c
	}

	first := r.Today(people, now, perDay)
	s.Days[0].People = append(s.Days[0].People, first...)
	for _, st := range first {
		if c := byID[st.Person.ID]; c != nil {
			c.planned, c.due = true, true
		}
	}
	for d := 1; d < days; d++ {
		at := moments[d]
		var pinned, free []Status
		for _, c := range cands {
			// The numbers decide the order; the words are worked out only
			// for those placed, below, and they are most of the work.
			if pin, ok := pinnedOn(c.p, at); ok {
				if st := r.assess(pin, at, false); st.Left.IsZero() && (st.DateToday || st.MemoryDue) {
					pinned = append(pinned, st)
					continue
				}
			}
			if c.due {
				continue
			}
			st := r.assess(c.free, at, false)
			if st.Left.Kind == ReasonQuiet && (st.Due || st.Boosted) && !c.seen {
				c.resting, c.last, c.lastAt = true, st, at
			}
			if !st.Left.IsZero() || !(st.Due || st.Boosted) {
				continue
			}
			c.seen, c.last, c.lastAt = true, st, at
			free = append(free, st)
		}
		SortByPriority(pinned)
		SortByPriority(free)
		if perDay > 0 {
			pinned = pinned[:min(len(pinned), perDay)]
			free = free[:min(len(free), perDay-len(pinned))]
		}
		chosen := make([]Status, 0, len(pinned)+len(free))
		for _, st := range pinned {
			c := byID[st.Person.ID]
			c.planned = true
			// Their day, and due (or moved up) besides: the reasons of the
			// day say so, and that is their call.
			if free := r.assess(c.free, at, false); free.Left.IsZero() && (free.Due || free.Boosted) {
				c.due = true
			}
			chosen = append(chosen, r.Assess(st.Person, at))
		}
		for _, st := range free {
			c := byID[st.Person.ID]
			c.planned, c.due = true, true
			chosen = append(chosen, r.Assess(c.free, at))
		}
		SortByPriority(chosen)
		s.Days[d].People = append(s.Days[d].People, chosen...)
	}
	for _, c := range cands {
		if (c.seen || c.resting) && !c.due {
			s.Later = append(s.Later, r.Assess(c.last.Person, c.lastAt))
		}
	}
	SortByPriority(s.Later)
	return s
}

// PlanPlain gives the external tests planPlain.
func PlanPlain(r Rules, people []Person, now time.Time, days, perDay int) Schedule {
	return r.planPlain(people, now, days, perDay)
}

// FreeOnDiffers reports where the planner's freeOn disagrees with assess for
// p on the days of a plan from now, or "".
func FreeOnDiffers(r Rules, p Person, now time.Time, days int) string {
	pl := r.NewPlanner(now, days, 0)
	c := pl.candidate(p)
	for d := 1; d < days; d++ {
		st := r.assess(c.free, pl.moments[d], false)
		want := freeDay{suggested: st.Left.IsZero() && (st.Due || st.Boosted),
			resting: st.Left.Kind == ReasonQuiet && (st.Due || st.Boosted), priority: st.Priority}
		if got := pl.freeOn(&c, d); got != want {
			return fmt.Sprintf("day %d: freeOn = %+v; assess gives %+v (%+v)", d, got, want, st)
		}
	}
	return ""
}
