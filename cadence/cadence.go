package cadence

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
)

// Rules of the cadence, named so that the reasons and the tests speak of the
// same numbers.
const (
	// SoonDays is how far ahead a birthday or important date boosts someone.
	SoonDays = 3
	// QuietDays is how long someone is left in peace after you were in
	// touch: your side of the contact, or a real conversation (lastTouch).
	QuietDays = 2
	// DefaultLimit is how many people today suggests.
	DefaultLimit = 5

	dateBoost     = 1.0
	memoryBoost   = 0.5
	owedBoost     = 0.5
	owedAfterHour = 24
)

// Contact is one interaction as cadence sees it.
type Contact struct {
	At        time.Time
	Via       Channel
	Direction Direction
	// Missed says the call did not connect: yours is you trying, theirs is
	// them reaching out. A missed call is never a real conversation.
	Missed bool
}

// Conversation reports whether the contact was a real conversation: a
// real channel, and it connected.
func (c Contact) Conversation() bool { return c.Via.Real() && !c.Missed }

// IsZero reports whether there was no such interaction.
func (c Contact) IsZero() bool { return c.At.IsZero() }

// Dated is an important date in someone's life, such as an anniversary.
type Dated struct {
	Label string
	Date  MonthDay
}

// Reminder is an open memory: something they told you, maybe with a day to
// bring it back on.
type Reminder struct {
	Text string
	Due  time.Time // zero when it has no due date; only its year, month and day count
}

// Person is everything cadence needs to know about someone.
type Person struct {
	ID             string
	Name           string
	Tier           Tier
	Every          int // days; 0 means the tier's default
	Birthday       MonthDay
	ImportantDates []Dated
	CreatedAt      time.Time
	ArchivedAt     time.Time // zero when active
	SnoozedUntil   time.Time // zero when not snoozed
	LastReal       Contact   // the latest real conversation, if any
	Last           Contact   // the latest interaction of any kind, if any
	Reminders      []Reminder

	// The rules about patterns (patterns.go) read a little more history.
	// Left empty, those rules stay silent and the rest works as before.

	// Recent is the latest interactions of any kind, newest first, at most
	// RecentCount of them.
	Recent []Contact
	// RecentReal is when the latest real conversations were, newest first,
	// at most RealCount of them.
	RecentReal []time.Time
	// LastIn is the latest interaction they started, if any. Only whether
	// it falls within OneSidedDays matters, so a caller may leave it empty
	// when it is older than that before the latest interaction.
	LastIn Contact
	// Tags are the person's tags, for the rhythms Rules set by tag.
	Tags []string

	rhythm     int    // the days Rules give them, once resolved; 0 before
	rhythmFrom string // the tag or tier those days come from; "" for Every
}

// Interval is the number of days the person's rhythm allows between real
// conversations.
func (p Person) Interval() int {
	if p.Every > 0 {
		return p.Every
	}
	if p.rhythm > 0 {
		return p.rhythm
	}
	return p.Tier.Every()
}

// Status is where someone stands at a moment: how long since you really
// talked, whether they are due, and why they would be suggested.
type Status struct {
	Person        Person
	Interval      int
	LastRealAt    time.Time // LastReal.At, or CreatedAt when you never talked
	DaysSinceReal int
	DueRatio      float64
	Due           bool
	Priority      float64
	// Boosted says a date, a due memory, an owed reply or drift raised the
	// priority, which makes someone a suggestion before they are due.
	// YourTurn does not count: it raises the priority of someone due, but on
	// its own it is no reason to call (you may have talked last week).
	Boosted  bool
	Birthday bool // their birthday is today
	// DateToday says their birthday or an important date is today and
	// not yet answered: they lead today's list.
	DateToday bool
	// MemoryDue says a memory of theirs has come due and you have not
	// been in touch since: it makes them a suggestion even in the quiet
	// days.
	MemoryDue bool
	// Answered lists the memories that have come due since which you have
	// been in touch: today reminds you to mark them done.
	Answered []Reminder
	YourTurn bool     // they started the last TurnCount interactions
	Drift    []int    // the growing gaps, in days and oldest first, when drifting
	Reasons  []Reason // why to get in touch, most important first; internal/words says them
	Left     Left     // why they are left out of today; zero when they are not
}

// Resting says s is due but left out of today for the quiet days after a
// recent contact: a day with no one to call names them.
func (s Status) Resting() bool { return s.Due && s.Left.Kind == ReasonQuiet }

// Assess works out one person's status at now.
func Assess(p Person, now time.Time) Status { return defaultRules.assess(p, now, true) }

// assess is Assess, with the reasons only when reasons is set: ranking
// thousands of people needs the numbers of all of them but the reasons of
// only the few it keeps.
func (r *Rules) assess(p Person, now time.Time, reasons bool) Status {
	p = r.resolve(p)
	s := Status{Person: p, Interval: p.Interval()}
	s.LastRealAt = p.LastReal.At
	if p.LastReal.IsZero() {
		s.LastRealAt = p.CreatedAt
	}
	s.DaysSinceReal = max(0, DaysBetween(s.LastRealAt, now))
	s.DueRatio = dueRatio(s.DaysSinceReal, s.Interval)
	// Due compares whole days; the ratio agrees (dueRatio).
	s.Due = s.DaysSinceReal >= s.Interval
	s.Priority = s.DueRatio

	var room [4]Reason // the boosts of nearly everyone, without an allocation
	boosts := room[:0]
	boosted := false
	boost := func(reason func() Reason) {
		boosted = true
		if reasons {
			boosts = append(boosts, reason())
		}
	}
	for _, d := range upcomingDates(p, now, r.SoonDays) {
		if answered(p, d.at) {
			continue // a call, a dinner or their reply on the day answers it
		}
		s.Priority += dateBoost
		boost(func() Reason { return Reason{Kind: ReasonDate, Label: d.label, Days: d.days, On: d.at} })
		if d.days == 0 {
			s.DateToday = true
			s.Birthday = s.Birthday || d.birthday
		}
	}
	for _, m := range p.Reminders {
		overdue, due := ReminderOverdue(m, now)
		if !due {
			continue
		}
		if MemoryAnswered(p, m, now) {
			// In touch on or after its day: a thing to mark done, not a
			// reason to call.
			if reasons {
				s.Answered = append(s.Answered, m)
			}
			continue
		}
		s.Priority += memoryBoost
		s.MemoryDue = true
		boost(func() Reason { return Reason{Kind: ReasonMemory, Label: m.Text, Days: overdue} })
	}
	if owed, days := owesReply(p, now); owed {
		s.Priority += owedBoost
		boost(func() Reason {
			if p.Last.Missed {
				return Reason{Kind: ReasonCalled, Name: p.Name, Days: days}
			}
			r := Reason{Kind: ReasonWrote, Name: p.Name, Days: days}
			if p.Last.Via == Gift {
				r.Via = Gift // a gift is not written: the words differ
			}
			return r
		})
	}
	s.Boosted = boosted
	if YourTurn(p) {
		s.YourTurn = true
		s.Priority += turnBoost
		if reasons {
			boosts = append(boosts, Reason{Kind: ReasonTurn, Name: p.Name, Count: TurnCount})
		}
	}
	if gaps := Drift(p, now); gaps != nil {
		s.Drift = gaps
		if reasons {
			boosts = append(boosts, Reason{Kind: ReasonDrift, Gaps: gaps})
		}
		// Drift is meant to be noticed before someone is overdue, but not
		// the day after a conversation: from half their interval on.
		if 2*s.DaysSinceReal >= s.Interval {
			s.Priority += driftBoost
			s.Boosted = true
		}
	}
	s.Priority = round2(s.Priority)

	// A boost that is about a day (a birthday) leads; the rhythm follows.
	if reasons {
		// One allocation of the size needed: the Later of a plan holds
		// thousands of statuses.
		n := len(boosts)
		if s.Due {
			n += 3
		}
		if n > 0 {
			s.Reasons = append(make([]Reason, 0, n), boosts...)
		}
		if s.Due {
			s.Reasons = append(s.Reasons, sinceReason(p, s.DaysSinceReal))
			if n := triedSince(p); n > 0 {
				s.Reasons = append(s.Reasons, Reason{Kind: ReasonTried, Count: n})
			}
			s.Reasons = append(s.Reasons, rhythmReason(p))
		}
	}
	s.Left = leftOut(p, s, now, r.QuietDays)
	return s
}

// Today returns the people to contact at now, at most limit of them (all
// when limit is 0 or less), in today's order: a birthday or important date
// today first, then priority descending, then tier (inner first), then name.
func Today(people []Person, now time.Time, limit int) []Status {
	return defaultRules.Today(people, now, limit)
}

// Ranking is Today for people who come one at a time, as a store reads
// them: it keeps only the limit most pressing so far, so that ranking
// thousands of people never holds them all.
type Ranking struct {
	now   time.Time
	limit int
	top   []Status // most pressing first, at most limit when limit > 0
	rules Rules
	given int // how many it was given who are to be contacted
}

// Cut reports whether the limit left out someone it was given who is to be
// contacted today. (A store that stops giving people once the ranking
// needs no more may leave out more than it gave: Suggested counts them.)
func (r *Ranking) Cut() bool { return r.given > len(r.top) }

// Suggested reports whether p is to be contacted at now under the default
// rules: due or moved up, and not left out. Today keeps the most pressing
// of them.
func Suggested(p Person, now time.Time) bool { return defaultRules.Suggested(p, now) }

// Suggested reports whether p is to be contacted at now under r.
func (r Rules) Suggested(p Person, now time.Time) bool {
	s := r.assess(p, now, false)
	return s.Left.IsZero() && (s.Due || s.Boosted)
}

// NewRanking starts a ranking at now of at most limit people (all when
// limit is 0 or less).
func NewRanking(now time.Time, limit int) *Ranking { return defaultRules.NewRanking(now, limit) }

// Add assesses p and keeps them if they are to be contacted and among the
// most pressing so far. What it keeps of p it copies, so the caller may use
// p's slices again once Add returns (a store reading thousands of people
// reads each one's history into the same memory).
func (r *Ranking) Add(p Person) {
	s := r.rules.assess(p, r.now, false)
	if !s.Left.IsZero() || !(s.Due || s.Boosted) {
		return
	}
	r.given++
	if r.limit <= 0 {
		r.top = append(r.top, r.rules.Assess(own(p), r.now))
		return
	}
	// After everyone kept who comes before s or ties with it: the order a
	// stable sort of everyone would give.
	i := len(r.top)
	for i > 0 && before(&s, &r.top[i-1]) {
		i--
	}
	if i >= r.limit {
		return
	}
	r.top = slices.Insert(r.top, i, r.rules.Assess(own(p), r.now)) // now with the reasons
	if len(r.top) > r.limit {
		r.top = r.top[:r.limit]
	}
}

// own gives p slices of its own.
func own(p Person) Person {
	p.ImportantDates = slices.Clone(p.ImportantDates)
	p.Reminders = slices.Clone(p.Reminders)
	p.Recent = slices.Clone(p.Recent)
	p.RecentReal = slices.Clone(p.RecentReal)
	p.Tags = slices.Clone(p.Tags)
	return p
}

// Result returns the people to contact, most pressing first.
func (r *Ranking) Result() []Status {
	if r.limit <= 0 {
		SortByPriority(r.top)
	}
	return r.top
}

// SortByPriority orders statuses as today lists them.
func SortByPriority(ss []Status) {
	// A Status is a few hundred bytes, and a sort of thousands moves them
	// many times over; sorting their positions instead moves each once.
	// Names are folded once each, not once per comparison.
	order := make([]int, len(ss))
	names := make([]string, len(ss))
	for i := range ss {
		order[i] = i
		names[i] = strings.ToLower(ss[i].Person.Name)
	}
	slices.SortStableFunc(order, func(i, j int) int { return comparePriority(&ss[i], &ss[j], names[i], names[j]) })
	sorted := make([]Status, len(ss))
	for k, i := range order {
		sorted[k] = ss[i]
	}
	copy(ss, sorted)
}

// before reports whether a comes before b in today's order, folding the
// names only when it comes to them.
func before(a, b *Status) bool {
	if c := compareNumbers(a, b); c != 0 {
		return c < 0
	}
	return comparePriority(a, b, strings.ToLower(a.Person.Name), strings.ToLower(b.Person.Name)) < 0
}

// compareNumbers is today's order before the names: a date today first
// (the day cannot wait, the rhythm can), inner tier first among several;
// then priority descending, then tier.
func compareNumbers(a, b *Status) int {
	if a.DateToday != b.DateToday {
		if a.DateToday {
			return -1
		}
		return 1
	}
	if a.DateToday {
		if c := cmp.Compare(a.Person.Tier.Rank(), b.Person.Tier.Rank()); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(b.Priority, a.Priority); c != 0 {
		return c
	}
	return cmp.Compare(a.Person.Tier.Rank(), b.Person.Tier.Rank())
}

// comparePriority is today's order: a date today first, then priority
// descending, then tier (inner first), then name (folded: aName and
// bName), then id.
func comparePriority(a, b *Status, aName, bName string) int {
	if c := compareNumbers(a, b); c != 0 {
		return c
	}
	if c := cmp.Compare(aName, bName); c != 0 {
		return c
	}
	return cmp.Compare(a.Person.ID, b.Person.ID)
}

// leftOut says why someone is not suggested today even if due.
func leftOut(p Person, s Status, now time.Time, quietDays int) Left {
	switch {
	case !p.ArchivedAt.IsZero():
		return Left{Kind: ReasonArchived}
	case p.SnoozedUntil.After(now):
		return Left{Kind: ReasonSnoozed, Until: p.SnoozedUntil.In(now.Location())}
	}
	if t := lastTouch(p); !t.IsZero() && DaysBetween(t, now) <= quietDays && !s.DateToday && !s.MemoryDue {
		return Left{Kind: ReasonQuiet, Days: max(0, DaysBetween(t, now))}
	}
	return Left{}
}

// answered reports whether there was any interaction with p on day's
// calendar day, in day's location (the user's, as now's): it answers a
// date on that day. Stored moments are UTC, so the day is counted in day's
// location, not in the moment's.
func answered(p Person, day time.Time) bool {
	on := func(c Contact) bool { return !c.IsZero() && DaysBetween(c.At, day) == 0 }
	if on(p.Last) {
		return true
	}
	for _, c := range p.Recent {
		if on(c) {
			return true
		}
	}
	return false
}

// lastTouch is when you were last in touch as the quiet days count it:
// your side of the contact (a message, a call that did not connect) or a
// real conversation. Their unanswered message does not count: it waits
// for you. Zero when there was none.
func lastTouch(p Person) time.Time {
	t := p.LastReal.At
	recent := p.Recent
	if len(recent) == 0 && !p.Last.IsZero() {
		recent = []Contact{p.Last}
	}
	for _, c := range recent {
		if c.Direction == Out || c.Conversation() {
			if c.At.After(t) {
				t = c.At
			}
			break
		}
	}
	return t
}

// triedSince counts your calls that did not connect since the last real
// conversation, among the recent interactions.
func triedSince(p Person) int {
	n := 0
	for _, c := range p.Recent {
		if !c.At.After(p.LastReal.At) {
			break
		}
		if c.Missed && c.Direction == Out {
			n++
		}
	}
	return n
}

// owesReply reports whether the latest interaction is theirs and not a
// conversation (a message, a call you missed), older than a day with
// nothing after it, and how many days it has waited.
func owesReply(p Person, now time.Time) (bool, int) {
	l := p.Last
	if l.IsZero() || l.Direction != In || l.Conversation() {
		return false, 0
	}
	if now.Sub(l.At) <= owedAfterHour*time.Hour {
		return false, 0
	}
	return true, max(1, DaysBetween(l.At, now))
}

type upcoming struct {
	days     int
	at       time.Time // the day it falls on
	birthday bool
	label    string
}

// upcomingDates lists the birthday and important dates falling today or in
// the next soonDays days.
func upcomingDates(p Person, now time.Time, soonDays int) []upcoming {
	var out []upcoming
	add := func(d MonthDay, label string, birthday bool) {
		if days, next, ok := soon(d, now, soonDays); ok {
			out = append(out, upcoming{days: days, at: next, birthday: birthday, label: label})
		}
	}
	add(p.Birthday, "birthday", true)
	for _, d := range p.ImportantDates {
		add(d.Date, strings.TrimSpace(d.Label), false)
	}
	slices.SortStableFunc(out, func(a, b upcoming) int { return cmp.Compare(a.days, b.days) })
	return out
}

// sinceReason says how long since the last real conversation, or since
// they were added when there was none.
func sinceReason(p Person, days int) Reason {
	if p.LastReal.IsZero() {
		return Reason{Kind: ReasonAdded, Days: days}
	}
	return Reason{Kind: ReasonSince, Days: days, Via: p.LastReal.Via}
}

// rhythmReason says their rhythm and what sets it.
func rhythmReason(p Person) Reason {
	if p.Every > 0 {
		return Reason{Kind: ReasonRhythm, Days: p.Every, Own: true}
	}
	if p.rhythmFrom != "" {
		return Reason{Kind: ReasonRhythm, Days: p.Interval(), Label: p.rhythmFrom}
	}
	return Reason{Kind: ReasonRhythm, Days: p.Tier.Every(), Label: string(p.Tier)}
}

// calendarDay is the start of t's date, read as a date and placed in loc.
func calendarDay(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// dueRatio is days over interval to two decimals, below 1 until the
// interval has passed: 999 days of 1,000 are 0.99, not a rounded 1.00
// that reads as due when the person is not.
func dueRatio(days, interval int) float64 {
	r := round2(float64(days) / float64(interval))
	if r >= 1 && days < interval {
		return 0.99
	}
	return r
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
