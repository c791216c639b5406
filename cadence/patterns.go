package cadence

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Patterns in someone's history that a thoughtful friend would notice: who
// has been doing the reaching out, whether your real conversations keep a
// rhythm of their own, and whether the gaps between them keep growing.
//
// They read Person.Recent, Person.RecentReal and Person.LastIn; a person
// without that history shows no pattern.

const (
	// RecentCount is how many of the latest interactions Person.Recent holds:
	// as many as the longest reciprocity rule looks at.
	RecentCount = OneSidedCount
	// RealCount is how many of the latest real conversations
	// Person.RecentReal holds: enough for a median over seven gaps, so that
	// one odd gap does not decide the rhythm hint.
	RealCount = 8

	// TurnCount is how many interactions in a row they must have started for
	// it to be your turn.
	TurnCount = 3
	// OneSidedCount is how many interactions in a row you must have started,
	// with nothing from them in OneSidedDays, for show to note it.
	OneSidedCount = 5
	// OneSidedDays is how long they must not have reached out for the
	// one-sided note.
	OneSidedDays = 365
	// RhythmMin is how many real conversations, on different days, a rhythm
	// hint needs.
	RhythmMin = 4
	// RhythmSpan is how many of the intervals a rhythm hint suggests its
	// conversations must span: calls on 20, 25 and 30 November after a
	// silence since June are a burst, not a rhythm of five days.
	RhythmSpan = 3
	// DriftGaps is how many gaps between real conversations, each longer than
	// the one before, make someone drifting.
	DriftGaps = 3

	// turnBoost is as large as an owed reply: when they reached out three
	// times in a row, answering is as pressing as a message waiting.
	turnBoost = 0.5
	// driftBoost is small on purpose: it is there to bring a drifting inner
	// or close friend into today's list from half their interval on, not to
	// push aside people who are overdue.
	driftBoost = 0.25
	// fitFactor is how far a tier's rhythm may be from the median gap and
	// still be suggested: up to twice or half of it, the same band the hint
	// itself allows the current rhythm.
	fitFactor = 2
)

// YourTurn reports whether they started each of the last TurnCount
// interactions.
func YourTurn(p Person) bool {
	if len(p.Recent) < TurnCount {
		return false
	}
	for _, c := range p.Recent[:TurnCount] {
		if c.Direction != In {
			return false
		}
	}
	return true
}

// OneSided reports whether you started each of the last OneSidedCount
// interactions and they have not reached out in OneSidedDays. It is a note
// for show, never a change of priority: some friendships are like that.
func OneSided(p Person, now time.Time) bool {
	if len(p.Recent) < OneSidedCount {
		return false
	}
	for _, c := range p.Recent[:OneSidedCount] {
		if c.Direction != Out {
			return false
		}
	}
	since := p.LastIn.At
	if p.LastIn.IsZero() {
		// They never reached out: the silence runs from the first thing
		// known of them, so that five calls in a month to someone added last
		// month are not "a year" of silence.
		since = p.Recent[OneSidedCount-1].At
		if !p.CreatedAt.IsZero() && p.CreatedAt.Before(since) {
			since = p.CreatedAt
		}
	}
	return DaysBetween(since, now) >= OneSidedDays
}

// Drift returns the gaps in days, oldest first, between the last DriftGaps+1
// real conversations with an inner or close person when each gap is longer
// than the one before and the latest is longer than their interval; nil
// otherwise. Drifting is falling behind the rhythm: gaps of 4, 5 and 7 days
// with a weekly friend are no drift.
func Drift(p Person, now time.Time) []int {
	if p.Tier != Inner && p.Tier != Close {
		return nil
	}
	gaps := realGaps(p, now.Location())
	if len(gaps) < DriftGaps {
		return nil
	}
	last := slices.Clone(gaps[:DriftGaps])
	slices.Reverse(last)
	for i := 1; i < len(last); i++ {
		if last[i] <= last[i-1] {
			return nil
		}
	}
	if last[len(last)-1] <= p.Interval() {
		return nil // gaps that grow inside the rhythm are no drift
	}
	return last
}

// RhythmHint is a suggestion to fit someone's rhythm to the one your real
// conversations actually keep. It is only ever shown, never applied.
type RhythmHint struct {
	Conversations int     // the real conversations (on different days) it is drawn from
	MedianGap     float64 // the median number of days between them
	Days          int     // the median gap in whole days, as the hint says it
	Interval      int     // the rhythm set now, in days
	Own           bool    // the rhythm set now is their own --every
	Tag           string  // the tag that sets the rhythm now, or "" when none does
	Current       Tier    // their tier now
	Tier          Tier    // the tier suggested, or "" when Every is suggested
	Every         int     // the --every suggested, in days, or 0 when a tier is
}

// Rhythm suggests a better tier or rhythm when there are at least RhythmMin
// real conversations, their median gap is under half the interval or over
// twice it, and the gaps that keep that median span at least RhythmSpan of
// the intervals it suggests. The tier suggested is the one whose rhythm is nearest the
// median (as a ratio, so 12 days is nearer 7 than 30) if it is another tier
// and within fitFactor of the median; otherwise an --every of the median.
// Someone with an --every of their own is always offered an --every, since a
// new tier would not change their rhythm.
func Rhythm(p Person, now time.Time) (RhythmHint, bool) { return defaultRules.RhythmHint(p, now) }

// RhythmHint is the package's Rhythm under the rules: the interval is the
// one the rules give p (their own, a tag's or their tier's), and the tiers
// offered have the rules' rhythms.
func (r Rules) RhythmHint(p Person, now time.Time) (RhythmHint, bool) {
	p = r.resolve(p)
	byTag := p.Every == 0 && p.rhythmFrom != string(p.Tier)
	gaps := realGaps(p, now.Location())
	if len(gaps)+1 < RhythmMin {
		return RhythmHint{}, false
	}
	h := RhythmHint{Conversations: len(gaps) + 1, MedianGap: medianInts(gaps), Interval: p.Interval()}
	iv := float64(h.Interval)
	if !(2*h.MedianGap < iv || h.MedianGap > 2*iv) {
		return RhythmHint{}, false
	}
	days := min(MaxEvery, max(1, int(math.Round(h.MedianGap))))
	best := slices.MinFunc(Tiers(), func(a, b Tier) int {
		return cmp.Compare(ratioDistance(h.MedianGap, r.TierEvery(a)), ratioDistance(h.MedianGap, r.TierEvery(b)))
	})
	// A tier is offered only where the tier sets the rhythm: a person's
	// own --every, or a tag's, wins over any tier.
	if p.Every == 0 && !byTag && best != p.Tier && ratioDistance(h.MedianGap, r.TierEvery(best)) <= math.Log(fitFactor) {
		h.Tier = best
	} else {
		h.Every = days
	}

	// A burst is not a rhythm: the gaps that keep it must together span at
	// least RhythmSpan of the intervals it would suggest.
	suggested := h.Every
	if h.Tier != "" {
		suggested = r.TierEvery(h.Tier)
	}
	if keptSpan(gaps, h.MedianGap) < RhythmSpan*suggested {
		return RhythmHint{}, false
	}

	h.Days, h.Own, h.Current = days, p.Every > 0, p.Tier
	if byTag {
		h.Tag = p.rhythmFrom
	}
	return h, true
}

// NoteKind says what a Note is about.
type NoteKind uint8

const (
	// NoteOneSided: you started the last Count interactions, and Name has
	// not reached out in OneSidedDays.
	NoteOneSided NoteKind = iota + 1
	// NoteRhythm: Hint, a rhythm that fits your conversations better.
	NoteRhythm
)

// Note is one of the gentle observations show adds about someone, as
// facts; internal/words says them.
type Note struct {
	Kind  NoteKind
	Name  string     // NoteOneSided: theirs
	Count int        // NoteOneSided: how many times in a row you reached out
	Hint  RhythmHint // NoteRhythm
}

// Notes are the gentle observations show adds about someone, which never
// change their priority: that you have been the one reaching out, and a
// rhythm hint.
func Notes(p Person, now time.Time) []Note { return defaultRules.Notes(p, now) }

// Notes is the package's Notes under the rules.
func (r Rules) Notes(p Person, now time.Time) []Note {
	var out []Note
	if OneSided(p, now) {
		out = append(out, Note{Kind: NoteOneSided, Name: p.Name, Count: OneSidedCount})
	}
	if h, ok := r.RhythmHint(p, now); ok {
		out = append(out, Note{Kind: NoteRhythm, Hint: h})
	}
	return out
}

// realGaps returns the days between consecutive real conversations, newest
// first. Conversations on the same day (a call, then dinner) count once, so
// that a busy day does not read as a rhythm of zero days.
func realGaps(p Person, loc *time.Location) []int {
	days := make([]time.Time, 0, len(p.RecentReal))
	for _, t := range p.RecentReal {
		days = append(days, startOfDay(t.In(loc)))
	}
	slices.SortFunc(days, func(a, b time.Time) int { return b.Compare(a) })
	days = slices.CompactFunc(days, time.Time.Equal)
	gaps := make([]int, 0, len(days))
	for i := 1; i < len(days); i++ {
		gaps = append(gaps, DaysBetween(days[i], days[i-1]))
	}
	return gaps
}

// keptSpan is the days the gaps that keep a rhythm of median days span
// together: every gap but those longer than fitFactor times the median (a
// long silence before a burst of calls is no part of the rhythm).
func keptSpan(gaps []int, median float64) int {
	n := 0
	for _, g := range gaps {
		if float64(g) <= fitFactor*median {
			n += g
		}
	}
	return n
}

// ratioDistance is how far apart two rhythms are as a ratio: doubling and
// halving are equally far.
func ratioDistance(median float64, every int) float64 {
	return math.Abs(math.Log(median / float64(every)))
}

// medianInts is the median of ns, the mean of the middle two when their
// number is even; 0 for none.
func medianInts(ns []int) float64 {
	if len(ns) == 0 {
		return 0
	}
	s := slices.Clone(ns)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return float64(s[mid])
	}
	return float64(s[mid-1]+s[mid]) / 2
}
