// Package exchange reads and writes tend's data in other formats. It maps
// between files and the store's types and never talks SQL.
package exchange

import (
	"time"

	"github.com/tend-app/tend/internal/domain"
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
	Aliases        []string              `json:"aliases"`
	Notes          string                `json:"notes"`
	CreatedAt      string                `json:"created_at"`
	UpdatedAt      string                `json:"updated_at"`
	ArchivedAt     *string               `json:"archived_at"`
	SnoozedUntil   *string               `json:"snoozed_until"`
	ImportantDates []ImportantDateRecord `json:"important_dates"`

	// Added to version 1 for what address books keep.
	Org        string           `json:"org"`
	JobTitle   string           `json:"job_title"`
	PhoneTypes []TypedRecord    `json:"phone_types"` // the kind of each phone that has one
	EmailTypes []TypedRecord    `json:"email_types"`
	NameParts  *NamePartsRecord `json:"name_parts"` // null when no structured name was given
	UID        string           `json:"uid"`        // the address book's id for the person
}

// TypedRecord is the kind of one phone or e-mail ("mobile", "work,fax").
type TypedRecord struct {
	Value string `json:"value"`
	Type  string `json:"type"`
}

// NamePartsRecord is a structured name, as vCard's N gives it.
type NamePartsRecord struct {
	Family     string `json:"family"`
	Given      string `json:"given"`
	Additional string `json:"additional"`
	Prefix     string `json:"prefix"`
	Suffix     string `json:"suffix"`
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
func Person(p domain.Person) PersonRecord {
	r := PersonRecord{
		ID:             p.ID,
		Name:           p.Name,
		Tier:           string(p.Tier),
		Phones:         nonNil(p.Phones),
		Emails:         nonNil(p.Emails),
		Tags:           nonNil(p.Tags),
		Aliases:        nonNil(p.Aliases),
		Notes:          p.Notes,
		CreatedAt:      Time(p.CreatedAt),
		UpdatedAt:      Time(p.UpdatedAt),
		ArchivedAt:     optionalTime(p.ArchivedAt),
		SnoozedUntil:   optionalTime(p.SnoozedUntil),
		ImportantDates: []ImportantDateRecord{},
		Org:            p.Org,
		JobTitle:       p.JobTitle,
		PhoneTypes:     typedRecords(p.Phones, p.PhoneTypes),
		EmailTypes:     typedRecords(p.Emails, p.EmailTypes),
		UID:            p.UID,
	}
	if n := p.NameParts; !n.IsZero() {
		r.NameParts = &NamePartsRecord{Family: n.Family, Given: n.Given, Additional: n.Additional, Prefix: n.Prefix, Suffix: n.Suffix}
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

// typedRecords lists the kinds of values, in the order of the values.
func typedRecords(values []string, types map[string]string) []TypedRecord {
	out := []TypedRecord{}
	for _, v := range values {
		if t := types[v]; t != "" {
			out = append(out, TypedRecord{Value: v, Type: t})
		}
	}
	return out
}

// Interaction converts a stored interaction to its record.
func Interaction(in domain.Interaction) InteractionRecord {
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
func Memory(m domain.Memory) MemoryRecord {
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
