package store

import (
	"errors"

	"modernc.org/sqlite"
)

// The primary result codes of SQLite that the store tells apart.
const (
	sqliteBusy     = 5  // SQLITE_BUSY: another connection holds the lock
	sqliteReadOnly = 8  // SQLITE_READONLY: the file may be read, not written
	sqliteCorrupt  = 11 // SQLITE_CORRUPT: the file is damaged
	sqliteFull     = 13 // SQLITE_FULL: the disk is full
	sqliteCantOpen = 14 // SQLITE_CANTOPEN: a file could not be opened or made
	sqliteNotADB   = 26 // SQLITE_NOTADB: the file is not a database
)

// sqliteReadOnlyDirectory is SQLITE_READONLY_DIRECTORY: the folder may
// not be written, so the -wal and -shm files cannot be made.
const sqliteReadOnlyDirectory = sqliteReadOnly | 6<<8

// The I/O errors of the -shm file: SQLITE_IOERR_SHMOPEN, _SHMSIZE and
// _SHMMAP. A disk with no room for it (a full one) gives them at the first
// read.
const (
	sqliteIOErr   = 10
	sqliteShmOpen = sqliteIOErr | 18<<8
	sqliteShmSize = sqliteIOErr | 19<<8
	sqliteShmMap  = sqliteIOErr | 21<<8
)

// isShmError reports whether err is SQLite failing to make or grow the
// -shm file.
func isShmError(err error) bool {
	return isExtendedCode(err, sqliteShmOpen) || isExtendedCode(err, sqliteShmSize) || isExtendedCode(err, sqliteShmMap)
}

// isExtendedCode reports whether err is an SQLite error of the extended code.
func isExtendedCode(err error, code int) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == code
}

// isCode reports whether err is an SQLite error of the primary code.
func isCode(err error, code int) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == code
}
