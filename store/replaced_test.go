package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-app/tend/internal/domain"
)

// TestWritesStopWhenTheFileIsReplaced: a sync tool or a mv puts another
// file at the path while a store (the TUI) has it open, or the file is
// deleted. The store must notice before it writes, write nothing to either
// file, and say so; the TUI's poll must notice too.
func TestWritesStopWhenTheFileIsReplaced(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tend.db")
	other := filepath.Join(dir, "other.db")
	filled(t, other)
	s, err := Open(path, internalOptions(seeds.Add(1)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := t.Context()
	w, err := s.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := s.AddPerson(ctx, domain.Person{Name: "Before"}); err != nil {
		t.Fatal(err)
	}

	if err := os.Rename(other, path); err != nil { // mv other.db tend.db
		t.Fatal(err)
	}
	want := readFile(t, path)
	if _, err := s.AddPerson(ctx, domain.Person{Name: "After"}); !errors.Is(err, ErrReplaced) {
		t.Errorf("AddPerson after the file was replaced = %v, want ErrReplaced", err)
	}
	if _, err := w.Changed(ctx); !errors.Is(err, ErrReplaced) {
		t.Errorf("Watcher.Changed after the file was replaced = %v, want ErrReplaced", err)
	}
	if got := readFile(t, path); string(got) != string(want) {
		t.Error("the file put in its place was written to")
	}

	os.Remove(path)
	if _, err := s.AddPerson(ctx, domain.Person{Name: "Deleted"}); !errors.Is(err, ErrReplaced) {
		t.Errorf("AddPerson after the file was deleted = %v, want ErrReplaced", err)
	}
}

// TestOpenRefusesAnOrphanWAL: a -wal with no database beside it may hold
// the last writes of a file deleted while open; a new database there
// would take it as its own.
func TestOpenRefusesAnOrphanWAL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tend.db")
	if err := os.WriteFile(path+"-wal", []byte(walMagic+strings.Repeat("a frame left over ", 10)), 0o600); err != nil {
		t.Fatal(err)
	}
	if s, err := Open(path, internalOptions(seeds.Add(1))); !errors.Is(err, ErrReplaced) {
		if s != nil {
			s.Close()
		}
		t.Errorf("Open beside an orphan -wal = %v, want ErrReplaced", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("Open beside an orphan -wal created a database")
	}
}

// TestOpenClearsAnEmptyOrphanWAL: an empty -wal, or one of its header
// alone, and a -shm hold no change: a new database is made, and they go.
func TestOpenClearsAnEmptyOrphanWAL(t *testing.T) {
	for side, content := range map[string]string{"-wal": "", "-shm": "an index of nothing", "-wal ": strings.Repeat("\x00", 4096)} {
		side = strings.TrimSpace(side) // "-wal ": the zeros a full disk leaves, which SQLite would not read
		path := filepath.Join(t.TempDir(), "tend.db")
		if err := os.WriteFile(path+side, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path, internalOptions(seeds.Add(1)))
		if err != nil {
			t.Fatalf("Open beside an empty %s: %v", side, err)
		}
		if _, err := s.AddPerson(t.Context(), domain.Person{Name: "Ana"}); err != nil {
			t.Errorf("a write beside an empty %s: %v", side, err)
		}
		s.Close()
	}
}

// TestAReadsSecondConnectionMakesNoFile: a command that only reads may
// open a second connection partway (stats reads the weeks beside the
// people). If the file was deleted or moved away in between, that
// connection must fail, not make an empty database at the path for the
// rest of the command, and every later one, to find; if another file
// was put there, it must not read it as if it were the same.
func TestAReadsSecondConnectionMakesNoFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	filled(t, path)
	s := openReadOnly(t, path)
	ctx := t.Context()
	first, err := s.db.Conn(ctx) // the connection Open made, held
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if err := os.Rename(path, path+".moved"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DayCounts(ctx, internalNow.AddDate(0, 0, -90), internalNow); !errors.Is(err, ErrReplaced) {
		t.Errorf("a read on a new connection to a file moved away: %v, want ErrReplaced", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a read made a file where the database was: %v", err)
	}
	// Another database put at the path is not read either.
	other := filepath.Join(filepath.Dir(path), "other.db")
	filled(t, other)
	if err := os.Rename(other, path); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DayCounts(ctx, internalNow.AddDate(0, 0, -90), internalNow); !errors.Is(err, ErrReplaced) {
		t.Errorf("a read on a new connection to another file at the path: %v, want ErrReplaced", err)
	}
}

// walMagic is how SQLite's -wal files begin.
const walMagic = "\x37\x7f\x06\x82"
