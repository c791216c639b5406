package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tend-app/tend/internal/domain"
)

// Restored says what Restore did.
type Restored = domain.Restored

// Restore puts the backup at file in place of the database at path. The
// backup is checked first (a sound tend database of a schema this tend
// knows, whose own -wal, if any, belongs to it); the database in place is
// kept aside under a name with the moment now, with its -wal and -shm
// renamed with it, so that no stale side file is ever read with the
// restored file. It refuses while another tend has the database open.
//
// The path holds a database at every moment, so that a restore killed
// halfway leaves the old one or the new one, never none: the current file
// gets its second name (the one kept aside) before the checked copy is
// renamed over the path. A path that is a link is restored through: the
// file it links to is replaced, and the link kept.
func Restore(ctx context.Context, path, file string, now time.Time) (Restored, error) {
	path, err := filepath.Abs(path)
	if err != nil {
		return Restored{}, err
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	file, err = filepath.Abs(file)
	if err != nil {
		return Restored{}, err
	}
	fi, err := os.Stat(file)
	if err != nil {
		return Restored{}, domain.Errorf(domain.ErrInvalid, "restore: cannot read %s: %v", file, unwrapPath(err))
	}
	if !fi.Mode().IsRegular() {
		return Restored{}, domain.Errorf(domain.ErrInvalid, "restore: %s is not a file", file)
	}
	if di, err := os.Stat(path); err == nil && os.SameFile(fi, di) {
		return Restored{}, domain.Errorf(domain.ErrInvalid, "restore: %s is the database itself", file)
	}
	h, err := Inspect(ctx, file)
	switch {
	case err != nil:
		return Restored{}, domain.Errorf(domain.ErrInvalid, "restore: %s is not a database tend can read (an encrypted backup is opened first with age -d -o FILE FILE.age); nothing was changed", file)
	case h.WAL.Foreign:
		return Restored{}, domain.Errorf(domain.ErrInvalid, "restore: the -wal beside %s does not belong to it; move it away first; nothing was changed", file)
	case len(h.Damage) > 0:
		return Restored{}, domain.Errorf(domain.ErrInvalid, "restore: %s is damaged; choose another backup; nothing was changed", file)
	case h.Foreign:
		return Restored{}, domain.Errorf(domain.ErrInvalid, "restore: %s is another program's database, not tend's; nothing was changed", file)
	case h.SchemaVersion == 0:
		return Restored{}, domain.Errorf(domain.ErrInvalid, "restore: %s is an empty database; nothing was changed", file)
	case h.SchemaVersion > SchemaVersion():
		return Restored{}, domain.Errorf(domain.ErrInvalid, "restore: %s is from a newer tend (schema %d, this one knows %d): upgrade tend first; nothing was changed", file, h.SchemaVersion, SchemaVersion())
	case !h.Sound():
		return Restored{}, domain.Errorf(domain.ErrInvalid, "restore: tend doctor finds problems in %s (run tend --db %s doctor); nothing was changed", file, quote(file))
	}
	if dbInUse(path) {
		return Restored{}, domain.Errorf(domain.ErrInvalid, "restore: %s is open in another tend (the full-screen view, or a command still running): close it first; nothing was changed", path)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Restored{}, fmt.Errorf("restore: %w", err)
	}
	copy, err := copyDatabase(ctx, file, dir)
	if err != nil {
		return Restored{}, err
	}
	defer copy.remove()

	var aside string
	if _, err := os.Lstat(path); err == nil {
		aside = fmt.Sprintf("%s.before-restore-%s", path, now.UTC().Format("2006-01-02T150405Z"))
		// Two restores in one second must not put one kept file over
		// the other.
		for i := 2; ; i++ {
			if _, err := os.Lstat(aside); errors.Is(err, fs.ErrNotExist) {
				break
			}
			aside = fmt.Sprintf("%s.before-restore-%s-%d", path, now.UTC().Format("2006-01-02T150405Z"), i)
		}
		if err := os.Link(path, aside); err != nil {
			return Restored{}, fmt.Errorf("restore: keep the current file aside: %w", unwrapPath(err))
		}
		// The side files go with the file they belong to: left here, a
		// -wal would be read into the restored file and damage it. (Killed
		// now, the path holds the current file as its last checkpoint left
		// it, and the copy aside all of it.)
		for _, side := range []string{"-wal", "-shm", "-journal"} {
			if err := os.Rename(path+side, aside+side); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return Restored{}, fmt.Errorf("restore: keep %s aside: %w", path+side, unwrapPath(err))
			}
		}
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Lstat(path + side); err == nil {
			return Restored{}, fmt.Errorf("restore: %s is still there; nothing was restored", path+side)
		}
	}
	beforeSwap(path)
	if err := os.Rename(copy.name, path); err != nil {
		return Restored{}, fmt.Errorf("restore: put the backup in place: %w", unwrapPath(err))
	}
	syncDir(dir)
	os.Remove(damageMarker(path))
	return Restored{Aside: aside, Health: h}, nil
}

// beforeSwap is called just before the checked copy is renamed over the
// path: a test looks there at what a restore killed at that moment leaves.
var beforeSwap = func(path string) {}

// copyDatabase copies the database file at file, byte for byte, to a
// private file in dir, and checks the copy.
func copyDatabase(ctx context.Context, file, dir string) (snapshotFile, error) {
	wal, err := readWAL(file)
	if err != nil {
		return snapshotFile{}, fmt.Errorf("restore: %w", err)
	}
	if wal.Pending > 0 {
		return snapshotFile{}, domain.Errorf(domain.ErrInvalid, "restore: %s has a -wal beside it with changes not yet in it; restore from a copy tend backup made; nothing was changed", file)
	}
	in, err := os.Open(file)
	if err != nil {
		return snapshotFile{}, fmt.Errorf("restore: %w", err)
	}
	defer in.Close()
	snap, err := newSnapshotFile(dir)
	if err != nil {
		return snapshotFile{}, fmt.Errorf("restore: %w", err)
	}
	f := snap.lock
	fail := func(err error) (snapshotFile, error) {
		snap.remove()
		return snapshotFile{}, err
	}
	if _, err := io.Copy(f, in); err != nil {
		return fail(fmt.Errorf("restore: copy %s: %w", file, unwrapPath(err)))
	}
	if err := f.Sync(); err != nil {
		return fail(fmt.Errorf("restore: %w", unwrapPath(err)))
	}
	if h, err := Inspect(ctx, snap.name); err != nil || !h.Sound() {
		return fail(fmt.Errorf("restore: the copy of %s does not check out; nothing was changed", file))
	}
	return snap, nil
}

// syncDir makes a rename in dir durable. It is best effort: some systems
// cannot sync a folder.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// quote puts a path in single quotes for a shell when it needs them.
func quote(s string) string {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '/' || r == '.' || r == '-' || r == '_') {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}
