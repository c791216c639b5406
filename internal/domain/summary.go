package domain

import (
	"time"

	"github.com/tend-app/tend/cadence"
)

// Summary is a person with what the cadence engine needs to know of their
// history: the latest real conversation, the latest interaction of any kind,
// their open memories that have a due date, and the little more history the
// patterns read (see cadence.Person).
type Summary struct {
	Person
	LastReal   cadence.Contact
	Last       cadence.Contact
	Reminders  []cadence.Reminder
	Recent     []cadence.Contact // the latest cadence.RecentCount interactions, newest first
	RecentReal []time.Time       // the latest cadence.RealCount real conversations, newest first
	LastIn     cadence.Contact   // the latest interaction they started
}

// Cadence returns the summary as the cadence engine's input.
func (s Summary) Cadence() cadence.Person {
	dates := make([]cadence.Dated, len(s.ImportantDates))
	for i, d := range s.ImportantDates {
		dates[i] = cadence.Dated{Label: d.Label, Date: d.Date}
	}
	return cadence.Person{
		ID:             s.ID,
		Name:           s.Name,
		Tier:           s.Tier,
		Every:          s.Every,
		Birthday:       s.Birthday,
		ImportantDates: dates,
		CreatedAt:      s.CreatedAt,
		ArchivedAt:     s.ArchivedAt,
		SnoozedUntil:   s.SnoozedUntil,
		LastReal:       s.LastReal,
		Last:           s.Last,
		Reminders:      s.Reminders,
		Recent:         s.Recent,
		RecentReal:     s.RecentReal,
		LastIn:         s.LastIn,
		Tags:           s.Tags,
	}
}
