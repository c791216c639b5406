package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Memory is something a person told you, to remember or follow up.
type Memory struct {
	ID        string
	PersonID  string
	Text      string
	Due       time.Time // a calendar day (only its date counts), or zero
	DoneAt    time.Time // zero while open
	CreatedAt time.Time
}

// Done reports whether the memory has been marked done.
func (m Memory) Done() bool { return !m.DoneAt.IsZero() }

// AddMemory stores a new memory for a person.
func (s *Store) AddMemory(ctx context.Context, m Memory) (Memory, error) {
	m.Text = strings.TrimSpace(m.Text)
	if m.Text == "" {
		return Memory{}, kindErrorf(ErrInvalid, "nothing to remember: the text is empty")
	}
	if err := validText("text", m.Text); err != nil {
		return Memory{}, err
	}
	if m.ID == "" {
		m.ID = s.newID()
	}
	m.CreatedAt = s.moment()
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO memories (id, person_id, text, due, done_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			m.ID, m.PersonID, m.Text, formatOptionalDate(m.Due), formatOptionalTime(m.DoneAt), formatTime(m.CreatedAt))
		if err != nil && strings.Contains(err.Error(), "FOREIGN KEY") {
			return kindErrorf(ErrNotFound, "no person with id %s", m.PersonID)
		}
		if err != nil {
			return fmt.Errorf("remember: %w", err)
		}
		return nil
	})
	if err != nil {
		return Memory{}, err
	}
	return m, nil
}

const memoryColumns = `id, person_id, text, due, done_at, created_at`

// Memories lists a person's memories, open ones first, then by due date and
// creation.
func (s *Store) Memories(ctx context.Context, personID string) ([]Memory, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+memoryColumns+` FROM memories
		WHERE person_id = ?
		ORDER BY done_at IS NOT NULL, coalesce(due, '9999'), created_at, id`, personID)
	if err != nil {
		return nil, fmt.Errorf("list memories: %w", err)
	}
	defer rows.Close()
	out := []Memory{}
	for rows.Next() {
		m, err := scanMemory(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// scanMemory reads a row of memoryColumns, then the columns of extra.
func scanMemory(row scanner, extra ...any) (Memory, error) {
	var (
		m         Memory
		due, done sql.NullString
		created   string
		err       error
	)
	if err := row.Scan(append([]any{&m.ID, &m.PersonID, &m.Text, &due, &done, &created}, extra...)...); err != nil {
		return Memory{}, fmt.Errorf("read memory: %w", err)
	}
	if m.Due, err = parseOptionalDate(due); err != nil {
		return Memory{}, err
	}
	if m.DoneAt, err = parseOptionalTime(done); err != nil {
		return Memory{}, err
	}
	if m.CreatedAt, err = parseTime(created); err != nil {
		return Memory{}, err
	}
	return m, nil
}

// MarkMemoryDone marks the memory whose id is, or uniquely starts with,
// idPrefix as done, and returns it. Marking a done memory again is not an
// error; it keeps its first done time.
func (s *Store) MarkMemoryDone(ctx context.Context, idPrefix string) (Memory, error) {
	idPrefix = strings.ToUpper(strings.TrimSpace(idPrefix))
	if idPrefix == "" {
		return Memory{}, kindErrorf(ErrInvalid, "memory id is empty")
	}
	var out Memory
	err := s.write(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+memoryColumns+` FROM memories
			WHERE upper(substr(id, 1, length(?))) = ? LIMIT 2`, idPrefix, idPrefix) // imported ids may be lower case
		if err != nil {
			return fmt.Errorf("find memory: %w", err)
		}
		var found []Memory
		for rows.Next() {
			m, err := scanMemory(rows)
			if err != nil {
				rows.Close()
				return err
			}
			found = append(found, m)
		}
		rows.Close()
		switch len(found) {
		case 0:
			return kindErrorf(ErrNotFound, "no memory with id %q (tend show NAME lists them)", idPrefix)
		case 2:
			return kindErrorf(ErrInvalid, "memory id %q is ambiguous; give more of it", idPrefix)
		}
		out = found[0]
		if out.Done() {
			return nil
		}
		out.DoneAt = s.moment()
		_, err = tx.ExecContext(ctx, `UPDATE memories SET done_at = ? WHERE id = ?`, formatTime(out.DoneAt), out.ID)
		if err != nil {
			return fmt.Errorf("mark done: %w", err)
		}
		return nil
	})
	return out, err
}
