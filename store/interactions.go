package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/tend-app/tend/cadence"
)

// Interaction is one time you and one or more people were in touch: a dinner
// with three friends is one interaction.
type Interaction struct {
	ID        string
	People    []string // person ids; read back in the order of their names
	Names     []string // their names, filled in when read
	Via       cadence.Channel
	Direction cadence.Direction
	At        time.Time
	Minutes   int // 0 when not recorded
	Note      string
	// Missed says the call did not connect: not a conversation, but you
	// trying (out) or them reaching out (in). Only a call or a video call
	// can be missed.
	Missed    bool
	CreatedAt time.Time
}

// Validate checks an interaction before it is written.
func (in *Interaction) Validate() error {
	if len(in.People) == 0 {
		return kindErrorf(ErrInvalid, "an interaction needs at least one person")
	}
	via, err := cadence.ParseChannel(string(in.Via))
	if err != nil {
		return kindErrorf(ErrInvalid, "%v", err)
	}
	in.Via = via // "phone" is accepted, and the table holds "call"
	if in.Direction == "" {
		in.Direction = cadence.Out
	}
	dir, err := cadence.ParseDirection(string(in.Direction))
	if err != nil {
		return kindErrorf(ErrInvalid, "%v", err)
	}
	in.Direction = dir
	if in.At.IsZero() {
		return kindErrorf(ErrInvalid, "an interaction needs a time")
	}
	if in.Missed && in.Via != cadence.Call && in.Via != cadence.Video {
		return kindErrorf(ErrInvalid, "only a call or a video call can be missed, not %s", in.Via)
	}
	if in.Minutes < 0 || in.Minutes > 24*60*7 {
		return kindErrorf(ErrInvalid, "minutes must be between 1 and %d, not %d", 24*60*7, in.Minutes)
	}
	return validText("note", in.Note)
}

// AddInteraction records an interaction with one or more people.
func (s *Store) AddInteraction(ctx context.Context, in Interaction) (Interaction, error) {
	if err := in.Validate(); err != nil {
		return Interaction{}, err
	}
	if in.ID == "" {
		in.ID = s.newID()
	}
	in.At = in.At.UTC().Truncate(time.Second)
	in.CreatedAt = s.moment()
	in.People = dedupe(in.People)
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := insertInteraction(ctx, tx, in); err != nil {
			return err
		}
		names, err := namesOf(ctx, tx, in.People)
		in.Names = names
		return err
	})
	if err != nil {
		return Interaction{}, err
	}
	return in, nil
}

func insertInteraction(ctx context.Context, tx *sql.Tx, in Interaction) error {
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
				return kindErrorf(ErrNotFound, "no person with id %s", pid)
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
type InteractionFilter struct {
	Person string    // only interactions with this person id, when set
	Since  time.Time // only those at or after this time, when set
	Limit  int       // at most this many, newest first; all when 0
}

// Interactions lists interactions, newest first, each with its people.
func (s *Store) Interactions(ctx context.Context, f InteractionFilter) ([]Interaction, error) {
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
	out := []Interaction{}
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
func realFlag(in Interaction) int {
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
func scanInteraction(row scanner, extra ...any) (Interaction, error) {
	var (
		in                 Interaction
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
func (s *Store) loadParticipants(ctx context.Context, out []Interaction, index map[string]int) error {
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
