package cadence

import (
	"cmp"
	"fmt"
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
	// QuietDays is how long someone is left in peace after any interaction.
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
}

// Interval is the number of days the person's rhythm allows between real
// conversations.
func (p Person) Interval() int {
	if p.Every > 0 {
		return p.Every
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
	Birthday bool     // their birthday is today
	YourTurn bool     // they started the last TurnCount interactions
	Drift    []int    // the growing gaps, in days and oldest first, when drifting
	Reasons  []string // human reasons, most important first
	Left     string   // why they are left out of today, or ""
}

// Assess works out one person's status at now.
func Assess(p Person, now time.Time) Status { return assess(p, now, true) }

// assess is Assess, with the reasons in words only when words is set:
// ranking thousands of people needs the numbers of all of them but the
// words of only the few it keeps, and the words are most of the work.
func assess(p Person, now time.Time, words bool) Status {
	s := Status{Person: p, Interval: p.Interval()}
	s.LastRealAt = p.LastReal.At
	if p.LastReal.IsZero() {
		s.LastRealAt = p.CreatedAt
	}
	s.DaysSinceReal = max(0, DaysBetween(s.LastRealAt, now))
	s.DueRatio = round2(float64(s.DaysSinceReal) / float64(s.Interval))
	// Due compares whole days, not the rounded ratio: 364 days of 365 show
	// as 1.00 but are not yet due.
	s.Due = s.DaysSinceReal >= s.Interval
	s.Priority = s.DueRatio

	var boosts []string
	boosted := false
	boost := func(reason func() string) {
		boosted = true
		if words {
			boosts = append(boosts, reason())
		}
	}
	for _, d := range upcomingDates(p, now) {
		s.Priority += dateBoost
		boost(func() string { return d.label + " " + dayWords(d.days, d.at) })
		if d.birthday && d.days == 0 {
			s.Birthday = true
		}
	}
	for _, r := range p.Reminders {
		overdue, due := reminderOverdue(r, now)
		if !due {
			continue
		}
		s.Priority += memoryBoost
		boost(func() string { return "remember: " + oneLine(r.Text) + " (" + dueWords(overdue) + ")" })
	}
	if owed, days := owesReply(p, now); owed {
		s.Priority += owedBoost
		boost(func() string {
			if p.Last.Missed {
				return fmt.Sprintf("%s called %s ago, you have not called back", firstName(p.Name), Plural(days, "day"))
			}
			return fmt.Sprintf("%s wrote %s ago, you have not answered", firstName(p.Name), Plural(days, "day"))
		})
	}
	s.Boosted = boosted
	if YourTurn(p) {
		s.YourTurn = true
		s.Priority += turnBoost
		if words {
			boosts = append(boosts, turnWords(p))
		}
	}
	if gaps := Drift(p, now); gaps != nil {
		s.Drift = gaps
		if words {
			boosts = append(boosts, driftWords(gaps))
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
	if words {
		s.Reasons = append(s.Reasons, boosts...)
		if s.Due {
			s.Reasons = append(s.Reasons, sinceWords(p, s.DaysSinceReal))
			if n := triedSince(p); n > 0 {
				s.Reasons = append(s.Reasons, triedWords(n))
			}
			s.Reasons = append(s.Reasons, rhythmWords(p))
		}
	}
	s.Left = leftOut(p, s, now)
	return s
}

// Today returns the people to contact at now, at most limit of them (all
// when limit is 0 or less), in priority order: priority descending, then tier
// (inner first), then name.
func Today(people []Person, now time.Time, limit int) []Status {
	r := NewRanking(now, limit)
	for _, p := range people {
		r.Add(p)
	}
	return r.Result()
}

// Ranking is Today for people who come one at a time, as a store reads
// them: it keeps only the limit most pressing so far, so that ranking
// thousands of people never holds them all.
type Ranking struct {
	now   time.Time
	limit int
	top   []Status // most pressing first, at most limit when limit > 0
}

// NewRanking starts a ranking at now of at most limit people (all when
// limit is 0 or less).
func NewRanking(now time.Time, limit int) *Ranking { return &Ranking{now: now, limit: limit} }

// Add assesses p and keeps them if they are to be contacted and among the
// most pressing so far. What it keeps of p it copies, so the caller may use
// p's slices again once Add returns (a store reading thousands of people
// reads each one's history into the same memory).
func (r *Ranking) Add(p Person) {
	s := assess(p, r.now, false)
	if s.Left != "" || !(s.Due || s.Boosted) {
		return
	}
	if r.limit <= 0 {
		r.top = append(r.top, Assess(own(p), r.now))
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
	r.top = slices.Insert(r.top, i, Assess(own(p), r.now)) // now with the reasons in words
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
	if c := cmp.Compare(b.Priority, a.Priority); c != 0 {
		return c < 0
	}
	if c := cmp.Compare(a.Person.Tier.Rank(), b.Person.Tier.Rank()); c != 0 {
		return c < 0
	}
	return comparePriority(a, b, strings.ToLower(a.Person.Name), strings.ToLower(b.Person.Name)) < 0
}

// comparePriority is today's order: priority descending, then tier (inner
// first), then name (folded: aName and bName), then id.
func comparePriority(a, b *Status, aName, bName string) int {
	if c := cmp.Compare(b.Priority, a.Priority); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Person.Tier.Rank(), b.Person.Tier.Rank()); c != 0 {
		return c
	}
	if c := cmp.Compare(aName, bName); c != 0 {
		return c
	}
	return cmp.Compare(a.Person.ID, b.Person.ID)
}

// leftOut says why someone is not suggested today even if due.
func leftOut(p Person, s Status, now time.Time) string {
	switch {
	case !p.ArchivedAt.IsZero():
		return "archived"
	case p.SnoozedUntil.After(now):
		return "snoozed until " + p.SnoozedUntil.In(now.Location()).Format("Mon 2 Jan")
	}
	if t := lastTouch(p); !t.IsZero() && DaysBetween(t, now) <= QuietDays && !s.Birthday {
		return "talked " + AgoWords(max(0, DaysBetween(t, now)))
	}
	return ""
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

func triedWords(n int) string {
	switch n {
	case 1:
		return "you tried once since"
	case 2:
		return "you tried twice since"
	}
	return fmt.Sprintf("you tried %d times since", n)
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
// the next SoonDays days.
func upcomingDates(p Person, now time.Time) []upcoming {
	var out []upcoming
	add := func(d MonthDay, label string, birthday bool) {
		if days, next, ok := soon(d, now); ok {
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

func sinceWords(p Person, days int) string {
	if p.LastReal.IsZero() {
		return fmt.Sprintf("added %s ago, no real conversation yet", Plural(days, "day"))
	}
	switch p.LastReal.Via {
	case InPerson:
		return fmt.Sprintf("%s since you last met in person", Plural(days, "day"))
	case Video:
		return fmt.Sprintf("%s since your last video call", Plural(days, "day"))
	default:
		return fmt.Sprintf("%s since your last call", Plural(days, "day"))
	}
}

func rhythmWords(p Person) string {
	if p.Every > 0 {
		return EveryWords(p.Every)
	}
	return string(p.Tier) + ": " + EveryWords(p.Tier.Every())
}

// dayWords names a day in the next week: "today", "tomorrow", "on Friday".
func dayWords(days int, t time.Time) string {
	switch days {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	}
	return "on " + t.Weekday().String()
}

func dueWords(overdue int) string {
	switch overdue {
	case 0:
		return "due today"
	case 1:
		return "due yesterday"
	}
	return fmt.Sprintf("due %d days ago", overdue)
}

// AgoWords says how long ago a day was: "today", "yesterday", "43 days ago".
func AgoWords(days int) string {
	switch days {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	return fmt.Sprintf("%d days ago", days)
}

func firstName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return name
}

// oneLine keeps a reason on one line, however the memory was written.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}

// calendarDay is the start of t's date, read as a date and placed in loc.
func calendarDay(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }
