package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Watcher tells whether the database has changed since it last looked,
// whoever changed it: this process or another one, such as a `tend log`
// run from a shell while the TUI is open.
type Watcher struct {
	s    *Store
	conn *sql.Conn
	last int64
}

// Watch returns a Watcher. It holds one connection of its own, because
// PRAGMA data_version only means something when asked on the same
// connection each time. Close it when done.
func (s *Store) Watch(ctx context.Context) (*Watcher, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w := &Watcher{s: s, conn: conn}
	if _, err := w.Changed(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return w, nil
}

// Changed reports whether anything was written since the last call. It is
// one cheap query, fit for polling every second. It is an error, in plain
// words, when the path no longer names the file the store opened: a file
// put there by a sync tool or a mv, or deleted.
func (w *Watcher) Changed(ctx context.Context) (bool, error) {
	if err := w.s.checkSameFile(); err != nil {
		return false, err
	}
	var v int64
	if err := w.conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return false, fmt.Errorf("watch: %w", err)
	}
	changed := v != w.last
	w.last = v
	return changed, nil
}

// Close releases the Watcher's connection.
func (w *Watcher) Close() error { return w.conn.Close() }
