package store

import (
	"context"
	"fmt"
	"time"

	"github.com/tend-app/tend/cadence"
)

// eventsQuery reads the interactions from a time on, one row per person in
// each, through the index on interaction time.
const eventsQuery = `
	SELECT i.id, i.at, i.via, i.direction, i.missed, ip.person_id
	FROM interactions i
	CROSS JOIN interaction_people ip ON ip.interaction_id = i.id
	WHERE i.at >= ?
	ORDER BY i.at, i.id, ip.person_id`

// Events lists the interactions at or after since, oldest first, as the
// statistics read them. Its cost grows with the interactions in that span,
// not with all of history.
func (s *Store) Events(ctx context.Context, since time.Time) ([]cadence.Event, error) {
	rows, err := s.db.QueryContext(ctx, eventsQuery, formatTime(since))
	if err != nil {
		return nil, fmt.Errorf("load interactions: %w", err)
	}
	defer rows.Close()
	out := []cadence.Event{}
	last := ""
	for rows.Next() {
		var (
			id, at, via, dir, pid string
			missed                bool
		)
		if err := rows.Scan(&id, &at, &via, &dir, &missed, &pid); err != nil {
			return nil, fmt.Errorf("load interactions: %w", err)
		}
		if id == last {
			out[len(out)-1].People = append(out[len(out)-1].People, pid)
			continue
		}
		t, err := parseTime(at)
		if err != nil {
			return nil, err
		}
		out = append(out, cadence.Event{At: t, Via: cadence.Channel(via), Direction: cadence.Direction(dir), Missed: missed, People: []string{pid}})
		last = id
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load interactions: %w", err)
	}
	return out, nil
}
