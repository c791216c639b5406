package domain

import (
	"fmt"
	"strings"
)

// AmbiguousError says a name matched more than one person.
type AmbiguousError struct {
	Query      string
	Candidates []string // their names, best match first
}

func (e *AmbiguousError) Error() string {
	var names []string
	for _, n := range e.Candidates[:min(len(e.Candidates), 8)] {
		// A name may hold a line break; the message is one line.
		names = append(names, Clip(strings.Join(strings.Fields(n), " ")))
	}
	more := ""
	if len(e.Candidates) > 8 {
		more = fmt.Sprintf(" and %d more", len(e.Candidates)-8)
	}
	return fmt.Sprintf("%q matches %d people: %s%s; be more specific", Clip(e.Query), len(e.Candidates), strings.Join(names, ", "), more)
}

// Is makes an AmbiguousError match ErrInvalid: it is bad input.
func (e *AmbiguousError) Is(target error) bool { return target == ErrInvalid }
