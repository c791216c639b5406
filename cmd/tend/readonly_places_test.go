package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadingChangesNothing: reading a copy (a backup, which SQLite keeps
// in rollback-journal mode) leaves it byte for byte as it was; tend used
// to switch it to WAL, which rewrites the header.
func TestReadingChangesNothing(t *testing.T) {
	h := newHarness(t)
	seed(h)
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	h.ok("backup", copyPath)
	want, err := os.ReadFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	c := &harness{t: t, db: copyPath, env: h.env, entropy: h.entropy}
	for _, args := range [][]string{{"list"}, {"today"}, {"show", "ana"}, {"history"}, {"stats"}, {"plan"}, {"export", "json"}} {
		c.ok(args...)
	}
	if got, _ := os.ReadFile(copyPath); !bytes.Equal(got, want) {
		t.Error("reading the copy changed its bytes")
	}
	if side, _ := filepath.Glob(copyPath + "?*"); len(side) != 0 {
		t.Errorf("reading the copy left %v beside it", side)
	}
}

// TestRefusedCommandOnAMissingPathCreatesNothing: a command refused
// before it writes, and a read, on a path with no database create no
// folder and no file; a read says there is no database.
func TestRefusedCommandOnAMissingPathCreatesNothing(t *testing.T) {
	h := newHarness(t)
	folder := filepath.Join(t.TempDir(), "new")
	h.db = filepath.Join(folder, "tend.db")
	for _, args := range [][]string{{"log", "nobody"}, {"edit", "nobody", "--tier", "inner"}, {"remember", "nobody", "x"}, {"import", "json", "/no/such/file.json"},
		// These are refused inside their write, which made the file first.
		{"undo"}, {"forget", "01"}, {"unlog", "01"}, {"amend", "01", "--minutes", "3"}, {"remember", "--edit", "01", "x"}} {
		if r := h.run(args...); r.code != exitUsage {
			t.Errorf("tend %s on a missing database: exit %d, stderr %q; want exit 2", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	for _, args := range [][]string{{"today"}, {"list", "--json"}, {"plan"}, {"stats"}, {"history"}} {
		r := h.run(args...)
		if r.code != 0 || !strings.Contains(r.stderr, "No database at "+h.db+" yet") {
			t.Errorf("tend %s on a missing database: exit %d, stderr %q; want exit 0 saying there is none yet", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	if _, err := os.Stat(folder); err == nil {
		t.Fatal("a refused command or a read created the folder")
	}
	h.ok("add", "Ana Lima")
	if _, err := os.Stat(h.db); err != nil {
		t.Errorf("add did not create the database: %v", err)
	}
}

// TestReadOnlyFolder: a database in a folder its owner may not write
// (0500), as a read-only mount is, is read, and nothing is made in the
// folder. Run as root, the binary runs as nobody.
func TestReadOnlyFolder(t *testing.T) {
	b := newBinary(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	db := filepath.Join(data, "tend.db")
	b.ok("--db", db, "add", "Ana Lima", "--now", "2026-09-01")
	b.ok("--db", db, "log", "ana", "--at", "2026-10-12")
	if err := os.Mkdir(filepath.Join(dir, "nobodys"), 0o700); err != nil {
		t.Fatal(err)
	}
	run := asNobody(t, b, dir, db, data, db, filepath.Join(dir, "nobodys"))
	if err := os.Chmod(data, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(data, 0o700)
	want, _ := os.ReadFile(db)
	for _, args := range [][]string{{"list"}, {"today", "--json"}, {"show", "ana"}, {"history"}} {
		if out, err := run(args...); err != nil {
			t.Errorf("tend %s in a read-only folder: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	// A write is refused in one plain line that says why: SQLite could
	// not make the -wal and -shm files (its own words were "unable to
	// open database file (14)").
	out, err := run("snooze", "ana")
	if err == nil || !strings.Contains(out, "its folder or the disk it is on is read-only") || strings.Contains(out, "(14)") ||
		strings.Count(strings.TrimSpace(out), "\n") != 0 {
		t.Errorf("a write in a read-only folder: %v\n%s", err, out)
	}
	// A backup only reads: from a read-only mount is where one is wanted.
	out, err = run("backup", "--json", filepath.Join(dir, "nobodys", "b.db"))
	if err != nil || !strings.Contains(out, `"bytes"`) {
		t.Errorf("backup of a database in a read-only folder: %v\n%s", err, out)
	}
	if got, _ := os.ReadFile(db); !bytes.Equal(got, want) {
		t.Error("reads in a read-only folder changed the file")
	}
	if entries, _ := os.ReadDir(data); len(entries) != 1 {
		t.Errorf("the read-only folder holds %d entries, want the database alone", len(entries))
	}
}

// TestReadOnlyFileInAWritableFolder: a database file its owner may not
// write (0400) is read, and a write is refused in plain words, with
// nothing made beside it: SQLite made a -wal and -shm with the file's
// mode, which still refused every write once the file was made writable
// again. Run as root, the binary runs as nobody.
func TestReadOnlyFileInAWritableFolder(t *testing.T) {
	b := newBinary(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	db := filepath.Join(data, "tend.db")
	b.ok("--db", db, "add", "Ana Lima", "--now", "2026-09-01")
	run := asNobody(t, b, dir, db, data, db)
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	if out, err := run("list"); err != nil || !strings.Contains(out, "Ana Lima") {
		t.Errorf("list of a read-only file: %v\n%s", err, out)
	}
	for _, args := range [][]string{{"log", "ana"}, {"add", "Ben Okafor"}, {"snooze", "ana"}} {
		out, err := run(args...)
		if err == nil || !strings.Contains(out, "it is read-only") || strings.Count(strings.TrimSpace(out), "\n") != 0 {
			t.Errorf("tend %s on a read-only file: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	if entries, _ := os.ReadDir(data); len(entries) != 1 {
		t.Errorf("the folder holds %d entries after refused writes, want the database alone", len(entries))
	}
	if err := os.Chmod(db, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := run("log", "ana"); err != nil {
		t.Errorf("log once the file is writable again: %v\n%s", err, out)
	}
}

// asNobody hands files to nobody, when the test runs as root, and returns
// what runs the binary on the database db, at a fixed moment, as nobody:
// root's permissions would let every write through. Not as root, the
// binary runs as the user.
func asNobody(t *testing.T, b *binary, dir, db string, files ...string) func(args ...string) (string, error) {
	t.Helper()
	bin := b.path
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		bin = filepath.Join(dir, "tend")
		if err := copyExecutable(b.path, bin); err != nil {
			t.Fatal(err)
		}
		for d := dir; d != filepath.Dir(d) && strings.HasPrefix(d, os.TempDir()) && d != os.TempDir(); d = filepath.Dir(d) {
			os.Chmod(d, 0o711)
		}
		for _, p := range files {
			if err := os.Chown(p, nobody, nobody); err != nil {
				t.Skipf("cannot hand the database to nobody: %v", err)
			}
		}
		cred = &syscall.Credential{Uid: nobody, Gid: nobody}
	}
	return func(args ...string) (string, error) {
		cmd := exec.Command(bin, append([]string{"--db", db, "--now", "2026-11-24"}, args...)...)
		cmd.Env = append(b.env, "HOME="+dir)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
}
