package exchange_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

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
