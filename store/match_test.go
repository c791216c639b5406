package store_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

func TestFindPerson(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	anaLima := mustAddPerson(t, s, domain.Person{Name: "Ana Lima", Tags: []string{"work"}})
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
		wantErr(t, "FindPerson(Zed)", err, domain.ErrNotFound)
		if err != nil && !strings.Contains(err.Error(), "Zed") {
			t.Errorf("error %q does not name the query %q", err, "Zed")
		}
	})

	t.Run("ambiguous", func(t *testing.T) {
		_, err := s.FindPerson(ctx, "ana", store.PreferActive)
		var amb *domain.AmbiguousError
		if !errors.As(err, &amb) {
			t.Fatalf("FindPerson(ana) = %v, want an *AmbiguousError", err)
		}
		if want := []string{"Ana Lima", "Anabel"}; !slices.Equal(amb.Candidates, want) || amb.Query != "ana" {
			t.Errorf("AmbiguousError = query %q, candidates %q; want %q, %q", amb.Query, amb.Candidates, "ana", want)
		}
		wantErr(t, "FindPerson(ana)", err, domain.ErrInvalid)
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
				wantErr(t, "FindPerson", err, domain.ErrNotFound)
				return
			}
			if err != nil || got.ID != tc.want {
				t.Errorf("FindPerson(%q, %s) = %s (%q archived=%v), %v; want id %s",
					tc.query, scopeName[tc.scope], got.ID, got.Name, got.Archived(), err, tc.want)
			}
		})
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
		{[]string{"ana,"}, nil, domain.ErrInvalid},
		{[]string{"ana, zed"}, nil, domain.ErrNotFound},
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

// TestFindPersonSaysWhatItFound checks what a name found nowhere reports:
// the person whose notes mention it, or that it may be added, only when
// nothing resembles the name. The store names no command: that is the
// faces' to say.
func TestFindPersonSaysWhatItFound(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	mustAddPerson(t, s, domain.Person{Name: "Richard Hale", Notes: "my Dad, retired"})
	mustAdd(t, s, "Helen Hale")
	mustAdd(t, s, "Léa Dubois")
	mustAdd(t, s, "Claire Martin")
	victor := mustArchive(t, s, mustAdd(t, s, "Victor Hugo"))

	cases := []struct {
		query   string
		want    string // the name found, or a part of the error
		wantErr error
	}{
		{"lea", "Léa Dubois", nil},
		{"victor", "Victor Hugo", nil},
		{"dad", `no one called "dad", but Richard Hale's notes mention it`, domain.ErrNotFound},
		{"zed", `no one called "zed"`, domain.ErrNotFound},
		{"zed quux", `no one called "zed quux"`, domain.ErrNotFound},
		{"hale", `"hale" matches 2 people: Helen Hale, Richard Hale`, domain.ErrInvalid},
	}
	for _, tc := range cases {
		p, err := s.FindPerson(ctx, tc.query, store.PreferActive)
		if tc.wantErr == nil {
			if err != nil || p.Name != tc.want {
				t.Errorf("FindPerson(%q) = %q, %v; want %q", tc.query, p.Name, err, tc.want)
			}
			continue
		}
		if !errors.Is(err, tc.wantErr) || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "tend ") {
			t.Errorf("FindPerson(%q) = %v; want %v saying %q, and no command", tc.query, err, tc.wantErr, tc.want)
		}
	}
	for query, want := range map[string]domain.NoOneError{
		"dad":                                    {Query: "dad", MentionedBy: "Richard Hale"},
		"zed":                                    {Query: "zed", Addable: true},
		"zed quux":                               {Query: "zed quux", Addable: true},
		strings.Repeat("z", domain.ClipLength+1): {Query: strings.Repeat("z", domain.ClipLength+1)},
	} {
		_, err := s.FindPerson(ctx, query, store.PreferActive)
		var got *domain.NoOneError
		if !errors.As(err, &got) || !reflect.DeepEqual(*got, want) {
			t.Errorf("FindPerson(%q) = %#v, want %#v", query, err, want)
		}
	}
	if p, err := s.FindPerson(ctx, "victor", store.OnlyActive); err == nil {
		t.Errorf("FindPerson(victor, OnlyActive) = %q, want not found", p.Name)
	}
	_ = victor

	// One word of several is never suggested as someone to add, and
	// several words that are one name name them.
	_, err := s.FindPeople(ctx, []string{"helen", "extra", "words"}, store.PreferActive)
	var noOne *domain.NoOneError
	if !errors.As(err, &noOne) || noOne.Query != "extra" || noOne.Addable {
		t.Errorf("FindPeople(helen extra words) = %v, want not found for %q without an add hint", err, "extra")
	}
	if got, err := s.FindPeople(ctx, []string{"helen", "hale"}, store.PreferActive); err != nil || len(got) != 1 || got[0].Name != "Helen Hale" {
		t.Errorf("FindPeople(helen hale) = %v, %v; want Helen Hale", names(got), err)
	}
	if got, err := s.FindPeople(ctx, []string{"helen,richard,helen"}, store.PreferActive); err != nil || len(got) != 2 {
		t.Errorf("FindPeople(helen,richard,helen) = %v, %v; want Helen and Richard once each", names(got), err)
	}
}

func TestAliasesAreUnique(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	helen := mustAddPerson(t, s, domain.Person{Name: "Helen Hale", Aliases: []string{"Mum"}})
	mustAdd(t, s, "Richard Hale")
	for _, p := range []domain.Person{
		{Name: "Ana", Aliases: []string{"mum"}},          // another's alias
		{Name: "Ana", Aliases: []string{"richard hale"}}, // another's name
		{Name: "MUM"},                           // a name that is another's alias
		{Name: "Ana", Aliases: []string{"Múm"}}, // folded alike
	} {
		if _, err := s.AddPerson(ctx, p); !errors.Is(err, domain.ErrNameTaken) {
			t.Errorf("AddPerson(%q, aliases %q) = %v, want ErrNameTaken", p.Name, p.Aliases, err)
		}
	}
	// Archived, her alias is free again.
	mustArchive(t, s, helen)
	if _, err := s.AddPerson(ctx, domain.Person{Name: "Ana", Aliases: []string{"mum"}}); err != nil {
		t.Errorf("AddPerson(alias of someone archived) = %v, want it added", err)
	}
}

// TestFindPersonFoldedAlike: names that fold alike are ambiguous to a
// query without accents, even one that is one of them in another case.
func TestFindPersonFoldedAlike(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	mustAdd(t, s, "Lea")
	accented := mustAdd(t, s, "Léa")
	var amb *domain.AmbiguousError
	if _, err := s.FindPerson(ctx, "lea", store.PreferActive); !errors.As(err, &amb) {
		t.Errorf("FindPerson(lea) with Lea and Léa = %v, want ambiguous", err)
	}
	if p, err := s.FindPerson(ctx, "LÉA", store.PreferActive); err != nil || p.ID != accented.ID {
		t.Errorf("FindPerson(LÉA) = %q, %v; want Léa", p.Name, err)
	}
	if p, err := s.FindPerson(ctx, "Lea", store.PreferActive); err != nil || p.Name != "Lea" {
		t.Errorf("FindPerson(Lea) = %q, %v; want Lea, named exactly", p.Name, err)
	}
}
