package store

import (
	"context"
	"fmt"
	"strings"
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

// DayCounts counts the interactions from since on (each once, however many
// people were in it) by the calendar day they fell on in now's location,
// and by channel, direction and whether the call was missed: Events summed
// up by SQLite, a few hundred rows instead of one per interaction.
//
// SQLite knows no time zones, so the local day of each stored UTC time is
// found with the offset in force at that moment: the offsets from since on
// are given as a CASE over the moments they change (time.Time.ZoneBounds),
// which in ninety days is at most a few. The day is counted in whole days
// since 1970 from the time in seconds: parsing each time once as a number
// costs a third of what turning it into a date and back did.
func (s *Store) DayCounts(ctx context.Context, since, now time.Time) ([]cadence.DayCount, error) {
	offset, args := zoneOffsets(since, now)
	query := `
		SELECT ? - (unixepoch(i.at) + ` + offset + `) / 86400 AS ago,
			i.via, i.direction, i.missed, count(*)
		FROM interactions i
		WHERE i.at >= ? AND EXISTS (SELECT 1 FROM interaction_people ip WHERE ip.interaction_id = i.id)
		GROUP BY ago, i.via, i.direction, i.missed`
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
	args = append([]any{today}, args...)
	args = append(args, formatTime(since))
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("count interactions: %w", err)
	}
	defer rows.Close()
	out := []cadence.DayCount{}
	for rows.Next() {
		var (
			c        cadence.DayCount
			via, dir string
		)
		if err := rows.Scan(&c.DaysAgo, &via, &dir, &c.Missed, &c.N); err != nil {
			return nil, fmt.Errorf("count interactions: %w", err)
		}
		c.Via, c.Direction = cadence.Channel(via), cadence.Direction(dir)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count interactions: %w", err)
	}
	return out, nil
}

// zoneOffsets writes, as an SQL expression of i.at, now's offset from UTC
// in seconds at that moment, for every moment from since until two days
// after now (later interactions are not counted, and an offset that changes
// after that cannot bring one back to today), with its arguments.
func zoneOffsets(since, now time.Time) (string, []any) {
	offset := func(t time.Time) int {
		_, off := t.In(now.Location()).Zone()
		return off
	}
	end := now.AddDate(0, 0, 2)
	var (
		expr strings.Builder
		args []any
	)
	expr.WriteString("CASE")
	t := since.In(now.Location())
	for {
		_, until := t.ZoneBounds()
		if until.IsZero() || !until.Before(end) {
			break
		}
		expr.WriteString(" WHEN i.at < ? THEN ?")
		args = append(args, formatTime(until), offset(t))
		t = until
	}
	args = append(args, offset(t))
	if len(args) == 1 {
		return "?", args
	}
	expr.WriteString(" ELSE ? END")
	return expr.String(), args
}
