package cadence

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The phrases the command line and the TUI both print, written once so that
// the two say the same thing.

// Count says "1 person" or "3 people".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Plural says "1 day" or "3 days".
func Plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s" // one string made, not two
}

// EveryWords says a rhythm: "every 30 days".
func EveryWords(days int) string { return "every " + Plural(days, "day") }

// ChannelWords names an interaction by its channel: "a call", "a meeting
// in person", "an email".
func ChannelWords(c Channel) string {
	switch c {
	case InPerson:
		return "a meeting in person"
	case Video:
		return "a video call"
	case Email:
		return "an email"
	case Social:
		return "a social message"
	}
	return "a " + string(c)
}

// LoggedWords confirms a logged interaction: "Logged a call with Ana,
// today at 09:30.", "Logged a text to Ana, ...", "Logged a card for Ana,
// ...", "Logged a text from Ana, ...", "Logged a missed call to Ana, ...".
// typed is the channel as the user named it (a card is a letter, and is
// called a card), or ""; names are the people as the caller shows them,
// and when the moment in words (WhenWords).
func LoggedWords(c Contact, typed, names, when string) string {
	return "Logged " + ContactWords(c, typed) + " " + names + ", " + when + "."
}

// ContactWords names an interaction and how it stands to the people in
// it, up to their names: "a call with", "a text to", "a card for", "a text
// from", "a missed call to". typed is as for LoggedWords.
func ContactWords(c Contact, typed string) string {
	what, with := ChannelWords(c.Via), "with"
	if strings.EqualFold(strings.TrimSpace(typed), "card") && c.Via == Letter {
		what = "a card"
	}
	switch {
	case c.Direction == In:
		with = "from"
	case c.Via == Letter || c.Via == Gift:
		with = "for"
	case !c.Via.Real():
		with = "to"
	}
	if c.Missed {
		what = "a " + MissedCall(c.Via)
		if c.Direction == Out {
			with = "to"
		}
	}
	return what + " " + with
}

// MissedWords names a call that did not connect by who tried: "a missed
// call from them" when they did, "a missed call to them" when you did.
func MissedWords(c Channel, d Direction) string {
	if d == In {
		return MissedCall(c) + " from them"
	}
	return MissedCall(c) + " to them"
}

// MissedCall says "missed call" or "missed video call".
func MissedCall(c Channel) string {
	if c == Video {
		return "missed video call"
	}
	return "missed call"
}

// WhenWords says when something happened, relative to now: "today at
// 09:30", "yesterday at 18:00", "Friday at 12:00", or the date.
func WhenWords(t, now time.Time) string {
	t = t.In(now.Location())
	switch d := DaysBetween(t, now); {
	case d == 0:
		return "today at " + t.Format("15:04")
	case d == 1:
		return "yesterday at " + t.Format("15:04")
	case d > 1 && d < 7:
		return t.Format("Monday") + " at " + t.Format("15:04")
	}
	return t.Format("Mon 2 Jan 2006 15:04")
}

// Words shows a yearly date as "15 April" or "15 April 1990".
func (d MonthDay) Words() string {
	switch {
	case d.IsZero():
		return ""
	case d.Year == 0:
		return fmt.Sprintf("%d %s", d.Day, d.Month)
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// LastTimeWords says what you last talked about, on one short line:
// "last time: dinner at Rosa's".
func LastTimeWords(note string) string { return "last time: " + oneLine(note) }

// honorifics are words before a name that are not what a friend calls
// someone: "Dr. Jane Smith" is Jane.
var honorifics = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "mx": true, "miss": true, "prof": true,
	"sir": true, "dame": true, "rev": true, "fr": true, "mme": true, "mlle": true, "herr": true, "frau": true,
}

// particles begin a family name: "van Dijk" is said whole.
var particles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "da": true, "di": true, "del": true,
	"della": true, "du": true, "des": true, "la": true, "le": true, "ten": true, "ter": true, "zu": true, "al": true, "el": true,
}

// ShortName is what the reasons call someone: their first name ("Ana" for
// Ana Lima), past a title ("Jane" for Dr. Jane Smith), but a title and a
// family name stay together ("Dr. Smith", "Mrs Okafor"), and so does a
// family name that begins with a particle ("van Dijk").
func ShortName(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return name
	}
	key := func(w string) string { return strings.ToLower(strings.TrimSuffix(w, ".")) }
	rest := words
	for len(rest) > 0 && honorifics[key(rest[0])] {
		rest = rest[1:]
	}
	switch {
	case len(rest) == 0:
		return strings.Join(words, " ") // only titles: say them as written
	case len(rest) == 1 && len(rest) < len(words):
		return strings.Join(words, " ") // a title and a family name
	case particles[key(rest[0])]:
		return strings.Join(rest, " ")
	}
	return rest[0]
}
