package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tend-app/tend/internal/domain"
)

// withNickname is the real migrations plus a fake next version that adds a
// column, as a future tend would.
func withNickname() []migration {
	ms := migrations()
	return append(ms, migration{
		version: SchemaVersion() + 1,
		name:    fmt.Sprintf("%04d_nickname.sql", SchemaVersion()+1),
		sql:     `ALTER TABLE people ADD COLUMN nickname TEXT NOT NULL DEFAULT '';`,
	})
}

// rawDB opens path with no tend settings at all (rollback journal, the
// driver's defaults), for making and inspecting files by hand.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func schemaObjects(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT type || ' ' || name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func TestMigrationsAreNumberedInOrder(t *testing.T) {
	ms := migrations()
	if len(ms) == 0 {
		t.Fatal("migrations() is empty, want at least the first schema")
	}
	for i, m := range ms {
		// A number may be missing (held by a branch apart), never repeated
		// or out of order.
		if i > 0 && m.version <= ms[i-1].version || m.version < 1 {
			t.Errorf("migration %d (%s) has version %d, after %d", i, m.name, m.version, ms[max(i-1, 0)].version)
		}
		if strings.TrimSpace(m.sql) == "" {
			t.Errorf("migration %s is empty", m.name)
		}
	}
	if SchemaVersion() != ms[len(ms)-1].version {
		t.Errorf("SchemaVersion() = %d, want %d (the last migration's)", SchemaVersion(), ms[len(ms)-1].version)
	}
}

func TestMigrateFromEmptyAppliesAll(t *testing.T) {
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	v, err := s.userVersion(t.Context())
	if err != nil || v != SchemaVersion() {
		t.Fatalf("user_version = %d, %v; want %d, nil", v, err, SchemaVersion())
	}
	got := schemaObjects(t, s.db)
	for _, want := range []string{
		"table people", "table interactions", "table interaction_people", "table memories", "table important_dates",
		"index people_active_name", "index interactions_at", "index interaction_people_person_real_at",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("schema after migrating from empty lacks %q; has %v", want, got)
		}
	}
	// A new database holds no data, so there is nothing to back up.
	if baks, _ := filepath.Glob(s.path + "*.bak"); len(baks) != 0 {
		t.Errorf("migrating a new database wrote backups %v, want none", baks)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	for _, journal := range []string{"delete", "wal"} {
		t.Run(journal, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tend.db")
			db := rawDB(t, path)
			for _, q := range []string{
				"PRAGMA journal_mode = " + journal,
				"CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT, future TEXT)",
				"INSERT INTO people VALUES ('1', 'Ana', 'x')",
				fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1),
			} {
				if _, err := db.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			want := readFile(t, path)

			s, err := Open(path, internalOptions(1))
			if err == nil {
				s.Close()
				t.Fatalf("Open(a database at version %d) = nil error, want ErrNewerSchema", SchemaVersion()+1)
			}
			if !errors.Is(err, ErrNewerSchema) {
				t.Errorf("Open(newer) error = %v, want one wrapping ErrNewerSchema", err)
			}
			if !strings.Contains(err.Error(), "newer") {
				t.Errorf("Open(newer) error = %q, want it to say the file is newer", err)
			}
			if got := readFile(t, path); !bytes.Equal(got, want) {
				t.Errorf("refused Open changed the file (%d bytes, header journal bytes %v), want it byte for byte as before (header %v)",
					len(got), got[18:20], want[18:20])
			}
			if baks, _ := filepath.Glob(path + "*.bak"); len(baks) != 0 {
				t.Errorf("refused Open wrote backups %v, want none", baks)
			}
		})
	}
}

func TestOpenRefusesAnotherProgramsDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "photos.db")
	db := rawDB(t, path)
	for _, q := range []string{
		"CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT)",
		"INSERT INTO photos (file) VALUES ('beach.jpg')",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	want := readFile(t, path)

	s, err := Open(path, internalOptions(1))
	if err == nil {
		s.Close()
		t.Fatal("Open(another program's SQLite file) = nil error, want a refusal")
	}
	if !strings.Contains(err.Error(), "not a tend database") {
		t.Errorf("Open(another program's SQLite file) error = %q, want it to say %q", err, "not a tend database")
	}
	if got := readFile(t, path); !bytes.Equal(got, want) {
		t.Errorf("refused Open changed another program's file (%d bytes), want it as it was (%d bytes)", len(got), len(want))
	}
}

func TestMigrateExistingDataWritesBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	s := openInternal(t, path)
	ctx := t.Context()
	from := SchemaVersion()
	ana, err := s.AddPerson(ctx, domain.Person{Name: "Ana Lima"})
	if err != nil {
		t.Fatal(err)
	}

	if err := s.migrate(ctx, withNickname()); err != nil {
		t.Fatalf("migrate to version %d = %v, want no error", from+1, err)
	}
	if v, _ := s.userVersion(ctx); v != from+1 {
		t.Errorf("user_version after migrating = %d, want %d", v, from+1)
	}
	var nick string
	if err := s.db.QueryRowContext(ctx, `SELECT nickname FROM people WHERE id = ?`, ana.ID).Scan(&nick); err != nil {
		t.Errorf("new column after migrating: %v, want it to exist with its default", err)
	}

	bak := fmt.Sprintf("%s.v%d.bak", path, from)
	wantPrivate(t, bak, 0o600, false)
	if info, err := os.Stat(bak); err == nil && info.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %04o, want 0600", info.Mode().Perm())
	}
	old := rawDB(t, bak)
	var name string
	var v int
	if err := old.QueryRow(`SELECT name FROM people WHERE id = ?`, ana.ID).Scan(&name); err != nil || name != "Ana Lima" {
		t.Errorf("backup holds %q, %v; want Ana Lima", name, err)
	}
	if err := old.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil || v != from {
		t.Errorf("backup user_version = %d, %v; want %d", v, err, from)
	}
	if slices.Contains(columns(t, old, "people"), "nickname") {
		t.Errorf("backup already has the new column, want the schema before the migration")
	}

	// The store keeps working on the migrated file.
	if _, err := s.AddPerson(ctx, domain.Person{Name: "Bruno"}); err != nil {
		t.Errorf("AddPerson after migrating = %v, want no error", err)
	}
}

func columns(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	rows, err := db.Query(`SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		rows.Scan(&c)
		out = append(out, c)
	}
	return out
}

func TestMigrateBackupNeverOverwrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	s := openInternal(t, path)
	if _, err := s.AddPerson(t.Context(), domain.Person{Name: "Ana"}); err != nil {
		t.Fatal(err)
	}
	v, _ := s.userVersion(t.Context())
	first := fmt.Sprintf("%s.v%d.bak", path, v)
	if err := os.WriteFile(first, []byte("an older backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.migrate(t.Context(), withNickname()); err != nil {
		t.Fatal(err)
	}
	if got := string(readFile(t, first)); got != "an older backup" {
		t.Errorf("existing backup was overwritten (now %d bytes), want it kept", len(got))
	}
	second := fmt.Sprintf("%s.v%d.2.bak", path, v)
	wantPrivate(t, second, 0o600, false)
}

func TestMigrateTwiceIsNoOp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	s := openInternal(t, path)
	ctx := t.Context()
	if _, err := s.AddPerson(ctx, domain.Person{Name: "Ana"}); err != nil {
		t.Fatal(err)
	}
	before := schemaObjects(t, s.db)
	if err := s.migrate(ctx, migrations()); err != nil {
		t.Fatalf("second migrate = %v, want no error", err)
	}
	if got := schemaObjects(t, s.db); !slices.Equal(got, before) {
		t.Errorf("schema after a second migrate = %v, want unchanged %v", got, before)
	}
	if baks, _ := filepath.Glob(path + "*.bak"); len(baks) != 0 {
		t.Errorf("a migrate with nothing to do wrote backups %v, want none", baks)
	}

	// Up a version, then again: the second run neither migrates nor backs up.
	if err := s.migrate(ctx, withNickname()); err != nil {
		t.Fatal(err)
	}
	if err := s.migrate(ctx, withNickname()); err != nil {
		t.Fatalf("repeating the migration = %v, want no error", err)
	}
	if baks, _ := filepath.Glob(path + "*.bak"); len(baks) != 1 {
		t.Errorf("backups after migrating once then again = %v, want exactly one", baks)
	}
	if v, _ := s.userVersion(ctx); v != SchemaVersion()+1 {
		t.Errorf("user_version = %d, want %d", v, SchemaVersion()+1)
	}
	// Reopening with this build now refuses the file: it is newer.
	s.Close()
	if s2, err := Open(path, internalOptions(2)); !errors.Is(err, ErrNewerSchema) {
		if err == nil {
			s2.Close()
		}
		t.Errorf("Open after a newer migration = %v, want ErrNewerSchema", err)
	}
}

func TestMigrateFailureRollsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	s := openInternal(t, path)
	ctx := t.Context()
	ana, err := s.AddPerson(ctx, domain.Person{Name: "Ana"})
	if err != nil {
		t.Fatal(err)
	}
	ms := append(migrations(), migration{
		version: SchemaVersion() + 1, name: "broken.sql",
		sql: `ALTER TABLE people ADD COLUMN half TEXT; CREATE TABLE people (id TEXT);`,
	})
	err = s.migrate(ctx, ms)
	if err == nil || !strings.Contains(err.Error(), "broken.sql") {
		t.Fatalf("migrate with a broken step = %v, want an error naming broken.sql", err)
	}
	if v, _ := s.userVersion(ctx); v != SchemaVersion() {
		t.Errorf("user_version after a failed migration = %d, want %d", v, SchemaVersion())
	}
	if slices.Contains(columns(t, s.db, "people"), "half") {
		t.Errorf("a failed migration left half of its changes (column half), want none")
	}
	if _, err := s.Person(ctx, ana.ID); err != nil {
		t.Errorf("Person after a failed migration = %v, want Ana still there", err)
	}
}

func TestConcurrentFirstOpens(t *testing.T) {
	for round := range 5 {
		path := filepath.Join(t.TempDir(), "new", "tend.db")
		const n = 4
		var wg sync.WaitGroup
		stores := make([]*Store, n)
		errs := make([]error, n)
		start := make(chan struct{})
		for i := range n {
			wg.Go(func() {
				<-start
				stores[i], errs[i] = Open(path, internalOptions(uint64(i)))
			})
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("round %d: Open #%d of a new database = %v, want no error", round, i, err)
				continue
			}
			defer stores[i].Close()
			if v, err := stores[i].userVersion(t.Context()); err != nil || v != SchemaVersion() {
				t.Errorf("round %d: store #%d sees user_version %d, %v; want %d", round, i, v, err, SchemaVersion())
			}
		}
		if t.Failed() {
			return
		}
		// Every store can write, and the schema was made once.
		for i, s := range stores {
			if _, err := s.AddPerson(t.Context(), domain.Person{Name: fmt.Sprintf("P%d", i)}); err != nil {
				t.Errorf("round %d: AddPerson through store #%d = %v", round, i, err)
			}
		}
		if ps, _ := stores[0].People(t.Context(), PeopleFilter{}); len(ps) != n {
			t.Errorf("round %d: %d people after %d adds, want %d", round, len(ps), n, n)
		}
		if baks, _ := filepath.Glob(path + "*.bak"); len(baks) != 0 {
			t.Errorf("round %d: concurrent first opens wrote backups %v, want none", round, baks)
		}
	}
}

// migrationNumbered is the migration of number n.
func migrationNumbered(t *testing.T, n int) migration {
	t.Helper()
	for _, m := range migrations() {
		if m.version == n {
			return m
		}
	}
	t.Fatalf("no migration numbered %d", n)
	return migration{}
}

// TestMissedMigrationReadsOnOldSQLite checks the text of migration 0005
// for what SQLite 3.37 cannot read: the JSON operators, unixepoch() and an
// ORDER BY inside json_group_array.
func TestMissedMigrationReadsOnOldSQLite(t *testing.T) {
	m := migrationNumbered(t, 5)
	if !strings.Contains(m.name, "missed") {
		t.Fatalf("migration 5 is %s", m.name)
	}
	var code []string
	for _, line := range strings.Split(m.sql, "\n") {
		if before, _, ok := strings.Cut(line, "--"); ok {
			line = before
		}
		code = append(code, line)
	}
	body := strings.Join(strings.Fields(strings.Join(code, " ")), " ")
	for _, bad := range []string{"->", "unixepoch(", "json_group_array(json(e) ORDER BY"} {
		if strings.Contains(body, bad) {
			t.Errorf("migration 0005 uses %q, which SQLite 3.37 cannot read", bad)
		}
	}
}
