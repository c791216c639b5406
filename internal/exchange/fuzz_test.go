package exchange_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
)

// fuzzRead runs a reader on data with a recorder, which never fails: so
// any error must be the file's fault, an *exchange.InputError, and on
// success every person handed over has a name in valid UTF-8.
func fuzzRead(t *testing.T, read func(io.Reader, exchange.Target) error, data []byte) {
	rec := newRecorder()
	err := read(bytes.NewReader(data), rec)
	if err != nil {
		var ie *exchange.InputError
		if !errors.As(err, &ie) {
			t.Fatalf("error is not an *InputError: %T %v", err, err)
		}
		if ie.Line < 0 {
			t.Fatalf("InputError with line %d: %v", ie.Line, err)
		}
		return
	}
	for _, p := range rec.people {
		if strings.TrimSpace(p.Name) == "" || !utf8.ValidString(p.Name) {
			t.Fatalf("read without error, but handed over a person named %q", p.Name)
		}
	}
}

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`{"format":"tend","version":1,"exported_at":"2026-11-24T09:30:00Z","people":[],"interactions":[],"memories":[]}`))
	f.Add([]byte(`{"format":"tend","version":1,"people":[{"id":"01J0000000000000000000000A","name":"Ada","tier":"close","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}]}`))
	f.Add([]byte(`{"format":"tend","version":1,"interactions":[{"id":"01J0000000000000000000000B","people":["01J0000000000000000000000A"],"via":"call","direction":"in","at":"2026-11-20T12:00:00Z","missed":true}]}`))
	f.Add([]byte(`{"format":"tend","version":99}`))
	f.Add([]byte(`[1,2,3]`))
	f.Add([]byte(`{"people":[{"name":`))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, exchange.ReadJSON, data) })
}

func FuzzReadVCard(f *testing.F) {
	f.Add([]byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Quill\r\nTEL:+1 555 0100\r\nBDAY:1990-04-01\r\nEND:VCARD\r\n"))
	f.Add([]byte("BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Qu=C3=ADll;Ada\nEND:VCARD\n"))
	f.Add([]byte("BEGIN:VCARD\nVERSION:4.0\nFN:Bram\n folded\nitem1.X-ABDATE:2001-02-03\nitem1.X-ABLabel:_$!<Anniversary>!$_\nEND:VCARD\n"))
	f.Add([]byte("BEGIN:VCARD\nFN:\nEND:VCARD\n"))
	f.Add([]byte("BEGIN:VCARD\nFN:Cleo\n"))
	f.Add([]byte("\xff\xfeB\x00E\x00"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, exchange.ReadVCard, data) })
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("name,tier,birthday,email,tags\nAda Quill,close,04-01,ada@example.com,\"work, chess\"\n"))
	f.Add([]byte("\xef\xbb\xbfname;tier\nBram Otter;friend\n"))
	f.Add([]byte("name\tevery\nCleo\t2w\n"))
	f.Add([]byte("name,unknown\nA,b\n"))
	f.Add([]byte("name,tier\nA\n"))
	f.Add([]byte("name\n\"unterminated\n"))
	f.Add([]byte("name\nJos\xe9\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, exchange.ReadCSV, data) })
}

// FuzzWriteCSV writes a person whose text is the fuzzer's and reads the
// file back: no cell may start a formula, and every field must come back
// as it was.
func FuzzWriteCSV(f *testing.F) {
	f.Add("Ada", "=HYPERLINK(\"x\")", "+1 555", "@tag")
	f.Add("-Bram", "'=quoted", "''+", "\tx")
	f.Add("Cleo", "line\r\nline", "'", "a,b")
	f.Fuzz(func(t *testing.T, name, notes, phone, tag string) {
		// Only what the store would hold: valid UTF-8 without NUL, trimmed,
		// list entries without the separators that split them.
		for _, s := range []string{name, notes, phone, tag} {
			if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
				return
			}
		}
		name, notes = strings.TrimSpace(name), strings.TrimSpace(notes)
		phone, tag = strings.TrimSpace(phone), strings.TrimSpace(tag)
		if name == "" || strings.ContainsAny(phone, ";") || strings.ContainsAny(tag, ";,") {
			return
		}
		p := domain.Person{ID: "01J0000000000000000000000A", Name: name, Tier: cadence.Regular, Notes: notes}
		if phone != "" {
			p.Phones = []string{phone}
		}
		if tag != "" {
			p.Tags = []string{tag}
		}
		var buf bytes.Buffer
		if err := exchange.WriteCSV(&buf, []domain.Summary{{Person: p}}, cadence.DefaultRules(), time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
		if err != nil {
			t.Fatalf("the export is not CSV: %v", err)
		}
		for _, c := range rows[1] {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Fatalf("a cell starts a formula: %q", c)
			}
		}
		rec := newRecorder()
		if err := exchange.ReadCSV(bytes.NewReader(buf.Bytes()), rec); err != nil {
			var ie *exchange.InputError
			if errors.As(err, &ie) {
				return // a value tend's own rules refuse (a header-like name, say); not the writer's doing
			}
			t.Fatal(err)
		}
		if len(rec.people) != 1 {
			t.Fatalf("read back %d people", len(rec.people))
		}
		got := rec.people[0]
		// A CSV reader reads a line break inside a cell as "\n", whether it
		// was written "\r\n" or "\n": that is the one change a round trip
		// may make.
		name = strings.ReplaceAll(name, "\r\n", "\n")
		notes = strings.ReplaceAll(notes, "\r\n", "\n")
		if got.Name != name || got.Notes != notes || !slices.Equal(got.Phones, p.Phones) || !slices.Equal(got.Tags, p.Tags) {
			t.Fatalf("read back %q %q %q %q, want %q %q %q %q", got.Name, got.Notes, got.Phones, got.Tags, name, notes, p.Phones, p.Tags)
		}
	})
}
