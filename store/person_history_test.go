package store

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// wantHistory works out a summary's history fields the slow way, from the
// person's whole timeline, by the rules person_history must keep.
func wantHistory(t *testing.T, s *Store, p domain.Person) domain.Summary {
	t.Helper()
	all, err := s.Interactions(t.Context(), InteractionFilter{Person: p.ID})
	if err != nil {
		t.Fatal(err)
	}
	want := domain.Summary{Person: p, Recent: []cadence.Contact{}, RecentReal: []time.Time{}}
	for _, in := range all { // newest first
		c := cadence.Contact{At: in.At, Via: in.Via, Direction: in.Direction, Missed: in.Missed}
		if want.Last.IsZero() {
			want.Last = c
		}
		if len(want.Recent) < cadence.RecentCount {
			want.Recent = append(want.Recent, c)
		}
		if c.Conversation() {
			if want.LastReal.IsZero() {
				want.LastReal = c
			}
			if len(want.RecentReal) < cadence.RealCount {
				want.RecentReal = append(want.RecentReal, in.At)
			}
		}
	}
	for i, in := range all {
		if in.Direction != cadence.In {
			continue
		}
		// Among the recent ones it always counts; further back, only
		// within a year and a day of the latest.
		if i < cadence.RecentCount || !in.At.Before(want.Recent[0].At.AddDate(0, 0, -(cadence.OneSidedDays+1))) {
			want.LastIn = cadence.Contact{At: in.At, Via: in.Via, Direction: cadence.In}
			if i < cadence.RecentCount {
				want.LastIn.Missed = in.Missed // only the recent list keeps the flag
			}
		}
		break
	}
	return want
}

func checkHistories(t *testing.T, s *Store, when string) {
	t.Helper()
	for _, archived := range []bool{false, true} {
		sums, err := s.Summaries(t.Context(), PeopleFilter{Archived: archived})
		if err != nil {
			t.Fatal(err)
		}
		for _, got := range sums {
			want := wantHistory(t, s, got.Person)
			if !reflect.DeepEqual(got.Recent, want.Recent) || !reflect.DeepEqual(got.RecentReal, want.RecentReal) ||
				got.Last != want.Last || got.LastReal != want.LastReal || got.LastIn != want.LastIn {
				t.Fatalf("%s: %s's history\n got Last %v LastReal %v LastIn %v\n     Recent %v\n     RecentReal %v\nwant Last %v LastReal %v LastIn %v\n     Recent %v\n     RecentReal %v",
					when, got.Name, got.Last, got.LastReal, got.LastIn, got.Recent, got.RecentReal,
					want.Last, want.LastReal, want.LastIn, want.Recent, want.RecentReal)
			}
			one, err := s.Summary(t.Context(), got.ID)
			if err != nil || !reflect.DeepEqual(one, got) {
				t.Fatalf("%s: domain.Summary(%s) = %+v, %v; want %+v as Summaries gives it", when, got.Name, one, err, got)
			}
		}
		if !archived {
			lean, err := s.CadencePeople(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if len(lean) != len(sums) {
				t.Fatalf("%s: CadencePeople gives %d people, Summaries %d", when, len(lean), len(sums))
			}
			people := make([]cadence.Person, len(sums))
			for i, sum := range sums {
				people[i] = sum.Cadence()
				if !reflect.DeepEqual(lean[i], people[i]) {
					t.Fatalf("%s: CadencePeople[%d]\n got %+v\nwant %+v", when, i, lean[i], people[i])
				}
			}
			// Ranking what EachCadence streams, which reuses its memory
			// from one person to the next, ranks as Today does.
			for _, limit := range []int{0, 3} {
				r := cadence.NewRanking(internalNow, limit)
				if err := s.EachCadence(t.Context(), func(p cadence.Person) error { r.Add(p); return nil }); err != nil {
					t.Fatal(err)
				}
				if got, want := r.Result(), cadence.Today(people, internalNow, limit); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: ranking EachCadence (limit %d)\n got %+v\nwant %+v", when, limit, got, want)
				}
			}
			// And so does ranking what RankByOverdue gives.
			for _, limit := range []int{1, 3} {
				r := cadence.NewRanking(internalNow, limit)
				if _, err := s.RankByOverdue(t.Context(), internalNow, r); err != nil {
					t.Fatal(err)
				}
				if got, want := r.Result(), cadence.Today(people, internalNow, limit); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: ranking RankByOverdue (limit %d)\n got %+v\nwant %+v", when, limit, got, want)
				}
			}
		}
		// people.last_real_at, which orders RankByOverdue, is the first real
		// conversation of person_history, or NULL.
		var stale int
		if err := s.db.QueryRowContext(t.Context(), `SELECT count(*) FROM people p LEFT JOIN person_history h ON h.person_id = p.id
			WHERE p.last_real_at IS NOT (h.recent_real ->> '$[0][0]')`).Scan(&stale); err != nil || stale != 0 {
			t.Fatalf("%s: %d people whose last_real_at is not their latest real conversation (%v)", when, stale, err)
		}
		var rows int
		if err := s.db.QueryRowContext(t.Context(), `SELECT count(*) FROM person_history h
			WHERE NOT EXISTS (SELECT 1 FROM interaction_people ip WHERE ip.person_id = h.person_id)`).Scan(&rows); err != nil || rows != 0 {
			t.Fatalf("%s: %d person_history rows of people with no interaction (%v), want none", when, rows, err)
		}
	}
}

// TestPersonHistoryTracksEveryWrite runs a seeded mix of every write that
// touches history (logging, with several people and equal times; deleting
// people; importing corrections and merging ids) and checks after each that
// person_history says what the whole timeline says.
func TestPersonHistoryTracksEveryWrite(t *testing.T) {
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	ctx := t.Context()
	rng := rand.New(rand.NewPCG(1, 2))
	base := internalNow.Truncate(time.Second)
	var people []domain.Person
	var logged []domain.Interaction
	add := func(name string) {
		p, err := s.AddPerson(ctx, domain.Person{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	for i := range 6 {
		add(fmt.Sprintf("P%d", i))
	}
	channels := cadence.Channels()
	for step := range 300 {
		var when string
		switch op := rng.IntN(20); {
		case op < 15 && len(people) > 0: // log, sometimes with several people, sometimes at the same second
			in := domain.Interaction{
				Via:       channels[rng.IntN(len(channels))],
				Direction: []cadence.Direction{cadence.In, cadence.Out}[rng.IntN(2)],
				At:        base.Add(-time.Duration(rng.IntN(800)) * 24 * time.Hour / 2).Truncate(12 * time.Hour),
			}
			if rng.IntN(3) == 0 { // a call that did not connect
				in.Via, in.Missed = []cadence.Channel{cadence.Call, cadence.Video}[rng.IntN(2)], true
			}
			for range 1 + rng.IntN(3) {
				in.People = append(in.People, people[rng.IntN(len(people))].ID)
			}
			got, err := s.AddInteraction(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			logged = append(logged, got)
			when = fmt.Sprintf("step %d, log %s %s (missed %t)", step, in.Via, in.Direction, in.Missed)
		case op < 16 && len(people) > 3: // delete someone
			i := rng.IntN(len(people))
			if err := s.DeletePerson(ctx, people[i].ID); err != nil {
				t.Fatal(err)
			}
			when = fmt.Sprintf("step %d, delete %s", step, people[i].Name)
			people = append(people[:i], people[i+1:]...)
			add(fmt.Sprintf("P%d", 100+step))
		case op < 18 && len(logged) > 0: // an import that corrects an interaction's channel, direction or missed flag
			in := logged[rng.IntN(len(logged))]
			in.Via = channels[rng.IntN(len(channels))]
			in.Direction = []cadence.Direction{cadence.In, cadence.Out}[rng.IntN(2)]
			in.Missed = in.Via == cadence.Call && rng.IntN(2) == 0
			// Its people as they are now: some may have been deleted since.
			now, err := s.Interactions(ctx, InteractionFilter{})
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(now, func(x domain.Interaction) bool { return x.ID == in.ID })
			if i < 0 {
				continue // everyone in it was deleted
			}
			in.People = now[i].People
			if _, err := s.Import(ctx, ImportOptions{}, func(im *Import) error { return im.PutInteraction(in) }); err != nil {
				t.Fatal(err)
			}
			when = fmt.Sprintf("step %d, import %s as %s %s (missed %t)", step, in.ID, in.Via, in.Direction, in.Missed)
		default: // an import from another machine: its id for someone tend has, used before it is defined
			if len(people) == 0 {
				continue
			}
			p := people[rng.IntN(len(people))]
			other := s.newID()
			_, err := s.Import(ctx, ImportOptions{}, func(im *Import) error {
				in := domain.Interaction{ID: s.newID(), People: []string{other, people[0].ID}, Via: cadence.Call,
					Direction: cadence.In, At: base.Add(-time.Duration(rng.IntN(400)) * 24 * time.Hour)}
				if err := im.PutInteraction(in); err != nil {
					return err
				}
				return im.PutPerson(domain.Person{ID: other, Name: p.Name, UpdatedAt: base.Add(-time.Hour)})
			})
			if err != nil {
				t.Fatalf("merge %s (other %s, people[0] %s): %v", p.ID, other, people[0].ID, err)
			}
			when = fmt.Sprintf("step %d, merge another id into %s", step, p.Name)
		}
		checkHistories(t, s, when)
	}
}

// TestPersonHistoryBackfill opens a database written before person_history
// existed and checks that the migration fills it in for everyone.
func TestPersonHistoryBackfill(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	ctx := t.Context()
	if _, err := prepareFile(path); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn(path, busyTimeout))
	if err != nil {
		t.Fatal(err)
	}
	old := &Store{db: db, path: path, now: internalOptions(1).Now, entropy: internalOptions(1).Entropy}
	if err := old.migrate(ctx, migrations()[:1]); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var ids []string
	// Written as that version wrote them: today's writes need today's
	// schema.
	for i := range 8 {
		id := old.newID()
		_, err := db.ExecContext(ctx, `INSERT INTO people (id, name, name_key, tier, created_at, updated_at)
			VALUES (?, ?, ?, 'regular', ?, ?)`, id, fmt.Sprintf("P%d", i), fmt.Sprintf("p%d", i), formatTime(internalNow), formatTime(internalNow))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	channels := cadence.Channels()
	for range 200 {
		in := domain.Interaction{
			People:    []string{ids[rng.IntN(len(ids)-1)]}, // the last person has no history
			Via:       channels[rng.IntN(len(channels))],
			Direction: []cadence.Direction{cadence.In, cadence.Out}[rng.IntN(3)/2], // mostly in
			At:        internalNow.Add(-time.Duration(rng.IntN(2000)) * 24 * time.Hour),
		}
		if err := addOldInteraction(old, in); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s := openInternal(t, path)
	if v, _ := s.userVersion(ctx); v != SchemaVersion() {
		t.Fatalf("user_version = %d, want %d", v, SchemaVersion())
	}
	checkHistories(t, s, "after the migration")
}

// addOldInteraction writes an interaction as the first schema holds it
// (no missed flag), for a store left at that version.
func addOldInteraction(s *Store, in domain.Interaction) error {
	in.ID = s.newID()
	at := formatTime(in.At.UTC().Truncate(time.Second))
	if _, err := s.db.Exec(`INSERT INTO interactions (id, via, direction, at, note, created_at) VALUES (?, ?, ?, ?, '', ?)`,
		in.ID, string(in.Via), string(in.Direction), at, at); err != nil {
		return err
	}
	_, err := s.db.Exec(`INSERT INTO interaction_people (interaction_id, person_id, at, real) VALUES (?, ?, ?, ?)`,
		in.ID, in.People[0], at, realFlag(in))
	return err
}

// TestCadenceOddIDs checks ranking's input for ids that the one-column
// read cannot split (a NUL) or that JSON must escape (a quote, a
// backslash): they are read the slow way, and give what Summaries gives.
func TestCadenceOddIDs(t *testing.T) {
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	ctx := t.Context()
	at := internalNow.Truncate(time.Second)
	_, err := s.Import(ctx, ImportOptions{}, func(im *Import) error {
		for i, id := range []string{"nul\x00id", `quote"id`, `back\slash`, "plain"} {
			if err := im.PutPerson(domain.Person{ID: id, Name: fmt.Sprintf("P%d", i), Tier: cadence.Inner}); err != nil {
				return err
			}
			for k := range 7 {
				in := domain.Interaction{ID: fmt.Sprintf("%s-%d\x00\"\\", id, k), People: []string{id}, Via: cadence.Call,
					Direction: []cadence.Direction{cadence.In, cadence.Out}[k%2], At: at.AddDate(0, 0, -10*k)}
				if err := im.PutInteraction(in); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checkHistories(t, s, "odd ids")
	lean, err := s.CadencePeople(ctx)
	if err != nil || len(lean) != 4 {
		t.Fatalf("CadencePeople = %d people, %v; want 4", len(lean), err)
	}
	// RankByOverdue reading the rest in one pass, on its own connection,
	// reads a row it cannot split on that connection too.
	opts := internalOptions(seeds.Add(1))
	opts.OneByOneUpTo = 1
	inOnePass, err := Open(s.Path(), opts)
	if err != nil {
		t.Fatal(err)
	}
	defer inOnePass.Close()
	checkHistories(t, inOnePass, "odd ids, read in one pass")
}
