package domain_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tend-app/tend/internal/domain"
)

func pool(names ...string) []domain.Candidate {
	out := make([]domain.Candidate, len(names))
	for i, n := range names {
		out[i] = domain.Candidate{ID: fmt.Sprint(i), Name: n}
	}
	return out
}

func TestMatch(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		query string
		pool  []domain.Candidate
		want  []string
	}{
		{"exact beats case-insensitive", "Ana", pool("ANA", "Ana", "ana"), []string{"Ana"}},
		{"case-insensitive beats prefix", "ana", pool("Anabel", "ANA"), []string{"ANA"}},
		{"case-insensitive finds all of one name", "ana", pool("ANA", "Ana"), []string{"ANA", "Ana"}},
		{"prefix beats fuzzy", "bru", pool("Barbara Ruiz", "Bruno Alves"), []string{"Bruno Alves"}},
		{"prefix of the whole name", "ana l", pool("Ana Lima", "Ana Souza"), []string{"Ana Lima"}},
		{"word prefix", "lima", pool("Ana Lima", "Bruno"), []string{"Ana Lima"}},
		{"word prefix in another case", "LIM", pool("Bruno", "Ana Lima"), []string{"Ana Lima"}},
		{"ambiguous prefix returns all, in pool order", "an", pool("Ana Lima", "Bruno", "Anabel"), []string{"Ana Lima", "Anabel"}},
		{"fuzzy subsequence", "alma", pool("Ana Lima", "Bruno"), []string{"Ana Lima"}},
		{"fuzzy takes the clear best", "aa", pool("Ana", "Bruno", "Carla"), []string{"Ana"}},
		{"fuzzy with no clear best gives all, best first", "ana", pool("Ana Lima X", "Daniel Adams")[:0], nil},
		{"non-ASCII, case-insensitive", "élodie", pool("Élodie", "Elodie"), []string{"Élodie"}},
		{"non-ASCII prefix", "ÉLO", pool("Bruno", "élodie martin"), []string{"élodie martin"}},
		{"spaces around the query", "  Ana  ", pool("Ana", "Anabel"), []string{"Ana"}},
		{"no match", "zed", pool("Ana", "Bruno"), nil},
		{"empty query", "", pool("Ana"), nil},
		{"blank query", " \t ", pool("Ana"), nil},
		{"empty pool", "ana", nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := domain.Match(tc.query, tc.pool)
			var gotNames []string
			for _, c := range got {
				gotNames = append(gotNames, c.Name)
			}
			if !slices.Equal(gotNames, tc.want) {
				t.Errorf("Match(%q, %v) = %q, want %q", tc.query, tc.pool, gotNames, tc.want)
			}
		})
	}
}

func TestAmbiguousErrorListsAtMostEight(t *testing.T) {
	t.Parallel()
	var names []string
	for i := range 11 {
		names = append(names, fmt.Sprintf("Ana %02d", i))
	}
	err := &domain.AmbiguousError{Query: "ana", Candidates: names}
	msg := err.Error()
	if !strings.Contains(msg, "Ana 07") || strings.Contains(msg, "Ana 08") || !strings.Contains(msg, "and 3 more") || !strings.Contains(msg, "11 people") {
		t.Errorf("Error() = %q, want the first 8 names, %q and %q", msg, "and 3 more", "11 people")
	}
	if !errors.Is(err, domain.ErrInvalid) || errors.Is(err, domain.ErrNotFound) {
		t.Errorf("AmbiguousError: Is(ErrInvalid) = %v, Is(ErrNotFound) = %v; want true, false",
			errors.Is(err, domain.ErrInvalid), errors.Is(err, domain.ErrNotFound))
	}
}

func TestFold(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{"Léa", "lea"},
		{"LÉA DUBOIS", "lea dubois"},
		{"Chloé", "chloe"},
		{"Zoë", "zoe"},
		{"Straße", "strasse"},
		{"ﬁona", "fiona"},             // a ligature, decomposed
		{"Æsa Ørsted", "aesa orsted"}, // letters with no decomposition
		{"Łukasz", "lukasz"},
		{"Ελένη", "ελενη"},
		{"ΟΔΥΣΣΕΑΣ", "οδυσσεασ"},
		{"Οδυσσέας", "οδυσσεασ"}, // final sigma folds like the others
		{"Ёлка", "елка"},
		{"  Ana   Lima ", "ana lima"},
		{"李小龍", "李小龍"},
		{"\xff", "\ufffd"}, // never stored: names are valid UTF-8
	}
	for _, tc := range cases {
		if got := domain.Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMatchFolded(t *testing.T) {
	t.Parallel()
	withAlias := func(name string, aliases ...string) domain.Candidate {
		return domain.Candidate{ID: name, Name: name, Aliases: aliases}
	}
	people := []domain.Candidate{
		withAlias("Léa Dubois"), withAlias("Claire Martin"), withAlias("Chloé Martin"), withAlias("Zoë Park"),
		withAlias("Oliver Stone"), withAlias("Jürgen Straße"), withAlias("Ελένη Παπαδοπούλου"),
		withAlias("Алёна Иванова"), withAlias("Fiona ﬂeming"), withAlias("Helen Hale", "mum"),
		withAlias("Richard Hale", "dad", "Rick"),
	}
	cases := []struct {
		query string
		pool  []domain.Candidate
		want  []string
	}{
		{"lea", people, []string{"Léa Dubois"}},
		{"LEA", people, []string{"Léa Dubois"}},
		{"lea dubois", people, []string{"Léa Dubois"}},
		{"chloe", people, []string{"Chloé Martin"}},
		{"zoe", people, []string{"Zoë Park"}},
		{"ZOË PARK", people, []string{"Zoë Park"}},
		{"strasse", people, []string{"Jürgen Straße"}},
		{"jurgen", people, []string{"Jürgen Straße"}},
		{"fleming", people, []string{"Fiona ﬂeming"}},
		{"ελενη", people, []string{"Ελένη Παπαδοπούλου"}},
		{"παπαδοπουλου", people, []string{"Ελένη Παπαδοπούλου"}},
		{"алена", people, []string{"Алёна Иванова"}},
		{"АЛЁНА", people, []string{"Алёна Иванова"}},
		{"mum", people, []string{"Helen Hale"}},
		{"MUM", people, []string{"Helen Hale"}},
		{"rick", people, []string{"Richard Hale"}},
		{"ric", people, []string{"Richard Hale"}}, // a start of an alias too
		{"hale", people, []string{"Helen Hale", "Richard Hale"}},
		// Names that fold alike are one name to a query: ambiguous.
		{"lea", pool("Léa Roux", "Lea Roux"), []string{"Léa Roux", "Lea Roux"}},
		{"strasse", pool("Straße", "Strasse"), []string{"Straße", "Strasse"}},
		{"lea", pool("Léa", "Lea"), []string{"Léa", "Lea"}},
		// ... unless the query is exactly one of them, or one in its case.
		{"Léa Roux", pool("Léa Roux", "Lea Roux"), []string{"Léa Roux"}},
		{"léa roux", pool("Léa Roux", "Lea Roux"), []string{"Léa Roux"}},
		// An alias is matched after a name folded alike.
		{"mum", pool("Mum", "Helen"), []string{"Mum"}},
		// Fuzzy: taken alone only when clearly the best.
		{"alma", pool("Ana Lima", "Bruno"), []string{"Ana Lima"}},
		{"ana", pool("Daniel Adams", "Banana Split"), []string{"Daniel Adams", "Banana Split"}},
		{"lae", pool("Claire Martin", "Helen Hale", "Chloé Martin"), []string{"Claire Martin", "Helen Hale"}},
		{"xyz", people, nil},
	}
	for _, tc := range cases {
		got := domain.Match(tc.query, tc.pool)
		var gotNames []string
		for _, c := range got {
			gotNames = append(gotNames, c.Name)
		}
		if !slices.Equal(gotNames, tc.want) {
			t.Errorf("Match(%q) = %q, want %q", tc.query, gotNames, tc.want)
		}
	}
}

// TestMatchNameOfAChat: a chat's partner is found by name, exactly or
// ignoring case, then (MatchAlias) by an alias the user gave; never by a
// start.
func TestMatchNameOfAChat(t *testing.T) {
	pool := []domain.Candidate{{ID: "a", Name: "Ana Lima"}, {ID: "e", Name: "Elon Musk", Aliases: []string{"Elon"}}, {ID: "n", Name: "Anabel"}}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"Ana Lima", []string{"a"}},
		{"ana lima", []string{"a"}},
		{"elon", []string{"e"}},
		{"Ana", nil},
		{"Elon M", nil},
	} {
		var got []string
		found := domain.MatchName(c.query, pool)
		if len(found) == 0 {
			found = domain.MatchAlias(c.query, pool)
		}
		for _, f := range found {
			got = append(got, f.ID)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("MatchName(%q) = %v, want %v", c.query, got, c.want)
		}
	}
}
