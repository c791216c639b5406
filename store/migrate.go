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
// last migration.
func SchemaVersion() int {
	ms := migrations()
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
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

// migrate brings the schema up to date. Each migration runs in its own
// immediate transaction that re-reads user_version first, so processes that
// open a new database at the same moment apply each step once. Before the
// first step on a database that already holds data, a copy is written next
// to the file.
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
	if current > 0 {
		// A file another process is creating at this moment is at an
		// early version with nothing in it yet: there is nothing to keep.
		empty, err := s.holdsNoOne(ctx)
		if err != nil {
			return err
		}
		if !empty {
			if err := s.backup(ctx, current); err != nil {
				return err
			}
		}
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		err := s.write(ctx, func(tx *sql.Tx) error {
			var v int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
				return err
			}
			if v >= m.version {
				return nil // another process got here first
			}
			if v == 0 {
				if err := checkEmpty(ctx, tx); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
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

// holdsNoOne reports whether the database has no people, and so no data:
// everything else in it belongs to someone.
func (s *Store) holdsNoOne(ctx context.Context) (bool, error) {
	var any bool
	if err := s.db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM people)").Scan(&any); err != nil {
		return false, fmt.Errorf("read people: %w", err)
	}
	return !any, nil
}

func (s *Store) userVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// backup writes a consistent copy of the database next to it, named after
// the schema version it holds, before a migration changes it.
func (s *Store) backup(ctx context.Context, version int) error {
	dst := fmt.Sprintf("%s.v%d.bak", s.path, version)
	for i := 2; ; i++ {
		if _, err := os.Stat(dst); os.IsNotExist(err) {
			break
		}
		dst = fmt.Sprintf("%s.v%d.%d.bak", s.path, version, i)
	}
	// VACUUM INTO accepts an empty file; making it first, 0600, means the
	// copy is never readable by others, not even for a moment.
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("back up before migrating: %w", err)
	}
	f.Close()
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		os.Remove(dst)
		return fmt.Errorf("back up before migrating: %w", err)
	}
	return nil
}
