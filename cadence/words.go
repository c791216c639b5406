package cadence

import (
	"fmt"
	"strconv"
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
func Plural(n int, unit string) string { return Count(n, unit, unit+"s") }

// EveryWords says a rhythm: "every 30 days".
func EveryWords(days int) string { return "every " + Plural(days, "day") }

// ChannelWords names an interaction by its channel: "a call", "a meeting
// in person", "an e-mail".
func ChannelWords(c Channel) string {
	switch c {
	case InPerson:
		return "a meeting in person"
	case Video:
		return "a video call"
	case Email:
		return "an e-mail"
	case Social:
		return "a social message"
	}
	return "a " + string(c)
}

// LoggedWords confirms a logged interaction: "Logged a call with Ana,
// today at 09:30.", "Logged a text from Ana, ...", "Logged a missed call to
// Ana, ...". names are the people as the caller shows them, and when the
// moment in words (WhenWords).
func LoggedWords(c Contact, names, when string) string {
	what, with := ChannelWords(c.Via), "with"
	if c.Direction == In {
		with = "from"
	}
	if c.Missed {
		what = "a " + MissedCall(c.Via)
		if c.Direction == Out {
			with = "to"
		}
	}
	return "Logged " + what + " " + with + " " + names + ", " + when + "."
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
