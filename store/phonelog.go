package store

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
	"math/rand"
	"slices"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// What an import of phone logs (tend import calls / messages) needs of an
// Import beyond adding interactions: everyone to match numbers against,
// the source keys it has seen before, and the interactions logged by hand
// that a call from the log may be.

// People lists everyone in tend, active people first, each with their
// phones and e-mails, read inside the import's transaction.
func (im *Import) People() ([]domain.Person, error) {
	rows, err := im.tx.QueryContext(im.ctx, `SELECT `+personColumns+` FROM people p
		ORDER BY p.archived_at IS NOT NULL, p.name_key, p.id`)
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	return scanPeople(rows)
}

// sourceBatch is how many keys one query looks up or writes.
const sourceBatch = 400

// SourceKeys returns, of keys, those tend has seen, each with the index in
// the list it returns of the interaction it belongs to (a million messages
// belong to a few hundred thousand touches: each is listed once).
func (im *Import) SourceKeys(keys []int64) (map[int64]int32, []domain.Sourced, error) {
	known := map[int64]int32{}
	var list []domain.Sourced
	index := map[string]int32{}
	// The first import of logs into a database finds no keys, but looking
	// up a million of them in batches took a tenth of its time.
	var none bool
	if err := im.tx.QueryRowContext(im.ctx, `SELECT NOT EXISTS (SELECT 1 FROM main.interaction_sources)`).Scan(&none); err != nil {
		return nil, nil, fmt.Errorf("read source keys: %w", err)
	}
	if none {
		return known, list, nil
	}
	for len(keys) > 0 {
		n := min(len(keys), sourceBatch)
		args := make([]any, n)
		for i, k := range keys[:n] {
			args[i] = k
		}
		rows, err := im.tx.QueryContext(im.ctx, `SELECT s.key, i.id, i.at, i.direction
			FROM main.interaction_sources s JOIN main.interactions i ON i.id = s.interaction_id
			WHERE s.key IN (?`+strings.Repeat(",?", n-1)+`)`, args...)
		if err != nil {
			return nil, nil, fmt.Errorf("read source keys: %w", err)
		}
		for rows.Next() {
			var (
				key         int64
				id, at, dir string
			)
			if err := rows.Scan(&key, &id, &at, &dir); err != nil {
				rows.Close()
				return nil, nil, fmt.Errorf("read source keys: %w", err)
			}
			i, ok := index[id]
			if !ok {
				t, err := parseTime(at)
				if err != nil {
					rows.Close()
					return nil, nil, err
				}
				i = int32(len(list))
				index[id] = i
				list = append(list, domain.Sourced{ID: id, At: t, Direction: cadence.Direction(dir)})
			}
			known[key] = i
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, nil, fmt.Errorf("read source keys: %w", err)
		}
		keys = keys[n:]
	}
	return known, list, nil
}

// sourceKeysBulk is the number of new keys from which PutSourceKeys drops
// the index by interaction and makes it again at the end: keys go in in
// their own order, which is not that of their interactions, and one sort
// of a million rows is far cheaper than a million inserts at random places.
const sourceKeysBulk = 20_000

// PutSourceKeys records that each key belongs to its interaction; a key
// already recorded keeps its interaction. The keys are sorted first, so
// that they are appended to the table rather than scattered through it.
func (im *Import) PutSourceKeys(keys []domain.SourceKey) error {
	slices.SortFunc(keys, func(a, b domain.SourceKey) int { return cmp.Compare(a.Key, b.Key) })
	rebuild := ""
	if len(keys) >= sourceKeysBulk {
		err := im.tx.QueryRowContext(im.ctx, `SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'interaction_sources_interaction'`).Scan(&rebuild)
		if err != nil {
			return fmt.Errorf("record source keys: read schema: %w", err)
		}
		if _, err := im.tx.ExecContext(im.ctx, `DROP INDEX interaction_sources_interaction`); err != nil {
			return fmt.Errorf("record source keys: %w", err)
		}
	}
	args := make([]any, 0, 2*sourceBatch)
	write := func() error {
		if len(args) == 0 {
			return nil
		}
		q := `INSERT OR IGNORE INTO interaction_sources (key, interaction_id) VALUES (?, ?)` +
			strings.Repeat(", (?, ?)", len(args)/2-1)
		if _, err := im.tx.ExecContext(im.ctx, q, args...); err != nil {
			return fmt.Errorf("record source keys: %w", err)
		}
		args = args[:0]
		return nil
	}
	for _, k := range keys {
		args = append(args, k.Key, k.Interaction)
		if len(args) == 2*sourceBatch {
			if err := write(); err != nil {
				return err
			}
		}
	}
	if err := write(); err != nil {
		return err
	}
	if rebuild != "" {
		if _, err := im.tx.ExecContext(im.ctx, rebuild); err != nil {
			return fmt.Errorf("record source keys: rebuild index: %w", err)
		}
	}
	return nil
}

// CallsBetween lists the calls and video calls tend has between from and
// to, each once for each person in it, oldest first.
func (im *Import) CallsBetween(from, to time.Time) ([]domain.LoggedCall, error) {
	// main.: asked before anything is written, so what is there is the
	// database's, also in a dry run, whose tables of the same names stand
	// in for them (see shadow).
	rows, err := im.tx.QueryContext(im.ctx, `SELECT i.id, ip.person_id, i.at, i.missed, i.direction = 'in',
			EXISTS (SELECT 1 FROM main.interaction_sources s WHERE s.interaction_id = i.id)
		FROM main.interactions i
		JOIN main.interaction_people ip ON ip.interaction_id = i.id
		WHERE i.at BETWEEN ? AND ? AND i.via IN ('call', 'video')
		ORDER BY i.at, i.id`, formatTime(from), formatTime(to))
	if err != nil {
		return nil, fmt.Errorf("look for calls tend has: %w", err)
	}
	defer rows.Close()
	var out []domain.LoggedCall
	for rows.Next() {
		var (
			c  domain.LoggedCall
			at string
		)
		if err := rows.Scan(&c.ID, &c.Person, &at, &c.Missed, &c.In, &c.Sourced); err != nil {
			return nil, fmt.Errorf("look for calls tend has: %w", err)
		}
		if c.At, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// MoveInteraction sets the time of an interaction tend has (a touch that
// newer messages of the same run extend).
func (im *Import) MoveInteraction(id string, at time.Time) error {
	people, err := im.participants(id)
	if err != nil {
		return err
	}
	t := formatTime(at)
	if _, err := im.tx.ExecContext(im.ctx, `UPDATE interactions SET at = ? WHERE id = ?`, t, id); err != nil {
		return fmt.Errorf("update interaction %s: %w", id, err)
	}
	if _, err := im.tx.ExecContext(im.ctx, `UPDATE interaction_people SET at = ? WHERE interaction_id = ?`, t, id); err != nil {
		return fmt.Errorf("update interaction %s: %w", id, err)
	}
	im.touch(people...)
	im.res.Interactions.Updated++
	return nil
}

// NewIDs returns a source of new interaction ids on the store's clock that
// increase from one to the next (ULID's monotonic entropy): the rows of a
// log of a million messages are then appended to the tables and indexes
// keyed by id, not scattered through them, which took a third of the time
// of an import.
func (im *Import) NewIDs() func() string {
	var seed [8]byte
	im.s.idMu.Lock()
	_, err := io.ReadFull(im.s.entropy, seed[:])
	im.s.idMu.Unlock()
	if err != nil {
		return im.s.newID
	}
	mono := ulid.Monotonic(rand.New(rand.NewSource(int64(binary.LittleEndian.Uint64(seed[:])))), 0)
	ms := ulid.Timestamp(im.s.now())
	return func() string {
		id, err := ulid.New(ms, mono)
		if err != nil { // the sequence ran out within its millisecond
			return im.s.newID()
		}
		return id.String()
	}
}

// CountMatched counts a record tend already had.
func (im *Import) CountMatched(n int) { im.res.Interactions.Matched += n }
