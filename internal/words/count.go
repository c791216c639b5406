package words

import (
	"strconv"
	"strings"
	"time"

	"github.com/tend-app/tend/cadence"
)

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

// Every says a rhythm: "every 30 days".
func Every(days int) string { return "every " + Plural(days, "day") }

// Ago says how long ago a day was: "today", "yesterday", "43 days ago".
func Ago(days int) string {
	switch days {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	return strconv.Itoa(days) + " days ago"
}

// LastTalk says when the last real conversation was, seen from now: "43
// days ago", or, for one logged after now (as with a --now in the past),
// its day and that it lies ahead, never "today".
func LastTalk(at, now time.Time) string {
	days := cadence.DaysBetween(at, now)
	if days < 0 {
		return at.In(now.Location()).Format("Mon 2 Jan") + ", after this day"
	}
	return Ago(days)
}

// LastConversation says when and how you last really talked: "43 days
// ago, call", or, with no real conversation yet, "never (added 23 days
// ago)" (daysSince then counts from the day they were added).
func LastConversation(last cadence.Contact, daysSince int, now time.Time) string {
	if last.IsZero() {
		return "never (added " + Ago(daysSince) + ")"
	}
	return LastTalk(last.At, now) + ", " + string(last.Via)
}

// And joins parts as a sentence does: "a", "a and b", "a, b and c".
func And(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// Gaps says "gaps of 10, 16, 25 days", as the reasons, tend stats and the
// TUI all word drift.
func Gaps(gaps []int) string {
	parts := make([]string, len(gaps))
	for i, g := range gaps {
		parts[i] = strconv.Itoa(g)
	}
	return "gaps of " + strings.Join(parts, ", ") + " days"
}

// Mix puts the real conversations and the touches in words: "12 real · 1
// touch".
func Mix(a cadence.Activity) string {
	touches := "1 touch"
	if a.Touches != 1 {
		touches = strconv.Itoa(a.Touches) + " touches"
	}
	return strconv.Itoa(a.Real) + " real · " + touches
}

// Who puts who reached out in words: "5 you · 3 them".
func Who(a cadence.Activity) string {
	return strconv.Itoa(a.Out) + " you · " + strconv.Itoa(a.In) + " them"
}

// Layers says what the guideline sizes add up to: "Guidelines 5, 10,
// 35 and 100 make the layers of 15, 50 and 150 people."
func Layers() string {
	var sizes, layers []string
	for i, t := range cadence.Tiers() {
		sizes = append(sizes, strconv.Itoa(t.Guideline()))
		if i > 0 {
			layers = append(layers, strconv.Itoa(t.Layer()))
		}
	}
	return "Guidelines " + And(sizes) + " make, together, the layers of " + And(layers) + " people."
}
