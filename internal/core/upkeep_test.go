package core_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
)

// TestBackupExamineRestore backs a database up, checks the copy, and
// restores it in place of another file.
func TestBackupExamineRestore(t *testing.T) {
	t.Parallel()
	s, c, now := circleCore(t)
	ctx := t.Context()
	dir := t.TempDir()
	copyPath := filepath.Join(dir, "copy.db")
	size, err := c.Backup(ctx, copyPath, domain.BackupOptions{})
	if err != nil || size == 0 {
		t.Fatalf("backup: %d bytes, %v", size, err)
	}
	if _, err := c.Backup(ctx, copyPath, domain.BackupOptions{}); err == nil {
		t.Error("a backup replaced a file without Replace")
	}
	h, err := core.Examine(ctx, copyPath)
	if err != nil || !h.Sound() || h.People != 60 || h.Interactions != 900 || h.SchemaVersion != core.SchemaVersion() {
		t.Fatalf("examine: %+v, %v", h, err)
	}
	if left := core.Leftovers(copyPath); len(left) != 0 {
		t.Errorf("leftovers beside a backup: %q", left)
	}
	if removed, err := core.RemoveLeftovers(copyPath); err != nil || len(removed) != 0 {
		t.Errorf("removed %q, %v", removed, err)
	}
	target := filepath.Join(dir, "tend.db")
	if err := os.WriteFile(target, []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := core.Restore(ctx, target, copyPath, now)
	if err != nil {
		t.Fatal(err)
	}
	if res.Health.People != 60 || res.Aside == "" {
		t.Errorf("restored %+v", res)
	}
	if kept, err := os.ReadFile(res.Aside); err != nil || string(kept) != "not a database" {
		t.Errorf("the file replaced, kept aside: %q, %v", kept, err)
	}
	if _, err := core.Examine(ctx, filepath.Join(dir, "none.db")); err == nil {
		t.Error("examine of no file: no error")
	}
	people, err := s.CadencePeople(ctx)
	if err != nil || len(people) != 53 {
		t.Errorf("%d people as the rules see them, %v", len(people), err)
	}
}
