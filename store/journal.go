package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tend-app/tend/internal/domain"
)

// KeepChanges is how many of the latest changes undo can go back through.
const KeepChanges = domain.KeepChanges

// Change is one change a command made, as undo can revert it.
type Change = domain.Change

// journaledTables are the tables whose rows the journal records, with the
// columns of their primary keys. The triggers of migration 0006 write a
// row's key as its one key column, or as a JSON array of them.
var journaledTables = map[string][]string{
	"people":             {"id"},
	"interactions":       {"id"},
	"interaction_people": {"interaction_id", "person_id"},
	"memories":           {"id"},
	"important_dates":    {"person_id", "label", "date"},
}

// change runs fn in one transaction as one change that undo can revert:
// the journal's triggers record the rows fn touches, as they were, and fn
// returns the words that say what it did. A change that touched nothing
// is not kept.
func (s *Store) change(ctx context.Context, fn func(tx *sql.Tx) (string, error)) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		seq, err := s.openChange(ctx, tx)
		if err != nil {
			return err
		}
		desc, err := fn(tx)
		if err != nil {
			return err
		}
		return closeChange(ctx, tx, seq, desc)
	})
}

// openChange starts recording a change in tx and returns its number. The
// marks are the largest rowids of the tables whose new rows undo deletes.
func (s *Store) openChange(ctx context.Context, tx *sql.Tx) (int64, error) {
	var marks [3]int64
	for i, t := range markedTables {
		// max(rowid) is read from the end of the table's b-tree: no scan.
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM `+t).Scan(&marks[i]); err != nil {
			return 0, fmt.Errorf("record change: %w", err)
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO changes (at, description, people_mark, interactions_mark, memories_mark)
		VALUES (?, '', ?, ?, ?)`, formatTime(s.moment()), marks[0], marks[1], marks[2])
	if err != nil {
		return 0, fmt.Errorf("record change: %w", err)
	}
	seq, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("record change: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM change_open`); err != nil {
		return 0, fmt.Errorf("record change: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO change_open (seq, people_mark, interactions_mark, memories_mark) VALUES (?, ?, ?, ?)`,
		seq, marks[0], marks[1], marks[2]); err != nil {
		return 0, fmt.Errorf("record change: %w", err)
	}
	return seq, nil
}

// markedTables are the tables whose new rows a change finds by rowid, in
// the order of the marks.
var markedTables = [3]string{"people", "interactions", "memories"}

// closeChange stops recording, names the change, and forgets the changes
// older than the latest KeepChanges.
func closeChange(ctx context.Context, tx *sql.Tx, seq int64, desc string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM change_open`); err != nil {
		return fmt.Errorf("record change: %w", err)
	}
	var touched bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM change_rows WHERE change_seq = ?)
		OR EXISTS (SELECT 1 FROM changes c WHERE c.seq = ? AND (
			(SELECT coalesce(max(rowid), 0) FROM people) > c.people_mark OR
			(SELECT coalesce(max(rowid), 0) FROM interactions) > c.interactions_mark OR
			(SELECT coalesce(max(rowid), 0) FROM memories) > c.memories_mark))`, seq, seq).Scan(&touched)
	if err != nil {
		return fmt.Errorf("record change: %w", err)
	}
	if !touched {
		_, err := tx.ExecContext(ctx, `DELETE FROM changes WHERE seq = ?`, seq)
		if err != nil {
			return fmt.Errorf("record change: %w", err)
		}
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE changes SET description = ? WHERE seq = ?`, desc, seq); err != nil {
		return fmt.Errorf("record change: %w", err)
	}
	// The latest KeepChanges that are left, not those of the latest
	// KeepChanges numbers: an undone change leaves a gap in the numbers.
	_, err = tx.ExecContext(ctx, `DELETE FROM changes WHERE seq < (SELECT min(seq) FROM (SELECT seq FROM changes ORDER BY seq DESC LIMIT ?))`, KeepChanges)
	if err != nil {
		return fmt.Errorf("record change: %w", err)
	}
	return nil
}

// Changes lists the changes undo can revert, newest first, at most limit
// (all when 0).
func (s *Store) Changes(ctx context.Context, limit int) ([]Change, error) {
	query := `SELECT seq, at, description FROM changes ORDER BY seq DESC`
	if limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", limit)
	}
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("list changes: %w", err)
	}
	defer rows.Close()
	out := []Change{}
	for rows.Next() {
		var (
			c  Change
			at string
		)
		if err := rows.Scan(&c.Seq, &at, &c.Description); err != nil {
			return nil, fmt.Errorf("list changes: %w", err)
		}
		if c.At, err = parseTime(at); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ErrNothingToUndo means undo found no change to revert.
var ErrNothingToUndo = domain.ErrNothingToUndo

// Undo reverts the latest change: every row it touched is put back as it
// was before, in one transaction, and the change leaves the journal, so
// the next Undo reverts the one before. It returns the change undone.
func (s *Store) Undo(ctx context.Context) (Change, error) {
	var c Change
	err := s.write(ctx, func(tx *sql.Tx) error {
		var (
			at    string
			marks [3]int64
		)
		err := tx.QueryRowContext(ctx, `SELECT seq, at, description, people_mark, interactions_mark, memories_mark
			FROM changes ORDER BY seq DESC LIMIT 1`).Scan(&c.Seq, &at, &c.Description, &marks[0], &marks[1], &marks[2])
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNothingToUndo
		}
		if err != nil {
			return fmt.Errorf("undo: %w", err)
		}
		if c.At, err = parseTime(at); err != nil {
			return err
		}
		// Rows come back in any order that leaves them whole at the end:
		// an interaction's people before the interaction itself.
		if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
			return fmt.Errorf("undo: %w", err)
		}
		// First the rows the change added go, with what hangs from them.
		added, err := addedRecords(ctx, tx, marks)
		if err != nil {
			return err
		}
		for i := len(markedTables) - 1; i >= 0; i-- {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+markedTables[i]+` WHERE rowid > ?`, marks[i]); err != nil {
				return fmt.Errorf("undo: %w", err)
			}
		}
		rows, err := tx.QueryContext(ctx, `SELECT tbl, key, row_id, before FROM change_rows WHERE change_seq = ? ORDER BY rowid DESC`, c.Seq)
		if err != nil {
			return fmt.Errorf("undo: %w", err)
		}
		var entries []journalEntry
		for rows.Next() {
			var e journalEntry
			if err := rows.Scan(&e.tbl, &e.key, &e.rowID, &e.before); err != nil {
				rows.Close()
				return fmt.Errorf("undo: %w", err)
			}
			entries = append(entries, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("undo: %w", err)
		}
		c.Records = undoneRecords(added, entries)
		// Then the rows it changed come back: the tables with rowids
		// first, so that the rows without them find what they hang from.
		mark := map[string]int64{"people": marks[0], "interactions": marks[1], "memories": marks[2]}
		for _, children := range []bool{false, true} {
			for _, e := range entries {
				if _, ok := mark[e.tbl]; ok == children {
					continue
				}
				if err := restoreRow(ctx, tx, e, mark); err != nil {
					return err
				}
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM changes WHERE seq = ?`, c.Seq); err != nil {
			return fmt.Errorf("undo: %w", err)
		}
		return nil
	})
	if err != nil {
		return Change{}, err
	}
	return c, nil
}

// journalEntry is one row of change_rows.
// maxUndoneRecords is how many records an undo names at most: an undone
// import of a million interactions names the first of them.
const maxUndoneRecords = 1000

// recordTypes are the record each marked table holds.
var recordTypes = map[string]string{"people": "person", "interactions": "interaction", "memories": "memory"}

// addedRecords lists the records a change added: the rows past its marks,
// and the people of the interactions among them.
func addedRecords(ctx context.Context, tx *sql.Tx, marks [3]int64) ([]domain.Record, error) {
	var out []domain.Record
	for i, tbl := range markedTables {
		query := `SELECT '` + recordTypes[tbl] + `', id FROM ` + tbl + ` WHERE rowid > ?1`
		if tbl == "interactions" {
			query += ` UNION ALL SELECT 'person', ip.person_id FROM interaction_people ip
				JOIN interactions i ON i.id = ip.interaction_id WHERE i.rowid > ?1`
		}
		rows, err := tx.QueryContext(ctx, query+fmt.Sprintf(` LIMIT %d`, maxUndoneRecords), marks[i])
		if err != nil {
			return nil, fmt.Errorf("undo: %w", err)
		}
		for rows.Next() {
			var r domain.Record
			if err := rows.Scan(&r.Type, &r.ID); err != nil {
				rows.Close()
				return nil, fmt.Errorf("undo: %w", err)
			}
			out = append(out, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("undo: %w", err)
		}
	}
	return out, nil
}

// undoneRecords names, once each, the records an undo touches: those the
// change added, and those its journal puts back. A row of who was in an
// interaction, or of someone's dates, names the interaction and the person
// it belongs to.
func undoneRecords(added []domain.Record, entries []journalEntry) []domain.Record {
	out := []domain.Record{}
	add := func(typ, id string) {
		r := domain.Record{Type: typ, ID: id}
		if id != "" && len(out) < maxUndoneRecords && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	for _, r := range added {
		add(r.Type, r.ID)
	}
	for _, e := range entries {
		if typ, ok := recordTypes[e.tbl]; ok {
			add(typ, e.key)
			continue
		}
		var key []any // [interaction_id, person_id] or [person_id, label, date]
		if json.Unmarshal([]byte(e.key), &key) != nil || len(key) < 2 {
			continue
		}
		switch e.tbl {
		case "interaction_people":
			id, _ := key[0].(string)
			person, _ := key[1].(string)
			add("interaction", id)
			add("person", person)
		case "important_dates":
			person, _ := key[0].(string)
			add("person", person)
		}
	}
	return out
}

type journalEntry struct {
	tbl, key string
	rowID    sql.NullInt64
	before   sql.NullString
}

// restoreRow puts one row back as it was: gone when before is NULL (the
// change added it), else updated in place, or made again, with its rowid,
// if it is gone. Updating in place, rather than deleting and inserting,
// keeps the rows that hang from it (a person's interactions) where they
// are. A row the change itself added (above its table's mark) is left
// gone, and so is a row whose parent is gone (one of those).
func restoreRow(ctx context.Context, tx *sql.Tx, e journalEntry, mark map[string]int64) error {
	pk, ok := journaledTables[e.tbl]
	if !ok {
		return fmt.Errorf("undo: the journal names an unknown table %q", e.tbl)
	}
	if m, ok := mark[e.tbl]; ok && e.rowID.Valid && e.rowID.Int64 > m {
		return nil
	}
	keyValues := []any{e.key}
	if len(pk) > 1 {
		var parts []any
		if err := json.Unmarshal([]byte(e.key), &parts); err != nil || len(parts) != len(pk) {
			return fmt.Errorf("undo: a journal key of %s cannot be read", e.tbl)
		}
		keyValues = parts
	}
	where := make([]string, len(pk))
	for i, c := range pk {
		where[i] = c + " = ?"
	}
	whereSQL := strings.Join(where, " AND ")
	if !e.before.Valid {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+e.tbl+` WHERE `+whereSQL, keyValues...); err != nil {
			return fmt.Errorf("undo: %w", err)
		}
		return nil
	}
	if parent, ok := parentOf[e.tbl]; ok {
		var there bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+parent+` WHERE id = ?)`, keyValues[0]).Scan(&there); err != nil {
			return fmt.Errorf("undo: %w", err)
		}
		if !there {
			return nil
		}
	}
	cols, vals, err := rowValues(e.before.String)
	if err != nil {
		return fmt.Errorf("undo: a row of %s in the journal cannot be read: %w", e.tbl, err)
	}
	set := make([]string, len(cols))
	for i, c := range cols {
		set[i] = c + " = ?"
	}
	res, err := tx.ExecContext(ctx, `UPDATE `+e.tbl+` SET `+strings.Join(set, ", ")+` WHERE `+whereSQL, append(vals, keyValues...)...)
	if err != nil {
		return fmt.Errorf("undo: %w", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	if e.rowID.Valid {
		// Its rowid back too, so that it stays below the marks of the
		// changes before this one.
		cols, vals = append([]string{"rowid"}, cols...), append([]any{e.rowID.Int64}, vals...)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO `+e.tbl+` (`+strings.Join(cols, ", ")+`) VALUES (?`+strings.Repeat(", ?", len(cols)-1)+`)`, vals...)
	if err != nil {
		return fmt.Errorf("undo: %w", err)
	}
	return nil
}

// parentOf is the table the first key column of a table without rowids
// points to.
var parentOf = map[string]string{"interaction_people": "interactions", "important_dates": "people"}

// rowValues reads a row's before-image, a JSON object of its columns, in
// the order it was written. Column names come from the triggers of the
// schema, never from a user, and are checked to be plain words anyway.
func rowValues(raw string) ([]string, []any, error) {
	dec := json.NewDecoder(bytes.NewReader([]byte(raw)))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, nil, errors.New("not an object")
	}
	var (
		cols []string
		vals []any
	)
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		col, _ := t.(string)
		if col == "" || strings.IndexFunc(col, func(r rune) bool { return !(r == '_' || r >= 'a' && r <= 'z') }) >= 0 {
			return nil, nil, fmt.Errorf("column %q", col)
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, nil, err
		}
		if n, ok := v.(json.Number); ok {
			i, err := n.Int64()
			if err != nil {
				return nil, nil, err
			}
			v = i
		}
		cols, vals = append(cols, col), append(vals, v)
	}
	if len(cols) == 0 {
		return nil, nil, errors.New("no columns")
	}
	return cols, vals, nil
}

// forgetAllChanges empties the journal: what rm deletes can no longer be
// put back, and undoing a change before it could bring back half of it,
// or delete what a later change made.
func forgetAllChanges(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM changes`); err != nil {
		return fmt.Errorf("forget changes: %w", err)
	}
	return nil
}

// minShortID is the fewest characters a short id has: ids made within the
// same millisecond share their first ten, and fewer than this would read
// as a number, not an id.
const minShortID = 6

// ShortIDs returns, for each of ids (of interactions when table is
// "interactions", else of memories), the shortest start of it, of at
// least minShortID characters, that no other id of that table starts
// with, ignoring case: what history and show print, and what unlog,
// amend, forget and done accept.
func (s *Store) ShortIDs(ctx context.Context, table string, ids []string) (map[string]string, error) {
	if table != "interactions" {
		table = "memories"
	}
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		n := minShortID
		for _, q := range []string{
			`SELECT max(id) FROM ` + table + ` WHERE id < ?`,
			`SELECT min(id) FROM ` + table + ` WHERE id > ?`,
		} {
			var other sql.NullString
			if err := s.db.QueryRowContext(ctx, q, id).Scan(&other); err != nil {
				return nil, fmt.Errorf("short ids: %w", err)
			}
			if other.Valid {
				n = max(n, commonPrefix(strings.ToUpper(id), strings.ToUpper(other.String))+1)
			}
		}
		out[id] = id[:min(n, len(id))]
	}
	return out, nil
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
