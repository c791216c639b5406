package exchange_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/store"
)

var exportedAt = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

// testClock is a clock a test moves by hand.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

func openStore(t *testing.T, clock *testClock) *store.Store {
	t.Helper()
	if clock == nil {
		clock = &testClock{t: exportedAt}
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "tend.db"), store.Options{Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// exportJSON writes a store's interchange document as tend export json does.
func exportJSON(t *testing.T, s *store.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	jw := exchange.NewJSONWriter(&buf, exportedAt)
	people, err := s.AllPeople(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if err := jw.Person(exchange.Person(p)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.EachInteraction(t.Context(), func(in domain.Interaction) error { return jw.Interaction(exchange.Interaction(in)) }); err != nil {
		t.Fatal(err)
	}
	if err := s.EachMemory(t.Context(), func(m domain.Memory) error { return jw.Memory(exchange.Memory(m)) }); err != nil {
		t.Fatal(err)
	}
	if err := jw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func importJSON(t *testing.T, s *store.Store, doc []byte) (store.ImportResult, error) {
	t.Helper()
	return s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
		return exchange.ReadJSON(bytes.NewReader(doc), im)
	})
}

func mustImportJSON(t *testing.T, s *store.Store, doc []byte) store.ImportResult {
	t.Helper()
	res, err := importJSON(t, s, doc)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return res
}

func decodeDoc(t *testing.T, b []byte) exchange.Document {
	t.Helper()
	var d exchange.Document
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("the export is not valid JSON: %v\n%s", err, b)
	}
	return d
}

// richStore holds one of everything: archived and snoozed people, rhythms,
// birthdays with and without a year, important dates, lists, notes with
// awkward text, a shared interaction, an inbound one with minutes, open and
// done memories.
func richStore(t *testing.T) *store.Store {
	t.Helper()
	clock := &testClock{t: time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)}
	s := openStore(t, clock)
	ctx := t.Context()
	add := func(p domain.Person) domain.Person {
		got, err := s.AddPerson(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	ana := add(domain.Person{Name: "Ana Lima", Tier: cadence.Close, Birthday: cadence.MonthDay{Month: 4, Day: 15},
		Phones: []string{"+44 7700 900123", "+351 912"}, Emails: []string{"ana@example.org"}, Tags: []string{"family", "porto"},
		Notes:          "likes \"green\" tea; back\\slash\nsecond line, 🌻",
		ImportantDates: []domain.ImportantDate{{Label: "anniversary", Date: cadence.MonthDay{Year: 2015, Month: 6, Day: 1}}, {Label: "name day", Date: cadence.MonthDay{Month: 7, Day: 26}}}})
	clock.Set(clock.Now().Add(time.Hour))
	ben := add(domain.Person{Name: "Ben Okafor", Tier: cadence.Inner, Every: 10, Birthday: cadence.MonthDay{Year: 1992, Month: 2, Day: 29},
		Phones: []string{"+1-418-656-9254;ext=102", "+44 20 7946 0958"}, Emails: []string{"ben@work.example"},
		PhoneTypes: map[string]string{"+1-418-656-9254;ext=102": "work", "+44 20 7946 0958": "home,fax"},
		EmailTypes: map[string]string{"ben@work.example": "work"},
		Org:        "Okafor & Sons; Repairs", JobTitle: "engineer",
		NameParts: domain.NameParts{Family: "Okafor", Given: "Ben", Prefix: "Dr."}, UID: "urn:uuid:ben"})
	chloe := add(domain.Person{Name: "Chloé Martin"})
	dev := add(domain.Person{Name: "Dev Patel", Tier: cadence.Outer})
	clock.Set(clock.Now().Add(24 * time.Hour))
	if _, err := s.UpdatePerson(ctx, dev.ID, func(p *domain.Person) error { p.ArchivedAt = clock.Now(); return nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdatePerson(ctx, chloe.ID, func(p *domain.Person) error { p.SnoozedUntil = clock.Now().AddDate(0, 0, 5); return nil }); err != nil {
		t.Fatal(err)
	}
	log := func(in domain.Interaction) {
		if _, err := s.AddInteraction(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	log(domain.Interaction{People: []string{ana.ID, ben.ID, chloe.ID}, Via: cadence.InPerson, At: time.Date(2026, 9, 5, 19, 30, 0, 0, time.UTC), Minutes: 120, Note: "dinner at Rosa's"})
	log(domain.Interaction{People: []string{ben.ID}, Via: cadence.Text, Direction: cadence.In, At: time.Date(2026, 9, 6, 8, 1, 2, 0, time.UTC)})
	log(domain.Interaction{People: []string{dev.ID}, Via: cadence.Call, At: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Note: "new year"})
	m1, err := s.AddMemory(ctx, domain.Memory{PersonID: ana.ID, Text: "exam on Friday", Due: time.Date(2026, 9, 11, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMemory(ctx, domain.Memory{PersonID: ben.ID, Text: "new job"}); err != nil {
		t.Fatal(err)
	}
	clock.Set(clock.Now().Add(72 * time.Hour))
	if _, err := s.MarkMemoryDone(ctx, m1.ID); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestJSONRoundTripGivesBackEverything(t *testing.T) {
	t.Parallel()
	src := richStore(t)
	doc := exportJSON(t, src)
	dst := openStore(t, nil)
	res := mustImportJSON(t, dst, doc)
	if res.People.New != 4 || res.Interactions.New != 3 || res.Memories.New != 2 {
		t.Errorf("counts %+v, want 4 people, 3 interactions, 2 memories new", res)
	}

	// Field by field, through the store's own types.
	want, _ := src.AllPeople(t.Context())
	got, _ := dst.AllPeople(t.Context())
	if len(got) != len(want) {
		t.Fatalf("%d people, want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("person %q differs:\n got %+v\nwant %+v", want[i].Name, got[i], want[i])
		}
		wm, _ := src.Memories(t.Context(), want[i].ID)
		gm, _ := dst.Memories(t.Context(), got[i].ID)
		if len(wm) != len(gm) {
			t.Errorf("%s: %d memories, want %d", want[i].Name, len(gm), len(wm))
			continue
		}
		for j := range wm {
			w, g := wm[j], gm[j]
			if g.ID != w.ID || g.PersonID != w.PersonID || g.Text != w.Text || !g.Due.Equal(w.Due) || !g.DoneAt.Equal(w.DoneAt) || !g.CreatedAt.Equal(w.CreatedAt) {
				t.Errorf("memory differs:\n got %+v\nwant %+v", g, w)
			}
		}
	}
	wi, _ := src.Interactions(t.Context(), store.InteractionFilter{})
	gi, _ := dst.Interactions(t.Context(), store.InteractionFilter{})
	if !reflect.DeepEqual(gi, wi) {
		t.Errorf("interactions differ:\n got %+v\nwant %+v", gi, wi)
	}
	// And as the interchange records: exporting again gives the same bytes.
	if again := exportJSON(t, dst); !bytes.Equal(again, doc) {
		t.Errorf("export → import → export changed the document:\nfirst  %s\nsecond %s", doc, again)
	}
	d := decodeDoc(t, doc)
	if d.Format != "tend" || d.Version != 1 || d.ExportedAt != "2026-11-24T09:30:00Z" {
		t.Errorf("header = %q %d %q", d.Format, d.Version, d.ExportedAt)
	}
}

func TestJSONImportTwiceAddsNothing(t *testing.T) {
	t.Parallel()
	doc := exportJSON(t, richStore(t))
	dst := openStore(t, nil)
	mustImportJSON(t, dst, doc)
	first := exportJSON(t, dst)
	res := mustImportJSON(t, dst, doc)
	if res.New() != 0 || res.Updated() != 0 || res.Matched() != 9 {
		t.Errorf("second import: %d new, %d matched, %d updated; want 0, 9, 0", res.New(), res.Matched(), res.Updated())
	}
	if second := exportJSON(t, dst); !bytes.Equal(first, second) {
		t.Errorf("a second import changed the store")
	}
}

// TestJSONWithAByteOrderMark: an export saved again by a Windows editor
// starts with a UTF-8 byte-order mark; it is read past.
func TestJSONWithAByteOrderMark(t *testing.T) {
	t.Parallel()
	doc := exportJSON(t, richStore(t))
	dst := openStore(t, nil)
	res := mustImportJSON(t, dst, append([]byte("\xef\xbb\xbf"), doc...))
	if res.New() != 9 {
		t.Errorf("import with a byte-order mark: %d new; want 9", res.New())
	}
	if got := exportJSON(t, dst); !bytes.Equal(got, doc) {
		t.Errorf("import with a byte-order mark gave back another store")
	}
}

// TestJSONMergesTwoMachines merges the exports of two machines into one
// another: each ends up with everyone once, including the Ana both added
// on their own.
func TestJSONMergesTwoMachines(t *testing.T) {
	t.Parallel()
	clockA := &testClock{t: time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)}
	clockB := &testClock{t: time.Date(2026, 10, 2, 9, 0, 0, 0, time.UTC)}
	a, b := openStore(t, clockA), openStore(t, clockB)
	ctx := t.Context()
	anaA, _ := a.AddPerson(ctx, domain.Person{Name: "Ana"})
	benA, _ := a.AddPerson(ctx, domain.Person{Name: "Ben"})
	anaB, _ := b.AddPerson(ctx, domain.Person{Name: "ana", Phones: []string{"+1 555"}})
	cyB, _ := b.AddPerson(ctx, domain.Person{Name: "Cy"})
	a.AddInteraction(ctx, domain.Interaction{People: []string{anaA.ID, benA.ID}, Via: cadence.Call, At: clockA.Now()})
	b.AddInteraction(ctx, domain.Interaction{People: []string{anaB.ID, cyB.ID}, Via: cadence.Video, At: clockB.Now()})

	// Both import once both machines have moved on: a record from a
	// clock ahead of the importer's would be in its future, and refused.
	clockA.Set(time.Date(2026, 10, 3, 9, 0, 0, 0, time.UTC))
	clockB.Set(time.Date(2026, 10, 3, 9, 0, 0, 0, time.UTC))
	docA, docB := exportJSON(t, a), exportJSON(t, b)
	for range 2 { // twice: the merge is idempotent
		mustImportJSON(t, a, docB)
		mustImportJSON(t, b, docA)
	}
	for name, s := range map[string]*store.Store{"A": a, "B": b} {
		people, _ := s.AllPeople(ctx)
		var names []string
		for _, p := range people {
			names = append(names, p.Name)
		}
		if len(names) != 3 {
			t.Errorf("machine %s has %v, want Ana (once), Ben and Cy", name, names)
		}
		ins, _ := s.Interactions(ctx, store.InteractionFilter{})
		if len(ins) != 2 {
			t.Errorf("machine %s has %d interactions, want 2", name, len(ins))
		}
	}
	// B's Ana was changed last (added a day later), so her phone wins on A.
	p, _ := a.Person(ctx, anaA.ID)
	if len(p.Phones) != 1 {
		t.Errorf("A's Ana after the merge: %+v, want B's newer record", p)
	}
}

func TestJSONOneBadRecordWritesNothing(t *testing.T) {
	t.Parallel()
	src := richStore(t)
	d := decodeDoc(t, exportJSON(t, src))
	d.People = append(d.People, exchange.PersonRecord{ID: "01BADBADBADBADBADBADBADBAD", Name: "Zoe", Tier: "boss"})
	bad, _ := json.Marshal(d)
	dst := openStore(t, nil)
	_, err := importJSON(t, dst, bad)
	var ie *exchange.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), `people[4]`) || !strings.Contains(err.Error(), `tier "boss" is not a tier`) {
		t.Fatalf("error = %v, want an InputError naming people[4] and the tier", err)
	}
	if people, _ := dst.AllPeople(t.Context()); len(people) != 0 {
		t.Errorf("the database holds %d people after a refused import, want 0", len(people))
	}
}

// TestJSONKeysInAnyOrder reads a document whose keys come in Go's map order
// (version last, interactions before people), as another program may
// write it.
func TestJSONKeysInAnyOrder(t *testing.T) {
	t.Parallel()
	doc := map[string]any{
		"version": 1, "format": "tend", "exported_at": "2026-11-24T09:30:00Z",
		"interactions": []map[string]any{{"id": "01JN0000000000000000000001", "people": []string{"01JP0000000000000000000001"}, "via": "phone", "at": "2026-11-01T10:00:00Z"}},
		"memories":     []map[string]any{{"id": "01JM0000000000000000000001", "person": "01JP0000000000000000000001", "text": "call back"}},
		"people":       []map[string]any{{"id": "01JP0000000000000000000001", "name": "Ana", "tier": "close"}},
		"extra":        map[string]any{"ignored": []int{1, 2}},
	}
	b, _ := json.Marshal(doc)
	r := newRecorder()
	if err := exchange.ReadJSON(bytes.NewReader(b), r); err != nil {
		t.Fatalf("ReadJSON = %v", err)
	}
	if len(r.people) != 1 || len(r.interactions) != 1 || len(r.memories) != 1 || r.interactions[0].Via != cadence.Call {
		t.Errorf("read %d people, %+v, %d memories", len(r.people), r.interactions, len(r.memories))
	}
}

func TestJSONBadInput(t *testing.T) {
	t.Parallel()
	valid := `{"format":"tend","version":1,"exported_at":"2026-11-24T09:30:00Z",
"people":[{"id":"01JP0000000000000000000001","name":"Ana","tier":"close","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}],
"interactions":[{"id":"01JN0000000000000000000001","people":["01JP0000000000000000000001"],"via":"call","direction":"out","at":"2026-11-01T10:00:00Z","minutes":null,"note":""}],
"memories":[]}`
	tests := []struct {
		name, doc, want string
	}{
		{"empty", ``, "the file is empty"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"},
		{"array", `[{"id":"01JP0000000000000000000001"}]`, "not a tend export"},
		{"truncated", valid[:150], "ends too soon"},
		{"syntax", strings.Replace(valid, `"tier":"close",`, `"tier":"close",,`, 1), "(line 2): not valid JSON"},
		{"unknown version", strings.Replace(valid, `"version":1`, `"version":2`, 1), "unknown version 2"},
		{"unknown version after a record it cannot read", `{"format":"tend","people":[{"id":"01JP0000000000000000000001","name":"Ana","tier":"ruler"}],"version":7}`, "unknown version 7"},
		{"no version", strings.Replace(valid, `"version":1,`, ``, 1), `no "version"`},
		{"other format", strings.Replace(valid, `"format":"tend"`, `"format":"contacts"`, 1), `format is "contacts"`},
		{"no format", strings.Replace(valid, `"format":"tend",`, ``, 1), `no "format"`},
		{"bad tier", strings.Replace(valid, `"tier":"close"`, `"tier":"boss"`, 1), `people[0] (line 2): tier "boss" is not a tier`},
		{"wrong type", strings.Replace(valid, `"name":"Ana"`, `"name":42`, 1), "people[0] (line 2): name: want a string, not a JSON number"},
		{"no id", strings.Replace(valid, `"id":"01JP0000000000000000000001","name"`, `"name"`, 1), "people[0] (line 2): id is missing"},
		{"bad time", strings.Replace(valid, `"at":"2026-11-01T10:00:00Z"`, `"at":"yesterday"`, 1), `interactions[0] (line 3): at "yesterday" is not an RFC 3339 time`},
		{"bad channel", strings.Replace(valid, `"via":"call"`, `"via":"pigeon"`, 1), `via "pigeon" is not a channel`},
		{"stranger", strings.Replace(valid, `"people":["01JP0000000000000000000001"]`, `"people":["01JP0000000000000000000009"]`, 1), "interactions[0] (line 3): no person with id 01JP0000000000000000000009"},
		{"bad minutes", strings.Replace(valid, `"minutes":null`, `"minutes":-5`, 1), "minutes -5 must be between"},
		{"bad birthday", strings.Replace(valid, `"tier":"close"`, `"tier":"close","birthday":"02-30"`, 1), "February has no day 30"},
		{"people not an array", `{"format":"tend","version":1,"people":{"id":"01JP0000000000000000000001"}}`, "people (line 1): want an array, not an object"},
		{"trailing data", valid + ` {"more":1}`, "unexpected data after the end"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := exchange.ReadJSON(strings.NewReader(tc.doc), newRecorder())
			var ie *exchange.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error = %v (%T), want an *InputError", err, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %q, want it to mention %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q is more than one line", err)
			}
		})
	}
}

// TestJSONWriterShape pins the layout: a header, then one record a line.
func TestJSONWriterShape(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	jw := exchange.NewJSONWriter(&buf, exportedAt)
	jw.Memory(exchange.MemoryRecord{ID: "01JM0000000000000000000001", Person: "01JP0000000000000000000001", Text: "x"})
	if err := jw.Close(); err != nil {
		t.Fatal(err)
	}
	want := `{
  "format": "tend",
  "version": 1,
  "exported_at": "2026-11-24T09:30:00Z",
  "people": [],
  "interactions": [],
  "memories": [
    {"id":"01JM0000000000000000000001","person":"01JP0000000000000000000001","text":"x","due":null,"done_at":null}
  ]
}
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	if err := jw.Person(exchange.PersonRecord{}); err == nil {
		t.Error("a person after memories was accepted")
	}
}

// TestJSONRefusesWhatTheCommandsRefuse: a record the commands could never
// have made is refused with its place, and nothing is written.
func TestJSONRefusesWhatTheCommandsRefuse(t *testing.T) {
	t.Parallel()
	const (
		ana = "01JP0000000000000000000001"
		ben = "01JP0000000000000000000002"
		in1 = "01JN0000000000000000000001"
	)
	person := func(id, extra string) string {
		return `{"id":"` + id + `","name":"P` + id[len(id)-1:] + `","tier":"close","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"` + extra + `}`
	}
	doc := func(people, interactions, memories string) string {
		return "{\"format\":\"tend\",\"version\":1,\n\"people\":[\n" + people + "],\n\"interactions\":[\n" + interactions + "],\n\"memories\":[\n" + memories + "]}"
	}
	call := `{"id":"` + in1 + `","people":["` + ana + `"],"via":"call","at":"2026-11-01T10:00:00Z"}`
	tests := []struct{ name, doc, want string }{
		{"interaction in the future", doc(person(ana, ""), strings.Replace(call, "2026-11-01", "2026-12-01", 1), ""),
			"interactions[0] (line 5): at 2026-12-01T10:00:00Z is in the future"},
		{"created in year 1", doc(strings.Replace(person(ana, ""), `"created_at":"2026-01-01`, `"created_at":"0001-01-01`, 1), "", ""),
			"people[0] (line 3): created_at 0001-01-01T00:00:00Z is out of range"},
		{"updated in 2300", doc(strings.Replace(person(ana, ""), `"updated_at":"2026-01-01`, `"updated_at":"2300-01-01`, 1), "", ""),
			"people[0] (line 3): updated_at 2300-01-01T00:00:00Z is out of range"},
		{"created in the future", doc(strings.Replace(person(ana, ""), `"created_at":"2026-01-01`, `"created_at":"2027-01-01`, 1), "", ""),
			"created_at 2027-01-01T00:00:00Z is in the future"},
		{"invalid UTF-8 in a name", doc(person(ana, "")+",\n"+strings.Replace(person(ben, ""), `"name":"P2"`, "\"name\":\"P\xff2\"", 1), "", ""),
			"people[1] (line 4): not valid UTF-8"},
		{"invalid UTF-8 in a note", doc(person(ana, ""), strings.Replace(call, `"via"`, "\"note\":\"caf\xe9\",\"via\"", 1), ""),
			"interactions[0] (line 5): not valid UTF-8"},
		{"the same person twice", doc(person(ana, "")+",\n"+person(ana, ""), "", ""),
			"people[1] (line 4): id " + ana + " appears twice"},
		{"the same interaction twice", doc(person(ana, ""), call+",\n"+call, ""),
			"interactions[1] (line 6): id " + in1 + " appears twice"},
		{"a path for an id", doc(person("../../etc/passwd", ""), "", ""),
			`people[0] (line 3): id "../../etc/passwd" is not an id`},
		{"a birthday in the future", doc(person(ana, `,"birthday":"2030-01-01"`), "", ""),
			"people[0] (line 3): birthday 2030-01-01 is in the future"},
		{"a memory due at the end of time", doc(person(ana, ""), "", `{"id":"01JM0000000000000000000001","person":"`+ana+`","text":"x","due":"9999-12-31"}`),
			"memories[0] (line 7): due 9999-12-31 is out of range"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t, nil)
			before := exportJSON(t, s)
			_, err := importJSON(t, s, []byte(tc.doc))
			var ie *exchange.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want an *InputError mentioning %q", err, tc.want)
			}
			if after := exportJSON(t, s); !bytes.Equal(before, after) {
				t.Errorf("the refused import wrote something")
			}
		})
	}
	// A UUID is an id, and the same file imports whole.
	ok := doc(person("123e4567-e89b-12d3-a456-426614174000", ""), "", "")
	if _, err := importJSON(t, openStore(t, nil), []byte(ok)); err != nil {
		t.Errorf("a UUID id: %v", err)
	}
}
