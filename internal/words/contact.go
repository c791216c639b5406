package words

import (
	"strings"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// Channel names an interaction by its channel: "a call", "a meeting in
// person", "an email".
func Channel(c cadence.Channel) string {
	switch c {
	case cadence.InPerson:
		return "a meeting in person"
	case cadence.Video:
		return "a video call"
	case cadence.Email:
		return "an email"
	case cadence.Social:
		return "a social message"
	}
	return "a " + string(c)
}

// Logged confirms a logged interaction: "Logged a call with Ana, today at
// 09:30.", "Logged a text to Ana, ...", "Logged a card for Ana, ...",
// "Logged a text from Ana, ...", "Logged a missed call to Ana, ...". typed
// is the channel as the user named it (a card is a letter, and is called a
// card), or ""; names are the people as the caller shows them, and when
// the moment in words (When).
func Logged(c cadence.Contact, typed, names, when string) string {
	return "Logged " + Contact(c, typed) + " " + names + ", " + when + "."
}

// Contact names an interaction and how it stands to the people in it, up
// to their names: "a call with", "a text to", "a card for", "a text from",
// "a missed call to". typed is as for Logged.
func Contact(c cadence.Contact, typed string) string {
	what, with := Channel(c.Via), "with"
	if strings.EqualFold(strings.TrimSpace(typed), "card") && c.Via == cadence.Letter {
		what = "a card"
	}
	switch {
	case c.Direction == cadence.In && c.Via == cadence.InPerson:
		with = "set up by" // "a meeting in person from Ben" says nothing
	case c.Direction == cadence.In:
		with = "from"
	case c.Via == cadence.Letter || c.Via == cadence.Gift:
		with = "for"
	case !c.Via.Real():
		with = "to"
	}
	if c.Missed {
		what = "a " + MissedCall(c.Via)
		if c.Direction == cadence.Out {
			with = "to"
		}
	}
	return what + " " + with
}

// ContactOf is Contact for a stored interaction: "a missed call to", "a
// text from", "a call with", before the names.
func ContactOf(in domain.Interaction) string {
	return Contact(cadence.Contact{Via: in.Via, Direction: in.Direction, Missed: in.Missed}, "")
}

// Missed names a call that did not connect by who tried: "a missed call
// from them" when they did, "a missed call to them" when you did.
func Missed(c cadence.Channel, d cadence.Direction) string {
	if d == cadence.In {
		return MissedCall(c) + " from them"
	}
	return MissedCall(c) + " to them"
}

// MissedCall says "missed call" or "missed video call".
func MissedCall(c cadence.Channel) string {
	if c == cadence.Video {
		return "missed video call"
	}
	return "missed call"
}

// When says when something happened, relative to now: "today at 09:30",
// "yesterday at 18:00", "Friday at 12:00", or the date.
func When(t, now time.Time) string {
	t = t.In(now.Location())
	switch d := cadence.DaysBetween(t, now); {
	case d == 0:
		return "today at " + t.Format("15:04")
	case d == 1:
		return "yesterday at " + t.Format("15:04")
	case d > 1 && d < 7:
		return t.Format("Monday") + " at " + t.Format("15:04")
	}
	return t.Format("Mon 2 Jan 2006 15:04")
}

// LastTime says what you last talked about, on one short line: "last
// time: dinner at Rosa's".
func LastTime(note string) string { return "last time: " + oneLine(note) }
