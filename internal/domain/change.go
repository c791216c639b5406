package domain

import "time"

// KeepChanges is how many of the latest changes undo can go back through.
const KeepChanges = 50

// Change is one change a command made, as undo can revert it.
type Change struct {
	Seq         int64
	At          time.Time
	Description string // what it did, in words: "logged a call with Ana Lima, Tue 24 Nov 2026 09:30"
	// Records are the records an undo of it put back or took away, as
	// Undo returns it: at most the first thousand.
	Records []Record
}

// Record names one record: a person, an interaction or a memory.
type Record struct {
	Type string // "person", "interaction" or "memory"
	ID   string
}

// ErrNothingToUndo means undo found no change to revert.
var ErrNothingToUndo = Errorf(ErrInvalid, "nothing to undo")
