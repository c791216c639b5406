package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// importAll runs one import that puts the given records, people first.
func importAll(t *testing.T, s *store.Store, dry bool, people []domain.Person, ins []domain.Interaction, mems []domain.Memory) store.ImportResult {
	t.Helper()
	return importWith(t, s, store.ImportOptions{DryRun: dry}, people, ins, mems)
}

func importWith(t *testing.T, s *store.Store, opts store.ImportOptions, people []domain.Person, ins []domain.Interaction, mems []domain.Memory) store.ImportResult {
	t.Helper()
	res, err := s.Import(t.Context(), opts, func(im *store.Import) error {
		for _, p := range people {
			if err := im.PutPerson(p); err != nil {
				return err
			}
		}
		for _, in := range ins {
			if err := im.PutInteraction(in); err != nil {
				return err
			}
		}
		for _, m := range mems {
			if err := im.PutMemory(m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Import = %v, want no error", err)
	}
	return res
}

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// everything is what a user can see of a store, for comparing two.
func everything(t *testing.T, s *store.Store) string {
	t.Helper()
	people, err := s.AllPeople(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, p := range people {
		fmt.Fprintf(&b, "%+v\n", p)
		ms, err := s.Memories(t.Context(), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			fmt.Fprintf(&b, "  %+v\n", m)
		}
	}
	for _, in := range mustInteractions(t, s, store.InteractionFilter{}) {
		fmt.Fprintf(&b, "%+v\n", in)
	}
	return b.String()
}

func TestImportMergesByIDAndIsIdempotent(t *testing.T) {
	s := openTest(t)
	ana := domain.Person{ID: "01AAAAAAAAAAAAAAAAAAAAAAAA", Name: "Ana Lima", Tier: cadence.Close,
		CreatedAt: ts("2026-01-01T10:00:00Z"), UpdatedAt: ts("2026-02-01T10:00:00Z")}
	ben := domain.Person{ID: "01BBBBBBBBBBBBBBBBBBBBBBBB", Name: "Ben", CreatedAt: ts("2026-01-01T10:00:00Z")}
	call := domain.Interaction{ID: "01CCCCCCCCCCCCCCCCCCCCCCCC", People: []string{ana.ID, ben.ID}, Via: cadence.Call, At: ts("2026-03-01T18:00:00Z"), Minutes: 30}
	exam := domain.Memory{ID: "01DDDDDDDDDDDDDDDDDDDDDDDD", PersonID: ana.ID, Text: "exam", Due: time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)}

	res := importAll(t, s, false, []domain.Person{ana, ben}, []domain.Interaction{call}, []domain.Memory{exam})
	if res.New() != 4 || res.Matched() != 0 {
		t.Errorf("first import: %d new, %d matched; want 4 new, 0 matched", res.New(), res.Matched())
	}
	before := everything(t, s)
	res = importAll(t, s, false, []domain.Person{ana, ben}, []domain.Interaction{call}, []domain.Memory{exam})
	if res.New() != 0 || res.Matched() != 4 || res.Updated() != 0 {
		t.Errorf("second import: %d new, %d matched, %d updated; want 0, 4, 0", res.New(), res.Matched(), res.Updated())
	}
	if after := everything(t, s); after != before {
		t.Errorf("importing the same records again changed the store:\nbefore %s\nafter  %s", before, after)
	}
	if got := mustPerson(t, s, ana.ID); got.UpdatedAt != ana.UpdatedAt || got.CreatedAt != ana.CreatedAt {
		t.Errorf("times = %v / %v, want the file's %v / %v", got.CreatedAt, got.UpdatedAt, ana.CreatedAt, ana.UpdatedAt)
	}

	// An older version of Ana changes nothing; a newer one wins whole.
	older := ana
	older.Tier, older.UpdatedAt = cadence.Outer, ts("2026-01-15T00:00:00Z")
	res = importAll(t, s, false, []domain.Person{older}, nil, nil)
	if res.People.Updated != 0 || mustPerson(t, s, ana.ID).Tier != cadence.Close {
		t.Errorf("an older record was applied: %+v", res.People)
	}
	newer := ana
	newer.Tier, newer.Notes, newer.UpdatedAt = cadence.Inner, "new notes", ts("2026-04-01T00:00:00Z")
	res = importAll(t, s, false, []domain.Person{newer}, nil, nil)
	got := mustPerson(t, s, ana.ID)
	if res.People.Updated != 1 || got.Tier != cadence.Inner || got.Notes != "new notes" || !got.UpdatedAt.Equal(newer.UpdatedAt) {
		t.Errorf("a newer record was not applied: %+v, person %+v", res.People, got)
	}
}

func TestImportMatchesSameNameUnderAnotherID(t *testing.T) {
	s := openTest(t)
	mine := mustAdd(t, s, "Ana Lima")
	theirs := domain.Person{ID: "01ZZZZZZZZZZZZZZZZZZZZZZZZ", Name: "ana lima", Phones: []string{"+1 555"},
		CreatedAt: ts("2026-01-01T00:00:00Z"), UpdatedAt: ts("2026-01-02T00:00:00Z")}
	talk := domain.Interaction{ID: "01YYYYYYYYYYYYYYYYYYYYYYYY", People: []string{theirs.ID}, Via: cadence.Video, At: ts("2026-05-01T12:00:00Z")}
	for range 2 {
		res := importAll(t, s, false, []domain.Person{theirs}, []domain.Interaction{talk}, nil)
		if res.People.New != 0 || res.People.Matched != 1 {
			t.Errorf("people %+v, want the other machine's Ana matched to ours", res.People)
		}
	}
	if n := len(mustPeople(t, s, store.PeopleFilter{})); n != 1 {
		t.Errorf("%d people, want 1", n)
	}
	ins := mustInteractions(t, s, store.InteractionFilter{Person: mine.ID})
	if len(ins) != 1 || ins[0].People[0] != mine.ID {
		t.Errorf("interactions with our Ana = %+v, want the imported call under our id", ins)
	}
	// Ours was updated at fixedNow, after theirs: ours wins.
	if p := mustPerson(t, s, mine.ID); len(p.Phones) != 0 {
		t.Errorf("phones = %v, want ours (newer) kept", p.Phones)
	}
}

func TestImportResolvesPeopleListedAfterTheirInteractions(t *testing.T) {
	s := openTest(t)
	mine := mustAdd(t, s, "Ana")
	theirs := domain.Person{ID: "01ZZZZZZZZZZZZZZZZZZZZZZZZ", Name: "Ana", CreatedAt: ts("2026-01-01T00:00:00Z")}
	bo := domain.Person{ID: "01XXXXXXXXXXXXXXXXXXXXXXXX", Name: "Bo", CreatedAt: ts("2026-01-01T00:00:00Z")}
	in := domain.Interaction{ID: "01YYYYYYYYYYYYYYYYYYYYYYYY", People: []string{theirs.ID, bo.ID}, Via: cadence.Call, At: ts("2026-05-01T12:00:00Z")}
	mem := domain.Memory{ID: "01WWWWWWWWWWWWWWWWWWWWWWWW", PersonID: theirs.ID, Text: "new job"}
	_, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
		return errors.Join(im.PutInteraction(in), im.PutMemory(mem), im.PutPerson(theirs), im.PutPerson(bo))
	})
	if err != nil {
		t.Fatalf("Import = %v", err)
	}
	got := mustInteractions(t, s, store.InteractionFilter{})
	if len(got) != 1 || !slices.Contains(got[0].People, mine.ID) || !slices.Contains(got[0].People, bo.ID) {
		t.Errorf("interactions = %+v, want one with our Ana and Bo", got)
	}
	if ms, _ := s.Memories(t.Context(), mine.ID); len(ms) != 1 {
		t.Errorf("our Ana has %d memories, want the imported one", len(ms))
	}

	_, err = s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
		return im.PutInteraction(domain.Interaction{ID: "01VVVVVVVVVVVVVVVVVVVVVVVV", People: []string{"NOBODY"}, Via: cadence.Call, At: ts("2026-05-01T12:00:00Z")})
	})
	if !errors.Is(err, domain.ErrInvalid) || !strings.Contains(err.Error(), "NOBODY") {
		t.Errorf("an interaction with a stranger: error %v, want one naming the id", err)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	s := openTest(t)
	mustAdd(t, s, "Zed")
	before := everything(t, s)
	_, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
		if _, err := im.MatchPerson(domain.Person{Name: "Ana"}); err != nil {
			return err
		}
		if _, err := im.MatchPerson(domain.Person{Name: "Zed", Tags: []string{"new"}}); err != nil {
			return err
		}
		return im.PutPerson(domain.Person{ID: "X1", Name: "Bad", Tier: "boss"})
	})
	if !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("error = %v, want ErrInvalid", err)
	}
	if after := everything(t, s); after != before {
		t.Errorf("a failed import wrote:\n%s", after)
	}
}

func TestImportDryRunCountsAndWritesNothing(t *testing.T) {
	s := openTest(t)
	before := everything(t, s)
	p := domain.Person{ID: "01AAAAAAAAAAAAAAAAAAAAAAAA", Name: "Ana"}
	res := importAll(t, s, true, []domain.Person{p}, nil, nil)
	if !res.DryRun || res.People.New != 1 {
		t.Errorf("dry run = %+v, want 1 new person", res)
	}
	if after := everything(t, s); after != before {
		t.Errorf("a dry run wrote:\n%s", after)
	}
}

func TestMatchPersonAddsWhatTheFileKnows(t *testing.T) {
	s := openTest(t)
	ana := mustAddPerson(t, s, domain.Person{Name: "Ana Lima", Tier: cadence.Close, Birthday: cadence.MonthDay{Year: 1990, Month: 4, Day: 15},
		Phones: []string{"+1 111"}, Tags: []string{"family"}, Notes: "likes tea"})
	card := domain.Person{Name: "ANA LIMA", Birthday: cadence.MonthDay{Month: 4, Day: 15}, Phones: []string{"+1 111", "+1 222"},
		Emails: []string{"ana@example.org"}, Tags: []string{"Family", "work"}, Notes: "met at school",
		ImportantDates: []domain.ImportantDate{{Label: "anniversary", Date: cadence.MonthDay{Year: 2015, Month: 6, Day: 1}}}}
	for i := range 2 {
		var id string
		res, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
			var err error
			id, err = im.MatchPerson(card)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if id != ana.ID || res.People.Matched != 1 || res.People.Updated != 1-i {
			t.Errorf("import %d: id %s, people %+v; want Ana matched, updated the first time only", i+1, id, res.People)
		}
	}
	got := mustPerson(t, s, ana.ID)
	want := ana
	want.Name = "Ana Lima"
	want.Phones = []string{"+1 111", "+1 222"}
	want.Emails = []string{"ana@example.org"}
	want.Tags = []string{"family", "work"}
	want.Notes = "likes tea\n\nmet at school"
	want.ImportantDates = card.ImportantDates
	want.UpdatedAt = got.UpdatedAt
	if d := diff(got, want); d != "" {
		t.Errorf("merged person differs: %s", d)
	}
	if got.Birthday.Year != 1990 {
		t.Errorf("birthday = %s, want the year kept", got.Birthday)
	}
}

// TestBulkImportKeepsHistory imports the same history with the bulk path
// (indexes and triggers dropped, then rebuilt) and without it, and wants
// everything the commands read, person_history included, to be the same.
func TestBulkImportKeepsHistory(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	var people []domain.Person
	for i := range 12 {
		people = append(people, domain.Person{ID: fmt.Sprintf("01P%023d", i), Name: fmt.Sprintf("Person %d", i), CreatedAt: ts("2025-01-01T00:00:00Z")})
	}
	var ins []domain.Interaction
	for i := range 400 {
		in := domain.Interaction{
			ID:        fmt.Sprintf("01I%023d", rng.IntN(1_000_000)*1000+i),
			Via:       cadence.Channels()[rng.IntN(len(cadence.Channels()))],
			Direction: []cadence.Direction{cadence.In, cadence.Out}[rng.IntN(2)],
			At:        ts("2025-01-01T00:00:00Z").Add(time.Duration(rng.IntN(600*24)) * time.Hour),
		}
		if in.Via == cadence.Call && rng.IntN(2) == 0 {
			in.Missed = true // a call that did not connect: kept apart in history
		}
		for range 1 + rng.IntN(3) {
			in.People = append(in.People, people[rng.IntN(len(people))].ID)
		}
		ins = append(ins, in)
	}
	load := func(bulk int) (*store.Store, string) {
		s := openTest(t)
		importWith(t, s, store.ImportOptions{BulkAfter: bulk}, people, ins, nil)
		sums, err := s.Summaries(context.Background(), store.PeopleFilter{})
		if err != nil {
			t.Fatal(err)
		}
		checkRankByOverdue(t, s, ts("2026-11-24T09:30:00Z"), 1, 3)
		return s, fmt.Sprintf("%+v", sums)
	}
	_, plain := load(1 << 30)
	s, bulk := load(10)
	if plain != bulk {
		t.Errorf("summaries after a bulk import differ from those after a plain one:\nplain %s\nbulk  %s", plain, bulk)
	}
	// A later interaction logged the ordinary way still reaches the summaries,
	// which it only does through the triggers.
	at := ts("2026-11-20T12:00:00Z")
	if _, err := s.AddInteraction(t.Context(), domain.Interaction{People: []string{people[0].ID}, Via: cadence.Call, At: at}); err != nil {
		t.Fatal(err)
	}
	sums, err := s.Summaries(t.Context(), store.PeopleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range sums {
		if sum.ID == people[0].ID && !sum.LastReal.At.Equal(at) {
			t.Errorf("after a bulk import, a new call is not the last real conversation: %+v", sum.LastReal)
		}
	}
}

func TestImportMemoryStaysDone(t *testing.T) {
	s := openTest(t)
	p := domain.Person{ID: "01AAAAAAAAAAAAAAAAAAAAAAAA", Name: "Ana"}
	done := domain.Memory{ID: "01DDDDDDDDDDDDDDDDDDDDDDDD", PersonID: p.ID, Text: "exam", DoneAt: ts("2026-03-07T10:00:00Z")}
	importAll(t, s, false, []domain.Person{p}, nil, []domain.Memory{done})
	open := done
	open.DoneAt = time.Time{}
	res := importAll(t, s, false, nil, nil, []domain.Memory{open})
	ms, _ := s.Memories(t.Context(), p.ID)
	if res.Memories.Updated != 0 || len(ms) != 1 || !ms[0].DoneAt.Equal(done.DoneAt) {
		t.Errorf("an open copy reopened a done memory: %+v, %+v", res.Memories, ms)
	}
	// A file that holds the text otherwise is most often an older export:
	// tend's text, which remember --edit may have corrected since, stays.
	other := done
	other.Text = "exam on Friday"
	res = importAll(t, s, false, nil, nil, []domain.Memory{other})
	ms, _ = s.Memories(t.Context(), p.ID)
	if res.Memories.Updated != 0 || ms[0].Text != "exam" || len(res.Notes) != 1 || !strings.Contains(res.Notes[0].Text, "tend's kept") {
		t.Errorf("a file's other text replaced tend's: %+v, %+v, notes %v", res.Memories, ms, res.Notes)
	}
	// Done in the file and open in tend: done in tend, the rest as it was.
	openAgain := domain.Memory{ID: "01EEEEEEEEEEEEEEEEEEEEEEEE", PersonID: p.ID, Text: "visa"}
	importAll(t, s, false, nil, nil, []domain.Memory{openAgain})
	doneElsewhere := openAgain
	doneElsewhere.Text, doneElsewhere.DoneAt = "visa, old words", ts("2026-03-08T10:00:00Z")
	res = importAll(t, s, false, nil, nil, []domain.Memory{doneElsewhere})
	ms, _ = s.Memories(t.Context(), p.ID)
	for _, m := range ms {
		if m.ID == openAgain.ID && (m.Text != "visa" || !m.DoneAt.Equal(doneElsewhere.DoneAt) || res.Memories.Updated != 1) {
			t.Errorf("a memory done in the file: %+v, %+v; want done, with tend's text", m, res.Memories)
		}
	}
}

// TestImportKeepsTheBirthdayTendHas: an address book that gives someone
// another birthday does not replace theirs in tend, and the summary says
// so; one with the year tend lacks completes it; one tend lacks is taken.
func TestImportKeepsTheBirthdayTendHas(t *testing.T) {
	md := func(s string) cadence.MonthDay {
		d, err := cadence.ParseMonthDay(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name, have, file, want string
		note                   bool
	}{
		{"another date", "1989-11-27", "1990-01-01", "1989-11-27", true},
		{"another year", "1989-11-27", "1990-11-27", "1989-11-27", true},
		{"the year tend lacks", "11-27", "1989-11-27", "1989-11-27", false},
		{"none in tend", "", "1989-11-27", "1989-11-27", false},
		{"none in the file", "1989-11-27", "", "1989-11-27", false},
		{"the same without its year", "1989-11-27", "11-27", "1989-11-27", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t)
			p := domain.Person{Name: "Ana Lima"}
			if tc.have != "" {
				p.Birthday = md(tc.have)
			}
			ana := mustAddPerson(t, s, p)
			file := domain.Person{Name: "Ana Lima"}
			if tc.file != "" {
				file.Birthday = md(tc.file)
			}
			res, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
				_, err := im.MatchPerson(file)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Person(t.Context(), ana.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Birthday.String() != tc.want {
				t.Errorf("birthday = %s, want %s", got.Birthday, tc.want)
			}
			if noted := len(res.Notes) == 1 && strings.Contains(res.Notes[0].Text, "tend's kept"); noted != tc.note {
				t.Errorf("notes %+v; want a note of the birthday kept: %v", res.Notes, tc.note)
			}
		})
	}
}
