//go:build unix

package store

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockFile marks f as in use by this process until it is closed.
func lockFile(f *os.File) error {
	return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
}

// inUse reports whether another process holds the lock of lockFile on the
// file at name.
func inUse(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) != nil
}

// canWrite reports whether this process may write the file or folder at
// path.
func canWrite(path string) bool { return unix.Access(path, unix.W_OK) == nil }
