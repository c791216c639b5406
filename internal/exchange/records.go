// Package exchange reads and writes tend's data in other formats. It maps
// between files and the store's types and never talks SQL.
package exchange

import (
	"time"

	"github.com/tend-app/tend/store"
)

// PersonRecord is a person in the interchange JSON format; `tend show --json`
// and `tend list --json` print the same fields.
type PersonRecord struct {
	ID             string                `json:"id"`
	Name           string                `json:"name"`
	Tier           string                `json:"tier"`
	EveryDays      *int                  `json:"every_days"`
	Birthday       *string               `json:"birthday"`
	Phones         []string              `json:"phones"`
	Emails         []string              `json:"emails"`
	Tags           []string              `json:"tags"`
	Notes          string                `json:"notes"`
	CreatedAt      string                `json:"created_at"`
	UpdatedAt      string                `json:"updated_at"`
	ArchivedAt     *string               `json:"archived_at"`
	SnoozedUntil   *string               `json:"snoozed_until"`
	ImportantDates []ImportantDateRecord `json:"important_dates"`
}

// ImportantDateRecord is an important date in the interchange format.
type ImportantDateRecord struct {
	Label string `json:"label"`
	Date  string `json:"date"`
}

// InteractionRecord is an interaction in the interchange format.
type InteractionRecord struct {
	ID        string   `json:"id"`
	People    []string `json:"people"`
	Via       string   `json:"via"`
	Direction string   `json:"direction"`
	At        string   `json:"at"`
	Minutes   *int     `json:"minutes"`
	Note      string   `json:"note"`
	// Missed is a call that did not connect; left out when it did.
	Missed bool `json:"missed,omitempty"`
}

// MemoryRecord is a memory in the interchange format.
type MemoryRecord struct {
	ID     string  `json:"id"`
	Person string  `json:"person"`
	Text   string  `json:"text"`
	Due    *string `json:"due"`
	DoneAt *string `json:"done_at"`
}

// Person converts a stored person to its record.
func Person(p store.Person) PersonRecord {
	r := PersonRecord{
		ID:             p.ID,
		Name:           p.Name,
		Tier:           string(p.Tier),
		Phones:         nonNil(p.Phones),
		Emails:         nonNil(p.Emails),
		Tags:           nonNil(p.Tags),
		Notes:          p.Notes,
		CreatedAt:      Time(p.CreatedAt),
		UpdatedAt:      Time(p.UpdatedAt),
		ArchivedAt:     optionalTime(p.ArchivedAt),
		SnoozedUntil:   optionalTime(p.SnoozedUntil),
		ImportantDates: []ImportantDateRecord{},
	}
	if p.Every > 0 {
		every := p.Every
		r.EveryDays = &every
	}
	if !p.Birthday.IsZero() {
		b := p.Birthday.String()
		r.Birthday = &b
	}
	for _, d := range p.ImportantDates {
		r.ImportantDates = append(r.ImportantDates, ImportantDateRecord{Label: d.Label, Date: d.Date.String()})
	}
	return r
}

// Interaction converts a stored interaction to its record.
func Interaction(in store.Interaction) InteractionRecord {
	r := InteractionRecord{
		ID:        in.ID,
		People:    nonNil(in.People),
		Via:       string(in.Via),
		Direction: string(in.Direction),
		At:        Time(in.At),
		Note:      in.Note,
		Missed:    in.Missed,
	}
	if in.Minutes > 0 {
		m := in.Minutes
		r.Minutes = &m
	}
	return r
}

// Memory converts a stored memory to its record.
func Memory(m store.Memory) MemoryRecord {
	r := MemoryRecord{ID: m.ID, Person: m.PersonID, Text: m.Text, DoneAt: optionalTime(m.DoneAt)}
	if !m.Due.IsZero() {
		d := m.Due.Format(time.DateOnly)
		r.Due = &d
	}
	return r
}

// Time formats a time as the interchange format does: RFC 3339 in UTC.
func Time(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func optionalTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := Time(t)
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
