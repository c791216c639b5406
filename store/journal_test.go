package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// dump is every row of the tables a change can touch, and of those the
// triggers derive from them, as text: two dumps are equal when the data is.
func dump(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT id, name, name_key, tier, every_days, birthday, phones, emails, tags, notes, created_at, updated_at, archived_at, snoozed_until, aliases,
			org, job_title, phone_types, email_types, name_parts, uid, last_real_at FROM people ORDER BY id`,
		`SELECT * FROM interactions ORDER BY id`,
		`SELECT * FROM interaction_people ORDER BY interaction_id, person_id`,
		`SELECT * FROM memories ORDER BY id`,
		`SELECT * FROM important_dates ORDER BY person_id, label, date`,
		`SELECT * FROM person_history ORDER BY person_id`,
	} {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%v\n", vals)
		}
		rows.Close()
		b.WriteString("--\n")
	}
	return b.String()
}

// TestUndoEveryKindOfChange makes each kind of change on a database with
// some history, undoes it, and wants every row back as it was, derived
// rows included.
func TestUndoEveryKindOfChange(t *testing.T) {
	ctx := t.Context()
	at := internalNow.Add(-48 * time.Hour)
	setUp := func(t *testing.T) (*Store, domain.Person, domain.Person, domain.Interaction, domain.Memory) {
		s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
		ana, err := s.AddPerson(ctx, domain.Person{Name: "Ana Lima", Tags: []string{"family"}, ImportantDates: []domain.ImportantDate{{Label: "anniversary", Date: cadence.MonthDay{Month: 6, Day: 1}}}})
		if err != nil {
			t.Fatal(err)
		}
		ben, err := s.AddPerson(ctx, domain.Person{Name: "Ben Okafor", Aliases: []string{"benny"}})
		if err != nil {
			t.Fatal(err)
		}
		in, err := s.AddInteraction(ctx, domain.Interaction{People: []string{ana.ID, ben.ID}, Via: cadence.InPerson, At: at, Note: "dinner"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddInteraction(ctx, domain.Interaction{People: []string{ana.ID}, Via: cadence.Text, Direction: cadence.In, At: at.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		m, err := s.AddMemory(ctx, domain.Memory{PersonID: ana.ID, Text: "exam on Friday", Due: internalNow.AddDate(0, 0, 3)})
		if err != nil {
			t.Fatal(err)
		}
		return s, ana, ben, in, m
	}
	cases := []struct {
		name   string
		change func(s *Store, ana, ben domain.Person, in domain.Interaction, m domain.Memory) error
		want   string // the start of the words undo gives back
	}{
		{"add", func(s *Store, _, _ domain.Person, _ domain.Interaction, _ domain.Memory) error {
			_, err := s.AddPerson(ctx, domain.Person{Name: "Chloé Martin", Aliases: []string{"clo"}, ImportantDates: []domain.ImportantDate{{Label: "name day", Date: cadence.MonthDay{Month: 3, Day: 3}}}})
			return err
		}, "added Chloé Martin"},
		{"log", func(s *Store, ana, ben domain.Person, _ domain.Interaction, _ domain.Memory) error {
			_, err := s.AddInteraction(ctx, domain.Interaction{People: []string{ana.ID, ben.ID}, Via: cadence.Call, At: internalNow})
			return err
		}, "logged a call with Ana Lima and Ben Okafor"},
		{"log a text", func(s *Store, ana, _ domain.Person, _ domain.Interaction, _ domain.Memory) error {
			_, err := s.AddInteraction(ctx, domain.Interaction{People: []string{ana.ID}, Via: cadence.Text, Direction: cadence.Out, At: internalNow})
			return err
		}, "logged a text to Ana Lima"}, // as tend log confirmed it
		{"edit", func(s *Store, ana, _ domain.Person, _ domain.Interaction, _ domain.Memory) error {
			_, err := s.UpdatePerson(ctx, ana.ID, func(p *domain.Person) error {
				p.Tier, p.Tags, p.Aliases, p.ImportantDates = cadence.Inner, nil, []string{"mum"}, nil
				p.Name = "Ana Lima Souza"
				return nil
			})
			return err
		}, "edited Ana Lima Souza: name Ana Lima → Ana Lima Souza"},
		{"snooze", func(s *Store, ana, _ domain.Person, _ domain.Interaction, _ domain.Memory) error {
			_, err := s.UpdatePerson(ctx, ana.ID, func(p *domain.Person) error { p.SnoozedUntil = internalNow.AddDate(0, 0, 3); return nil })
			return err
		}, "snoozed Ana Lima until"},
		{"archive", func(s *Store, _, ben domain.Person, _ domain.Interaction, _ domain.Memory) error {
			_, err := s.UpdatePerson(ctx, ben.ID, func(p *domain.Person) error { p.ArchivedAt = internalNow; return nil })
			return err
		}, "archived Ben Okafor"},
		{"remember", func(s *Store, _, ben domain.Person, _ domain.Interaction, _ domain.Memory) error {
			_, err := s.AddMemory(ctx, domain.Memory{PersonID: ben.ID, Text: "new job"})
			return err
		}, "remembered for Ben Okafor: new job"},
		{"done", func(s *Store, _, _ domain.Person, _ domain.Interaction, m domain.Memory) error {
			_, err := s.MarkMemoryDone(ctx, m.ID[:10])
			return err
		}, "marked done for Ana Lima: exam on Friday"},
		{"forget", func(s *Store, _, _ domain.Person, _ domain.Interaction, m domain.Memory) error {
			_, err := s.DeleteMemory(ctx, m.ID)
			return err
		}, "forgot for Ana Lima: exam on Friday"},
		{"change a memory", func(s *Store, _, _ domain.Person, _ domain.Interaction, m domain.Memory) error {
			_, err := s.UpdateMemory(ctx, m.ID, func(m *domain.Memory) error { m.Text, m.Due = "exam moved", time.Time{}; return nil })
			return err
		}, "changed the memory for Ana Lima: exam moved"},
		{"unlog", func(s *Store, _, _ domain.Person, in domain.Interaction, _ domain.Memory) error {
			_, err := s.DeleteInteraction(ctx, strings.ToLower(in.ID))
			return err
		}, "removed a meeting in person with Ana Lima and Ben Okafor"},
		{"amend", func(s *Store, ana, _ domain.Person, in domain.Interaction, _ domain.Memory) error {
			_, _, err := s.AmendInteraction(ctx, in.ID, func(in *domain.Interaction) error {
				in.Via, in.Direction, in.At, in.Minutes, in.Note, in.People = cadence.Video, cadence.In, internalNow.Add(-time.Hour), 30, "", []string{ana.ID}
				return nil
			})
			return err
		}, "amended a meeting in person with Ana Lima and Ben Okafor"},
		{"amend adds someone", func(s *Store, ana, ben domain.Person, _ domain.Interaction, _ domain.Memory) error {
			ins, err := s.Interactions(ctx, InteractionFilter{Person: ana.ID, Limit: 1})
			if err != nil {
				return err
			}
			_, _, err = s.AmendInteraction(ctx, ins[0].ID, func(in *domain.Interaction) error {
				in.People = append(in.People, ben.ID)
				return nil
			})
			return err
		}, "amended a text from Ana Lima"},
		{"import", func(s *Store, ana, _ domain.Person, _ domain.Interaction, _ domain.Memory) error {
			_, err := s.Import(ctx, ImportOptions{Source: "friends.md"}, func(im *Import) error {
				if err := im.PutPerson(domain.Person{ID: "ana-in-file", Name: "Ana Lima", Phones: []string{"+44 7700 900123"}}); err != nil {
					return err
				}
				if err := im.PutPerson(domain.Person{ID: "zoe", Name: "Zoë Park"}); err != nil {
					return err
				}
				return im.PutInteraction(domain.Interaction{ID: "climb", People: []string{"zoe", ana.ID}, Via: cadence.InPerson, At: at.Add(-time.Hour)})
			})
			return err
		}, "imported friends.md: 1 new person, 1 new interaction"},
		{"import an address book", func(s *Store, _, _ domain.Person, _ domain.Interaction, _ domain.Memory) error {
			_, err := s.Import(ctx, ImportOptions{Source: "contacts.vcf"}, func(im *Import) error {
				_, err := im.MatchPerson(domain.Person{
					Name: "Ana Lima", Org: "Acme", JobTitle: "Engineer", UID: "urn:uuid:ana",
					Phones: []string{"+44 7700 900123"}, PhoneTypes: map[string]string{"+44 7700 900123": "mobile"},
					Emails: []string{"ana@example.org"}, EmailTypes: map[string]string{"ana@example.org": "work"},
					NameParts: domain.NameParts{Family: "Lima", Given: "Ana"},
				})
				return err
			})
			return err
		}, "imported contacts.vcf: 1 person updated"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, ana, ben, in, m := setUp(t)
			before := dump(t, s)
			if err := tc.change(s, ana, ben, in, m); err != nil {
				t.Fatal(err)
			}
			if dump(t, s) == before {
				t.Fatal("the change changed nothing; the test would prove nothing")
			}
			c, err := s.Undo(ctx)
			if err != nil {
				t.Fatalf("Undo = %v", err)
			}
			if !strings.HasPrefix(c.Description, tc.want) {
				t.Errorf("Undo undid %q, want it to start %q", c.Description, tc.want)
			}
			if after := dump(t, s); after != before {
				t.Errorf("after undo the data differs:\nbefore:\n%s\nafter:\n%s", before, after)
			}
			if h, err := Inspect(ctx, s.Path()); err != nil || !h.Sound() {
				t.Errorf("after undo, doctor says %+v, %v", h, err)
			}
		})
	}
}

// TestUndoGoesBackOneChangeAtATime undoes more than twenty changes one by
// one, each time to the state before it, and then has nothing to undo.
func TestUndoGoesBackOneChangeAtATime(t *testing.T) {
	ctx := t.Context()
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	ana, err := s.AddPerson(ctx, domain.Person{Name: "Ana"})
	if err != nil {
		t.Fatal(err)
	}
	states := []string{dump(t, s)}
	for i := range 24 {
		if i%3 == 0 {
			_, err = s.UpdatePerson(ctx, ana.ID, func(p *domain.Person) error { p.Notes += fmt.Sprint(i); return nil })
		} else {
			_, err = s.AddInteraction(ctx, domain.Interaction{People: []string{ana.ID}, Via: cadence.Call, At: internalNow.Add(-time.Duration(i) * time.Hour)})
		}
		if err != nil {
			t.Fatal(err)
		}
		states = append(states, dump(t, s))
	}
	changes, err := s.Changes(ctx, 0)
	if err != nil || len(changes) != 25 {
		t.Fatalf("Changes = %d, %v; want 25", len(changes), err)
	}
	for i := len(states) - 2; i >= 0; i-- {
		if _, err := s.Undo(ctx); err != nil {
			t.Fatalf("undo to state %d: %v", i, err)
		}
		if got := dump(t, s); got != states[i] {
			t.Fatalf("after undoing to state %d the data differs", i)
		}
	}
	if c, err := s.Undo(ctx); err != nil || c.Description != "added Ana" {
		t.Fatalf("the last Undo = %q, %v; want the add", c.Description, err)
	}
	if _, err := s.Undo(ctx); !errors.Is(err, ErrNothingToUndo) || !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("Undo with nothing left = %v, want ErrNothingToUndo", err)
	}
}

// TestAnEditThatChangesNothingIsNoChange: setting what is already stored
// writes nothing, and undo then reverts the change before it.
func TestAnEditThatChangesNothingIsNoChange(t *testing.T) {
	ctx := t.Context()
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	ana, err := s.AddPerson(ctx, domain.Person{Name: "Ana", Tier: cadence.Close, Tags: []string{"a"},
		ImportantDates: []domain.ImportantDate{{Label: "wedding", Date: cadence.MonthDay{Month: 6, Day: 1}}}})
	if err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	got, err := s.UpdatePerson(ctx, ana.ID, func(p *domain.Person) error {
		p.Tier, p.Tags = cadence.Close, []string{"a"}
		p.ImportantDates = []domain.ImportantDate{{Label: "wedding", Date: cadence.MonthDay{Month: 6, Day: 1}}}
		return nil
	})
	if err != nil || !got.UpdatedAt.Equal(ana.UpdatedAt) {
		t.Fatalf("UpdatePerson with no change = %+v, %v; want Ana as stored", got, err)
	}
	if dump(t, s) != before {
		t.Error("an edit that changes nothing wrote")
	}
	if changes, err := s.Changes(ctx, 0); err != nil || len(changes) != 1 {
		t.Errorf("Changes = %d, %v; want only the add", len(changes), err)
	}
}

// TestJournalKeepsTheLatest forgets changes older than KeepChanges.
func TestJournalKeepsTheLatest(t *testing.T) {
	ctx := t.Context()
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	for i := range KeepChanges + 5 {
		if _, err := s.AddPerson(ctx, domain.Person{Name: fmt.Sprint("P", i)}); err != nil {
			t.Fatal(err)
		}
	}
	changes, err := s.Changes(ctx, 0)
	if err != nil || len(changes) != KeepChanges || changes[0].Description != fmt.Sprint("added P", KeepChanges+4) {
		t.Fatalf("Changes = %d (newest %q), %v; want %d, the newest first", len(changes), changes[0].Description, err, KeepChanges)
	}
	var rows int
	if err := s.db.QueryRow(`SELECT count(*) FROM change_rows WHERE change_seq NOT IN (SELECT seq FROM changes)`).Scan(&rows); err != nil || rows != 0 {
		t.Errorf("%d journal rows of forgotten changes are left, %v; want none", rows, err)
	}
}

// TestUndoneChangesDoNotCount: changes made and undone leave gaps in the
// numbers, and undo still goes back through the latest KeepChanges left.
func TestUndoneChangesDoNotCount(t *testing.T) {
	ctx := t.Context()
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	var ana domain.Person
	for i := range 40 {
		p, err := s.AddPerson(ctx, domain.Person{Name: fmt.Sprint("P", i)})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			ana = p
		}
	}
	for range 30 {
		if _, err := s.AddInteraction(ctx, domain.Interaction{People: []string{ana.ID}, Via: cadence.Call, At: internalNow.Add(-time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Undo(ctx); err != nil {
			t.Fatal(err)
		}
	}
	changes, err := s.Changes(ctx, 0)
	if err != nil || len(changes) != 40 || changes[len(changes)-1].Description != "added P0" {
		t.Errorf("Changes = %d, %v; want the 40 adds, back to the first", len(changes), err)
	}
}

// TestRmIsFinal: rm is no change undo can revert, and the changes before
// it can no longer be undone either.
func TestRmIsFinal(t *testing.T) {
	ctx := t.Context()
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	ana, _ := s.AddPerson(ctx, domain.Person{Name: "Ana"})
	victor, _ := s.AddPerson(ctx, domain.Person{Name: "Victor"})
	if _, err := s.AddInteraction(ctx, domain.Interaction{People: []string{ana.ID, victor.ID}, Via: cadence.Call, At: internalNow}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePerson(ctx, victor.ID); err != nil {
		t.Fatal(err)
	}
	if changes, err := s.Changes(ctx, 0); err != nil || len(changes) != 0 {
		t.Errorf("after rm the journal holds %d changes, %v; want none", len(changes), err)
	}
	if _, err := s.Undo(ctx); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("Undo after rm = %v, want nothing to undo", err)
	}
	if _, err := s.Person(ctx, victor.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("Victor after rm: %v, want not found", err)
	}
}

// TestUndoKeepsRowsBelowEarlierMarks: a row a change deleted comes back
// with its rowid, so that undoing an earlier change, which deletes the
// rows added since, leaves it.
func TestUndoKeepsRowsBelowEarlierMarks(t *testing.T) {
	ctx := t.Context()
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	ana, _ := s.AddPerson(ctx, domain.Person{Name: "Ana"})
	first, err := s.AddMemory(ctx, domain.Memory{PersonID: ana.ID, Text: "first"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMemory(ctx, domain.Memory{PersonID: ana.ID, Text: "second"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteMemory(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"forgot for Ana: first", "remembered for Ana: second"} {
		if c, err := s.Undo(ctx); err != nil || c.Description != want {
			t.Fatalf("Undo = %q, %v; want %q", c.Description, err, want)
		}
	}
	ms, err := s.Memories(ctx, ana.ID)
	if err != nil || len(ms) != 1 || ms[0].Text != "first" {
		t.Errorf("memories after undoing the forget and the second = %+v, %v; want the first alone", ms, err)
	}
}

// TestBigImportIsOneChange undoes an import that took the bulk path (its
// indexes and history triggers dropped and made again) back to nothing.
func TestBigImportIsOneChange(t *testing.T) {
	ctx := t.Context()
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	ana, _ := s.AddPerson(ctx, domain.Person{Name: "Ana"})
	if _, err := s.AddInteraction(ctx, domain.Interaction{People: []string{ana.ID}, Via: cadence.Call, At: internalNow.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	_, err := s.Import(ctx, ImportOptions{Source: "big.json", BulkAfter: 10}, func(im *Import) error {
		for i := range 30 {
			id := fmt.Sprint("p", i)
			if err := im.PutPerson(domain.Person{ID: id, Name: fmt.Sprint("Person ", i)}); err != nil {
				return err
			}
			for k := range 3 {
				in := domain.Interaction{ID: fmt.Sprint(id, "-", k), People: []string{id, ana.ID}, Via: cadence.Call, At: internalNow.Add(-time.Duration(i*3+k) * time.Hour)}
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
	var journaled int
	if err := s.db.QueryRow(`SELECT count(*) FROM change_rows`).Scan(&journaled); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Undo(ctx); err != nil || !strings.HasPrefix(c.Description, "imported big.json: 30 new people, 90 new interactions") {
		t.Fatalf("Undo = %q, %v; want the import", c.Description, err)
	}
	if after := dump(t, s); after != before {
		t.Errorf("after undoing the import the data differs:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	// The new rows are found by rowid; only what hangs from Ana, who was
	// there before, is recorded.
	if journaled > 100 {
		t.Errorf("the import journaled %d rows, want only those under rows it did not add", journaled)
	}
}

// TestBulkImportJournalsAsTheTriggers runs one file through the plain path
// and the bulk path (which drops the journal's trigger on new rows of
// interaction_people): the file holds interactions tend had with other
// people, before and after the bulk path begins, one of them twice. They
// keep tend's people, so neither journal holds a row of them; the
// journals must hold the same rows, and undo must give back what was
// there.
func TestBulkImportJournalsAsTheTriggers(t *testing.T) {
	ctx := t.Context()
	load := func(bulk int) (*Store, string, string) {
		s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
		var people []domain.Person
		for i := range 6 {
			people = append(people, domain.Person{ID: fmt.Sprint("p", i), Name: fmt.Sprint("Person ", i)})
		}
		old := func(k int) domain.Interaction {
			return domain.Interaction{ID: fmt.Sprint("old-", k), People: []string{people[k%3].ID}, Via: cadence.Call,
				At: internalNow.Add(-time.Duration(1000+k) * time.Hour)}
		}
		if _, err := s.Import(ctx, ImportOptions{}, func(im *Import) error {
			for _, p := range people {
				if err := im.PutPerson(p); err != nil {
					return err
				}
			}
			for k := range 4 {
				if err := im.PutInteraction(old(k)); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		before := dump(t, s)
		changed := func(k int, who ...int) domain.Interaction {
			in := old(k)
			in.People = nil
			for _, w := range who {
				in.People = append(in.People, people[w].ID)
			}
			return in
		}
		_, err := s.Import(ctx, ImportOptions{Source: "big.json", BulkAfter: bulk}, func(im *Import) error {
			if err := im.PutInteraction(changed(0, 4, 5)); err != nil {
				return err
			}
			for i := range 600 { // batches of 256: the bulk path begins in the second
				in := domain.Interaction{ID: fmt.Sprintf("new-%04d", i), People: []string{people[i%6].ID}, Via: cadence.Text,
					At: internalNow.Add(-time.Duration(i) * time.Hour)}
				if err := im.PutInteraction(in); err != nil {
					return err
				}
			}
			for _, in := range []domain.Interaction{changed(1, 3), changed(2, 2, 4), changed(1, 0, 1), old(3)} {
				if err := im.PutInteraction(in); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		var journal strings.Builder
		rows, err := s.db.Query(`SELECT tbl, key, ifnull(row_id, '-'), ifnull(before, '-') FROM change_rows ORDER BY tbl, key, before`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var f [4]string
			if err := rows.Scan(&f[0], &f[1], &f[2], &f[3]); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&journal, strings.Join(f[:], " | "))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return s, before, journal.String()
	}
	_, _, plain := load(1 << 30)
	if strings.Contains(plain, `"old-`) {
		t.Fatalf("the plain import's journal holds rows of interactions tend had, whose people it should keep:\n%s", plain)
	}
	s, before, bulk := load(10)
	if bulk != plain {
		t.Errorf("the bulk import's journal differs from the triggers':\nbulk:\n%s\ntriggers:\n%s", bulk, plain)
	}
	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, s); after != before {
		t.Errorf("after undoing the bulk import the data differs:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

// TestUndoNamesTheRecordsItTouched: an undo says which records it took
// away or put back, once each, for the hooks.
func TestUndoNamesTheRecordsItTouched(t *testing.T) {
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	ctx := t.Context()
	add := func(name string) domain.Person {
		p, err := s.AddPerson(ctx, domain.Person{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	ana, ben := add("Ana"), add("Ben")
	in, err := s.AddInteraction(ctx, domain.Interaction{People: []string{ana.ID, ben.ID}, Via: cadence.Call, At: internalNow.Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	undo := func() []domain.Record {
		t.Helper()
		c, err := s.Undo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return c.Records
	}
	want := []domain.Record{{Type: "interaction", ID: in.ID}, {Type: "person", ID: ana.ID}, {Type: "person", ID: ben.ID}}
	if got := undo(); !slices.Equal(got[:1], want[:1]) || len(got) != 3 || !slices.Contains(got, want[1]) || !slices.Contains(got, want[2]) {
		t.Errorf("undo of a log: %v; want the interaction and both people, once each", got)
	}
	if _, err := s.UpdatePerson(ctx, ana.ID, func(p *domain.Person) error { p.Notes = "tea"; return nil }); err != nil {
		t.Fatal(err)
	}
	if got := undo(); !slices.Equal(got, []domain.Record{{Type: "person", ID: ana.ID}}) {
		t.Errorf("undo of an edit: %v; want Ana", got)
	}
	if got := undo(); !slices.Equal(got, []domain.Record{{Type: "person", ID: ben.ID}}) {
		t.Errorf("undo of an add: %v; want Ben", got)
	}
}
