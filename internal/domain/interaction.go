package domain

import (
	"fmt"
	"time"

	"github.com/tend-app/tend/cadence"
)

// Interaction is one time you and one or more people were in touch: a dinner
// with three friends is one interaction.
type Interaction struct {
	ID        string
	People    []string // person ids; read back in the order of their names
	Names     []string // their names, filled in when read
	Via       cadence.Channel
	Direction cadence.Direction
	At        time.Time
	Minutes   int // 0 when not recorded
	Note      string
	// Missed says the call did not connect: not a conversation, but you
	// trying (out) or them reaching out (in). Only a call or a video call
	// can be missed.
	Missed    bool
	CreatedAt time.Time
}

// Validate checks an interaction before it is written.
func (in *Interaction) Validate() error {
	if len(in.People) == 0 {
		return Errorf(ErrInvalid, "an interaction needs at least one person")
	}
	via, err := cadence.ParseChannel(string(in.Via))
	if err != nil {
		return Errorf(ErrInvalid, "%v", err)
	}
	in.Via = via // "phone" is accepted, and the table holds "call"
	if in.Direction == "" {
		in.Direction = cadence.Out
	}
	dir, err := cadence.ParseDirection(string(in.Direction))
	if err != nil {
		return Errorf(ErrInvalid, "%v", err)
	}
	in.Direction = dir
	if in.At.IsZero() {
		return Errorf(ErrInvalid, "an interaction needs a time")
	}
	if err := CheckContact(in.Via, in.Missed, in.Minutes); err != nil {
		return err
	}
	if in.Minutes > 24*60*7 {
		return Errorf(ErrInvalid, "minutes must be between 1 and %d, not %d", 24*60*7, in.Minutes)
	}
	return ValidNewText("note", in.Note)
}

// CheckContact refuses minutes below zero, a missed contact that was not
// a call, and a missed call with minutes, as a *LogError, which each face
// words for its own flags or fields.
func CheckContact(via cadence.Channel, missed bool, minutes int) error {
	switch {
	case minutes < 0:
		return &LogError{Problem: NegativeMinutes, Via: via, Minutes: minutes}
	case missed && via != cadence.Call && via != cadence.Video:
		return &LogError{Problem: MissedNotACall, Via: via, Minutes: minutes}
	case missed && minutes > 0:
		return &LogError{Problem: MissedWithMinutes, Via: via, Minutes: minutes}
	}
	return nil
}

// LogProblem is why a log or an amend is refused before anything is
// looked up: each face says it in its own words, naming its own flag or
// field.
type LogProblem int

const (
	// MissedNotACall: only a call or a video call can be missed.
	MissedNotACall LogProblem = iota + 1
	// MissedWithMinutes: a missed call lasted no time.
	MissedWithMinutes
	// NegativeMinutes: minutes below zero.
	NegativeMinutes
)

// LogError is a log refused for a LogProblem, with the values at fault.
type LogError struct {
	Problem LogProblem
	Via     cadence.Channel
	Minutes int
}

func (e *LogError) Error() string {
	switch e.Problem {
	case MissedNotACall:
		return "only a call or a video call can be missed, not " + string(e.Via)
	case MissedWithMinutes:
		return "a missed call lasted no minutes"
	}
	return fmt.Sprintf("minutes must be a positive number, not %d", e.Minutes)
}

// Is makes a LogError match ErrInvalid.
func (e *LogError) Is(target error) bool { return target == ErrInvalid }

// ErrNoOneLeft means an amend would take everyone out of an interaction:
// removing it is a different change, which the faces name.
var ErrNoOneLeft = Errorf(ErrInvalid, "that would leave no one in it")

// FieldError is a value refused for one field of a change (a list item to
// take out that is not there, say); Field names it as the command line's
// flag does, without dashes ("rm-tag").
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }
