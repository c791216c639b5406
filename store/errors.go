package store

import (
	"errors"
	"fmt"
)

// Errors a caller may want to tell apart with errors.Is. The errors the
// store returns carry a message for the user and match one of these.
var (
	// ErrNotFound means no record matched.
	ErrNotFound = errors.New("not found")
	// ErrNameTaken means an active person already has that name.
	ErrNameTaken = errors.New("name taken")
	// ErrInvalid means a value was refused before anything was written.
	ErrInvalid = errors.New("invalid")
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

// kindError is a message for the user that belongs to one of the kinds
// above, without repeating the kind's name in the message.
type kindError struct {
	kind error
	msg  string
}

func (e *kindError) Error() string        { return e.msg }
func (e *kindError) Is(target error) bool { return target == e.kind }

func kindErrorf(kind error, format string, args ...any) error {
	return &kindError{kind: kind, msg: fmt.Sprintf(format, args...)}
}
