package domain

import (
	"fmt"
	"strings"
)

// NoOneError says no one answers to a name a user typed. It says what was
// found instead, and leaves what to do next to the face that shows it: the
// command line names a command to type, the full-screen view a key.
type NoOneError struct {
	Query string
	// Guesses are the names the query may have meant.
	Guesses []string
	// MentionedBy is the one active person whose notes mention the query
	// as a word ("Dad" in "my dad, Richard"): it may be what the user
	// calls them.
	MentionedBy string
	// Addable says the query may be the name of someone to add: not one
	// word of a name typed without quotes, and not too long to be a name.
	Addable bool
}

func (e *NoOneError) Error() string {
	switch {
	case len(e.Guesses) > 0:
		return fmt.Sprintf("no one called %q; did you mean %s?", Clip(e.Query), OrList(e.Guesses))
	case e.MentionedBy != "":
		return fmt.Sprintf("no one called %q, but %s's notes mention it", Clip(e.Query), OneName(e.MentionedBy))
	}
	return fmt.Sprintf("no one called %q", Clip(e.Query))
}

// Is makes a NoOneError match ErrNotFound.
func (e *NoOneError) Is(target error) bool { return target == ErrNotFound }

// OneName is a name as a sentence quotes it: on one line, its spaces made
// one, clipped.
func OneName(name string) string { return Clip(strings.Join(strings.Fields(name), " ")) }

// OrList names a few people as "A, B or C", and how many more.
func OrList(names []string) string {
	if len(names) > 4 {
		names = append(names[:4:4], fmt.Sprintf("%d more", len(names)-4))
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = OneName(n)
	}
	if len(out) == 1 {
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " or " + out[len(out)-1]
}

// UnknownIDError says no record of a kind ("interaction", "memory") has
// the id, or the start of an id, a user typed.
type UnknownIDError struct {
	Kind string
	ID   string
}

func (e *UnknownIDError) Error() string {
	return fmt.Sprintf("no %s with id %q", e.Kind, Clip(e.ID))
}

// Is makes an UnknownIDError match ErrNotFound.
func (e *UnknownIDError) Is(target error) bool { return target == ErrNotFound }

// ErrEmptyMemory refuses a memory changed to say nothing: forgetting it is
// another use case.
var ErrEmptyMemory = Errorf(ErrInvalid, "a memory's text cannot be empty")
