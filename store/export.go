package store

import (
	"context"
	"fmt"

	"github.com/tend-app/tend/internal/domain"
)

// The reads an export needs. They hand records to a function one at a time
// instead of returning slices, so that exporting a million interactions
// holds one in memory, not all of them.

// AllPeople lists everyone, active and archived, ordered by name.
func (s *Store) AllPeople(ctx context.Context) ([]domain.Person, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+personColumns+` FROM people p ORDER BY p.name_key, p.id`)
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	people, err := scanPeople(rows)
	if err != nil {
		return nil, err
	}
	return people, loadDates(ctx, s.db, people)
}

// EachInteraction calls fn with every interaction, oldest first (by time,
// then id), each with its people in the order of their names, as
// Interactions gives them. It stops at fn's first error and returns it.
func (s *Store) EachInteraction(ctx context.Context, fn func(domain.Interaction) error) error {
	// One pass over a join, in order, grouping rows by interaction: no
	// query per interaction and no list of them all. CROSS JOIN keeps
	// interactions outside, read in time order from interactions_at, so
	// SQLite sorts only the rows of one moment at a time; left to itself it
	// walks interaction_people and sorts the whole history in memory.
	rows, err := s.db.QueryContext(ctx, `
		SELECT `+interactionColumns+`, p.id, p.name
		FROM interactions i
		CROSS JOIN interaction_people ip ON ip.interaction_id = i.id
		CROSS JOIN people p ON p.id = ip.person_id
		ORDER BY i.at, i.id, p.name_key, p.id`)
	if err != nil {
		return fmt.Errorf("list interactions: %w", err)
	}
	defer rows.Close()
	var (
		cur  domain.Interaction
		have bool
	)
	for rows.Next() {
		var pid, name string
		in, err := scanInteraction(rows, &pid, &name)
		if err != nil {
			return err
		}
		if have && in.ID == cur.ID {
			cur.People = append(cur.People, pid)
			cur.Names = append(cur.Names, name)
			continue
		}
		if have {
			if err := fn(cur); err != nil {
				return err
			}
		}
		in.People, in.Names = []string{pid}, []string{name}
		cur, have = in, true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read interactions: %w", err)
	}
	if have {
		return fn(cur)
	}
	return nil
}

// EachMemory calls fn with every memory, done or not, ordered by person,
// creation and id. It stops at fn's first error and returns it.
func (s *Store) EachMemory(ctx context.Context, fn func(domain.Memory) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT `+memoryColumns+` FROM memories ORDER BY person_id, created_at, id`)
	if err != nil {
		return fmt.Errorf("list memories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		m, err := scanMemory(rows)
		if err != nil {
			return err
		}
		if err := fn(m); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read memories: %w", err)
	}
	return nil
}
