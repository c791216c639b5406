package exchange_test

import (
	"bytes"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
)

func readVCardString(t *testing.T, data string) *recorder {
	t.Helper()
	r := newRecorder()
	if err := exchange.ReadVCard(strings.NewReader(data), r); err != nil {
		t.Fatalf("ReadVCard: %v", err)
	}
	return r
}

func names(r *recorder) []string {
	var out []string
	for _, p := range r.people {
		out = append(out, p.Name)
	}
	return out
}

// TestVCardNameFallbacks: a card with no FN or N is called by its
// nickname, its organisation, an e-mail address or a phone number.
func TestVCardNameFallbacks(t *testing.T) {
	t.Parallel()
	tests := []struct{ prop, want string }{
		{"NICKNAME:Johnny,JJ", "Johnny"},
		{"ORG:Bike Shop;Repairs", "Bike Shop"},
		{"EMAIL:mailto:zoe@example.org", "zoe@example.org"},
		{"TEL;VALUE=uri:tel:+1-555-0100", "+1-555-0100"},
		{"TEL:TEL:+1-555-0101;ext=7", "+1-555-0101;ext=7"},
	}
	for _, tc := range tests {
		t.Run(tc.prop, func(t *testing.T) {
			r := readVCardString(t, "BEGIN:VCARD\r\nVERSION:4.0\r\n"+tc.prop+"\r\nEND:VCARD\r\n")
			if got := names(r); !slices.Equal(got, []string{tc.want}) {
				t.Errorf("names = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestVCardSkipsANamelessCard: one card with nothing to call the person
// by is skipped with its place and reason, and the others come in.
func TestVCardSkipsANamelessCard(t *testing.T) {
	t.Parallel()
	data := "BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:3.0\r\nPHOTO;ENCODING=b;TYPE=JPEG:AAAA\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nFN:Ben\r\nEND:VCARD\r\n"
	r := readVCardString(t, data)
	if got := names(r); !slices.Equal(got, []string{"Ana", "Ben"}) {
		t.Errorf("names = %q", got)
	}
	if !hasSkip(r, "card 2 (line 4)", "card left out: no name: the card has no FN, N, NICKNAME, ORG, EMAIL or TEL to call the person by") {
		t.Errorf("skips = %+v", r.skips)
	}
}

// TestVCardFoldAnywhere: a line may be folded anywhere, also inside the
// name, before the colon and inside a quoted parameter.
func TestVCardFoldAnywhere(t *testing.T) {
	t.Parallel()
	data := "BEGIN:VCARD\r\nVERSION:4.0\r\n" +
		"F\r\n N;LANGUAGE=ja;X-PHONETIC=\"ando\r\n  roido\"\r\n :安藤 \r\n ロイド\r\n" +
		"TEL;TYPE=\"cell,\r\n voice\":+81 90\r\n" +
		"EMAIL;TYPE=work\r\n\t:ando@example.jp\r\nEND:VCARD\r\n"
	r := readVCardString(t, data)
	if len(r.people) != 1 {
		t.Fatalf("people = %+v", r.people)
	}
	p := r.people[0]
	if p.Name != "安藤 ロイド" || !slices.Equal(p.Phones, []string{"+81 90"}) || !slices.Equal(p.Emails, []string{"ando@example.jp"}) {
		t.Errorf("read %+v", p)
	}
	if p.PhoneTypes["+81 90"] != "mobile" || p.EmailTypes["ando@example.jp"] != "work" {
		t.Errorf("types %v %v", p.PhoneTypes, p.EmailTypes)
	}
}

// TestVCardUnfoldingIsLinear reads a note folded over 20,000 lines, and a
// QUOTED-PRINTABLE one with as many soft line breaks, and measures what
// was allocated: appending each line to a string copied the whole value
// every time, gigabytes for this card.
func TestVCardUnfoldingIsLinear(t *testing.T) {
	const lines = 20000
	chunk := strings.Repeat("x", 70)
	for _, tc := range []struct{ name, head, sep string }{
		{"folded", "NOTE:", "\r\n "},
		{"quoted-printable", "NOTE;ENCODING=QUOTED-PRINTABLE:", "=\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ana\r\n" + tc.head)
			for range lines {
				b.WriteString(chunk + tc.sep)
			}
			b.WriteString("end\r\nEND:VCARD\r\n")
			data := b.String()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			r := readVCardString(t, data)
			runtime.ReadMemStats(&after)
			if got := len(r.people[0].Notes); got != lines*len(chunk)+3 {
				t.Errorf("note of %d bytes, want %d", got, lines*len(chunk)+3)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100*uint64(len(data)) {
				t.Errorf("reading %d bytes allocated %d MB: unfolding is not linear", len(data), alloc>>20)
			}
		})
	}
}

// TestVCardDeclaredCharset: a 2.1 card that names its charset on one
// property has its other 8-bit values read in it; a card that names none
// is read as Windows-1252, and the summary says it was a guess.
func TestVCardDeclaredCharset(t *testing.T) {
	t.Parallel()
	greek := "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=Windows-1253:\xc2\xe1\xe3\xe3\xdd\xeb\xe7\xf2;\r\nFN:\xc2\xe1\xe3\xe3\xdd\xeb\xe7\xf2\r\n" +
		"NOTE:\xf6\xdf\xeb\xef\xf2\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=Windows-1251:\xc8\xe2\xe0\xed\r\nORG:\xc1\xe0\xed\xea\r\nEND:VCARD\r\n"
	r := readVCardString(t, greek)
	if got := names(r); !slices.Equal(got, []string{"Βαγγέλης", "Иван"}) {
		t.Errorf("names = %q", got)
	}
	if r.people[0].Notes != "φίλος" || r.people[1].Org != "Банк" {
		t.Errorf("other values: %q, %q", r.people[0].Notes, r.people[1].Org)
	}
	if len(r.notes) != 0 {
		t.Errorf("notes = %+v, want none: every charset was named", r.notes)
	}
	// One card names a charset, the next none: the file's is used.
	r = readVCardString(t, "BEGIN:VCARD\r\nFN;CHARSET=Windows-1253:\xc1\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:\xe2\xe1\r\nEND:VCARD\r\n")
	if got := names(r); !slices.Equal(got, []string{"Α", "βα"}) {
		t.Errorf("names = %q", got)
	}
	r = readVCardString(t, "BEGIN:VCARD\r\nFN:Fran\xe7oise\r\nEND:VCARD\r\n")
	if len(r.notes) != 1 || !strings.Contains(r.notes[0].Text, "card 1 held 8-bit text with no charset named: read as Windows-1252, a guess") {
		t.Errorf("notes = %+v, want the guess said", r.notes)
	}
}

func TestVCardValues(t *testing.T) {
	t.Parallel()
	r := readVCardString(t, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana \\\"Nan\\\" Lima\r\nBDAY:16040101\r\nNOTE:say \\\"hi\\\"\r\nEND:VCARD\r\n"+
		"BEGIN:VCARD\r\nFN:Ben\r\nBDAY:--1224\r\nEND:VCARD\r\n")
	if p := r.people[0]; p.Name != `Ana "Nan" Lima` || p.Notes != `say "hi"` || p.Birthday != (cadence.MonthDay{Month: 1, Day: 1}) {
		t.Errorf("Ana = %q, %q, %+v", p.Name, p.Notes, p.Birthday)
	}
	if p := r.people[1]; p.Birthday != (cadence.MonthDay{Month: 12, Day: 24}) {
		t.Errorf("Ben's birthday %+v", p.Birthday)
	}
}

// TestVCardKeepsWhatAnAddressBookKnows reads ORG, TITLE, the kinds of
// phones and e-mails, N, UID and NICKNAME.
func TestVCardKeepsWhatAnAddressBookKnows(t *testing.T) {
	t.Parallel()
	r := readVCardString(t, "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:1234\r\nFN:Dr. Ana Lima\r\nN:Lima;Ana;Maria;Dr.;\r\n"+
		"NICKNAME:Nan\r\nORG:ABC\\, Inc.;Marketing\r\nTITLE:Head of things\r\n"+
		"TEL;TYPE=CELL,VOICE,PREF:+44 7700\r\nTEL;TYPE=WORK;TYPE=FAX:+44 20\r\nTEL:+44 30\r\n"+
		"item1.TEL:+44 40\r\nitem1.X-ABLabel:_$!<Mobile>!$_\r\nitem2.TEL:+44 50\r\nitem2.X-ABLabel:Boat\r\n"+
		"EMAIL;TYPE=INTERNET;TYPE=HOME:ana@home.example\r\nEMAIL;TYPE=INTERNET:ana@example.org\r\n"+
		"X-TEND-TIER:close\r\nX-TEND-EVERY:14d\r\nEND:VCARD\r\n")
	p := r.people[0]
	if p.Org != "ABC, Inc.; Marketing" || p.JobTitle != "Head of things" || p.UID != "urn:uuid:1234" ||
		p.NameParts != (domain.NameParts{Family: "Lima", Given: "Ana", Additional: "Maria", Prefix: "Dr."}) {
		t.Errorf("org %q, title %q, uid %q, N %+v", p.Org, p.JobTitle, p.UID, p.NameParts)
	}
	wantPhones := map[string]string{"+44 7700": "mobile", "+44 20": "work,fax", "+44 40": "mobile", "+44 50": "boat"}
	if !maps.Equal(p.PhoneTypes, wantPhones) || !maps.Equal(p.EmailTypes, map[string]string{"ana@home.example": "home"}) {
		t.Errorf("types %v, %v", p.PhoneTypes, p.EmailTypes)
	}
	if p.Tier != cadence.Close || p.Every != 14 {
		t.Errorf("tier %q every %d", p.Tier, p.Every)
	}
}

// TestVCardRoundTripKeepsEveryField writes people with every field a card
// can carry, reads them back, and compares field by field.
func TestVCardRoundTripKeepsEveryField(t *testing.T) {
	t.Parallel()
	people := []domain.Person{{
		ID: "P1", Name: "安藤 ロイド", Tier: cadence.Inner, Every: 10,
		Phones: []string{"+81 90 1234", "+1-418-656-9254;ext=102", "+81 3 5555"}, Emails: []string{"roido@example.jp", "r@work.example"},
		PhoneTypes:     map[string]string{"+81 90 1234": "mobile", "+81 3 5555": "work,fax", "+1-418-656-9254;ext=102": "boat"},
		EmailTypes:     map[string]string{"r@work.example": "work", "roido@example.jp": "uni"},
		ImportantDates: []domain.ImportantDate{{Label: "anniversary", Date: cadence.MonthDay{Year: 2015, Month: 6, Day: 1}}},
		Org:            "ABC, Inc.; Marketing", JobTitle: "Lead; design, print",
		NameParts: domain.NameParts{Family: "安藤", Given: "ロイド"}, UID: "urn:uuid:abc",
		Birthday: cadence.MonthDay{Month: 2, Day: 29},
	}, {ID: "P2", Name: "Cher", Tier: cadence.Outer}}
	var buf bytes.Buffer
	if err := exchange.WriteVCard(&buf, people); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\r\nN:安藤;ロイド;;;\r\n") || !strings.Contains(buf.String(), "\r\nN:;;;;\r\n") {
		t.Errorf("N written as the card gave it, and empty when unknown:\n%s", buf.String())
	}
	r := readVCardString(t, buf.String())
	if len(r.people) != 2 || len(r.skips) != 0 {
		t.Fatalf("read back %d people, skips %+v", len(r.people), r.skips)
	}
	for i, want := range people {
		got := r.people[i]
		checks := []struct {
			field     string
			got, want any
		}{
			{"name", got.Name, want.Name}, {"tier", got.Tier, want.Tier}, {"every", got.Every, want.Every},
			{"phones", got.Phones, nonEmpty(want.Phones)}, {"emails", got.Emails, nonEmpty(want.Emails)},
			{"phone types", fmt.Sprint(got.PhoneTypes), fmt.Sprint(orEmpty(want.PhoneTypes))},
			{"e-mail types", fmt.Sprint(got.EmailTypes), fmt.Sprint(orEmpty(want.EmailTypes))},
			{"org", got.Org, want.Org}, {"job title", got.JobTitle, want.JobTitle},
			{"N", got.NameParts, want.NameParts}, {"birthday", got.Birthday, want.Birthday},
			{"dates", got.ImportantDates, want.ImportantDates},
			{"uid", got.UID, exchange.CardUID(want)},
		}
		for _, c := range checks {
			if fmt.Sprint(c.got) != fmt.Sprint(c.want) {
				t.Errorf("%s: %s read back %q, want %q", want.Name, c.field, c.got, c.want)
			}
		}
	}
}

func nonEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func orEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

// TestVCardSameNameInOneFile: cards of one name are one person when a UID,
// phone or e-mail says so, and two people, reported, when nothing does.
func TestVCardSameNameInOneFile(t *testing.T) {
	t.Parallel()
	card := func(extra string) string { return "BEGIN:VCARD\r\nFN:John Smith\r\n" + extra + "END:VCARD\r\n" }
	tests := []struct {
		name  string
		cards []string
		want  []string
		notes int
	}{
		{"a phone in common", []string{card("TEL:+1 555 0100\r\n"), card("TEL:+15550100\r\nEMAIL:j@x.org\r\n")}, []string{"John Smith"}, 1},
		{"an e-mail in common", []string{card("EMAIL:J@x.org\r\n"), card("EMAIL:j@x.org\r\nTEL:1\r\n")}, []string{"John Smith"}, 1},
		{"nothing in common", []string{card("TEL:+1 555 0100\r\n"), card("TEL:+1 555 0199\r\n"), card("")}, []string{"John Smith", "John Smith (2)", "John Smith (3)"}, 2},
		{"one UID", []string{card("UID:a\r\n"), card("UID:a\r\nTEL:+1 555 0100\r\n")}, []string{"John Smith"}, 1},
		{"two UIDs, a phone in common", []string{card("UID:a\r\nTEL:+1 555 0100\r\n"), card("UID:b\r\nTEL:+1 555 0100\r\n")}, []string{"John Smith", "John Smith (2)"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := readVCardString(t, strings.Join(tc.cards, ""))
			if got := names(r); !slices.Equal(got, tc.want) {
				t.Errorf("names = %q, want %q", got, tc.want)
			}
			if len(r.notes) != tc.notes {
				t.Errorf("notes = %+v, want %d", r.notes, tc.notes)
			}
		})
	}
	r := readVCardString(t, card("TEL:1\r\n")+card("TEL:2\r\n"))
	if len(r.notes) != 1 || r.notes[0].Where != "card 2" ||
		r.notes[0].Text != `a second "John Smith", with nothing else in common than card 1: kept apart as "John Smith (2)", not merged` {
		t.Errorf("note = %+v", r.notes)
	}
}
