package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// entries lists a folder's file names.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func countPeople(t *testing.T, path string) int {
	t.Helper()
	var n int
	if err := rawDB(t, path).QueryRow("SELECT count(*) FROM people").Scan(&n); err != nil {
		t.Fatalf("count people in %s: %v", path, err)
	}
	return n
}

func TestBackupWritesAPrivateCompleteCopy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	filled(t, path)
	s := openInternal(t, path)
	dir := t.TempDir()
	dst := filepath.Join(dir, "copy.db")

	size, err := s.Backup(t.Context(), dst, BackupOptions{})
	if err != nil {
		t.Fatalf("Backup = %v, want no error", err)
	}
	info, err := os.Stat(dst)
	if err != nil || info.Size() != size {
		t.Fatalf("Backup returned size %d; the file: %v, %v", size, info, err)
	}
	wantPrivate(t, dst, 0o600, false)
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("the folder holds %v after Backup, want only the copy (no temporary file)", got)
	}
	h, err := Inspect(t.Context(), dst)
	if err != nil || !h.Sound() || h.People != 2 || h.Interactions != 1 {
		t.Errorf("the copy: %+v, %v; want a sound database with 2 people and 1 interaction", h, err)
	}
	// The copy is a tend database of its own.
	c := openInternal(t, dst)
	if p, err := c.FindPerson(t.Context(), "ana", PreferActive); err != nil || p.Notes != "exam on Friday" {
		t.Errorf("Ana in the copy = %+v, %v; want her notes", p, err)
	}
}

func TestBackupNeverOverwritesWithoutReplace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	filled(t, path)
	s := openInternal(t, path)
	dst := filepath.Join(t.TempDir(), "copy.db")
	old := []byte("last year's backup")
	if err := os.WriteFile(dst, old, 0o600); err != nil {
		t.Fatal(err)
	}

	_, err := s.Backup(t.Context(), dst, BackupOptions{})
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("Backup onto an existing file = %v, want an error wrapping fs.ErrExist", err)
	}
	if got := readFile(t, dst); !bytes.Equal(got, old) {
		t.Error("Backup without Replace changed an existing file")
	}
	if got := entries(t, filepath.Dir(dst)); len(got) != 1 {
		t.Errorf("a refused Backup left %v, want only the old file", got)
	}

	if _, err := s.Backup(t.Context(), dst, BackupOptions{Replace: true}); err != nil {
		t.Fatalf("Backup with Replace = %v, want no error", err)
	}
	if n := countPeople(t, dst); n != 2 {
		t.Errorf("the replaced file holds %d people, want 2", n)
	}
}

func TestBackupRefusesTheDatabaseItself(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	filled(t, path)
	s := openInternal(t, path)
	if _, err := s.AddPerson(t.Context(), domain.Person{Name: "Carla"}); err != nil {
		t.Fatal(err)
	}
	for _, dst := range []string{path, path + "-wal", filepath.Join(filepath.Dir(path), ".", "tend.db")} {
		_, err := s.Backup(t.Context(), dst, BackupOptions{Replace: true})
		if !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("Backup(%s, Replace) = %v, want ErrInvalid", dst, err)
		}
	}
	if _, err := s.AddPerson(t.Context(), domain.Person{Name: "Dara"}); err != nil {
		t.Fatal(err)
	}
	if p, err := s.People(t.Context(), PeopleFilter{}); err != nil || len(p) != 4 {
		t.Errorf("after refused backups the database has %d people, %v; want 4", len(p), err)
	}
}

func TestBackupSealed(t *testing.T) {
	dbDir, outDir := t.TempDir(), t.TempDir()
	path := filepath.Join(dbDir, "tend.db")
	filled(t, path)
	s := openInternal(t, path)
	dst := filepath.Join(outDir, "copy.db.sealed")

	// A stand-in for encryption: the plain copy reversed. It also checks
	// where the plain copy lies while it is read.
	var plainDir string
	reverse := func(w io.Writer, plain io.Reader) error {
		if f, ok := plain.(*os.File); ok {
			plainDir = filepath.Dir(f.Name())
		}
		b, err := io.ReadAll(plain)
		if err != nil {
			return err
		}
		for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
			b[i], b[j] = b[j], b[i]
		}
		_, err = w.Write(b)
		return err
	}
	if _, err := s.Backup(t.Context(), dst, BackupOptions{Seal: reverse}); err != nil {
		t.Fatalf("Backup(Seal) = %v, want no error", err)
	}
	if plainDir != dbDir {
		t.Errorf("the plain copy was made in %s, want the database's folder %s", plainDir, dbDir)
	}
	wantPrivate(t, dst, 0o600, false)
	got := readFile(t, dst)
	if !bytes.HasSuffix(got, []byte("\x003 tamrof etiLQS")) {
		t.Errorf("the sealed file does not end with the reversed SQLite header")
	}
	if e := entries(t, outDir); len(e) != 1 {
		t.Errorf("the destination folder holds %v, want only the sealed file", e)
	}
	if e := entries(t, dbDir); len(e) != 1 || e[0] != "tend.db" {
		// The store is open: -wal and -shm may be there, but no temporary copy.
		for _, name := range e {
			if filepath.Ext(name) == ".tmp" {
				t.Errorf("the database folder holds %s after a sealed backup, want the plain copy removed", name)
			}
		}
	}

	failing := func(w io.Writer, plain io.Reader) error { return errors.New("no key") }
	dst2 := filepath.Join(outDir, "second.sealed")
	if _, err := s.Backup(t.Context(), dst2, BackupOptions{Seal: failing}); err == nil {
		t.Error("Backup with a failing Seal = nil error, want one")
	}
	if _, err := os.Stat(dst2); err == nil {
		t.Error("a failed sealed Backup left its file, want nothing")
	}
	for _, dir := range []string{dbDir, outDir} {
		for _, name := range entries(t, dir) {
			if filepath.Ext(name) == ".tmp" {
				t.Errorf("a failed sealed Backup left %s in %s", name, dir)
			}
		}
	}
}

// TestBackupWhileAnotherStoreWrites takes backups while a second store on
// the same file (as another process would) logs interactions without a
// pause: every copy is sound, holds a whole number of writes, and the
// writer never fails or waits long.
func TestBackupWhileAnotherStoreWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	ana, _ := filled(t, path)
	backups, writer := openInternal(t, path), openInternal(t, path)
	ctx, stop := context.WithCancel(t.Context())
	var (
		wg      sync.WaitGroup
		written int
		werr    error
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for ctx.Err() == nil {
			// Two people per interaction: a copy that held half of one
			// write would show as an interaction with one person.
			p, err := writer.AddPerson(ctx, domain.Person{Name: fmt.Sprintf("P%04d", written)})
			if err == nil {
				_, err = writer.AddInteraction(ctx, domain.Interaction{People: []string{ana, p.ID}, Via: cadence.Call, At: internalNow.Add(-time.Minute)})
			}
			if err != nil {
				if ctx.Err() == nil {
					werr = err
				}
				return
			}
			written++
		}
	}()
	dir := t.TempDir()
	var copies []string
	for i := range 5 {
		dst := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
		if _, err := backups.Backup(t.Context(), dst, BackupOptions{}); err != nil {
			t.Errorf("Backup %d while another store writes = %v", i, err)
		}
		copies = append(copies, dst)
		time.Sleep(20 * time.Millisecond)
	}
	stop()
	wg.Wait()
	if werr != nil {
		t.Fatalf("the writer failed during backups: %v", werr)
	}
	last := 0
	for _, c := range copies {
		h, err := Inspect(t.Context(), c)
		if err != nil || !h.Sound() {
			t.Errorf("%s: %+v, %v; want a sound copy", filepath.Base(c), h, err)
			continue
		}
		var halves int
		rawDB(t, c).QueryRow(`SELECT count(*) FROM interactions i
			WHERE (SELECT count(*) FROM interaction_people ip WHERE ip.interaction_id = i.id) <> 2`).Scan(&halves)
		if halves != 0 {
			t.Errorf("%s holds %d interactions without both their people, want whole writes only", filepath.Base(c), halves)
		}
		if h.People < last {
			t.Errorf("%s holds %d people, fewer than the copy before (%d)", filepath.Base(c), h.People, last)
		}
		last = h.People
	}
	t.Logf("%d writes during 5 backups; the last copy holds %d people", written, last)
}
