package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// doctorJSON runs tend doctor --json and decodes what it printed.
func (h *harness) doctorJSON() (doctorReport, result) {
	h.t.Helper()
	r := h.run("doctor", "--json")
	var rep doctorReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		h.t.Fatalf("doctor --json printed %q: %v", r.stdout, err)
	}
	return rep, r
}

// privateHarness is a harness whose database folder is 0700, as tend makes
// its own; t.TempDir's folders are 0755 under the usual umask.
func privateHarness(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t)
	if err := os.Chmod(filepath.Dir(h.db), 0o700); err != nil {
		t.Fatal(err)
	}
	return h
}

// listing is everything the list and history commands show, to tell that
// the doctor wrote nothing.
func (h *harness) listing() string {
	h.t.Helper()
	return h.ok("list", "--json").stdout + h.ok("list", "--archived", "--json").stdout + h.ok("history", "--json").stdout
}

func statusOf(rep doctorReport, name string) string {
	for _, c := range rep.Checks {
		if c.Name == name {
			return c.Status
		}
	}
	return "(missing)"
}

func TestDoctorOnAHealthyDatabase(t *testing.T) {
	h := privateHarness(t)
	h.ok("add", "Ana Lima", "--now", "2026-09-01")
	h.ok("log", "ana", "--at", "2026-10-12")

	r := h.ok("doctor")
	for _, want := range []string{"integrity", "the file is sound", "links", "orphans", "permissions", "schema", "All is well.", "1 person, 1 interaction"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("doctor printed:\n%s\nwant it to mention %q", r.stdout, want)
		}
	}
	rep, r := h.doctorJSON()
	if r.code != 0 || !rep.Healthy || !rep.Exists || rep.People == nil || *rep.People != 1 || *rep.Interactions != 1 {
		t.Errorf("doctor --json = %+v, exit %d; want healthy, 1 person, 1 interaction, exit 0", rep, r.code)
	}
	// The field names are a contract with scripts.
	for _, key := range []string{`"database"`, `"exists"`, `"healthy"`, `"schema_version"`, `"people"`, `"interactions"`, `"checks"`, `"name"`, `"status"`, `"messages"`} {
		if !strings.Contains(r.stdout, key) {
			t.Errorf("doctor --json lacks %s:\n%s", key, r.stdout)
		}
	}
	for _, name := range []string{"integrity", "links", "orphans", "permissions", "schema"} {
		if s := statusOf(rep, name); s != statusOK {
			t.Errorf("check %s = %s, want ok", name, s)
		}
	}
}

func TestDoctorWarnsOnOpenPermissions(t *testing.T) {
	h := privateHarness(t)
	h.ok("add", "Ana Lima")
	if err := os.Chmod(h.db, 0o644); err != nil {
		t.Fatal(err)
	}
	before := h.listing()

	rep, r := h.doctorJSON()
	if r.code != exitFailure || rep.Healthy {
		t.Errorf("doctor with a world-readable database: exit %d, healthy %v; want exit 1, not healthy", r.code, rep.Healthy)
	}
	if s := statusOf(rep, "permissions"); s != statusWarning {
		t.Errorf("permissions = %s, want warning", s)
	}
	if line := strings.TrimSuffix(r.stderr, "\n"); line != "tend: the doctor found 1 warning (see the checks in the JSON)" {
		t.Errorf("stderr = %q, want one line counting the warning", r.stderr)
	}
	text := h.run("doctor")
	if !strings.Contains(text.stdout, "chmod 600 "+h.db) || !strings.Contains(text.stdout, "mode 0644") {
		t.Errorf("doctor printed:\n%s\nwant the mode and the chmod that fixes it", text.stdout)
	}
	if after := h.listing(); after != before {
		t.Errorf("doctor changed the database:\n%s", lineDiff(before, after))
	}

	// A folder others can list is worth a warning too; fixing both makes
	// the doctor happy again.
	if err := os.Chmod(h.db, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Dir(h.db), 0o755); err != nil {
		t.Fatal(err)
	}
	if rep, _ := h.doctorJSON(); statusOf(rep, "permissions") != statusWarning {
		t.Errorf("permissions with a 0755 folder = %s, want warning", statusOf(rep, "permissions"))
	}
	if err := os.Chmod(filepath.Dir(h.db), 0o700); err != nil {
		t.Fatal(err)
	}
	h.ok("doctor")
}

func TestDoctorFindsReadOnlyAndOpenBackups(t *testing.T) {
	h := privateHarness(t)
	h.ok("add", "Ana Lima")
	dir := filepath.Dir(h.db)
	// A backup copied by hand with cp -p from an old umask, and a -shm
	// left read-only by a read-only open.
	for name, mode := range map[string]os.FileMode{"tend-2026-01-01.db": 0o644, "tend.db-shm": 0o400} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), mode); err != nil {
			t.Fatal(err)
		}
		os.Chmod(filepath.Join(dir, name), mode) // whatever the umask
	}
	rep, r := h.doctorJSON()
	if r.code != exitFailure || statusOf(rep, "permissions") != statusProblem {
		t.Fatalf("doctor: exit %d, permissions %s; want exit 1 and a problem", r.code, statusOf(rep, "permissions"))
	}
	var msgs string
	for _, c := range rep.Checks {
		if c.Name == "permissions" {
			msgs = strings.Join(c.Messages, "\n")
		}
	}
	for _, want := range []string{"tend.db-shm is read-only", "other users can read " + filepath.Join(dir, "tend-2026-01-01.db")} {
		if !strings.Contains(msgs, want) {
			t.Errorf("permissions messages:\n%s\nwant %q", msgs, want)
		}
	}
}

func TestDoctorOnAMissingDatabaseCreatesNothing(t *testing.T) {
	h := privateHarness(t)
	r := h.ok("doctor")
	if !strings.Contains(r.stdout, "No database at "+h.db+" yet") {
		t.Errorf("doctor printed %q, want it to say there is no database yet", r.stdout)
	}
	if _, err := os.Stat(h.db); err == nil {
		t.Error("doctor created the database, want nothing made")
	}
	if rep, r := h.doctorJSON(); r.code != 0 || rep.Exists || !rep.Healthy || rep.Checks == nil {
		t.Errorf("doctor --json = %+v, exit %d; want exists false, healthy, checks []", rep, r.code)
	}
}

func TestDoctorOnFilesThatAreNotTend(t *testing.T) {
	h := privateHarness(t)
	junk := bytes.Repeat([]byte("not a database at all\n"), 300)
	if err := os.WriteFile(h.db, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	rep, r := h.doctorJSON()
	if r.code != exitFailure || statusOf(rep, "integrity") != statusProblem {
		t.Errorf("doctor on junk: exit %d, integrity %s; want exit 1 and a problem", r.code, statusOf(rep, "integrity"))
	}
	if got, _ := os.ReadFile(h.db); !bytes.Equal(got, junk) {
		t.Error("doctor changed a file that is not a database")
	}
	if text := h.run("doctor").stdout; !strings.Contains(text, "cannot read it as a database") {
		t.Errorf("doctor on junk printed:\n%s\nwant it to say it cannot read it", text)
	}
}

// TestDoctorOnAPipeOrADevice: doctor says in one line that the path is not
// a file, at once: a named pipe made it wait for ever, and /dev/null had it
// advise chmod 700 /dev.
func TestDoctorOnAPipeOrADevice(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "tend.db")
	if err := exec.Command("mkfifo", fifo).Run(); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, path := range []string{fifo, os.DevNull} {
		h := newHarness(t)
		h.db = path
		done := make(chan result, 1)
		go func() { done <- h.run("doctor") }()
		select {
		case r := <-done:
			if r.code != exitFailure || !strings.Contains(r.stderr, "is not a file (a device, a pipe or a socket)") || strings.Contains(r.stdout, "chmod") {
				t.Errorf("doctor on %s: exit %d, stdout %q, stderr %q", path, r.code, r.stdout, r.stderr)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("doctor on %s has not answered in 20 seconds", path)
		}
	}
}

// TestDoctorOnAWalWithoutItsDatabase: the file went and its -wal stayed:
// doctor says so, as add refuses to make a new database beside it, rather
// than "no database yet".
func TestDoctorOnAWalWithoutItsDatabase(t *testing.T) {
	h := newHarness(t)
	if err := os.WriteFile(h.db+"-wal", []byte(walMagic+strings.Repeat("a frame left over ", 10)), 0o600); err != nil {
		t.Fatal(err)
	}
	r := h.run("doctor")
	if r.code != exitFailure || !strings.Contains(r.stdout, "there is no database, but its -wal is still there") {
		t.Errorf("doctor: exit %d, stdout %q", r.code, r.stdout)
	}
	if r := h.run("add", "Ana Lima"); r.code == 0 {
		t.Errorf("add beside a -wal with no database made one")
	}
	// An empty -wal, as a tend open on a file deleted under it leaves,
	// holds nothing: doctor finds nothing wrong, and add makes the file.
	if err := os.WriteFile(h.db+"-wal", nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if r := h.run("doctor"); r.code != 0 {
		t.Errorf("doctor beside an empty -wal: exit %d, stdout %q", r.code, r.stdout)
	}
	h.ok("add", "Ana Lima")
}

// walMagic is how SQLite's -wal files begin.
const walMagic = "\x37\x7f\x06\x82"
