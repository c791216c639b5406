package exchange_test

import (
	"errors"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/exchange"
)

func readCSVString(t *testing.T, data string) *recorder {
	t.Helper()
	r := newRecorder()
	if err := exchange.ReadCSV(strings.NewReader(data), r); err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	return r
}

func TestGoldenRealCSVs(t *testing.T) {
	t.Parallel()
	goldenImport(t, sharedDir(t, "corpus", "real", "csv"), "csv", "real-csv.txt",
		func(f *os.File, tg exchange.Target) error { return exchange.ReadCSV(f, tg) })
}

// TestCSVGoogleCurrent reads the layout Google Contacts exports today.
func TestCSVGoogleCurrent(t *testing.T) {
	t.Parallel()
	data := "First Name,Middle Name,Last Name,Phonetic First Name,Name Prefix,Name Suffix,Nickname,File As," +
		"Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels," +
		"E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value," +
		"Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Event 1 - Label,Event 1 - Value\n" +
		"Ana,Maria,Lima,,Dr.,,Nan,,Bike Shop,Owner,Sales,--04-15,\"likes tea\nand cake\",,* myContacts ::: * starred ::: Family," +
		"* Home,ana@home.example,Work,ana@work.example,Mobile,+44 7700 900123 ::: +44 7700 900124," +
		"Work Fax,+44 20 1,Home,\"1 Road, Town\",Anniversary,2015-06-01\n" +
		",,,,,,,,,,,,,,,,bo@example.org,,,,,,,,,,\n"
	r := readCSVString(t, data)
	if got := names(r); !slices.Equal(got, []string{"Ana Maria Lima", "bo@example.org"}) {
		t.Fatalf("names = %q", got)
	}
	ana := r.people[0]
	if ana.Birthday != (cadence.MonthDay{Month: 4, Day: 15}) || ana.Org != "Bike Shop" || ana.JobTitle != "Owner" ||
		ana.Notes != "likes tea\nand cake" || ana.NameParts.Prefix != "Dr." || ana.NameParts.Family != "Lima" {
		t.Errorf("Ana = %+v", ana)
	}
	if !slices.Equal(ana.Tags, []string{"starred", "Family"}) {
		t.Errorf("tags = %q", ana.Tags)
	}
	wantPhones := map[string]string{"+44 7700 900123": "mobile", "+44 7700 900124": "mobile", "+44 20 1": "work,fax"}
	if !maps.Equal(ana.PhoneTypes, wantPhones) || len(ana.Phones) != 3 {
		t.Errorf("phones %q, types %v", ana.Phones, ana.PhoneTypes)
	}
	if !maps.Equal(ana.EmailTypes, map[string]string{"ana@home.example": "home", "ana@work.example": "work"}) {
		t.Errorf("e-mail types %v", ana.EmailTypes)
	}
	if len(ana.ImportantDates) != 1 || ana.ImportantDates[0].Label != "anniversary" || ana.ImportantDates[0].Date != (cadence.MonthDay{Year: 2015, Month: 6, Day: 1}) {
		t.Errorf("dates %+v", ana.ImportantDates)
	}
	if !hasColumnsNote(r, "3 columns tend does not keep: Organization Department, Address 1 - Label, Address 1 - Formatted") {
		t.Errorf("skips = %+v, notes = %+v", r.skips, r.notes)
	}
}

// hasColumnsNote reports a note of columns passed over: the rows are
// kept, so it is a note, and nothing is skipped.
func hasColumnsNote(r *recorder, text string) bool {
	return len(r.skips) == 0 && slices.ContainsFunc(r.notes, func(n storeNote) bool { return n.Text == "passed over "+text })
}

// TestCSVOutlook reads Outlook's layout, whose Title is the name's prefix
// and whose dates follow the file's locale.
func TestCSVOutlook(t *testing.T) {
	t.Parallel()
	data := "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business Street,Business Fax," +
		"Business Phone,Home Phone,Mobile Phone,Assistant's Phone,Birthday,Anniversary,Categories,E-mail Address,E-mail Type," +
		"E-mail Display Name,E-mail 2 Address,Notes\n" +
		"Mr.,Ben,,Okafor,,Okafor & Sons,,engineer,1 Road,+1 2,+1 3,+1 4,+1 5,+1 9,5/14/1980,0/0/00,Friends;Work," +
		"ben@example.org,SMTP,Ben (ben@example.org),ben2@example.org,\n" +
		",Cleo,,,,,,,,,,,,,4/3/1990,,,,,,,\n"
	r := readCSVString(t, data)
	ben := r.person(t, "Ben Okafor")
	if ben.NameParts.Prefix != "Mr." || ben.JobTitle != "engineer" || ben.Org != "Okafor & Sons" ||
		ben.Birthday != (cadence.MonthDay{Year: 1980, Month: 5, Day: 14}) || len(ben.ImportantDates) != 0 {
		t.Errorf("Ben = %+v", ben)
	}
	if !slices.Equal(ben.Phones, []string{"+1 2", "+1 3", "+1 4", "+1 5"}) ||
		!maps.Equal(ben.PhoneTypes, map[string]string{"+1 2": "work,fax", "+1 3": "work", "+1 4": "home", "+1 5": "mobile"}) {
		t.Errorf("phones %q %v (the assistant's phone is not Ben's)", ben.Phones, ben.PhoneTypes)
	}
	if !slices.Equal(ben.Emails, []string{"ben@example.org", "ben2@example.org"}) || !slices.Equal(ben.Tags, []string{"Friends", "Work"}) {
		t.Errorf("e-mails %q, tags %q", ben.Emails, ben.Tags)
	}
	// 5/14/1980 says month first; so 4/3/1990 is 3 April.
	if cleo := r.person(t, "Cleo"); cleo.Birthday != (cadence.MonthDay{Year: 1990, Month: 4, Day: 3}) {
		t.Errorf("Cleo's birthday %+v", cleo.Birthday)
	}
	if !slices.ContainsFunc(r.notes, func(n storeNote) bool { return strings.HasPrefix(n.Text, "columns read: Title, First Name") }) {
		t.Errorf("notes = %+v", r.notes)
	}
	// With no date that tells, d/m/y is read month first, and the summary says so.
	r = readCSVString(t, "First Name,Birthday\nAna,4/3/1990\n")
	if r.people[0].Birthday != (cadence.MonthDay{Year: 1990, Month: 4, Day: 3}) || !slices.ContainsFunc(r.notes, func(n storeNote) bool {
		return strings.Contains(n.Text, "read as month/day/year")
	}) {
		t.Errorf("birthday %+v, notes %+v", r.people[0].Birthday, r.notes)
	}
}

// TestCSVThunderbird reads Thunderbird's layout: a trailing comma on each
// row, the birthday in three columns, ";" as the separator in some.
func TestCSVThunderbird(t *testing.T) {
	t.Parallel()
	data := "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Work Phone,Mobile Number,Birth Year,Birth Month,Birth Day,Custom 1,Notes\n" +
		"Ana,Lima,Ana L.,Nan,ana@example.org,,+1 2,+1 3,,4,15,x,hello,\n" +
		",,,Zed,,,,,1990,12,1,,,\n"
	r := readCSVString(t, data)
	if got := names(r); !slices.Equal(got, []string{"Ana L.", "Zed"}) {
		t.Fatalf("names %q", got)
	}
	if ana := r.people[0]; ana.Birthday != (cadence.MonthDay{Month: 4, Day: 15}) || ana.Notes != "hello" || ana.PhoneTypes["+1 3"] != "mobile" {
		t.Errorf("Ana = %+v", ana)
	}
	if zed := r.people[1]; zed.Birthday != (cadence.MonthDay{Year: 1990, Month: 12, Day: 1}) {
		t.Errorf("Zed = %+v", zed)
	}
	if !hasColumnsNote(r, "1 column tend does not keep: Custom 1") {
		t.Errorf("skips %+v, notes %+v", r.skips, r.notes)
	}
	r = readCSVString(t, "Display Name;First Name\nJos\xe9 Doe;Jos\xe9\n")
	if r.people[0].Name != "José Doe" || !slices.ContainsFunc(r.notes, func(n storeNote) bool { return strings.Contains(n.Text, "read as Windows-1252, a guess") }) {
		t.Errorf("Windows-1252: %q, notes %+v", r.people[0].Name, r.notes)
	}
	r = readCSVString(t, "Display Name;First Name;Last Name;Primary Email\nJohn Doe;John;Doe;john@doe.invalid\n")
	if p := r.people[0]; p.Name != "John Doe" || p.Emails[0] != "john@doe.invalid" {
		t.Errorf("semicolons: %+v", p)
	}
}

// TestCSVOwnLayoutKeepsExtensions: a phone with ;ext= is one phone, as
// tend's export writes it and as a hand-made file may.
func TestCSVOwnLayoutKeepsExtensions(t *testing.T) {
	t.Parallel()
	r := readCSVString(t, "name,phone,dates,org,job_title\nAna,+1-418-656-9254;ext=102; +1 555;+1 556;isub=7,\"anniversary=2015-06-01; name day=--07-26\",ACME,boss\n")
	p := r.people[0]
	if !slices.Equal(p.Phones, []string{"+1-418-656-9254;ext=102", "+1 555", "+1 556;isub=7"}) {
		t.Errorf("phones %q", p.Phones)
	}
	if len(p.ImportantDates) != 2 || p.Org != "ACME" || p.JobTitle != "boss" {
		t.Errorf("Ana = %+v", p)
	}
}

func TestCSVLayoutsBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data, want string
	}{
		{"Google: no name at all", "Name,Given Name,E-mail 1 - Value,Phone 1 - Value,Notes\n,,,,just a note\n", "line 2: nothing gives a name"},
		{"Google: a bad event", "Name,Event 1 - Label,Event 1 - Value\nAna,Anniversary,someday\n", "line 2: event 1"},
		{"Thunderbird: a short row", "Display Name,Primary Email,Notes,\nAna,a@b.c\n", "line 2: the row has 2 fields, the header 4"},
		{"Outlook: no column names anyone", "Title,Birthday,Business Street\nMr.,1/1/1990,Road\n", "line 1: no column gives a name"},
		{"e-mail list: an empty cell", "Primary Email\n\"  \"\nx@y.z\n", ""},
		{"tend: a bad dates cell", "name,dates\nAna,anniversary 06-01\n", `line 2: dates: "anniversary 06-01": want LABEL=MM-DD`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := exchange.ReadCSV(strings.NewReader(tc.data), newRecorder())
			if tc.want == "" {
				if err != nil {
					t.Errorf("error = %v, want none", err)
				}
				return
			}
			var ie *exchange.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want an InputError mentioning %q", err, tc.want)
			}
		})
	}
}

// TestCSVBirthdayLeftOut: a birthday the file gives that cannot be read
// is left out of its row, with a note naming the line and why; the row,
// and the file, are read.
func TestCSVBirthdayLeftOut(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data, note string
	}{
		{"Google: a bad birthday", "Name,Birthday\nAna,1990-02-30\n", `birthday: invalid date "1990-02-30": February has no day 30; left out`},
		{"Thunderbird: a bad birth month", "Display Name,Birth Year,Birth Month,Birth Day\nAna,1990,13,1\n", "birthday: "},
		{"Thunderbird: a word for a month", "Display Name,Birth Month,Birth Day\nAna,May,1\n", `birthday: month "May" and day "1" are not a date; left out`},
		{"Outlook: both date orders", "First Name,Birthday\nAna,20/01/1991\nBen,1/20/1991\n", `birthday: "20/01/1991": the file writes dates both day first and month first; left out`},
		{"tend: a day that is not", "name,birthday\nAna,02-30\n", "birthday: "},
		{"tend: a birthday still to come", "name,birthday\nAna,2999-01-01\n", "birthday 2999-01-01 is in the future; left out"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := newRecorder()
			if err := exchange.ReadCSV(strings.NewReader(tc.data), r); err != nil {
				t.Fatalf("ReadCSV: %v; want the row read without its birthday", err)
			}
			if ana := r.person(t, "Ana"); !ana.Birthday.IsZero() {
				t.Errorf("Ana's birthday = %v; want it left out", ana.Birthday)
			}
			if len(r.notes) == 0 || r.notes[0].Where != "line 2" || !strings.HasPrefix(r.notes[0].Text, tc.note) || !strings.HasSuffix(r.notes[0].Text, "; left out") {
				t.Errorf("notes = %+v; want one for line 2 starting %q", r.notes, tc.note)
			}
		})
	}
}

// TestCSVNicknamesAreAliases keeps a nickname column as aliases, and
// calls someone by their nickname only when nothing else names them.
func TestCSVNicknamesAreAliases(t *testing.T) {
	t.Parallel()
	r := newRecorder()
	data := "First Name,Last Name,Nickname,E-mail Address\nAna,Lima,Aninha,\n,,Zed,zed@example.org\n"
	if err := exchange.ReadCSV(strings.NewReader(data), r); err != nil {
		t.Fatal(err)
	}
	if len(r.people) != 2 {
		t.Fatalf("people = %+v, want two", r.people)
	}
	if ana := r.people[0]; ana.Name != "Ana Lima" || !slices.Equal(ana.Aliases, []string{"Aninha"}) {
		t.Errorf("Ana = %q, aliases %q; want Ana Lima, also called Aninha", ana.Name, ana.Aliases)
	}
	if zed := r.people[1]; zed.Name != "Zed" || len(zed.Aliases) != 0 {
		t.Errorf("Zed = %q, aliases %q; want Zed, with no alias repeating the name", zed.Name, zed.Aliases)
	}
}

// TestCSVAliasesRoundTrip: tend's own aliases column comes back as the
// aliases it wrote.
func TestCSVAliasesRoundTrip(t *testing.T) {
	r := readCSVString(t, "name,aliases\nMum Lima,mum; mama\n")
	if len(r.people) != 1 || strings.Join(r.people[0].Aliases, "|") != "mum|mama" {
		t.Errorf("people = %+v, want Mum Lima with the aliases mum and mama", r.people)
	}
}
