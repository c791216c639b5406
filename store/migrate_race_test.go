package store

import (
	"database/sql"
	"path/filepath"
	"sync"
	"testing"

	"github.com/tend-app/tend/cadence"
)

// writeAtVersion makes a database at path at schema version v (the first
// v migrations), with one person in it, as an older tend left it.
func writeAtVersion(t *testing.T, path string, v int) {
	t.Helper()
	if _, err := prepareFile(path); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn(path, busyTimeout))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	old := &Store{db: db, path: path, now: internalOptions(1).Now, entropy: internalOptions(1).Entropy}
	if err := old.migrate(t.Context(), migrations()[:v]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO people (id, name, name_key, tier, created_at, updated_at)
		VALUES ('01JOLD00000000000000000000', 'Old Friend', 'old friend', 'close', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA journal_mode = WAL"); err != nil {
		t.Fatal(err)
	}
}

// TestMigrationRace opens a database that needs migrating from 16 stores
// at once: every open succeeds, the file is migrated once, and one copy
// of the old file is kept, not one per process.
func TestMigrationRace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	writeAtVersion(t, path, 1)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(path, internalOptions(seeds.Add(uint64(i))))
			if err != nil {
				errs <- err
				return
			}
			s.Close()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("Open during the race: %v", err)
	}
	baks, _ := filepath.Glob(path + ".v*.bak")
	if len(baks) != 1 {
		t.Errorf("%d copies kept before migrating (%v), want 1", len(baks), baks)
	}
	if left := Leftovers(path); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	s := openInternal(t, path)
	if v, _ := s.userVersion(t.Context()); v != SchemaVersion() {
		t.Errorf("user_version = %d, want %d", v, SchemaVersion())
	}
}

// TestReadsSideBySideOfAnOldFile: an older file opened only to read is
// read from a copy brought up to date in memory; stats reads it on two
// connections at once (the people, and the weeks' counts), and both see
// the copy, not an empty database or the old tables.
func TestReadsSideBySideOfAnOldFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	writeAtVersion(t, path, 1)
	s := openReadOnly(t, path)
	for range 20 {
		var (
			wg     sync.WaitGroup
			dayErr error
			names  []string
			rules  = cadence.DefaultRules()
			now    = internalNow
		)
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, dayErr = s.DayCounts(t.Context(), cadence.ActivitySince(now), now)
		}()
		err := s.EachCadenceUnder(t.Context(), &rules, func(p cadence.Person) error {
			names = append(names, p.Name)
			return nil
		})
		wg.Wait()
		if err != nil || dayErr != nil {
			t.Fatalf("people: %v; weeks: %v", err, dayErr)
		}
		if len(names) != 1 || names[0] != "Old Friend" {
			t.Fatalf("the people of the old file read side by side: %q, want [Old Friend]", names)
		}
	}
}
