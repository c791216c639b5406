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

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/safefile"
)

// BackupOptions say how Backup writes its copy.
type BackupOptions = domain.BackupOptions

// Backup writes a consistent copy of the database to dst and returns its
// size. VACUUM INTO reads one snapshot of the database, so a write another
// process makes during the backup is either wholly in the copy or not in it
// at all, and the writer does not wait. The snapshot is made in the
// database's own folder, where the plain data already is, and never beside
// the destination (which may be a shared or removable disk); it is then
// copied, or sealed, to dst through safefile, which refuses the database
// itself, devices and folders and makes dst whole in one step, 0600.
func (s *Store) Backup(ctx context.Context, dst string, opts BackupOptions) (int64, error) {
	wopts := safefile.Options{Force: opts.Replace, Protected: safefile.SideFiles(s.path)}
	target, err := safefile.Check(dst, wopts)
	if err != nil {
		return 0, backupError(err)
	}
	snap, err := s.snapshot(ctx)
	if err != nil {
		return 0, fmt.Errorf("back up: %w", err)
	}
	defer snap.remove()
	err = safefile.Write(dst, wopts, func(w io.Writer) error {
		plain, err := os.Open(snap.name)
		if err != nil {
			return err
		}
		defer plain.Close()
		if opts.Seal != nil {
			return opts.Seal(w, plain)
		}
		_, err = io.Copy(w, plain)
		return err
	})
	if err != nil {
		return 0, backupError(err)
	}
	info, err := os.Stat(target)
	if err != nil {
		return 0, fmt.Errorf("back up: %w", err)
	}
	return info.Size(), nil
}

// backupError says what went wrong; a destination safefile refuses is the
// user's choice to make again (ErrInvalid).
func backupError(err error) error {
	if errors.Is(err, safefile.ErrRefused) {
		return domain.Errorf(domain.ErrInvalid, "back up: %v", err)
	}
	return fmt.Errorf("back up: %w", err)
}

// snapshotPattern names the plain copies a backup or a migration makes
// beside the database while it runs. Each is locked while in use; one that
// is not locked was left by a process that was killed.
const snapshotPattern = ".tend-backup-*.tmp"

// snapshotFile is a plain copy of the database, locked for as long as it
// is in use.
type snapshotFile struct {
	name string
	lock *os.File
}

func (f snapshotFile) remove() {
	os.Remove(f.name)
	f.lock.Close()
}

// snapshot writes a consistent copy of the database to a new private file
// beside it. A process killed before remove leaves the file, unlocked:
// the next tend that opens the database for writing removes it
// (removeLeftovers), and doctor reports it.
func (s *Store) snapshot(ctx context.Context) (snapshotFile, error) {
	dir := filepath.Dir(s.path)
	if !canWrite(dir) {
		// A read-only folder (a mount, a snapshot): the plain copy is
		// made in the folder for temporary files, private to the user.
		dir = os.TempDir()
	}
	// VACUUM INTO accepts an empty file.
	snap, err := newSnapshotFile(dir)
	if err != nil {
		return snapshotFile{}, err
	}
	f := snap.lock
	if err := vacuumInto(ctx, s.db, snap.name); err != nil {
		snap.remove()
		return snapshotFile{}, diskFull(err, dir)
	}
	// VACUUM INTO does not sync what it wrote; a backup that a power cut
	// can empty is no backup.
	if err := f.Sync(); err != nil {
		snap.remove()
		return snapshotFile{}, diskFull(err, dir)
	}
	return snap, nil
}

// newSnapshotFile makes an empty file (0600) for a plain copy of the
// database in dir, locked. It is made under a name Leftovers does not look
// at, locked, and only then given the name it does: another tend that
// writes at this moment would otherwise find it unlocked, take it for a
// leftover and remove it under the copy being written.
func newSnapshotFile(dir string) (snapshotFile, error) {
	f, err := os.CreateTemp(dir, snapshotPattern+".new")
	if err != nil {
		return snapshotFile{}, fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
	}
	fail := func(err error) (snapshotFile, error) {
		f.Close()
		os.Remove(f.Name())
		return snapshotFile{}, err
	}
	if err := lockFile(f); err != nil {
		return fail(err)
	}
	name := strings.TrimSuffix(f.Name(), ".new")
	if err := os.Rename(f.Name(), name); err != nil {
		return fail(fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err)))
	}
	return snapshotFile{name: name, lock: f}, nil
}

// diskFull names the folder in SQLite's "database or disk is full".
func diskFull(err error, dir string) error {
	if isCode(err, sqliteFull) {
		return fmt.Errorf("the disk holding %s is full", dir)
	}
	return err
}

// Leftovers lists the temporary files that a tend killed while it wrote a
// backup or an export left beside the database at dbPath: plain copies of
// the database among them. Files another tend is writing at this moment
// are not listed.
func Leftovers(dbPath string) []string {
	dir := filepath.Dir(dbPath)
	var out []string
	// A copy's -journal (SQLite writes one beside a copy it makes) is in
	// use while the copy is. (A copy's .new, the moment before it is
	// locked and named, is not: it cannot be told from one being made.)
	for _, pattern := range []string{snapshotPattern, snapshotPattern + "-journal", safefile.TempPattern} {
		found, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, name := range found {
			if info, err := os.Lstat(name); err != nil || !info.Mode().IsRegular() {
				continue
			}
			if owner, journal := strings.CutSuffix(name, "-journal"); inUse(name) || journal && inUse(owner) {
				continue
			}
			out = append(out, name)
		}
	}
	return out
}

// RemoveLeftovers removes what Leftovers lists and returns what it removed.
func RemoveLeftovers(dbPath string) ([]string, error) {
	var removed []string
	for _, name := range Leftovers(dbPath) {
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return removed, fmt.Errorf("remove %s: %w", name, unwrapPath(err))
		}
		removed = append(removed, name)
	}
	return removed, nil
}

// unwrapPath drops the temporary file's name from an error about it: the
// message names the folder, which is what the user chose.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError // a rename or a link names both files
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
