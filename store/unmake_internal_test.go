package store

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tend-app/tend/internal/domain"
)

// TestRefusedFirstWriteLeavesNoFileAndReadsEmpty: a write refused on a path
// with no database leaves no file or folder, and the store reads as empty
// and can still make the database with the next write.
func TestRefusedFirstWriteLeavesNoFileAndReadsEmpty(t *testing.T) {
	folder := filepath.Join(t.TempDir(), "new")
	path := filepath.Join(folder, "tend.db")
	opts := internalOptions(seeds.Add(1))
	opts.Mode = WriteLater
	s, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := t.Context()
	if _, err := s.DeleteMemory(ctx, "01NOSUCHMEMORY"); err == nil {
		t.Fatal("deleting a memory that is not there succeeded")
	}
	if _, err := os.Stat(folder); err == nil {
		t.Fatal("the refused write left its folder")
	}
	if !s.Missing() {
		t.Error("after the refused write the store no longer says there is no database")
	}
	if _, err := s.AddPerson(ctx, domain.Person{Name: "Ana Lima"}); err != nil {
		t.Fatalf("the write after a refused one: %v", err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the write after a refused one made no database: %v", err)
	}
}

// TestUnmakeLeavesAFileAnotherTendWrote: when another tend wrote into the
// new file between its making and the refusal, the file stays.
func TestUnmakeLeavesAFileAnotherTendWrote(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	opts := internalOptions(seeds.Add(1))
	opts.Mode = WriteLater
	a, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ctx := t.Context()
	first := a.missing
	if err := a.ready(ctx); err != nil || !first {
		t.Fatalf("ready = %v (missing before: %v)", err, first)
	}
	b := openInternal(t, path)
	if _, err := b.AddPerson(ctx, domain.Person{Name: "Ben Okafor"}); err != nil {
		t.Fatal(err)
	}
	a.unmake()
	people, err := b.People(ctx, PeopleFilter{})
	if err != nil || len(people) != 1 {
		t.Fatalf("after unmake the other tend reads %d people, %v; want Ben", len(people), err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("unmake removed a file another tend had written: %v", err)
	}
}

// TestARefusedFirstWriteBesideAnotherFirstWrite: on a path with no
// database, a write refused (a memory that is not there) at the moment
// another tend makes the file with its first add never takes the file
// from under it: the add succeeds every time.
func TestARefusedFirstWriteBesideAnotherFirstWrite(t *testing.T) {
	for round := range 20 {
		path := filepath.Join(t.TempDir(), "new", "tend.db")
		opts := internalOptions(seeds.Add(1))
		opts.Mode = WriteLater
		a, err := Open(path, opts)
		if err != nil {
			t.Fatal(err)
		}
		opts = internalOptions(seeds.Add(1))
		opts.Mode = WriteLater
		b, err := Open(path, opts)
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error)
		go func() {
			_, err := a.DeleteMemory(t.Context(), "01NOSUCHMEMORY")
			done <- err
		}()
		_, addErr := b.AddPerson(t.Context(), domain.Person{Name: "Ben Okafor"})
		<-done
		a.Close()
		b.Close()
		if addErr != nil {
			t.Fatalf("round %d: the add beside a refused write failed: %v", round, addErr)
		}
	}
}
