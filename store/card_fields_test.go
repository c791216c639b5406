package store_test

import (
	"database/sql"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// TestCardFieldsRoundTrip stores what an address book adds to a person and
// reads it back field by field, through add, update and an import merge.
func TestCardFieldsRoundTrip(t *testing.T) {
	s, _ := openTestClock(t)
	ctx := t.Context()
	in := domain.Person{
		Name: "安藤 ロイド", Phones: []string{"+81 90 1234", "+81 3 5555"}, Emails: []string{"roido@example.jp"},
		Org: " Bike Shop ", JobTitle: "mechanic",
		PhoneTypes: map[string]string{"+81 90 1234": "Mobile", "+81 3 5555": "work,fax", "+1 gone": "home"},
		EmailTypes: map[string]string{"roido@example.jp": "home"},
		NameParts:  domain.NameParts{Family: "安藤", Given: "ロイド"},
		UID:        "urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1",
	}
	added := mustAddPerson(t, s, in)
	got := mustPerson(t, s, added.ID)
	if got.Org != "Bike Shop" || got.JobTitle != "mechanic" || got.NameParts != in.NameParts || got.UID != in.UID {
		t.Errorf("read back org %q, title %q, N %+v, UID %q", got.Org, got.JobTitle, got.NameParts, got.UID)
	}
	// Types are kept in lower case, and only for phones the person has.
	wantPhones := map[string]string{"+81 90 1234": "mobile", "+81 3 5555": "work,fax"}
	if !maps.Equal(got.PhoneTypes, wantPhones) || !maps.Equal(got.EmailTypes, in.EmailTypes) {
		t.Errorf("types read back %v %v", got.PhoneTypes, got.EmailTypes)
	}
	// A phone removed takes its type with it.
	got, err := s.UpdatePerson(ctx, added.ID, func(p *domain.Person) error { p.Phones = p.Phones[1:]; return nil })
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(mustPerson(t, s, added.ID).PhoneTypes, map[string]string{"+81 3 5555": "work,fax"}) {
		t.Errorf("after removing a phone, types %v", got.PhoneTypes)
	}

	// An address book that knows more: the organisation changes, a type is
	// added, the UID tend holds stays.
	_, err = s.Import(ctx, store.ImportOptions{}, func(im *store.Import) error {
		_, err := im.MatchPerson(domain.Person{Name: "安藤 ロイド", Org: "Cafe", Phones: []string{"+81 3-5555", "+81 90 7777"},
			PhoneTypes: map[string]string{"+81 90 7777": "mobile"}, UID: "other"})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got = mustPerson(t, s, added.ID)
	// +81 3-5555 is the number tend has as +81 3 5555.
	if !slices.Equal(got.Phones, []string{"+81 3 5555", "+81 90 7777"}) {
		t.Errorf("phones after the merge: %q", got.Phones)
	}
	if got.Org != "Cafe" || got.JobTitle != "mechanic" || got.UID != in.UID ||
		!maps.Equal(got.PhoneTypes, map[string]string{"+81 3 5555": "work,fax", "+81 90 7777": "mobile"}) {
		t.Errorf("after the merge: %+v", got)
	}
}

// TestImportMatchesByUID matches a card to the person who holds its UID,
// whatever name the card gives.
func TestImportMatchesByUID(t *testing.T) {
	s, _ := openTestClock(t)
	ctx := t.Context()
	ana := mustAddPerson(t, s, domain.Person{Name: "Ana Lima", UID: "u-1"})
	mustAdd(t, s, "Ana")
	res, err := s.Import(ctx, store.ImportOptions{}, func(im *store.Import) error {
		id, err := im.MatchPerson(domain.Person{Name: "Ana", UID: "u-1", Emails: []string{"ana@example.org"}})
		if id != ana.ID {
			t.Errorf("matched %s, want Ana Lima %s", id, ana.ID)
		}
		return err
	})
	if err != nil || res.People.Matched != 1 || res.People.New != 0 {
		t.Fatalf("import: %v, %+v", err, res.People)
	}
	if got := mustPerson(t, s, ana.ID); got.Name != "Ana Lima" || len(got.Emails) != 1 {
		t.Errorf("Ana Lima after the merge: %+v", got)
	}
}

// TestOldRowsReadWithoutCardFields reads a person written before migration
// 0007 filled its columns: the defaults read as nothing known.
func TestOldRowsReadWithoutCardFields(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	clk := &clock{t: fixedNow}
	s := openAt(t, path, clk)
	p := mustAdd(t, s, "Ana")
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE people SET phones = '["+1 555"]', phone_types = '[]', email_types = '[]', name_parts = '', uid = ''`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	got := mustPerson(t, openAt(t, path, clk), p.ID)
	if len(got.PhoneTypes) != 0 || !got.NameParts.IsZero() || got.UID != "" || got.Phones[0] != "+1 555" {
		t.Errorf("old row read as %+v", got)
	}
}
