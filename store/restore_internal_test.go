package store

import (
	"path/filepath"
	"testing"

	"github.com/tend-app/tend/internal/domain"
)

// TestRestoreLeavesADatabaseAtEveryMoment: killed just before the backup
// is put in place, a restore leaves the current database at the path, as
// sound as its last checkpoint left it, and the whole of it kept aside:
// never no file, which the next write would take for a new database.
func TestRestoreLeavesADatabaseAtEveryMoment(t *testing.T) {
	dir := t.TempDir()
	path, backup := filepath.Join(dir, "tend.db"), filepath.Join(dir, "b.db")
	s := openInternal(t, path)
	ctx := t.Context()
	if _, err := s.AddPerson(ctx, domain.Person{Name: "Ana Lima"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(ctx, backup, BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPerson(ctx, domain.Person{Name: "Ben Okafor"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	seen := false
	beforeSwap = func(at string) {
		seen = true
		h, err := Inspect(ctx, at)
		if err != nil || !h.Sound() || h.SchemaVersion != SchemaVersion() {
			t.Errorf("at the moment of the swap, %s is not a sound tend database: %+v, %v", at, h, err)
		}
	}
	t.Cleanup(func() { beforeSwap = func(string) {} })
	if _, err := Restore(ctx, path, backup, internalNow); err != nil {
		t.Fatal(err)
	}
	if !seen {
		t.Fatal("the restore did not reach the swap")
	}
}
