package store

import (
	"context"
	"database/sql"
	"fmt"
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
	}
}

// summaryQuery finds, for each person, the latest real and the latest
// interaction with one index seek each (interaction_people is indexed by
// person, real, at), so its cost grows with people and not with history.
const summaryQuery = `
	SELECT ` + personColumns + `,
	       lr.at, lr.via, lr.direction, la.at, la.via, la.direction
	FROM people p
	LEFT JOIN interactions lr ON lr.id = (
		SELECT ip.interaction_id FROM interaction_people ip
		WHERE ip.person_id = p.id AND ip.real = 1
		ORDER BY ip.at DESC, ip.interaction_id DESC LIMIT 1)
	LEFT JOIN interactions la ON la.id = (
		SELECT ip.interaction_id FROM interaction_people ip
		WHERE ip.person_id = p.id
		ORDER BY ip.at DESC, ip.interaction_id DESC LIMIT 1)`

// Summaries lists people with their cadence inputs, ordered by name.
func (s *Store) Summaries(ctx context.Context, f PeopleFilter) ([]Summary, error) {
	where, args := f.where()
	rows, err := s.db.QueryContext(ctx, summaryQuery+where+` ORDER BY p.name_key, p.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("load people: %w", err)
	}
	out := []Summary{}
	for rows.Next() {
		var real, last [3]sql.NullString
		p, err := scanPerson(rows, &real[0], &real[1], &real[2], &last[0], &last[1], &last[2])
		if err != nil {
			rows.Close()
			return nil, err
		}
		if !f.keep(p) {
			continue
		}
		sum := Summary{Person: p}
		if sum.LastReal, err = contact(real); err != nil {
			rows.Close()
			return nil, err
		}
		if sum.Last, err = contact(last); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, sum)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load people: %w", err)
	}
	people := make([]Person, len(out))
	for i := range out {
		people[i] = out[i].Person
	}
	if err := loadDates(ctx, s.db, people); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Person = people[i]
	}
	if err := s.loadReminders(ctx, out); err != nil {
		return nil, err
	}
	return out, s.loadHistory(ctx, out, f)
}

// Summary returns one person's summary.
func (s *Store) Summary(ctx context.Context, id string) (Summary, error) {
	p, err := s.Person(ctx, id)
	if err != nil {
		return Summary{}, err
	}
	all, err := s.Summaries(ctx, PeopleFilter{Archived: p.Archived(), Tier: p.Tier})
	if err != nil {
		return Summary{}, err
	}
	for _, sum := range all {
		if sum.ID == id {
			return sum, nil
		}
	}
	return Summary{}, kindErrorf(ErrNotFound, "no person with id %s", id)
}

func contact(cols [3]sql.NullString) (cadence.Contact, error) {
	if !cols[0].Valid {
		return cadence.Contact{}, nil
	}
	at, err := parseTime(cols[0].String)
	if err != nil {
		return cadence.Contact{}, err
	}
	return cadence.Contact{At: at, Via: cadence.Channel(cols[1].String), Direction: cadence.Direction(cols[2].String)}, nil
}

// loadReminders attaches open memories with a due date.
func (s *Store) loadReminders(ctx context.Context, out []Summary) error {
	index := make(map[string]int, len(out))
	for i, sum := range out {
		index[sum.ID] = i
	}
	rows, err := s.db.QueryContext(ctx, `SELECT person_id, text, due FROM memories
		WHERE done_at IS NULL AND due IS NOT NULL ORDER BY due, created_at`)
	if err != nil {
		return fmt.Errorf("load memories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var pid, text string
		var due sql.NullString
		if err := rows.Scan(&pid, &text, &due); err != nil {
			return fmt.Errorf("load memories: %w", err)
		}
		i, ok := index[pid]
		if !ok {
			continue
		}
		d, err := parseOptionalDate(due)
		if err != nil {
			return err
		}
		out[i].Reminders = append(out[i].Reminders, cadence.Reminder{Text: text, Due: d})
	}
	return rows.Err()
}
