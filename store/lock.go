package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/tend-app/tend/internal/domain"
	"modernc.org/sqlite"
)

// sqliteLocked is SQLite's primary result code for a conflict inside one
// connection's shared cache; sqliteBusy (sqlerr.go) is another connection
// writing.
const sqliteLocked = 6

// How long a write waits for another process's write to end. A write first
// waits quietly for noticeAfter: tend's own writes last milliseconds, so
// most writes that meet another find it gone by then. A write still waiting
// is held up by something long, in practice an import of a whole history,
// so the store says so once (Options.Waiting) and waits on, up to
// writeWait in all, before it gives up with a plain message. An import of a
// million interactions takes under a minute on a quiet 2-core machine;
// writeWait leaves room for a slower machine or a busier one.
// (Options.NoticeAfter and Options.WriteWait change them.)
const (
	noticeAfter = 500 * time.Millisecond
	writeWait   = 5 * time.Minute
)

// isBusy reports whether err is SQLite saying that another connection holds
// the lock it needs.
func isBusy(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	code := se.Code() & 0xff
	return code == sqliteBusy || code == sqliteLocked
}

// begin takes the write lock on conn (the DSN makes every transaction
// BEGIN IMMEDIATE) and returns the transaction that holds it, waiting for
// another writer as described at noticeAfter.
func (s *Store) begin(ctx context.Context, conn *sql.Conn) (*sql.Tx, error) {
	tx, err := s.beginWithin(ctx, conn, s.noticeAfter)
	if err == nil || !isBusy(err) {
		return tx, err
	}
	s.waitOnce.Do(func() {
		if s.waiting != nil {
			s.waiting()
		}
	})
	tx, err = s.beginWithin(ctx, conn, s.writeWait-s.noticeAfter)
	if isBusy(err) {
		return nil, s.busyError(s.writeWait)
	}
	return tx, err
}

// beginWithin begins a write transaction, letting SQLite wait up to wait
// for the lock (its busy timeout), and sets the busy timeout back to the
// connections' usual one for the statements of the transaction.
func (s *Store) beginWithin(ctx context.Context, conn *sql.Conn, wait time.Duration) (*sql.Tx, error) {
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", max(wait.Milliseconds(), 1))); err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	restore := fmt.Sprintf("PRAGMA busy_timeout = %d", busyTimeout.Milliseconds())
	if err != nil {
		conn.ExecContext(context.Background(), restore)
		return nil, fmt.Errorf("begin: %w", err)
	}
	if _, err := tx.ExecContext(ctx, restore); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("begin: %w", err)
	}
	return tx, nil
}

// busyError is what the store says when another writer held the file for
// longer than it would wait.
func (s *Store) busyError(waited time.Duration) error {
	return domain.Errorf(ErrBusy,
		"another tend has been writing to %s for more than %s (a big import, perhaps), and tend stopped waiting; nothing was written: try again when it has finished",
		s.path, waitWords(waited))
}

// waitWords says a wait in words: "2 minutes", "30 seconds".
func waitWords(d time.Duration) string {
	switch {
	case d >= 2*time.Minute:
		return fmt.Sprintf("%d minutes", int(d/time.Minute))
	case d >= 2*time.Second:
		return fmt.Sprintf("%d seconds", int(d/time.Second))
	default:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
}

// explainBusy puts a lock error in plain words and leaves others as they
// are.
func (s *Store) explainBusy(err error) error {
	if isBusy(err) {
		return s.busyError(busyTimeout)
	}
	return err
}
