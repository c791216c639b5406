package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// TestBackupRestore restores a backup over a database that a killed TUI
// left with a -wal beside it: the copy is checked, the current file is
// kept aside with its side files, and the restored file is sound and holds
// the backup's people, not a mix.
func TestBackupRestore(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima")
	backup := filepath.Join(t.TempDir(), "b.db")
	h.ok("backup", backup)
	h.ok("add", "Ben Okafor")

	// A TUI that is open: restore refuses.
	s, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		if _, err := s.AddPerson(t.Context(), domain.Person{Name: fmt.Sprintf("Later %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	if r := h.run("backup", "--restore", backup); r.code != exitUsage || !strings.Contains(r.stderr, "open in another tend") {
		t.Errorf("restore while the database is open: exit %d, stderr %q; want exit 2 saying it is open", r.code, r.stderr)
	}
	// It is killed: its -wal and -shm stay.
	wal, _ := os.ReadFile(h.db + "-wal")
	shm, _ := os.ReadFile(h.db + "-shm")
	s.Close()
	os.WriteFile(h.db+"-wal", wal, 0o600)
	os.WriteFile(h.db+"-shm", shm, 0o600)

	for _, bad := range []string{filepath.Join(t.TempDir(), "none.db"), h.db} {
		if r := h.run("backup", "--restore", bad); r.code != exitUsage {
			t.Errorf("restore from %s: exit %d, stderr %q; want exit 2", bad, r.code, r.stderr)
		}
	}
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte(strings.Repeat("not a database ", 500)), 0o600)
	if r := h.run("backup", "--restore", junk); r.code != exitUsage || !strings.Contains(r.stderr, "not a database tend can read") {
		t.Errorf("restore from junk: exit %d, stderr %q", r.code, r.stderr)
	}

	r := h.ok("backup", "--restore", backup)
	aside := h.db + ".before-restore-2026-11-24T093000Z"
	if !strings.Contains(r.stdout, "Restored "+backup+" to "+h.db+" (1 person, 0 interactions)") || !strings.Contains(r.stdout, aside) {
		t.Errorf("restore printed %q", r.stdout)
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(aside + side); err != nil {
			t.Errorf("the replaced file's %s was not kept with it: %v", side, err)
		}
	}
	if got := peopleIn(t, h.db); len(got) != 1 || got[0] != "Ana Lima" {
		t.Errorf("the restored database holds %v, want Ana Lima alone", got)
	}
	if rep, r := h.doctorJSON(); statusOf(rep, "integrity") != statusOK || statusOf(rep, "wal") != statusOK {
		t.Errorf("doctor after the restore: %s", r.stdout)
	}
	if got := peopleIn(t, aside); len(got) != 52 {
		t.Errorf("the file kept aside holds %d people, want 52", len(got))
	}
	// Again in the same second: the first file kept aside stays.
	h.ok("backup", "--restore", backup)
	if got := peopleIn(t, aside); len(got) != 52 {
		t.Errorf("a second restore replaced the file kept aside by the first (%d people)", len(got))
	}
	if _, err := os.Stat(aside + "-2"); err != nil {
		t.Errorf("the second restore kept nothing aside: %v", err)
	}
}

// TestDoctorOnARestoreDoneByHand: a TUI is killed, leaving its -wal, and
// a backup is copied over the file by hand. doctor must not fold that
// -wal into the restored file, must say it does not belong to it, and
// must leave the file, its -wal and its -shm byte for byte as they were.
func TestDoctorOnARestoreDoneByHand(t *testing.T) {
	h := privateHarness(t)
	h.ok("add", "Ana Lima")
	backup := filepath.Join(filepath.Dir(h.db), "b.db")
	h.ok("backup", backup)
	s, err := store.Open(h.db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		if _, err := s.AddPerson(t.Context(), domain.Person{Name: fmt.Sprintf("Later %d", i), Notes: strings.Repeat("n", 400)}); err != nil {
			t.Fatal(err)
		}
	}
	wal, _ := os.ReadFile(h.db + "-wal")
	shm, _ := os.ReadFile(h.db + "-shm")
	s.Close()
	b, _ := os.ReadFile(backup)
	os.WriteFile(h.db, b, 0o600) // cp b.db tend.db
	os.WriteFile(h.db+"-wal", wal, 0o600)
	os.WriteFile(h.db+"-shm", shm, 0o600)
	var before []string
	for _, side := range []string{"", "-wal", "-shm"} {
		b, _ := os.ReadFile(h.db + side)
		before = append(before, string(b))
	}

	rep, r := h.doctorJSON()
	if r.code != exitFailure || statusOf(rep, "wal") != statusProblem || statusOf(rep, "integrity") != statusOK ||
		!strings.Contains(r.stdout, "does not belong to the database") {
		t.Errorf("doctor beside a stale -wal: exit %d\n%s\nwant exit 1, the file sound and the -wal named as not its own", r.code, r.stdout)
	}
	for i, side := range []string{"", "-wal", "-shm"} {
		if b, _ := os.ReadFile(h.db + side); string(b) != before[i] {
			t.Errorf("doctor changed tend.db%s", side)
		}
	}
	// A read that SQLite finds damaged by the -wal sends the user to
	// doctor, saying it is the -wal, not that the file is damaged.
	if r := h.run("list"); r.code != 0 && (!strings.Contains(r.stderr, "cannot be read with the -wal beside it") || !strings.Contains(r.stderr, "Run tend doctor")) {
		t.Errorf("list beside a stale -wal: exit %d, stderr %q", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(h.db); string(b) != before[0] {
		t.Error("a read beside a stale -wal changed tend.db")
	}
	if _, err := os.Stat(h.db + ".damaged"); err == nil {
		t.Error("a read beside a stale -wal marked the sound file damaged")
	}
	// A write, or the full-screen view, opening the file would put the
	// -wal into it, damaging it, and remove the -wal: each is refused
	// before, and the file and its -wal stay as they were (the -shm is
	// an index of the -wal, which a reader may build again).
	for _, args := range [][]string{{"add", "Zed"}, {"log", "ana"}, {"undo"}, {"backup", filepath.Join(t.TempDir(), "c.db")}} {
		r := h.run(args...)
		if r.code == 0 || !strings.Contains(r.stderr, "cannot be read with the -wal beside it") {
			t.Errorf("tend %s beside a stale -wal: exit %d, stderr %q; want it refused, sending to doctor", strings.Join(args, " "), r.code, r.stderr)
		}
		for i, side := range []string{"", "-wal"} {
			if b, _ := os.ReadFile(h.db + side); string(b) != before[i] {
				t.Errorf("tend %s beside a stale -wal changed tend.db%s", strings.Join(args, " "), side)
			}
		}
	}
	// Once the -wal is moved away, as doctor says, the file is written.
	os.Rename(h.db+"-wal", h.db+"-wal.stale")
	os.Remove(h.db + "-shm")
	h.ok("add", "Zed")
}

// TestAWriteBesideAForeignWALOfTheSameSize: a copy of the file made by hand
// (cp, not tend backup) has the page count of the file the crashed
// tend's -wal was written for, so it reads with that -wal; only a check
// of every page shows the two do not belong together. The write is
// refused, and the file and the -wal stay as they were.
func TestAWriteBesideAForeignWALOfTheSameSize(t *testing.T) {
	h := privateHarness(t)
	h.ok("add", "Ana Lima")
	copyByHand, err := os.ReadFile(h.db)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		h.ok("add", fmt.Sprintf("Person %d", i), "--note", strings.Repeat("n", 300))
	}
	s, err := store.Open(h.db, store.Options{}) // a full-screen view, killed after its writes
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPerson(t.Context(), domain.Person{Name: "Zed New"}); err != nil {
		t.Fatal(err)
	}
	wal, _ := os.ReadFile(h.db + "-wal")
	shm, _ := os.ReadFile(h.db + "-shm")
	s.Close()
	os.WriteFile(h.db, copyByHand, 0o600)
	os.WriteFile(h.db+"-wal", wal, 0o600)
	os.WriteFile(h.db+"-shm", shm, 0o600)
	r := h.run("log", "ana")
	if r.code == 0 || !strings.Contains(r.stderr, "cannot be read with the -wal beside it") {
		t.Errorf("log beside a foreign -wal of the same size: exit %d, stderr %q; want it refused", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(h.db); string(b) != string(copyByHand) {
		t.Error("the refused write changed the file")
	}
	if b, _ := os.ReadFile(h.db + "-wal"); string(b) != string(wal) {
		t.Error("the refused write changed or removed the -wal")
	}
}

// TestRestoreThroughALink: a database reached through a symbolic link (a
// synced folder) is restored in the file the link leads to, the link kept,
// and what is kept aside is a copy of that file, not another link to it.
func TestRestoreThroughALink(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima")
	backup := filepath.Join(t.TempDir(), "b.db")
	h.ok("backup", backup)
	h.ok("add", "Ben Okafor")
	real := h.db
	link := filepath.Join(t.TempDir(), "tend.db")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	h.db = link
	h.ok("backup", "--restore", backup)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link is no longer a link: %v, %v", fi, err)
	}
	if got := peopleIn(t, real); len(got) != 1 || got[0] != "Ana Lima" {
		t.Errorf("the file the link leads to holds %v, want the backup's Ana Lima alone", got)
	}
	aside := real + ".before-restore-2026-11-24T093000Z"
	if fi, err := os.Lstat(aside); err != nil || !fi.Mode().IsRegular() {
		t.Fatalf("nothing kept aside beside the file, or not a file: %v, %v", fi, err)
	}
	if got := peopleIn(t, aside); len(got) != 2 {
		t.Errorf("the file kept aside holds %v, want Ana and Ben", got)
	}
	h.ok("log", "ana")
	if got := h.ok("history", "--json").stdout; !strings.Contains(got, "Ana Lima") {
		t.Errorf("a log after the restore, through the link, is not in the file: %s", got)
	}
}

// TestRestoreOverAnImmutableFile: a file that may not be replaced (chattr
// +i) is said in words, and left as it was.
func TestRestoreOverAnImmutableFile(t *testing.T) {
	chattr, err := exec.LookPath("chattr")
	if err != nil || os.Geteuid() != 0 {
		t.Skip("needs root and chattr")
	}
	h := newHarness(t)
	h.ok("add", "Ana Lima")
	backup := filepath.Join(t.TempDir(), "b.db")
	h.ok("backup", backup)
	if out, err := exec.Command(chattr, "+i", h.db).CombinedOutput(); err != nil {
		t.Skipf("the file system takes no immutable flag: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command(chattr, "-i", h.db).Run() })
	r := h.run("backup", "--restore", backup)
	if r.code == 0 || strings.Contains(r.stderr, "link ") || !strings.Contains(r.stderr, "operation not permitted") {
		t.Errorf("restore over an immutable file: exit %d, stderr %q", r.code, r.stderr)
	}
	if got := peopleIn(t, h.db); len(got) != 1 {
		t.Errorf("the database holds %v after the refused restore", got)
	}
}
