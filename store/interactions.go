package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// AddInteraction records an interaction with one or more people.
func (s *Store) AddInteraction(ctx context.Context, in domain.Interaction) (domain.Interaction, error) {
	if err := in.Validate(); err != nil {
		return domain.Interaction{}, err
	}
	if in.ID == "" {
		in.ID = s.newID()
	}
	in.At = in.At.UTC().Truncate(time.Second)
	in.CreatedAt = s.moment()
	in.People = dedupe(in.People)
	err := s.change(ctx, func(tx *sql.Tx) (string, error) {
		if err := insertInteraction(ctx, tx, in); err != nil {
			return "", err
		}
		names, err := namesOf(ctx, tx, in.People)
		in.Names = names
		return s.describeInteraction("logged", in), err
	})
	if err != nil {
		return domain.Interaction{}, err
	}
	return in, nil
}

func insertInteraction(ctx context.Context, tx *sql.Tx, in domain.Interaction) error {
	at := formatTime(in.At)
	_, err := tx.ExecContext(ctx, `
		INSERT INTO interactions (id, via, direction, at, minutes, note, created_at, missed)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		in.ID, string(in.Via), string(in.Direction), at, nullInt(in.Minutes), in.Note, formatTime(in.CreatedAt), boolInt(in.Missed))
	if err != nil {
		return fmt.Errorf("log interaction: %w", err)
	}
	real := realFlag(in)
	for _, pid := range in.People {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO interaction_people (interaction_id, person_id, at, real) VALUES (?, ?, ?, ?)`,
			in.ID, pid, at, real)
		if err != nil {
			if strings.Contains(err.Error(), "FOREIGN KEY") {
				return domain.Errorf(domain.ErrNotFound, "no person with id %s in tend: they were deleted, perhaps from another window", pid)
			}
			return fmt.Errorf("log interaction: %w", err)
		}
	}
	return nil
}

func namesOf(ctx context.Context, q queryer, ids []string) ([]string, error) {
	names := make([]string, len(ids))
	for i, id := range ids {
		if err := q.QueryRowContext(ctx, `SELECT name FROM people WHERE id = ?`, id).Scan(&names[i]); err != nil {
			return nil, fmt.Errorf("person %s: %w", id, err)
		}
	}
	return names, nil
}

func dedupe(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// InteractionFilter narrows a listing of interactions.
type InteractionFilter = domain.InteractionFilter

// Interactions lists interactions, newest first, each with its people.
func (s *Store) Interactions(ctx context.Context, f InteractionFilter) ([]domain.Interaction, error) {
	var (
		clauses []string
		args    []any
	)
	if f.Person != "" {
		clauses = append(clauses, "i.id IN (SELECT interaction_id FROM interaction_people WHERE person_id = ?)")
		args = append(args, f.Person)
	}
	if !f.Since.IsZero() {
		clauses = append(clauses, "i.at >= ?")
		args = append(args, formatTime(f.Since))
	}
	query := `SELECT ` + interactionColumns + ` FROM interactions i`
	if len(clauses) > 0 {
		query += " WHERE " + strings.Join(clauses, " AND ")
	}
	query += " ORDER BY i.at DESC, i.id DESC"
	if f.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list interactions: %w", err)
	}
	out := []domain.Interaction{}
	index := map[string]int{}
	for rows.Next() {
		in, err := scanInteraction(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		in.People, in.Names = []string{}, []string{}
		index[in.ID] = len(out)
		out = append(out, in)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read interactions: %w", err)
	}
	return out, s.loadParticipants(ctx, out, index)
}

// realFlag is interaction_people.real for an interaction: 1 for a real
// conversation, 0 for a touch or a call that did not connect.
func realFlag(in domain.Interaction) int {
	if in.Via.Real() && !in.Missed {
		return 1
	}
	return 0
}

// boolInt is a flag as SQLite stores it.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// interactionColumns are an interaction's own columns, as scanInteraction
// reads them.
const interactionColumns = `i.id, i.via, i.direction, i.at, i.minutes, i.note, i.created_at, i.missed`

// scanInteraction reads interactionColumns, then extra.
func scanInteraction(row scanner, extra ...any) (domain.Interaction, error) {
	var (
		in                 domain.Interaction
		via, dir, at, made string
		minutes            sql.NullInt64
	)
	if err := row.Scan(append([]any{&in.ID, &via, &dir, &at, &minutes, &in.Note, &made, &in.Missed}, extra...)...); err != nil {
		return in, fmt.Errorf("read interaction: %w", err)
	}
	in.Via, in.Direction, in.Minutes = cadence.Channel(via), cadence.Direction(dir), int(minutes.Int64)
	var err error
	if in.At, err = parseTime(at); err != nil {
		return in, err
	}
	if in.CreatedAt, err = parseTime(made); err != nil {
		return in, err
	}
	return in, nil
}

// loadParticipants fills in People and Names, asking for a few hundred
// interactions at a time to stay under SQLite's limit on parameters.
func (s *Store) loadParticipants(ctx context.Context, out []domain.Interaction, index map[string]int) error {
	const chunk = 500
	for start := 0; start < len(out); start += chunk {
		part := out[start:min(start+chunk, len(out))]
		ids := make([]any, len(part))
		for i, in := range part {
			ids[i] = in.ID
		}
		rows, err := s.db.QueryContext(ctx, `
			SELECT ip.interaction_id, p.id, p.name FROM interaction_people ip
			JOIN people p ON p.id = ip.person_id
			WHERE ip.interaction_id IN (?`+strings.Repeat(",?", len(ids)-1)+`)
			ORDER BY p.name_key`, ids...)
		if err != nil {
			return fmt.Errorf("load participants: %w", err)
		}
		for rows.Next() {
			var iid, pid, name string
			if err := rows.Scan(&iid, &pid, &name); err != nil {
				rows.Close()
				return fmt.Errorf("load participants: %w", err)
			}
			if i, ok := index[iid]; ok {
				out[i].People = append(out[i].People, pid)
				out[i].Names = append(out[i].Names, name)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("load participants: %w", err)
		}
	}
	return nil
}

// findInteraction resolves an interaction id, or a unique start of one, in
// any case, with its people.
func (s *Store) findInteraction(ctx context.Context, q queryer, idPrefix string) (domain.Interaction, error) {
	typed := strings.TrimSpace(idPrefix)
	idPrefix = strings.ToUpper(typed)
	if idPrefix == "" {
		return domain.Interaction{}, domain.Errorf(domain.ErrInvalid, "interaction id is empty")
	}
	rows, err := q.QueryContext(ctx, `SELECT id, via, direction, at, minutes, note, created_at, missed FROM interactions
		WHERE upper(substr(id, 1, length(?))) = ? LIMIT 2`, idPrefix, idPrefix) // imported ids may be lower case
	if err != nil {
		return domain.Interaction{}, fmt.Errorf("find interaction: %w", err)
	}
	var found []domain.Interaction
	for rows.Next() {
		in, err := scanInteraction(rows)
		if err != nil {
			rows.Close()
			return domain.Interaction{}, err
		}
		found = append(found, in)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return domain.Interaction{}, fmt.Errorf("find interaction: %w", err)
	}
	switch len(found) {
	case 0:
		return domain.Interaction{}, &domain.UnknownIDError{Kind: "interaction", ID: typed}
	case 2:
		return domain.Interaction{}, domain.Errorf(domain.ErrInvalid, "interaction id %q is ambiguous: it starts more than one; give more of it", domain.Clip(typed))
	}
	in := found[0]
	prows, err := q.QueryContext(ctx, `SELECT p.id, p.name FROM interaction_people ip JOIN people p ON p.id = ip.person_id
		WHERE ip.interaction_id = ? ORDER BY p.name_key, p.id`, in.ID)
	if err != nil {
		return domain.Interaction{}, fmt.Errorf("find interaction: %w", err)
	}
	defer prows.Close()
	in.People, in.Names = []string{}, []string{}
	for prows.Next() {
		var id, name string
		if err := prows.Scan(&id, &name); err != nil {
			return domain.Interaction{}, fmt.Errorf("find interaction: %w", err)
		}
		in.People, in.Names = append(in.People, id), append(in.Names, name)
	}
	return in, prows.Err()
}

// FindInteraction returns the interaction an id, or a unique start of one,
// names.
func (s *Store) FindInteraction(ctx context.Context, idPrefix string) (domain.Interaction, error) {
	return s.findInteraction(ctx, s.db, idPrefix)
}

// DeleteInteraction removes one interaction, found by its id or a unique
// start of it, and returns it as it was.
func (s *Store) DeleteInteraction(ctx context.Context, idPrefix string) (domain.Interaction, error) {
	var out domain.Interaction
	err := s.change(ctx, func(tx *sql.Tx) (string, error) {
		in, err := s.findInteraction(ctx, tx, idPrefix)
		if err != nil {
			return "", err
		}
		out = in
		// Its people first, then it: the journal then holds them in the
		// order undo needs them back in.
		if _, err := tx.ExecContext(ctx, `DELETE FROM interaction_people WHERE interaction_id = ?`, in.ID); err != nil {
			return "", fmt.Errorf("unlog: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM interactions WHERE id = ?`, in.ID); err != nil {
			return "", fmt.Errorf("unlog: %w", err)
		}
		return s.describeInteraction("removed", in), nil
	})
	return out, err
}

// AmendInteraction lets change correct one interaction, found by its id or
// a unique start of it (its channel, direction, time, minutes, note and
// people), and saves it in one transaction. It returns the interaction as
// it was and as it is.
func (s *Store) AmendInteraction(ctx context.Context, idPrefix string, change func(*domain.Interaction) error) (before, after domain.Interaction, err error) {
	err = s.change(ctx, func(tx *sql.Tx) (string, error) {
		in, err := s.findInteraction(ctx, tx, idPrefix)
		if err != nil {
			return "", err
		}
		before = in
		before.People, before.Names = slices.Clone(in.People), slices.Clone(in.Names)
		id, created := in.ID, in.CreatedAt
		if err := change(&in); err != nil {
			return "", err
		}
		in.ID, in.CreatedAt = id, created
		in.People = dedupe(in.People)
		if err := in.Validate(); err != nil {
			return "", err
		}
		in.At = in.At.UTC().Truncate(time.Second)
		if in.Via == before.Via && in.Direction == before.Direction && in.At.Equal(before.At) && in.Minutes == before.Minutes &&
			in.Note == before.Note && in.Missed == before.Missed && slices.Equal(in.People, before.People) {
			after = before // nothing to write, and nothing for undo to spend itself on
			return "", nil
		}
		at := formatTime(in.At)
		_, err = tx.ExecContext(ctx, `UPDATE interactions SET via = ?, direction = ?, at = ?, minutes = ?, note = ?, missed = ? WHERE id = ?`,
			string(in.Via), string(in.Direction), at, nullInt(in.Minutes), in.Note, boolInt(in.Missed), in.ID)
		if err != nil {
			return "", fmt.Errorf("amend: %w", err)
		}
		for _, pid := range before.People {
			if !slices.Contains(in.People, pid) {
				if _, err := tx.ExecContext(ctx, `DELETE FROM interaction_people WHERE interaction_id = ? AND person_id = ?`, in.ID, pid); err != nil {
					return "", fmt.Errorf("amend: %w", err)
				}
			}
		}
		real := realFlag(in)
		for _, pid := range in.People {
			if slices.Contains(before.People, pid) {
				_, err = tx.ExecContext(ctx, `UPDATE interaction_people SET at = ?, real = ?
					WHERE interaction_id = ? AND person_id = ? AND (at <> ? OR real <> ?)`, at, real, in.ID, pid, at, real)
			} else {
				_, err = tx.ExecContext(ctx, `INSERT INTO interaction_people (interaction_id, person_id, at, real) VALUES (?, ?, ?, ?)`,
					in.ID, pid, at, real)
			}
			if err != nil {
				if strings.Contains(err.Error(), "FOREIGN KEY") {
					return "", domain.Errorf(domain.ErrNotFound, "no person with id %s in tend: they were deleted, perhaps from another window", pid)
				}
				return "", fmt.Errorf("amend: %w", err)
			}
		}
		if in.Names, err = namesOf(ctx, tx, in.People); err != nil {
			return "", err
		}
		after = in
		return s.describeInteraction("amended", before), nil
	})
	return before, after, err
}
