package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/tend-app/tend/internal/domain"
)

// The report of Inspect, kept in domain so that the faces can read it.
type (
	Health      = domain.Health
	WALHealth   = domain.WALHealth
	BrokenLinks = domain.BrokenLinks
	Orphans     = domain.Orphans
)

// maxDamage bounds integrity_check's report: a badly damaged file has
// thousands of lines of it, and the first few say enough.
const maxDamage = 20

// orphanChecks count, in plain words, the rows tend's own writes never
// leave behind: a delete cascades, and removing someone removes the
// interactions left with no one in them. They can only come from another
// program writing to the file with foreign keys off, or from damage.
var orphanChecks = []struct{ what, query string }{
	{"interactions with no one in them", `SELECT count(*) FROM interactions i
		WHERE NOT EXISTS (SELECT 1 FROM interaction_people ip WHERE ip.interaction_id = i.id)`},
	{"links from interactions to people who do not exist", `SELECT count(*) FROM interaction_people ip
		WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = ip.person_id)`},
	{"links from people to interactions that do not exist", `SELECT count(*) FROM interaction_people ip
		WHERE NOT EXISTS (SELECT 1 FROM interactions i WHERE i.id = ip.interaction_id)`},
	{"memories of people who do not exist", `SELECT count(*) FROM memories m
		WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = m.person_id)`},
	{"important dates of people who do not exist", `SELECT count(*) FROM important_dates d
		WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = d.person_id)`},
}

// Inspect checks the database file at path and reports what it found. It
// writes nothing at all: the file is opened read-only, as immutable when
// no -wal holds anything for it, and otherwise with the -shm read-only, so
// that no checkpoint can run, no side file is made or changed, and a -wal
// that does not belong to the file is never copied into it. It runs no
// migration, so it works on a file that Open would refuse (one from a
// newer tend). An error means the file could not be read as a database
// at all.
func Inspect(ctx context.Context, path string) (Health, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return Health{}, fmt.Errorf("inspect %s: %w", path, err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return Health{}, fmt.Errorf("inspect %s: %w", path, unwrapPath(err))
	}
	if !info.Mode().IsRegular() {
		// Opening a named pipe waits for a writer that never comes.
		return Health{}, fmt.Errorf("inspect %s: is not a file (a device, a pipe or a socket), and tend keeps its database in a file", path)
	}
	wal, err := readWAL(abs)
	if err != nil {
		return Health{}, fmt.Errorf("inspect %s: %w", path, unwrapPath(err))
	}
	alone := func() (Health, error) { return inspectURI(ctx, readOnlyURI(abs, true)) }
	if wal.Pending == 0 {
		return alone()
	}
	if wal.PageSizeDiffers {
		h, err := alone()
		h.WAL = WALHealth{Pending: wal.Pending, Foreign: true}
		return h, err
	}
	if _, err := os.Stat(abs + "-shm"); err != nil {
		h, err := alone()
		h.WAL = WALHealth{Pending: wal.Pending, Unread: true}
		return h, err
	}
	h, err := inspectURI(ctx, readOnlyURI(abs, false))
	if err == nil && len(h.Damage) == 0 {
		h.WAL.Pending = wal.Pending
		return h, nil
	}
	// Damaged with the -wal: if the file alone is sound, the -wal is what
	// damages it.
	if ha, aerr := alone(); aerr == nil && len(ha.Damage) == 0 {
		ha.WAL = WALHealth{Pending: wal.Pending, Foreign: true}
		return ha, nil
	}
	h.WAL.Pending = wal.Pending
	return h, err
}

// readOnlyURI opens the file at path so that nothing can change it or
// anything beside it: immutable reads the file alone, without the -wal;
// otherwise the -wal is read, and the -shm too, read-only.
func readOnlyURI(path string, immutable bool) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	q := url.Values{}
	q.Set("mode", "ro")
	if immutable {
		q.Set("immutable", "1")
	} else {
		q.Set("readonly_shm", "1")
		q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	}
	q.Add("_pragma", "query_only(1)")
	return u.String() + "?" + q.Encode()
}

func inspectURI(ctx context.Context, uri string) (Health, error) {
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return Health{}, err
	}
	defer db.Close()
	// One connection: the checks read one after another, and a pool
	// would only open the file again.
	db.SetMaxOpenConns(1)

	var h Health
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&h.SchemaVersion); err != nil {
		return Health{}, err
	}
	h.Newer = h.SchemaVersion > SchemaVersion()
	if h.Damage, err = integrity(ctx, db); err != nil {
		// integrity_check stops with an error where the damage is too
		// deep to list: that is its report.
		h.Damage = []string{err.Error()}
	}
	if len(h.Damage) > 0 {
		h.Skipped = "the file is damaged"
		// What can still be counted is worth saying; what cannot is not
		// zero.
		if h.SchemaVersion > 0 && h.SchemaVersion <= SchemaVersion() {
			countRows(ctx, db, &h)
		}
		return h, nil
	}
	if h.SchemaVersion == 0 {
		// A new, empty file has nothing else to check; one with tables
		// and no version is another program's, which Open refuses too.
		var tables int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return Health{}, err
		}
		if tables > 0 {
			h.Foreign, h.Skipped = true, "the file is not a tend database"
		}
		return h, nil
	}
	if h.BrokenLinks, err = brokenLinks(ctx, db); err != nil {
		return Health{}, err
	}
	if h.SchemaVersion > SchemaVersion() {
		// The tables may not be the ones this tend knows.
		h.Skipped = "the file is from a newer tend"
		return h, nil
	}
	for _, c := range orphanChecks {
		o := Orphans{What: c.what}
		if err := db.QueryRowContext(ctx, c.query).Scan(&o.Rows); err != nil {
			return Health{}, fmt.Errorf("count %s: %w", o.What, err)
		}
		if o.Rows > 0 {
			h.Orphans = append(h.Orphans, o)
		}
	}
	countRows(ctx, db, &h)
	if !h.Counted {
		return Health{}, errors.New("cannot count the people in it")
	}
	return h, nil
}

// countRows counts people and interactions, if the file lets it.
func countRows(ctx context.Context, db *sql.DB, h *Health) {
	if db.QueryRowContext(ctx, "SELECT count(*) FROM people").Scan(&h.People) != nil {
		return
	}
	if db.QueryRowContext(ctx, "SELECT count(*) FROM interactions").Scan(&h.Interactions) != nil {
		return
	}
	h.Counted = true
}

func integrity(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, fmt.Sprintf("PRAGMA integrity_check(%d)", maxDamage))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		if line != "ok" {
			out = append(out, line)
		}
	}
	return out, rows.Err()
}

func brokenLinks(ctx context.Context, db *sql.DB) ([]BrokenLinks, error) {
	// foreign_key_check gives one row per broken link; the report wants
	// them counted by table and parent.
	rows, err := db.QueryContext(ctx, `
		SELECT "table", parent, count(*) FROM pragma_foreign_key_check
		GROUP BY "table", parent ORDER BY "table", parent`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []BrokenLinks
	for rows.Next() {
		var b BrokenLinks
		if err := rows.Scan(&b.Table, &b.Parent, &b.Rows); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}
