package tui

import (
	"fmt"
	"time"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
)

// The small phrases the views share, worded as the command line words them.

// lastTalkWords says when you last really talked: "43 days ago, call", or
// "never (added 23 days ago)".
func lastTalkWords(e *entry, now time.Time) string {
	return words.LastConversation(e.sum.LastReal, e.status.DaysSinceReal, now)
}

// lastShortWords is lastTalkWords for a narrow column: how long ago, or
// never.
func lastShortWords(e *entry) string {
	if e.sum.LastReal.IsZero() {
		return "never"
	}
	return words.Ago(e.status.DaysSinceReal)
}

// thousands writes 2000 as "2,000".
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// nameList joins names as a sentence does: "Ana Lima", "Ana Lima and Ben
// Okafor", "Ana Lima, Ben Okafor and Chloé Martin".
func nameList(names []string) string {
	cleaned := make([]string, len(names))
	for i, n := range names {
		cleaned[i] = termtext.Line(n)
	}
	return words.And(cleaned)
}

// archivedNote says which of people are archived, and how they come back
// to the lists, with the key that restores them; "" when no one is.
func archivedNote(people []domain.Person, restoreKey string) string {
	var names []string
	for _, p := range people {
		if p.Archived() {
			names = append(names, p.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	verb := " is archived"
	if len(names) > 1 {
		verb = " are archived"
	}
	return nameList(names) + verb + "; restore them (" + restoreKey + ") to bring them back to the lists."
}
