package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
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
	ID      string
	Name    string
	Aliases []string // the names they are also called by
}

// FindPerson resolves a name typed by a user to one person: an exact match,
// then one ignoring case, then ignoring accents and other marks (Fold),
// then an alias, then a unique start of the name or of any word in it (or
// of an alias), then a fuzzy match that is unique or clearly the best. More
// than one candidate at the first stage that finds any is an
// *AmbiguousError; none is ErrNotFound. It never creates anyone.
func (s *Store) FindPerson(ctx context.Context, query string, scope Scope) (Person, error) {
	return s.findPerson(ctx, query, scope, true)
}

// findPerson is FindPerson; suggestAdd says whether a name found nowhere
// may be suggested as someone to add (not for one word of several).
func (s *Store) findPerson(ctx context.Context, query string, scope Scope, suggestAdd bool) (Person, error) {
	// The whole name, in any case, is what is typed most, and among
	// active people it names at most one (their name keys are unique): one
	// index lookup answers it without reading everyone's name. It is the
	// answer Match would give, as active people are looked at first.
	// Only when it is the name exactly, or the query has an accent: a
	// query with none ("lea") may mean Léa as much as Lea.
	if q := strings.TrimSpace(query); scope != PreferArchived && q != "" {
		var id, name string
		err := s.db.QueryRowContext(ctx, `SELECT id, name FROM people WHERE name_key = ? AND archived_at IS NULL`, nameKey(q)).Scan(&id, &name)
		switch {
		case err == nil && (name == q || Fold(q) != nameKey(q)):
			return s.Person(ctx, id)
		case err == nil:
		case !errors.Is(err, sql.ErrNoRows):
			return Person{}, fmt.Errorf("find person: %w", err)
		}
	}
	pools, err := s.candidatePools(ctx, scope)
	if err != nil {
		return Person{}, err
	}
	// Every pool is searched for a sure match before any for a fuzzy one:
	// an archived Victor named in full is meant before an active near miss.
	keys := make([][]string, len(pools)) // each pool's names folded, once
	for i, pool := range pools {
		keys[i] = foldNames(pool)
	}
	var guesses []string // weak fuzzy resemblances, for the message
	for _, fuzzily := range []bool{false, true} {
		for i, pool := range pools {
			var (
				found []Candidate
				how   matchKind
			)
			if !fuzzily {
				found, how = matchSurely(query, pool, keys[i])
			} else {
				found, how = fuzzyMatch(Fold(query), keys[i], pool)
			}
			switch {
			case len(found) == 0:
				continue
			case how == matchedWeakly:
				for _, c := range found {
					guesses = append(guesses, c.Name)
				}
				continue
			case len(found) == 1:
				return s.Person(ctx, found[0].ID)
			default:
				names := make([]string, len(found))
				for i, c := range found {
					names[i] = c.Name
				}
				return Person{}, &AmbiguousError{Query: query, Candidates: names}
			}
		}
	}
	if len(guesses) > 0 {
		return Person{}, kindErrorf(ErrNotFound, "no one called %q; did you mean %s?", clip(query), orList(guesses))
	}
	if who, err := s.notesMention(ctx, query); err != nil {
		return Person{}, err
	} else if who != "" {
		return Person{}, kindErrorf(ErrNotFound, "no one called %q, but %s's notes mention it (to call them that: tend edit %q --alias %q)",
			clip(query), oneLine(who), oneLine(who), strings.TrimSpace(query))
	}
	if !suggestAdd || utf8.RuneCountInString(query) > clipLength {
		return Person{}, kindErrorf(ErrNotFound, "no one called %q", clip(query))
	}
	return Person{}, kindErrorf(ErrNotFound, "no one called %q (add them with: tend add %q)", query, strings.TrimSpace(query))
}

// orList names a few people as "A, B or C".
func orList(names []string) string {
	if len(names) > 4 {
		names = append(names[:4:4], fmt.Sprintf("%d more", len(names)-4))
	}
	for i, n := range names {
		names[i] = clip(strings.Join(strings.Fields(n), " "))
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// notesMention finds the active person whose notes hold the query as a
// word ("Dad" in "my dad, Richard"), when there is exactly one: a name
// found nowhere may be what the user calls them.
func (s *Store) notesMention(ctx context.Context, query string) (string, error) {
	q := Fold(query)
	if q == "" || utf8.RuneCountInString(q) > clipLength {
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
		if containsWords(Fold(notes), q) {
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

// containsWords reports whether words appear in text as whole words.
func containsWords(text, words string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], words)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(words)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (start == 0 || !isWordRune(before)) && (end == len(text) || !isWordRune(after)) {
			return true
		}
		i = start + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// FindPeople resolves lists of names typed by a user, each NAME[,NAME...],
// to people, each once, in the order named, by FindPerson's rules. A whole
// list that is exactly someone's name names them, so a name with a comma
// in it can still be given, and several lists that together are someone's
// name name them (tend log ana lima); an empty name in a list is
// ErrInvalid.
func (s *Store) FindPeople(ctx context.Context, lists []string, scope Scope) ([]Person, error) {
	if len(lists) > 1 {
		whole := strings.Join(lists, " ")
		if !strings.Contains(whole, ",") {
			if p, err := s.findPerson(ctx, whole, scope, false); err == nil {
				return []Person{p}, nil
			}
		}
	}
	// Several words with no comma among them are most likely a name
	// typed without quotes: none of them is suggested as someone to add.
	words := len(lists) > 1 && !slices.ContainsFunc(lists, func(l string) bool { return strings.Contains(l, ",") })
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
func (s *Store) Candidates(ctx context.Context, archived bool) ([]Candidate, error) {
	cond := "archived_at IS NULL"
	if archived {
		cond = "archived_at IS NOT NULL"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, aliases FROM people WHERE `+cond+` ORDER BY name_key, id`)
	if err != nil {
		return nil, fmt.Errorf("find person: %w", err)
	}
	defer rows.Close()
	var out []Candidate
	for rows.Next() {
		var (
			c       Candidate
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

func (s *Store) candidatePools(ctx context.Context, scope Scope) ([][]Candidate, error) {
	order := []bool{false, true}
	switch scope {
	case OnlyActive:
		order = []bool{false}
	case PreferArchived:
		order = []bool{true, false}
	}
	var pools [][]Candidate
	for _, archived := range order {
		pool, err := s.Candidates(ctx, archived)
		if err != nil {
			return nil, err
		}
		pools = append(pools, pool)
	}
	return pools, nil
}

// matchKind says how sure a match is.
type matchKind int

const (
	matchedNone   matchKind = iota
	matchedSurely           // exactly, folded, by alias or by prefix
	matchedFuzzy            // fuzzily, and unique or clearly the best
	matchedWeakly           // fuzzily, with no clear best: a list to choose from
)

// Match returns the candidates a query names, from the first matching
// stage: exact, ignoring case, folded (Fold), an alias folded, a prefix of
// a folded name or alias or of a word in one, and fuzzy. A fuzzy match is
// one candidate only when it is the only one or clearly better than the
// next; otherwise every fuzzy candidate is returned, best first.
func Match(query string, pool []Candidate) []Candidate {
	var exact []Candidate
	for _, c := range pool {
		if c.Name == strings.TrimSpace(query) && c.Name != "" {
			exact = append(exact, c)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	keys := foldNames(pool)
	if found, _ := matchSurely(query, pool, keys); len(found) > 0 {
		return found
	}
	found, _ := fuzzyMatch(Fold(query), keys, pool)
	return found
}

func foldNames(pool []Candidate) []string {
	keys := make([]string, len(pool))
	for i, c := range pool {
		keys[i] = Fold(c.Name)
	}
	return keys
}

// matchSurely is every stage of Match but the fuzzy one; keys are the
// pool's names folded.
func matchSurely(query string, pool []Candidate, keys []string) ([]Candidate, matchKind) {
	q := strings.TrimSpace(query)
	if q == "" {
		return nil, matchedNone
	}
	var found []Candidate
	for _, c := range pool {
		if c.Name == q {
			found = append(found, c)
		}
	}
	if len(found) > 0 {
		return found, matchedSurely
	}
	lower, folded := nameKey(q), Fold(q)
	aliases := make([][]string, len(pool))
	for i, c := range pool {
		for _, a := range c.Aliases {
			aliases[i] = append(aliases[i], Fold(a))
		}
	}
	// A query with an accent in it picks the name with that accent over
	// one without; one with none may mean either, so they are one stage.
	sameCase := func(i int) bool { return nameKey(pool[i].Name) == lower }
	if folded == lower {
		sameCase = func(int) bool { return false }
	}
	for _, matches := range []func(i int) bool{
		sameCase,
		func(i int) bool { return keys[i] == folded },
		func(i int) bool { return slices.Contains(aliases[i], folded) },
		func(i int) bool {
			return hasWordPrefix(keys[i], folded) || slices.ContainsFunc(aliases[i], func(a string) bool { return hasWordPrefix(a, folded) })
		},
	} {
		for i := range pool {
			if matches(i) {
				found = append(found, pool[i])
			}
		}
		if len(found) > 0 {
			return found, matchedSurely
		}
	}
	return nil, matchedNone
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

// clearLead is how far the best fuzzy score must be ahead of the next for
// the best to be taken. Scores reward letters that follow one another and
// start words ("alma" in "ana lima" scores 31); a lead of this much is a
// run of several letters more.
const clearLead = 15

// fuzzyMatch finds names (keys, the pool's names folded) that hold the
// query's letters in order ("alma" finds "Ana Lima"), best first. The best
// is taken alone only when it scores well and is the only one or clearly
// ahead of the next; otherwise they are all candidates, never a guess.
func fuzzyMatch(key string, keys []string, pool []Candidate) ([]Candidate, matchKind) {
	matches := fuzzy.Find(key, keys)
	if len(matches) == 0 || key == "" {
		return nil, matchedNone
	}
	best := matches[0]
	if best.Score > 0 && (len(matches) == 1 || best.Score-matches[1].Score >= clearLead) {
		return []Candidate{pool[best.Index]}, matchedFuzzy
	}
	var out []Candidate
	for _, m := range matches {
		out = append(out, pool[m.Index])
	}
	if len(out) == 1 {
		return out, matchedWeakly
	}
	return out, matchedFuzzy
}

// FilterNames ranks names against what has been typed into a filter, for
// showing as the user types: names whose folded form holds the query (as a
// word start first), then fuzzy matches, best first. It returns indexes
// into names.
func FilterNames(query string, names []string) []int {
	q := Fold(query)
	if q == "" {
		out := make([]int, len(names))
		for i := range out {
			out[i] = i
		}
		return out
	}
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = Fold(n)
	}
	var starts, inside []int
	taken := make([]bool, len(names))
	for i, k := range keys {
		switch {
		case hasWordPrefix(k, q):
			starts, taken[i] = append(starts, i), true
		case strings.Contains(k, q):
			inside, taken[i] = append(inside, i), true
		}
	}
	out := append(starts, inside...)
	for _, m := range fuzzy.Find(q, keys) {
		if !taken[m.Index] {
			out = append(out, m.Index)
		}
	}
	return out
}
