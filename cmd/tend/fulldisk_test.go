package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
)

// TestEncryptedBackupOnAFullDisk writes an encrypted backup to a disk too
// small for it (a 16 KB tmpfs, so root only): the error names the folder
// whose disk is full, and nothing is left on that disk.
func TestEncryptedBackupOnAFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root")
	}
	h := newHarness(t)
	for _, name := range []string{"Ana Lima", "Ben Okafor", "Cara Dias", "Dev Patel", "Eli Cohen"} {
		h.ok("add", name, "--note", strings.Repeat("a long note ", 800))
	}
	disk := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", disk).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", disk).Run() })
	key, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	r := h.run("backup", filepath.Join(disk, "tend.db.age"), "--recipient", key.Recipient().String())
	if r.code != exitFailure || !strings.Contains(r.stderr, "the disk holding "+disk+" is full") {
		t.Errorf("encrypted backup to a full disk: exit %d, stderr %q; want exit 1 naming %s", r.code, r.stderr, disk)
	}
	if entries, _ := os.ReadDir(disk); len(entries) != 0 {
		t.Errorf("the full disk holds %d files after the failed backup", len(entries))
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(h.db), ".tend-*")); len(left) != 0 {
		t.Errorf("the failed backup left %v beside the database", left)
	}
}
