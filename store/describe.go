package store

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/words"
)

// The words the journal keeps for each change, which undo and undo --list
// show. They quote what the user wrote only clipped and on one line.

// oneLine makes stored text fit in one line of a message, clipped.
func oneLine(s string) string { return domain.Clip(strings.Join(strings.Fields(s), " ")) }

// dayTime writes a moment in the user's time zone (the store clock's).
func (s *Store) dayTime(t time.Time) string {
	return t.In(s.now().Location()).Format("Mon 2 Jan 2006 15:04")
}

// describeInteraction names an interaction as tend log confirms it ("a
// text to Ana Lima"), after the verb of the change.
func (s *Store) describeInteraction(verb string, in domain.Interaction) string {
	names := make([]string, len(in.Names))
	for i, n := range in.Names {
		names[i] = oneLine(n)
	}
	what := words.Contact(cadence.Contact{Via: in.Via, Direction: in.Direction, Missed: in.Missed}, "")
	return fmt.Sprintf("%s %s %s, %s", verb, what, andList(names), s.dayTime(in.At))
}

func andList(names []string) string {
	switch len(names) {
	case 0:
		return "nobody"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// describePersonUpdate names what an update of a person did: archived,
// restored, snoozed, or edited, with what changed.
func (s *Store) describePersonUpdate(before, after domain.Person) string {
	name := oneLine(after.Name)
	switch {
	case !before.Archived() && after.Archived():
		return "archived " + name
	case before.Archived() && !after.Archived():
		return "restored " + name
	case !before.SnoozedUntil.Equal(after.SnoozedUntil) && after.SnoozedUntil.IsZero():
		return "ended the snooze of " + name
	case !before.SnoozedUntil.Equal(after.SnoozedUntil):
		return "snoozed " + name + " until " + after.SnoozedUntil.In(s.now().Location()).Format("Mon 2 Jan 2006")
	}
	changes := PersonChanges(before, after)
	if len(changes) == 0 {
		return "edited " + name
	}
	return "edited " + name + ": " + strings.Join(changes, "; ")
}

// PersonChanges says, one phrase each, what differs between two versions
// of a person: "tier close → inner", "tag work added", "notes added to".
func PersonChanges(before, after domain.Person) []string {
	var out []string
	field := func(label, a, b string) {
		if a != b {
			switch {
			case a == "":
				out = append(out, fmt.Sprintf("%s %s set", label, oneLine(b)))
			case b == "":
				out = append(out, fmt.Sprintf("%s %s removed", label, oneLine(a)))
			default:
				out = append(out, fmt.Sprintf("%s %s → %s", label, oneLine(a), oneLine(b)))
			}
		}
	}
	field("name", before.Name, after.Name)
	field("tier", string(before.Tier), string(after.Tier))
	every := func(n int) string {
		if n == 0 {
			return ""
		}
		return words.Plural(n, "day")
	}
	field("rhythm", every(before.Every), every(after.Every))
	field("birthday", words.MonthDay(before.Birthday), words.MonthDay(after.Birthday))
	list := func(label string, a, b []string) {
		n := len(out)
		for _, x := range b {
			if !slices.Contains(a, x) {
				out = append(out, fmt.Sprintf("%s %s added", label, oneLine(x)))
			}
		}
		for _, x := range a {
			if !slices.Contains(b, x) {
				out = append(out, fmt.Sprintf("%s %s removed", label, oneLine(x)))
			}
		}
		if len(out) == n && !slices.Equal(a, b) {
			many := label + "s"
			if label == "alias" {
				many = "aliases"
			}
			out = append(out, many+" in a new order") // stored, and shown, in the order given
		}
	}
	// Dates are compared as label and date, and shown in words.
	dateWords := map[string]string{}
	list("phone", before.Phones, after.Phones)
	list("e-mail", before.Emails, after.Emails)
	list("tag", before.Tags, after.Tags)
	list("alias", before.Aliases, after.Aliases)
	dates := func(ds []domain.ImportantDate) []string {
		out := make([]string, len(ds))
		for i, d := range ds {
			out[i] = d.Label + "=" + d.Date.String()
			dateWords[out[i]] = d.Label + " (" + words.MonthDay(d.Date) + ")"
		}
		return out
	}
	a, b := dates(before.ImportantDates), dates(after.ImportantDates)
	for _, x := range b {
		if !slices.Contains(a, x) {
			out = append(out, fmt.Sprintf("date %s added", oneLine(dateWords[x])))
		}
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, fmt.Sprintf("date %s removed", oneLine(dateWords[x])))
		}
	}
	switch {
	case before.Notes == after.Notes:
	case strings.TrimSpace(before.Notes) == "":
		out = append(out, "notes written")
	case strings.HasPrefix(after.Notes, before.Notes):
		out = append(out, "notes added to")
	case strings.TrimSpace(after.Notes) == "":
		out = append(out, "notes removed")
	default:
		out = append(out, "notes rewritten")
	}
	if before.Archived() != after.Archived() {
		if after.Archived() {
			out = append(out, "archived")
		} else {
			out = append(out, "restored")
		}
	}
	return out
}
