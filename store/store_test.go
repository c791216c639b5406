package store

// These tests are internal (package store) so that they can ask each
// connection for its settings through s.db. Tests of the public API live in
// package store_test.

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tend-app/tend/internal/domain"
)

var seeds atomic.Uint64

var internalNow = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

func internalOptions(seed uint64) Options {
	var s [32]byte
	binary.LittleEndian.PutUint64(s[:], seed)
	return Options{Now: func() time.Time { return internalNow }, Entropy: rand.NewChaCha8(s)}
}

// openInternal opens (creating if needed) the database at path and closes it
// when the test ends.
func openInternal(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path, internalOptions(seeds.Add(1))) // two stores on one file must not make the same ids
	if err != nil {
		t.Fatalf("Open(%q) = %v, want no error", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openReadOnly opens the database at path as a command that only reads
// does, and closes it when the test ends.
func openReadOnly(t *testing.T, path string) *Store {
	t.Helper()
	opts := internalOptions(seeds.Add(1))
	opts.Mode = ReadOnly
	s, err := Open(path, opts)
	if err != nil {
		t.Fatalf("Open(%q) to read = %v, want no error", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// randomBytes is n deterministic bytes that are not an SQLite file.
func randomBytes(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	if _, err := io.ReadFull(rand.NewChaCha8([32]byte{42}), b); err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(b, []byte("SQLite format 3\x00")) {
		t.Fatal("random bytes look like an SQLite header")
	}
	return b
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// wantPrivate fails unless path exists, gives group and others no access,
// and gives its owner at least ownerBits. A umask can only take bits away, so
// "no group or other bits" holds whatever the umask is.
func wantPrivate(t *testing.T, path string, ownerBits fs.FileMode, wantDir bool) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Errorf("stat %s: %v, want it to exist", path, err)
		return
	}
	if info.IsDir() != wantDir {
		t.Errorf("%s: is a directory = %v, want %v", path, info.IsDir(), wantDir)
	}
	perm := info.Mode().Perm()
	if perm&0o077 != 0 {
		t.Errorf("%s: mode %04o, want no access for group and others (%04o)", path, perm, ownerBits)
	}
	if perm&ownerBits != ownerBits {
		t.Errorf("%s: mode %04o, want the owner to have %04o", path, perm, ownerBits)
	}
}

func TestOpenCreatesPrivateFolderAndFile(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "data", "tend")
	path := filepath.Join(dir, "tend.db")
	s := openInternal(t, path)

	wantPrivate(t, filepath.Join(root, "data"), 0o700, true)
	wantPrivate(t, dir, 0o700, true)
	wantPrivate(t, path, 0o600, false)

	// A write makes SQLite create its -wal and -shm files; they must be
	// as private as the database.
	if _, err := s.AddPerson(t.Context(), domain.Person{Name: "Ana"}); err != nil {
		t.Fatalf("AddPerson: %v", err)
	}
	for _, side := range []string{path + "-wal", path + "-shm"} {
		if _, err := os.Stat(side); err == nil {
			wantPrivate(t, side, 0o600, false)
		}
	}
	if got := s.Path(); got != path {
		t.Errorf("Path() = %q, want %q", got, path)
	}
}

func TestOpenKeepsAnExistingFolderMode(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	openInternal(t, filepath.Join(dir, "tend.db"))
	info, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != 0o755 {
		t.Errorf("existing folder mode = %04o after Open, want it left at 0755", got)
	}
}

func TestOpenRelativePathGivesAbsolutePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	s := openInternal(t, "tend.db")
	want := filepath.Join(dir, "tend.db")
	if got := s.Path(); got != want {
		t.Errorf("Path() = %q, want %q", got, want)
	}
}

func TestOpenRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, internalOptions(1))
	if err == nil {
		s.Close()
		t.Fatalf("Open(a directory) = nil error, want one")
	}
	if !strings.Contains(err.Error(), "directory") {
		t.Errorf("Open(a directory) error = %q, want it to mention %q", err, "directory")
	}
}

func TestOpenRefusesNonSQLiteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	want := randomBytes(t, 4096)
	if err := os.WriteFile(path, want, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, internalOptions(1))
	if err == nil {
		s.Close()
		t.Fatalf("Open(4 KB of random bytes) = nil error, want one")
	}
	if got := readFile(t, path); !bytes.Equal(got, want) {
		t.Errorf("file changed by a refused Open: %d bytes, want the original %d bytes", len(got), len(want))
	}
	for _, side := range []string{path + "-wal", path + "-shm", path + "-journal"} {
		if _, err := os.Stat(side); err == nil {
			t.Errorf("refused Open left %s behind, want nothing written", side)
		}
	}
}

func TestOpenEmptyFileMakesADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openInternal(t, path)
	v, err := s.userVersion(t.Context())
	if err != nil || v != SchemaVersion() {
		t.Errorf("user_version of a database made from an empty file = %d, %v; want %d, nil", v, err, SchemaVersion())
	}
}

func TestOpenUnwritablePlace(t *testing.T) {
	cases := map[string]string{
		"file under a regular file": filepath.Join(mkfile(t), "tend.db"),
	}
	if os.Geteuid() == 0 {
		t.Log("running as root: read-only folders do not stop root, so only the regular-file case runs")
	} else {
		locked := filepath.Join(t.TempDir(), "locked")
		if err := os.Mkdir(locked, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(locked, 0o700) })
		cases["file in a read-only folder"] = filepath.Join(locked, "tend.db")
		cases["folder under a read-only folder"] = filepath.Join(locked, "sub", "tend.db")
	}
	for name, path := range cases {
		t.Run(name, func(t *testing.T) {
			s, err := Open(path, internalOptions(1))
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) = nil error, want one", path)
			}
			if _, err := os.Stat(path); err == nil {
				t.Errorf("refused Open created %s, want nothing", path)
			}
		})
	}
}

func mkfile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plain")
	if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOpenConnectionSettings checks the settings on several pooled
// connections at once: each new connection must get them, not only the
// first, and a write or an import that changes one for itself (the busy
// timeout, foreign keys) must give the connection back as it was.
func TestOpenConnectionSettings(t *testing.T) {
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	ctx := t.Context()
	if _, err := s.AddPerson(ctx, domain.Person{Name: "Ana"}); err != nil {
		t.Fatal(err)
	}
	for _, dry := range []bool{false, true} {
		if _, err := s.Import(ctx, ImportOptions{DryRun: dry}, func(im *Import) error {
			_, err := im.MatchPerson(domain.Person{Name: "Ben"})
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 3 {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var mode string
		var fk, busy int
		if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := conn.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" {
			t.Errorf("connection %d: journal_mode = %q, want %q", i, mode, "wal")
		}
		if fk != 1 {
			t.Errorf("connection %d: foreign_keys = %d, want 1", i, fk)
		}
		if busy != int(busyTimeout.Milliseconds()) {
			t.Errorf("connection %d: busy_timeout = %d ms, want %d", i, busy, busyTimeout.Milliseconds())
		}
	}
	v, err := s.userVersion(ctx)
	if err != nil || v != SchemaVersion() {
		t.Errorf("user_version = %d, %v; want %d, nil", v, err, SchemaVersion())
	}
	if SchemaVersion() < 1 {
		t.Errorf("SchemaVersion() = %d, want at least 1", SchemaVersion())
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	s, err := Open(path, internalOptions(1))
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.AddPerson(t.Context(), domain.Person{Name: "Ana Lima", Tags: []string{"work"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	s2 := openInternal(t, path)
	got, err := s2.Person(t.Context(), p.ID)
	if err != nil {
		t.Fatalf("Person after reopening = %v, want Ana Lima", err)
	}
	if got.Name != "Ana Lima" || len(got.Tags) != 1 {
		t.Errorf("after reopening got %+v, want Ana Lima with one tag", got)
	}
}

func TestWatchSeesWritesFromAnyStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	tui, shell := openInternal(t, path), openInternal(t, path)
	ctx := t.Context()
	w, err := tui.Watch(ctx)
	if err != nil {
		t.Fatalf("Watch = %v", err)
	}
	defer w.Close()
	changed := func(want bool, after string) {
		t.Helper()
		got, err := w.Changed(ctx)
		if err != nil || got != want {
			t.Errorf("Changed() after %s = %v, %v; want %v", after, got, err, want)
		}
	}
	changed(false, "nothing")
	if _, err := shell.AddPerson(ctx, domain.Person{Name: "Ana"}); err != nil {
		t.Fatal(err)
	}
	changed(true, "a write by another store")
	changed(false, "asking again")
	if _, err := tui.AddPerson(ctx, domain.Person{Name: "Bruno"}); err != nil {
		t.Fatal(err)
	}
	changed(true, "a write by the same store")
}

// TestOpenWhileAnotherProgramLocksTheFile: a program that locks the file
// whole (SQLite's exclusive locking mode) past busy_timeout is said in
// plain words to a reader, not as SQLite's "database is locked".
func TestOpenWhileAnotherProgramLocksTheFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "tend.db")
	openInternal(t, path).Close()
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{"PRAGMA locking_mode = EXCLUSIVE", "BEGIN EXCLUSIVE", "UPDATE people SET notes = notes"} {
		if _, err := conn.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	waits := []time.Duration{300 * time.Millisecond} // a prompt line's
	if !testing.Short() {
		waits = append(waits, 0) // busy_timeout's ten seconds
	}
	for _, wait := range waits {
		opts := internalOptions(seeds.Add(1))
		opts.Mode, opts.ReadWait = ReadOnly, wait
		start := time.Now()
		_, err = Open(path, opts)
		if !errors.Is(err, ErrBusy) || strings.Contains(err.Error(), "SQLITE") || strings.Contains(err.Error(), "locked (") {
			t.Errorf("Open to read under another program's lock, waiting %v = %v; want ErrBusy in plain words", wait, err)
		}
		if took := time.Since(start); wait > 0 && took > 5*time.Second {
			t.Errorf("Open with ReadWait %v waited %v", wait, took)
		}
	}
}
