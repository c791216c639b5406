package store_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

func TestAddPersonSetsIDAndTimes(t *testing.T) {
	s := openTest(t)
	p := mustAddPerson(t, s, domain.Person{Name: "Ana Lima"})

	id, err := ulid.ParseStrict(p.ID)
	if err != nil {
		t.Fatalf("ID = %q, want a ULID: %v", p.ID, err)
	}
	if got, want := ulid.Time(id.Time()), fixedNow.Truncate(time.Millisecond); !got.Equal(want) {
		t.Errorf("ID time = %s, want the clock's %s", got, want)
	}
	want := fixedNow.Truncate(time.Second)
	if !p.CreatedAt.Equal(want) || !p.UpdatedAt.Equal(want) {
		t.Errorf("CreatedAt, UpdatedAt = %s, %s; want both %s (the clock, to the second)", p.CreatedAt, p.UpdatedAt, want)
	}
	if p.Tier != cadence.DefaultTier {
		t.Errorf("Tier = %q, want the default %q", p.Tier, cadence.DefaultTier)
	}
	if p.Archived() {
		t.Errorf("new person is archived (ArchivedAt %s), want active", p.ArchivedAt)
	}

	// What AddPerson returns is what is stored.
	if d := diff(mustPerson(t, s, p.ID), p); d != "" {
		t.Errorf("Person(id) differs from what AddPerson returned: %s", d)
	}

	// Ids are never the same, even on a clock that stands still.
	q := mustAdd(t, s, "Bruno")
	if q.ID == p.ID {
		t.Errorf("two people got the same id %s", p.ID)
	}
}

func TestAddPersonKeepsAGivenID(t *testing.T) {
	s := openTest(t)
	p := mustAddPerson(t, s, domain.Person{ID: "01J00000000000000000000000", Name: "Ana"})
	if p.ID != "01J00000000000000000000000" {
		t.Errorf("ID = %q, want the one given", p.ID)
	}
	if _, err := s.AddPerson(t.Context(), domain.Person{ID: p.ID, Name: "Bruno"}); err == nil {
		t.Errorf("AddPerson with an id already in use = nil error, want one")
	}
}

func TestValidateTidies(t *testing.T) {
	p := domain.Person{
		Name:   "  Ana Lima \n",
		Phones: []string{" +55 11 5555 ", "", "+55 11 5555", "  "},
		Emails: []string{"Ana@Example.com", "ana@example.com"},
		Tags:   []string{"Work", " work", "family"},
		ImportantDates: []domain.ImportantDate{
			{Label: "  anniversary ", Date: cadence.MonthDay{Month: 6, Day: 1}},
		},
	}
	if err := p.Validate(); err != nil {
		t.Fatalf("Validate() = %v, want no error", err)
	}
	checks := []struct {
		field     string
		got, want any
	}{
		{"Name", p.Name, "Ana Lima"},
		{"Tier", p.Tier, cadence.DefaultTier},
		{"Phones", p.Phones, []string{"+55 11 5555"}},
		{"Emails", p.Emails, []string{"Ana@Example.com"}},
		{"Tags", p.Tags, []string{"Work", "family"}},
		{"date label", p.ImportantDates[0].Label, "anniversary"},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("after Validate, %s = %#v, want %#v", c.field, c.got, c.want)
		}
	}
}

func TestAddPersonRefusesInvalid(t *testing.T) {
	cases := []struct {
		name string
		p    domain.Person
	}{
		{"empty name", domain.Person{Name: ""}},
		{"spaces for a name", domain.Person{Name: "   "}},
		{"tab and newline for a name", domain.Person{Name: "\t\n"}},
		{"unknown tier", domain.Person{Name: "Ana", Tier: "best"}},
		{"negative every", domain.Person{Name: "Ana", Every: -1}},
		{"every above the maximum", domain.Person{Name: "Ana", Every: domain.MaxEvery + 1}},
		{"NUL in the name", domain.Person{Name: "An\x00a"}},
		{"NUL in the notes", domain.Person{Name: "Ana", Notes: "a\x00b"}},
		{"NUL in a phone", domain.Person{Name: "Ana", Phones: []string{"55\x00"}}},
		{"NUL in a tag", domain.Person{Name: "Ana", Tags: []string{"\x00"}}},
		{"invalid UTF-8 name", domain.Person{Name: "Ana \xff"}},
		{"invalid UTF-8 notes", domain.Person{Name: "Ana", Notes: "caf\xc3"}},
		{"invalid UTF-8 email", domain.Person{Name: "Ana", Emails: []string{"\xfe@x"}}},
		{"date without a label", domain.Person{Name: "Ana", ImportantDates: []domain.ImportantDate{{Label: " ", Date: cadence.MonthDay{Month: 1, Day: 2}}}}},
		{"date without a date", domain.Person{Name: "Ana", ImportantDates: []domain.ImportantDate{{Label: "x"}}}},
		{"NUL in a date label", domain.Person{Name: "Ana", ImportantDates: []domain.ImportantDate{{Label: "a\x00", Date: cadence.MonthDay{Month: 1, Day: 2}}}}},
		{"birthday that does not exist", domain.Person{Name: "Ana", Birthday: cadence.MonthDay{Month: 2, Day: 30}}},
		{"birthday in month 13", domain.Person{Name: "Ana", Birthday: cadence.MonthDay{Year: 1990, Month: 13, Day: 1}}},
		{"important date that does not exist", domain.Person{Name: "Ana", ImportantDates: []domain.ImportantDate{{Label: "x", Date: cadence.MonthDay{Month: 4, Day: 31}}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t)
			_, err := s.AddPerson(t.Context(), tc.p)
			wantErr(t, "AddPerson", err, domain.ErrInvalid)
			if ps := mustPeople(t, s, store.PeopleFilter{}); len(ps) != 0 {
				t.Errorf("after a refused AddPerson, people = %v, want none", names(ps))
			}
		})
	}
}

func TestAddPersonAcceptsEdges(t *testing.T) {
	cases := []struct {
		name string
		p    domain.Person
	}{
		{"every 1", domain.Person{Name: "Ana", Every: 1}},
		{"every at the maximum", domain.Person{Name: "Ana", Every: domain.MaxEvery}},
		{"tier in capitals", domain.Person{Name: "Ana", Tier: "Close"}},
		{"tier with spaces", domain.Person{Name: "Ana", Tier: " inner "}},
		{"leap-day birthday without a year", domain.Person{Name: "Ana", Birthday: cadence.MonthDay{Month: 2, Day: 29}}},
		{"birthday with a year", domain.Person{Name: "Ana", Birthday: cadence.MonthDay{Year: 1990, Month: 4, Day: 15}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t)
			p, err := s.AddPerson(t.Context(), tc.p)
			if err != nil {
				t.Fatalf("AddPerson(%+v) = %v, want no error", tc.p, err)
			}
			got := mustPerson(t, s, p.ID)
			if d := diff(got, p); d != "" {
				t.Errorf("stored person differs from what AddPerson returned: %s", d)
			}
			if _, err := cadence.ParseTier(string(got.Tier)); err != nil || string(got.Tier) != strings.ToLower(string(got.Tier)) {
				t.Errorf("stored tier %q, want a canonical tier name", got.Tier)
			}
		})
	}
}

func TestNameTaken(t *testing.T) {
	cases := []struct{ existing, second string }{
		{"Ana Lima", "Ana Lima"},
		{"Ana Lima", "ana lima"},
		{"Ana Lima", "ANA LIMA"},
		{"Ana Lima", "  Ana Lima  "},
		{"Élodie", "élodie"},
		{"élodie", "ÉLODIE"},
		{"Σωκράτης", "σωκράτης"},
	}
	for _, tc := range cases {
		t.Run(tc.existing+" vs "+tc.second, func(t *testing.T) {
			s := openTest(t)
			mustAdd(t, s, tc.existing)
			_, err := s.AddPerson(t.Context(), domain.Person{Name: tc.second})
			wantErr(t, "AddPerson of a taken name", err, domain.ErrNameTaken)
			if err != nil && !strings.Contains(err.Error(), tc.existing) {
				t.Errorf("error %q does not name who is in the way (%q)", err, tc.existing)
			}
			if ps := mustPeople(t, s, store.PeopleFilter{}); len(ps) != 1 {
				t.Errorf("people after a refused duplicate = %v, want only %q", names(ps), tc.existing)
			}
		})
	}
}

func TestArchivedNameCanBeReused(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	old := mustArchive(t, s, mustAdd(t, s, "Ana Lima"))
	fresh := mustAdd(t, s, "ana lima")
	if fresh.ID == old.ID {
		t.Fatalf("new Ana has the archived one's id %s", old.ID)
	}
	if got := names(mustPeople(t, s, store.PeopleFilter{Archived: true})); !slices.Equal(got, []string{"Ana Lima"}) {
		t.Errorf("archived people = %v, want [Ana Lima]", got)
	}

	// A second archived person of the same name is fine too.
	if _, err := s.AddPerson(ctx, domain.Person{Name: "Ana Lima", ArchivedAt: fixedNow}); err != nil {
		t.Errorf("AddPerson(archived, same name) = %v, want no error", err)
	}

	// Restoring the old one while the new one is active would make two.
	_, err := s.UpdatePerson(ctx, old.ID, func(p *domain.Person) error {
		p.ArchivedAt = time.Time{}
		return nil
	})
	wantErr(t, "restoring onto an active name", err, domain.ErrNameTaken)
	if got := mustPerson(t, s, old.ID); !got.Archived() {
		t.Errorf("refused restore left the person active, want still archived")
	}
}

func TestTextRoundTrips(t *testing.T) {
	texts := map[string]string{
		"emoji":            "Zoë 🌻👩🏽‍🚀",
		"quotes":           `O'Brien "Bob" ` + "`x`",
		"newlines":         "first line\nsecond line\r\nthird",
		"hebrew":           "שָׁלוֹם עֲלֵיכֶם",
		"arabic":           "مرحبا بالعالم",
		"rtl override":     "abc\u202edef",
		"sql injection":    `'); DROP TABLE people;--`,
		"percent and like": `100% _under_ \back\slash`,
		"json-looking":     `["not", "a", "list"]`,
		"zero-width":       "A\u200bB\ufeff",
	}
	for what, text := range texts {
		t.Run(what, func(t *testing.T) {
			s := openTest(t)
			tag := strings.NewReplacer("\r\n", " ", "\n", " ").Replace(text) // a lone CR is refused
			p := mustAddPerson(t, s, domain.Person{Name: "x" + text + "x", Notes: text, Tags: []string{tag}, Phones: []string{text}})
			got := mustPerson(t, s, p.ID)
			// A name is kept tidied (domain.TidyName): one line, without
			// the invisible characters that tell look-alikes apart.
			if want := domain.TidyName("x" + text + "x"); got.Name != want {
				t.Errorf("name = %q, want %q", got.Name, want)
			}
			if got.Notes != text {
				t.Errorf("notes = %q, want %q", got.Notes, text)
			}
			if !slices.Equal(got.Tags, []string{tag}) || !slices.Equal(got.Phones, []string{strings.TrimSpace(text)}) {
				t.Errorf("tags, phones = %q, %q; want [%q], [%q]", got.Tags, got.Phones, tag, strings.TrimSpace(text))
			}
			// The table is still there and holds one person.
			if ps := mustPeople(t, s, store.PeopleFilter{}); len(ps) != 1 {
				t.Errorf("people = %d, want 1", len(ps))
			}
			if ps := mustPeople(t, s, store.PeopleFilter{Tag: tag}); len(ps) != 1 {
				t.Errorf("People(tag %q) = %d people, want 1", tag, len(ps))
			}
		})
	}
}

func TestLongNoteRoundTrips(t *testing.T) {
	s := openTest(t)
	note := strings.Repeat("Ela disse: «vou mudar de emprego» 🌱\n", 100*1024/40)
	if len(note) < 100*1000 {
		t.Fatalf("test note is %d bytes, want about 100 KB", len(note))
	}
	p := mustAddPerson(t, s, domain.Person{Name: "Ana", Notes: note})
	if got := mustPerson(t, s, p.ID).Notes; got != note {
		t.Errorf("a %d-byte note came back as %d bytes, want it verbatim", len(note), len(got))
	}
}

func TestUpdatePerson(t *testing.T) {
	s, clk := openTestClock(t)
	ctx := t.Context()
	ana := mustAddPerson(t, s, domain.Person{Name: "Ana Lima", Tier: cadence.Close, Tags: []string{"work"}})
	mustAdd(t, s, "Bruno")
	clk.Advance(90 * time.Minute)

	got, err := s.UpdatePerson(ctx, ana.ID, func(p *domain.Person) error {
		p.Name = " Ana Souza "
		p.Tier = cadence.Inner
		p.Every = 10
		p.Phones = []string{"+1 555"}
		p.Notes = "moved to Lisbon"
		p.SnoozedUntil = fixedNow.Truncate(time.Second).Add(72 * time.Hour)
		return nil
	})
	if err != nil {
		t.Fatalf("UpdatePerson = %v, want no error", err)
	}
	want := ana
	want.Name, want.Tier, want.Every, want.Phones, want.Notes = "Ana Souza", cadence.Inner, 10, []string{"+1 555"}, "moved to Lisbon"
	want.SnoozedUntil = fixedNow.Truncate(time.Second).Add(72 * time.Hour)
	want.UpdatedAt = fixedNow.Add(90 * time.Minute).Truncate(time.Second)
	if d := diff(got, want); d != "" {
		t.Errorf("UpdatePerson returned: %s", d)
	}
	if d := diff(mustPerson(t, s, ana.ID), want); d != "" {
		t.Errorf("stored after update: %s", d)
	}

	t.Run("rename onto another active name", func(t *testing.T) {
		before := mustPerson(t, s, ana.ID)
		_, err := s.UpdatePerson(ctx, ana.ID, func(p *domain.Person) error { p.Name = "BRUNO"; return nil })
		wantErr(t, "rename onto Bruno", err, domain.ErrNameTaken)
		if d := diff(mustPerson(t, s, ana.ID), before); d != "" {
			t.Errorf("refused rename changed the person: %s", d)
		}
	})
	t.Run("change of case of one's own name", func(t *testing.T) {
		p, err := s.UpdatePerson(ctx, ana.ID, func(p *domain.Person) error { p.Name = "ana souza"; return nil })
		if err != nil || p.Name != "ana souza" {
			t.Errorf("UpdatePerson(own name, other case) = %q, %v; want %q, nil", p.Name, err, "ana souza")
		}
	})
	t.Run("invalid change", func(t *testing.T) {
		_, err := s.UpdatePerson(ctx, ana.ID, func(p *domain.Person) error { p.Tier = "best"; return nil })
		wantErr(t, "UpdatePerson(tier best)", err, domain.ErrInvalid)
	})
	t.Run("change func fails", func(t *testing.T) {
		boom := errors.New("boom")
		before := mustPerson(t, s, ana.ID)
		_, err := s.UpdatePerson(ctx, ana.ID, func(p *domain.Person) error { p.Name = "Changed"; return boom })
		wantErr(t, "UpdatePerson with a failing change", err, boom)
		if d := diff(mustPerson(t, s, ana.ID), before); d != "" {
			t.Errorf("failed change was written: %s", d)
		}
	})
	t.Run("id cannot be changed", func(t *testing.T) {
		p, err := s.UpdatePerson(ctx, ana.ID, func(p *domain.Person) error { p.ID = "OTHER"; return nil })
		if err != nil || p.ID != ana.ID {
			t.Errorf("UpdatePerson changing the id = %q, %v; want the id kept (%q)", p.ID, err, ana.ID)
		}
	})
	t.Run("missing person", func(t *testing.T) {
		called := false
		_, err := s.UpdatePerson(ctx, "NOPE", func(p *domain.Person) error { called = true; return nil })
		wantErr(t, "UpdatePerson(missing)", err, domain.ErrNotFound)
		if called {
			t.Errorf("change was called for a missing person")
		}
	})
}

func TestImportantDatesRoundTrip(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	dates := []domain.ImportantDate{
		{Label: "name day", Date: cadence.MonthDay{Month: 12, Day: 6}},
		{Label: "anniversary", Date: cadence.MonthDay{Year: 2015, Month: 6, Day: 1}},
		{Label: "anniversary", Date: cadence.MonthDay{Year: 2015, Month: 6, Day: 1}}, // a repeat is kept once
	}
	p := mustAddPerson(t, s, domain.Person{Name: "Ana", Birthday: cadence.MonthDay{Month: 4, Day: 15}, ImportantDates: dates})
	mustAddPerson(t, s, domain.Person{Name: "Bruno", ImportantDates: []domain.ImportantDate{{Label: "graduation", Date: cadence.MonthDay{Month: 1, Day: 9}}}})

	want := []domain.ImportantDate{dates[1], dates[0]} // by month and day
	if got := mustPerson(t, s, p.ID); !reflect.DeepEqual(got.ImportantDates, want) || got.Birthday != (cadence.MonthDay{Month: 4, Day: 15}) {
		t.Errorf("Person: dates %+v, birthday %+v; want %+v, --04-15", got.ImportantDates, got.Birthday, want)
	}
	// The listing loads dates for many people at once.
	for _, q := range mustPeople(t, s, store.PeopleFilter{}) {
		wantN := map[string]int{"Ana": 2, "Bruno": 1}[q.Name]
		if len(q.ImportantDates) != wantN {
			t.Errorf("People: %s has %d dates %+v, want %d", q.Name, len(q.ImportantDates), q.ImportantDates, wantN)
		}
	}

	// An update replaces the dates; clearing them leaves [] and no birthday.
	got, err := s.UpdatePerson(ctx, p.ID, func(p *domain.Person) error {
		p.ImportantDates = nil
		p.Birthday = cadence.MonthDay{}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	stored := mustPerson(t, s, p.ID)
	if stored.ImportantDates == nil || len(stored.ImportantDates) != 0 || !stored.Birthday.IsZero() {
		t.Errorf("after clearing: dates %#v, birthday %+v; want [] and none", stored.ImportantDates, stored.Birthday)
	}
	if d := diff(got, stored); d != "" {
		t.Errorf("UpdatePerson returned something other than what it stored: %s", d)
	}
}

func TestListsAreNeverNil(t *testing.T) {
	s := openTest(t)
	added := mustAdd(t, s, "Ana")
	check := func(where string, p domain.Person) {
		t.Helper()
		if p.Phones == nil || p.Emails == nil || p.Tags == nil || p.ImportantDates == nil {
			t.Errorf("%s: phones %#v, emails %#v, tags %#v, dates %#v; want empty, not nil",
				where, p.Phones, p.Emails, p.Tags, p.ImportantDates)
		}
	}
	check("AddPerson", added)
	check("Person", mustPerson(t, s, added.ID))
	check("People", mustPeople(t, s, store.PeopleFilter{})[0])
	if ps := mustPeople(t, s, store.PeopleFilter{Archived: true}); ps == nil {
		t.Errorf("People with no match = nil, want []")
	}

	full := mustAddPerson(t, s, domain.Person{Name: "Bruno", Phones: []string{"1", "2"}, Emails: []string{"b@x.org"}, Tags: []string{"a", "b"}})
	got := mustPerson(t, s, full.ID)
	if !slices.Equal(got.Phones, []string{"1", "2"}) || !slices.Equal(got.Emails, []string{"b@x.org"}) || !slices.Equal(got.Tags, []string{"a", "b"}) {
		t.Errorf("lists = %q %q %q, want [1 2] [b@x.org] [a b]", got.Phones, got.Emails, got.Tags)
	}
}

func TestPeopleFilters(t *testing.T) {
	s := openTest(t)
	mustAddPerson(t, s, domain.Person{Name: "Dora", Tier: cadence.Regular, Tags: []string{"Équipe"}})
	mustAddPerson(t, s, domain.Person{Name: "ana", Tier: cadence.Close, Tags: []string{"Work", "family"}})
	mustAddPerson(t, s, domain.Person{Name: "Bruno", Tier: cadence.Inner, Tags: []string{"work"}})
	mustArchive(t, s, mustAddPerson(t, s, domain.Person{Name: "Carla", Tier: cadence.Close, Tags: []string{"WORK"}}))

	cases := []struct {
		name   string
		filter store.PeopleFilter
		want   []string
	}{
		{"active, by name in any case", store.PeopleFilter{}, []string{"ana", "Bruno", "Dora"}},
		{"archived", store.PeopleFilter{Archived: true}, []string{"Carla"}},
		{"tier", store.PeopleFilter{Tier: cadence.Close}, []string{"ana"}},
		{"tag in another case", store.PeopleFilter{Tag: "WORK"}, []string{"ana", "Bruno"}},
		{"tag with spaces", store.PeopleFilter{Tag: " work "}, []string{"ana", "Bruno"}},
		{"non-ASCII tag in another case", store.PeopleFilter{Tag: "équipe"}, []string{"Dora"}},
		{"tag and tier", store.PeopleFilter{Tag: "work", Tier: cadence.Inner}, []string{"Bruno"}},
		{"archived with tag", store.PeopleFilter{Archived: true, Tag: "work"}, []string{"Carla"}},
		{"no such tag", store.PeopleFilter{Tag: "nope"}, []string{}},
		{"part of a tag is not the tag", store.PeopleFilter{Tag: "wor"}, []string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := mustPeople(t, s, tc.filter)
			if got == nil || !slices.Equal(names(got), tc.want) {
				t.Errorf("People(%+v) = %v, want %v", tc.filter, join(names(got)), join(tc.want))
			}
		})
	}
}

func TestDeletePerson(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	ana := mustAddPerson(t, s, domain.Person{Name: "Ana", ImportantDates: []domain.ImportantDate{{Label: "anniversary", Date: cadence.MonthDay{Month: 6, Day: 1}}}})
	bruno := mustAdd(t, s, "Bruno")
	if _, err := s.AddMemory(ctx, domain.Memory{PersonID: ana.ID, Text: "exam on Friday", Due: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMemory(ctx, domain.Memory{PersonID: bruno.ID, Text: "new job"}); err != nil {
		t.Fatal(err)
	}
	shared := mustLog(t, s, cadence.InPerson, fixedNow.Add(-48*time.Hour), ana, bruno)
	mustLog(t, s, cadence.Call, fixedNow.Add(-24*time.Hour), ana)

	if err := s.DeletePerson(ctx, ana.ID); err != nil {
		t.Fatalf("DeletePerson = %v, want no error", err)
	}
	_, err := s.Person(ctx, ana.ID)
	wantErr(t, "Person after delete", err, domain.ErrNotFound)

	all := mustInteractions(t, s, store.InteractionFilter{})
	if len(all) != 1 || all[0].ID != shared.ID {
		t.Fatalf("interactions after delete = %v, want only the shared one %s", ids(all), shared.ID)
	}
	if !slices.Equal(all[0].People, []string{bruno.ID}) || !slices.Equal(all[0].Names, []string{"Bruno"}) {
		t.Errorf("shared interaction now has %v %v, want only Bruno", all[0].People, all[0].Names)
	}
	if got := mustInteractions(t, s, store.InteractionFilter{Person: bruno.ID}); len(got) != 1 {
		t.Errorf("Bruno's interactions = %d, want 1 (he keeps the shared one)", len(got))
	}
	if ms, _ := s.Memories(ctx, bruno.ID); len(ms) != 1 {
		t.Errorf("Bruno's memories = %d, want 1 untouched", len(ms))
	}

	// Bring back a person with Ana's id: nothing of hers may come back with it.
	ghost := mustAddPerson(t, s, domain.Person{ID: ana.ID, Name: "Ghost"})
	if got := mustPerson(t, s, ghost.ID); len(got.ImportantDates) != 0 {
		t.Errorf("dates of a deleted person survived: %+v", got.ImportantDates)
	}
	if ms, _ := s.Memories(ctx, ana.ID); len(ms) != 0 {
		t.Errorf("memories of a deleted person survived: %+v", ms)
	}
	if got := mustInteractions(t, s, store.InteractionFilter{Person: ana.ID}); len(got) != 0 {
		t.Errorf("interactions of a deleted person survived: %v", ids(got))
	}

	t.Run("missing id", func(t *testing.T) {
		err := s.DeletePerson(ctx, "NOPE")
		wantErr(t, "DeletePerson(missing)", err, domain.ErrNotFound)
	})
	t.Run("twice", func(t *testing.T) {
		if err := s.DeletePerson(ctx, ghost.ID); err != nil {
			t.Fatal(err)
		}
		wantErr(t, "DeletePerson a second time", s.DeletePerson(ctx, ghost.ID), domain.ErrNotFound)
	})
}

func TestPersonInterval(t *testing.T) {
	for _, tc := range []struct {
		p    domain.Person
		want int
	}{
		{domain.Person{Tier: cadence.Close}, 30},
		{domain.Person{Tier: cadence.Outer}, 365},
		{domain.Person{Tier: cadence.Close, Every: 14}, 14},
	} {
		if got := tc.p.Interval(); got != tc.want {
			t.Errorf("%+v.Interval() = %d; want %d", tc.p, got, tc.want)
		}
	}
}

// Text a terminal would obey is refused where it comes in, in every free
// text field, with the field named; a name of invisible characters only
// is refused too.
func TestControlCharactersAreRefused(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ana := mustAddPerson(t, s, domain.Person{Name: "Ana"})
	for _, bad := range []string{"X\x1b]0;pwned\aY", "\x1b[2J", "\x1b]52;c;aGk=\x07", "over\rwrite", "del\x7f", "c1\u009b2J", "bell\a"} {
		people := map[string]domain.Person{
			"name":  {Name: "Zed" + bad},
			"notes": {Name: "Zed", Notes: bad},
			"tag":   {Name: "Zed", Tags: []string{bad}},
			"phone": {Name: "Zed", Phones: []string{bad}},
		}
		for field, p := range people {
			_, err := s.AddPerson(ctx, p)
			wantErr(t, field+" "+strconv.Quote(bad), err, domain.ErrInvalid)
			if err != nil && !strings.HasPrefix(err.Error(), field+" contains a control character") {
				t.Errorf("%s %q: error %q does not name the field", field, bad, err)
			}
		}
		_, err := s.AddInteraction(ctx, domain.Interaction{People: []string{ana.ID}, Via: cadence.Call, At: fixedNow, Note: bad})
		wantErr(t, "interaction note "+strconv.Quote(bad), err, domain.ErrInvalid)
		_, err = s.AddMemory(ctx, domain.Memory{PersonID: ana.ID, Text: bad})
		wantErr(t, "memory "+strconv.Quote(bad), err, domain.ErrInvalid)
	}
	for _, blank := range []string{"\u200b", "\u200b\u200c\u200d", "\u202e\u2066", "\ufeff ", "\u3164", "\u00ad"} {
		_, err := s.AddPerson(ctx, domain.Person{Name: blank})
		wantErr(t, "name "+strconv.Quote(blank), err, domain.ErrInvalid)
	}
	if _, err := s.AddPerson(ctx, domain.Person{Name: "Zoë\u200d", Notes: "tab\tand\nnewline\r\nand a Windows one"}); err != nil {
		t.Errorf("ordinary text refused: %v", err)
	}
}
