package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/sahilm/fuzzy"
)

// AmbiguousError says a name matched more than one person.
type AmbiguousError struct {
	Query      string
	Candidates []string // their names, best match first
}

func (e *AmbiguousError) Error() string {
	names := e.Candidates
	more := ""
	if len(names) > 8 {
		names, more = names[:8], fmt.Sprintf(" and %d more", len(names)-8)
	}
	return fmt.Sprintf("%q matches %d people: %s%s; be more specific", e.Query, len(e.Candidates), strings.Join(names, ", "), more)
}

// Is makes an AmbiguousError match ErrInvalid: it is bad input.
func (e *AmbiguousError) Is(target error) bool { return target == ErrInvalid }

// Scope says which people a name may refer to.
type Scope int

const (
	// PreferActive looks among active people, then among archived ones.
	PreferActive Scope = iota
	// OnlyActive looks among active people only.
	OnlyActive
	// PreferArchived looks among archived people, then among active ones.
	PreferArchived
)

// Candidate is the part of a person that a name is matched against.
type Candidate struct {
	ID   string
	Name string
}

// FindPerson resolves a name typed by a user to one person: an exact match,
// then a case-insensitive one, then a unique prefix (of the name or of any
// word in it), then a fuzzy match. More than one candidate at the first
// stage that finds any is an *AmbiguousError; none is ErrNotFound. It never
// creates anyone.
func (s *Store) FindPerson(ctx context.Context, query string, scope Scope) (Person, error) {
	pools, err := s.candidatePools(ctx, scope)
	if err != nil {
		return Person{}, err
	}
	for _, pool := range pools {
		found := Match(query, pool)
		switch len(found) {
		case 0:
			continue
		case 1:
			return s.Person(ctx, found[0].ID)
		default:
			names := make([]string, len(found))
			for i, c := range found {
				names[i] = c.Name
			}
			return Person{}, &AmbiguousError{Query: query, Candidates: names}
		}
	}
	return Person{}, kindErrorf(ErrNotFound, "no one called %q (add them with: tend add %q)", query, strings.TrimSpace(query))
}

func (s *Store) candidatePools(ctx context.Context, scope Scope) ([][]Candidate, error) {
	load := func(archived bool) ([]Candidate, error) {
		cond := "archived_at IS NULL"
		if archived {
			cond = "archived_at IS NOT NULL"
		}
		rows, err := s.db.QueryContext(ctx, `SELECT id, name FROM people WHERE `+cond+` ORDER BY name_key, id`)
		if err != nil {
			return nil, fmt.Errorf("find person: %w", err)
		}
		defer rows.Close()
		var out []Candidate
		for rows.Next() {
			var c Candidate
			if err := rows.Scan(&c.ID, &c.Name); err != nil {
				return nil, fmt.Errorf("find person: %w", err)
			}
			out = append(out, c)
		}
		return out, rows.Err()
	}
	order := []bool{false, true}
	switch scope {
	case OnlyActive:
		order = []bool{false}
	case PreferArchived:
		order = []bool{true, false}
	}
	var pools [][]Candidate
	for _, archived := range order {
		pool, err := load(archived)
		if err != nil {
			return nil, err
		}
		pools = append(pools, pool)
	}
	return pools, nil
}

// Match returns the candidates a query names, from the first matching
// stage: exact, case-insensitive, prefix, fuzzy.
func Match(query string, pool []Candidate) []Candidate {
	q := strings.TrimSpace(query)
	if q == "" {
		return nil
	}
	key := nameKey(q)
	stages := []func(Candidate) bool{
		func(c Candidate) bool { return c.Name == q },
		func(c Candidate) bool { return nameKey(c.Name) == key },
		func(c Candidate) bool { return hasWordPrefix(nameKey(c.Name), key) },
	}
	for _, matches := range stages {
		var found []Candidate
		for _, c := range pool {
			if matches(c) {
				found = append(found, c)
			}
		}
		if len(found) > 0 {
			return found
		}
	}
	return fuzzyMatch(key, pool)
}

// hasWordPrefix reports whether prefix starts the name or any word in it.
func hasWordPrefix(name, prefix string) bool {
	if strings.HasPrefix(name, prefix) {
		return true
	}
	for _, w := range strings.Fields(name) {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

// fuzzyMatch finds names that hold the query's letters in order ("alma"
// finds "Ana Lima"), best first. Every match counts: a fuzzy guess is only
// taken when it is the only one.
func fuzzyMatch(key string, pool []Candidate) []Candidate {
	names := make([]string, len(pool))
	for i, c := range pool {
		names[i] = nameKey(c.Name)
	}
	var out []Candidate
	for _, m := range fuzzy.Find(key, names) {
		out = append(out, pool[m.Index])
	}
	return out
}
