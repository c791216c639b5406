package domain

import (
	"slices"
	"testing"
)

// TestResolveGuessesATypingSlip: a name a letter off (added, dropped,
// changed, two swapped) finds no one, and is guessed, not offered to add;
// a name like no one's is not guessed.
func TestResolveGuessesATypingSlip(t *testing.T) {
	pool := []Candidate{{ID: "1", Name: "Marcus Hölzl"}, {ID: "2", Name: "Tom Becker"}, {ID: "3", Name: "Tom Richter"}, {ID: "4", Name: "Ana Lima"}}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"markus", []string{"Marcus Hölzl"}},
		{"tomm", []string{"Tom Becker", "Tom Richter"}},
		{"holzll", []string{"Marcus Hölzl"}},
		{"richetr", []string{"Tom Richter"}},
		{"marcus holzel", []string{"Marcus Hölzl"}},
		{"zed", nil},
		{"barbara", nil},
	} {
		found, guesses := Resolve(tc.query, [][]Candidate{pool})
		if len(found) != 0 || !slices.Equal(guesses, tc.want) {
			t.Errorf("Resolve(%q) = %v, guesses %v; want none found, guesses %v", tc.query, found, guesses, tc.want)
		}
	}
}

func TestSlips(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		max  int
		want bool
	}{
		{"markus", "marcus", 1, true}, {"tomm", "tom", 1, true}, {"anaa", "ana", 1, true},
		{"richetr", "richter", 1, true}, {"abc", "abc", 0, true}, {"abcd", "badc", 1, false},
		{"abcd", "badc", 2, true}, {"zed", "ana", 1, false}, {"", "ab", 1, false}, {"chloé", "chloe", 1, true},
	} {
		if got := slips(tc.a, tc.b, tc.max); got != tc.want {
			t.Errorf("slips(%q, %q, %d) = %v, want %v", tc.a, tc.b, tc.max, got, tc.want)
		}
	}
}

// TestResolveLeavesOutPunctuation: dots, hyphens and apostrophes people
// leave out when they type find the name or alias that has them.
func TestResolveLeavesOutPunctuation(t *testing.T) {
	pool := []Candidate{{ID: "1", Name: "Susan Wright", Aliases: []string{"Dr. Wright"}}, {ID: "2", Name: "Mary-Jane Watson"}, {ID: "3", Name: "Seán O'Brien"}}
	for query, want := range map[string]string{
		"dr wright": "1", "Dr Wright": "1", "mary jane": "2", "mary jane watson": "2", "obrien": "3", "sean obrien": "3",
	} {
		found, _ := Resolve(query, [][]Candidate{pool})
		if len(found) != 1 || found[0].ID != want {
			t.Errorf("Resolve(%q) = %v; want person %s", query, found, want)
		}
	}
}
