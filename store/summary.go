package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// historyQuery reads the rows of person_history, which triggers keep up to
// date on every write (migration 0002): one short row per person, however
// long their history, so that the cost of ranking follows the number of
// people. Summaries reads them apart from the people, in the table's own
// order, and matches them in memory: joining them in name order would read
// the table's pages in random order, each many times over once the table is
// larger than SQLite's page cache. TestHistoryQueryPlans pins the plans.
//
// The columns come joined into one, separated by NUL, as in cadenceQuery,
// for the driver's cost of each column. The id comes last: the lists
// (JSON, which escapes NUL), the time and the channel cannot hold a NUL,
// and whatever follows the fourth is the id, even an imported one with a
// NUL in it. coalesce keeps a field for a NULL, which concat_ws would skip.
const historyQuery = `SELECT concat_ws(char(0), recent, recent_real, coalesce(last_in_at, ''),
	coalesce(last_in_via, ''), person_id) FROM person_history`

// Summaries lists people with their cadence inputs, ordered by name.
func (s *Store) Summaries(ctx context.Context, f PeopleFilter) ([]domain.Summary, error) {
	where, args := f.where()
	return s.summaries(ctx, where, args, f, "")
}

// EachSummary calls fn with the summary of each person f selects, in name
// order, as Summaries lists them, stopping at fn's first error, and with
// how many it gives in all (the same each time), so that fn can make room
// for them at once. The summary's Recent and RecentReal live only until fn
// returns (their memory is used again for the next person): fn must copy
// them to keep them. Those who list thousands of people and keep only
// where each stands read them so, without holding everyone's history at
// once.
func (s *Store) EachSummary(ctx context.Context, f PeopleFilter, fn func(sum *domain.Summary, total int) error) error {
	where, args := f.where()
	return s.eachSummary(ctx, where, args, f, "", fn)
}

// Summary returns one person's summary.
func (s *Store) Summary(ctx context.Context, id string) (domain.Summary, error) {
	out, err := s.summaries(ctx, ` WHERE p.id = ?`, []any{id}, PeopleFilter{}, id)
	if err != nil {
		return domain.Summary{}, err
	}
	if len(out) == 0 {
		return domain.Summary{}, domain.Errorf(domain.ErrNotFound, "no person with id %s", id)
	}
	return out[0], nil
}

// summaries is eachSummary, kept.
func (s *Store) summaries(ctx context.Context, where string, args []any, f PeopleFilter, one string) ([]domain.Summary, error) {
	var out []domain.Summary
	err := s.eachSummary(ctx, where, args, f, one, func(sum *domain.Summary, total int) error {
		if out == nil {
			out = make([]domain.Summary, 0, total)
		}
		sum.Recent, sum.RecentReal = slices.Clone(sum.Recent), slices.Clone(sum.RecentReal)
		out = append(out, *sum)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if out == nil {
		out = []domain.Summary{}
	}
	return out, nil
}

// eachSummary loads the people the condition selects, and their history
// and reminders — everyone's, or only those of the person with the id one,
// when the condition selects only them — and hands each summary to fn.
func (s *Store) eachSummary(ctx context.Context, where string, args []any, f PeopleFilter, one string, fn func(sum *domain.Summary, total int) error) error {
	people, err := s.peopleInOrder(ctx, where, args, f, one)
	if err != nil || people.n == 0 {
		return err
	}
	dateOf := ""
	if people.n == 1 {
		dateOf = people.at(0).ID
	}
	dates, err := datesByPerson(ctx, s.db, dateOf)
	if err != nil {
		return err
	}
	hist, err := s.historyOf(ctx, &people, one)
	if err != nil {
		return err
	}
	reminders, err := remindersByPerson(ctx, s.db, one)
	if err != nil {
		return err
	}
	var (
		buf historyLists // every person's lists, in turn
		sum domain.Summary
	)
	for _, i := range people.order {
		p := people.at(i)
		for _, d := range dates[p.ID] {
			p.ImportantDates = append(p.ImportantDates, domain.ImportantDate{Label: d.Label, Date: d.Date})
		}
		sum = domain.Summary{Person: *p, Reminders: reminders[p.ID]}
		sum.Recent, sum.RecentReal = buf.recent[:0:0], buf.real[:0:0]
		if r := hist.rows[i]; r.set {
			b := hist.text
			h, err := parseHistory(b[r.at[0]:r.at[1]], b[r.at[1]:r.at[2]], b[r.at[2]:r.at[3]], b[r.at[3]:r.at[4]], &buf)
			if err != nil {
				return fmt.Errorf("person %s: %w", p.ID, err)
			}
			sum.LastReal, sum.Last, sum.LastIn, sum.Recent, sum.RecentReal = h.lastReal, h.last, h.lastIn, h.recent, h.recentReal
		}
		*p = domain.Person{} // theirs is sum's now, and fn's
		if err := fn(&sum, people.n); err != nil {
			return err
		}
	}
	return nil
}

// peopleChunk is how many people a chunk of orderedPeople holds.
const peopleChunk = 256

// orderedPeople are people as read, in chunks, so that reading ten
// thousand never copies them to grow a slice, with the order to give them
// in.
type orderedPeople struct {
	chunks [][]domain.Person
	n      int
	order  []int // places of people, in the order to give them
}

func (o *orderedPeople) at(i int) *domain.Person { return &o.chunks[i/peopleChunk][i%peopleChunk] }

func (o *orderedPeople) add(p *domain.Person) {
	if o.n%peopleChunk == 0 {
		o.chunks = append(o.chunks, make([]domain.Person, 0, peopleChunk))
	}
	last := &o.chunks[len(o.chunks)-1]
	*last = append(*last, *p)
	o.n++
}

// peopleInOrder reads the people the condition selects and f keeps, in
// name order (see queryPeopleByName), or the person with the id one.
func (s *Store) peopleInOrder(ctx context.Context, where string, args []any, f PeopleFilter, one string) (orderedPeople, error) {
	var (
		out  orderedPeople
		keys []string
	)
	query, withKey := `SELECT concat_ws(char(0), p.rowid, `+joinedPersonColumns+`) FROM people p`+where, false
	switch {
	case one != "":
	case f.Archived:
		query += ` ORDER BY p.name_key, p.id`
	default:
		query, withKey = peopleByNameQuery(where), true
	}
	err := s.eachJoinedPerson(ctx, query, args, withKey, func(p *domain.Person, key string) {
		if f.keep(*p) {
			out.add(p)
			keys = append(keys, key)
		}
	})
	if err != nil {
		return out, err
	}
	out.order = make([]int, out.n)
	for i := range out.order {
		out.order[i] = i
	}
	if withKey {
		slices.SortFunc(out.order, func(a, b int) int {
			if c := strings.Compare(keys[a], keys[b]); c != 0 {
				return c
			}
			return strings.Compare(out.at(a).ID, out.at(b).ID)
		})
	}
	return out, nil
}

// histories are the rows of person_history of a list of people, as read:
// each person's fields are spans of one text, so that reading ten thousand
// rows makes no garbage but the text, and parsing them waits until each
// person's turn.
type histories struct {
	text []byte
	rows []historySpan // by the person's place in the list
}

// historySpan is where the fields of one row of person_history are in
// histories.text: recent, recent_real, last_in_at and last_in_via end at
// at[1] to at[4].
type historySpan struct {
	at  [5]int
	set bool
}

// historyOf reads the rows of person_history of people: everyone's, or
// the person's with the id one.
func (s *Store) historyOf(ctx context.Context, people *orderedPeople, one string) (histories, error) {
	index := make(map[string]int, people.n)
	for i := range people.n {
		index[people.at(i).ID] = i
	}
	// Most rows are shorter than a kilobyte: room made ahead, and never
	// touched where not used, spares copying the text as it grows.
	out := histories{text: make([]byte, 0, people.n<<10), rows: make([]historySpan, people.n)}
	query, queryArgs := historyQuery, []any(nil)
	if one != "" {
		query, queryArgs = historyQuery+` WHERE person_id = ?`, []any{one}
	}
	// Each row is copied while SQLite reads the next ones (eachRowAhead).
	err := eachRowAhead(ctx, s.db, query, queryArgs, "load history", func(row []byte) error {
		var fields [4][]byte
		rest := row
		for j := range fields {
			var ok bool
			if fields[j], rest, ok = bytes.Cut(rest, []byte{0}); !ok {
				return fmt.Errorf("load history: a row of %d fields", j+1)
			}
		}
		i, ok := index[string(rest)]
		if !ok {
			return nil // someone the filter left out
		}
		r := &out.rows[i]
		r.set = true
		r.at[0] = len(out.text)
		for j, f := range fields {
			out.text = append(out.text, f...)
			r.at[j+1] = len(out.text)
		}
		return nil
	})
	return out, err
}

// cadenceQuery reads what ranking needs of each active person and their
// row of person_history, in one pass over both tables in person id order
// (the people through the people_cadence index, person_history in its own
// order), so each page is read once. TestHistoryQueryPlans pins the plan.
//
// The columns come joined into one, separated by NUL: the driver's cost
// for each column of each row is as large as SQLite's for the row, and at
// ten thousand people one column instead of eleven halves the time of the
// query. NUL cannot be in a name (validText refuses it), a tier, a date or
// a person_history list (JSON escapes it); an imported id could hold one,
// and so give a row of the wrong number of fields: that person is read
// again column by column (cadenceRowQuery), by the rowid that starts the
// row. Nullable columns are coalesced to the empty string: concat_ws skips
// NULLs.
const cadenceQuery = `
	SELECT concat_ws(char(0), p.rowid, ` + cadenceColumns + `)
	FROM people p LEFT JOIN person_history h ON h.person_id = p.id
	WHERE p.archived_at IS NULL
	ORDER BY p.id`

const cadenceColumns = `p.id, p.name, p.tier, coalesce(p.every_days, ''), coalesce(p.birthday, ''),
	p.created_at, coalesce(p.snoozed_until, ''), coalesce(h.recent, ''), coalesce(h.recent_real, ''),
	coalesce(h.last_in_at, ''), coalesce(h.last_in_via, '')`

// cadenceRowQuery reads one row of cadenceQuery column by column, and the
// person's tags, which cadenceQuery leaves to tagsQuery: the people_cadence
// index it reads alone holds no tags. (Reading one row by its rowid reads
// the whole row anyway.)
const cadenceRowQuery = `SELECT ` + cadenceColumns + `, p.tags
	FROM people p LEFT JOIN person_history h ON h.person_id = p.id WHERE p.rowid = ?`

// cadenceJoinedRowQuery is cadenceRowQuery with the fields joined by NUL
// in one column, as cadenceQuery reads them: the driver's cost (and
// garbage) is per column, and today reads one person at a time by this.
// concat_ws skips NULLs, so every nullable column is coalesced. As a blob,
// the row comes as the driver's one copy, where text is copied twice (into
// a string, then into the bytes scanned).
const cadenceJoinedRowQuery = `SELECT CAST(concat_ws(char(0), ` + cadenceColumns + `, coalesce(p.tags, '')) AS BLOB)
	FROM people p LEFT JOIN person_history h ON h.person_id = p.id WHERE p.rowid = ?`

// cadenceFields is the number of fields in a row of cadenceQuery, after
// the rowid, and the tags.
const cadenceFields = 12

// tagsQuery reads the tags of the active people who have any, for
// cadenceQuery's rows.
const tagsQuery = `SELECT id, tags FROM people WHERE archived_at IS NULL AND tags <> '[]'`

// EachCadence calls fn with the cadence engine's input for each active
// person, in no order to rely on, stopping at fn's first error. The input
// is what Summaries gives, less what only a listing shows (phones, e-mails,
// tags, notes).
//
// It holds one person at a time, so that ranking thousands of people, which
// keeps only the few it suggests, touches little memory: the person's
// Recent and RecentReal live only until fn returns (their memory is used
// again for the next person), so fn must copy them to keep them, as
// cadence.Ranking does.
func (s *Store) EachCadence(ctx context.Context, fn func(cadence.Person) error) error {
	return s.eachCadenceOf(ctx, true, fn)
}

// EachCadenceUnder is EachCadence for people to be judged under rules: it
// leaves out their tags (Person.Tags is then empty) when the rules read
// none, which spares reading the whole of the people table for them.
func (s *Store) EachCadenceUnder(ctx context.Context, rules *cadence.Rules, fn func(cadence.Person) error) error {
	return s.eachCadenceOf(ctx, rules.ReadsTags(), fn)
}

func (s *Store) eachCadenceOf(ctx context.Context, withTags bool, fn func(cadence.Person) error) error {
	dates, err := datesByPerson(ctx, s.db, "")
	if err != nil {
		return err
	}
	reminders, err := remindersByPerson(ctx, s.db, "")
	if err != nil {
		return err
	}
	return eachCadence(ctx, s.db, dates, reminders, withTags, fn)
}

// eachCadence is EachCadence through q, given everyone's important dates
// and reminders; without withTags, it reads no tags but those of a row it
// reads again column by column.
func eachCadence(ctx context.Context, q queryer, dates map[string][]cadence.Dated, reminders map[string][]cadence.Reminder, withTags bool, fn func(cadence.Person) error) error {
	var tags map[string][]byte
	if withTags {
		var err error
		if tags, err = tagsByPerson(ctx, q); err != nil {
			return err
		}
	}
	var (
		buf    historyLists // every person's lists, in turn
		fields [cadenceFields][]byte
	)
	person := func(row []byte) error {
		rowid, rest, _ := bytes.Cut(row, []byte{0})
		n := 0
		for field := range bytes.SplitSeq(rest, []byte{0}) {
			if n < len(fields) {
				fields[n] = field
			}
			n++
		}
		if n == len(fields)-1 {
			fields[n] = tags[string(fields[0])]
		} else if err := cadenceRow(ctx, q, rowid, &fields); err != nil {
			return err
		}
		p, err := rankingInput(fields, &buf, dates, reminders)
		if err != nil {
			return err
		}
		return fn(p)
	}
	return eachRowAhead(ctx, q, cadenceQuery, nil, "load people", person)
}

// cadenceRow reads the fields of one person's row column by column, for a
// row whose fields could not be told apart.
func cadenceRow(ctx context.Context, q queryer, rowid []byte, fields *[cadenceFields][]byte) error {
	return scanCadenceRow(q.QueryRowContext(ctx, cadenceRowQuery, string(rowid)), fields)
}

// scanCadenceRow reads a row of cadenceRowQuery into fields.
func scanCadenceRow(row *sql.Row, fields *[cadenceFields][]byte) error {
	dest := make([]any, cadenceFields)
	for i := range fields {
		dest[i] = &fields[i]
	}
	if err := row.Scan(dest...); err != nil {
		return fmt.Errorf("read person: %w", err)
	}
	return nil
}

// rankingInput is cadencePerson with the person's important dates and
// open memories with a due date, from everyone's.
func rankingInput(f [cadenceFields][]byte, buf *historyLists, dates map[string][]cadence.Dated, reminders map[string][]cadence.Reminder) (cadence.Person, error) {
	p, err := cadencePerson(f, buf)
	if err != nil {
		return p, err
	}
	p.ImportantDates = dates[p.ID]
	if p.ImportantDates == nil {
		p.ImportantDates = []cadence.Dated{} // as domain.Summary.Cadence gives it
	}
	p.Reminders = reminders[p.ID]
	return p, nil
}

// cadencePerson reads the fields of a row of cadenceQuery.
func cadencePerson(f [cadenceFields][]byte, buf *historyLists) (cadence.Person, error) {
	p := cadence.Person{ID: string(f[0]), Name: string(f[1]), Tier: tierNames[string(f[2])]}
	if p.Tier == "" {
		return p, fmt.Errorf("person %s: stored tier %q", p.ID, f[2])
	}
	var err error
	if len(f[3]) > 0 {
		if p.Every, err = strconv.Atoi(string(f[3])); err != nil {
			return p, fmt.Errorf("person %s: stored rhythm %q", p.ID, f[3])
		}
	}
	if len(f[4]) > 0 {
		if p.Birthday, err = cadence.ParseMonthDay(string(f[4])); err != nil {
			return p, fmt.Errorf("person %s birthday: %w", p.ID, err)
		}
	}
	if p.CreatedAt, err = parseTime(f[5]); err != nil {
		return p, err
	}
	if len(f[6]) > 0 {
		if p.SnoozedUntil, err = parseTime(f[6]); err != nil {
			return p, err
		}
	}
	h, err := parseHistory(f[7], f[8], f[9], f[10], buf)
	if err != nil {
		return p, fmt.Errorf("person %s: %w", p.ID, err)
	}
	p.LastReal, p.Last, p.LastIn, p.Recent, p.RecentReal = h.lastReal, h.last, h.lastIn, h.recent, h.recentReal
	// Most people have no tags: "[]" is not worth decoding.
	p.Tags = noTags
	if len(f[11]) > 2 {
		p.Tags = nil
		if err := json.Unmarshal(f[11], &p.Tags); err != nil {
			return p, fmt.Errorf("person %s: stored tags: %w", p.ID, err)
		}
	}
	return p, nil
}

// noTags is the tags of everyone without any, as Summary.Cadence gives
// them: empty, not nil. Appending to it makes a new slice.
var noTags = []string{}

// tagsByPerson reads the tags of the active people who have any, by id, as
// stored (a JSON array).
func tagsByPerson(ctx context.Context, q queryer) (map[string][]byte, error) {
	rows, err := q.QueryContext(ctx, tagsQuery)
	if err != nil {
		return nil, fmt.Errorf("load tags: %w", err)
	}
	defer rows.Close()
	out := map[string][]byte{}
	for rows.Next() {
		var (
			id   string
			tags []byte
		)
		if err := rows.Scan(&id, &tags); err != nil {
			return nil, fmt.Errorf("load tags: %w", err)
		}
		out[id] = tags
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load tags: %w", err)
	}
	return out, nil
}

// tierNames maps a stored tier to its constant, so that reading one
// allocates nothing.
var tierNames = func() map[string]cadence.Tier {
	m := map[string]cadence.Tier{}
	for _, t := range cadence.Tiers() {
		m[string(t)] = t
	}
	return m
}()

// CadencePeople returns the cadence engine's input for every active person,
// ordered by name, as Summaries would give it: for those that rank everyone
// at once (a plan) and print no more of them than their names.
func (s *Store) CadencePeople(ctx context.Context) ([]cadence.Person, error) {
	var out []cadence.Person
	err := s.EachCadence(ctx, func(p cadence.Person) error {
		p.Recent, p.RecentReal = slices.Clone(p.Recent), slices.Clone(p.RecentReal)
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	keys := make(map[string]string, len(out))
	for _, p := range out {
		keys[p.ID] = domain.NameKey(p.Name)
	}
	slices.SortFunc(out, func(a, b cadence.Person) int {
		if c := cmp.Compare(keys[a.ID], keys[b.ID]); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if out == nil {
		out = []cadence.Person{}
	}
	return out, nil
}

// history is a row of person_history, read.
type history struct {
	lastReal, last, lastIn cadence.Contact
	recent                 []cadence.Contact
	recentReal             []time.Time
}

// historyLists holds one person's lists.
type historyLists struct {
	recent [cadence.RecentCount]cadence.Contact
	real   [cadence.RealCount]time.Time
}

// parseHistory reads a row of person_history into buf: LastReal, Last,
// Recent and RecentReal from the lists, and LastIn (lastInAt is empty when
// they never started an interaction).
func parseHistory(recent, real, lastInAt, lastInVia []byte, buf *historyLists) (history, error) {
	var h history
	n := 0
	err := parseContacts(recent, len(buf.recent), func(c cadence.Contact) {
		buf.recent[n] = c
		n++
	})
	if err != nil {
		return h, err
	}
	h.recent = buf.recent[:n:n]
	n = 0
	err = parseContacts(real, len(buf.real), func(c cadence.Contact) {
		if n == 0 {
			h.lastReal = c
		}
		buf.real[n] = c.At
		n++
	})
	if err != nil {
		return h, err
	}
	h.recentReal = buf.real[:n:n]
	if len(h.recent) > 0 {
		h.last = h.recent[0]
	}

	// Their latest message: the newest of the recent ones they started, or
	// the one person_history keeps, if within a year and a day of the
	// latest interaction. The one-sided rule asks only whether they reached
	// out within a year, so an older message is left out, as cadence allows.
	for _, c := range h.recent {
		if c.Direction == cadence.In {
			h.lastIn = c
			return h, nil
		}
	}
	if len(lastInAt) == 0 || len(h.recent) < cadence.RecentCount {
		return h, nil
	}
	at, err := parseTime(lastInAt)
	if err != nil {
		return h, err
	}
	if !at.Before(h.recent[0].At.AddDate(0, 0, -(cadence.OneSidedDays + 1))) {
		via := channelOf(lastInVia)
		if via == "" {
			return h, fmt.Errorf("stored channel %q", lastInVia)
		}
		h.lastIn = cadence.Contact{At: at, Via: via, Direction: cadence.In}
	}
	return h, nil
}

// channelOf returns the channel a stored name stands for, or "" for none;
// a switch on the bytes allocates nothing and is faster than a map.
func channelOf(b []byte) cadence.Channel {
	switch string(b) {
	case "in-person":
		return cadence.InPerson
	case "call":
		return cadence.Call
	case "video":
		return cadence.Video
	case "text":
		return cadence.Text
	case "email":
		return cadence.Email
	case "letter":
		return cadence.Letter
	case "social":
		return cadence.Social
	case "gift":
		return cadence.Gift
	}
	return ""
}

// directionOf returns the direction a stored name stands for, or "".
func directionOf(b []byte) cadence.Direction {
	switch string(b) {
	case "in":
		return cadence.In
	case "out":
		return cadence.Out
	}
	return ""
}

// atoi reads a whole number of seconds, perhaps negative (before 1970).
func atoi(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// parseContacts reads a list of person_history, a JSON array of
// [Unix seconds, via, direction, interaction id, missed] newest first
// (missed, 0 or 1, since migration 0005), and hands
// each of the first limit entries to add.
//
// Ten thousand people are twenty thousand lists, so the usual shape (no
// escapes) is read by hand, many times faster than encoding/json; any other
// shape, such as an imported id with a quote in it, goes through
// encoding/json.
func parseContacts(list []byte, limit int, add func(cadence.Contact)) error {
	if len(list) == 0 || string(list) == "[]" {
		return nil
	}
	if bytes.IndexByte(list, '\\') >= 0 {
		return parseContactsJSON(list, limit, add)
	}
	var entries [cadence.RealCount]cadence.Contact // a list holds at most RealCount
	n, ok := scanContacts(list, entries[:min(limit, len(entries))])
	if !ok {
		return parseContactsJSON(list, limit, add)
	}
	for _, c := range entries[:n] {
		if c.Via == "" || c.Direction == "" {
			return fmt.Errorf("stored history %q: unknown channel or direction", list)
		}
		add(c)
	}
	return nil
}

// scanContacts reads the usual shape of a list into out, and reports how
// many entries it read, or false if the list is not of that shape.
func scanContacts(list []byte, out []cadence.Contact) (int, bool) {
	rest, ok := bytes.CutPrefix(list, []byte("[["))
	if !ok {
		return 0, false
	}
	n := 0
	for n < len(out) {
		// 1732480000,"call","out","01J..."] then ,[ or ]
		comma := bytes.IndexByte(rest, ',')
		if comma < 1 {
			return 0, false
		}
		sec, ok := atoi(rest[:comma])
		if !ok {
			return 0, false
		}
		rest = rest[comma+1:]
		var fields [3][]byte // via, direction, id
		for i := range fields {
			if rest, ok = bytes.CutPrefix(rest, []byte(`"`)); !ok {
				return 0, false
			}
			end := bytes.IndexByte(rest, '"')
			if end < 0 {
				return 0, false
			}
			fields[i], rest = rest[:end], rest[end+1:]
			if i < len(fields)-1 {
				if rest, ok = bytes.CutPrefix(rest, []byte(",")); !ok {
					return 0, false
				}
			}
		}
		// The missed flag, since migration 0005; entries written before
		// it have none.
		missed := false
		if r, ok := bytes.CutPrefix(rest, []byte(",1")); ok {
			missed, rest = true, r
		} else if r, ok := bytes.CutPrefix(rest, []byte(",0")); ok {
			rest = r
		}
		out[n] = cadence.Contact{At: time.Unix(sec, 0).UTC(), Via: channelOf(fields[0]), Direction: directionOf(fields[1]), Missed: missed}
		n++
		if string(rest) == "]]" {
			break
		}
		if rest, ok = bytes.CutPrefix(rest, []byte("],[")); !ok {
			return 0, false
		}
	}
	return n, true
}

// parseContactsJSON is parseContacts by encoding/json, for any list.
func parseContactsJSON(list []byte, limit int, add func(cadence.Contact)) error {
	var raw [][]json.RawMessage
	if err := json.Unmarshal(list, &raw); err != nil {
		return fmt.Errorf("stored history %q: %w", list, err)
	}
	for _, e := range raw[:min(limit, len(raw))] {
		var (
			sec      int64
			via, dir string
			missed   int
		)
		if len(e) < 4 || len(e) > 5 || json.Unmarshal(e[0], &sec) != nil || json.Unmarshal(e[1], &via) != nil || json.Unmarshal(e[2], &dir) != nil ||
			len(e) == 5 && (json.Unmarshal(e[4], &missed) != nil || missed < 0 || missed > 1) {
			return fmt.Errorf("stored history %q: want [seconds, via, direction, id, missed] entries", list)
		}
		add(cadence.Contact{At: time.Unix(sec, 0).UTC(), Via: cadence.Channel(via), Direction: cadence.Direction(dir), Missed: missed == 1})
	}
	return nil
}

// remindersQuery reads the open memories with a due date, through their
// own index; personRemindersQuery those of one person, through theirs.
const (
	remindersQuery = `SELECT person_id, text, due FROM memories
	WHERE done_at IS NULL AND due IS NOT NULL ORDER BY due, created_at`
	personRemindersQuery = `SELECT person_id, text, due FROM memories
	WHERE person_id = ? AND done_at IS NULL AND due IS NOT NULL ORDER BY due, created_at`
)

// remindersByPerson reads open memories with a due date, by person, each
// person's in order of due date and creation: everyone's, or only those of
// the person with the id one.
func remindersByPerson(ctx context.Context, q queryer, one string) (map[string][]cadence.Reminder, error) {
	query, args := remindersQuery, []any(nil)
	if one != "" {
		query, args = personRemindersQuery, []any{one}
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("load memories: %w", err)
	}
	defer rows.Close()
	out := map[string][]cadence.Reminder{}
	for rows.Next() {
		var pid, text string
		var due sql.NullString
		if err := rows.Scan(&pid, &text, &due); err != nil {
			return nil, fmt.Errorf("load memories: %w", err)
		}
		d, err := parseOptionalDate(due)
		if err != nil {
			return nil, err
		}
		out[pid] = append(out[pid], cadence.Reminder{Text: text, Due: d})
	}
	return out, rows.Err()
}

// datesByPerson reads important dates by person, each person's by month
// and day, then label: everyone's, or only those of the person with the id
// one.
func datesByPerson(ctx context.Context, q queryer, one string) (map[string][]cadence.Dated, error) {
	query, args := `SELECT person_id, label, date FROM important_dates ORDER BY person_id, substr(date, -5), label`, []any(nil)
	if one != "" {
		query, args = `SELECT person_id, label, date FROM important_dates WHERE person_id = ? ORDER BY substr(date, -5), label`, []any{one}
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("load dates: %w", err)
	}
	defer rows.Close()
	out := map[string][]cadence.Dated{}
	for rows.Next() {
		var id, label, date string
		if err := rows.Scan(&id, &label, &date); err != nil {
			return nil, fmt.Errorf("load dates: %w", err)
		}
		d, err := cadence.ParseMonthDay(date)
		if err != nil {
			return nil, fmt.Errorf("person %s date: %w", id, err)
		}
		out[id] = append(out[id], cadence.Dated{Label: label, Date: d})
	}
	return out, rows.Err()
}
