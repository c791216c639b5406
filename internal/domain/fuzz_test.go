package domain_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tend-app/tend/internal/domain"
)

// fuzzPeople are the people the fuzzers look among: names that share
// prefixes, differ only by case or accents, hold spaces, quotes and scripts
// other than Latin.
var fuzzPeople = []string{
	"Ana Lima", "Anders Berg", "ana lima (work)", "Zoë O'Brien", `Ann "the Hammer" Lee`,
	"مريم الحسن", "李小龙", "Ben", "ben okafor", "two\nlines", "x",
}

func addMatchSeeds(f *testing.F) {
	for _, q := range []string{
		"ana", "Ana Lima", "ANA LIMA", "an", "a", "alma", "zoe", "zoë", "o'b", `"the`, "مريم", "李",
		"", "   ", "\x00", "\xff\xfe", "ana\x00lima", strings.Repeat("a", 500), "%", "_", "*", "ben ", " ben",
	} {
		f.Add(q, strings.Join(fuzzPeople, "\n"))
	}
}

func FuzzMatch(f *testing.F) {
	addMatchSeeds(f)
	f.Fuzz(func(t *testing.T, query, names string) {
		var pool []domain.Candidate
		for i, name := range strings.Split(names, "\n") {
			pool = append(pool, domain.Candidate{ID: string(rune('A'+i%26)) + strings.Repeat("'", i/26), Name: name})
		}
		got := domain.Match(query, pool)
		if strings.TrimSpace(query) == "" && len(got) != 0 {
			t.Errorf("Match(%q) = %v, want nothing for a blank query", query, got)
		}
		seen := map[string]bool{}
		for _, c := range got {
			if !slices.ContainsFunc(pool, func(p domain.Candidate) bool { return p.ID == c.ID && p.Name == c.Name }) {
				t.Errorf("Match(%q) = %v: %+v is not in the pool", query, got, c)
			}
			if seen[c.ID] {
				t.Errorf("Match(%q) names %+v twice", query, c)
			}
			seen[c.ID] = true
		}
		// An exact name wins over every looser match.
		q := strings.TrimSpace(query)
		var exact []domain.Candidate
		for _, c := range pool {
			if q != "" && c.Name == q {
				exact = append(exact, c)
			}
		}
		sameIDs := func(a, b []domain.Candidate) bool {
			return slices.EqualFunc(a, b, func(x, y domain.Candidate) bool { return x.ID == y.ID })
		}
		if len(exact) > 0 && !sameIDs(got, exact) {
			t.Errorf("Match(%q) = %v, want the exact matches %v", query, got, exact)
		}
		if again := domain.Match(query, pool); !sameIDs(got, again) {
			t.Errorf("Match(%q) gave %v, then %v; want the same answer", query, got, again)
		}
	})
}

// FuzzFold checks what folding must keep, whatever the text: it never
// fails, gives valid UTF-8 for valid UTF-8, is the same again when folded
// twice, and finds a name from its own folded form.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Léa", "Straße", "ﬁona", "Æsa Ørsted", "Ελένη ΟΔΥΣΣΕΑΣ", "Ёлка", "  a  b ", "ǅemal", "\xff", "İstanbul", "ﬃ ǈ ẞ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := domain.Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Errorf("Fold(%q) = %q, not valid UTF-8", s, got)
		}
		if again := domain.Fold(got); utf8.ValidString(s) && again != got {
			t.Errorf("Fold(%q) = %q, and folded again %q", s, got, again)
		}
		if strings.TrimSpace(s) != "" && utf8.ValidString(s) && got != "" {
			pool := []domain.Candidate{{ID: "x", Name: s}}
			if len(domain.Match(got, pool)) != 1 {
				t.Errorf("Match(Fold(%q) = %q) does not find %q", s, got, s)
			}
		}
	})
}
