package store

// explainWrite turns SQLite's "attempt to write a readonly database" into a
// message that says which file and what to look at. SQLite opens a file it
// may not write read-only without a word, so reads work and the first write
// is where the user learns of it. The -wal and -shm files count too: SQLite
// makes them with the database's mode, so after a chmod back to 0600 a
// leftover 0400 -shm still stops every write.
func (s *Store) explainWrite(err error) error {
	if isCode(err, sqliteCorrupt) || isCode(err, sqliteNotADB) {
		s.markDamaged()
		return s.damagedError()
	}
	if !isCode(err, sqliteReadOnly) {
		return err
	}
	return kindErrorf(ErrReadOnly,
		"cannot write to %s: it is read-only (check the permissions of the file and of its -wal and -shm files, or run tend doctor); nothing was written",
		s.path)
}
