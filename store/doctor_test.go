package store

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// filled makes a closed database at path with people, an interaction
// between two of them and a memory, and returns their ids.
func filled(t *testing.T, path string) (ana, ben string) {
	t.Helper()
	s, err := Open(path, internalOptions(seeds.Add(1)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := t.Context()
	a, err := s.AddPerson(ctx, domain.Person{Name: "Ana Lima", Notes: "exam on Friday"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AddPerson(ctx, domain.Person{Name: "Ben Okafor"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddInteraction(ctx, domain.Interaction{People: []string{a.ID, b.ID}, Via: cadence.InPerson, At: internalNow.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMemory(ctx, domain.Memory{PersonID: a.ID, Text: "ask about the exam"}); err != nil {
		t.Fatal(err)
	}
	return a.ID, b.ID
}

// sideFiles lists what lies next to path besides path itself.
func sideFiles(t *testing.T, path string) []string {
	t.Helper()
	found, err := filepath.Glob(path + "?*")
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func TestInspectHealthyDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	filled(t, path)
	want := readFile(t, path)

	h, err := Inspect(t.Context(), path)
	if err != nil {
		t.Fatalf("Inspect = %v, want no error", err)
	}
	if !h.Sound() {
		t.Errorf("Inspect(a healthy database) = %+v, want Sound", h)
	}
	if h.SchemaVersion != SchemaVersion() || h.People != 2 || h.Interactions != 1 {
		t.Errorf("Inspect = version %d, %d people, %d interactions; want %d, 2, 1",
			h.SchemaVersion, h.People, h.Interactions, SchemaVersion())
	}
	if got := readFile(t, path); !bytes.Equal(got, want) {
		t.Error("Inspect changed the file, want it read only")
	}
	if side := sideFiles(t, path); len(side) != 0 {
		t.Errorf("Inspect left %v behind, want nothing beside the file", side)
	}
}

// TestInspectWhileAnotherStoreWrites checks the doctor on a database in
// use: a WAL file with data in it is read, and not removed from under the
// store that owns it.
func TestInspectWhileAnotherStoreWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	filled(t, path)
	s := openInternal(t, path)
	if _, err := s.AddPerson(t.Context(), domain.Person{Name: "Carla"}); err != nil {
		t.Fatal(err)
	}
	h, err := Inspect(t.Context(), path)
	if err != nil || !h.Sound() || h.People != 3 {
		t.Fatalf("Inspect of a database in use = %+v, %v; want sound, with the 3 people written so far", h, err)
	}
	if _, err := s.AddPerson(t.Context(), domain.Person{Name: "Dara"}); err != nil {
		t.Errorf("the store cannot write after Inspect: %v", err)
	}
}

func TestInspectFindsOrphansAndBrokenLinks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	ana, _ := filled(t, path)
	// Another program, with foreign keys off (SQLite's default), deletes
	// Ana and leaves an interaction with no one in it.
	db := rawDB(t, path)
	for _, q := range []string{
		fmt.Sprintf(`DELETE FROM people WHERE id = '%s'`, ana),
		`INSERT INTO interactions (id, via, direction, at, created_at) VALUES ('lonely', 'call', 'out', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	h, err := Inspect(t.Context(), path)
	if err != nil {
		t.Fatalf("Inspect = %v, want no error", err)
	}
	if h.Sound() {
		t.Error("Inspect(a database with orphans) is Sound, want not")
	}
	orphans := map[string]int{}
	for _, o := range h.Orphans {
		orphans[o.What] = o.Rows
	}
	for what, n := range map[string]int{
		"interactions with no one in them":                   1,
		"links from interactions to people who do not exist": 1,
		"memories of people who do not exist":                1,
	} {
		if orphans[what] != n {
			t.Errorf("orphans %q = %d, want %d (all: %+v)", what, orphans[what], n, h.Orphans)
		}
	}
	var links []string
	for _, b := range h.BrokenLinks {
		links = append(links, fmt.Sprintf("%s->%s:%d", b.Table, b.Parent, b.Rows))
	}
	for _, want := range []string{"interaction_people->people:1", "memories->people:1"} {
		if !slices.Contains(links, want) {
			t.Errorf("broken links = %v, want %s among them", links, want)
		}
	}
}

func TestInspectDamagedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	s, err := Open(path, internalOptions(seeds.Add(1)))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		if _, err := s.AddPerson(t.Context(), domain.Person{Name: fmt.Sprintf("Person %03d", i), Notes: strings.Repeat("n", 2000)}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	damage(t, path)
	want := readFile(t, path)

	h, err := Inspect(t.Context(), path)
	if err != nil || len(h.Damage) == 0 || h.Sound() {
		t.Errorf("Inspect(a damaged file) = %+v, %v; want damage reported", h, err)
	}
	if got := readFile(t, path); !bytes.Equal(got, want) {
		t.Error("Inspect changed a damaged file, want it left as it is")
	}
}

// damage overwrites the middle of a database file, past its first page,
// with bytes that are not SQLite's: what a failing disk or a bad copy does.
func damage(t *testing.T, path string) {
	t.Helper()
	b := readFile(t, path)
	if len(b) < 16*4096 {
		t.Fatalf("the file is %d bytes, too small to damage in the middle", len(b))
	}
	junk := randomBytes(t, 4*4096)
	copy(b[len(b)/2:], junk)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestInspectNewerSchemaLeavesItUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	filled(t, path)
	db := rawDB(t, path)
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	want := readFile(t, path)

	h, err := Inspect(t.Context(), path)
	if err != nil {
		t.Fatalf("Inspect = %v, want no error", err)
	}
	if h.SchemaVersion != SchemaVersion()+1 || h.Sound() {
		t.Errorf("Inspect(newer) = version %d, sound %v; want %d, not sound", h.SchemaVersion, h.Sound(), SchemaVersion()+1)
	}
	if got := readFile(t, path); !bytes.Equal(got, want) {
		t.Error("Inspect changed a file from a newer tend, want it untouched")
	}
}

func TestInspectFilesThatAreNotTend(t *testing.T) {
	dir := t.TempDir()

	junk := filepath.Join(dir, "junk.db")
	want := randomBytes(t, 8192)
	if err := os.WriteFile(junk, want, 0o600); err != nil {
		t.Fatal(err)
	}
	if h, err := Inspect(t.Context(), junk); err == nil {
		t.Errorf("Inspect(random bytes) = %+v, nil; want an error", h)
	}
	if got := readFile(t, junk); !bytes.Equal(got, want) {
		t.Error("Inspect changed a file of random bytes")
	}
	if side := sideFiles(t, junk); len(side) != 0 {
		t.Errorf("Inspect(random bytes) left %v behind", side)
	}

	photos := filepath.Join(dir, "photos.db")
	db := rawDB(t, photos)
	if _, err := db.Exec("CREATE TABLE photos (id INTEGER PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if h, err := Inspect(t.Context(), photos); err != nil || !h.Foreign || h.Sound() {
		t.Errorf("Inspect(another program's database) = %+v, %v; want Foreign and not sound", h, err)
	}

	missing := filepath.Join(dir, "missing.db")
	if _, err := Inspect(t.Context(), missing); err == nil {
		t.Error("Inspect(a missing file) = nil error, want one")
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("Inspect created a missing file, want nothing made")
	}

	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if h, err := Inspect(t.Context(), empty); err != nil || !h.Sound() || h.SchemaVersion != 0 {
		t.Errorf("Inspect(an empty file) = %+v, %v; want sound at version 0", h, err)
	}
}
