package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/tend-app/tend/internal/domain"
)

// Scope says which people a name may refer to: see domain.Scope.
type Scope = domain.Scope

// The scopes, as the domain names them.
const (
	PreferActive   = domain.PreferActive
	OnlyActive     = domain.OnlyActive
	PreferArchived = domain.PreferArchived
)

// FindPerson resolves a name typed by a user to one person: an exact match,
// then one ignoring case, then ignoring accents and other marks (Fold),
// then an alias, then a unique start of the name or of any word in it (or
// of an alias), then a fuzzy match that is unique or clearly the best. More
// than one candidate at the first stage that finds any is an
// *AmbiguousError; none is ErrNotFound. It never creates anyone.
func (s *Store) FindPerson(ctx context.Context, query string, scope Scope) (domain.Person, error) {
	return s.findPerson(ctx, query, scope, true)
}

// findPerson is FindPerson; suggestAdd says whether a name found nowhere
// may be suggested as someone to add (not for one word of several).
func (s *Store) findPerson(ctx context.Context, query string, scope Scope, suggestAdd bool) (domain.Person, error) {
	// The whole name, in any case, is what is typed most, and among
	// active people it names at most one (their name keys are unique): one
	// index lookup answers it without reading everyone's name. It is the
	// answer Match would give, as active people are looked at first.
	// Only when it is the name exactly, or the query has an accent: a
	// query with none ("lea") may mean Léa as much as Lea.
	if q := strings.TrimSpace(query); scope != PreferArchived && q != "" {
		var id, name string
		err := s.db.QueryRowContext(ctx, `SELECT id, name FROM people WHERE name_key = ? AND archived_at IS NULL`, domain.NameKey(q)).Scan(&id, &name)
		switch {
		case err == nil && (name == q || domain.Fold(q) != domain.NameKey(q)):
			return s.Person(ctx, id)
		case err == nil:
		case !errors.Is(err, sql.ErrNoRows):
			return domain.Person{}, fmt.Errorf("find person: %w", err)
		}
	}
	pools, err := s.candidatePools(ctx, scope)
	if err != nil {
		return domain.Person{}, err
	}
	found, guesses := domain.Resolve(query, pools)
	switch {
	case len(found) == 1:
		return s.Person(ctx, found[0].ID)
	case len(found) > 1:
		names := make([]string, len(found))
		seen := map[string]int{}
		for i, c := range found {
			names[i] = c.Name
			seen[domain.NameKey(c.Name)]++
		}
		// People of the same name are told apart by the start of their id,
		// which a NAME may be given as: long enough to differ between
		// them (ids made in one millisecond share their first ten).
		n := 10
		for i := range found {
			for j := range i {
				n = max(n, commonPrefix(found[i].ID, found[j].ID)+1)
			}
		}
		for i, c := range found {
			if seen[domain.NameKey(c.Name)] > 1 {
				names[i] += " (" + c.ID[:min(len(c.ID), n)] + ")"
			}
		}
		return domain.Person{}, &domain.AmbiguousError{Query: query, Candidates: names}
	}
	noOne := &domain.NoOneError{Query: query, Guesses: guesses}
	if len(guesses) == 0 {
		if noOne.MentionedBy, err = s.notesMention(ctx, query); err != nil {
			return domain.Person{}, err
		}
		noOne.Addable = noOne.MentionedBy == "" && suggestAdd && utf8.RuneCountInString(query) <= domain.ClipLength
	}
	return domain.Person{}, noOne
}

// notesMention finds the active person whose notes hold the query as a
// word ("Dad" in "my dad, Richard"), when there is exactly one: a name
// found nowhere may be what the user calls them.
func (s *Store) notesMention(ctx context.Context, query string) (string, error) {
	q := domain.Fold(query)
	if q == "" || utf8.RuneCountInString(q) > domain.ClipLength {
		return "", nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT name, notes FROM people WHERE archived_at IS NULL AND notes <> ''`)
	if err != nil {
		return "", fmt.Errorf("find person: %w", err)
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var name, notes string
		if err := rows.Scan(&name, &notes); err != nil {
			return "", fmt.Errorf("find person: %w", err)
		}
		if domain.ContainsWords(domain.Fold(notes), q) {
			found = append(found, name)
		}
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("find person: %w", err)
	}
	if len(found) != 1 {
		return "", nil
	}
	return found[0], nil
}

// FindPeople resolves lists of names typed by a user, each NAME[,NAME...],
// to people, each once, in the order named, by FindPerson's rules. A whole
// list that is exactly someone's name names them, so a name with a comma
// in it can still be given, and several lists that together are someone's
// name name them (tend log ana lima); an empty name in a list is
// ErrInvalid.
func (s *Store) FindPeople(ctx context.Context, lists []string, scope Scope) ([]domain.Person, error) {
	if len(lists) > 1 {
		whole := strings.Join(lists, " ")
		if !strings.Contains(whole, ",") {
			if p, err := s.findPerson(ctx, whole, scope, false); err == nil {
				return []domain.Person{p}, nil
			}
		}
	}
	// Several words with no comma among them are most likely a name
	// typed without quotes: none of them is suggested as someone to add.
	words := len(lists) > 1 && !slices.ContainsFunc(lists, func(l string) bool { return strings.Contains(l, ",") })
	var people []domain.Person
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
				return nil, domain.Errorf(domain.ErrInvalid, "empty name in %q", list)
			}
			p, err := s.findPerson(ctx, name, scope, !words)
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

// Candidates returns the people names are matched against, active ones or
// archived ones, with their aliases.
func (s *Store) Candidates(ctx context.Context, archived bool) ([]domain.Candidate, error) {
	cond := "archived_at IS NULL"
	if archived {
		cond = "archived_at IS NOT NULL"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, aliases FROM people WHERE `+cond+` ORDER BY name_key, id`)
	if err != nil {
		return nil, fmt.Errorf("find person: %w", err)
	}
	defer rows.Close()
	var out []domain.Candidate
	for rows.Next() {
		var (
			c       domain.Candidate
			aliases string
		)
		if err := rows.Scan(&c.ID, &c.Name, &aliases); err != nil {
			return nil, fmt.Errorf("find person: %w", err)
		}
		if aliases != "[]" {
			if c.Aliases, err = parseList(aliases); err != nil {
				return nil, fmt.Errorf("person %s: stored aliases: %w", c.ID, err)
			}
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func (s *Store) candidatePools(ctx context.Context, scope Scope) ([][]domain.Candidate, error) {
	order := []bool{false, true}
	switch scope {
	case OnlyActive:
		order = []bool{false}
	case PreferArchived:
		order = []bool{true, false}
	}
	var pools [][]domain.Candidate
	for _, archived := range order {
		pool, err := s.Candidates(ctx, archived)
		if err != nil {
			return nil, err
		}
		pools = append(pools, pool)
	}
	return pools, nil
}

// OthersNamed lists the active people other than the person with the id
// whom name would find were it not their alias: an alias is looked at
// before the start of a name, so "ben" as Ana's alias takes "ben" from Ben
// Okafor, and a face says so.
func (s *Store) OthersNamed(ctx context.Context, name, id string) ([]string, error) {
	pool, err := s.Candidates(ctx, false)
	if err != nil {
		return nil, err
	}
	pool = slices.DeleteFunc(pool, func(c domain.Candidate) bool { return c.ID == id })
	found, _ := domain.Resolve(name, [][]domain.Candidate{pool})
	names := make([]string, len(found))
	for i, c := range found {
		names[i] = c.Name
	}
	return names, nil
}
