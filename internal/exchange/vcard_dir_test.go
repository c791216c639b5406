package exchange_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/store"
)

func TestCardFileName(t *testing.T) {
	t.Parallel()
	tests := []struct{ uid, want string }{
		{"01M85DMB00PWZQ1B147VDAV39Q", "01M85DMB00PWZQ1B147VDAV39Q.vcf"},
		{"urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1", "4fbe8971-0bc3-424c-9c26-36c3e1eff6b1.vcf"},
		{"ana@example.org", "ana@example.org.vcf"},
		{"../../etc/passwd", ""},
		{"..", ""},
		{".hidden", ""},
		{"a b", ""},
		{strings.Repeat("x", 200), ""},
	}
	for _, tc := range tests {
		got := exchange.CardFileName(tc.uid)
		if tc.want != "" && got != tc.want {
			t.Errorf("CardFileName(%q) = %q, want %q", tc.uid, got, tc.want)
		}
		if tc.want == "" && (len(got) != 28 || strings.ContainsAny(strings.TrimSuffix(got, ".vcf"), "./ ")) {
			t.Errorf("CardFileName(%q) = %q, want a hash", tc.uid, got)
		}
		if exchange.CardFileName(tc.uid) != got {
			t.Errorf("CardFileName(%q) is not stable", tc.uid)
		}
	}
}

func TestCardIDs(t *testing.T) {
	t.Parallel()
	uid, id := exchange.CardIDs([]byte("BEGIN:VCARD\r\nUI\r\n D:urn:uuid:1\r\nX-TEND-ID:01ABC\r\nEND:VCARD\r\nBEGIN:VCARD\r\nUID:2\r\nEND:VCARD\r\n"))
	if uid != "urn:uuid:1" || id != "01ABC" {
		t.Errorf("CardIDs = %q, %q", uid, id)
	}
	if uid, id := exchange.CardIDs([]byte("\x00\x01binary")); uid != "" || id != "" {
		t.Errorf("CardIDs of a binary file = %q, %q", uid, id)
	}
}

func TestReadVCardDir(t *testing.T) {
	t.Parallel()
	dir := fstest.MapFS{
		"ana.vcf":      {Data: []byte("BEGIN:VCARD\r\nFN:Ana\r\nUID:a\r\nEND:VCARD\r\n")},
		"b.VCF":        {Data: []byte("BEGIN:VCARD\r\nFN:Ben\r\nEND:VCARD\r\n")},
		"broken.vcf":   {Data: []byte("BEGIN:VCARD\r\nFN:Cut")},
		"nameless.vcf": {Data: []byte("BEGIN:VCARD\r\nPHOTO:x\r\nEND:VCARD\r\n")},
		"notes.txt":    {Data: []byte("BEGIN:VCARD\r\nFN:Not me\r\nEND:VCARD\r\n")},
		".tend-1.tmp":  {Data: []byte("BEGIN:VCARD\r\nFN:Half\r\nEND:VCARD\r\n")},
		"sub/x.vcf":    {Data: []byte("BEGIN:VCARD\r\nFN:Deep\r\nEND:VCARD\r\n")},
		"ana2.vcf":     {Data: []byte("BEGIN:VCARD\r\nFN:Ana\r\nUID:b\r\nEND:VCARD\r\n")},
	}
	r := newRecorder()
	if err := exchange.ReadVCardDir(dir, r); err != nil {
		t.Fatal(err)
	}
	if got := names(r); !slices.Equal(got, []string{"Ana", "Ana (2)", "Ben"}) {
		t.Errorf("names = %q", got)
	}
	if !hasSkip(r, "broken.vcf: card 1 (line 1)", "card left out: the card has no END:VCARD (is the file truncated?)") ||
		!hasSkip(r, "nameless.vcf: card 1 (line 1)", "card left out: no name: the card has no FN, N, NICKNAME, ORG, EMAIL or TEL to call the person by") {
		t.Errorf("skips = %+v", r.skips)
	}
	if len(r.notes) != 2 || r.notes[0].Where != "ana2.vcf: card 1" || r.notes[1].Text != "passed over 1 property tend does not keep: PHOTO 1" {
		t.Errorf("notes = %+v", r.notes)
	}
	// A folder with no card that can be read is refused.
	err := exchange.ReadVCardDir(fstest.MapFS{"x.vcf": {Data: []byte("hello")}}, newRecorder())
	var ie *exchange.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "x.vcf: no vCard in the file") {
		t.Errorf("error = %v", err)
	}
}

// TestReadVCardDirBoundsEachFile reads a folder as ReadVCard reads a
// file: a binary file and one past MaxVCardBytes are left out with their
// reason, and a birthday tend would refuse is left out of its card.
func TestReadVCardDirBoundsEachFile(t *testing.T) {
	t.Parallel()
	dir := fstest.MapFS{
		"ana.vcf":   {Data: []byte("BEGIN:VCARD\r\nFN:Ana\r\nBDAY:2030-01-01\r\nEND:VCARD\r\n")},
		"photo.vcf": {Data: append([]byte("\x89PNG\r\n\x1a\n"), 0, 0, 0, 13)},
		"huge.vcf":  {Data: []byte("BEGIN:VCARD\r\nFN:Huge\r\nNOTE:" + strings.Repeat("n", exchange.MaxVCardBytes) + "\r\nEND:VCARD\r\n")},
	}
	s := openStore(t, nil)
	res, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
		return exchange.ReadVCardDir(dir, im)
	})
	if err != nil {
		t.Fatal(err)
	}
	people, _ := s.AllPeople(t.Context())
	if len(people) != 1 || people[0].Name != "Ana" || !people[0].Birthday.IsZero() {
		t.Errorf("people = %+v, want Ana without her birthday", people)
	}
	var reasons []string
	for _, sk := range res.Skipped {
		reasons = append(reasons, sk.Where+": "+sk.Reason)
	}
	// The birthday is a part of a card that is kept: a note, not a skip.
	for _, n := range res.Notes {
		reasons = append(reasons, n.Where+": "+n.Text)
	}
	got := strings.Join(reasons, "\n")
	for _, want := range []string{"ana.vcf: card 1: BDAY 2030-01-01 left out", "photo.vcf", "a NUL byte", "huge.vcf", "larger than 32 MB"} {
		if !strings.Contains(got, want) {
			t.Errorf("skips:\n%s\nwant them to mention %q", got, want)
		}
	}
}
