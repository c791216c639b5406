package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
)

// TestEncryptedBackupOnAFullDisk writes an encrypted backup to a disk too
// small for it (a 16 KB tmpfs, so root only): the error names the folder
// whose disk is full, and nothing is left on that disk.
func TestEncryptedBackupOnAFullDisk(t *testing.T) {
	h := newHarness(t)
	for _, name := range []string{"Ana Lima", "Ben Okafor", "Cara Dias", "Dev Patel", "Eli Cohen"} {
		h.ok("add", name, "--note", strings.Repeat("a long note ", 800))
	}
	disk := smallDisk(t, "16k")
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

// TestWritesOnAFullDisk fills a small disk with a database and logs until
// it is full: the write that does not fit is refused in plain words (not
// SQLite's "database or disk is full (13)"), and what was there reads as
// before. An import of a call log that does not fit says the same.
func TestWritesOnAFullDisk(t *testing.T) {
	disk := smallDisk(t, "300k")
	h := newHarness(t)
	h.db = filepath.Join(disk, "tend.db")
	h.ok("add", "Ana Lima", "--phone", "+4917012345678", "--now", "2026-01-01")
	note := strings.Repeat("x", 600)
	full := false
	logged := 0
	for i := range 2000 {
		r := h.run("log", "ana", "--note", note, "--at", time.Date(2026, 1, 2, 0, i, 0, 0, time.UTC).Format("2006-01-02 15:04"))
		if r.code == 0 {
			logged++
			continue
		}
		if !strings.Contains(r.stderr, "the disk it is on is full; nothing was written") || strings.Contains(r.stderr, "(13)") {
			t.Fatalf("log on a full disk: exit %d, %q", r.code, r.stderr)
		}
		full = true
		break
	}
	if !full {
		t.Fatal("the disk never filled")
	}
	out := h.ok("history", "ana", "--json").stdout
	if n := strings.Count(out, `"via"`); n != logged {
		t.Errorf("history holds %d interactions after the full disk, want the %d logged", n, logged)
	}
	var calls strings.Builder
	calls.WriteString(`<?xml version="1.0"?><calls count="20000">`)
	for i := range 20000 {
		fmt.Fprintf(&calls, `<call number="+4917012345678" duration="60" date="%d" type="1"/>`, 1600000000000+int64(i)*3600000)
	}
	calls.WriteString("</calls>")
	file := filepath.Join(t.TempDir(), "calls.xml")
	if err := os.WriteFile(file, []byte(calls.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := h.run("import", "calls", file); r.code == 0 || !strings.Contains(r.stderr, "the disk it is on is full; nothing was written") {
		t.Errorf("import calls on a full disk: exit %d, %q", r.code, r.stderr)
	}
	if n := strings.Count(h.ok("history", "ana", "--json").stdout, `"via"`); n != logged {
		t.Errorf("history holds %d interactions after the refused import, want %d", n, logged)
	}
}

// TestADiskWithNoRoomLeft: filled to the last block, the disk has no room
// even for the -shm tend makes beside the database: reads still read (as
// doctor does, making nothing beside it), and a write is refused in plain
// words, not SQLite's "disk I/O error (4874)".
func TestADiskWithNoRoomLeft(t *testing.T) {
	disk := smallDisk(t, "1m")
	h := newHarness(t)
	h.db = filepath.Join(disk, "tend.db")
	h.ok("add", "Ana Lima", "--now", "2026-01-01")
	h.ok("log", "ana", "--at", "2026-01-02")
	fill, err := os.Create(filepath.Join(disk, "fill"))
	if err != nil {
		t.Fatal(err)
	}
	block := make([]byte, 4096)
	for {
		if _, err := fill.Write(block); err != nil {
			break
		}
	}
	fill.Close()
	for _, args := range [][]string{{"today"}, {"list"}, {"history", "ana"}} {
		if r := h.run(args...); r.code != 0 || (args[0] != "today" && !strings.Contains(r.stdout, "Ana Lima")) {
			t.Errorf("tend %s on a disk with no room left: exit %d, stdout %q, stderr %q", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
	if r := h.run("log", "ana"); r.code != exitFailure || !strings.Contains(r.stderr, "the disk it is on is full") || strings.Contains(r.stderr, "(4874)") {
		t.Errorf("log on a disk with no room left: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestVCardFolderOnAFullDisk: export vcard --dir to a disk that fills
// says so of the folder, with how many cards were written, and leaves no
// part of a card behind.
func TestVCardFolderOnAFullDisk(t *testing.T) {
	disk := smallDisk(t, "64k")
	h := newHarness(t)
	for i := range 40 {
		h.ok("add", fmt.Sprintf("Person %02d", i), "--note", strings.Repeat("a long note ", 300))
	}
	r := h.run("export", "vcard", "--dir", disk)
	if r.code == 0 || !strings.Contains(r.stderr, "--dir "+disk+": the disk it is on is full;") || !strings.Contains(r.stderr, "cards written") ||
		strings.Contains(r.stderr, ".tmp") {
		t.Errorf("export vcard --dir to a full disk: exit %d, stderr %q", r.code, r.stderr)
	}
	if left, _ := filepath.Glob(filepath.Join(disk, ".tend-*")); len(left) != 0 {
		t.Errorf("parts of cards left: %v", left)
	}
}

// smallDisk mounts a tmpfs of size (16k, 1m) for the test, and unmounts it
// after; the test is skipped where it cannot be (not root, no mount).
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small disk needs root")
	}
	disk := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", disk).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", disk).Run() })
	return disk
}
