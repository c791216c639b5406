package words

import "time"

// Snoozed confirms a snooze: "Snoozed Ana until Tue 1 Dec 2026.", or, when
// until is zero, "Ana is back in today's list." name is as the face shows
// it; the day is in loc.
func Snoozed(name string, until time.Time, loc *time.Location) string {
	if until.IsZero() {
		return name + " is back in today's list."
	}
	return "Snoozed " + name + " until " + until.In(loc).Format("Mon 2 Jan 2006") + "."
}
