//go:build unix

package hooks

import (
	"io/fs"
	"os"
	"syscall"
)

// ownedByUser reports whether the user running tend owns fi.
func ownedByUser(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}
