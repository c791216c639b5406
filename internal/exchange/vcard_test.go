package exchange_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/store"
)

func readVCardFile(t *testing.T, path string) *recorder {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := newRecorder()
	if err := exchange.ReadVCard(f, r); err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return r
}

// TestVCardCorpusImportsEveryFile imports every real exported address book
// into a store: none is refused, and everyone gets a name in valid UTF-8
// without mojibake or stray escapes.
func TestVCardCorpusImportsEveryFile(t *testing.T) {
	t.Parallel()
	dir := sharedDir(t, "corpus", "vcf")
	files, err := filepath.Glob(filepath.Join(dir, "*.vcf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no vCards in %s: %v", dir, err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			s := openStore(t, nil)
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			res, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error { return exchange.ReadVCard(f, im) })
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			people, _ := s.AllPeople(t.Context())
			if len(people) == 0 || res.People.New != len(people) {
				t.Fatalf("%d people, counts %+v", len(people), res.People)
			}
			for _, p := range people {
				if strings.ContainsRune(p.Name, '\uFFFD') || strings.Contains(p.Name, "Ã") || strings.Contains(p.Name, "=C3") {
					t.Errorf("name %q looks undecoded", p.Name)
				}
			}
		})
	}
}

func TestVCardCorpusNames(t *testing.T) {
	t.Parallel()
	dir := sharedDir(t, "corpus", "vcf")
	tests := []struct {
		file  string
		names []string
	}{
		// Shift_JIS in CHARSET=SHIFT_JIS.
		{"aosp__v21_japanese_2.vcf", []string{"安藤 ロイド 1"}},
		{"aosp__v40_sort_as.vcf", []string{"安藤 ロイド"}},
		// UTF-16 little-endian with a byte-order mark.
		{"folkerkinzel__v3Utf16Bom.vcf", []string{"Folker Kinzel", "KMS Außenstelle"}},
		// Outlook, Windows-1252 bytes (in its address) and CHARSET=Windows-1252.
		{"folkerkinzel__AnsiIssue.vcf", []string{"Ralf Rastral"}},
		// Mac Address Book: Windows-1252 bytes with no charset at all.
		{"ical4j__vcard-vCards-SAP.vcf", []string{"Ingrid Spaßlund", "Günther Blümchen", "Berit Müller", "Karlsruhe Travel"}}, // among 30
		// QUOTED-PRINTABLE UTF-8 with soft line breaks; cards with no name
		// but an e-mail address are called by it.
		{"ezvcard__John_Doe_ANDROID.vcf", []string{"john.doe@company.com", "jane.doe@company.com", "Ñ Ñ Ñ Ñ Ñ",
			"Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", "Ñ Ñ Ñ Ñ", "ÑÑÑÑ"}},
		{"folkerkinzel__v4.vcf", []string{"Möhrke Gerda", "Dr. Max Horst Mustermann jr. Maxl SED"}},
		{"ezvcard__John_Doe_EVOLUTION.vcf", []string{"Mr. John Richter, James Doe Sr."}},
		{"vobject__vcard_with_groups.vcf", []string{"Meister Berger"}},
		{"ezvcard__John_Doe_IPHONE.vcf", []string{"Mr. John Richter James Doe Sr."}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			r := readVCardFile(t, filepath.Join(dir, tc.file))
			var got []string
			for _, p := range r.people {
				got = append(got, p.Name)
			}
			if len(got) == 30 { // the SAP file: check the hard ones
				got = slices.DeleteFunc(got, func(n string) bool { return !slices.Contains(tc.names, n) })
				slices.SortFunc(got, func(a, b string) int { return slices.Index(tc.names, a) - slices.Index(tc.names, b) })
			}
			if !slices.Equal(got, tc.names) {
				t.Errorf("names = %q, want %q", got, tc.names)
			}
		})
	}
}

func TestVCardCorpusFields(t *testing.T) {
	t.Parallel()
	dir := sharedDir(t, "corpus", "vcf")
	read := func(file string) *recorder { return readVCardFile(t, filepath.Join(dir, file)) }

	// Year-less birthdays keep no year (BDAY:--0203).
	for _, file := range []string{"ezvcard__rfc6350-example.vcf", "icaljs__vcard.vcf"} {
		p := read(file).people[0]
		if p.Birthday != (cadence.MonthDay{Month: 2, Day: 3}) {
			t.Errorf("%s: birthday %+v, want 3 February with no year", file, p.Birthday)
		}
	}
	rfc := read("ezvcard__rfc6350-example.vcf").people[0]
	if !slices.Equal(rfc.Phones, []string{"+1-418-656-9254;ext=102", "+1-418-262-6501"}) {
		t.Errorf("tel: URIs read as %q", rfc.Phones)
	}
	if len(rfc.ImportantDates) != 1 || rfc.ImportantDates[0] != (domain.ImportantDate{Label: "anniversary", Date: cadence.MonthDay{Year: 2009, Month: 8, Day: 8}}) {
		t.Errorf("ANNIVERSARY as a date-time read as %+v", rfc.ImportantDates)
	}

	// An impossible BDAY (month 31) skips that property, with a reason,
	// not the card.
	v4 := read("folkerkinzel__v4.vcf")
	max := v4.person(t, "Dr. Max Horst Mustermann jr. Maxl SED")
	if !max.Birthday.IsZero() || len(max.Emails) != 4 {
		t.Errorf("the card with BDAY:19723101 came through as %+v", max)
	}
	if !hasNote(v4, "card 2 (line 22)", `BDAY "19723101" left out: there is no month 31`) || len(v4.skips) != 0 {
		t.Errorf("skips = %+v, notes = %+v, want the bad BDAY named in a note with its card and line, and no card skipped", v4.skips, v4.notes)
	}
	if !slices.Contains(max.ImportantDates, domain.ImportantDate{Label: "Hochzeitstag", Date: cadence.MonthDay{Year: 2019, Month: 7, Day: 7}}) {
		t.Errorf("ITEM1.X-ABDATE with its label read as %+v", max.ImportantDates)
	}

	// QUOTED-PRINTABLE soft line breaks, one of them followed by a space
	// that belongs to the text (RFC 2045's own example).
	joe := read("aosp__v21_complicated.vcf").person(t, "Joe Due")
	if !strings.Contains(joe.Notes, "Now's the time for all folk to come to the aid of their country.") {
		t.Errorf("notes = %q", joe.Notes)
	}
	if len(joe.Phones) != 5 || joe.Birthday != (cadence.MonthDay{Year: 1980, Month: 1, Day: 1}) {
		t.Errorf("2.1 bare TEL types or basic-format BDAY lost: %+v", joe)
	}
	outlook := read("ezvcard__outlook-2007.vcf").people[0]
	if !strings.HasPrefix(outlook.Notes, "This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\n") {
		t.Errorf("QP note = %q", outlook.Notes)
	}
	if !slices.Equal(outlook.Emails, []string{"mike.angstadt@gmail.com"}) || len(outlook.Phones) != 4 {
		t.Errorf("Outlook e-mails %q, phones %q", outlook.Emails, outlook.Phones)
	}

	// CATEGORIES to tags, split at commas even when escaped (Thunderbird).
	tb := read("ezvcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf").people[0]
	if !slices.Equal(tb.Tags, []string{"category1", "category2", "category3"}) {
		t.Errorf("tags = %q", tb.Tags)
	}
	if !strings.Contains(tb.Notes, "Second Line\n\nFourth Line") || !strings.Contains(tb.Notes, `"note" field; even curse words`) {
		t.Errorf("escaped NOTE read as %q", tb.Notes)
	}
	// Apple labels: _$!<Anniversary>!$_.
	gmail := read("ezvcard__gmail-single2.vcf").people[0]
	if !slices.Contains(gmail.ImportantDates, domain.ImportantDate{Label: "anniversary", Date: cadence.MonthDay{Year: 1930, Month: 3, Day: 20}}) {
		t.Errorf("X-ABDATE dates = %+v", gmail.ImportantDates)
	}
	// Photos and properties tend does not keep are counted, once per file,
	// in a note: the card is kept, so nothing is skipped. NICKNAME is
	// kept, as an alias.
	iphone := read("ezvcard__John_Doe_IPHONE.vcf")
	if len(iphone.skips) != 0 || len(iphone.notes) != 1 || !strings.HasPrefix(iphone.notes[0].Text, "passed over 6 properties") || !strings.Contains(iphone.notes[0].Text, "PHOTO 1") {
		t.Errorf("skips = %+v, notes = %+v, want one note counting 6 properties, PHOTO among them", iphone.skips, iphone.notes)
	}
	if p := iphone.people[0]; len(p.Aliases) != 1 {
		t.Errorf("NICKNAME read as aliases %q, want one", p.Aliases)
	}
}

func hasNote(r *recorder, where, text string) bool {
	for _, n := range r.notes {
		if n.Where == where && n.Text == text {
			return true
		}
	}
	return false
}

func hasSkip(r *recorder, where, reason string) bool {
	for _, s := range r.skips {
		if s.Where == where && s.Reason == reason {
			return true
		}
	}
	return false
}

func TestVCardEncodings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		data  []byte
		want  string // the name
		notes string
	}{
		{"CHARSET=Windows-1252 QUOTED-PRINTABLE",
			[]byte("BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Ren=E9e L=F6w\r\nEND:VCARD\r\n"), "Renée Löw", ""},
		{"CHARSET=ISO-8859-2",
			[]byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN;CHARSET=ISO-8859-2:\xa3ukasz \xa6wi\xea\xb3y\r\nEND:VCARD\r\n"), "Łukasz Święły", ""},
		{"Windows-1252 with no charset",
			[]byte("BEGIN:VCARD\nVERSION:3.0\nFN:Fran\xe7oise\nEND:VCARD\n"), "Françoise", ""},
		{"UTF-8 with a BOM",
			append([]byte{0xEF, 0xBB, 0xBF}, "BEGIN:VCARD\nVERSION:4.0\nFN:Zoë\nEND:VCARD\n"...), "Zoë", ""},
		{"UTF-16 big-endian",
			utf16BE("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Åsa\r\nEND:VCARD\r\n"), "Åsa", ""},
		{"folded with a tab, escapes",
			[]byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nNOTE:one\\, two\\; three\\nfour \\\\ fi\r\n\tve\r\nEND:VCARD\r\n"), "Ana", "one, two; three\nfour \\ five"},
		{"N only",
			[]byte("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lima;Ana;Maria;Dr.;\r\nEND:VCARD\r\n"), "Ana Maria Lima", ""},
		{"lower case, CR line ends",
			[]byte("begin:vcard\rversion:3.0\rfn:Bo\rend:vcard\r"), "Bo", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newRecorder()
			if err := exchange.ReadVCard(bytes.NewReader(tc.data), r); err != nil {
				t.Fatal(err)
			}
			if len(r.people) != 1 || r.people[0].Name != tc.want {
				t.Fatalf("people = %+v, want %q", r.people, tc.want)
			}
			if r.people[0].Notes != tc.notes {
				t.Errorf("notes = %q, want %q", r.people[0].Notes, tc.notes)
			}
		})
	}
}

func utf16BE(s string) []byte {
	out := []byte{0xFE, 0xFF}
	for _, r := range s {
		out = append(out, byte(r>>8), byte(r))
	}
	return out
}

func TestVCardDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line string
		want cadence.MonthDay
		skip string
	}{
		{"BDAY:--0415", cadence.MonthDay{Month: 4, Day: 15}, ""},
		{"BDAY:--04-15", cadence.MonthDay{Month: 4, Day: 15}, ""},
		{"BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15", cadence.MonthDay{Month: 4, Day: 15}, ""},
		{"BDAY:0000-04-15", cadence.MonthDay{Month: 4, Day: 15}, ""},
		{"BDAY:19900415", cadence.MonthDay{Year: 1990, Month: 4, Day: 15}, ""},
		{"BDAY:1985-01-28T00:00:00Z", cadence.MonthDay{Year: 1985, Month: 1, Day: 28}, ""},
		{"BDAY:--0229", cadence.MonthDay{Month: 2, Day: 29}, ""},
		{"BDAY:19723101", cadence.MonthDay{}, "there is no month 31"},
		{"BDAY:1990-02-30", cadence.MonthDay{}, "February has no day 30"},
		{"BDAY:1991-02-29", cadence.MonthDay{}, "February has no day 29"},
		{"BDAY;VALUE=text:circa 1800", cadence.MonthDay{}, "not a date tend can read"},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			r := newRecorder()
			card := "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\r\n" + tc.line + "\r\nEND:VCARD\r\n"
			if err := exchange.ReadVCard(strings.NewReader(card), r); err != nil {
				t.Fatal(err)
			}
			if got := r.people[0].Birthday; got != tc.want {
				t.Errorf("birthday = %+v, want %+v", got, tc.want)
			}
			if len(r.skips) > 0 {
				t.Errorf("skips = %+v, want none: a bad BDAY leaves the card in", r.skips)
			}
			if tc.skip == "" && len(r.notes) > 0 {
				t.Errorf("notes = %+v, want none", r.notes)
			}
			if tc.skip != "" && (len(r.notes) != 1 || !strings.Contains(r.notes[0].Text, tc.skip) || r.notes[0].Where != "card 1 (line 4)") {
				t.Errorf("notes = %+v, want card 1 (line 4) noted because %q", r.notes, tc.skip)
			}
		})
	}
}

func TestVCardBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data, want string
	}{
		{"no name", "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:who am I\r\nEND:VCARD\r\n", "card 1 (line 1): no name"},
		{"no card with a name", "BEGIN:VCARD\nPHOTO:x\nEND:VCARD\nBEGIN:VCARD\nBDAY:--0101\nEND:VCARD\n", "no card could be read: card 1 (line 1): no name"},
		{"truncated", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Be", "card 2 (line 5): the card has no END:VCARD"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"},
		{"not a vCard", "name,tier\nAna,close\n", "no vCard in the file"},
		{"empty", "", "no vCard in the file"},
		{"END first", "END:VCARD\n", "line 1: END:VCARD without a BEGIN:VCARD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newRecorder()
			err := exchange.ReadVCard(strings.NewReader(tc.data), r)
			var ie *exchange.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want an InputError mentioning %q", err, tc.want)
			}
		})
	}
	// A contact group is no person, and is skipped.
	r := newRecorder()
	group := "BEGIN:VCARD\nVERSION:4.0\nKIND:group\nFN:Book club\nMEMBER:urn:uuid:1\nEND:VCARD\nBEGIN:VCARD\nFN:Ana\nEND:VCARD\n"
	if err := exchange.ReadVCard(strings.NewReader(group), r); err != nil || len(r.people) != 1 || !hasSkip(r, "card 1 (line 1)", "a group of contacts, not a person") {
		t.Errorf("group card: err %v, people %+v, skips %+v", err, r.people, r.skips)
	}
}

// TestVCardRoundTrip writes people as vCards and reads them back.
func TestVCardRoundTrip(t *testing.T) {
	t.Parallel()
	people := []domain.Person{
		{ID: "P1", Name: "Ana Lima", Aliases: []string{"Nana", "Aninha"}, Birthday: cadence.MonthDay{Month: 4, Day: 15}, Phones: []string{"+44 7700 900123", "+1 (555) 010, 2"},
			Emails: []string{"ana@example.org"}, Tags: []string{"family", "book club", "a,b"},
			Notes:          "likes tea; and \"cake\"\nsecond line with a backslash \\ and a long tail " + strings.Repeat("éà ", 40) + "end",
			ImportantDates: []domain.ImportantDate{{Label: "anniversary", Date: cadence.MonthDay{Year: 2015, Month: 6, Day: 1}}, {Label: "name day", Date: cadence.MonthDay{Month: 7, Day: 26}}}},
		{ID: "P2", Name: "安藤 ロイド", Birthday: cadence.MonthDay{Year: 1992, Month: 2, Day: 29}},
		{ID: "P3", Name: "Cher"},
	}
	var buf bytes.Buffer
	if err := exchange.WriteVCard(&buf, people); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(buf.String(), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d bytes, want at most 75: %q", len(line), line)
		}
	}
	r := newRecorder()
	if err := exchange.ReadVCard(&buf, r); err != nil {
		t.Fatal(err)
	}
	if len(r.people) != len(people) || len(r.skips) != 0 {
		t.Fatalf("read back %d people, skips %+v", len(r.people), r.skips)
	}
	for i, want := range people {
		got := r.people[i]
		want.ID = got.ID
		if want.Tags == nil {
			want.Tags = nil
		}
		if got.Name != want.Name || got.Birthday != want.Birthday || got.Notes != want.Notes ||
			!slices.Equal(got.Phones, want.Phones) || !slices.Equal(got.Emails, want.Emails) ||
			!slices.Equal(got.Tags, splitTags(want.Tags)) || !slices.Equal(got.ImportantDates, want.ImportantDates) ||
			!slices.Equal(got.Aliases, want.Aliases) {
			t.Errorf("read back\n %+v\nwant\n %+v", got, want)
		}
	}
}

// splitTags is what a tag with a comma becomes after a trip through a vCard:
// CATEGORIES is a comma-separated list.
func splitTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		out = append(out, strings.Split(t, ",")...)
	}
	return out
}

// TestVCardImportMatchesByName imports the same address book twice: the
// second time everyone is matched, and no one is added twice.
func TestVCardImportMatchesByName(t *testing.T) {
	t.Parallel()
	dir := sharedDir(t, "corpus", "vcf")
	s := openStore(t, nil)
	path := filepath.Join(dir, "ical4j__vcard-vCards-SAP.vcf")
	var results []store.ImportResult
	for range 2 {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error { return exchange.ReadVCard(f, im) })
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, res)
	}
	if results[0].People.New != 30 || results[1].People.New != 0 || results[1].People.Matched != 30 || results[1].People.Updated != 0 {
		t.Errorf("first %+v, second %+v; want 30 new, then 30 matched and none updated", results[0].People, results[1].People)
	}
}

// A BDAY in the future, or before 1900, is left out with a note, as an
// unreadable BDAY is, and the person still comes in.
func TestVCardLeavesOutImpossibleBirthdays(t *testing.T) {
	t.Parallel()
	s := openStore(t, nil)
	data := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zed\r\nBDAY:2030-01-01\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Old\r\nBDAY:0990-04-15\r\nEND:VCARD\r\n"
	res, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
		return exchange.ReadVCard(strings.NewReader(data), im)
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.People.New != 2 || len(res.Skipped) != 0 || len(res.Notes) != 2 || !strings.Contains(res.Notes[0].Text, "is in the future") {
		t.Errorf("imported %+v, skipped %+v, notes %+v", res.People, res.Skipped, res.Notes)
	}
	people, _ := s.AllPeople(t.Context())
	for _, p := range people {
		if !p.Birthday.IsZero() {
			t.Errorf("%s kept birthday %s", p.Name, p.Birthday)
		}
	}
}
