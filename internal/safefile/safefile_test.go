package safefile_test

import (
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tend-app/tend/internal/safefile"
)

func writeText(text string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	}
}

// setUp makes a folder with a database and its side files, which every
// case protects.
func setUp(t *testing.T) (dir, db string, opts safefile.Options) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "tend.db")
	for _, p := range []string{db, db + "-wal", db + "-shm"} {
		if err := os.WriteFile(p, []byte("precious "+filepath.Base(p)), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir, db, safefile.Options{Protected: safefile.SideFiles(db)}
}

func TestWriteRefusesTheDatabaseByAnyName(t *testing.T) {
	dir, db, opts := setUp(t)
	link := func(name string, make func(string) error) string {
		p := filepath.Join(dir, name)
		if err := make(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o700)
	paths := []string{
		db, db + "-wal", db + "-shm",
		db + "-journal", // not there now, and still refused
		filepath.Join(sub, "..", "tend.db"),
		link("symlink.db", func(p string) error { return os.Symlink(db, p) }),
		link("hardlink.db", func(p string) error { return os.Link(db, p) }),
		link("wal-link", func(p string) error { return os.Link(db+"-wal", p) }),
		link("dirlink", func(p string) error { return os.Symlink(dir, p) }) + "/tend.db",
		link("dirlink2", func(p string) error { return os.Symlink(dir, p) }) + "/tend.db-journal",
	}
	for _, force := range []bool{false, true} {
		opts.Force = force
		for _, p := range paths {
			err := safefile.Write(p, opts, writeText("overwritten"))
			if !errors.Is(err, safefile.ErrRefused) || !strings.Contains(err.Error(), "database") {
				t.Errorf("Write(%s, force %v) = %v, want a refusal naming the database", p, force, err)
			}
		}
	}
	for _, p := range []string{db, db + "-wal", db + "-shm"} {
		if b, _ := os.ReadFile(p); string(b) != "precious "+filepath.Base(p) {
			t.Errorf("%s was changed to %q", p, b)
		}
	}
	if _, err := os.Stat(db + "-journal"); err == nil {
		t.Error("a -journal was created")
	}
}

func TestWriteRefusesWhatIsNotAFile(t *testing.T) {
	dir, _, opts := setUp(t)
	opts.Force = true
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for p, want := range map[string]string{
		fifo:                                 "named pipe",
		sock:                                 "socket",
		dir:                                  "folder",
		os.DevNull:                           "device",
		filepath.Join(dir, "no", "such.txt"): "there is no folder",
	} {
		err := safefile.Write(p, opts, writeText("x"))
		if !errors.Is(err, safefile.ErrRefused) || !strings.Contains(err.Error(), want) {
			t.Errorf("Write(%s) = %v, want a refusal saying %q", p, err, want)
		}
	}
	if info, err := os.Stat(os.DevNull); err != nil || info.Mode()&fs.ModeDevice == 0 {
		t.Errorf("%s is no longer a device", os.DevNull)
	}
	if info, _ := os.Lstat(fifo); info.Mode()&fs.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
}

func TestWriteReplacesOnlyWithForce(t *testing.T) {
	dir, _, opts := setUp(t)
	out := filepath.Join(dir, "out.json")
	if err := safefile.Write(out, opts, writeText("one")); err != nil {
		t.Fatal(err)
	}
	if err := safefile.Write(out, opts, writeText("two")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("a second Write without Force = %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "one" {
		t.Errorf("the file holds %q after a refused write, want one", b)
	}
	opts.Force = true
	if err := safefile.Write(out, opts, writeText("two")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "two" {
		t.Errorf("the file holds %q, want two", b)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %04o, want 0600", info.Mode().Perm())
	}
	// Through a link to a regular file: the file is replaced, the link stays.
	link := filepath.Join(dir, "link.json")
	os.Symlink(out, link)
	if err := safefile.Write(link, opts, writeText("three")); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(link); info.Mode()&fs.ModeSymlink == 0 {
		t.Error("the symbolic link was replaced by a file")
	}
	if b, _ := os.ReadFile(out); string(b) != "three" {
		t.Errorf("the linked file holds %q, want three", b)
	}
	leftovers(t, dir)
}

func TestWriteLeavesNothingOnFailure(t *testing.T) {
	dir, _, opts := setUp(t)
	out := filepath.Join(dir, "out.json")
	boom := errors.New("boom")
	err := safefile.Write(out, opts, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("half ", 100000))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("Write = %v, want the writer's error", err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed write left the file")
	}
	leftovers(t, dir)
}

func leftovers(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestWriteHasNoNameUntilDone shows why a killed export leaves nothing: on
// Linux, while the content is written, the folder holds no file of it.
func TestWriteHasNoNameUntilDone(t *testing.T) {
	dir, _, opts := setUp(t)
	before, _ := os.ReadDir(dir)
	out := filepath.Join(dir, "out.json")
	err := safefile.Write(out, opts, func(w io.Writer) error {
		during, _ := os.ReadDir(dir)
		if len(during) != len(before) {
			t.Errorf("while writing, the folder holds %d entries, want %d: a kill now would leave one behind", len(during), len(before))
		}
		_, err := io.WriteString(w, "done")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "done" {
		t.Errorf("the file holds %q", b)
	}
}
