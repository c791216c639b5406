//go:build !unix

package store

import "os"

// lockFile does nothing where there are no advisory locks.
func lockFile(f *os.File) error { return nil }

// inUse cannot tell here; a temporary file counts as in use, and is kept.
func inUse(name string) bool { return true }

// canWrite says yes; a write will tell.
func canWrite(path string) bool { return true }
