package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpus is the shared test data, from here.
const corpus = "../../../shared/corpus"

// importTwice runs an import as a user would: a dry run, the import, and
// the same import again, which must find everything matched and nothing
// new; then the second run once more with --json.
func importTwice(h *harness, args ...string) {
	h.t.Helper()
	h.ok(append(append([]string{}, args...), "--dry-run")...)
	h.ok(args...)
	h.ok(args...)
	h.ok(append(append([]string{}, args...), "--json")...)
}

// TestImportSummaries shows what every importer says, in a fresh
// database, the first time and the second: people, interactions and
// memories apart, new apart from matched, and what was skipped counted
// in the file's own unit (cards, rows, entries, records), with parts of
// a record passed over (a property, a column) in notes.
func TestImportSummaries(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("the shared corpus is not here (%s): %v", corpus, err)
	}
	var transcript strings.Builder
	fresh := func(title string) *harness {
		h := newHarness(t)
		h.transcript.WriteString("# " + title + "\n\n")
		return h
	}
	keep := func(h *harness, dirs ...string) {
		out := h.transcript.String()
		for _, d := range dirs {
			out = strings.ReplaceAll(out, d, "$DIR")
		}
		transcript.WriteString(out)
	}

	// tend's own JSON, exported from one database into another.
	src := newHarness(t)
	seed(src)
	doc := filepath.Join(t.TempDir(), "tend.json")
	src.ok("export", "json", "-o", doc)
	h := fresh("json")
	importTwice(h, "import", "json", doc)
	keep(h, filepath.Dir(doc))

	// One vCard file with a birthday tend cannot read and properties it
	// does not keep; one with a contact group, which is not a person.
	h = fresh("vcard file")
	importTwice(h, "import", "vcard", filepath.Join(corpus, "vcf", "folkerkinzel__v4.vcf"))
	keep(h)
	dir := t.TempDir()
	group := writeFile(t, dir, "with-group.vcf", "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Lima\r\nADR:;;1 Rua;Lisboa;;;PT\r\nEND:VCARD\r\n"+
		"BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Climbing club\r\nEND:VCARD\r\n"+
		"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ben Okafor\r\nADR:;;2 Road;London;;;UK\r\nEND:VCARD\r\n")
	h = fresh("vcard file with a group")
	importTwice(h, "import", "vcard", group)
	keep(h, dir)

	// A folder of vCards, one card a file, and one file that is no vCard.
	folder := t.TempDir()
	for _, name := range []string{"aosp__v40_sort_as.vcf", "ezvcard__John_Doe_IPHONE.vcf", "aosp__v21_backslash.vcf"} {
		b, err := os.ReadFile(filepath.Join(corpus, "vcf", name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, folder, name, string(b))
	}
	writeFile(t, folder, "photo.vcf", "\x89PNG\r\n\x1a\n\x00\x00")
	h = fresh("vcard folder")
	importTwice(h, "import", "vcard", folder)
	keep(h, folder)

	// A CSV of each layout: tend's own, Google Contacts, Outlook,
	// Thunderbird.
	own := writeFile(t, dir, "people.csv", "name,tier,birthday,phone,tags,address\n"+
		"Ana Lima,inner,--04-15,+351 912 345 678,climbing,1 Rua\n"+
		"Ben Okafor,close,,+44 7700 900123,,2 Road\n")
	h = fresh("csv, tend's columns")
	importTwice(h, "import", "csv", own)
	keep(h, dir)
	for _, c := range []struct{ title, file string }{
		{"csv, Google Contacts", "roundcube__gmail.csv"},
		{"csv, Outlook", "roundcube__outlook.csv"},
		{"csv, Thunderbird", "thunderbird__export.csv"},
	} {
		h = fresh(c.title)
		importTwice(h, "import", "csv", filepath.Join(corpus, "real", "csv", c.file))
		keep(h)
	}

	// friends.md of exactly three friends: "3 new people", then "3 matched".
	h = fresh("friends.md")
	importTwice(h, "import", "friends", filepath.Join(corpus, "friends", "friends.md"))
	keep(h)

	// Call logs and message histories, for people already in tend.
	h = fresh("calls")
	h.env = append(h.env, "LANG=en_US.UTF-8")
	h.ok("add", "John Stuart", "--phone", "5555550001")
	importTwice(h, "import", "calls", filepath.Join(corpus, "real", "logs", "sbr", "mcb__calls-test-00.xml"))
	keep(h)
	h = fresh("messages")
	h.env = append(h.env, "LANG=en_US.UTF-8")
	h.ok("add", "Max Mustermann", "--phone", "+49 176 2345678")
	importTwice(h, "import", "messages", filepath.Join(corpus, "real", "logs", "sbr", "sbm__sms-and-mms.xml"))
	keep(h)

	compareGolden(t, "import_summaries", transcript.String())
}

// TestImportOfAnAddressBookSaysWhatItBrings: a re-import that only updates
// says so, not "nothing new" alone; an address book of many new people
// gets the hint that they all come due on one day.
func TestImportOfAnAddressBookSaysWhatItBrings(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Oscar Wilde", "--phone", "5555550004")
	card := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Oscar Wilde\r\nEMAIL:oscar@example.com\r\nEND:VCARD\r\n"
	if out := h.runIn(card, "import", "vcard", "-").stdout; !strings.Contains(out, "nothing new, 1 updated") {
		t.Errorf("an import that updated Oscar:\n%s\nwant nothing new, 1 updated", out)
	}
	var many strings.Builder
	for i := range manyNewPeople {
		fmt.Fprintf(&many, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %d\r\nEND:VCARD\r\n", i)
	}
	if out := h.runIn(many.String(), "import", "vcard", "-").stdout; !strings.Contains(out, "hint: the 50 new people are all due on the same day") {
		t.Errorf("an address book of 50:\n%s\nwant the hint about tiers", out)
	}
}
