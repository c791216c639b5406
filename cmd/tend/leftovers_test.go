package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestLeftoversAreReportedAndRemoved: a backup killed while it ran leaves
// its plain snapshot beside the database. doctor reports it and --fix
// removes it; the next command that writes removes it too. A snapshot a
// running backup holds (locked) is neither reported nor removed.
func TestLeftoversAreReportedAndRemoved(t *testing.T) {
	h := newHarness(t)
	seed(h)
	dir := filepath.Dir(h.db)
	plain, _ := os.ReadFile(h.db)
	left := filepath.Join(dir, ".tend-backup-1234.tmp")
	os.WriteFile(left, plain, 0o600)
	busy := filepath.Join(dir, ".tend-backup-5678.tmp")
	os.WriteFile(busy, plain, 0o600)
	f, err := os.Open(busy)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
		t.Fatal(err)
	}

	rep, r := h.doctorJSON()
	if statusOf(rep, "leftovers") != statusWarning || !strings.Contains(r.stdout, left) || strings.Contains(r.stdout, busy) {
		t.Errorf("doctor with a leftover snapshot:\n%s\nwant a warning naming %s and not the one in use", r.stdout, left)
	}
	if _, err := os.Stat(left); err != nil {
		t.Error("doctor without --fix removed the leftover")
	}
	r = h.run("doctor", "--fix")
	if !strings.Contains(r.stdout, "Removed "+left) {
		t.Errorf("doctor --fix printed:\n%s\nwant it to say it removed %s", r.stdout, left)
	}
	if _, err := os.Stat(left); err == nil {
		t.Error("doctor --fix left the leftover")
	}
	if _, err := os.Stat(busy); err != nil {
		t.Error("doctor --fix removed a snapshot in use")
	}

	os.WriteFile(left, plain, 0o600)
	h.ok("log", "ana")
	if _, err := os.Stat(left); err == nil {
		t.Error("the next write left the leftover snapshot")
	}
	if _, err := os.Stat(busy); err != nil {
		t.Error("a write removed a snapshot in use")
	}

	// What SQLite writes beside a copy it makes (its -journal) is a
	// leftover too; the -journal of a copy in use is not, nor a copy not
	// yet named (.new), which another tend may be making this moment.
	journal, named := left+"-journal", filepath.Join(dir, ".tend-backup-99.tmp.new")
	busyJournal := busy + "-journal"
	for _, name := range []string{journal, named, busyJournal} {
		os.WriteFile(name, []byte("x"), 0o600)
	}
	r = h.run("doctor", "--fix")
	if _, err := os.Stat(named); err != nil {
		t.Error("doctor --fix removed a copy not yet named, which a backup may be making")
	}
	for _, name := range []string{journal} {
		if _, err := os.Stat(name); err == nil || !strings.Contains(r.stdout, "Removed "+name) {
			t.Errorf("doctor --fix left %s:\n%s", name, r.stdout)
		}
	}
	if _, err := os.Stat(busyJournal); err != nil {
		t.Error("doctor --fix removed the -journal of a snapshot in use")
	}
}
