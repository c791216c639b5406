package store_test

import (
	"database/sql"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/store"
)

// The short lists of person_history are kept by SQL (the migrations'
// triggers), but their lengths are cadence's: RecentCount interactions in
// recent, RealCount real conversations in recent_real. The SQL cannot name
// a Go constant, so it writes the numbers out; this test reads the schema
// a migrated database holds and fails when one of them differs, so that
// changing a count in cadence without a migration is caught here.

// listStart is where the SQL computes one of the short lists: an
// assignment to recent, recent_real or the last_in columns. Every number
// that follows, up to the next such start, sizes that list.
var listStart = regexp.MustCompile(`(\brecent_real|\brecent|\(last_in_at[^)]*\))\s*=\s*[(C]`)

// windowSize is a number that bounds a list: a LIMIT, the index json_remove
// cuts at (not an element's field, json_extract(e, '$[0]')), or a length
// a list is compared with.
var windowSize = regexp.MustCompile(`(?s)LIMIT (\d+)|json_remove\([^$]*?'\$\[(\d+)\]'|json_array_length\(\w+\) < (\d+)`)

func TestSchemaWindowsAreCadences(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "tend.db")
	s, err := store.Open(path, store.Options{Now: func() time.Time { return fixedNow }, Mode: store.Create})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.QueryContext(t.Context(), `SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') AND sql IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := map[string]int{"recent": cadence.RecentCount, "recent_real": cadence.RealCount}
	seen := map[string]int{}
	for rows.Next() {
		var kind, name, text string
		if err := rows.Scan(&kind, &name, &text); err != nil {
			t.Fatal(err)
		}
		starts := listStart.FindAllStringSubmatchIndex(text, -1)
		for _, m := range windowSize.FindAllStringSubmatchIndex(text, -1) {
			n := 0
			for g := 2; g < len(m); g += 2 {
				if m[g] >= 0 {
					n, _ = strconv.Atoi(text[m[g]:m[g+1]])
				}
			}
			list := ""
			for _, st := range starts {
				if st[0] < m[0] {
					list = text[st[2]:st[3]]
				}
			}
			size, ok := want[list]
			if ok {
				seen[list]++
			}
			switch {
			case ok && n != size:
				t.Errorf("%s %s sizes %s at %d (%q), cadence says %d", kind, name, list, n, text[m[0]:m[1]], size)
			case !ok && n != 1: // the latest one alone (last_in) is no window
				t.Errorf("%s %s has a window of %d (%q) outside the short lists: which of cadence's counts is it?", kind, name, n, text[m[0]:m[1]])
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for list := range want {
		if seen[list] == 0 {
			t.Errorf("no window of %s found in the schema: the test no longer reads the triggers", list)
		}
	}
	t.Logf("windows checked: %v", seen)
}
