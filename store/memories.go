package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/tend-app/tend/internal/domain"
)

// AddMemory stores a new memory for a person.
func (s *Store) AddMemory(ctx context.Context, m domain.Memory) (domain.Memory, error) {
	m.Text = strings.TrimSpace(m.Text)
	if m.Text == "" {
		return domain.Memory{}, domain.Errorf(domain.ErrInvalid, "nothing to remember: the text is empty")
	}
	if err := domain.ValidNewText("text", m.Text); err != nil {
		return domain.Memory{}, err
	}
	if m.ID == "" {
		m.ID = s.newID()
	}
	m.CreatedAt = s.moment()
	err := s.change(ctx, func(tx *sql.Tx) (string, error) {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO memories (id, person_id, text, due, done_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			m.ID, m.PersonID, m.Text, formatOptionalDate(m.Due), formatOptionalTime(m.DoneAt), formatTime(m.CreatedAt))
		if err != nil && strings.Contains(err.Error(), "FOREIGN KEY") {
			return "", domain.Errorf(domain.ErrNotFound, "no person with id %s in tend: they were deleted, perhaps from another window", m.PersonID)
		}
		if err != nil {
			return "", fmt.Errorf("remember: %w", err)
		}
		return s.describeMemory(ctx, tx, "remembered", m)
	})
	if err != nil {
		return domain.Memory{}, err
	}
	return m, nil
}

const memoryColumns = `id, person_id, text, due, done_at, created_at`

// Memories lists a person's memories, open ones first, then by due date and
// creation. Memories noted in the same second keep the order they were
// written in (rowid), not their ids' random order: show numbers them, and
// done NAME N must name the same one every time.
func (s *Store) Memories(ctx context.Context, personID string) ([]domain.Memory, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+memoryColumns+` FROM memories
		WHERE person_id = ?
		ORDER BY done_at IS NOT NULL, coalesce(due, '9999'), created_at, rowid`, personID)
	if err != nil {
		return nil, fmt.Errorf("list memories: %w", err)
	}
	defer rows.Close()
	out := []domain.Memory{}
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
func scanMemory(row scanner, extra ...any) (domain.Memory, error) {
	var (
		m         domain.Memory
		due, done sql.NullString
		created   string
		err       error
	)
	if err := row.Scan(append([]any{&m.ID, &m.PersonID, &m.Text, &due, &done, &created}, extra...)...); err != nil {
		return domain.Memory{}, fmt.Errorf("read memory: %w", err)
	}
	if m.Due, err = parseOptionalDate(due); err != nil {
		return domain.Memory{}, err
	}
	if m.DoneAt, err = parseOptionalTime(done); err != nil {
		return domain.Memory{}, err
	}
	if m.CreatedAt, err = parseTime(created); err != nil {
		return domain.Memory{}, err
	}
	return m, nil
}

// describeMemory names a change to a memory, with whose it is.
func (s *Store) describeMemory(ctx context.Context, q queryer, verb string, m domain.Memory) (string, error) {
	var name string
	if err := q.QueryRowContext(ctx, `SELECT name FROM people WHERE id = ?`, m.PersonID).Scan(&name); err != nil {
		return "", fmt.Errorf("memory %s: %w", m.ID, err)
	}
	return fmt.Sprintf("%s for %s: %s", verb, oneLine(name), oneLine(m.Text)), nil
}

// findMemory resolves a memory id, or a unique start of one, in any case.
// Memory finds a memory by its id or a unique start of it.
func (s *Store) Memory(ctx context.Context, idPrefix string) (domain.Memory, error) {
	return findMemory(ctx, s.db, idPrefix)
}

func findMemory(ctx context.Context, q queryer, idPrefix string) (domain.Memory, error) {
	typed := strings.TrimSpace(idPrefix)
	idPrefix = strings.ToUpper(typed)
	if idPrefix == "" {
		return domain.Memory{}, domain.Errorf(domain.ErrInvalid, "memory id is empty")
	}
	rows, err := q.QueryContext(ctx, `SELECT `+memoryColumns+` FROM memories
		WHERE upper(substr(id, 1, length(?))) = ? LIMIT 2`, idPrefix, idPrefix) // imported ids may be lower case
	if err != nil {
		return domain.Memory{}, fmt.Errorf("find memory: %w", err)
	}
	var found []domain.Memory
	for rows.Next() {
		m, err := scanMemory(rows)
		if err != nil {
			rows.Close()
			return domain.Memory{}, err
		}
		found = append(found, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return domain.Memory{}, fmt.Errorf("find memory: %w", err)
	}
	switch len(found) {
	case 0:
		return domain.Memory{}, &domain.UnknownIDError{Kind: "memory", ID: typed}
	case 2:
		return domain.Memory{}, domain.Errorf(domain.ErrInvalid, "memory id %q is ambiguous: it starts more than one; give more of it", domain.Clip(typed))
	}
	return found[0], nil
}

// FindMemory returns the memory an id, or a unique start of one, names.
func (s *Store) FindMemory(ctx context.Context, idPrefix string) (domain.Memory, error) {
	return findMemory(ctx, s.db, idPrefix)
}

// MarkMemoryDone marks a memory done, found by its id or a unique start of
// it. A memory already done is left as it was.
func (s *Store) MarkMemoryDone(ctx context.Context, idPrefix string) (domain.Memory, error) {
	var out domain.Memory
	err := s.change(ctx, func(tx *sql.Tx) (string, error) {
		m, err := findMemory(ctx, tx, idPrefix)
		if err != nil {
			return "", err
		}
		out = m
		if out.Done() {
			return "", nil
		}
		out.DoneAt = s.moment()
		_, err = tx.ExecContext(ctx, `UPDATE memories SET done_at = ? WHERE id = ?`, formatTime(out.DoneAt), out.ID)
		if err != nil {
			return "", fmt.Errorf("mark done: %w", err)
		}
		return s.describeMemory(ctx, tx, "marked done", out)
	})
	return out, err
}

// DeleteMemory removes a memory, found by its id or a unique start of it.
func (s *Store) DeleteMemory(ctx context.Context, idPrefix string) (domain.Memory, error) {
	var out domain.Memory
	err := s.change(ctx, func(tx *sql.Tx) (string, error) {
		m, err := findMemory(ctx, tx, idPrefix)
		if err != nil {
			return "", err
		}
		out = m
		desc, err := s.describeMemory(ctx, tx, "forgot", m)
		if err != nil {
			return "", err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM memories WHERE id = ?`, m.ID); err != nil {
			return "", fmt.Errorf("forget: %w", err)
		}
		return desc, nil
	})
	return out, err
}

// UpdateMemory lets change alter a memory's text, day or done time, found
// by its id or a unique start of it, and saves it in one transaction.
func (s *Store) UpdateMemory(ctx context.Context, idPrefix string, change func(*domain.Memory) error) (domain.Memory, error) {
	var out domain.Memory
	err := s.change(ctx, func(tx *sql.Tx) (string, error) {
		m, err := findMemory(ctx, tx, idPrefix)
		if err != nil {
			return "", err
		}
		id, person, was := m.ID, m.PersonID, m
		if err := change(&m); err != nil {
			return "", err
		}
		m.ID, m.PersonID = id, person
		m.Text = strings.TrimSpace(m.Text)
		if m.Text == "" {
			return "", domain.ErrEmptyMemory
		}
		if err := domain.ValidText("text", m.Text); err != nil {
			return "", err
		}
		if m.Text == was.Text && m.Due.Equal(was.Due) && m.DoneAt.Equal(was.DoneAt) {
			out = was // nothing to write, and nothing for undo to spend itself on
			return "", nil
		}
		_, err = tx.ExecContext(ctx, `UPDATE memories SET text = ?, due = ?, done_at = ? WHERE id = ?`,
			m.Text, formatOptionalDate(m.Due), formatOptionalTime(m.DoneAt), m.ID)
		if err != nil {
			return "", fmt.Errorf("change memory: %w", err)
		}
		out = m
		return s.describeMemory(ctx, tx, "changed the memory", m)
	})
	return out, err
}
