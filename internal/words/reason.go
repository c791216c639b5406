package words

import (
	"strconv"
	"strings"

	"github.com/tend-app/tend/cadence"
)

// Reasons says each reason, in order. It is never nil, so that a list of
// no reasons shows as [] in JSON.
func Reasons(rs []cadence.Reason) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = Reason(r)
	}
	return out
}

// Reason says one reason: "birthday today", "43 days since your last
// call", "close: every 30 days". The words are put together by
// concatenation, not fmt.Sprintf: a plan words thousands of people.
func Reason(r cadence.Reason) string {
	switch r.Kind {
	case cadence.ReasonDate:
		return r.Label + " " + dayWords(r)
	case cadence.ReasonMemory:
		return "remember: " + oneLine(r.Label) + " (" + dueWords(r.Days) + ")"
	case cadence.ReasonCalled:
		return ShortName(r.Name) + " called " + Plural(r.Days, "day") + " ago, you have not called back"
	case cadence.ReasonWrote:
		if r.Via == cadence.Gift {
			return ShortName(r.Name) + " sent a gift " + Plural(r.Days, "day") + " ago, you have not thanked them"
		}
		return ShortName(r.Name) + " wrote " + Plural(r.Days, "day") + " ago, you have not answered"
	case cadence.ReasonTurn:
		return ShortName(r.Name) + " reached out the last " + strconv.Itoa(r.Count) + " times — your turn"
	case cadence.ReasonDrift:
		return "drifting: " + Gaps(r.Gaps)
	case cadence.ReasonAdded:
		return "added " + Plural(r.Days, "day") + " ago, no real conversation yet"
	case cadence.ReasonSince:
		switch r.Via {
		case cadence.InPerson:
			return Plural(r.Days, "day") + " since you last met in person"
		case cadence.Video:
			return Plural(r.Days, "day") + " since your last video call"
		}
		return Plural(r.Days, "day") + " since your last call"
	case cadence.ReasonTried:
		switch r.Count {
		case 1:
			return "you tried once since"
		case 2:
			return "you tried twice since"
		}
		return "you tried " + strconv.Itoa(r.Count) + " times since"
	case cadence.ReasonRhythm:
		if r.Own {
			return Every(r.Days)
		}
		return r.Label + ": " + Every(r.Days)
	}
	return ""
}

// Left says why someone is left out of today: "archived", "snoozed until
// Fri 27 Nov", "talked yesterday"; "" when they are not.
func Left(l cadence.Left) string {
	switch l.Kind {
	case cadence.ReasonArchived:
		return "archived"
	case cadence.ReasonSnoozed:
		return "snoozed until " + l.Until.Format("Mon 2 Jan")
	case cadence.ReasonQuiet:
		return "talked " + Ago(l.Days)
	}
	return ""
}

// dayWords names the day of a date: "today", "tomorrow", "on Friday"
// within the week, and "on Thu 10 Dec" a week or more ahead (days_ahead
// may reach 30), where a weekday alone would name the wrong one.
func dayWords(r cadence.Reason) string {
	switch {
	case r.Days == 0:
		return "today"
	case r.Days == 1:
		return "tomorrow"
	case r.Days >= 7:
		return "on " + r.On.Format("Mon 2 Jan")
	}
	return "on " + r.On.Weekday().String()
}

// dueWords says when a memory came due: "due today", "due yesterday",
// "due 3 days ago".
func dueWords(overdue int) string {
	switch overdue {
	case 0:
		return "due today"
	case 1:
		return "due yesterday"
	}
	return "due " + strconv.Itoa(overdue) + " days ago"
}

// oneLine keeps a reason on one line, however the memory was written.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}
