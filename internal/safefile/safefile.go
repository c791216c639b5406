// Package safefile writes the files tend makes for people (exports,
// backups) so that none of them can ever be the database, a device or half
// a file: the one way every command writes a file.
package safefile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrRefused means the path may not be written at all: it is the database
// or one of its side files, or not a regular file (a folder, a device, a
// FIFO, a socket), or its folder does not exist. Errors that match it say
// why in plain words.
var ErrRefused = errors.New("refused output path")

// Options say what Write may replace.
type Options struct {
	// Force lets Write replace an existing regular file. Without it an
	// existing file is an error wrapping fs.ErrExist, and is left as it is.
	Force bool
	// Protected are files that must never be written, whatever name leads
	// to them: the database and its -wal, -shm and -journal.
	Protected []string
}

// SideFiles are the database at db and the files SQLite keeps beside it:
// what Options.Protected lists for a command that writes a file.
func SideFiles(db string) []string {
	return []string{db, db + "-wal", db + "-shm", db + "-journal"}
}

type refusal struct{ msg string }

func (e *refusal) Error() string        { return e.msg }
func (e *refusal) Is(target error) bool { return target == ErrRefused }

func refuse(format string, args ...any) error {
	return &refusal{fmt.Sprintf(format, args...)}
}

// Check says whether Write would write path, without writing anything,
// and returns the file Write would write: path itself, or the regular
// file a symbolic link at path leads to. Commands call it before asking for
// a passphrase; Write checks again.
func Check(path string, opts Options) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", refuse("%s: %v", path, err)
	}
	target := abs
	info, err := os.Lstat(abs)
	switch {
	case err == nil && info.Mode()&fs.ModeSymlink != 0:
		resolved, rerr := filepath.EvalSymlinks(abs)
		if rerr != nil {
			return "", refuse("%s is a symbolic link to a file that cannot be reached", path)
		}
		target = resolved
		info, err = os.Stat(target)
	case errors.Is(err, fs.ErrNotExist):
		dir, derr := filepath.EvalSymlinks(filepath.Dir(abs))
		if derr != nil {
			return "", refuse("there is no folder %s to write %s in", filepath.Dir(abs), filepath.Base(abs))
		}
		if d, serr := os.Stat(dir); serr != nil || !d.IsDir() {
			return "", refuse("there is no folder %s to write %s in", filepath.Dir(abs), filepath.Base(abs))
		}
		target = filepath.Join(dir, filepath.Base(abs))
		for _, p := range opts.Protected {
			if samePath(target, p) {
				return "", refuse("%s is the database's own file; write to another file", path)
			}
		}
		return target, nil
	}
	if err != nil {
		return "", refuse("%s: %v", path, plainError(err))
	}
	if what := notRegular(info.Mode()); what != "" {
		return "", refuse("%s is %s, not a file: name a file to write", path, what)
	}
	for _, p := range opts.Protected {
		if samePath(target, p) {
			return "", refuse("%s is the database's own file; write to another file", path)
		}
		if pi, err := os.Stat(p); err == nil && os.SameFile(info, pi) {
			// Another name (a hard link, a bind) for the same file: the
			// same device and inode.
			return "", refuse("%s is another name for the database's own file %s; write to another file", path, p)
		}
	}
	if !opts.Force {
		return "", fmt.Errorf("%s: %w", path, fs.ErrExist)
	}
	return target, nil
}

// samePath reports whether a and b name the same place once the symbolic
// links in their folders are followed; the files need not exist.
func samePath(a, b string) bool {
	resolve := func(p string) string {
		p, _ = filepath.Abs(p)
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r
		}
		if d, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
			return filepath.Join(d, filepath.Base(p))
		}
		return filepath.Clean(p)
	}
	return resolve(a) == resolve(b)
}

// notRegular names what a file of mode m is when it is not a regular file.
func notRegular(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// Write writes a file at path with what write produces, mode 0600. It is
// written whole under no name, or a temporary one, in the same folder,
// synced, and then given its name in one step, so that the file is either
// the old one or the whole new one. An error from write leaves nothing
// behind. When path is a symbolic link to a regular file, that file is the
// one replaced, and the link stays.
func Write(path string, opts Options, write func(io.Writer) error) error {
	target, err := Check(path, opts)
	if err != nil {
		return err
	}
	dir := filepath.Dir(target)
	t, err := newTemp(dir, filepath.Base(target))
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, plainError(err))
	}
	defer t.discard()
	if err := t.f.Chmod(0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, plainError(err))
	}
	bw := bufio.NewWriterSize(t.f, 64<<10)
	if err := write(bw); err != nil {
		return inFolder(err, dir)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, inFolder(plainError(err), dir))
	}
	if err := t.f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, inFolder(plainError(err), dir))
	}
	// Checked again at the last moment: the path may have become
	// something else while the file was written.
	if _, err := Check(path, opts); err != nil {
		return err
	}
	if err := t.place(target, opts.Force); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w", path, fs.ErrExist)
		}
		return fmt.Errorf("write %s: %w", path, plainError(err))
	}
	syncDir(dir)
	return nil
}

// inFolder adds the folder to an error that a full disk or a quota
// caused, so that the message says which disk is full.
func inFolder(err error, dir string) error {
	if err == nil {
		return nil
	}
	if strings.Contains(err.Error(), "no space left") || strings.Contains(err.Error(), "quota") {
		return fmt.Errorf("%w (the disk holding %s is full)", err, dir)
	}
	return err
}

// plainError drops the path from an error about a file: the message around
// it names the file the user chose, not a temporary one.
func plainError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
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

// TempPattern is the name of the temporary files tend makes where a file
// without a name cannot be had: ".NAME.tend-RANDOM.tmp". Doctor looks for
// them beside the database.
const TempPattern = ".*.tend-*.tmp"

// namedTemp makes a temporary file with a name, for systems where a file
// without one cannot be made.
func namedTemp(dir, base string) (*os.File, error) {
	return os.CreateTemp(dir, "."+base+".tend-*.tmp")
}

// linkOrRename gives the file at tmp the name dst: without replace by a
// link, which fails when dst exists even if another process made it a
// moment ago, where a rename would replace it.
func linkOrRename(tmp, dst string, replace bool) error {
	if replace {
		return os.Rename(tmp, dst)
	}
	err := os.Link(tmp, dst)
	switch {
	case err == nil:
		os.Remove(tmp)
		return nil
	case errors.Is(err, fs.ErrExist):
		return fs.ErrExist
	}
	// Some file systems (FAT on a USB stick) have no links: check, then
	// rename, which leaves only a moment for a race.
	if _, serr := os.Lstat(dst); serr == nil {
		return fs.ErrExist
	}
	return os.Rename(tmp, dst)
}
