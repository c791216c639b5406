package store

import (
	"errors"
	"os"
	"path/filepath"
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
	for _, side := range []string{"-wal", "-shm"} {
		dir := t.TempDir()
		path := filepath.Join(dir, "tend.db")
		if err := os.WriteFile(path+side, []byte("left over"), 0o600); err != nil {
			t.Fatal(err)
		}
		if s, err := Open(path, internalOptions(seeds.Add(1))); !errors.Is(err, ErrReplaced) {
			if s != nil {
				s.Close()
			}
			t.Errorf("Open beside an orphan %s = %v, want ErrReplaced", side, err)
		}
		if _, err := os.Stat(path); err == nil {
			t.Errorf("Open beside an orphan %s created a database", side)
		}
	}
}
