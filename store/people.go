package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/termtext"
)

// Person is someone in your life, as stored.
type Person struct {
	ID             string
	Name           string
	Tier           cadence.Tier
	Every          int // days between real conversations; 0 for the tier's default
	Birthday       cadence.MonthDay
	Phones         []string
	Emails         []string
	Tags           []string
	Aliases        []string // names they are also called by ("mum"), matched like their name
	Notes          string
	ImportantDates []ImportantDate
	CreatedAt      time.Time
	UpdatedAt      time.Time
	ArchivedAt     time.Time // zero while active
	SnoozedUntil   time.Time // zero when not snoozed

	// What address books add. A type is a comma-separated list of kinds
	// ("mobile", "work,fax"); a phone or e-mail with no known kind has no
	// entry.
	Org        string            // the organisation (vCard ORG)
	JobTitle   string            // the job title (vCard TITLE)
	PhoneTypes map[string]string // a phone of Phones → its kind
	EmailTypes map[string]string // an e-mail of Emails → its kind
	NameParts  NameParts         // the structured name, when the source gave one
	UID        string            // the address book's id for the person (vCard UID)
}

// NameParts is a structured name, as vCard's N and the first/last name
// columns of address books give it. tend shows Name; these are kept so that
// an address book gets its own structure back rather than a guess.
type NameParts struct {
	Family, Given, Additional, Prefix, Suffix string
}

// IsZero reports whether no part is known.
func (n NameParts) IsZero() bool { return n == NameParts{} }

// ImportantDate is a date that matters to someone: an anniversary, a name day.
type ImportantDate struct {
	Label string
	Date  cadence.MonthDay
}

// Archived reports whether the person has been let go.
func (p Person) Archived() bool { return !p.ArchivedAt.IsZero() }

// Interval is the number of days the person's rhythm allows between real
// conversations: their own, or their tier's.
func (p Person) Interval() int {
	if p.Every > 0 {
		return p.Every
	}
	return p.Tier.Every()
}

// MaxEvery is the longest rhythm accepted, in days: ten years.
const MaxEvery = cadence.MaxEvery

// Validate checks a person before it is written, and tidies what can be
// tidied (surrounding space, empty list entries, a missing tier).
func (p *Person) Validate() error {
	if err := p.validate(); err != nil {
		return err
	}
	return p.checkControls(nil)
}

func (p *Person) validate() error {
	p.Name = strings.TrimSpace(p.Name)
	if n := utf8.RuneCountInString(p.Name); n > MaxNameLength {
		return kindErrorf(ErrInvalid, "name is too long: %d characters, at most %d", n, MaxNameLength)
	}
	if err := validText("name", p.Name); err != nil {
		return err
	}
	if p.Name == "" {
		return kindErrorf(ErrInvalid, "name is empty")
	}
	if termtext.Blank(p.Name) {
		return kindErrorf(ErrInvalid, "name shows nothing: it holds only invisible characters (zero-width, bidirectional controls)")
	}
	if p.Tier == "" {
		p.Tier = cadence.DefaultTier
	}
	tier, err := cadence.ParseTier(string(p.Tier))
	if err != nil {
		return kindErrorf(ErrInvalid, "%v", err)
	}
	p.Tier = tier // "Close" is accepted, and the table holds "close"
	if err := validDate("birthday", p.Birthday); err != nil {
		return err
	}
	if p.Every < 0 || p.Every > MaxEvery {
		return kindErrorf(ErrInvalid, "every must be between 1 and %d days, not %d", MaxEvery, p.Every)
	}
	if err := validText("notes", p.Notes); err != nil {
		return err
	}
	for _, list := range []struct {
		field string
		items *[]string
	}{{"phone", &p.Phones}, {"email", &p.Emails}, {"tag", &p.Tags}, {"alias", &p.Aliases}} {
		if *list.items, err = tidyList(list.field, *list.items); err != nil {
			return err
		}
	}
	for i := range p.ImportantDates {
		d := &p.ImportantDates[i]
		d.Label = strings.TrimSpace(d.Label)
		if d.Label == "" || d.Date.IsZero() {
			return kindErrorf(ErrInvalid, "an important date needs a label and a date")
		}
		if err := validText("date label", d.Label); err != nil {
			return err
		}
		if err := validDate(d.Label, d.Date); err != nil {
			return err
		}
	}
	if p.ImportantDates == nil {
		p.ImportantDates = []ImportantDate{} // as a stored person reads back
	}
	return p.validateCard()
}

// validateCard checks and tidies the fields address books add.
func (p *Person) validateCard() error {
	n := &p.NameParts
	for _, f := range []struct {
		field string
		v     *string
	}{{"organisation", &p.Org}, {"job title", &p.JobTitle}, {"uid", &p.UID},
		{"family name", &n.Family}, {"given name", &n.Given}, {"additional name", &n.Additional},
		{"name prefix", &n.Prefix}, {"name suffix", &n.Suffix}} {
		*f.v = strings.TrimSpace(*f.v)
		if len(*f.v) > MaxNameLength*4 {
			return kindErrorf(ErrInvalid, "%s is too long: %d bytes, at most %d", f.field, len(*f.v), MaxNameLength*4)
		}
		if err := validText(f.field, *f.v); err != nil {
			return err
		}
	}
	var err error
	if p.PhoneTypes, err = tidyTypes("phone type", p.PhoneTypes, p.Phones); err != nil {
		return err
	}
	p.EmailTypes, err = tidyTypes("e-mail type", p.EmailTypes, p.Emails)
	return err
}

// tidyTypes keeps the types of the values the list holds, in lower case.
func tidyTypes(field string, types map[string]string, values []string) (map[string]string, error) {
	out := map[string]string{}
	for _, v := range values {
		t := strings.ToLower(strings.TrimSpace(types[v]))
		if t == "" {
			continue
		}
		if err := validText(field, t); err != nil {
			return nil, err
		}
		out[v] = t
	}
	return out, nil
}

// validDate refuses a date that could be written but not read back (02-30,
// month 13): one such row would make every listing of people fail.
func validDate(field string, d cadence.MonthDay) error {
	if d.IsZero() {
		return nil
	}
	if _, err := cadence.ParseMonthDay(d.String()); err != nil {
		return kindErrorf(ErrInvalid, "%s: %v", field, err)
	}
	return nil
}

// MinYear is the earliest year a date may name: earlier ones are typos
// (0990 for 1990), and no one tend keeps was born before it.
const MinYear = 1900

// CheckBirthday refuses a birthday with a year before MinYear or after
// now: someone not yet born. (A day and month without a year is always
// fine.) A day of slack lets a birthday of today pass in every time zone.
// It is checked where a birthday comes in, so that a person kept with one
// from before can still be snoozed or archived.
func CheckBirthday(d cadence.MonthDay, now time.Time) error {
	if d.Year == 0 {
		return nil
	}
	if d.Year < MinYear {
		return kindErrorf(ErrInvalid, "birthday: year %d is before %d", d.Year, MinYear)
	}
	born := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	if born.After(now.UTC().AddDate(0, 0, 1)) {
		return kindErrorf(ErrInvalid, "birthday %s is in the future", d)
	}
	return nil
}

// MaxNameLength is the longest name accepted, in characters: far more than
// any real name, and short enough to show in a list.
const MaxNameLength = 200

// MaxTextBytes is the most any one text field holds (a note, a memory, a
// tag): a long letter is a few tens of kilobytes, and a bound keeps a
// runaway paste or a hostile file from filling the database.
const MaxTextBytes = 256 << 10

// validText refuses text that cannot be shown back as it was typed, and
// text too long to be anything but a mistake.
func validText(field, s string) error {
	if len(s) > MaxTextBytes {
		return kindErrorf(ErrInvalid, "%s is too long: %d KB, at most %d KB", field, (len(s)+1023)>>10, MaxTextBytes>>10)
	}
	if !utf8.ValidString(s) {
		return kindErrorf(ErrInvalid, "%s is not valid UTF-8", field)
	}
	if strings.ContainsRune(s, 0) {
		return kindErrorf(ErrInvalid, "%s contains a NUL byte", field)
	}
	return nil
}

// validNewText is validText for text coming in: a terminal would obey an
// escape sequence or take a carriage return as a move, so such text could
// not be shown back as it was typed.
func validNewText(field, s string) error {
	if err := validText(field, s); err != nil {
		return err
	}
	if r, ok := termtext.FirstControl(s); ok {
		return kindErrorf(ErrInvalid, "%s contains a control character (U+%04X); only newlines and tabs may be in text", field, r)
	}
	return nil
}

// checkControls refuses control characters in what p brings that old did
// not have. Text stored before the rule (or by another program) is kept
// as it is, so that snoozing or archiving such a person still works; tend
// shows it safely whatever it holds.
func (p *Person) checkControls(old *Person) error {
	kept := func(s string, was ...string) bool { return old != nil && slices.Contains(was, s) }
	if !kept(p.Name, nameOf(old)) {
		if err := validNewText("name", p.Name); err != nil {
			return err
		}
	}
	if !kept(p.Notes, notesOf(old)) {
		if err := validNewText("notes", p.Notes); err != nil {
			return err
		}
	}
	for _, list := range []struct {
		field    string
		now, was []string
	}{{"phone", p.Phones, listOf(old, "phone")}, {"email", p.Emails, listOf(old, "email")}, {"tag", p.Tags, listOf(old, "tag")}, {"date label", labels(p), labels(old)}} {
		for _, it := range list.now {
			if !kept(it, list.was...) {
				if err := validNewText(list.field, it); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func nameOf(p *Person) string {
	if p == nil {
		return ""
	}
	return p.Name
}

func notesOf(p *Person) string {
	if p == nil {
		return ""
	}
	return p.Notes
}

func listOf(p *Person, field string) []string {
	switch {
	case p == nil:
		return nil
	case field == "phone":
		return p.Phones
	case field == "email":
		return p.Emails
	}
	return p.Tags
}

func labels(p *Person) []string {
	if p == nil {
		return nil
	}
	out := make([]string, len(p.ImportantDates))
	for i, d := range p.ImportantDates {
		out[i] = d.Label
	}
	return out
}

func tidyList(field string, items []string) ([]string, error) {
	out := []string{}
	seen := map[string]bool{}
	for _, it := range items {
		it = strings.TrimSpace(it)
		if err := validText(field, it); err != nil {
			return nil, err
		}
		if it == "" || seen[strings.ToLower(it)] {
			continue
		}
		seen[strings.ToLower(it)] = true
		out = append(out, it)
	}
	return out, nil
}

// nameKey folds a name for case-insensitive comparison, Unicode included.
func nameKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// AddPerson stores a new person and returns it with its id and times set.
func (s *Store) AddPerson(ctx context.Context, p Person) (Person, error) {
	if err := p.Validate(); err != nil {
		return Person{}, err
	}
	if err := CheckBirthday(p.Birthday, s.moment()); err != nil {
		return Person{}, err
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
		return Person{}, err
	}
	return p, nil
}

// insertPersonSQL writes a person's row; personRow gives its values.
const insertPersonSQL = `INSERT INTO people (id, name, name_key, tier, every_days, birthday, phones, emails, tags,
	notes, created_at, updated_at, archived_at, snoozed_until, aliases,
	org, job_title, phone_types, email_types, name_parts, uid)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// personRow is p as the columns of insertPersonSQL hold it, in their order.
func personRow(p Person) []any {
	return []any{p.ID, p.Name, nameKey(p.Name), string(p.Tier), nullInt(p.Every), nullString(p.Birthday.String()),
		jsonList(p.Phones), jsonList(p.Emails), jsonList(p.Tags), p.Notes,
		formatTime(p.CreatedAt), formatTime(p.UpdatedAt),
		formatOptionalTime(p.ArchivedAt), formatOptionalTime(p.SnoozedUntil), jsonList(p.Aliases),
		p.Org, p.JobTitle, jsonTypes(p.Phones, p.PhoneTypes), jsonTypes(p.Emails, p.EmailTypes),
		jsonNameParts(p.NameParts), p.UID}
}

func insertPerson(ctx context.Context, tx *sql.Tx, p Person) error {
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
func checkNameFree(ctx context.Context, tx *sql.Tx, p Person) error {
	if p.Archived() {
		return nil
	}
	var name string
	err := tx.QueryRowContext(ctx,
		`SELECT name FROM people WHERE name_key = ? AND archived_at IS NULL AND id <> ?`,
		nameKey(p.Name), p.ID).Scan(&name)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("check name: %w", err)
	}
	return kindErrorf(ErrNameTaken, "%q is already someone in tend (use --name on edit, or archive them first)", name)
}

// checkAliasesFree refuses an alias that is already another active
// person's name or alias, and a name that is another's alias: an alias
// must name one person, as a name does.
func checkAliasesFree(ctx context.Context, tx *sql.Tx, p Person) error {
	if p.Archived() {
		return nil
	}
	mine := map[string]string{} // folded alias → as typed
	for _, a := range p.Aliases {
		mine[Fold(a)] = a
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
	name := Fold(p.Name)
	for rows.Next() {
		var other, raw string
		if err := rows.Scan(&other, &raw); err != nil {
			return fmt.Errorf("check aliases: %w", err)
		}
		theirs, err := parseList(raw)
		if err != nil {
			return fmt.Errorf("check aliases: %w", err)
		}
		if a, ok := mine[Fold(other)]; ok {
			return kindErrorf(ErrNameTaken, "alias %q is %s's name", a, other)
		}
		for _, t := range theirs {
			if a, ok := mine[Fold(t)]; ok {
				return kindErrorf(ErrNameTaken, "alias %q is already %s's", a, other)
			}
			if Fold(t) == name {
				return kindErrorf(ErrNameTaken, "%q is already an alias of %s", p.Name, other)
			}
		}
	}
	return rows.Err()
}

func writeDates(ctx context.Context, tx *sql.Tx, p Person) error {
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
func (s *Store) UpdatePerson(ctx context.Context, id string, change func(*Person) error) (Person, error) {
	var out Person
	err := s.change(ctx, func(tx *sql.Tx) (string, error) {
		desc, err := s.updatePerson(ctx, tx, id, change, &out)
		return desc, err
	})
	return out, err
}

// updatePerson is UpdatePerson inside a transaction; it returns the words
// for the journal.
func (s *Store) updatePerson(ctx context.Context, tx *sql.Tx, id string, change func(*Person) error, result *Person) (string, error) {
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
		if err := p.validate(); err != nil {
			return err
		}
		if err := p.checkControls(&before); err != nil {
			return err
		}
		if p.Birthday != before.Birthday {
			if err := CheckBirthday(p.Birthday, s.moment()); err != nil {
				return err
			}
		}
		p.ID = id
		p.UpdatedAt = s.moment()
		if err := checkNameFree(ctx, tx, p); err != nil {
			return err
		}
		if err := checkAliasesFree(ctx, tx, p); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `
			UPDATE people SET name = ?, name_key = ?, tier = ?, every_days = ?, birthday = ?,
			       phones = ?, emails = ?, tags = ?, notes = ?, updated_at = ?,
			       archived_at = ?, snoozed_until = ?, aliases = ?,
			       org = ?, job_title = ?, phone_types = ?, email_types = ?, name_parts = ?, uid = ?
			WHERE id = ?`,
			p.Name, nameKey(p.Name), string(p.Tier), nullInt(p.Every), nullString(p.Birthday.String()),
			jsonList(p.Phones), jsonList(p.Emails), jsonList(p.Tags), p.Notes, formatTime(p.UpdatedAt),
			formatOptionalTime(p.ArchivedAt), formatOptionalTime(p.SnoozedUntil), jsonList(p.Aliases),
			p.Org, p.JobTitle, jsonTypes(p.Phones, p.PhoneTypes), jsonTypes(p.Emails, p.EmailTypes),
			jsonNameParts(p.NameParts), p.UID, id)
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

// DeletePerson removes a person with their memories and dates, and takes
// them out of shared interactions; an interaction left with nobody goes too.
func (s *Store) DeletePerson(ctx context.Context, id string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM people WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return kindErrorf(ErrNotFound, "no person with id %s", id)
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
func (s *Store) Person(ctx context.Context, id string) (Person, error) {
	return getPerson(ctx, s.db, id)
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const personColumns = `p.id, p.name, p.tier, p.every_days, p.birthday, p.phones, p.emails, p.tags,
	p.notes, p.created_at, p.updated_at, p.archived_at, p.snoozed_until, p.aliases,
	p.org, p.job_title, p.phone_types, p.email_types, p.name_parts, p.uid`

func getPerson(ctx context.Context, q queryer, id string) (Person, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+personColumns+` FROM people p WHERE p.id = ?`, id)
	if err != nil {
		return Person{}, fmt.Errorf("load person: %w", err)
	}
	people, err := scanPeople(rows)
	if err != nil {
		return Person{}, err
	}
	if len(people) == 0 {
		return Person{}, kindErrorf(ErrNotFound, "no person with id %s", id)
	}
	if err := loadDates(ctx, q, people); err != nil {
		return Person{}, err
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
func (f PeopleFilter) keep(p Person) bool {
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
func (s *Store) People(ctx context.Context, f PeopleFilter) ([]Person, error) {
	where, args := f.where()
	people, err := s.queryPeople(ctx, where+` ORDER BY p.name_key, p.id`, args)
	if err != nil {
		return nil, err
	}
	people = slices.DeleteFunc(people, func(p Person) bool { return !f.keep(p) })
	return people, loadDates(ctx, s.db, people)
}

// queryPeople reads the people a condition (and order) selects, without
// their important dates.
func (s *Store) queryPeople(ctx context.Context, where string, args []any) ([]Person, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+personColumns+` FROM people p`+where, args...)
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	return scanPeople(rows)
}

type scanner interface{ Scan(dest ...any) error }

func scanPeople(rows *sql.Rows) ([]Person, error) {
	defer rows.Close()
	people := []Person{}
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
func scanPerson(row scanner, extra ...any) (Person, error) {
	var (
		p                                 Person
		tier                              string
		every                             sql.NullInt64
		birthday                          sql.NullString
		phones, emails, tags              string
		aliases                           string
		created, updated                  string
		archived, snoozed                 sql.NullString
		phoneTypes, emailTypes, nameParts string
	)
	dest := append([]any{&p.ID, &p.Name, &tier, &every, &birthday, &phones, &emails, &tags,
		&p.Notes, &created, &updated, &archived, &snoozed, &aliases,
		&p.Org, &p.JobTitle, &phoneTypes, &emailTypes, &nameParts, &p.UID}, extra...)
	if err := row.Scan(dest...); err != nil {
		return Person{}, fmt.Errorf("read person: %w", err)
	}
	p.Tier = cadence.Tier(tier)
	p.Every = int(every.Int64)
	var err error
	if birthday.Valid && birthday.String != "" {
		if p.Birthday, err = cadence.ParseMonthDay(birthday.String); err != nil {
			return Person{}, fmt.Errorf("person %s birthday: %w", p.ID, err)
		}
	}
	for _, l := range []struct {
		raw  string
		into *[]string
	}{{phones, &p.Phones}, {emails, &p.Emails}, {tags, &p.Tags}, {aliases, &p.Aliases}} {
		if *l.into, err = parseList(l.raw); err != nil {
			return Person{}, fmt.Errorf("person %s: stored list: %w", p.ID, err)
		}
	}
	if p.CreatedAt, err = parseTime(created); err != nil {
		return Person{}, err
	}
	if p.UpdatedAt, err = parseTime(updated); err != nil {
		return Person{}, err
	}
	if p.ArchivedAt, err = parseOptionalTime(archived); err != nil {
		return Person{}, err
	}
	if p.SnoozedUntil, err = parseOptionalTime(snoozed); err != nil {
		return Person{}, err
	}
	if p.PhoneTypes, err = parseTypes(phoneTypes); err != nil {
		return Person{}, fmt.Errorf("person %s: stored phone types: %w", p.ID, err)
	}
	if p.EmailTypes, err = parseTypes(emailTypes); err != nil {
		return Person{}, fmt.Errorf("person %s: stored e-mail types: %w", p.ID, err)
	}
	if p.NameParts, err = parseNameParts(nameParts); err != nil {
		return Person{}, fmt.Errorf("person %s: stored name parts: %w", p.ID, err)
	}
	p.ImportantDates = []ImportantDate{}
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
func loadDates(ctx context.Context, q queryer, people []Person) error {
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
			people[i].ImportantDates = append(people[i].ImportantDates, ImportantDate{Label: d.Label, Date: d.Date})
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
