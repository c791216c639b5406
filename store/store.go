// Package store keeps tend's data in one SQLite file and owns every line of
// SQL in the program.
package store

import (
	"cmp"
	"context"
	"crypto/rand"
	"database/sql"
	"database/sql/driver"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/oklog/ulid/v2"
	"github.com/tend-app/tend/internal/domain"
	"modernc.org/sqlite" // the pure-Go driver
)

// Options configure a Store.
type Options struct {
	// Now is the clock. It is the only source of time the store uses: for
	// created_at and updated_at, and for the time part of new ids.
	Now func() time.Time
	// Entropy feeds the random part of new ids; crypto/rand when nil.
	Entropy io.Reader
	// Mode says when the file may be created and changed.
	Mode Mode
	// Waiting, when set, is called once, the first time a write has to
	// wait for another process's write to end (such as a long import), so
	// that a person at a terminal knows why nothing happens. The write
	// then goes on waiting.
	Waiting func()
	// NoticeAfter is how long a write waits for another writer's lock
	// before it calls Waiting, and WriteWait how long it waits in all
	// before it gives up; zero for noticeAfter and writeWait.
	NoticeAfter, WriteWait time.Duration
	// OneByOneUpTo is how many people RankByOverdue reads one at a time
	// before it reads the rest in one pass; zero for oneByOneUpTo.
	OneByOneUpTo int
	// ReadWait is how long a store opened ReadOnly waits for a program
	// that holds the whole file locked; zero for busyTimeout. A prompt
	// line waits a moment, not seconds.
	ReadWait time.Duration
}

// Mode says when Open may create the file, migrate it and set it to WAL.
type Mode int

const (
	// Create makes the file (and its folder) at once, and brings it up to
	// date: for the TUI, which is there to be written with.
	Create Mode = iota
	// WriteLater creates, migrates and sets the file to WAL only at the
	// first write, so that a command refused before it writes (a name
	// that matches no one) creates and changes nothing.
	WriteLater
	// ReadOnly never writes: no file is made, no migration runs, the
	// journal mode is left as it is, and a file or folder tend may not
	// write is read without making anything beside it.
	ReadOnly
)

// Store is an open tend database.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time

	idMu    sync.Mutex
	entropy io.Reader

	// opened is the file Open opened, by device and inode: before every
	// write, the path must still name it.
	opened  os.FileInfo
	damaged atomic.Bool // SQLite reported the file damaged

	mode     Mode
	missing  bool     // no file yet: reads see an empty database in memory
	inMemory bool     // an older schema: reads see a migrated copy in memory
	file     *sql.DB  // the file itself while inMemory
	setUpDue bool     // the migration and the WAL switch wait for the first write
	noSides  bool     // read without making a -wal and -shm: the disk has no room for them
	readOnly string   // why the file may not be written: read as ReadOnly reads, and writes refused
	created  []string // the folders and the file the first write made, for unmake
	madeFile bool     // openFile made the file (another tend had not, a moment before)

	waiting  func()
	waitOnce sync.Once

	noticeAfter, writeWait time.Duration // see Options
	readWait               time.Duration // see Options
	oneByOneUpTo           int
}

// busyTimeout is how long a statement waits for a lock another process
// holds. Taking the write lock at the start of a write waits longer (see
// noticeAfter), since an import holds it for as long as it runs.
const busyTimeout = 10 * time.Second

// Open opens the database at path. With Mode Create it creates it (and
// its folder, 0700) if needed, and brings its schema up to date at once;
// WriteLater waits for the first write to do either, and ReadOnly never
// does (see Mode). A file that is not a tend database, or one written by a
// newer version, is refused and left as it is.
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
	s := &Store{path: abs, now: opts.Now, entropy: opts.Entropy, mode: opts.Mode, waiting: opts.Waiting,
		noticeAfter: cmp.Or(opts.NoticeAfter, noticeAfter), writeWait: cmp.Or(opts.WriteWait, writeWait), readWait: busyTimeout,
		oneByOneUpTo: cmp.Or(opts.OneByOneUpTo, oneByOneUpTo)}
	if opts.Mode == ReadOnly && opts.ReadWait > 0 {
		s.readWait = opts.ReadWait
	}
	info, err := os.Stat(abs)
	switch {
	case err == nil && info.IsDir():
		return nil, fmt.Errorf("open %s: is a directory, not a database file", path)
	case err == nil && !info.Mode().IsRegular():
		// /dev/null, a pipe, a socket: SQLite would read one as an empty
		// database and fail on the first write with "disk I/O error".
		return nil, fmt.Errorf("open %s: is not a file (a device, a pipe or a socket), and tend keeps its database in a file", path)
	case errors.Is(err, fs.ErrNotExist) && opts.Mode != Create:
		return s, s.openEmpty()
	}
	switch {
	case err != nil || opts.Mode == ReadOnly:
	case !canWrite(abs):
		// SQLite would open it read-only and make a -wal and -shm with its
		// mode, which no later write could use once the file is made
		// writable again: read it as a reader does, and refuse the writes.
		s.mode, s.readOnly = ReadOnly, "it is read-only (check the permissions of the file, or run tend doctor)"
	case opts.Mode == Create && !canWrite(filepath.Dir(abs)):
		// The full-screen view opens to read first, as a command does:
		// a folder it may not write in is said at the first write.
		s.mode, s.readOnly = ReadOnly, "its folder or the disk it is on is read-only (tend keeps two files beside it while it writes)"
	}
	if err == nil && s.mode != ReadOnly {
		if err := checkLeftoverWAL(abs, opts); err != nil {
			return nil, err
		}
	}
	if err := s.openFile(); err != nil {
		return nil, err
	}
	ctx := context.Background()
	if opts.Mode == Create && s.readOnly == "" {
		if err := s.setUp(ctx); err != nil {
			s.db.Close()
			return nil, err
		}
		return s, nil
	}
	v, err := s.userVersion(ctx)
	if isShmError(err) && opts.Mode == ReadOnly {
		// No room on the disk for the -shm (it is full): read the file as
		// doctor does, making nothing beside it.
		s.db.Close()
		s.noSides = true
		if err := s.openFile(); err != nil {
			return nil, err
		}
		v, err = s.userVersion(ctx)
	}
	if err == nil {
		err = s.checkReadable(ctx, v)
	}
	if err != nil {
		s.db.Close()
		return nil, s.explainOpen(err)
	}
	if v < SchemaVersion() || opts.Mode == WriteLater {
		s.setUpDue = true
	}
	if v > 0 && v < SchemaVersion() {
		// Reads need today's tables, and opening a file only to read it
		// changes nothing: they read a copy brought up to date in memory.
		// The file itself is migrated (with a copy kept beside it) by the
		// first write.
		if err := s.readUpgraded(ctx); err != nil {
			s.db.Close()
			return nil, s.explainOpen(err)
		}
	}
	return s, nil
}

// vacuumInto copies the database db reads into uri. A store opened only to
// read has query_only set, which refuses VACUUM INTO as a write, though it
// writes nothing to the file: it is lifted on one connection for the copy.
func vacuumInto(ctx context.Context, db *sql.DB, uri string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var was int
	if err := conn.QueryRowContext(ctx, "PRAGMA query_only").Scan(&was); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA query_only = 0"); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "VACUUM INTO ?", uri)
	if _, rerr := conn.ExecContext(context.Background(), fmt.Sprintf("PRAGMA query_only = %d", was)); rerr != nil {
		conn.Raw(func(any) error { return driver.ErrBadConn }) // never back to the pool as it is
	}
	return err
}

// readUpgraded copies the file of an older schema into memory and migrates
// the copy, for reads; ready puts the file back in its place before the
// first write.
func (s *Store) readUpgraded(ctx context.Context) error {
	uri := fmt.Sprintf("file:tend-upgraded-%p?mode=memory&cache=shared", s)
	mem, err := sql.Open("sqlite", uri+"&_pragma=foreign_keys(1)")
	if err != nil {
		return err
	}
	mem.SetMaxIdleConns(4) // the copy lives as long as a connection to it
	if err := mem.PingContext(ctx); err != nil {
		mem.Close()
		return err
	}
	if err := vacuumInto(ctx, s.db, uri); err != nil {
		mem.Close()
		return fmt.Errorf("read the older schema: %w", err)
	}
	s.file, s.db, s.inMemory = s.db, mem, true
	if err := s.migrate(ctx, migrations()); err != nil {
		s.db, s.inMemory = s.file, false
		mem.Close()
		return err
	}
	return nil
}

// checkReadable refuses a file of version v that the store cannot read as
// it is: another program's, a newer tend's, or (read-only) an old one.
func (s *Store) checkReadable(ctx context.Context, v int) error {
	switch {
	case v > SchemaVersion():
		return fmt.Errorf("%w: schema version %d, this tend knows up to %d; upgrade tend (the file was left untouched)", ErrNewerSchema, v, SchemaVersion())
	case v == 0:
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return errors.New("not a tend database: the file holds other tables (it was left untouched)")
		}
		if s.mode != Create {
			// An empty file: read as an empty database until the first
			// write sets it up, as a missing one is.
			s.db.Close()
			return s.openEmpty()
		}
	}
	return nil
}

// openFile opens the file at s.path: for reading and writing, or, when
// the file or its folder may not be written, so that nothing is made or
// changed beside it.
func (s *Store) openFile() error {
	uri := dsn(s.path, s.readWait)
	switch {
	case s.mode == ReadOnly && !s.noSides && canWrite(s.path) && canWrite(filepath.Dir(s.path)):
		// mode=rw: a connection the pool opens later, when the file has
		// been moved or deleted since, fails instead of making a new,
		// empty database at the path.
		mode := "rw"
		if wal, _ := readWAL(s.path); wal.Pending > 0 {
			// Changes not yet in the file: a running tend's, a killed
			// one's, or another copy's after a restore by hand. Were this
			// the last connection to close, it would write them into the
			// file. A reader reads them, and leaves the file and its -wal
			// as they were.
			mode = "ro"
		}
		uri += "&_pragma=query_only(1)&mode=" + mode
	case s.mode == ReadOnly:
		// SQLite would make a -wal and -shm it could never remove, with
		// the file's mode: read the file as doctor does instead.
		wal, _ := readWAL(s.path)
		_, shmErr := os.Stat(s.path + "-shm")
		uri = readOnlyURI(s.path, wal.Pending == 0 || shmErr != nil)
	default:
		made, err := prepareFile(s.path)
		if err != nil {
			return err
		}
		s.madeFile = made
	}
	connector, err := sqlite.NewConnector(uri)
	if err != nil {
		return fmt.Errorf("open %s: %w", s.path, err)
	}
	db := sql.OpenDB(sameFile{connector, s})
	s.db = db
	if s.opened, err = os.Stat(s.path); err != nil {
		db.Close()
		return fmt.Errorf("open %s: %w", s.path, linkProblem(s.path, err))
	}
	return nil
}

// openEmpty stands in for a file that does not exist yet: an empty
// database in memory, with the schema, for reads to find no one in.
func (s *Store) openEmpty() error {
	db, err := sql.Open("sqlite", fmt.Sprintf("file:tend-empty-%p?mode=memory&cache=shared&_pragma=foreign_keys(1)", s))
	if err != nil {
		return err
	}
	db.SetMaxIdleConns(4)
	s.db, s.missing = db, true
	if err := s.migrate(context.Background(), migrations()); err != nil {
		db.Close()
		return fmt.Errorf("open %s: %w", s.path, err)
	}
	return nil
}

// Missing reports that there is no database at the path yet: reads find
// no one, and the first write creates it.
func (s *Store) Missing() bool { return s.missing }

// setUp brings the file up to date: the migrations, then WAL mode.
func (s *Store) setUp(ctx context.Context) error {
	s.setUpDue = false
	if err := s.migrate(ctx, migrations()); err != nil {
		return s.explainOpen(s.explainBusy(err))
	}
	// WAL is switched on only now, once the file is known to be a tend
	// database of this version: the switch rewrites the file header, and a
	// refused file must be left as it was. The mode is kept in the file.
	if err := setWAL(s.db); err != nil {
		return s.explainOpen(s.explainBusy(fmt.Errorf("set WAL mode: %w", err)))
	}
	// A writing tend removes what a killed one left beside the database:
	// plain copies of it among them.
	RemoveLeftovers(s.path)
	return nil
}

// ready makes the file writable before the first write: it creates a file
// that was missing, and migrates and sets up one that waited.
func (s *Store) ready(ctx context.Context) error {
	if s.readOnly != "" {
		return domain.Errorf(ErrReadOnly, "cannot write to %s: %s; nothing was written", s.path, s.readOnly)
	}
	if s.mode == ReadOnly {
		return domain.Errorf(ErrReadOnly, "%s was opened for reading only; nothing was written", s.path)
	}
	if s.inMemory {
		mem := s.db
		s.db, s.file, s.inMemory = s.file, nil, false
		mem.Close()
	}
	if s.missing {
		empty := s.db
		for dir := filepath.Dir(s.path); ; dir = filepath.Dir(dir) {
			if _, err := os.Stat(dir); err == nil || dir == filepath.Dir(dir) {
				break
			}
			s.created = append(s.created, dir)
		}
		if err := s.openFile(); err != nil {
			return err
		}
		// An empty file found at the path becomes the database: private,
		// as one tend makes (0600).
		os.Chmod(s.path, 0o600)
		if s.madeFile {
			s.created = append([]string{s.path}, s.created...)
		}
		empty.Close()
		s.missing, s.setUpDue = false, true
	}
	if s.setUpDue {
		return s.setUp(ctx)
	}
	return nil
}

// unmake removes the database the first write made, and the folders made
// for it, when that write was refused: a refused command leaves no new
// file behind. The store reads as empty again afterwards, as before the
// write. Another tend may have opened the new file a moment after it was
// made: it is removed only while it is locked for writing and holds no
// one, and that tend's write then finds it gone (checkSameFile).
func (s *Store) unmake() {
	if len(s.created) == 0 {
		return
	}
	created := s.created
	s.created = nil
	if created[0] == s.path && s.lockedEmpty(func() {
		for _, side := range []string{"", "-wal", "-shm", "-journal"} {
			os.Remove(s.path + side)
		}
	}) {
		created = created[1:]
	} else if created[0] == s.path {
		return // in use by another tend: its folders are too
	}
	s.db.Close()
	for _, name := range created {
		os.Remove(name) // a folder only when empty
	}
	if err := s.openEmpty(); err == nil {
		s.setUpDue, s.opened, s.madeFile = false, nil, false
	}
}

// lockedEmpty runs remove while it holds the file's write lock, if the
// file holds no one and nothing, and reports whether it did.
func (s *Store) lockedEmpty(remove func()) bool {
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return false
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return false
	}
	defer conn.ExecContext(ctx, "ROLLBACK")
	var n int
	err = conn.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM interactions)
		+ (SELECT count(*) FROM memories) + (SELECT count(*) FROM changes)`).Scan(&n)
	if err != nil || n > 0 || othersHold(s.path) {
		// Written, or open in another tend about to write (its first add
		// on the same missing path): it stays.
		return false
	}
	remove()
	return true
}

// explainOpen words an error met while opening the file.
func (s *Store) explainOpen(err error) error {
	switch {
	case isBusy(err):
		// Another program holds the file locked past busy_timeout: a
		// reader waits only for one that locks it whole.
		return s.busyError(s.readWait)
	case isCode(err, sqliteCorrupt):
		if wal, _ := readWAL(s.path); wal.Pending > 0 {
			// A copy put in place by hand, with the -wal of the file that
			// was there before: the file may be sound, and doctor tells.
			// It is not marked damaged: moving the -wal away may be all
			// it takes.
			return foreignWALError(s.path)
		}
		s.markDamaged()
		return s.damagedError()
	case isCode(err, sqliteNotADB):
		return fmt.Errorf("open %s: not a database tend can read (it may be damaged, or another program's file); it was left as it is: run tend doctor", s.path)
	case isShmError(err):
		return fmt.Errorf("cannot write to %s: the disk it is on is full, with no room for the two small files tend keeps beside it while it writes; nothing was written (free some space and try again)", s.path)
	case isCode(err, sqliteCantOpen) || isExtendedCode(err, sqliteReadOnlyDirectory):
		// Writing needs the -wal and -shm files beside the database: a
		// folder or a file system that is read-only refuses to make them.
		return domain.Errorf(ErrReadOnly,
			"cannot write to %s: its folder or the disk it is on is read-only (tend keeps two files beside it while it writes); nothing was written", s.path)
	case isCode(err, sqliteReadOnly):
		return s.explainWrite(err)
	}
	return fmt.Errorf("open %s: %w", s.path, err)
}

func (s *Store) markDamaged() {
	s.damaged.Store(true)
	MarkDamaged(s.path)
}

// foreignWALError says the file cannot be read with the -wal beside it.
func foreignWALError(path string) error {
	return domain.Errorf(ErrDamaged, "%s cannot be read with the -wal beside it, which may belong to another copy of the file (one put in its place by hand?); nothing was written. Run tend doctor: it says which, and what to move away", path)
}

// checkLeftoverWAL reads the file at path with its -wal, as a command that
// only reads does, when the -wal holds changes not in the file and no
// running tend has it open: a killed tend's last changes, or another
// copy's, beside a file put in its place by hand. Opening it to write
// would put the -wal into the file, which damages a file it does not
// belong to, and then remove it; a -wal that cannot be read with the file
// is left as it is, for doctor.
func checkLeftoverWAL(path string, opts Options) error {
	// Whether a tend has it open is asked first: then the -wal is its own,
	// and a write beside a running full-screen view does not read it.
	if dbInUse(path) {
		return nil
	}
	if wal, _ := readWAL(path); wal.Pending == 0 {
		return nil
	}
	opts.Mode = ReadOnly
	r, err := Open(path, opts)
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			return foreignWALError(path)
		}
		return err
	}
	defer r.Close()
	// A -wal of another copy of the same size reads as a database, its
	// pages mixed with the file's: only a check of every page tells. It
	// costs a read of the file, once, after a crash or a restore by hand.
	var verdict string
	if err := r.db.QueryRow("PRAGMA quick_check(1)").Scan(&verdict); err != nil || verdict != "ok" {
		return foreignWALError(path)
	}
	return nil
}

func (s *Store) damagedError() error {
	return domain.Errorf(ErrDamaged, "%s is damaged, so tend will not write to it; nothing was written. Run tend doctor, and restore a backup with tend backup --restore FILE", s.path)
}

// checkWritable is asked before every write: the file must not be known
// to be damaged, and the path must still name the file Open opened. A sync
// tool or a mv that puts another file at the path, or a delete, would
// otherwise send the write into a file no one will read again, or mix the
// pages of two databases.
func (s *Store) checkWritable() error {
	if s.damaged.Load() || markedDamaged(s.path) {
		return s.damagedError()
	}
	return s.checkSameFile()
}

// checkSameFile says, in plain words, when the path no longer names the
// file Open opened.
func (s *Store) checkSameFile() error {
	if s.opened == nil {
		return nil // a Store not made by Open, as the tests of old schemas make
	}
	now, err := os.Stat(s.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return domain.Errorf(ErrReplaced, "%s was deleted or moved away while tend had it open; tend stopped, and nothing was written. Quit and start tend again", s.path)
	case err != nil:
		return fmt.Errorf("check %s: %w", s.path, err)
	case !os.SameFile(s.opened, now):
		return domain.Errorf(ErrReplaced, "%s was replaced by another file while tend had it open (a sync tool, a copy or a mv); tend stopped, and nothing was written. Quit and start tend again to open the file now there", s.path)
	}
	return nil
}

// sameFile opens connections to the store's file only while the path
// names the file the store opened: the pool opens one now and then (stats
// reads on two at once, a reading ahead may read again on a third), and
// one opened after the file was deleted, moved away or replaced would
// read another file, or make an empty one, for the rest of the command.
type sameFile struct {
	driver.Connector
	s *Store
}

func (c sameFile) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if moved := c.s.checkSameFile(); moved != nil {
		if err == nil {
			conn.Close()
		}
		return nil, moved // and not SQLite's "unable to open database file"
	}
	return conn, err
}

// Close closes the database.
func (s *Store) Close() error {
	if s.file != nil {
		s.file.Close()
	}
	return s.db.Close()
}

// moment is the time a write records (created_at, updated_at, done_at):
// the injected clock's, in UTC, to the second, as times are stored.
func (s *Store) moment() time.Time { return s.now().UTC().Truncate(time.Second) }

// Path is the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// linkProblem words an error met following the path: a symbolic link to
// nowhere, or a loop of links, is said as such.
func linkProblem(path string, err error) error {
	if errors.Is(err, syscall.ELOOP) {
		return errors.New("it is a symbolic link that leads round in a loop")
	}
	if to, lerr := os.Readlink(path); lerr == nil && errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("it is a symbolic link to %s, which is not there", to)
	}
	return unwrapPath(err)
}

// OrphanWAL reports whether a -wal that may hold changes is beside path:
// more than its 32-byte header, or not a file. Beside no database, it may
// be the last writes of a file deleted while tend had it open.
func OrphanWAL(path string) bool {
	info, err := os.Lstat(path + "-wal")
	switch {
	case err != nil:
		return false
	case !info.Mode().IsRegular():
		return true
	case info.Size() <= 32:
		return false
	}
	// A file without SQLite's WAL header (zeros a full disk left, say) is
	// one SQLite would not read either.
	f, err := os.Open(path + "-wal")
	if err != nil {
		return true
	}
	defer f.Close()
	var magic [4]byte
	if _, err := io.ReadFull(f, magic[:]); err != nil {
		return true
	}
	return binary.BigEndian.Uint32(magic[:])&^1 == walHeaderMagic
}

// prepareFile creates the folder (0700) and an empty file (0600) so that
// SQLite never creates them with looser modes, and refuses a path that is a
// folder.
func prepareFile(path string) (made bool, err error) {
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return false, fmt.Errorf("open %s: is a directory, not a database file", path)
	case err == nil:
		return false, nil
	case !errors.Is(err, os.ErrNotExist):
		return false, fmt.Errorf("open %s: %w", path, linkProblem(path, err))
	}
	// A -wal with no database is what is left when the file was deleted
	// or moved while tend had it open: it may hold its last writes, and a
	// new database here would take them as its own. One with no change in
	// it (no more than its 32-byte header), and the -shm, an index of the
	// -wal, hold nothing: they go.
	if OrphanWAL(path) {
		return false, domain.Errorf(ErrReplaced, "there is no database at %s, but its -wal is still there (the file was moved or deleted while tend had it open, and it may hold the latest changes): put the database back, or move %s away; nothing was created", path, path+"-wal")
	}
	for _, side := range []string{"-wal", "-shm"} {
		if info, err := os.Lstat(path + side); err == nil && !info.Mode().IsRegular() {
			return false, fmt.Errorf("create %s: %s is in the way, and is not a file tend made", path, path+side)
		}
		if err := os.Remove(path + side); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return false, fmt.Errorf("create %s: %w", path, unwrapPath(err))
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return false, fmt.Errorf("create data folder: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return false, nil // another process created it first
		}
		return false, fmt.Errorf("create %s: %w", path, unwrapPath(err))
	}
	return true, f.Close()
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
		if err == nil || !isCode(err, sqliteBusy) || try >= int(busyTimeout/pause) {
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
// wait is the busy_timeout: how long a connection waits for a lock.
func dsn(path string, wait time.Duration) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", wait.Milliseconds()))
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
	if s.missing && s.mode != ReadOnly && s.readOnly == "" {
		// The empty database that stands for the missing file answers
		// first: a write refused there (nothing to undo, no such memory)
		// is refused before any file is made, so that another tend making
		// the file at the same moment never finds it taken away.
		if err := s.trial(ctx, fn); err != nil {
			return s.explainWrite(err)
		}
	}
	first := s.missing
	err := s.ready(ctx)
	if err == nil {
		err = s.transact(ctx, fn)
	}
	if err != nil && first {
		s.unmake() // a refused first write leaves no database behind
	}
	return err
}

// trial runs fn in a transaction it rolls back.
func (s *Store) trial(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	return fn(tx)
}

// transact runs fn in one transaction on the file as it is, waiting for
// another process's write to end (see begin).
func (s *Store) transact(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.checkWritable(); err != nil {
		return err
	}
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
	if err := s.checkSameFile(); err != nil {
		tx.Rollback()
		return err
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
