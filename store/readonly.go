package store

import (
	"fmt"

	"github.com/tend-app/tend/internal/domain"
)

// explainWrite turns SQLite's messages about the file, which name codes
// rather than the file or what to do, into plain words: a damaged file
// stops further writes and says where to turn; "attempt to write a readonly
// database" says which file and what to look at; "database is locked" that
// another tend is writing (see begin). SQLite opens a file it may not write
// read-only without a word, so reads work and the first write is where the
// user learns of it. The -wal and -shm files count too: SQLite makes them
// with the database's mode, so after a chmod back to 0600 a leftover 0400
// -shm still stops every write.
func (s *Store) explainWrite(err error) error {
	switch {
	case err == nil:
		return nil
	case isCode(err, sqliteCorrupt) || isCode(err, sqliteNotADB):
		s.markDamaged()
		return s.damagedError()
	case isCode(err, sqliteReadOnly):
		return domain.Errorf(ErrReadOnly,
			"cannot write to %s: it is read-only (check the permissions of the file and of its -wal and -shm files, or run tend doctor); nothing was written",
			s.path)
	case isCode(err, sqliteBusy) || isCode(err, sqliteLocked):
		return s.busyError(busyTimeout)
	case isCode(err, sqliteFull):
		// SQLite rolls the transaction back: the file is as it was.
		return fmt.Errorf("cannot write to %s: the disk it is on is full; nothing was written (free some space and try again)", s.path)
	}
	return err
}

// Explain words an error from the store for a person: an SQLite error that
// reached a caller by a path that did not explain it (a read meeting a
// lock, say) is put in plain words. Other errors are returned as they are.
func (s *Store) Explain(err error) error { return s.explainWrite(err) }
