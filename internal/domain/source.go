package domain

import (
	"time"

	"github.com/tend-app/tend/cadence"
)

// Sourced is an interaction a source key already points to.
type Sourced struct {
	ID        string
	At        time.Time
	Direction cadence.Direction
}

// SourceKey links the source key of a call or message to its interaction.
type SourceKey struct {
	Key         int64
	Interaction string
}

// LoggedCall is a call or video call tend has, as a log import matches
// calls of its file against it.
type LoggedCall struct {
	ID      string
	Person  string
	At      time.Time
	Missed  bool
	In      bool // theirs
	Sourced bool // a log import wrote it (else it was logged by hand, or brought by another kind of import)
}
