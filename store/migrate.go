package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered schema change. Version n brings a database from
// user_version n-1 to n.
type migration struct {
	version int
	name    string
	sql     string
}

// SchemaVersion is the schema version this build writes: the number of its
// last migration. It reads the files' names only, not the migrations
// themselves: `tend version` prints it on every run, and opening a
// database reads and checks them all anyway.
func SchemaVersion() int {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil || len(entries) == 0 {
		return 0
	}
	n, _ := strconv.Atoi(strings.SplitN(entries[len(entries)-1].Name(), "_", 2)[0])
	return n
}

// migrations are read from the embedded files once per process: a command
// that both opens the database and reports the schema version (doctor)
// needs them twice.
var migrations = sync.OnceValue(readMigrations)

func readMigrations() []migration {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		panic(err) // embedded at build time: cannot fail at run time
	}
	var ms []migration
	for _, e := range entries {
		body, err := migrationFiles.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			panic(err)
		}
		n, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		// Numbers only grow; one may be missing while a branch that holds
		// it is apart from the others, and a database never stops at it.
		if err != nil || n < 1 || (len(ms) > 0 && n <= ms[len(ms)-1].version) {
			panic(fmt.Sprintf("migration %s is out of sequence", e.Name()))
		}
		ms = append(ms, migration{version: n, name: e.Name(), sql: string(body)})
	}
	return slices.Clip(ms) // shared: an append must copy
}

// migrate brings the schema up to date. It takes the write lock first
// and only then reads user_version and decides, so that of processes that
// open a database needing a migration at the same moment, one migrates
// (and writes the copy beside the file) while the others wait and find
// nothing left to do. Before migrating a database that already holds data,
// a copy is written next to the file. Every step runs in one transaction:
// a migration is all or nothing.
func (s *Store) migrate(ctx context.Context, ms []migration) error {
	current, err := s.userVersion(ctx)
	if err != nil {
		return err
	}
	last := 0
	if len(ms) > 0 {
		last = ms[len(ms)-1].version
	}
	if current > last {
		return fmt.Errorf("%w: schema version %d, this tend knows up to %d; upgrade tend (the file was left untouched)", ErrNewerSchema, current, last)
	}
	if current == last {
		return nil
	}
	return s.transact(ctx, func(tx *sql.Tx) error {
		var v int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
			return err
		}
		if v >= last {
			return nil // another process got here first
		}
		if v == 0 {
			if err := checkEmpty(ctx, tx); err != nil {
				return err
			}
		} else {
			// A file another process is creating at this moment is at an
			// early version with nothing in it yet: there is nothing to
			// keep. The copy is read by another connection, which sees the
			// file as it is, before this transaction's changes.
			var anyone bool
			if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM people)").Scan(&anyone); err != nil {
				return fmt.Errorf("read people: %w", err)
			}
			if anyone && !s.inMemory { // a copy in memory needs no copy kept
				if err := s.backup(ctx, v); err != nil {
					return err
				}
			}
		}
		for _, m := range ms {
			if m.version <= v {
				continue
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", last))
		return err
	})
}

// checkEmpty refuses to lay the first schema over a file that already holds
// tables: an SQLite file of another program, which must be left untouched.
func checkEmpty(ctx context.Context, tx *sql.Tx) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	if n > 0 {
		return errors.New("not a tend database: the file holds other tables (it was left untouched)")
	}
	return nil
}

func (s *Store) userVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// backup writes a consistent copy of the database next to it, named after
// the schema version it holds, before a migration changes it. The copy is
// made whole under a temporary name and then linked to its own, so it is
// never half written, and never replaces an earlier one.
func (s *Store) backup(ctx context.Context, version int) error {
	snap, err := s.snapshot(ctx)
	if err != nil {
		return fmt.Errorf("no copy of it could be kept before bringing it up to date, so nothing was changed: %w", err)
	}
	defer snap.remove()
	for i := 1; ; i++ {
		dst := fmt.Sprintf("%s.v%d.bak", s.path, version)
		if i > 1 {
			dst = fmt.Sprintf("%s.v%d.%d.bak", s.path, version, i)
		}
		err := os.Link(snap.name, dst)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("no copy of it could be kept before bringing it up to date, so nothing was changed: %w", unwrapPath(err))
		}
		return nil
	}
}
