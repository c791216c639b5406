package store_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tend-app/tend/store"
)

func pool(names ...string) []store.Candidate {
	out := make([]store.Candidate, len(names))
	for i, n := range names {
		out[i] = store.Candidate{ID: fmt.Sprint(i), Name: n}
	}
	return out
}

func TestMatch(t *testing.T) {
	cases := []struct {
		name  string
		query string
		pool  []store.Candidate
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
			got := store.Match(tc.query, tc.pool)
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

func TestFindPerson(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	anaLima := mustAddPerson(t, s, store.Person{Name: "Ana Lima", Tags: []string{"work"}})
	anabel := mustAdd(t, s, "Anabel")
	souza := mustArchive(t, s, mustAdd(t, s, "Ana Souza"))
	oldBruno := mustArchive(t, s, mustAdd(t, s, "Bruno"))
	bruno := mustAdd(t, s, "Bruno")
	carlos := mustArchive(t, s, mustAdd(t, s, "Carlos"))

	t.Run("found, with the whole person", func(t *testing.T) {
		got, err := s.FindPerson(ctx, "lima", store.PreferActive)
		if err != nil || got.ID != anaLima.ID {
			t.Fatalf("FindPerson(lima) = %q, %v; want Ana Lima", got.Name, err)
		}
		if d := diff(got, mustPerson(t, s, anaLima.ID)); d != "" {
			t.Errorf("FindPerson(lima) differs from Person(Ana Lima): %s", d)
		}
	})

	t.Run("not found", func(t *testing.T) {
		_, err := s.FindPerson(ctx, "Zed", store.PreferActive)
		wantErr(t, "FindPerson(Zed)", err, store.ErrNotFound)
		if err != nil && !strings.Contains(err.Error(), "Zed") {
			t.Errorf("error %q does not name the query %q", err, "Zed")
		}
	})

	t.Run("ambiguous", func(t *testing.T) {
		_, err := s.FindPerson(ctx, "ana", store.PreferActive)
		var amb *store.AmbiguousError
		if !errors.As(err, &amb) {
			t.Fatalf("FindPerson(ana) = %v, want an *AmbiguousError", err)
		}
		if want := []string{"Ana Lima", "Anabel"}; !slices.Equal(amb.Candidates, want) || amb.Query != "ana" {
			t.Errorf("AmbiguousError = query %q, candidates %q; want %q, %q", amb.Query, amb.Candidates, "ana", want)
		}
		wantErr(t, "FindPerson(ana)", err, store.ErrInvalid)
		for _, n := range []string{"Ana Lima", "Anabel"} {
			if !strings.Contains(err.Error(), n) {
				t.Errorf("error %q does not list %q", err, n)
			}
		}
		if strings.Contains(err.Error(), "Souza") {
			t.Errorf("error %q lists an archived person, want only the active ones", err)
		}
	})

	cases := []struct {
		query string
		scope store.Scope
		want  string // an id, or "" for not found
	}{
		{"souza", store.PreferActive, souza.ID},      // only archived matches
		{"bruno", store.PreferActive, bruno.ID},      // the active one of two Brunos
		{"carlos", store.PreferActive, carlos.ID},    // archived, found when no active one matches
		{"anabel", store.PreferActive, anabel.ID},    // active
		{"souza", store.OnlyActive, ""},              // never archived
		{"carlos", store.OnlyActive, ""},             // never archived
		{"bruno", store.PreferArchived, oldBruno.ID}, // archived first
		{"ana", store.PreferArchived, souza.ID},      // one archived prefix match beats two active ones
		{"anabel", store.PreferArchived, anabel.ID},  // active when no archived one matches
		{"zed", store.PreferArchived, ""},            // nowhere
	}
	scopeName := map[store.Scope]string{store.PreferActive: "PreferActive", store.OnlyActive: "OnlyActive", store.PreferArchived: "PreferArchived"}
	for _, tc := range cases {
		t.Run(tc.query+"/"+scopeName[tc.scope], func(t *testing.T) {
			got, err := s.FindPerson(ctx, tc.query, tc.scope)
			if tc.want == "" {
				wantErr(t, "FindPerson", err, store.ErrNotFound)
				return
			}
			if err != nil || got.ID != tc.want {
				t.Errorf("FindPerson(%q, %s) = %s (%q archived=%v), %v; want id %s",
					tc.query, scopeName[tc.scope], got.ID, got.Name, got.Archived(), err, tc.want)
			}
		})
	}
}

func TestAmbiguousErrorListsAtMostEight(t *testing.T) {
	var names []string
	for i := range 11 {
		names = append(names, fmt.Sprintf("Ana %02d", i))
	}
	err := &store.AmbiguousError{Query: "ana", Candidates: names}
	msg := err.Error()
	if !strings.Contains(msg, "Ana 07") || strings.Contains(msg, "Ana 08") || !strings.Contains(msg, "and 3 more") || !strings.Contains(msg, "11 people") {
		t.Errorf("Error() = %q, want the first 8 names, %q and %q", msg, "and 3 more", "11 people")
	}
	if !errors.Is(err, store.ErrInvalid) || errors.Is(err, store.ErrNotFound) {
		t.Errorf("AmbiguousError: Is(ErrInvalid) = %v, Is(ErrNotFound) = %v; want true, false",
			errors.Is(err, store.ErrInvalid), errors.Is(err, store.ErrNotFound))
	}
}

func TestFindPeople(t *testing.T) {
	s := openTest(t)
	for _, name := range []string{"Ana Lima", "Ben Okafor", "Smith, Jo", "Chloé Martin"} {
		mustAdd(t, s, name)
	}
	tests := []struct {
		lists   []string
		want    []string // names, in order
		wantErr error
	}{
		{[]string{"ana"}, []string{"Ana Lima"}, nil},
		{[]string{"ben, ana", "chloé"}, []string{"Ben Okafor", "Ana Lima", "Chloé Martin"}, nil},
		{[]string{"ana,ana lima", "ANA"}, []string{"Ana Lima"}, nil},       // each once
		{[]string{"Smith, Jo"}, []string{"Smith, Jo"}, nil},                // a whole name with a comma
		{[]string{"smith, ben"}, []string{"Smith, Jo", "Ben Okafor"}, nil}, // split when it is no one's name
		{[]string{"ana,"}, nil, store.ErrInvalid},
		{[]string{"ana, zed"}, nil, store.ErrNotFound},
	}
	for _, tc := range tests {
		got, err := s.FindPeople(t.Context(), tc.lists, store.PreferActive)
		if tc.wantErr != nil {
			if !errors.Is(err, tc.wantErr) {
				t.Errorf("FindPeople(%q) = %v, %v; want %v", tc.lists, names(got), err, tc.wantErr)
			}
			continue
		}
		if err != nil || !slices.Equal(names(got), tc.want) {
			t.Errorf("FindPeople(%q) = %v, %v; want %v", tc.lists, names(got), err, tc.want)
		}
	}
}
