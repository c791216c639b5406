package core

import (
	"context"
	"time"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// The upkeep of the database file: backups, restoring one, and the
// doctor's checks. Restoring and checking work on a path, not an open
// store: they must not open the file they look at as tend opens it.

// Backup writes a consistent copy of the database to dst and returns its
// size, even while another tend writes.
func (c *Core) Backup(ctx context.Context, dst string, opts domain.BackupOptions) (int64, error) {
	return c.store.Backup(ctx, dst, opts)
}

// Restore puts the backup at file in place of the database at path,
// after checking it, and keeps the database it replaces aside under a
// name with the moment now.
func Restore(ctx context.Context, path, file string, now time.Time) (domain.Restored, error) {
	return store.Restore(ctx, path, file, now)
}

// Examine checks the database file at path without changing it, and
// marks it beside it as damaged, or takes the mark off once it is sound:
// a damaged file is never written to.
func Examine(ctx context.Context, path string) (domain.Health, error) {
	h, err := store.Inspect(ctx, path)
	if err != nil {
		return h, err
	}
	if len(h.Damage) == 0 {
		store.ClearDamaged(path)
	} else {
		store.MarkDamaged(path)
	}
	return h, nil
}

// Leftovers are the temporary files a tend stopped while writing left
// beside the database at path.
func Leftovers(path string) []string { return store.Leftovers(path) }

// RemoveLeftovers removes them, and says which it removed.
func RemoveLeftovers(path string) ([]string, error) { return store.RemoveLeftovers(path) }

// SchemaVersion is the version of the database's schema this tend writes.
func SchemaVersion() int { return store.SchemaVersion() }

// OrphanWAL reports whether a -wal that holds changes is at path's side
// where there is no database: the file went while tend had it open, and
// no new database is made beside it.
func OrphanWAL(path string) bool { return store.OrphanWAL(path) }
