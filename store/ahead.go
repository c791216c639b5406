package store

import (
	"context"
	"database/sql"
	"fmt"
)

// aheadBatch is how many rows eachRowAhead reads into one batch.
const aheadBatch = 256

// rowBatch is rows of one column as read: row i is text[ends[i-1]:ends[i]].
type rowBatch struct {
	text []byte
	ends []int
}

// eachRowAhead calls fn with each row of query's one column (with args),
// in order, stopping at fn's first error, as a loop over rows.Next would;
// but the rows are read by a goroutine of their own, a batch ahead of fn.
// Reading a row is SQLite's work and the driver's, and what fn makes of
// it is Go's; ranking ten thousand people spends about as long on each,
// and the two then take a core each. The row fn is given is good until
// fn returns (its memory is read into again), as sql.RawBytes is. fn's
// error is returned as it is, the reading's after what, as "what: error".
func eachRowAhead(ctx context.Context, q queryer, query string, args []any, what string, fn func(row []byte) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Three batches go round: one being read into, one waiting, one with fn.
	full, free := make(chan *rowBatch, 3), make(chan *rowBatch, 3)
	for range 3 {
		free <- &rowBatch{}
	}
	read := make(chan error, 1)
	go func() {
		defer close(full)
		read <- readAhead(ctx, q, query, args, full, free)
	}()
	var err error
	for b := range full {
		start := 0
		for _, end := range b.ends {
			if err == nil {
				err = fn(b.text[start:end])
			}
			start = end
		}
		free <- b
		if err != nil {
			cancel() // the reader stops at its next row, and full is closed
		}
	}
	if readErr := <-read; err == nil && readErr != nil {
		err = fmt.Errorf("%s: %w", what, readErr)
	}
	return err
}

// readAhead reads the rows of query into the batches free gives and sends
// each full one on full.
func readAhead(ctx context.Context, q queryer, query string, args []any, full, free chan *rowBatch) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		row sql.RawBytes
		b   *rowBatch
	)
	send := func() error {
		if err := ctx.Err(); err != nil {
			return err // fn has stopped: its error is the one returned
		}
		select {
		case full <- b:
			b = nil
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for rows.Next() {
		if b == nil {
			if err := ctx.Err(); err != nil {
				return err
			}
			select {
			case b = <-free:
				b.text, b.ends = b.text[:0], b.ends[:0]
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		if err := rows.Scan(&row); err != nil {
			return err
		}
		b.text = append(b.text, row...)
		b.ends = append(b.ends, len(b.text))
		if len(b.ends) == aheadBatch {
			if err := send(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if b != nil {
		return send()
	}
	return nil
}
