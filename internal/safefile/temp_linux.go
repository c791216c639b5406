package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// temp is the file being written. On Linux it has no name until place
// gives it one (O_TMPFILE), so a process killed while writing leaves
// nothing behind: the kernel frees the file.
type temp struct {
	f       *os.File
	name    string // the temporary name, when the file has one
	placed  bool
	unnamed bool
}

func newTemp(dir, base string) (*temp, error) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, 0o600)
	if err == nil {
		return &temp{f: os.NewFile(uintptr(fd), filepath.Join(dir, base)), unnamed: true}, nil
	}
	// Not every file system has unnamed files (EOPNOTSUPP), nor older
	// kernels (EISDIR): fall back to a temporary name.
	f, err := namedTemp(dir, base)
	if err != nil {
		return nil, err
	}
	return &temp{f: f, name: f.Name()}, nil
}

// place gives the written file the name dst.
func (t *temp) place(dst string, replace bool) error {
	if !t.unnamed {
		if err := t.f.Close(); err != nil {
			return err
		}
		if err := linkOrRename(t.name, dst, replace); err != nil {
			return err
		}
		t.placed = true
		return nil
	}
	defer t.f.Close()
	link := func(to string) error {
		proc := fmt.Sprintf("/proc/self/fd/%d", t.f.Fd())
		return unix.Linkat(unix.AT_FDCWD, proc, unix.AT_FDCWD, to, unix.AT_SYMLINK_FOLLOW)
	}
	if !replace {
		err := link(dst)
		if errors.Is(err, unix.EEXIST) {
			return fs.ErrExist
		}
		if err == nil {
			t.placed = true
		}
		return err
	}
	// A link cannot replace a file: the file gets a temporary name for the
	// moment before the rename.
	for try := 0; ; try++ {
		name := filepath.Join(filepath.Dir(dst), fmt.Sprintf(".%s.tend-%d-%d.tmp", filepath.Base(dst), os.Getpid(), try))
		err := link(name)
		if errors.Is(err, unix.EEXIST) && try < 100 {
			continue
		}
		if err != nil {
			return err
		}
		if err := os.Rename(name, dst); err != nil {
			os.Remove(name)
			return err
		}
		t.placed = true
		return nil
	}
}

// discard removes what is left of a file that was not placed.
func (t *temp) discard() {
	if t.placed {
		return
	}
	t.f.Close()
	if t.name != "" {
		os.Remove(t.name)
	}
}
