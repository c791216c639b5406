package main

import (
	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/words"
)

// The JSON shapes that only the command line prints. Records shared with the
// interchange format come from package exchange.

// suggestionJSON is one entry of `tend today --json`.
type suggestionJSON struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	Tier          string   `json:"tier"`
	EveryDays     int      `json:"every_days"`
	LastRealAt    *string  `json:"last_real_at"`
	LastRealVia   *string  `json:"last_real_via"`
	DaysSinceReal int      `json:"days_since_real"`
	DueRatio      float64  `json:"due_ratio"`
	Priority      float64  `json:"priority"`
	Reasons       []string `json:"reasons"`
	LastNote      string   `json:"last_note"` // what you last talked about, or ""
}

// suggestions are statuses as today --json and plan --json print them.
func suggestions(ss []cadence.Status, notes lastNotes) []suggestionJSON {
	out := make([]suggestionJSON, len(ss))
	for i, st := range ss {
		out[i] = suggestion(st)
		out[i].LastNote = notes[st.Person.ID].Note
	}
	return out
}

func suggestion(s cadence.Status) suggestionJSON {
	out := suggestionJSON{
		ID:            s.Person.ID,
		Name:          s.Person.Name,
		Tier:          string(s.Person.Tier),
		EveryDays:     s.Interval,
		DaysSinceReal: s.DaysSinceReal,
		DueRatio:      s.DueRatio,
		Priority:      s.Priority,
		Reasons:       words.Reasons(s.Reasons),
	}
	if !s.Person.LastReal.IsZero() {
		at, via := exchange.Time(s.Person.LastReal.At), string(s.Person.LastReal.Via)
		out.LastRealAt, out.LastRealVia = &at, &via
	}
	return out
}

// listedPersonJSON is one entry of `tend list --json`: the person record
// with where they stand.
type listedPersonJSON struct {
	exchange.PersonRecord
	DaysSinceReal int     `json:"days_since_real"`
	DueRatio      float64 `json:"due_ratio"`
	Due           bool    `json:"due"`
}

// interactionOut is an interaction as history and log print it: the
// interchange record with the people's names beside their ids.
type interactionOut struct {
	exchange.InteractionRecord
	Names []string `json:"names"`
}

func interactionJSON(in domain.Interaction) interactionOut {
	names := in.Names
	if names == nil {
		names = []string{}
	}
	return interactionOut{InteractionRecord: exchange.Interaction(in), Names: names}
}

// personDetailJSON is `tend show --json`: the person record with their
// interactions and memories, and the gentle notes show adds (a rhythm hint,
// that you have been the one reaching out).
type personDetailJSON struct {
	exchange.PersonRecord
	DaysSinceReal int                     `json:"days_since_real"`
	DueRatio      float64                 `json:"due_ratio"`
	Due           bool                    `json:"due"`
	Reasons       []string                `json:"reasons"`
	Interactions  []interactionOut        `json:"interactions"`
	Memories      []exchange.MemoryRecord `json:"memories"`
	Advice        []string                `json:"advice"`
}
