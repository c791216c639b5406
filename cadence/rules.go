package cadence

import (
	"strings"
	"time"
)

// Rules are the numbers of the cadence a user may set: each tier's rhythm
// and guideline size, rhythms by tag, how many people today suggests, how
// long someone is left in peace and how far ahead a date counts. The
// package's functions use DefaultRules; a Rules value's methods of the same
// names use it instead.
type Rules struct {
	Every     map[Tier]int   // days between real conversations, by tier
	Guideline map[Tier]int   // the rough number of people a tier holds
	TagEvery  map[string]int // days between real conversations, by tag (lower case)
	Limit     int            // how many people today suggests
	QuietDays int            // days someone is left in peace after any interaction
	SoonDays  int            // days ahead a birthday or important date moves someone up
}

// DefaultRules returns the rules tend follows when nothing is set; each
// call gives maps of its own, for a caller to change.
func DefaultRules() Rules {
	r := Rules{
		Every:     map[Tier]int{},
		Guideline: map[Tier]int{},
		TagEvery:  map[string]int{},
		Limit:     DefaultLimit,
		QuietDays: QuietDays,
		SoonDays:  SoonDays,
	}
	for _, t := range Tiers() {
		r.Every[t], r.Guideline[t] = t.Every(), t.Guideline()
	}
	return r
}

// defaultRules are what the package's functions follow; never changed.
var defaultRules = DefaultRules()

// TierEvery is the tier's rhythm in days under the rules.
func (r *Rules) TierEvery(t Tier) int {
	if n := r.Every[t]; n > 0 {
		return n
	}
	return t.Every()
}

// TierGuideline is the tier's guideline size under the rules.
func (r *Rules) TierGuideline(t Tier) int {
	if n := r.Guideline[t]; n > 0 {
		return n
	}
	return t.Guideline()
}

// Rhythm is the number of days the rules allow p between real
// conversations, and where it comes from: "" for p's own Every, else the
// tag or the tier that sets it. p's own rhythm wins over their tags, and
// their tags over their tier; of several tags with a rhythm, the shortest
// rhythm wins (a tie goes to the tag first in alphabetical order).
func (r *Rules) Rhythm(p Person) (days int, from string) {
	if p.Every > 0 {
		return p.Every, ""
	}
	if len(r.TagEvery) > 0 {
		for _, tag := range p.Tags {
			key := strings.ToLower(strings.TrimSpace(tag))
			n, ok := r.TagEvery[key]
			if ok && n > 0 && (days == 0 || n < days || n == days && key < from) {
				days, from = n, key
			}
		}
		if days > 0 {
			return days, from
		}
	}
	return r.TierEvery(p.Tier), string(p.Tier)
}

// ReadsTags reports whether the rules look at anyone's tags: only a rhythm
// set by tag does, so that a store may leave the tags out when it is false.
func (r *Rules) ReadsTags() bool { return len(r.TagEvery) > 0 }

// MinEvery is the shortest rhythm any tier or tag has under the rules, and
// the tier's own when shorter: a store uses it as a bound it can work out
// without reading anyone's tags.
func (r *Rules) MinEvery(t Tier) int {
	n := r.TierEvery(t)
	for _, e := range r.TagEvery {
		if e > 0 {
			n = min(n, e)
		}
	}
	return n
}

// resolve returns p with the rhythm the rules give them, which Interval
// and the reasons then read.
func (r *Rules) resolve(p Person) Person {
	p.rhythm, p.rhythmFrom = r.Rhythm(p)
	return p
}

// Assess works out one person's status at now under the rules.
func (r Rules) Assess(p Person, now time.Time) Status { return r.assess(p, now, true) }

// Today is the package's Today under the rules.
func (r Rules) Today(people []Person, now time.Time, limit int) []Status {
	rank := r.NewRanking(now, limit)
	for _, p := range people {
		rank.Add(p)
	}
	return rank.Result()
}

// NewRanking starts a ranking under the rules.
func (r Rules) NewRanking(now time.Time, limit int) *Ranking {
	return &Ranking{now: now, limit: limit, rules: r}
}

// Rules are the rules the ranking follows.
func (rk *Ranking) Rules() Rules { return rk.rules }

// MaxPriority is the package's MaxPriority under the rules.
func (r Rules) MaxPriority(overdue float64, p Person, now time.Time) float64 {
	return r.maxPriority(overdue, p, now)
}

// DateSoon reports whether a date on d moves someone up at now under the
// rules.
func (r Rules) DateSoon(d MonthDay, now time.Time) bool {
	_, _, ok := soon(d, now, r.SoonDays)
	return ok
}

// SoonMonthDays is the package's SoonMonthDays under the rules.
func (r Rules) SoonMonthDays(now time.Time) []MonthDay { return soonMonthDays(now, r.SoonDays) }

// OwesReply reports whether you owe p an answer at now, and for how many
// days their message has waited.
func OwesReply(p Person, now time.Time) (bool, int) { return owesReply(p, now) }
