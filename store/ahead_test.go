package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// numbersDB is a database of one table of n rows, the numbers 1 to n.
func numbersDB(t *testing.T, n int) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE TABLE n (i INTEGER PRIMARY KEY);
		WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ?) INSERT INTO n SELECT i FROM c`, n); err != nil {
		t.Fatal(err)
	}
	return db
}

const numbersQuery = `SELECT 'row ' || i FROM n WHERE i <= ? ORDER BY i`

// TestEachRowAheadGivesEveryRowInOrder: across batches, at their edges,
// and with none at all, fn sees each row once, in order, whole.
func TestEachRowAheadGivesEveryRowInOrder(t *testing.T) {
	t.Parallel()
	db := numbersDB(t, 3*aheadBatch+7)
	for _, n := range []int{0, 1, aheadBatch - 1, aheadBatch, aheadBatch + 1, 2 * aheadBatch, 3*aheadBatch + 7} {
		var got []string
		err := eachRowAhead(t.Context(), db, numbersQuery, []any{n}, "count", func(row []byte) error {
			got = append(got, string(row))
			return nil
		})
		if err != nil {
			t.Fatalf("%d rows: %v", n, err)
		}
		if len(got) != n {
			t.Fatalf("%d rows: fn saw %d", n, len(got))
		}
		for i, row := range got {
			if want := fmt.Sprintf("row %d", i+1); row != want {
				t.Fatalf("%d rows: row %d is %q, want %q", n, i, row, want)
			}
		}
	}
}

// TestEachRowAheadStopsAtTheFirstError: fn's error is the one returned,
// fn is not called again, and the reader is done when eachRowAhead
// returns (the race detector would see it touch the batches after).
func TestEachRowAheadStopsAtTheFirstError(t *testing.T) {
	t.Parallel()
	db := numbersDB(t, 3*aheadBatch+7)
	stop := errors.New("enough")
	for _, at := range []int{1, aheadBatch, aheadBatch + 1, 3*aheadBatch + 7} {
		calls := 0
		err := eachRowAhead(t.Context(), db, numbersQuery, []any{3*aheadBatch + 7}, "count", func(row []byte) error {
			calls++
			if calls == at {
				return stop
			}
			return nil
		})
		if err != stop || calls != at {
			t.Errorf("an error at row %d: returned %v after %d calls", at, err, calls)
		}
	}
}

// TestEachRowAheadReportsTheReadersErrors: a query SQLite refuses, and a
// reading cancelled before it starts, are errors, not an empty result.
func TestEachRowAheadReportsTheReadersErrors(t *testing.T) {
	t.Parallel()
	db := numbersDB(t, 10)
	never := func([]byte) error { t.Error("fn called"); return nil }
	if err := eachRowAhead(t.Context(), db, `SELECT nothing FROM nowhere`, nil, "count", never); err == nil {
		t.Error("a query of a table that is not there gave no error")
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := eachRowAhead(ctx, db, numbersQuery, []any{10}, "count", never); !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "count: ") {
		t.Errorf("a cancelled reading: %v, want count: context.Canceled", err)
	}
}
