package store

import (
	"context"
	"fmt"
	"time"

	"github.com/tend-app/tend/cadence"
)

// DueMemory is an open memory whose day has come, with whose it is.
type DueMemory struct {
	Memory
	Name string
}

// DueMemories lists the open memories of active people whose day is today
// or past (days counted in now's location), oldest first, then by name.
// It reads them through their own index: they are few.
func (s *Store) DueMemories(ctx context.Context, now time.Time) ([]DueMemory, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT m.id, m.person_id, m.text, m.due, m.done_at, m.created_at, p.name
		FROM memories m JOIN people p ON p.id = m.person_id
		WHERE m.done_at IS NULL AND m.due IS NOT NULL AND m.due <= ? AND p.archived_at IS NULL
		ORDER BY m.due, p.name_key, m.created_at, m.id`, now.Format(dateLayout))
	if err != nil {
		return nil, fmt.Errorf("load memories: %w", err)
	}
	defer rows.Close()
	out := []DueMemory{}
	for rows.Next() {
		var dm DueMemory
		m, err := scanMemory(scanFunc(func(dest ...any) error { return rows.Scan(append(dest, &dm.Name)...) }))
		if err != nil {
			return nil, err
		}
		dm.Memory = m
		out = append(out, dm)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load memories: %w", err)
	}
	return out, nil
}

// scanFunc is a scanner made of a function.
type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// DatesAhead lists the birthdays and important dates of active people that
// fall within the next days days (today included), soonest first, then by
// name. It reads only the people with a birthday and the important dates.
func (s *Store) DatesAhead(ctx context.Context, now time.Time, days int) ([]cadence.SoonDate, error) {
	dates, err := datesByPerson(ctx, s.db, "")
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, coalesce(birthday, '') FROM people
		WHERE archived_at IS NULL AND (birthday IS NOT NULL OR id IN (SELECT person_id FROM important_dates))`)
	if err != nil {
		return nil, fmt.Errorf("load dates: %w", err)
	}
	defer rows.Close()
	out := []cadence.SoonDate{}
	for rows.Next() {
		var p cadence.Person
		var birthday string
		if err := rows.Scan(&p.ID, &p.Name, &birthday); err != nil {
			return nil, fmt.Errorf("load dates: %w", err)
		}
		if birthday != "" {
			if p.Birthday, err = cadence.ParseMonthDay(birthday); err != nil {
				return nil, fmt.Errorf("person %s birthday: %w", p.ID, err)
			}
		}
		p.ImportantDates = dates[p.ID]
		out = append(out, cadence.DatesAhead(p, now, days)...)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load dates: %w", err)
	}
	cadence.SortSoonDates(out)
	return out, nil
}
