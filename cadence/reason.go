package cadence

import "time"

// ReasonKind says what a reason is about. The rules decide the reasons and
// their facts; internal/words says them in English, so that ranking
// thousands of people makes no sentences at all.
type ReasonKind uint8

// The kinds of reason, and the facts of a Reason each one uses.
const (
	// ReasonDate: a birthday or important date today or soon. Label is
	// "birthday" or the date's label, Days how far ahead (0 today), On the
	// day it falls on.
	ReasonDate ReasonKind = iota + 1
	// ReasonMemory: a memory has come due. Label is its text, Days how
	// many days ago it came due.
	ReasonMemory
	// ReasonWrote: their message has waited Days days for an answer. Name
	// is theirs; Via is Gift when it was a gift, else empty.
	ReasonWrote
	// ReasonCalled: their call, which you missed, has waited Days days to
	// be returned. Name is theirs.
	ReasonCalled
	// ReasonTurn: they started the last Count interactions. Name is theirs.
	ReasonTurn
	// ReasonDrift: the gaps between real conversations keep growing: Gaps,
	// in days, oldest first (the same slice as Status.Drift).
	ReasonDrift
	// ReasonSince: Days since the last real conversation, which was by Via.
	ReasonSince
	// ReasonAdded: Days since they were added, with no real conversation.
	ReasonAdded
	// ReasonTried: Count calls of yours did not connect since the last
	// real conversation.
	ReasonTried
	// ReasonRhythm: their rhythm is every Days days, their own when Own,
	// otherwise set by Label (a tag or tier).
	ReasonRhythm

	// The reasons someone due is left out of today (a Left).

	// ReasonArchived: they are archived.
	ReasonArchived
	// ReasonSnoozed: they are snoozed until Until (in now's location).
	ReasonSnoozed
	// ReasonQuiet: you were in touch Days days ago, within the quiet days.
	ReasonQuiet
)

// Reason is one reason to get in touch with someone, or to leave them be,
// as facts. Which facts count depends on Kind.
type Reason struct {
	Kind  ReasonKind
	Own   bool
	Days  int
	Count int
	On    time.Time
	Label string
	Name  string
	Via   Channel
	Gaps  []int
}

// Left says why someone is left out of today even if due. It is apart
// from Reason, and small, because every Status holds one: a plan's Later
// holds thousands.
type Left struct {
	Kind  ReasonKind // ReasonArchived, ReasonSnoozed or ReasonQuiet; 0 when not left out
	Days  int        // ReasonQuiet: how many days ago you were in touch
	Until time.Time  // ReasonSnoozed: the day the snooze ends, in now's location
}

// IsZero reports whether they are not left out.
func (l Left) IsZero() bool { return l.Kind == 0 }
