package domain

import "io"

// Health is what Inspect found in a database file.
type Health struct {
	// SchemaVersion is the file's schema version (PRAGMA user_version);
	// the store's SchemaVersion() is the one this build writes.
	SchemaVersion int
	// Newer says SchemaVersion is later than the one this build writes:
	// the file is from a newer tend.
	Newer bool
	// Damage is what integrity_check reported, at most maxDamage lines;
	// empty when the file is sound.
	Damage []string
	// BrokenLinks is what foreign_key_check reported, by table.
	BrokenLinks []BrokenLinks
	// Orphans are rows that belong to nothing, by kind; only kinds with
	// rows are listed.
	Orphans []Orphans
	// Skipped says why the checks after integrity_check were not run: a
	// damaged file cannot be trusted to answer them.
	Skipped string
	// Foreign says the file holds another program's tables, not tend's.
	Foreign bool
	// People and Interactions count what the file holds, for the report;
	// Counted says they could be counted (a damaged file may not answer).
	People, Interactions int
	Counted              bool
	// WAL is what the -wal file beside the database holds.
	WAL WALHealth
}

// WALHealth says what a -wal file beside the database holds, and whether
// it belongs to the file.
type WALHealth struct {
	// Pending counts the pages of committed changes in the -wal that the
	// file alone lacks: the -wal is needed, and must stay with the file.
	Pending int
	// Foreign says the -wal does not belong to the file: SQLite would copy
	// it into the file and damage it (a backup copied over the database
	// while a stale -wal lay beside it). The report is of the file alone.
	Foreign bool
	// Unread says the -wal holds changes that could not be read without
	// writing beside the file (there is no -shm): the report is of the
	// file alone, without them.
	Unread bool
}

// BrokenLinks counts the rows of one table that point at a row of another
// that does not exist.
type BrokenLinks struct {
	Table, Parent string
	Rows          int
}

// Orphans counts rows of one kind that belong to nothing.
type Orphans struct {
	What string // in plain words: "memories of people who do not exist"
	Rows int
}

// BackupOptions say how Backup writes its copy.
type BackupOptions struct {
	// Replace lets Backup replace a file that is already at the
	// destination. Without it, an existing file is an error wrapping
	// fs.ErrExist, and the file is left as it was.
	Replace bool
	// Seal, when set, makes the file's content from the plain copy: it
	// reads plain and writes to w, encrypting it, say.
	Seal func(w io.Writer, plain io.Reader) error
}

// Restored says what Restore did.
type Restored struct {
	// Aside is where the file that was replaced now is, with its side
	// files beside it under the same name; empty when there was none.
	Aside string
	// Health is what the backup was found to hold.
	Health Health
}

// Sound reports whether the file is sound: not damaged, every link holds,
// no orphans, a schema this tend can open, and no -wal beside it that does
// not belong to it.
func (h Health) Sound() bool {
	return len(h.Damage) == 0 && len(h.BrokenLinks) == 0 && len(h.Orphans) == 0 &&
		!h.Foreign && !h.Newer && !h.WAL.Foreign
}
