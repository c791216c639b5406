package domain

import (
	"time"
)

// LastNote is what you last talked about with someone: the note of the
// latest interaction with them that has one.
type LastNote struct {
	Note string
	At   time.Time
}

// DueMemory is an open memory whose day has come, with whose it is.
type DueMemory struct {
	Memory
	Name string // the person's name
}

// InteractionFilter narrows a listing of interactions.
type InteractionFilter struct {
	Person string    // only interactions with this person id, when set
	Since  time.Time // only those at or after this time, when set
	Limit  int       // at most this many, newest first; all when 0
}
