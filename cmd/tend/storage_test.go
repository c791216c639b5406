package main

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The storage edges of the trust issue, and where each is shown:
//
//   - read-only database: reads work, writes fail with a clear message
//     (TestReadOnlyDatabase, here);
//   - missing data folder: created 0700 (store.TestOpenCreatesPrivateFolderAndFile,
//     TestEndToEnd and TestWrittenFilesArePrivate);
//   - newer schema: refused, byte for byte untouched
//     (store.TestOpenRefusesNewerSchema; the doctor's view of it in
//     store.TestInspectNewerSchemaLeavesItUntouched);
//   - corrupt file: clear error, untouched, never overwritten
//     (TestCorruptFileIsNeverOverwritten, here, for every kind of command;
//     store.TestOpenRefusesNonSQLiteFile and TestBadDatabasePaths);
//   - migration on existing data: a copy next to the file first
//     (store.TestMigrateExistingDataWritesBackup and
//     store.TestMigrateBackupNeverOverwrites).

// nobody is the user a root test drops to, so that file modes mean
// something: root may write a 0400 file.
const nobody = 65534

// TestReadOnlyDatabase makes the database file read-only (0400) and checks
// that tend still reads it, and that a write fails with a message that
// says what to look at, leaving the file as it was. Running as root, where
// modes stop nothing, it runs the binary as the user nobody.
func TestReadOnlyDatabase(t *testing.T) {
	b := newBinary(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	db := filepath.Join(data, "tend.db")
	b.ok("--db", db, "add", "Ana Lima", "--now", "2026-09-01")
	b.ok("--db", db, "log", "ana", "--at", "2026-10-12")

	as := func(args ...string) *exec.Cmd {
		cmd := exec.Command(b.path, append([]string{"--db", db}, args...)...)
		cmd.Env = b.env
		return cmd
	}
	if os.Geteuid() == 0 {
		// nobody must reach the binary and the database: a copy of the
		// binary in a folder of the test's, folders it may pass through,
		// and the data folder its own, as a user's data folder is.
		bin := filepath.Join(dir, "tend")
		if err := copyExecutable(b.path, bin); err != nil {
			t.Fatal(err)
		}
		for d := dir; d != filepath.Dir(d) && strings.HasPrefix(d, os.TempDir()) && d != os.TempDir(); d = filepath.Dir(d) {
			if err := os.Chmod(d, 0o711); err != nil {
				t.Fatal(err)
			}
		}
		for _, p := range []string{data, db} {
			if err := os.Chown(p, nobody, nobody); err != nil {
				t.Skipf("running as root and cannot hand the database to nobody (%v): skipped", err)
			}
		}
		as = func(args ...string) *exec.Cmd {
			cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
			cmd.Env = append(b.env, "HOME="+data)
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
			return cmd
		}
		if out, err := as("version").CombinedOutput(); err != nil {
			t.Skipf("running as root and cannot run tend as nobody (%v: %s): skipped", err, out)
		}
	}
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	importFile := filepath.Join(dir, "import.json")
	if err := os.WriteFile(importFile, []byte(`{"format": "tend", "version": 1, "people": [{"id": "01JCLE0D1AZ000000000000000", "name": "Cleo Diaz", "tier": "close"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, string, int) {
		t.Helper()
		cmd := as(args...)
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if err != nil && cmd.ProcessState == nil {
			t.Fatalf("tend %v: %v", args, err)
		}
		return out.String(), errb.String(), cmd.ProcessState.ExitCode()
	}

	for _, read := range []struct {
		args []string
		want string
	}{
		{[]string{"list"}, "Ana Lima"},
		{[]string{"today", "--json"}, "[]"}, // she is not due: today is read, and says so
		{[]string{"show", "ana", "--json"}, `"name": "Ana Lima"`},
		{[]string{"history"}, "Ana Lima"},
	} {
		out, errb, code := run(read.args...)
		if code != 0 || !strings.Contains(out, read.want) {
			t.Errorf("tend %s on a read-only database: exit %d, stdout %q, stderr %q; want it to print %q",
				strings.Join(read.args, " "), code, out, errb, read.want)
		}
	}
	// The doctor reads it too, and says the file is read-only.
	if out, _, code := run("doctor"); code != exitFailure || !strings.Contains(out, "is read-only (mode 0400)") {
		t.Errorf("doctor on a read-only database: exit %d, stdout:\n%s\nwant exit 1 naming the read-only file", code, out)
	}
	for _, args := range [][]string{
		{"add", "Ben Okafor"},
		{"log", "ana", "--via", "text"},
		{"edit", "ana", "--tier", "close"},
		{"remember", "ana", "her exam"},
		{"archive", "ana"},
		{"import", "json", importFile},
	} {
		_, errb, code := run(args...)
		line := strings.TrimSuffix(errb, "\n")
		if code != exitFailure || strings.Contains(line, "\n") ||
			!strings.Contains(line, "cannot write to "+db+": it is read-only") || !strings.Contains(line, "nothing was written") {
			t.Errorf("tend %s on a read-only database: exit %d, stderr %q; want exit 1 and one line saying the file is read-only",
				strings.Join(args, " "), code, errb)
		}
	}
	if got, _ := os.ReadFile(db); !bytes.Equal(got, want) {
		t.Error("the read-only database changed")
	}
}

func copyExecutable(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// TestCorruptFileIsNeverOverwritten points every kind of command at a file
// of random bytes: each fails with a message that says so, and the file is
// left byte for byte as it was, with nothing written beside it.
func TestCorruptFileIsNeverOverwritten(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "tend.db")
	junk := make([]byte, 64<<10)
	r := rand.NewChaCha8([32]byte{7})
	r.Read(junk)
	if err := os.WriteFile(db, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, db: db, env: []string{"HOME=" + dir, "TEND_NOW=2026-11-24T09:30:00Z"}}
	for _, args := range [][]string{
		{"today"}, {"list", "--json"}, {"add", "Ana Lima"}, {"log", "ana"}, {"edit", "ana", "--tier", "close"},
		{"remember", "ana", "x"}, {"rm", "ana", "--yes"}, {"backup", filepath.Join(dir, "copy.db")},
		{"doctor"},
	} {
		r := h.run(args...)
		line := strings.TrimSuffix(r.stderr, "\n")
		if r.code != exitFailure || strings.Contains(line, "\n") {
			t.Errorf("tend %s on random bytes: exit %d, stderr %q; want exit 1, one line", shellJoin(args), r.code, r.stderr)
		}
		if args[0] == "doctor" {
			if !strings.Contains(r.stdout, "cannot read it as a database") {
				t.Errorf("doctor on random bytes printed:\n%s\nwant it to say it cannot read it", r.stdout)
			}
		} else if !strings.Contains(line, "not a database") {
			t.Errorf("tend %s on random bytes: stderr %q, want it to say the file is not a database", shellJoin(args), line)
		}
	}
	if got, _ := os.ReadFile(db); !bytes.Equal(got, junk) {
		t.Fatal("a file of random bytes was changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %v, want only the untouched file", names)
	}
}

// TestDoctorFindsDamage damages the middle of a real tend database, as a
// failing disk would, and checks that the doctor says so and leaves it
// alone.
func TestDoctorFindsDamage(t *testing.T) {
	h := privateHarness(t)
	for _, name := range []string{"Ana Lima", "Ben Okafor", "Cara Dias", "Dev Patel"} {
		h.ok("add", name, "--note", strings.Repeat(name+" ", 1500))
	}
	b, err := os.ReadFile(h.db)
	if err != nil {
		t.Fatal(err)
	}
	junk := make([]byte, 8<<10)
	rand.NewChaCha8([32]byte{9}).Read(junk)
	copy(b[len(b)/2:], junk)
	if err := os.WriteFile(h.db, b, 0o600); err != nil {
		t.Fatal(err)
	}

	rep, r := h.doctorJSON()
	if r.code != exitFailure || statusOf(rep, "integrity") != statusProblem {
		t.Errorf("doctor on a damaged file: exit %d, integrity %s; want exit 1 and a problem\n%s", r.code, statusOf(rep, "integrity"), r.stdout)
	}
	if got, _ := os.ReadFile(h.db); !bytes.Equal(got, b) {
		t.Error("the doctor changed a damaged file")
	}
	// The header says what it counted, and never "0 people" for a file
	// that holds four it cannot count.
	text := h.run("doctor").stdout
	header, _, _ := strings.Cut(text, "\n")
	if strings.Contains(header, "0 people") || (rep.People != nil && *rep.People != 4) {
		t.Errorf("doctor on a damaged file of 4 people: header %q, people %v; want 4 or no count", header, rep.People)
	}
	// Writes are refused until the file checks out, pointing to the way back.
	for _, args := range [][]string{{"add", "Eve Stone"}, {"log", "ana"}, {"edit", "ben", "--tier", "inner"}} {
		r := h.run(args...)
		if r.code != exitFailure || !strings.Contains(r.stderr, "tend doctor") || !strings.Contains(r.stderr, "tend backup --restore") {
			t.Errorf("tend %s on a damaged file: exit %d, stderr %q; want exit 1 pointing to doctor and backup --restore", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	if got, _ := os.ReadFile(h.db); !bytes.Equal(got, b) {
		t.Error("a write changed the damaged file")
	}
}
