// Package store keeps tend's data in one SQLite file and owns every line of
// SQL in the program.
package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/oklog/ulid/v2"
	"modernc.org/sqlite" // the pure-Go driver, registered as "sqlite"
)

// Options configure a Store.
type Options struct {
	// Now is the clock. It is the only source of time the store uses: for
	// created_at and updated_at, and for the time part of new ids.
	Now func() time.Time
	// Entropy feeds the random part of new ids; crypto/rand when nil.
	Entropy io.Reader
	// Waiting, when set, is called once, the first time a write has to
	// wait for another process's write to end (such as a long import), so
	// that a person at a terminal knows why nothing happens. The write
	// then goes on waiting.
	Waiting func()
}

// Store is an open tend database.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time

	idMu    sync.Mutex
	entropy io.Reader

	waiting  func()
	waitOnce sync.Once
}

// busyTimeout is how long a statement waits for a lock another process
// holds. Taking the write lock at the start of a write waits longer (see
// noticeAfter), since an import holds it for as long as it runs.
const busyTimeout = 10 * time.Second

// Open opens the database at path, creating it (and its folder, 0700) if
// needed, and brings its schema up to date. A file that is not a tend
// database, or one written by a newer version, is refused and left as it is.
func Open(path string, opts Options) (*Store, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Entropy == nil {
		opts.Entropy = rand.Reader
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := prepareFile(abs); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: abs, now: opts.Now, entropy: opts.Entropy, waiting: opts.Waiting}
	if err := s.migrate(context.Background(), migrations()); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, s.explainBusy(err))
	}
	// WAL is switched on only now, once the file is known to be a tend
	// database of this version: the switch rewrites the file header, and a
	// refused file must be left as it was. The mode is kept in the file.
	if err := setWAL(db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, s.explainBusy(err))
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// moment is the time a write records (created_at, updated_at, done_at):
// the injected clock's, in UTC, to the second, as times are stored.
func (s *Store) moment() time.Time { return s.now().UTC().Truncate(time.Second) }

// Path is the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// prepareFile creates the folder (0700) and an empty file (0600) so that
// SQLite never creates them with looser modes, and refuses a path that is a
// folder.
func prepareFile(path string) error {
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return fmt.Errorf("open %s: is a directory, not a database file", path)
	case err == nil:
		return nil
	case !errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("open %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create data folder: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil // another process created it first
		}
		return fmt.Errorf("create %s: %w", path, err)
	}
	return f.Close()
}

// setWAL switches the file to WAL mode (a no-op when it already is). When
// several processes open a new file at once, SQLite answers all but one
// SQLITE_BUSY at once, without waiting on busy_timeout, so this waits and
// tries again for as long as busy_timeout would.
func setWAL(db *sql.DB) error {
	const pause = 10 * time.Millisecond
	// Counting tries rather than reading a clock keeps the store's only
	// clock the injected one.
	for try := 0; ; try++ {
		_, err := db.Exec("PRAGMA journal_mode = WAL")
		var se *sqlite.Error
		if err == nil || !errors.As(err, &se) || se.Code()&0xff != sqliteBusy || try >= int(busyTimeout/pause) {
			if err != nil {
				return fmt.Errorf("set WAL mode: %w", err)
			}
			return nil
		}
		time.Sleep(pause)
	}
}

// dsn builds a URI for the file with the connection settings every
// connection needs. Writes take the lock up front (_txlock=immediate) so
// that concurrent writers wait for each other instead of failing when a read
// inside a transaction tries to become a write. WAL mode is not set here:
// setting it writes to the file, so Open sets it after the schema check.
func dsn(path string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// The triggers that keep person_history make every insert of an
	// interaction a statement that may have to undo itself halfway, for
	// which SQLite keeps a statement journal: in memory, that costs
	// nothing; in a temporary file, a write system call per page.
	q.Add("_pragma", "temp_store(MEMORY)")
	// A small page cache: tend runs as a short process that reads each page
	// it needs about once (today scans one table from end to end), so a
	// larger cache holds nothing that is read again, while every page of it
	// is memory the process must be given, which costs more than reading
	// the page again from the operating system's cache. At ten thousand
	// people, 256 KiB instead of SQLite's default 2 MiB takes a sixth off
	// today. An import sets its own, larger cache (importCacheKiB).
	q.Add("_pragma", "cache_size(-256)")
	q.Set("_txlock", "immediate")
	return u.String() + "?" + q.Encode()
}

// write runs fn in one transaction: every write of a command is all or
// nothing. It waits for another process's write to end (see begin).
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.explainWrite(fmt.Errorf("begin: %w", err))
	}
	defer conn.Close()
	tx, err := s.begin(ctx, conn)
	if err != nil {
		return s.explainWrite(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return s.explainWrite(err)
	}
	if err := tx.Commit(); err != nil {
		return s.explainWrite(fmt.Errorf("commit: %w", err))
	}
	return nil
}

// newID returns a new ULID: unique, never reused, and sorting by the time
// it was made on the store's clock.
func (s *Store) newID() string {
	s.idMu.Lock()
	defer s.idMu.Unlock()
	return ulid.MustNew(ulid.Timestamp(s.now()), s.entropy).String()
}

// timeLayout is RFC 3339 in UTC to the second, of fixed width, so that the
// text order of stored times is their time order.
const timeLayout = "2006-01-02T15:04:05Z"

func formatTime(t time.Time) string { return t.UTC().Truncate(time.Second).Format(timeLayout) }

func formatOptionalTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return formatTime(t)
}

// parseTime reads a stored time, from a string or from the bytes of a row.
func parseTime[T ~string | ~[]byte](s T) (time.Time, error) {
	if t, ok := parseStamp(s); ok {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, string(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// parseStamp reads the one form formatTime writes, by hand: today reads a
// dozen times for each of thousands of people, and time.Parse, which must
// understand every form of RFC 3339, takes most of the time of reading them.
// Anything else, or a date that does not exist, is left to time.Parse.
func parseStamp[T ~string | ~[]byte](s T) (time.Time, bool) {
	if len(s) != len(timeLayout) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' {
		return time.Time{}, false
	}
	n := func(from, to int) int {
		v := 0
		for i := from; i < to; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, mo, d, h, mi, sec := n(0, 4), n(5, 7), n(8, 10), n(11, 13), n(14, 16), n(17, 19)
	if y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.UTC)
	if t.Day() != d { // 02-30 rolled over into March
		return time.Time{}, false
	}
	return t, true
}

func parseOptionalTime(ns sql.NullString) (time.Time, error) {
	if !ns.Valid || ns.String == "" {
		return time.Time{}, nil
	}
	return parseTime(ns.String)
}

// dateLayout is how a calendar day (a memory's due date) is stored.
const dateLayout = "2006-01-02"

func formatOptionalDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(dateLayout)
}

func parseOptionalDate(ns sql.NullString) (time.Time, error) {
	if !ns.Valid || ns.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateLayout, ns.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored date %q: %w", ns.String, err)
	}
	return t, nil
}
