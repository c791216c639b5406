package domain

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// The kinds of error a use case may return about the records themselves.
// Every error carries a message for the user and matches one of these
// with errors.Is; the faces decide what to add (a hint to run a command,
// a key to press).
var (
	// ErrNotFound means no record matched.
	ErrNotFound = errors.New("not found")
	// ErrNameTaken means an active person already has that name.
	ErrNameTaken = errors.New("name taken")
	// ErrInvalid means a value was refused before anything was written.
	ErrInvalid = errors.New("invalid")
	// ErrArchived means the person was let go: they are kept, but not
	// tended, until restored.
	ErrArchived = errors.New("archived")
)

// kindError is a message for the user that belongs to one kind, without
// repeating the kind's name in the message.
type kindError struct {
	kind error
	msg  string
}

func (e *kindError) Error() string        { return e.msg }
func (e *kindError) Is(target error) bool { return target == e.kind }

// Errorf makes an error of one kind (ErrInvalid, or a kind of the caller's
// own) whose message is the formatted text alone.
func Errorf(kind error, format string, args ...any) error {
	return &kindError{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// ClipLength is how much of what a user typed an error quotes back.
const ClipLength = 60

// Clip shortens text quoted back in an error, so that a pasted page or a
// megabyte argument gives a one-line message, not the page again.
func Clip(s string) string {
	if utf8.RuneCountInString(s) <= ClipLength {
		return s
	}
	return string([]rune(s)[:ClipLength]) + "…"
}
