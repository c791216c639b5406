package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/tend-app/tend/internal/domain"
)

// LastNote is what you last talked about with someone.
type LastNote = domain.LastNote

// lastNoteQuery reads the latest interaction with a person that has a
// note, walking their interactions newest first by the person's index.
// The order is the index's own (time, then the id it holds): ordered by
// i.id, SQLite sorted each run of equal times, and so read on past the
// first note to the next, twice the lookups in interactions.
const lastNoteQuery = `SELECT i.note, i.at
	FROM interaction_people ip JOIN interactions i ON i.id = ip.interaction_id
	WHERE ip.person_id = ? AND i.note <> ''
	ORDER BY ip.at DESC, ip.interaction_id DESC LIMIT 1`

// LastNotes gives, for each of the people whose ids are given, the note of
// the latest interaction with them that has one; someone with none is not
// in the map. It is meant for the few people a suggestion names: each is a
// lookup of its own.
func (s *Store) LastNotes(ctx context.Context, ids []string) (map[string]LastNote, error) {
	out := make(map[string]LastNote, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	stmt, err := s.db.PrepareContext(ctx, lastNoteQuery)
	if err != nil {
		return nil, fmt.Errorf("read notes: %w", err)
	}
	defer stmt.Close()
	for _, id := range ids {
		var (
			n  LastNote
			at string
		)
		err := stmt.QueryRowContext(ctx, id).Scan(&n.Note, &at)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read notes: %w", err)
		}
		if n.At, err = parseTime(at); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, nil
}

// DueMemory is an open memory whose day has come, with whose it is.
type DueMemory = domain.DueMemory

// DueMemories lists the open memories of active people due on or before
// the day through (only its date counts, as written), oldest due first.
func (s *Store) DueMemories(ctx context.Context, through time.Time) ([]DueMemory, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT m.id, m.person_id, m.text, m.due, m.done_at, m.created_at, p.name
		FROM memories m JOIN people p ON p.id = m.person_id
		WHERE m.done_at IS NULL AND m.due IS NOT NULL AND m.due <= ? AND p.archived_at IS NULL
		ORDER BY m.due, p.name_key, m.created_at, m.id`, through.Format(time.DateOnly))
	if err != nil {
		return nil, fmt.Errorf("list memories: %w", err)
	}
	defer rows.Close()
	out := []DueMemory{}
	for rows.Next() {
		var d DueMemory
		m, err := scanMemory(rows, &d.Name)
		if err != nil {
			return nil, err
		}
		d.Memory = m
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list memories: %w", err)
	}
	return out, nil
}
