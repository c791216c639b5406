package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/tend-app/tend/internal/domain"
)

// newerSyntax is SQL that SQLite before 3.44 cannot read in a schema: the
// -> and ->> operators and unixepoch() (3.38), and ORDER BY inside an
// aggregate call (3.44). One such object makes the whole file unreadable
// to Debian 12's sqlite3 and Python's module.
var newerSyntax = []*regexp.Regexp{
	regexp.MustCompile(`->`),
	regexp.MustCompile(`(?i)\bunixepoch\s*\(`),
	regexp.MustCompile(`(?i)\b(json_group_array|json_group_object|group_concat|string_agg|sum|total|count|min|max|avg)\s*\([^()]*(\([^()]*\)[^()]*)*\bORDER\s+BY\b`),
	regexp.MustCompile(`(?i)\bSTRICT\s*(;|$)`),
}

// schemaSQL is the SQL of every object in the database at path.
func schemaSQL(t *testing.T, path string) map[string]string {
	t.Helper()
	db := rawDB(t, path)
	rows, err := db.Query(`SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var name, sql string
		if err := rows.Scan(&name, &sql); err != nil {
			t.Fatal(err)
		}
		out[name] = sql
	}
	return out
}

// TestSchemaReadableBy337 checks a new database and one migrated from
// each older schema for SQL that SQLite 3.37 cannot read. (CI also opens
// both with the distribution's sqlite3.)
func TestSchemaReadableBy337(t *testing.T) {
	paths := map[string]string{"new": filepath.Join(t.TempDir(), "tend.db")}
	filled(t, paths["new"])
	for v := 1; v < SchemaVersion(); v++ {
		p := filepath.Join(t.TempDir(), "tend.db")
		writeAtVersion(t, p, v)
		s, err := Open(p, internalOptions(seeds.Add(1)))
		if err != nil {
			t.Fatalf("open a schema %d file: %v", v, err)
		}
		s.Close()
		paths[fmt.Sprintf("from schema %d", v)] = p
	}
	for what, p := range paths {
		for name, sql := range schemaSQL(t, p) {
			for _, re := range newerSyntax {
				if loc := re.FindStringIndex(sql); loc != nil {
					t.Errorf("%s database: %s uses %q, which SQLite 3.37 cannot read", what, name, sql[loc[0]:loc[1]])
				}
			}
		}
	}
}

// TestRefusedWriteDoesNotMigrate: a write command refused before it writes
// (a name that matches no one) leaves a file of an older, readable schema
// as it was: no migration, no copy, no switch of journal mode.
func TestRefusedWriteDoesNotMigrate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	writeAtVersion(t, path, SchemaVersion()-1)
	want := readFile(t, path)
	s, err := Open(path, Options{Now: internalOptions(1).Now, Mode: WriteLater})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindPeople(t.Context(), []string{"nobody"}, PreferActive); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("FindPeople(nobody) = %v, want ErrNotFound", err)
	}
	people, err := s.FindPeople(t.Context(), []string{"old"}, PreferActive)
	if err != nil || len(people) != 1 {
		t.Errorf("reading the older file: %v, %v; want Old Friend", people, err)
	}
	s.Close()
	if got := readFile(t, path); string(got) != string(want) {
		t.Error("a refused write changed a file of the older schema")
	}
	if baks, _ := filepath.Glob(path + ".v*.bak"); len(baks) != 0 {
		t.Errorf("a refused write kept a copy for a migration: %v", baks)
	}
}

// TestWriteSamplesForSQLite3 writes, into the folder TEND_SQLITE_SAMPLES
// names, a new database and one migrated from each older schema, for CI
// to open with the distribution's sqlite3. It does nothing without it.
func TestWriteSamplesForSQLite3(t *testing.T) {
	dir := os.Getenv("TEND_SQLITE_SAMPLES")
	if dir == "" {
		t.Skip("TEND_SQLITE_SAMPLES is not set")
	}
	fresh := filepath.Join(dir, "fresh.db")
	filled(t, fresh)
	for v := 1; v < SchemaVersion(); v++ {
		p := filepath.Join(dir, fmt.Sprintf("migrated-from-%d.db", v))
		writeAtVersion(t, p, v)
		s, err := Open(p, internalOptions(seeds.Add(1)))
		if err != nil {
			t.Fatalf("open a schema %d file: %v", v, err)
		}
		if _, err := s.AddPerson(t.Context(), domain.Person{Name: "New Friend"}); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
}

// TestReadingAnOlderSchemaChangesNothing: a command that only reads a file
// of an older schema reads it brought up to date, in memory, and leaves its
// bytes, its journal mode and its folder as they were.
func TestReadingAnOlderSchemaChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	writeAtVersion(t, path, 3)
	want := readFile(t, path)
	s, err := Open(path, Options{Now: internalOptions(1).Now, Mode: ReadOnly})
	if err != nil {
		t.Fatal(err)
	}
	people, err := s.FindPeople(t.Context(), []string{"old"}, PreferActive)
	if err != nil || len(people) != 1 {
		t.Errorf("reading the older file: %v, %v; want Old Friend", people, err)
	}
	s.Close()
	if got := readFile(t, path); string(got) != string(want) {
		t.Error("reading changed a file of the older schema")
	}
	if extra, _ := filepath.Glob(path + "?*"); len(extra) != 0 {
		t.Errorf("reading left files beside the database: %v", extra)
	}
}
