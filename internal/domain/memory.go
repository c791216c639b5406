package domain

import "time"

// Memory is something a person told you, to remember or follow up.
type Memory struct {
	ID        string
	PersonID  string
	Text      string
	Due       time.Time // a calendar day (only its date counts), or zero
	DoneAt    time.Time // zero while open
	CreatedAt time.Time
}

// Done reports whether the memory has been marked done.
func (m Memory) Done() bool { return !m.DoneAt.IsZero() }
