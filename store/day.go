package store

import (
	"context"
	"fmt"
	"time"

	"github.com/tend-app/tend/cadence"
)

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
