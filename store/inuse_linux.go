package store

import (
	"os"

	"golang.org/x/sys/unix"
)

// dbInUse reports whether a connection has the database at path open:
// every SQLite connection to a WAL database holds a read lock on one byte
// of its -shm (the "DMS" byte, 128) for as long as it is open. An open
// file description lock is asked about, as it sees the locks of this
// process too.
func dbInUse(path string) bool { return shmHeld(path, unix.F_OFD_GETLK) }

// othersHold reports whether another process has the database at path
// open: a POSIX lock query sees only other processes' locks, where
// dbInUse sees this one's too.
func othersHold(path string) bool { return shmHeld(path, unix.F_GETLK) }

// shmHeld asks, with the lock query cmd, whether the -shm's DMS byte is
// locked.
func shmHeld(path string, cmd int) bool {
	f, err := os.Open(path + "-shm")
	if err != nil {
		return false
	}
	defer f.Close()
	lk := unix.Flock_t{Type: unix.F_WRLCK, Whence: 0, Start: 128, Len: 1}
	if err := unix.FcntlFlock(f.Fd(), cmd, &lk); err != nil {
		return false
	}
	return lk.Type != unix.F_UNLCK
}
