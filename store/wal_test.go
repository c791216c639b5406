package store

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/tend-app/tend/internal/domain"
)

// killedCopy copies the database at path with its -wal and -shm into a
// new folder while s has it open: what a killed TUI leaves behind.
func killedCopy(t *testing.T, path string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "tend.db")
	for _, side := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(path + side)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst+side, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// allBytes is the database and its side files, to check nothing changed.
func allBytes(t *testing.T, path string) string {
	t.Helper()
	var out []byte
	for _, side := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(path + side)
		out = fmt.Appendf(out, "%s %v %d %x\n", side, err, len(b), b)
	}
	return string(out)
}

// TestInspectWritesNothingAndSpotsAStaleWAL is the restore done by hand:
// a TUI is killed, leaving a -wal, and a backup is copied over the file.
// The doctor must not copy that -wal into the restored file (which would
// damage it), must say that the -wal does not belong to it, and must leave
// the file and both side files byte for byte as they were. On the killed
// copy itself, the -wal is needed and belongs.
func TestInspectWritesNothingAndSpotsAStaleWAL(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "tend.db")
	s, err := Open(live, internalOptions(seeds.Add(1)))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := t.Context()
	for i := range 3 {
		if _, err := s.AddPerson(ctx, domain.Person{Name: fmt.Sprintf("Early %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	backup := filepath.Join(dir, "backup.db")
	if _, err := s.Backup(ctx, backup, BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		if _, err := s.AddPerson(ctx, domain.Person{Name: fmt.Sprintf("Later %d", i), Notes: string(bytes.Repeat([]byte("n"), 300))}); err != nil {
			t.Fatal(err)
		}
	}

	killed := killedCopy(t, live)
	before := allBytes(t, killed)
	h, err := Inspect(ctx, killed)
	if err != nil || h.WAL.Pending == 0 || h.WAL.Foreign || h.People != 203 || !h.Sound() {
		t.Errorf("Inspect(a killed TUI's files) = %+v, %v; want 203 people, a -wal that is needed and belongs", h, err)
	}
	if allBytes(t, killed) != before {
		t.Error("Inspect changed the database or its side files")
	}

	restored := killedCopy(t, live)
	b, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(restored, b, 0o600); err != nil { // cp backup.db tend.db
		t.Fatal(err)
	}
	before = allBytes(t, restored)
	h, err = Inspect(ctx, restored)
	if err != nil || !h.WAL.Foreign || h.Sound() || len(h.Damage) != 0 || h.People != 3 {
		t.Errorf("Inspect(a backup copied over, beside a stale -wal) = %+v, %v; want the file alone (3 people, sound) and the -wal named as not its own", h, err)
	}
	if allBytes(t, restored) != before {
		t.Error("Inspect changed the restored file or its side files")
	}
}

// FuzzReadWAL hands readWAL any bytes as a -wal beside a real database:
// it must not panic, and a -wal it finds changes in must be one whose
// header it checked.
func FuzzReadWAL(f *testing.F) {
	dir := f.TempDir()
	path := filepath.Join(dir, "tend.db")
	s, err := Open(path, internalOptions(seeds.Add(1)))
	if err != nil {
		f.Fatal(err)
	}
	if _, err := s.AddPerson(f.Context(), domain.Person{Name: "Ana Lima"}); err != nil {
		f.Fatal(err)
	}
	wal, err := os.ReadFile(path + "-wal")
	if err != nil {
		f.Fatal(err)
	}
	s.Close()
	f.Add(wal)
	f.Add(wal[:min(len(wal), 40)])
	f.Add([]byte{0x37, 0x7f, 0x06, 0x82, 0, 0, 0, 0, 0, 0, 0, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := os.WriteFile(path+"-wal", b, 0o600); err != nil {
			t.Fatal(err)
		}
		st, err := readWAL(path)
		if err != nil {
			t.Fatalf("readWAL = %v", err)
		}
		if st.Frames > 0 && len(b) < 32 {
			t.Errorf("readWAL found %d frames in %d bytes", st.Frames, len(b))
		}
	})
}
