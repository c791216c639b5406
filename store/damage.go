package store

import (
	"os"
)

// damageMarker is the file beside the database that says SQLite found it
// damaged: while it is there, every write is refused, in this process and
// in every later one, until doctor finds the file sound again or a backup
// is restored. Damage is often in pages a given write does not touch, so
// without it writes would go on into a file that is known to be bad.
func damageMarker(path string) string { return path + ".damaged" }

// MarkDamaged records that the database at path is damaged. It is best
// effort: a folder tend may not write keeps no mark.
func MarkDamaged(path string) {
	f, err := os.OpenFile(damageMarker(path), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return
	}
	f.WriteString("SQLite found this database damaged; tend refuses to write to it. Run tend doctor, and restore a backup with tend backup --restore FILE.\n")
	f.Close()
}

// ClearDamaged removes the mark, once the file is found sound.
func ClearDamaged(path string) { os.Remove(damageMarker(path)) }

// markedDamaged reports whether the database at path carries the mark.
func markedDamaged(path string) bool {
	_, err := os.Lstat(damageMarker(path))
	return err == nil
}
