package domain

import "time"

// KeepChanges is how many of the latest changes undo can go back through.
const KeepChanges = 50

// Change is one change a command made, as undo can revert it.
type Change struct {
	Seq         int64
	At          time.Time
	Description string // what it did, in words: "logged a call with Ana Lima, Tue 24 Nov 2026 09:30"
}

// ErrNothingToUndo means undo found no change to revert.
var ErrNothingToUndo = Errorf(ErrInvalid, "nothing to undo")
