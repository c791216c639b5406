package store_test

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// The name matcher takes whatever a user types after tend log, show or edit.
// These fuzzers feed it anything: it must never panic, must only ever name
// people it was given, and must say what it did in one line. Seeds beyond
// the ones here live in testdata/fuzz/FuzzMatch and FuzzFindPerson; CI runs
// each fuzzer for a few seconds (.ci/run).

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

// FuzzFindPerson runs the whole lookup, SQL included, against a real file.
func FuzzFindPerson(f *testing.F) {
	addMatchSeeds(f)
	s, err := store.Open(filepath.Join(f.TempDir(), "tend.db"), store.Options{Now: func() time.Time { return fixedNow }, Entropy: seeded(1)})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	for i, name := range fuzzPeople {
		p, err := s.AddPerson(f.Context(), domain.Person{Name: name})
		if err != nil {
			f.Fatal(err)
		}
		if i%3 == 2 { // some archived, so every scope has work to do
			if _, err := s.UpdatePerson(f.Context(), p.ID, func(p *domain.Person) error { p.ArchivedAt = fixedNow; return nil }); err != nil {
				f.Fatal(err)
			}
		}
	}
	// A lookup must never write: the watcher sees any commit, from any
	// connection of the pool.
	w, err := s.Watch(f.Context())
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { w.Close() })
	f.Fuzz(func(t *testing.T, query, _ string) {
		for _, scope := range []store.Scope{store.PreferActive, store.OnlyActive, store.PreferArchived} {
			p, err := s.FindPerson(t.Context(), query, scope)
			switch {
			case err == nil:
				if !slices.Contains(fuzzPeople, p.Name) {
					t.Errorf("FindPerson(%q) = %q, who was never added", query, p.Name)
				}
				if scope == store.OnlyActive && p.Archived() {
					t.Errorf("FindPerson(%q, OnlyActive) = %q, who is archived", query, p.Name)
				}
			case errors.Is(err, domain.ErrNotFound), errors.Is(err, domain.ErrInvalid):
				msg := err.Error()
				if strings.Contains(msg, "\n") || !utf8.ValidString(msg) && utf8.ValidString(query) {
					t.Errorf("FindPerson(%q) error %q is not one clean line", query, msg)
				}
				if len(msg) > 2000 {
					t.Errorf("FindPerson(%d-byte query) error is %d bytes, want it short", len(query), len(msg))
				}
			default:
				t.Errorf("FindPerson(%q) = %v, want a person, ErrNotFound or ErrInvalid", query, err)
			}
		}
		if changed, err := w.Changed(t.Context()); err != nil || changed {
			t.Errorf("after FindPerson(%q) the database changed = %v (%v), want no write", query, changed, err)
		}
	})
}
