package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/tend-app/tend/cadence"
)

// A Ranker takes people one at a time and says when it needs no more of
// them: a *cadence.Ranking.
type Ranker interface {
	Add(cadence.Person)
	Needs(ceiling float64) bool
	Rules() cadence.Rules
}

// overdueSQL is cadence.Overdue at ?1 (Unix seconds) of the person p, from
// what the people_overdue index holds. A time that cannot be read gives
// NULL, which RankByOverdue takes as the most overdue of all.
//
// The index holds no tags, so for someone without a rhythm of their own it
// takes the shortest of their tier's and every tag's rhythm (rules.MinEvery):
// a shorter interval gives a higher bound, never a lower one, so nobody is
// passed over; with no rhythms by tag it is the tier's, as exact as before.
func overdueSQL(rules *cadence.Rules) string {
	return `(?1 - coalesce(p.last_real_at, unixepoch(p.created_at))) / (86400.0 * coalesce(p.every_days, ` + tierEverySQL(rules) + `))`
}

// tierEverySQL is the SQL for the interval of a tier, p.tier, under rules.
func tierEverySQL(rules *cadence.Rules) string {
	var b strings.Builder
	b.WriteString("CASE p.tier")
	for _, t := range cadence.Tiers() {
		fmt.Fprintf(&b, " WHEN '%s' THEN %d", t, rules.MinEvery(t))
	}
	b.WriteString(" END")
	return b.String()
}

// movedUpQuery reads the active people whom a date or a memory may move up:
// ?2 lists the month-days of a birthday that may, ?3 the ids of people with
// an important date or a memory that may. They are few, and all of them
// are read, with what their ceilings need.
func movedUpQuery(rules *cadence.Rules) string {
	return `SELECT p.rowid, p.id, coalesce(p.birthday, ''), p.tier, coalesce(p.every_days, 0), ` + overdueSQL(rules) + `
	FROM people p
	WHERE p.archived_at IS NULL AND (substr(p.birthday, -5) IN (SELECT value FROM json_each(?2))
		OR p.id IN (SELECT value FROM json_each(?3)))`
}

// overdueQuery orders all active people by overdueSQL, most overdue first
// (those whose time cannot be read before all), and returns the page of ?2
// rows from ?3 on. It reads the people_overdue index alone, one short entry
// a person (TestHistoryQueryPlans pins it). The order is every active
// person's, sorted: NULLS FIRST keeps the sort to one key and the rowid,
// where "overdue IS NULL DESC, overdue DESC" made it two, and the query
// takes 0.45 ms instead of 0.61 ms at 1,000 people.
func overdueQuery(rules *cadence.Rules) string {
	return `SELECT p.rowid, p.tier, coalesce(p.every_days, 0), ` + overdueSQL(rules) + ` AS overdue
	FROM people p
	WHERE p.archived_at IS NULL
	ORDER BY overdue DESC NULLS FIRST, p.rowid
	LIMIT ?2 OFFSET ?3`
}

// overdueFirstPage is how many people the first page of overdueQuery
// holds; each further page is four times the one before. Today needs the
// five it keeps and those about as overdue as the fifth: a few dozen.
const overdueFirstPage = 128

// oneByOneUpTo is how many people RankByOverdue reads one at a time before
// it reads the rest in one pass instead. A ranking that does not fill
// (fewer people are due than it keeps) needs everyone, and one pass reads a
// person for a fraction of what looking them up alone costs.
// (Options.OneByOneUpTo changes it.)
const oneByOneUpTo = 256

// errReadTheRest stops RankByOverdue's reading one at a time.
var errReadTheRest = errors.New("read the rest in one pass")

// A candidate is someone RankByOverdue may give the ranker.
type candidate struct {
	rowid   int64
	ceiling float64 // their cadence.MaxPriority
}

// RankByOverdue gives r the active people, as EachCadence gives them, in
// order of cadence.MaxPriority, until r needs no one of the next one's
// (see cadence.Ranking.Needs), and returns how many it gave. It reads the
// whole of someone's history only when it gives them: at ten thousand
// people, today reads that of a few dozen instead of everyone's. Past
// oneByOneUpTo people (a ranking that does not fill needs everyone), it
// gives the rest as EachCadence reads them, in one pass. It reads in one
// transaction, so that the order and the people agree.
func (s *Store) RankByOverdue(ctx context.Context, now time.Time, r Ranker) (int, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return 0, fmt.Errorf("load people: %w", err)
	}
	defer conn.Close()
	// A deferred transaction: it only reads, and takes no lock from writers.
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return 0, fmt.Errorf("load people: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")

	dates, err := datesByPerson(ctx, conn, "")
	if err != nil {
		return 0, err
	}
	reminders, err := remindersByPerson(ctx, conn, "")
	if err != nil {
		return 0, err
	}
	rules := r.Rules()
	movedUp, err := movedUpCandidates(ctx, conn, now, &rules, dates, reminders)
	if err != nil {
		return 0, err
	}
	person, err := conn.PrepareContext(ctx, cadenceJoinedRowQuery)
	if err != nil {
		return 0, fmt.Errorf("load people: %w", err)
	}
	defer person.Close()

	var (
		given  = map[string]bool{} // by person id
		fields [cadenceFields][]byte
		buf    historyLists
		row    sql.RawBytes // each person's row in turn
	)
	give := func(rowid int64) error {
		if len(given) == s.oneByOneUpTo {
			return errReadTheRest
		}
		rows, err := person.QueryContext(ctx, rowid)
		if err != nil {
			return fmt.Errorf("read person: %w", err)
		}
		defer rows.Close() // fields point into row until then
		if err := scanJoinedCadenceRow(rows, &row); err != nil {
			return err
		}
		if !splitCadenceRow(row, &fields) {
			if err := scanCadenceRow(conn.QueryRowContext(ctx, cadenceRowQuery, rowid), &fields); err != nil {
				return err
			}
		}
		p, err := rankingInput(fields, &buf, dates, reminders)
		if err != nil {
			return err
		}
		r.Add(p)
		given[p.ID] = true
		return nil
	}
	err = giveInOrder(ctx, conn, now, &rules, r, movedUp, give)
	if errors.Is(err, errReadTheRest) {
		// The ranking's result does not depend on the order it is given people in.
		err = eachCadence(ctx, conn, dates, reminders, true, func(p cadence.Person) error {
			if !given[p.ID] {
				r.Add(p)
				given[p.ID] = true
			}
			return nil
		})
	}
	return len(given), err
}

// giveInOrder gives r, through give, everyone in order of their ceilings
// (see RankByOverdue) until r needs no one of the next one's.
func giveInOrder(ctx context.Context, conn *sql.Conn, now time.Time, rules *cadence.Rules, r Ranker, movedUp []candidate, give func(rowid int64) error) error {
	skip := make(map[int64]bool, len(movedUp))
	for _, c := range movedUp {
		skip[c.rowid] = true
	}

	// Everyone, most overdue first, page by page, and among them those a
	// date or memory may move up, in order of their ceilings. Needs is
	// false for one ceiling only when it is false for every lower one.
	var page []candidate
	for offset, size := 0, overdueFirstPage; ; offset, size = offset+size, size*4 {
		var (
			full bool
			err  error
		)
		page, full, err = overduePage(ctx, conn, now, rules, size, offset, skip, page[:0])
		if err != nil {
			return err
		}
		for _, c := range page {
			for len(movedUp) > 0 && movedUp[0].ceiling >= c.ceiling {
				if !r.Needs(movedUp[0].ceiling) {
					return nil
				}
				if err := give(movedUp[0].rowid); err != nil {
					return err
				}
				movedUp = movedUp[1:]
			}
			if !r.Needs(c.ceiling) {
				return nil
			}
			if err := give(c.rowid); err != nil {
				return err
			}
		}
		if !full {
			break
		}
	}
	for _, c := range movedUp {
		if !r.Needs(c.ceiling) {
			break
		}
		if err := give(c.rowid); err != nil {
			return err
		}
	}
	return nil
}

// movedUpCandidates reads the people whom a date or a memory may move up,
// with their ceilings, highest first.
func movedUpCandidates(ctx context.Context, q queryer, now time.Time, rules *cadence.Rules, dates map[string][]cadence.Dated, reminders map[string][]cadence.Reminder) ([]candidate, error) {
	days, ids, err := mayMoveUp(now, rules, dates, reminders)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, movedUpQuery(rules), now.Unix(), days, ids)
	if err != nil {
		return nil, fmt.Errorf("order people: %w", err)
	}
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var (
			c              candidate
			id, bday, tier string
			every          int64
			overdue        sql.NullFloat64
		)
		if err := rows.Scan(&c.rowid, &id, &bday, &tier, &every, &overdue); err != nil {
			return nil, fmt.Errorf("order people: %w", err)
		}
		p := cadence.Person{Tier: tierNames[tier], Every: int(every), ImportantDates: dates[id], Reminders: reminders[id]}
		if bday != "" {
			if p.Birthday, err = cadence.ParseMonthDay(bday); err != nil {
				return nil, fmt.Errorf("person %s birthday: %w", id, err)
			}
		}
		c.ceiling = rules.MaxPriority(nullNaN(overdue), p, now)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("order people: %w", err)
	}
	slices.SortStableFunc(out, func(a, b candidate) int { return cmp.Compare(b.ceiling, a.ceiling) })
	return out, nil
}

// overduePage appends to page a page of overdueQuery, less the people in
// skip, with their ceilings, and says whether the page was full.
func overduePage(ctx context.Context, q queryer, now time.Time, rules *cadence.Rules, size, offset int, skip map[int64]bool, page []candidate) ([]candidate, bool, error) {
	rows, err := q.QueryContext(ctx, overdueQuery(rules), now.Unix(), size, offset)
	if err != nil {
		return nil, false, fmt.Errorf("order people: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var (
			c       candidate
			tier    string
			every   int64
			overdue sql.NullFloat64
		)
		if err := rows.Scan(&c.rowid, &tier, &every, &overdue); err != nil {
			return nil, false, fmt.Errorf("order people: %w", err)
		}
		n++
		if !skip[c.rowid] {
			// The tier and rhythm narrow the ceiling (cadence's dueSlack):
			// a day of rounding counts for less in a longer rhythm.
			c.ceiling = rules.MaxPriority(nullNaN(overdue), cadence.Person{Tier: tierNames[tier], Every: int(every)}, now)
			page = append(page, c)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("order people: %w", err)
	}
	return page, n == size, nil
}

// nullNaN gives NULL as NaN, which cadence.MaxPriority takes as no bound.
func nullNaN(f sql.NullFloat64) float64 {
	if !f.Valid {
		return math.NaN()
	}
	return f.Float64
}

// mayMoveUp gives movedUpQuery, as JSON arrays, the month-days on which a
// birthday moves someone up at now, and the ids of the people whom an
// important date or a memory does.
func mayMoveUp(now time.Time, rules *cadence.Rules, dates map[string][]cadence.Dated, reminders map[string][]cadence.Reminder) (days, ids string, err error) {
	var mds []string
	for _, d := range rules.SoonMonthDays(now) {
		mds = append(mds, fmt.Sprintf("%02d-%02d", int(d.Month), d.Day))
	}
	people := []string{}
	for id, ds := range dates {
		if slices.ContainsFunc(ds, func(d cadence.Dated) bool { return rules.DateSoon(d.Date, now) }) {
			people = append(people, id)
		}
	}
	for id, rs := range reminders {
		if slices.ContainsFunc(rs, func(r cadence.Reminder) bool { return cadence.ReminderDue(r, now) }) {
			people = append(people, id)
		}
	}
	a, err := json.Marshal(mds)
	if err != nil {
		return "", "", err
	}
	b, err := json.Marshal(people)
	if err != nil {
		return "", "", err
	}
	return string(a), string(b), nil
}

// scanJoinedCadenceRow reads the one row of cadenceJoinedRowQuery into row.
func scanJoinedCadenceRow(rows *sql.Rows, row *sql.RawBytes) error {
	if !rows.Next() {
		err := rows.Err()
		if err == nil {
			err = sql.ErrNoRows
		}
		return fmt.Errorf("read person: %w", err)
	}
	if err := rows.Scan(row); err != nil {
		return fmt.Errorf("read person: %w", err)
	}
	return nil
}

// splitCadenceRow splits a row of cadenceJoinedRowQuery into fields, and
// reports whether it held as many as it should: a NUL in stored text, which
// only a hostile or hand-edited file holds, makes more.
func splitCadenceRow(row []byte, fields *[cadenceFields][]byte) bool {
	n := 0
	for field := range bytes.SplitSeq(row, []byte{0}) {
		if n < len(fields) {
			fields[n] = field
		}
		n++
	}
	return n == len(fields)
}
