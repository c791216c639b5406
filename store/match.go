package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// AmbiguousError says a name matched more than one person.
type AmbiguousError struct {
	Query      string
	Candidates []string // their names, best match first
}

func (e *AmbiguousError) Error() string {
	var names []string
	for _, n := range e.Candidates[:min(len(e.Candidates), 8)] {
		// A name may hold a line break; the message is one line.
		names = append(names, clip(strings.Join(strings.Fields(n), " ")))
	}
	more := ""
	if len(e.Candidates) > 8 {
		more = fmt.Sprintf(" and %d more", len(e.Candidates)-8)
	}
	return fmt.Sprintf("%q matches %d people: %s%s; be more specific", clip(e.Query), len(e.Candidates), strings.Join(names, ", "), more)
}

// clipLength is how much of what a user typed an error quotes back.
const clipLength = 60

// clip shortens text quoted back in an error, so that a pasted page or a
// megabyte argument gives a one-line message, not the page again.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= clipLength {
		return s
	}
	return string([]rune(s)[:clipLength]) + "…"
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
	// The whole name, in any case, is what is typed most, and among
	// active people it names at most one (their name keys are unique): one
	// index lookup answers it without reading everyone's name. It is the
	// answer Match would give, as active people are looked at first.
	if scope != PreferArchived && strings.TrimSpace(query) != "" {
		var id string
		err := s.db.QueryRowContext(ctx, `SELECT id FROM people WHERE name_key = ? AND archived_at IS NULL`, nameKey(query)).Scan(&id)
		switch {
		case err == nil:
			return s.Person(ctx, id)
		case !errors.Is(err, sql.ErrNoRows):
			return Person{}, fmt.Errorf("find person: %w", err)
		}
	}
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
	if utf8.RuneCountInString(query) > clipLength {
		return Person{}, kindErrorf(ErrNotFound, "no one called %q", clip(query))
	}
	return Person{}, kindErrorf(ErrNotFound, "no one called %q (add them with: tend add %q)", query, strings.TrimSpace(query))
}

// FindPeople resolves lists of names typed by a user, each NAME[,NAME...],
// to people, each once, in the order named, by FindPerson's rules. A whole
// list that is exactly someone's name names them, so a name with a comma
// in it can still be given; an empty name in a list is ErrInvalid.
func (s *Store) FindPeople(ctx context.Context, lists []string, scope Scope) ([]Person, error) {
	var people []Person
	seen := map[string]bool{}
	for _, list := range lists {
		names := strings.Split(list, ",")
		if len(names) > 1 {
			if p, err := s.FindPerson(ctx, list, scope); err == nil && p.Name == strings.TrimSpace(list) {
				names = []string{list}
			}
		}
		for _, name := range names {
			name = strings.TrimSpace(name)
			if name == "" {
				return nil, kindErrorf(ErrInvalid, "empty name in %q", list)
			}
			p, err := s.FindPerson(ctx, name, scope)
			if err != nil {
				return nil, err
			}
			if !seen[p.ID] {
				seen[p.ID] = true
				people = append(people, p)
			}
		}
	}
	return people, nil
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
	var found []Candidate
	for _, c := range pool {
		if c.Name == q {
			found = append(found, c)
		}
	}
	if len(found) > 0 {
		return found
	}
	// The names folded once for the later stages: folding allocates, and
	// ten thousand names were folded up to four times over.
	key := nameKey(q)
	keys := make([]string, len(pool))
	for i, c := range pool {
		keys[i] = nameKey(c.Name)
	}
	for _, matches := range []func(string) bool{
		func(k string) bool { return k == key },
		func(k string) bool { return hasWordPrefix(k, key) },
	} {
		for i, k := range keys {
			if matches(k) {
				found = append(found, pool[i])
			}
		}
		if len(found) > 0 {
			return found
		}
	}
	return fuzzyMatch(key, keys, pool)
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

// fuzzyMatch finds names (keys, the pool's names folded) that hold the
// query's letters in order ("alma" finds "Ana Lima"), best first. Every
// match counts: a fuzzy guess is only taken when it is the only one.
func fuzzyMatch(key string, keys []string, pool []Candidate) []Candidate {
	var out []Candidate
	for _, m := range fuzzy.Find(key, keys) {
		out = append(out, pool[m.Index])
	}
	return out
}
