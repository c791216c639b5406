package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// BackupOptions say how Backup writes its copy.
type BackupOptions struct {
	// Replace lets Backup replace a file that is already at the
	// destination. Without it, an existing file is an error wrapping
	// fs.ErrExist, and the file is left as it was.
	Replace bool
	// Seal, when set, makes the file's content from the plain copy: it
	// reads plain and writes to w, encrypting it, say. The plain copy is
	// then made in the database's own folder, where the plain data already
	// is, never beside the destination (which may be a shared or removable
	// disk), and removed at the end.
	Seal func(w io.Writer, plain io.Reader) error
}

// Backup writes a consistent copy of the database to dst and returns its
// size. VACUUM INTO reads one snapshot of the database, so a write another
// process makes during the backup is either wholly in the copy or not in it
// at all, and the writer does not wait. The copy is made under a temporary
// name in dst's folder, created 0600 before anything is written to it, then
// synced and renamed to dst: dst is never half written, and never readable
// by others, not even for a moment.
func (s *Store) Backup(ctx context.Context, dst string, opts BackupOptions) (int64, error) {
	dst, err := filepath.Abs(dst)
	if err != nil {
		return 0, fmt.Errorf("back up: %w", err)
	}
	if err := s.notTheDatabase(dst); err != nil {
		return 0, err
	}
	if !opts.Replace {
		if _, err := os.Lstat(dst); err == nil {
			return 0, fmt.Errorf("back up: %s: %w", dst, fs.ErrExist)
		}
	}
	dir := filepath.Dir(dst)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return 0, fmt.Errorf("back up: there is no folder %s to write %s in", dir, filepath.Base(dst))
	}
	snapDir := dir
	if opts.Seal != nil {
		snapDir = filepath.Dir(s.path)
	}
	snap, err := s.snapshot(ctx, snapDir)
	if err != nil {
		return 0, err
	}
	final := snap
	if opts.Seal != nil {
		final, err = sealFile(dir, snap, opts.Seal)
		os.Remove(snap)
		if err != nil {
			return 0, err
		}
	}
	if err := place(final, dst, opts.Replace); err != nil {
		os.Remove(final)
		return 0, err
	}
	info, err := os.Stat(dst)
	if err != nil {
		return 0, fmt.Errorf("back up: %w", err)
	}
	return info.Size(), nil
}

// notTheDatabase refuses a destination that is the database itself or one
// of its side files: replacing the file under open connections would send
// every later write of theirs to a file no longer there.
func (s *Store) notTheDatabase(dst string) error {
	for _, own := range []string{s.path, s.path + "-wal", s.path + "-shm", s.path + "-journal"} {
		same := dst == own
		if a, err := os.Stat(dst); err == nil {
			if b, err := os.Stat(own); err == nil && os.SameFile(a, b) {
				same = true
			}
		}
		if same {
			return kindErrorf(ErrInvalid, "%s is the database itself; back it up to another file", dst)
		}
	}
	return nil
}

// snapshot writes a consistent copy of the database to a new private file
// in dir and returns its path.
func (s *Store) snapshot(ctx context.Context, dir string) (string, error) {
	// VACUUM INTO accepts an empty file; CreateTemp makes it 0600.
	f, err := os.CreateTemp(dir, ".tend-backup-*.tmp")
	if err != nil {
		return "", fmt.Errorf("back up: cannot write in %s: %w", dir, unwrapPath(err))
	}
	name := f.Name()
	f.Close()
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", name); err != nil {
		os.Remove(name)
		return "", fmt.Errorf("back up: %w", err)
	}
	// VACUUM INTO does not sync what it wrote; a backup that a power cut
	// can empty is no backup.
	if err := syncFile(name); err != nil {
		os.Remove(name)
		return "", fmt.Errorf("back up: %w", err)
	}
	return name, nil
}

// sealFile writes seal's output for the file plain to a new private file in
// dir and returns its path.
func sealFile(dir, plain string, seal func(io.Writer, io.Reader) error) (string, error) {
	in, err := os.Open(plain)
	if err != nil {
		return "", fmt.Errorf("back up: %w", err)
	}
	defer in.Close()
	out, err := os.CreateTemp(dir, ".tend-backup-*.tmp")
	if err != nil {
		return "", fmt.Errorf("back up: cannot write in %s: %w", dir, unwrapPath(err))
	}
	err = seal(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out.Name())
		return "", fmt.Errorf("back up: %w", err)
	}
	return out.Name(), nil
}

// place gives the finished file tmp its name dst. Without replace it links
// rather than renames, because a link fails when dst exists, even if
// another process made it a moment ago, where a rename would replace it.
func place(tmp, dst string, replace bool) error {
	if replace {
		if err := os.Rename(tmp, dst); err != nil {
			return fmt.Errorf("back up: %w", err)
		}
		syncDir(filepath.Dir(dst))
		return nil
	}
	err := os.Link(tmp, dst)
	switch {
	case err == nil:
		os.Remove(tmp)
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("back up: %s: %w", dst, fs.ErrExist)
	default:
		// Some file systems (FAT on a USB stick) have no links: check,
		// then rename, which leaves only a moment for a race.
		if _, serr := os.Lstat(dst); serr == nil {
			return fmt.Errorf("back up: %s: %w", dst, fs.ErrExist)
		}
		if err := os.Rename(tmp, dst); err != nil {
			return fmt.Errorf("back up: %w", err)
		}
	}
	syncDir(filepath.Dir(dst))
	return nil
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename in dir durable. It is best effort: some systems
// cannot sync a folder, and the file itself is already on disk.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// unwrapPath drops the temporary file's name from an error about it: the
// message names the folder, which is what the user chose.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
