package main

import (
	"bytes"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/datagen"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// sameListJSON fails t unless writeListJSON writes of listed what
// printJSONList writes of their records.
func sameListJSON(t *testing.T, name string, listed []core.Listed) {
	t.Helper()
	var want, got bytes.Buffer
	if err := (&app{stdout: &want}).printJSONList(len(listed), func(i int) any { return listedJSON(listed[i]) }); err != nil {
		t.Fatalf("%s: printJSONList: %v", name, err)
	}
	if err := (&app{stdout: &got}).writeListJSON(listed); err != nil {
		t.Fatalf("%s: writeListJSON: %v", name, err)
	}
	if got.String() != want.String() {
		g, w := got.String(), want.String()
		at := 0
		for at < min(len(g), len(w)) && g[at] == w[at] {
			at++
		}
		from := max(at-200, 0)
		t.Errorf("%s: writeListJSON differs from printJSONList at byte %d:\n got …%s\nwant …%s", name, at, g[from:min(at+200, len(g))], w[from:min(at+200, len(w))])
	}
}

// TestListJSONIsPrintJSON checks that list's own JSON writer writes what
// encoding/json, through printJSONList, writes of the same people: every
// field of the record set and unset, strings that need escaping (quotes,
// control characters, HTML's characters, line separators, bad UTF-8,
// non-ASCII) in every field that holds text, and floats of every size.
func TestListJSONIsPrintJSON(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	tricky := []string{`say "hi"`, `back\slash`, "tab\there", "line\nbreak", "\r\b\f\x00\x1f\x7f", "<b>&amp;</b>",
		"\u2028\u2029", "bad \xff\xfe utf-8", "Zoë Åström 李雷 🎂", ""}
	var listed []core.Listed
	for i, s := range tricky {
		listed = append(listed, core.Listed{
			Person: domain.Person{
				ID: "01J" + s, Name: s, Tier: cadence.Close, Every: i, Birthday: cadence.MonthDay{Year: 1990 * (i % 2), Month: time.Month(1 + i), Day: 1 + i},
				Phones: []string{s, "+1 555 " + s}, Emails: []string{s + "@example.com"}, Tags: []string{s}, Aliases: []string{s, "also " + s},
				Notes: s, ImportantDates: []domain.ImportantDate{{Label: s, Date: cadence.MonthDay{Month: 3, Day: 4}}, {Label: "wedding", Date: cadence.MonthDay{Year: 2001, Month: 6, Day: 30}}},
				CreatedAt: at.AddDate(-i, 0, 0), UpdatedAt: at.In(berlin), ArchivedAt: at.AddDate(0, 0, -i), SnoozedUntil: at.AddDate(0, 0, i),
				Org: s, JobTitle: s, PhoneTypes: map[string]string{s: "mobile," + s}, EmailTypes: map[string]string{s + "@example.com": s},
				NameParts: domain.NameParts{Family: s, Given: "given " + s, Additional: s, Prefix: s, Suffix: s}, UID: s,
			},
			DaysSinceReal: i * 13, DueRatio: float64(i) / 7, Due: i%2 == 0,
		})
	}
	for _, f := range []float64{0, math.Copysign(0, -1), 1e-7, 1e-6, 0.5, 1, 123456.78, 1e20, 1e21, 1e22, -3.25, 5e-324, math.MaxFloat64} {
		listed = append(listed, core.Listed{Person: domain.Person{ID: "F", Name: "F", Tier: cadence.Outer, CreatedAt: at}, DueRatio: f, DaysSinceReal: -1})
	}
	// Nothing set at all, nil lists and maps, and types for values that
	// are not there or are empty.
	listed = append(listed, core.Listed{}, core.Listed{Person: domain.Person{ID: "T", Phones: []string{"1", "2", "3"}, Emails: []string{},
		PhoneTypes: map[string]string{"2": "work", "9": "home", "3": ""}, EmailTypes: map[string]string{"x": "y"}, NameParts: domain.NameParts{Suffix: "Jr."}}})
	sameListJSON(t, "odd people", listed)
	sameListJSON(t, "one", listed[:1])
	sameListJSON(t, "no one", []core.Listed{})
	sameListJSON(t, "nil", nil)

	// What encoding/json refuses, the writer refuses too.
	bad := []core.Listed{{Person: domain.Person{ID: "NaN"}, DueRatio: math.NaN()}}
	if err := (&app{stdout: new(bytes.Buffer)}).writeListJSON(bad); err == nil {
		t.Errorf("writeListJSON of NaN: no error; encoding/json gives one")
	}
}

// TestListJSONOfGeneratedCircles checks the writer on what tend stores
// and lists: generated circles, active and archived, every filter.
func TestListJSONOfGeneratedCircles(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	for _, seed := range []int64{1, 2, 3} {
		path := filepath.Join(t.TempDir(), "tend.db")
		if err := datagen.WriteDB(t.Context(), path, datagen.Circle(seed, 300, 6000, now)); err != nil {
			t.Fatal(err)
		}
		s, err := store.Open(path, store.Options{Now: func() time.Time { return now }, Mode: store.ReadOnly})
		if err != nil {
			t.Fatal(err)
		}
		c := core.New(s, cadence.DefaultRules())
		for _, in := range []core.ListInput{{}, {Due: true}, {Archived: true}, {Tier: cadence.Inner}} {
			in.Now = now
			listed, err := c.List(t.Context(), in)
			if err != nil {
				t.Fatal(err)
			}
			if in == (core.ListInput{Now: now}) && len(listed) < 200 {
				t.Fatalf("seed %d: %d people listed; the test needs more", seed, len(listed))
			}
			sameListJSON(t, "seed "+string(rune('0'+seed)), listed)
		}
		s.Close()
	}
}
