package store

import (
	"errors"
)

// Errors a caller may want to tell apart with errors.Is. The errors the
// store returns carry a message for the user and match one of these.
var (
	// ErrNewerSchema means the file was written by a newer tend.
	ErrNewerSchema = errors.New("database from a newer version of tend")
	// ErrReadOnly means the database could be read but not written.
	ErrReadOnly = errors.New("database is read-only")
	// ErrDamaged means SQLite found the file damaged: writes are refused
	// until it checks out or a backup is restored.
	ErrDamaged = errors.New("database is damaged")
	// ErrReplaced means the path no longer names the file the store
	// opened, or an orphan -wal lies where a new database would go.
	ErrReplaced = errors.New("database file replaced")
	// ErrBusy means another process held the database for writing for
	// longer than a write waits.
	ErrBusy = errors.New("database busy")
)
