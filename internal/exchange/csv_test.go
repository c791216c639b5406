package exchange_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/store"
)

func TestCSVExportThenImport(t *testing.T) {
	t.Parallel()
	src := richStore(t)
	sums, err := src.Summaries(t.Context(), store.PeopleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := exchange.WriteCSV(&buf, sums, cadence.DefaultRules(), exportedAt); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		t.Fatalf("the export is not CSV: %v", err)
	}
	if !slices.Equal(rows[0], exchange.CSVColumns) || len(rows) != 1+len(sums) {
		t.Fatalf("header %q and %d rows", rows[0], len(rows))
	}
	// Ana: close, last talked at dinner on 5 September, 80 days before now.
	ana := rows[1]
	if ana[0] != "Ana Lima" || ana[1] != "close" || ana[3] != "'--04-15" || ana[4] != "'+44 7700 900123; +351 912" ||
		ana[8] != "anniversary=2015-06-01; name day=--07-26" ||
		ana[11] != "2026-09-05T19:30:00Z" || ana[12] != "in-person" || ana[13] != "80" || ana[14] != "2.67" || ana[15] != "true" {
		t.Errorf("Ana's row = %q", ana)
	}

	// The same file imports into an empty store, and again as all matched.
	dst := openStore(t, nil)
	for i := range 2 {
		res, err := dst.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
			return exchange.ReadCSV(bytes.NewReader(buf.Bytes()), im)
		})
		if err != nil {
			t.Fatalf("import %d: %v", i+1, err)
		}
		if i == 1 && (res.People.New != 0 || res.People.Matched != len(sums) || res.People.Updated != 0) {
			t.Errorf("second import %+v, want all matched and nothing updated", res.People)
		}
	}
	got, _ := dst.People(t.Context(), store.PeopleFilter{})
	for i, sum := range sums {
		w, g := sum.Person, got[i]
		if g.Name != w.Name || g.Tier != w.Tier || g.Every != w.Every || g.Birthday != w.Birthday || g.Notes != w.Notes ||
			!slices.Equal(g.Phones, w.Phones) || !slices.Equal(g.Emails, w.Emails) || !slices.Equal(g.Tags, w.Tags) ||
			!slices.Equal(g.ImportantDates, w.ImportantDates) || g.Org != w.Org || g.JobTitle != w.JobTitle {
			t.Errorf("read back\n %+v\nwant\n %+v", g, w)
		}
	}
}

func TestCSVImport(t *testing.T) {
	t.Parallel()
	data := "\uFEFFName;Tier;Every;Birthday;Phones;Email;Tags\n" +
		"Ana Lima;Close;2w;04-15;\"+44 1; +44 2\";ana@example.org;family, work\n" +
		";;;;;;\n" +
		"\"Ben; the builder\";;;1990-02-01;;;\n"
	r := newRecorder()
	if err := exchange.ReadCSV(strings.NewReader(data), r); err != nil {
		t.Fatal(err)
	}
	if len(r.people) != 2 {
		t.Fatalf("people = %+v", r.people)
	}
	ana := r.people[0]
	if ana.Tier != cadence.Close || ana.Every != 14 || ana.Birthday != (cadence.MonthDay{Month: 4, Day: 15}) ||
		!slices.Equal(ana.Phones, []string{"+44 1", "+44 2"}) || !slices.Equal(ana.Tags, []string{"family", "work"}) {
		t.Errorf("Ana = %+v", ana)
	}
	if r.people[1].Name != "Ben; the builder" || r.people[1].Tier != "" {
		t.Errorf("Ben = %+v", r.people[1])
	}
}

func TestCSVBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data, want string
	}{
		{"no column gives a name", "tier,every\nclose,2w\n", "line 1: no column gives a name"},
		{"twice", "name,tier,Name\nAna,close,Ana\n", `column "Name" appears twice`},
		{"ragged", "name,tier\nAna,close\nBen\n", "line 3: the row has 1 fields, the header 2"},
		{"ragged long", "name,tier\nAna,close,extra\n", "line 2: the row has 3 fields"},
		{"empty name", "name,tier\n,close\n", "line 2: nothing gives a name"},
		{"bad tier", "name,tier\nAna,boss\n", `line 2: tier "boss" is not a tier`},
		{"bad every", "name,every\nAna,often\n", `line 2: every: "often" is not a number of days`},
		{"bad quote", "name,tier\n\"Ana,close\n", "line 2"},
		{"empty file", "", "the file is empty"},
		{"binary", "PK\x03\x04\x00\x00\x08\x00", "binary file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := exchange.ReadCSV(strings.NewReader(tc.data), newRecorder())
			var ie *exchange.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want an InputError mentioning %q", err, tc.want)
			}
		})
	}
}

// A cell a spreadsheet would evaluate is written after an apostrophe, and
// tend's own import takes the apostrophe off again: what was stored comes
// back, and nothing runs when the file is opened in a spreadsheet.
func TestCSVCellsAreNotFormulas(t *testing.T) {
	t.Parallel()
	tests := []struct{ stored, written string }{
		{`=HYPERLINK("http://evil","click")`, `'=HYPERLINK("http://evil","click")`},
		{"+1 555 0100", "'+1 555 0100"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tTab first", "'\tTab first"},
		{"\r=x", "'\r=x"},
		{"'=already quoted", "''=already quoted"},
		{"''+two", "'''+two"},
		{"'plain apostrophe", "'plain apostrophe"},
		{"O'Brien", "O'Brien"},
		{"a=b", "a=b"},
		{"'", "'"},
	}
	for _, tt := range tests {
		p := domain.Person{ID: "01J0000000000000000000000A", Name: "Zed " + tt.stored, Tier: cadence.Close, Notes: tt.stored,
			Phones: []string{tt.stored}, Tags: []string{tt.stored}}
		var buf bytes.Buffer
		if err := exchange.WriteCSV(&buf, []domain.Summary{{Person: p}}, cadence.DefaultRules(), exportedAt); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
		if err != nil {
			t.Fatalf("%q: the export is not CSV: %v", tt.stored, err)
		}
		row := rows[1]
		if row[7] != tt.written || row[4] != tt.written || row[6] != tt.written {
			t.Errorf("%q written as notes %q, phone %q, tags %q; want %q", tt.stored, row[7], row[4], row[6], tt.written)
		}
		for i, c := range row {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("%q: cell %d (%s) starts a formula: %q", tt.stored, i, exchange.CSVColumns[i], c)
			}
		}
		rec := newRecorder()
		if err := exchange.ReadCSV(bytes.NewReader(buf.Bytes()), rec); err != nil {
			t.Fatalf("%q: import: %v", tt.stored, err)
		}
		got := rec.people[0]
		want := strings.TrimSpace(tt.stored) // import trims, as it always has, unless the apostrophe guards the start
		if tt.written != tt.stored {
			want = tt.stored
		}
		// List entries are trimmed one by one, as the store trims them.
		if got.Notes != want || len(got.Phones) != 1 || got.Phones[0] != strings.TrimSpace(tt.stored) {
			t.Errorf("%q read back as notes %q, phones %q", tt.stored, got.Notes, got.Phones)
		}
	}
}

// A birthday in the future, or before 1900, which tend add refuses, is
// left out of the row that has it, with a note naming the line; the row is
// imported.
func TestCSVLeavesOutImpossibleBirthdays(t *testing.T) {
	t.Parallel()
	for data, want := range map[string]string{
		"name,birthday\nAna,1990-04-15\nZed,2030-01-01\n": "birthday 2030-01-01 is in the future; left out",
		"name,birthday\nZed,0990-04-15\n":                 "birthday: year 990 is before 1900; left out",
	} {
		s := openStore(t, nil)
		res, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
			return exchange.ReadCSV(strings.NewReader(data), im)
		})
		if err != nil {
			t.Fatalf("import %q = %v; want Zed imported without a birthday", data, err)
		}
		found := false
		for _, n := range res.Notes {
			found = found || strings.Contains(n.Text, want)
		}
		if !found || res.People.New != strings.Count(data, "\n")-1 {
			t.Errorf("import %q: %d new, notes %+v; want everyone, and a note %q", data, res.People.New, res.Notes, want)
		}
	}
}
