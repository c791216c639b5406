package domain

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// Candidate is the part of a person that a name is matched against.
type Candidate struct {
	ID      string
	Name    string
	Aliases []string // the names they are also called by
}

// MatchName returns the people a name from a chat export names: exactly,
// else ignoring case (the matcher's folding), never by prefix or fuzzily:
// a chat partner called "Ana" is not "Anabel".
func MatchName(query string, pool []Candidate) []Candidate {
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
	key := NameKey(q)
	for _, c := range pool {
		if NameKey(c.Name) == key {
			found = append(found, c)
		}
	}
	return found
}

// MatchAlias returns the people whose alias is the name from a chat,
// ignoring case: a chat with "Elon" is Elon Musk's, whose alias it is.
// It is asked only of the partner, once told apart from the user: the
// user's own name in a chat ("Sam") is often someone's alias.
func MatchAlias(query string, pool []Candidate) []Candidate {
	key := NameKey(strings.TrimSpace(query))
	var found []Candidate
	for _, c := range pool {
		if key != "" && slices.ContainsFunc(c.Aliases, func(a string) bool { return NameKey(a) == key }) {
			found = append(found, c)
		}
	}
	return found
}

// ContainsWords reports whether words appear in text as whole words.
func ContainsWords(text, words string) bool {
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

// bare is a folded name without its punctuation: a hyphen or a dot
// between letters is a space, one after the last letter nothing, and
// apostrophes go ("o'brien" is "obrien").
func bare(folded string) string {
	if !strings.ContainsAny(folded, ".-'’‐") {
		return folded
	}
	s := strings.NewReplacer("'", "", "’", "", ".", " ", "-", " ", "‐", " ").Replace(folded)
	return strings.Join(strings.Fields(s), " ")
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
	lower, folded := NameKey(q), Fold(q)
	aliases := make([][]string, len(pool))
	for i, c := range pool {
		for _, a := range c.Aliases {
			aliases[i] = append(aliases[i], Fold(a))
		}
	}
	// A query with an accent in it picks the name with that accent over
	// one without; one with none may mean either, so they are one stage.
	sameCase := func(i int) bool { return NameKey(pool[i].Name) == lower }
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
		// The same without the dots, hyphens and apostrophes people leave
		// out when they type: "dr wright" for Dr. Wright, "mary jane" for
		// Mary-Jane.
		func(i int) bool {
			b := bare(folded)
			return b != "" && (hasWordPrefix(bare(keys[i]), b) || slices.ContainsFunc(aliases[i], func(a string) bool { return hasWordPrefix(bare(a), b) }))
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

// NameKey folds a name for case-insensitive comparison, Unicode included.
func NameKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// Resolve finds the candidates a query names in pools searched in order
// (active people, then archived ones, say). Every pool is searched for a
// sure match before any for a fuzzy one: an archived Victor named in full
// is meant before an active near miss. found holds one candidate, or the
// several a query names equally; guesses holds weak fuzzy resemblances,
// for a message, when nothing was found.
func Resolve(query string, pools [][]Candidate) (found []Candidate, guesses []string) {
	keys := make([][]string, len(pools)) // each pool's names folded, once
	for i, pool := range pools {
		keys[i] = foldNames(pool)
	}
	for _, fuzzily := range []bool{false, true} {
		for i, pool := range pools {
			var how matchKind
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
			}
			return found, nil
		}
	}
	if byID := idPrefixMatch(query, pools); len(byID) > 0 {
		return byID, nil
	}
	if len(guesses) == 0 {
		guesses = typoGuesses(Fold(query), pools, keys)
	}
	return nil, guesses
}

// idPrefixMatch finds the people whose id starts with query, as list
// --json and export show it: the way to tell apart two people of one name
// (two archived Sams). It is tried when no name matches, and needs six
// characters of an id at least.
func idPrefixMatch(query string, pools [][]Candidate) []Candidate {
	q := strings.ToUpper(strings.TrimSpace(query))
	if len(q) < 6 || strings.IndexFunc(q, func(r rune) bool { return !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z') }) >= 0 {
		return nil
	}
	var out []Candidate
	for _, pool := range pools {
		for _, c := range pool {
			if strings.HasPrefix(c.ID, q) {
				out = append(out, c)
			}
		}
	}
	return out
}

// typoGuesses are the people whose name, or a word of it, is a typing
// slip away from key (markus for Marcus, tomm for Tom): a letter added,
// dropped, changed or two swapped, or two of them in a longer word. The
// fuzzy match finds only names that hold the letters typed in order.
func typoGuesses(key string, pools [][]Candidate, keys [][]string) []string {
	n := utf8.RuneCountInString(key)
	if n < 3 {
		return nil
	}
	allowed := 1
	if n >= 8 {
		allowed = 2
	}
	var out []string
	for i, pool := range pools {
		for j, c := range pool {
			words := append(strings.Fields(keys[i][j]), keys[i][j])
			if slices.ContainsFunc(words, func(w string) bool { return slips(key, w, allowed) }) && !slices.Contains(out, c.Name) {
				out = append(out, c.Name)
			}
		}
	}
	if len(out) > 5 {
		return nil // a slip from so many names tells nothing
	}
	return out
}

// slips reports whether a and b are at most max typing slips apart
// (optimal string alignment distance: insertions, deletions,
// substitutions and swaps of neighbours).
func slips(a, b string, max int) bool {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > max || -d > max {
		return false
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > max {
			return false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)] <= max
}
