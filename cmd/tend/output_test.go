package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOutputIsNeverTheDatabase runs every command that writes a file at
// the database, its side files and every other name for them, and at
// things that are not files: each is refused (exit 2), and the database,
// its side files and the device are left as they were.
func TestOutputIsNeverTheDatabase(t *testing.T) {
	h := newHarness(t)
	seed(h)
	dir := filepath.Dir(h.db)
	symlink := filepath.Join(dir, "link.db")
	if err := os.Symlink(h.db, symlink); err != nil {
		t.Fatal(err)
	}
	hardlink := filepath.Join(dir, "hard.db")
	if err := os.Link(h.db, hardlink); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(h.db)
	if err != nil {
		t.Fatal(err)
	}
	targets := map[string]string{
		h.db:              "database's own file",
		h.db + "-wal":     "database's own file",
		h.db + "-shm":     "database's own file",
		h.db + "-journal": "database's own file",
		symlink:           "database's own file",
		hardlink:          "another name for the database's own file",
		os.DevNull:        "is a device, not a file",
		fifo:              "named pipe",
		dir:               "is a folder",
	}
	for target, want := range targets {
		for _, args := range [][]string{
			{"export", "vcard", "-o", target, "--force"},
			{"export", "json", "-o", target, "--force"},
			{"export", "csv", "-o", target},
			{"backup", target, "--force"},
		} {
			if target == dir && args[0] == "backup" {
				continue // a folder is where backup puts its file
			}
			r := h.run(args...)
			if r.code != exitUsage || !strings.Contains(r.stderr, want) {
				t.Errorf("tend %s: exit %d, stderr %q; want exit 2 saying %q", strings.Join(args, " "), r.code, r.stderr, want)
			}
		}
	}
	if after, _ := os.ReadFile(h.db); !bytes.Equal(after, before) {
		t.Error("the database changed")
	}
	if info, err := os.Stat(os.DevNull); err != nil || info.Mode().IsRegular() {
		t.Errorf("%s is no longer a device", os.DevNull)
	}
	if _, err := os.Stat(h.db + "-journal"); err == nil {
		t.Error("a -journal was written")
	}
	// And the database still opens, with everyone in it.
	if got := h.ok("list").stdout; !strings.Contains(got, "Ana Lima") {
		t.Errorf("list after the refusals:\n%s", got)
	}
}

// TestExportNeedsForceToReplace: export -o and backup follow one rule.
func TestExportNeedsForceToReplace(t *testing.T) {
	h := newHarness(t)
	seed(h)
	out := filepath.Join(t.TempDir(), "people.vcf")
	if err := os.WriteFile(out, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := h.run("export", "vcard", "-o", out)
	if r.code != exitUsage || !strings.Contains(r.stderr, out+" already exists; add --force") {
		t.Errorf("export over a file: exit %d, stderr %q; want exit 2 asking for --force", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "mine" {
		t.Errorf("the refused export changed the file to %q", b)
	}
	h.ok("export", "vcard", "-o", out, "--force")
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "BEGIN:VCARD") {
		t.Errorf("after --force the file holds %.40q", b)
	}
	// - is standard output, as no -o is.
	if got, want := h.ok("export", "csv", "-o", "-").stdout, h.ok("export", "csv").stdout; got != want {
		t.Errorf("export -o - printed %q, want what export prints", got)
	}
}
