package store

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// TestBulkImportWritesHistoryAsTheTriggers imports the same file twice,
// into two copies of one database: once with the triggers on throughout,
// once on the bulk path, where the import writes the rows of people new to
// history itself and has the triggers rebuild the others. person_history
// and people.last_real_at must come out byte for byte the same, for people
// with history before the import and without, ids JSON must escape, times
// shared by several interactions, interactions listed twice (once changed),
// and another machine's id for someone tend has.
func TestBulkImportWritesHistoryAsTheTriggers(t *testing.T) {
	base := internalNow.Truncate(time.Second)
	var before []domain.Person
	for i := range 4 {
		before = append(before, domain.Person{ID: fmt.Sprintf("01OLD%021d", i), Name: fmt.Sprintf("Old %d", i), CreatedAt: base.AddDate(-3, 0, 0)})
	}
	people := []domain.Person{
		{ID: "01ALIASALIASALIASALIASALIA", Name: "old 3", UpdatedAt: base.AddDate(-4, 0, 0)}, // Old 3, under another id
		{ID: `odd"id\`, Name: "Odd"},
	}
	for i := range 8 {
		people = append(people, domain.Person{ID: fmt.Sprintf("01NEW%021d", i), Name: fmt.Sprintf("New %d", i), CreatedAt: base.AddDate(-3, 0, 0)})
	}
	rng := rand.New(rand.NewPCG(5, 6))
	channels := cadence.Channels()
	interaction := func(i int, among []domain.Person) domain.Interaction {
		in := domain.Interaction{
			ID:        fmt.Sprintf("01I%023d", rng.IntN(1000)*1000+i),
			Via:       channels[rng.IntN(len(channels))],
			Direction: []cadence.Direction{cadence.In, cadence.Out}[rng.IntN(2)],
			At:        base.Add(-time.Duration(rng.IntN(300)) * 24 * time.Hour).Truncate(48 * time.Hour),
		}
		for range 1 + rng.IntN(3) {
			in.People = append(in.People, among[rng.IntN(len(among))].ID)
		}
		return in
	}
	var earlier []domain.Interaction
	for i := range 60 {
		earlier = append(earlier, interaction(i, before[:3])) // Old 3 has no history
	}
	all := append(append([]domain.Person{}, before...), people...)
	// New 0 to 5 only gain interactions: the import writes their rows. The
	// others have history already, or ids JSON must escape, or records
	// the file changes: the triggers rebuild theirs.
	rebuilt := append(append([]domain.Person{}, before...), people[:2]...)
	rebuilt = append(rebuilt, people[8:]...)
	var file []domain.Interaction
	for i := range 400 {
		in := interaction(1000+i, all)
		switch {
		case i%37 == 0:
			in.ID += `"\` // an id JSON must escape
			in.People = []string{people[1].ID, people[9].ID}
		case i%50 == 49:
			again := interaction(1000+i, rebuilt)
			file = append(file, again, again) // the same twice
			again.Via = channels[rng.IntN(len(channels))]
			again.People = []string{rebuilt[rng.IntN(len(rebuilt))].ID}
			in = again // and corrected
		}
		file = append(file, in)
	}
	file = append(file, earlier[3], earlier[4]) // two tend has, unchanged

	load := func(bulk int) (*Store, string) {
		s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
		put := func(opts ImportOptions, people []domain.Person, ins []domain.Interaction) {
			t.Helper()
			_, err := s.Import(t.Context(), opts, func(im *Import) error {
				for _, in := range ins { // before the people, as a file may have them
					if err := im.PutInteraction(in); err != nil {
						return err
					}
				}
				for _, p := range people {
					if err := im.PutPerson(p); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		put(ImportOptions{}, before, earlier)
		put(ImportOptions{BulkAfter: bulk}, people, file)
		return s, dumpHistory(t, s)
	}
	_, plain := load(1 << 30)
	// From the start, and after a first batch with the triggers on.
	for _, after := range []int{10, 300} {
		s, bulk := load(after)
		if bulk != plain {
			t.Errorf("person_history after a bulk import (from %d interactions) differs from the triggers':\nbulk:\n%s\ntriggers:\n%s", after, bulk, plain)
		}
		checkHistories(t, s, fmt.Sprintf("after a bulk import from %d interactions", after))
	}
	if !strings.Contains(plain, "01NEW") || !strings.Contains(plain, "01OLD") {
		t.Fatalf("the history holds no row of old or new people:\n%s", plain)
	}
}

// dumpHistory is every row of person_history and every last_real_at.
func dumpHistory(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	rows, err := s.db.QueryContext(t.Context(), `SELECT person_id, recent, recent_real,
		ifnull(last_in_at, '-'), ifnull(last_in_via, '-'), ifnull(last_in_id, '-') FROM person_history ORDER BY person_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var f [6]string
		if err := rows.Scan(&f[0], &f[1], &f[2], &f[3], &f[4], &f[5]); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, strings.Join(f[:], " | "))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	people, err := s.db.QueryContext(t.Context(), `SELECT id, ifnull(last_real_at, '-') FROM people ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer people.Close()
	for people.Next() {
		var id, last string
		if err := people.Scan(&id, &last); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s last real %s\n", id, last)
	}
	return b.String()
}
