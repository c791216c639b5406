package cadence

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// ActivityWeeks is how far back the activity in Stats looks: thirteen weeks,
// about 90 days, in weekly buckets that end today.
const ActivityWeeks = 13

// BadlyOverdue is the due ratio from which someone counts as badly overdue.
const BadlyOverdue = 2

// Event is one interaction as the statistics see it.
type Event struct {
	At        time.Time
	Via       Channel
	Direction Direction
	Missed    bool     // a call that did not connect: a touch, not a conversation
	People    []string // the ids of the people in it
}

// TierStats is the health of one tier.
type TierStats struct {
	Tier      Tier
	People    int // active people in the tier
	Guideline int // how many people the tier holds in a human social network
	OnTrack   int // not yet due
	Due       int // due, but less than BadlyOverdue times their interval
	Overdue   int // badly overdue: at least BadlyOverdue times their interval
	// MedianDaysSinceReal is the median of the days since each person's last
	// real conversation (or since they were added); 0 for an empty tier.
	MedianDaysSinceReal float64
}

// Over reports whether the tier holds more people than its guideline. It is
// reported, never refused.
func (t TierStats) Over() bool { return t.People > t.Guideline }

// Activity is what happened over the last ActivityWeeks weeks.
type Activity struct {
	Since   time.Time // the first day counted, at its start in now's location
	Real    int       // interactions that were real conversations
	Touches int       // the others: texts, emails, letters...
	Out     int       // interactions you started
	In      int       // interactions they started
	// PerWeek counts interactions per week, oldest first; the last week is
	// the seven days ending today.
	PerWeek [ActivityWeeks]int
}

// Total is the number of interactions counted.
func (a Activity) Total() int { return a.Real + a.Touches }

// Stats is the health of your circles at a moment.
type Stats struct {
	Tiers    []TierStats // every tier, closest first
	Active   int         // people not archived
	Archived int         // archived people, counted apart from the tiers
	Activity Activity
	// Drifting lists the active inner and close people whose gaps between
	// real conversations keep growing, by tier and then name.
	Drifting []Status
}

// Summarize works out the statistics at now from everyone (archived people
// included, to be counted apart) and the interactions since at least
// ActivityWeeks weeks before now; older and later events are ignored. Each
// interaction counts once, however many people were in it.
func Summarize(people []Person, events []Event, now time.Time) Stats {
	return defaultRules.Summarize(people, events, now)
}

// Summarize is the package's Summarize under the rules.
func (r Rules) Summarize(people []Person, events []Event, now time.Time) Stats {
	sum := r.NewSummary(now)
	for _, p := range people {
		sum.Add(p)
	}
	return sum.Result(CountDays(events, now))
}

// A Summary works Stats out from people given one at a time, as a store
// streams them: it keeps the counts, each tier's days since the last real
// conversation, and the few who drift, not everyone.
type Summary struct {
	r        Rules
	now      time.Time
	st       Stats
	counts   map[Tier]*TierStats
	days     map[Tier][]int
	drifting []Status
}

// NewSummary starts a Summary at now.
func (r Rules) NewSummary(now time.Time) *Summary {
	s := &Summary{r: r, now: now, counts: map[Tier]*TierStats{}, days: map[Tier][]int{}}
	for _, t := range Tiers() {
		s.counts[t] = &TierStats{Tier: t, Guideline: r.TierGuideline(t)}
	}
	return s
}

// Add counts p. What p's slices hold may change once Add returns (a store
// reuses them for the next person): the Summary copies what it keeps.
func (s *Summary) Add(p Person) {
	if !p.ArchivedAt.IsZero() {
		s.st.Archived++
		return
	}
	s.st.Active++
	st := s.r.Assess(p, s.now)
	ts, ok := s.counts[p.Tier]
	if !ok { // a tier this version does not know counts as the default
		ts = s.counts[DefaultTier]
	}
	ts.People++
	s.days[ts.Tier] = append(s.days[ts.Tier], st.DaysSinceReal)
	// Whole days, like Due, so that a rounded ratio of 2.00 is not
	// counted before the days are there.
	switch {
	case st.DaysSinceReal >= BadlyOverdue*st.Interval:
		ts.Overdue++
	case st.Due:
		ts.Due++
	default:
		ts.OnTrack++
	}
	if st.Drift != nil {
		st.Person.Recent, st.Person.RecentReal = slices.Clone(p.Recent), slices.Clone(p.RecentReal)
		s.drifting = append(s.drifting, st)
	}
}

// Result is the Stats of the people added, with the activity of the
// interactions counted by day.
func (s *Summary) Result(activity []DayCount) Stats {
	st := s.st
	st.Drifting = append([]Status{}, s.drifting...)
	for _, t := range Tiers() {
		ts := *s.counts[t]
		ts.MedianDaysSinceReal = medianInts(s.days[t])
		st.Tiers = append(st.Tiers, ts)
	}
	slices.SortStableFunc(st.Drifting, func(a, b Status) int {
		if c := cmp.Compare(a.Person.Tier.Rank(), b.Person.Tier.Rank()); c != 0 {
			return c
		}
		if c := cmp.Compare(strings.ToLower(a.Person.Name), strings.ToLower(b.Person.Name)); c != 0 {
			return c
		}
		return cmp.Compare(a.Person.ID, b.Person.ID)
	})
	st.Activity = ActivityOf(activity, s.now)
	return st
}

// DayCount is how many interactions of one kind fell on one calendar day,
// DaysAgo days before now's (0 is today, a negative number a later day).
type DayCount struct {
	DaysAgo   int
	Via       Channel
	Direction Direction
	Missed    bool
	N         int
}

// CountDays counts events by day at now, one DayCount per event.
func CountDays(events []Event, now time.Time) []DayCount {
	out := make([]DayCount, len(events))
	for i, e := range events {
		out[i] = DayCount{DaysAgo: DaysBetween(e.At, now), Via: e.Via, Direction: e.Direction, Missed: e.Missed, N: 1}
	}
	return out
}

// ActivityOf works out the activity of the ActivityWeeks weeks that end on
// now's day; counts of other days are ignored.
func ActivityOf(counts []DayCount, now time.Time) Activity {
	a := Activity{Since: ActivitySince(now)}
	span := ActivityWeeks * 7
	for _, c := range counts {
		if c.DaysAgo < 0 || c.DaysAgo >= span {
			continue
		}
		a.PerWeek[ActivityWeeks-1-c.DaysAgo/7] += c.N
		if c.Via.Real() && !c.Missed {
			a.Real += c.N
		} else {
			a.Touches += c.N
		}
		if c.Direction == In {
			a.In += c.N
		} else {
			a.Out += c.N
		}
	}
	return a
}

// ActivitySince is the first moment whose interactions Summarize counts at
// now: what a caller needs to load.
func ActivitySince(now time.Time) time.Time {
	return startOfDay(now).AddDate(0, 0, -(ActivityWeeks*7 - 1))
}

// sparkRunes are the eight heights of a sparkline, lowest first.
var sparkRunes = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws each count as a block: the lowest for none, and the
// others scaled so that the largest count is a full block and any count
// above zero shows above the baseline.
func Sparkline(counts []int) string {
	most := 0
	for _, n := range counts {
		most = max(most, n)
	}
	var b strings.Builder
	for _, n := range counts {
		level := 0
		if n > 0 {
			top := len(sparkRunes) - 1
			level = max(1, (n*top+most-1)/most) // rounded up: 1 of 100 still shows
		}
		b.WriteRune(sparkRunes[level])
	}
	return b.String()
}
