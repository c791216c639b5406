package exchange_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/store"
)

var friendsNow = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

func readFriendsFile(t *testing.T, s *store.Store, path string) store.ImportResult {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
		return exchange.ReadFriends(f, im, friendsNow)
	})
	if err != nil {
		t.Fatalf("import %s: %v", filepath.Base(path), err)
	}
	return res
}

func TestFriendsExample(t *testing.T) {
	t.Parallel()
	path := filepath.Join(sharedDir(t, "corpus", "friends"), "friends.md")
	s := openStore(t, nil)
	res := readFriendsFile(t, s, path)
	if res.People.New != 3 || res.Interactions.New != 4 {
		t.Errorf("counts %+v, want 3 people and 4 interactions", res)
	}
	people, _ := s.People(t.Context(), store.PeopleFilter{})
	byName := map[string]domain.Person{}
	for _, p := range people {
		byName[p.Name] = p
	}
	grace := byName["Grace Hopper"]
	if !slices.Equal(grace.Tags, []string{"navy", "science"}) {
		t.Errorf("Grace's tags = %q", grace.Tags)
	}
	if !slices.Equal(grace.Aliases, []string{"The Admiral", "Amazing Grace"}) {
		t.Errorf("Grace's aliases = %q, want the a.k.a. names", grace.Aliases)
	}
	for _, want := range []string{"Location: Paris.",
		"2018-06-15: Grace Hopper found out she's getting a big Naval Academy building named after her. @navy"} {
		if !strings.Contains(grace.Notes, want) {
			t.Errorf("Grace's notes %q lack %q", grace.Notes, want)
		}
	}
	if !strings.Contains(byName["Marie Curie"].Notes, "Location: Atlantis.") {
		t.Errorf("Marie's notes = %q", byName["Marie Curie"].Notes)
	}

	ins, _ := s.Interactions(t.Context(), store.InteractionFilter{})
	if len(ins) != 4 {
		t.Fatalf("%d interactions, want 4", len(ins))
	}
	lunch := ins[1] // newest first: 2018-11-01, 2018-01-04, ...
	if !slices.Equal(lunch.Names, []string{"George Washington Carver", "Grace Hopper"}) || lunch.Via != cadence.InPerson ||
		lunch.Note != "Got lunch with Grace Hopper and George Washington Carver. @food" ||
		!lunch.At.Equal(time.Date(2018, 1, 4, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("lunch = %+v", lunch)
	}
	if ins[0].Note != "Grace Hopper and I went to Martha's Vineyard. George had to cancel at the last minute." {
		t.Errorf("place markup left in %q", ins[0].Note)
	}

	// Importing the file again adds nothing: the interactions have ids made
	// from their lines, and people and notes are matched.
	again := readFriendsFile(t, s, path)
	if again.New() != 0 || again.Updated() != 0 {
		t.Errorf("second import %+v, want nothing new or changed", again)
	}
}

func TestFriendsTestHelperContent(t *testing.T) {
	t.Parallel()
	path := filepath.Join(sharedDir(t, "corpus", "friends"), "test_helper_CONTENT.md")
	s := openStore(t, nil)
	res := readFriendsFile(t, s, path)
	if res.People.New != 5 || res.Interactions.New != 5 {
		t.Errorf("counts %+v, want 5 people and 5 interactions", res)
	}
	people, _ := s.People(t.Context(), store.PeopleFilter{})
	var norman domain.Person
	for _, p := range people {
		if p.Name == "Norman Borlaug" {
			norman = p
		}
	}
	if !slices.Equal(norman.Tags, []string{"science", "science:outdoors", "science:outdoors:agronomy"}) || !slices.Equal(norman.Aliases, []string{"Norm"}) {
		t.Errorf("Norman = %+v", norman)
	}
	ins, _ := s.Interactions(t.Context(), store.InteractionFilter{Person: norman.ID})
	if len(ins) != 1 || len(ins[0].People) != 2 || !strings.HasPrefix(ins[0].Note, "@science:indoors:agronomy-with-hydroponics: Norman Borlaug and George") ||
		!strings.Contains(ins[0].Note, "tour of Atlantis' hydroponics gardens through wetplants@example.org") {
		t.Errorf("the tour = %+v", ins)
	}
	// The scrambled file holds the same lines in another order: the same
	// result, all matched.
	scrambled := readFriendsFile(t, s, filepath.Join(filepath.Dir(path), "test_helper_SCRAMBLED_CONTENT.md"))
	if scrambled.New() != 0 {
		t.Errorf("the scrambled file added %+v", scrambled)
	}
}

func TestFriendsParsing(t *testing.T) {
	t.Parallel()
	data := "### Friends:\n- Ana Lima (a.k.a. Nan) [Porto] @family @book-club\n\n" +
		"### Activities:\n- yesterday: Coffee with **Ana Lima** and **Bo**.\n- Walked alone.\n- 2026-11-01: Dinner at _Rosa's_ with **ana lima**.\n" +
		"### Locations:\n- Rosa's\n"
	r := newRecorder()
	if err := exchange.ReadFriends(strings.NewReader(data), r, friendsNow); err != nil {
		t.Fatal(err)
	}
	if len(r.people) != 2 || r.people[1].Name != "Bo" {
		t.Errorf("people = %+v, want Ana and Bo (named in bold, not listed)", r.people)
	}
	if len(r.interactions) != 2 || !r.interactions[0].At.Equal(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)) ||
		r.interactions[1].Note != "Dinner at Rosa's with ana lima." || len(r.interactions[1].People) != 1 {
		t.Errorf("interactions = %+v", r.interactions)
	}
	if len(r.skips) != 1 || r.skips[0].Where != "line 6" {
		t.Errorf("skips = %+v, want the activity with no friend on line 6", r.skips)
	}
}

func TestFriendsBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data, want string
	}{
		{"no header", "- Ana\n", `line 1: expected a section header`},
		{"no dash", "### Friends:\n- Ana\nBen\n", `line 3: expected an entry starting with "- "`},
		{"impossible date", "### Activities:\n- 2018-02-30: Lunch with **Ana**.\n", "line 2: date"},
		{"future date", "### Activities:\n- 2030-01-01: Lunch with **Ana**.\n", "line 2: date"},
		{"empty", "", "no friends.md sections"},
		{"binary", "\x00\x01\x02", "binary file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := exchange.ReadFriends(strings.NewReader(tc.data), newRecorder(), friendsNow)
			var ie *exchange.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want an InputError mentioning %q", err, tc.want)
			}
		})
	}
}
