package words

import (
	"fmt"
	"strconv"

	"github.com/tend-app/tend/cadence"
)

// NoOneToCall ends a day or days with no one on the list. It does not say
// "no one is due": someone due may be left in peace after a recent
// contact (see Resting).
func NoOneToCall(days int) string {
	if days > 1 {
		return "no one to call. Enjoy the days."
	}
	return "no one to call today. Enjoy the day."
}

// More says how many more there are to talk to than a list shows: "2 more
// to talk to". They are those today would name without its limit, some of
// them not yet due (a birthday, a reply they wait for).
func More(n int) string { return strconv.Itoa(n) + " more to talk to" }

// Resting says who is due but left in peace, for you were in touch in the
// last quietDays days: "Ana and Ben are due, and left in peace for now:
// you were in touch in the last 2 days." Three names at most, then how
// many more.
func Resting(names []string, quietDays int) string {
	if len(names) == 0 {
		return ""
	}
	verb := "are"
	if len(names) == 1 {
		verb = "is"
	}
	shown := names
	if len(names) > 3 {
		shown = append(names[:3:3], fmt.Sprintf("%d more", len(names)-3))
	}
	return fmt.Sprintf("%s %s due, and left in peace for now: you were in touch in the last %s.", And(shown), verb, Plural(quietDays, "day"))
}

// Later says who a plan puts under Later: "2 people did not fit", "1
// person left in peace after a recent contact", or both, of n in all.
func Later(n, resting int) string {
	switch resting {
	case 0:
		return Count(n, "person", "people") + " did not fit"
	case n:
		return Count(n, "person", "people") + " left in peace after a recent contact"
	}
	return Count(n-resting, "person", "people") + " did not fit, " + strconv.Itoa(resting) + " left in peace after a recent contact"
}

// RestingIn counts the statuses left out for the quiet days.
func RestingIn(ss []cadence.Status) int {
	n := 0
	for _, st := range ss {
		if st.Left.Kind == cadence.ReasonQuiet {
			n++
		}
	}
	return n
}
