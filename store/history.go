package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/tend-app/tend/cadence"
)

// recentQuery finds, for each person the filter keeps, their latest
// cadence.RecentCount interactions (kind 0) and the times of their latest
// cadence.RealCount real conversations (kind 1).
//
// Each arm first seeks the time of the Nth newest row with one index step
// per row (ORDER BY at DESC LIMIT 1 OFFSET N-1, on (person_id, at) and
// (person_id, real, at)), then reads the index range from that time on, so
// the cost is a few rows per person, however long the history. When someone
// has fewer rows, the subquery is NULL and the whole (short) range is read.
// Rows tied at the boundary may come back too; loadHistory trims them.
//
// CROSS JOIN fixes the join order in SQLite: people outside, the index
// range inside. Left to itself the planner may prefer to walk the whole
// interaction_people index in person order, which reads all of history.
// TestRecentQueryPlan pins the plan.
const recentQuery = `
	SELECT ip.person_id, 0, ip.at, ip.interaction_id, i.via, i.direction
	FROM people p
	CROSS JOIN interaction_people ip ON ip.person_id = p.id AND ip.at >= COALESCE((
		SELECT x.at FROM interaction_people x WHERE x.person_id = p.id
		ORDER BY x.at DESC LIMIT 1 OFFSET %[1]d), '')
	CROSS JOIN interactions i ON i.id = ip.interaction_id
	%[3]s
	UNION ALL
	SELECT ip.person_id, 1, ip.at, ip.interaction_id, '', ''
	FROM people p
	CROSS JOIN interaction_people ip ON ip.person_id = p.id AND ip.real = 1 AND ip.at >= COALESCE((
		SELECT x.at FROM interaction_people x WHERE x.person_id = p.id AND x.real = 1
		ORDER BY x.at DESC LIMIT 1 OFFSET %[2]d), '')
	%[3]s`

// lastInQuery finds the latest interaction someone started, walking their
// interactions newest first. It runs only for the few people whose latest
// cadence.RecentCount interactions were all yours (for everyone else the
// answer is among those), and it looks back only a year and a day from
// their latest interaction: the one-sided rule asks only whether they
// reached out within a year, and an older message cannot be, so the walk
// stays within a year of one person's history.
const lastInQuery = `
	SELECT ip.at, i.via FROM interaction_people ip
	CROSS JOIN interactions i ON i.id = ip.interaction_id
	WHERE ip.person_id = ? AND ip.at >= ? AND i.direction = 'in'
	ORDER BY ip.at DESC, ip.interaction_id DESC LIMIT 1`

// historyRow is one row of recentQuery.
type historyRow struct {
	real bool // a row of the real-conversation arm
	at   time.Time
	id   string
	c    cadence.Contact
}

// loadHistory fills in Recent, RecentReal and LastIn for the summaries,
// which were loaded with the same filter.
func (s *Store) loadHistory(ctx context.Context, out []Summary, f PeopleFilter) error {
	if len(out) == 0 {
		return nil
	}
	index := make(map[string]int, len(out))
	for i, sum := range out {
		index[sum.ID] = i
	}
	where, args := f.where()
	query := fmt.Sprintf(recentQuery, cadence.RecentCount-1, cadence.RealCount-1, where)
	rows, err := s.db.QueryContext(ctx, query, append(args, args...)...)
	if err != nil {
		return fmt.Errorf("load recent interactions: %w", err)
	}
	found := make([][]historyRow, len(out))
	for rows.Next() {
		var (
			pid, at, iid, via, dir string
			kind                   int
		)
		if err := rows.Scan(&pid, &kind, &at, &iid, &via, &dir); err != nil {
			rows.Close()
			return fmt.Errorf("load recent interactions: %w", err)
		}
		i, ok := index[pid]
		if !ok {
			continue // not among the summaries (added since they were read)
		}
		t, err := parseTime(at)
		if err != nil {
			rows.Close()
			return err
		}
		found[i] = append(found[i], historyRow{real: kind == 1, at: t, id: iid,
			c: cadence.Contact{At: t, Via: cadence.Channel(via), Direction: cadence.Direction(dir)}})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load recent interactions: %w", err)
	}

	for i, rs := range found {
		// Newest first, in the same order as the summary query's LIMIT 1.
		slices.SortFunc(rs, func(a, b historyRow) int {
			if c := b.at.Compare(a.at); c != 0 {
				return c
			}
			return cmp.Compare(b.id, a.id)
		})
		sum := &out[i]
		sum.Recent, sum.RecentReal = []cadence.Contact{}, []time.Time{}
		for _, r := range rs {
			switch {
			case r.real && len(sum.RecentReal) < cadence.RealCount:
				sum.RecentReal = append(sum.RecentReal, r.at)
			case !r.real && len(sum.Recent) < cadence.RecentCount:
				sum.Recent = append(sum.Recent, r.c)
			}
		}
		if err := s.fillLastIn(ctx, sum); err != nil {
			return err
		}
	}
	return nil
}

// fillLastIn sets LastIn from Recent when it is there, and asks the
// database only when all of Recent is yours and there may be more before it.
// It leaves LastIn empty when their latest message is over a year older
// than the latest interaction (see lastInQuery).
func (s *Store) fillLastIn(ctx context.Context, sum *Summary) error {
	for _, c := range sum.Recent {
		if c.Direction == cadence.In {
			sum.LastIn = c
			return nil
		}
	}
	if len(sum.Recent) < cadence.RecentCount {
		return nil // Recent is their whole history
	}
	from := sum.Recent[0].At.AddDate(0, 0, -(cadence.OneSidedDays + 1))
	rows, err := s.db.QueryContext(ctx, lastInQuery, sum.ID, formatTime(from))
	if err != nil {
		return fmt.Errorf("load %s's latest message: %w", sum.Name, err)
	}
	defer rows.Close()
	if rows.Next() {
		var at, via string
		if err := rows.Scan(&at, &via); err != nil {
			return fmt.Errorf("load %s's latest message: %w", sum.Name, err)
		}
		t, err := parseTime(at)
		if err != nil {
			return err
		}
		sum.LastIn = cadence.Contact{At: t, Via: cadence.Channel(via), Direction: cadence.In}
	}
	return rows.Err()
}

// eventsQuery reads the interactions from a time on, one row per person in
// each, through the index on interaction time.
const eventsQuery = `
	SELECT i.id, i.at, i.via, i.direction, ip.person_id
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
		var id, at, via, dir, pid string
		if err := rows.Scan(&id, &at, &via, &dir, &pid); err != nil {
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
		out = append(out, cadence.Event{At: t, Via: cadence.Channel(via), Direction: cadence.Direction(dir), People: []string{pid}})
		last = id
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load interactions: %w", err)
	}
	return out, nil
}
