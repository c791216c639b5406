package words

import (
	"strconv"

	"github.com/tend-app/tend/cadence"
)

// Notes says each note, in order.
func Notes(ns []cadence.Note) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = Note(n)
	}
	return out
}

// Note says one of show's notes: "you reached out the last 5 times; Dana
// has not reached out in a year", or a rhythm hint (RhythmHint).
func Note(n cadence.Note) string {
	switch n.Kind {
	case cadence.NoteOneSided:
		return "you reached out the last " + strconv.Itoa(n.Count) + " times; " + ShortName(n.Name) + " has not reached out in a year"
	case cadence.NoteRhythm:
		return RhythmHint(n.Hint)
	}
	return ""
}

// RhythmHint says a rhythm hint: "you talk about every 12 days; close tier
// expects 30 — move to inner?", "...; you set every 10 — try --every 28d?",
// "...; the family tag expects 10 — try --every 40d?".
func RhythmHint(h cadence.RhythmHint) string {
	return rhythmHint(h, "try --every "+strconv.Itoa(h.Every)+"d?")
}

// RhythmHintNoFlags is RhythmHint for a face with no flags to type, the
// full-screen view: "...; you set every 10 — every 28 days?".
func RhythmHintNoFlags(h cadence.RhythmHint) string {
	return rhythmHint(h, "every "+Plural(h.Every, "day")+"?")
}

func rhythmHint(h cadence.RhythmHint, ask string) string {
	expect := string(h.Current) + " tier expects " + strconv.Itoa(h.Interval)
	switch {
	case h.Own:
		expect = "you set every " + strconv.Itoa(h.Interval)
	case h.Tag != "":
		expect = "the " + h.Tag + " tag expects " + strconv.Itoa(h.Interval)
	}
	if h.Tier != "" {
		ask = "move to " + string(h.Tier) + "?"
	}
	return "you talk about every " + Plural(h.Days, "day") + "; " + expect + " — " + ask
}
