package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// AddPerson stores a new person and returns it with its id and times set.
func (s *Store) AddPerson(ctx context.Context, p domain.Person) (domain.Person, error) {
	if err := p.Validate(); err != nil {
		return domain.Person{}, err
	}
	if err := domain.CheckBirthday(p.Birthday, s.moment()); err != nil {
		return domain.Person{}, err
	}
	if p.ID == "" {
		p.ID = s.newID()
	}
	now := s.moment()
	p.CreatedAt, p.UpdatedAt = now, now
	err := s.change(ctx, func(tx *sql.Tx) (string, error) {
		return "added " + oneLine(p.Name), insertPerson(ctx, tx, p)
	})
	if err != nil {
		return domain.Person{}, err
	}
	return p, nil
}

// insertPersonSQL writes a person's row; personRow gives its values.
const insertPersonSQL = `INSERT INTO people (id, name, name_key, tier, every_days, birthday, phones, emails, tags,
	notes, created_at, updated_at, archived_at, snoozed_until, aliases,
	org, job_title, phone_types, email_types, name_parts, uid)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// personRow is p as the columns of insertPersonSQL hold it, in their order.
func personRow(p domain.Person) []any {
	return []any{p.ID, p.Name, domain.NameKey(p.Name), string(p.Tier), nullInt(p.Every), nullString(p.Birthday.String()),
		jsonList(p.Phones), jsonList(p.Emails), jsonList(p.Tags), p.Notes,
		formatTime(p.CreatedAt), formatTime(p.UpdatedAt),
		formatOptionalTime(p.ArchivedAt), formatOptionalTime(p.SnoozedUntil), jsonList(p.Aliases),
		p.Org, p.JobTitle, jsonTypes(p.Phones, p.PhoneTypes), jsonTypes(p.Emails, p.EmailTypes),
		jsonNameParts(p.NameParts), p.UID}
}

func insertPerson(ctx context.Context, tx *sql.Tx, p domain.Person) error {
	if err := checkNameFree(ctx, tx, p); err != nil {
		return err
	}
	if err := checkAliasesFree(ctx, tx, p); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, insertPersonSQL, personRow(p)...)
	if err != nil {
		return fmt.Errorf("add %s: %w", p.Name, err)
	}
	return writeDates(ctx, tx, p)
}

// checkNameFree refuses a second active person with the same name, with a
// message that says who is in the way.
func checkNameFree(ctx context.Context, tx *sql.Tx, p domain.Person) error {
	if p.Archived() {
		return nil
	}
	var name string
	err := tx.QueryRowContext(ctx,
		`SELECT name FROM people WHERE name_key = ? AND archived_at IS NULL AND id <> ?`,
		domain.NameKey(p.Name), p.ID).Scan(&name)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("check name: %w", err)
	}
	return domain.Errorf(domain.ErrNameTaken, "%q is already someone in tend: give a name that tells them apart (a surname, a place), or archive the other first", name)
}

// checkAliasesFree refuses an alias that is already another active
// person's name or alias, and a name that is another's alias: an alias
// must name one person, as a name does.
func checkAliasesFree(ctx context.Context, tx *sql.Tx, p domain.Person) error {
	if p.Archived() {
		return nil
	}
	mine := map[string]string{} // folded alias → as typed
	for _, a := range p.Aliases {
		mine[domain.Fold(a)] = a
	}
	cond := `aliases <> '[]'`
	if len(mine) > 0 {
		cond = `1`
	}
	rows, err := tx.QueryContext(ctx, `SELECT name, aliases FROM people WHERE archived_at IS NULL AND id <> ? AND `+cond, p.ID)
	if err != nil {
		return fmt.Errorf("check aliases: %w", err)
	}
	defer rows.Close()
	name := domain.Fold(p.Name)
	for rows.Next() {
		var other, raw string
		if err := rows.Scan(&other, &raw); err != nil {
			return fmt.Errorf("check aliases: %w", err)
		}
		theirs, err := parseList(raw)
		if err != nil {
			return fmt.Errorf("check aliases: %w", err)
		}
		if a, ok := mine[domain.Fold(other)]; ok {
			return domain.Errorf(domain.ErrNameTaken, "alias %q is %s's name", a, other)
		}
		for _, t := range theirs {
			if a, ok := mine[domain.Fold(t)]; ok {
				return domain.Errorf(domain.ErrNameTaken, "alias %q is already %s's", a, other)
			}
			if domain.Fold(t) == name {
				return domain.Errorf(domain.ErrNameTaken, "%q is already an alias of %s", p.Name, other)
			}
		}
	}
	return rows.Err()
}

func writeDates(ctx context.Context, tx *sql.Tx, p domain.Person) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM important_dates WHERE person_id = ?`, p.ID); err != nil {
		return fmt.Errorf("save dates: %w", err)
	}
	for _, d := range p.ImportantDates {
		if _, err := tx.ExecContext(ctx,
			`INSERT OR IGNORE INTO important_dates (person_id, label, date) VALUES (?, ?, ?)`,
			p.ID, d.Label, d.Date.String()); err != nil {
			return fmt.Errorf("save dates: %w", err)
		}
	}
	return nil
}

// UpdatePerson loads a person, lets change alter it, and saves the result,
// all in one transaction. updated_at is set to now.
func (s *Store) UpdatePerson(ctx context.Context, id string, change func(*domain.Person) error) (domain.Person, error) {
	var out domain.Person
	err := s.change(ctx, func(tx *sql.Tx) (string, error) {
		desc, err := s.updatePerson(ctx, tx, id, change, &out)
		return desc, err
	})
	return out, err
}

// updatePerson is UpdatePerson inside a transaction; it returns the words
// for the journal.
func (s *Store) updatePerson(ctx context.Context, tx *sql.Tx, id string, change func(*domain.Person) error, result *domain.Person) (string, error) {
	desc := ""
	err := func() error {
		p, err := getPerson(ctx, tx, id)
		if err != nil {
			return err
		}
		before := p
		before.Phones, before.Emails = slices.Clone(p.Phones), slices.Clone(p.Emails)
		before.Tags, before.Aliases = slices.Clone(p.Tags), slices.Clone(p.Aliases)
		before.ImportantDates = slices.Clone(p.ImportantDates)
		if err := change(&p); err != nil {
			return err
		}
		if err := p.ValidateChange(before); err != nil {
			return err
		}
		if p.Birthday != before.Birthday {
			if err := domain.CheckBirthday(p.Birthday, s.moment()); err != nil {
				return err
			}
		}
		p.ID = id
		if slices.Equal(storedValues(p), storedValues(before)) && slices.Equal(p.ImportantDates, before.ImportantDates) {
			// Nothing stored would change: no write, and nothing for
			// undo to spend itself on.
			*result = before
			return nil
		}
		p.UpdatedAt = s.moment()
		if err := checkNameFree(ctx, tx, p); err != nil {
			return err
		}
		if err := checkAliasesFree(ctx, tx, p); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `
			UPDATE people SET name = ?, name_key = ?, tier = ?, every_days = ?, birthday = ?,
			       phones = ?, emails = ?, tags = ?, notes = ?,
			       archived_at = ?, snoozed_until = ?, aliases = ?,
			       org = ?, job_title = ?, phone_types = ?, email_types = ?, name_parts = ?, uid = ?,
			       updated_at = ?
			WHERE id = ?`,
			append(storedValues(p), formatTime(p.UpdatedAt), id)...)
		if err != nil {
			return fmt.Errorf("save %s: %w", p.Name, err)
		}
		if err := writeDates(ctx, tx, p); err != nil {
			return err
		}
		*result = p
		desc = s.describePersonUpdate(before, p)
		return nil
	}()
	return desc, err
}

// storedValues are the values updatePerson writes of p, but for
// updated_at, in the order of its columns.
func storedValues(p domain.Person) []any {
	return []any{p.Name, domain.NameKey(p.Name), string(p.Tier), nullInt(p.Every), nullString(p.Birthday.String()),
		jsonList(p.Phones), jsonList(p.Emails), jsonList(p.Tags), p.Notes,
		formatOptionalTime(p.ArchivedAt), formatOptionalTime(p.SnoozedUntil), jsonList(p.Aliases),
		p.Org, p.JobTitle, jsonTypes(p.Phones, p.PhoneTypes), jsonTypes(p.Emails, p.EmailTypes),
		jsonNameParts(p.NameParts), p.UID}
}

// DeletePerson removes a person with their memories and dates, and takes
// them out of shared interactions; an interaction left with nobody goes too.
func (s *Store) DeletePerson(ctx context.Context, id string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM people WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.Errorf(domain.ErrNotFound, "no person with id %s in tend: they were deleted, perhaps from another window", id)
		}
		_, err = tx.ExecContext(ctx, `
			DELETE FROM interactions
			WHERE NOT EXISTS (SELECT 1 FROM interaction_people ip WHERE ip.interaction_id = interactions.id)`)
		if err != nil {
			return fmt.Errorf("delete interactions: %w", err)
		}
		// Final: no change before it can be undone either.
		return forgetAllChanges(ctx, tx)
	})
}

// Person returns one person by id.
func (s *Store) Person(ctx context.Context, id string) (domain.Person, error) {
	return getPerson(ctx, s.db, id)
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const personColumns = `p.id, p.name, p.tier, p.every_days, p.birthday, p.phones, p.emails, p.tags,
	p.notes, p.created_at, p.updated_at, p.archived_at, p.snoozed_until, p.aliases,
	p.org, p.job_title, p.phone_types, p.email_types, p.name_parts, p.uid`

func getPerson(ctx context.Context, q queryer, id string) (domain.Person, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+personColumns+` FROM people p WHERE p.id = ?`, id)
	if err != nil {
		return domain.Person{}, fmt.Errorf("load person: %w", err)
	}
	people, err := scanPeople(rows)
	if err != nil {
		return domain.Person{}, err
	}
	if len(people) == 0 {
		return domain.Person{}, domain.Errorf(domain.ErrNotFound, "no person with id %s in tend: they were deleted, perhaps from another window", id)
	}
	if err := loadDates(ctx, q, people); err != nil {
		return domain.Person{}, err
	}
	return people[0], nil
}

// PeopleFilter narrows a listing of people.
type PeopleFilter struct {
	Archived bool         // archived people instead of active ones
	Tier     cadence.Tier // only this tier, when set
	Tag      string       // only people with this tag (any case), when set
}

func (f PeopleFilter) where() (string, []any) {
	clauses := []string{"p.archived_at IS NULL"}
	if f.Archived {
		clauses[0] = "p.archived_at IS NOT NULL"
	}
	var args []any
	if f.Tier != "" {
		clauses = append(clauses, "p.tier = ?")
		args = append(args, string(f.Tier))
	}
	return " WHERE " + strings.Join(clauses, " AND "), args
}

// keep applies the tag filter. It is done here and not in SQL because
// SQLite's lower() folds only ASCII: "Équipe" would not match "équipe".
func (f PeopleFilter) keep(p domain.Person) bool {
	if f.Tag == "" {
		return true
	}
	want := strings.ToLower(strings.TrimSpace(f.Tag))
	for _, t := range p.Tags {
		if strings.ToLower(t) == want {
			return true
		}
	}
	return false
}

// People lists people, ordered by name.
func (s *Store) People(ctx context.Context, f PeopleFilter) ([]domain.Person, error) {
	where, args := f.where()
	people, err := s.queryPeopleByName(ctx, where, args, f.Archived)
	if err != nil {
		return nil, err
	}
	people = slices.DeleteFunc(people, func(p domain.Person) bool { return !f.keep(p) })
	return people, loadDates(ctx, s.db, people)
}

// queryPeople reads the people a condition (and order) selects, without
// their important dates.
//
// As in cadenceQuery, each row comes as one column, its fields joined by
// NUL: the driver's cost for each column of each row is larger than
// SQLite's for the row, and a person has twenty. NUL is refused in every
// field the commands write; a row that does not split into twenty fields
// (an imported id or note could hold a NUL) is read again column by
// column, by its rowid. Nullable columns are coalesced to the empty string,
// which reads back as NULL: none of them is stored empty.
func (s *Store) queryPeople(ctx context.Context, where string, args []any) ([]domain.Person, error) {
	people, _, err := s.readPeople(ctx, `SELECT concat_ws(char(0), p.rowid, `+joinedPersonColumns+`) FROM people p`+where, args, false)
	return people, err
}

// peopleByNameQuery reads the people a condition selects with their name
// keys, in the table's own order: reading them in name order, through the
// index, would read the table's pages in random order, each many times
// over once the table is larger than SQLite's page cache (cache_size). The
// order is made in memory, as ORDER BY p.name_key, p.id would make it.
func peopleByNameQuery(where string) string {
	return `SELECT concat_ws(char(0), p.rowid, ` + joinedPersonColumns + `, p.name_key) FROM people p NOT INDEXED` + where
}

// queryPeopleByName is queryPeople in name order. For the active, most of
// the table, the table is read in its own order and the keys sorted here;
// the archived, a few among many, are left to SQLite's ORDER BY, which
// sorts only them.
func (s *Store) queryPeopleByName(ctx context.Context, where string, args []any, archived bool) ([]domain.Person, error) {
	if archived {
		return s.queryPeople(ctx, where+` ORDER BY p.name_key, p.id`, args)
	}
	people, keys, err := s.readPeople(ctx, peopleByNameQuery(where), args, true)
	if err != nil {
		return nil, err
	}
	order := make([]int, len(people))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := strings.Compare(keys[a], keys[b]); c != 0 {
			return c
		}
		return strings.Compare(people[a].ID, people[b].ID)
	})
	sorted := make([]domain.Person, len(people))
	for i, j := range order {
		sorted[i] = people[j]
	}
	return sorted, nil
}

// readPeople runs a query of joined rows (see queryPeople), whose last
// field is the name key when withKey is set.
func (s *Store) readPeople(ctx context.Context, query string, args []any, withKey bool) ([]domain.Person, []string, error) {
	people := []domain.Person{}
	var keys []string
	err := s.eachJoinedPerson(ctx, query, args, withKey, func(p *domain.Person, key string) {
		people = append(people, *p)
		if withKey {
			keys = append(keys, key)
		}
	})
	if err != nil {
		return nil, nil, err
	}
	return people, keys, nil
}

// eachJoinedPerson is readPeople, one person at a time: fn gets each
// person, to copy, and their name key when withKey is set.
//
// Each row is made one string, and the person's text fields are parts of
// it: one allocation a row instead of one a field.
func (s *Store) eachJoinedPerson(ctx context.Context, query string, args []any, withKey bool, fn func(p *domain.Person, key string)) error {
	// One of each for every row: what is handed to fn by its address
	// lives on the heap, and made for each row, would be made anew for
	// each person.
	var (
		fields []string
		p      domain.Person
		key    string
	)
	want := personColumnCount
	if withKey {
		want++
	}
	person := func(row []byte) error {
		rowid, rest, _ := bytes.Cut(row, []byte{0})
		fields = fields[:0]
		if bytes.Count(rest, []byte{0}) == want-1 {
			for field := range strings.SplitSeq(string(rest), "\x00") {
				fields = append(fields, field)
			}
		}
		key = ""
		var err error
		if len(fields) == want {
			if withKey {
				key = fields[want-1]
			}
			p, err = joinedPerson(fields[:personColumnCount])
		} else {
			p, err = scanPerson(s.db.QueryRowContext(ctx, `SELECT `+personColumns+`, p.name_key FROM people p WHERE p.rowid = ?`, string(rowid)), &key)
		}
		if err != nil {
			return err
		}
		fn(&p, key)
		return nil
	}
	return eachRowAhead(ctx, s.db, query, args, "list people", person)
}

// joinedPersonColumns are personColumns for concat_ws, which skips NULLs.
const joinedPersonColumns = `p.id, p.name, p.tier, coalesce(p.every_days, ''), coalesce(p.birthday, ''),
	p.phones, p.emails, p.tags, p.notes, p.created_at, p.updated_at, coalesce(p.archived_at, ''),
	coalesce(p.snoozed_until, ''), p.aliases, p.org, p.job_title, p.phone_types, p.email_types,
	p.name_parts, p.uid`

// personColumnCount is the number of personColumns.
const personColumnCount = 20

type scanner interface{ Scan(dest ...any) error }

func scanPeople(rows *sql.Rows) ([]domain.Person, error) {
	defer rows.Close()
	people := []domain.Person{}
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, err
		}
		people = append(people, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read people: %w", err)
	}
	return people, nil
}

// scanPerson reads the personColumns, plus any extra destinations after them.
func scanPerson(row scanner, extra ...any) (domain.Person, error) {
	var r storedPerson
	dest := append([]any{&r.id, &r.name, &r.tier, &r.every, &r.birthday, &r.phones, &r.emails, &r.tags,
		&r.notes, &r.created, &r.updated, &r.archived, &r.snoozed, &r.aliases,
		&r.org, &r.jobTitle, &r.phoneTypes, &r.emailTypes, &r.nameParts, &r.uid}, extra...)
	if err := row.Scan(dest...); err != nil {
		return domain.Person{}, fmt.Errorf("read person: %w", err)
	}
	return r.person()
}

// joinedPerson reads a row of joinedPersonColumns, split. It is scanPerson
// without going through Scan, whose destinations, each its own variable
// on the heap, were the most of what reading ten thousand people made.
func joinedPerson(f []string) (domain.Person, error) {
	if len(f) != personColumnCount {
		return domain.Person{}, fmt.Errorf("read person: %d fields for %d columns", len(f), personColumnCount)
	}
	nullable := func(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }
	r := storedPerson{id: f[0], name: f[1], tier: f[2], birthday: nullable(f[4]), phones: f[5], emails: f[6], tags: f[7],
		notes: f[8], created: f[9], updated: f[10], archived: nullable(f[11]), snoozed: nullable(f[12]), aliases: f[13],
		org: f[14], jobTitle: f[15], phoneTypes: f[16], emailTypes: f[17], nameParts: f[18], uid: f[19]}
	if f[3] != "" {
		n, err := strconv.ParseInt(f[3], 10, 64)
		if err != nil {
			return domain.Person{}, fmt.Errorf("read person: field 3: %w", err)
		}
		r.every = sql.NullInt64{Int64: n, Valid: true}
	}
	return r.person()
}

// storedPerson is a row of personColumns as stored.
type storedPerson struct {
	id, name, tier                    string
	every                             sql.NullInt64
	birthday                          sql.NullString
	phones, emails, tags              string
	notes                             string
	created, updated                  string
	archived, snoozed                 sql.NullString
	aliases                           string
	org, jobTitle                     string
	phoneTypes, emailTypes, nameParts string
	uid                               string
}

// person reads the stored row.
func (r *storedPerson) person() (domain.Person, error) {
	p := domain.Person{ID: r.id, Name: r.name, Notes: r.notes, Org: r.org, JobTitle: r.jobTitle, UID: r.uid}
	p.Tier = cadence.Tier(r.tier)
	p.Every = int(r.every.Int64)
	var err error
	if r.birthday.Valid && r.birthday.String != "" {
		if p.Birthday, err = cadence.ParseMonthDay(r.birthday.String); err != nil {
			return domain.Person{}, fmt.Errorf("person %s birthday: %w", p.ID, err)
		}
	}
	// Each list by its own assignment: through pointers to them, p would
	// live on the heap, a copy for every person read.
	var lists [4][]string
	for i, raw := range [...]string{r.phones, r.emails, r.tags, r.aliases} {
		if lists[i], err = parseList(raw); err != nil {
			return domain.Person{}, fmt.Errorf("person %s: stored list: %w", p.ID, err)
		}
	}
	p.Phones, p.Emails, p.Tags, p.Aliases = lists[0], lists[1], lists[2], lists[3]
	if p.CreatedAt, err = parseTime(r.created); err != nil {
		return domain.Person{}, err
	}
	if p.UpdatedAt, err = parseTime(r.updated); err != nil {
		return domain.Person{}, err
	}
	if p.ArchivedAt, err = parseOptionalTime(r.archived); err != nil {
		return domain.Person{}, err
	}
	if p.SnoozedUntil, err = parseOptionalTime(r.snoozed); err != nil {
		return domain.Person{}, err
	}
	if p.PhoneTypes, err = parseTypes(r.phoneTypes); err != nil {
		return domain.Person{}, fmt.Errorf("person %s: stored phone types: %w", p.ID, err)
	}
	if p.EmailTypes, err = parseTypes(r.emailTypes); err != nil {
		return domain.Person{}, fmt.Errorf("person %s: stored e-mail types: %w", p.ID, err)
	}
	if p.NameParts, err = parseNameParts(r.nameParts); err != nil {
		return domain.Person{}, fmt.Errorf("person %s: stored name parts: %w", p.ID, err)
	}
	p.ImportantDates = []domain.ImportantDate{}
	return p, nil
}

// parseList reads a stored list of strings (jsonList's output). The usual
// lists, empty or of plain text, are read by hand, several times faster than
// encoding/json, which reads the rest (anything with an escape in it).
func parseList(raw string) ([]string, error) {
	if raw == "[]" {
		return []string{}, nil
	}
	if inner, ok := strings.CutPrefix(raw, `["`); ok && strings.HasSuffix(inner, `"]`) && !strings.ContainsRune(raw, '\\') {
		return strings.Split(inner[:len(inner)-2], `","`), nil
	}
	out := []string{}
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		return nil, err
	}
	return out, nil
}

// loadDates fills in the important dates of the given people.
func loadDates(ctx context.Context, q queryer, people []domain.Person) error {
	if len(people) == 0 {
		return nil
	}
	one := ""
	if len(people) == 1 {
		one = people[0].ID
	}
	dates, err := datesByPerson(ctx, q, one)
	if err != nil {
		return err
	}
	for i := range people {
		for _, d := range dates[people[i].ID] {
			people[i].ImportantDates = append(people[i].ImportantDates, domain.ImportantDate{Label: d.Label, Date: d.Date})
		}
	}
	return nil
}

func jsonList(items []string) string {
	if items == nil {
		items = []string{}
	}
	b, _ := json.Marshal(items) // a []string always marshals
	return string(b)
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// CountArchived counts the archived people.
func (s *Store) CountArchived(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM people WHERE archived_at IS NOT NULL`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count archived people: %w", err)
	}
	return n, nil
}
