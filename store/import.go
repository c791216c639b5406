package store

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"
	"github.com/tend-app/tend/internal/domain"
)

// How an import merges what it reads with what tend holds:
//
//   - People from tend's own JSON carry ids. An id tend knows is the same
//     person, and the newer updated_at wins, whole. An id tend does not know
//     whose name an active person already has is matched to that person
//     (two machines that each added "Ana" hold one Ana after a merge): the
//     file's id becomes an alias for tend's, and the newer updated_at wins.
//   - People from other tools (vCard, CSV, friends.md) carry no id and are
//     matched by name, ignoring case, active people first. A matched person
//     keeps what tend knows and gains what the file adds: lists are joined,
//     a note is appended unless tend has it already, and a tier, rhythm or
//     birthday the file gives replaces tend's (a year-less birthday never
//     erases the year of the same day).
//   - Interactions and memories have no updated_at. A known id whose record
//     the file holds otherwise keeps tend's version, with a note: the file
//     is most often an older export, and amend or remember --edit made
//     tend's the later word (an old export imported again must not undo
//     those corrections). A memory done in the file is done in tend too
//     (the earlier done_at is kept), so a merge never reopens it.
//
// Every rule is idempotent: importing the same file again changes nothing
// and counts every record as matched.

// ImportOptions tune an import.
type ImportOptions = domain.ImportOptions

// What an import did, or with DryRun would have done.
type (
	ImportCounts = domain.ImportCounts
	ImportResult = domain.ImportResult
)

// describeImport says what an import changed, each kind apart, in the words
// undo shows: "3 new people, 4 new interactions, 1 person updated".
func describeImport(r ImportResult) string {
	var parts []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, "1 "+one)
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", n, many))
		}
	}
	add(r.People.New, "new person", "new people")
	add(r.Interactions.New, "new interaction", "new interactions")
	add(r.Memories.New, "new memory", "new memories")
	add(r.People.Updated, "person updated", "people updated")
	add(r.Interactions.Updated, "interaction updated", "interactions updated")
	add(r.Memories.Updated, "memory updated", "memories updated")
	if len(parts) == 0 {
		return "nothing changed"
	}
	return strings.Join(parts, ", ")
}

// Import is an import in progress: one transaction that the reader of a
// file fills record by record. Nothing is visible to anyone else until the
// whole file has been read without error; an error anywhere rolls all of it
// back.
type Import struct {
	ctx       context.Context
	s         *Store
	bulkAfter int // see ImportOptions
	tx        *sql.Tx
	now       time.Time
	dryRun    bool // writes go to temporary copies of the tables (see shadow)

	// Everyone in tend is loaded once, up front (a few thousand rows), so
	// that matching by id or name and checking the people an interaction
	// names never costs a query per record.
	people     map[string]*importedPerson // by id, tend's and the file's so far
	activeName map[string]string          // name key → id of the active person with that name
	otherName  map[string]string          // name key → id of an archived person with that name
	byUID      map[string]string          // an address book's UID → id of the person holding it
	alias      map[string]string          // a file's person id → tend's id for the same person
	unresolved map[string]bool            // person ids written before that person was seen
	kept       int                        // interactions and memories the file holds otherwise: tend's kept

	// counted is how each person this import has met was counted, so that
	// a file naming someone twice (friends.md names a friend in the Friends
	// section, then in each activity and note) counts them once: as new if
	// the import added them, as matched if tend had them before.
	counted map[string]personCount

	st    importStatements
	res   ImportResult
	batch []domain.Interaction // waiting to be written (see flush)
	parts []any                // rows of interaction_people waiting to be written, 4 values each

	// A big import drops the indexes of interaction_people and the
	// triggers of the interaction tables once it has written bulkAfter
	// interactions, and makes them again at the end: one sort per index
	// instead of a million inserts at random places in the (person, time)
	// indexes, and one refresh per person instead of a trigger run per row.
	// (interactions_at stays: files are mostly in time order, so its
	// inserts land at the end, which measured faster than a rebuild.) The
	// definitions are read from the schema, so they come back exactly as
	// the migrations made them.
	//
	// The journal's trigger on new rows of interaction_people goes too: it
	// looks up each row's interaction to learn whether the change added it,
	// and a bulk import's rows are nearly all of interactions it added,
	// which undo finds by rowid and needs no journal for. It cost a fifth
	// of a million interactions' import. An interaction tend had before
	// keeps its people (see mergeInteraction): no row it would journal is
	// added while it is off.
	written  int
	indexes  []string        // the CREATE INDEX statements to run again
	triggers []string        // the CREATE TRIGGER statements to run again
	touched  map[string]bool // people whose interactions changed while the triggers were off

	// The rows of person_history the import works out itself (see
	// import_history.go): of people who had none when it began, unless
	// the import changes their history in another way than by adding.
	history map[string]*historyOf
}

// bulkAfter is the number of new interactions after which an import
// rebuilds the indexes instead of updating them: far above what an address
// book or a day's sync brings, far below a whole history.
const bulkAfter = 20_000

type personCount uint8

const (
	countedNew personCount = iota + 1
	countedMatched
	countedUpdated
)

// countPerson counts a person once per import, however often the file
// names them.
func (im *Import) countPerson(id string, c personCount) {
	was := im.counted[id]
	switch {
	case was == 0:
		im.counted[id] = c
		switch c {
		case countedNew:
			im.res.People.New++
		case countedUpdated:
			im.res.People.Updated++
			im.res.People.Matched++
		default:
			im.res.People.Matched++
		}
	case was == countedMatched && c == countedUpdated:
		im.counted[id] = c
		im.res.People.Updated++
	}
}

type importedPerson struct {
	createdAt string
	updatedAt string
	nameKey   string
	archived  bool
}

// importStatements are prepared once per import: a million interactions
// are a million executions of the same few statements.
type importStatements struct {
	insPerson, updPerson, delDates, insDate                           *sql.Stmt
	insInteractions, getInteraction, getParticipants, insParticipants *sql.Stmt
	insMemory, getMemory, updMemory                                   *sql.Stmt
	addedInteractions                                                 *sql.Stmt
}

// importCacheKiB is the page cache an import works with. One transaction
// writes every row of the file; with SQLite's default 2 MB the B-trees it
// writes to stop fitting after some ten thousand interactions and pages are
// read back again and again. Each cached page costs about twice its size
// in this driver's allocator, and index rebuilds sort in memory as much as
// the cache allows before they spill to a file. Rows are appended in id
// order, so the pages written to are few and mostly at the ends of the
// trees: on a million interactions of tend's JSON 16 MiB took the same CPU
// time as 32 MiB (25.1 s against 24.8 s) and 196 MB instead of 259 MB;
// on a million messages 12.5 s against 13.5 s and 170 MB instead of 241
// MB. 8 MiB was slower (14.8 s on the messages).
const importCacheKiB = 16 * 1024

// Import runs fill inside one transaction and commits what it wrote, or
// rolls everything back if fill (or a final check) fails or opts.DryRun is
// set. The result counts what was, or would have been, done. On a
// read-only file it says so, as every other write does.
func (s *Store) Import(ctx context.Context, opts ImportOptions, fill func(*Import) error) (ImportResult, error) {
	first := s.missing && !opts.DryRun
	res, err := s.importAll(ctx, opts, fill)
	if err != nil && first {
		s.unmake() // a refused import into no database yet leaves none
	}
	return res, s.explainWrite(err)
}

func (s *Store) importAll(ctx context.Context, opts ImportOptions, fill func(*Import) error) (ImportResult, error) {
	if !opts.DryRun {
		if err := s.ready(ctx); err != nil {
			return ImportResult{}, err
		}
	}
	if err := s.checkWritable(); err != nil {
		return ImportResult{}, err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return ImportResult{}, fmt.Errorf("import: %w", err)
	}
	defer conn.Close()
	var cache int
	if err := conn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
		return ImportResult{}, fmt.Errorf("import: %w", err)
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", importCacheKiB)); err != nil {
		return ImportResult{}, fmt.Errorf("import: %w", err)
	}
	// The connection goes back to the pool afterwards; give it back as it was.
	defer conn.ExecContext(context.Background(), fmt.Sprintf("PRAGMA cache_size = %d", cache))
	// Temporary storage in files for this one connection: rebuilding the
	// indexes of a million interactions sorts more than 100 MB, which in
	// memory would more than double the import's footprint. Statement
	// journals go to a file too then, which measured a few percent slower
	// on a million interactions and 150 MB smaller. (It can only be changed
	// outside a transaction, so it is set here for the whole import.)
	var temp int
	if err := conn.QueryRowContext(ctx, "PRAGMA temp_store").Scan(&temp); err != nil {
		return ImportResult{}, fmt.Errorf("import: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA temp_store = FILE"); err != nil {
		return ImportResult{}, fmt.Errorf("import: %w", err)
	}
	defer conn.ExecContext(context.Background(), fmt.Sprintf("PRAGMA temp_store = %d", temp))

	// The import checks every reference itself before it writes, to name
	// the record at fault (HasPerson, and finish for people the file lists
	// after their interactions), and writes an interaction's people only
	// after the interaction. SQLite's own check of the same references
	// costs two searches for each of a million rows of interaction_people,
	// a tenth of a big import, so it is off for the import's transaction.
	// (It can only be changed outside a transaction, and the connection goes
	// back to the pool afterwards: it is switched on again, or the
	// connection is thrown away.)
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return ImportResult{}, fmt.Errorf("import: %w", err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.Background(), "PRAGMA foreign_keys = ON"); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	var tx *sql.Tx
	if opts.DryRun {
		// A read transaction (BEGIN, not BEGIN IMMEDIATE): its writes go
		// to temporary tables only.
		tx, err = conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			err = fmt.Errorf("begin: %w", err)
		}
	} else {
		tx, err = s.begin(ctx, conn)
	}
	if err != nil {
		return ImportResult{}, err
	}
	defer tx.Rollback() // a no-op after Commit
	im := &Import{
		ctx: ctx, s: s, tx: tx, dryRun: opts.DryRun, bulkAfter: cmp.Or(opts.BulkAfter, bulkAfter),
		now:        s.moment(),
		people:     map[string]*importedPerson{},
		activeName: map[string]string{},
		otherName:  map[string]string{},
		byUID:      map[string]string{},
		alias:      map[string]string{},
		unresolved: map[string]bool{},
		counted:    map[string]personCount{},
	}
	var seq int64
	if opts.DryRun {
		if err := im.shadow(); err != nil {
			return ImportResult{}, err
		}
	} else {
		im.history = map[string]*historyOf{}
		// The import is one change, which undo reverts whole.
		if seq, err = s.openChange(ctx, tx); err != nil {
			return ImportResult{}, err
		}
	}
	if err := im.prepare(); err != nil {
		return ImportResult{}, err
	}
	if err := im.load(); err != nil {
		return ImportResult{}, err
	}
	if err := fill(im); err != nil {
		return ImportResult{}, err
	}
	if err := im.finish(); err != nil {
		return ImportResult{}, err
	}
	im.res.DryRun = opts.DryRun
	if opts.DryRun {
		return im.res, nil // the deferred Rollback undoes everything
	}
	source := opts.Source
	if source == "" {
		source = "a file"
	}
	desc := fmt.Sprintf("imported %s: %s", oneLine(source), describeImport(im.res))
	if err := closeChange(ctx, tx, seq, desc); err != nil {
		return ImportResult{}, err
	}
	// A long import must not commit into a file that was deleted or
	// replaced while it ran: its data would go to an orphan -wal.
	if err := s.checkSameFile(); err != nil {
		return ImportResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return ImportResult{}, fmt.Errorf("commit: %w", err)
	}
	return im.res, nil
}

func (im *Import) prepare() error {
	prep := func(dst **sql.Stmt, query string) error {
		if *dst != nil {
			return nil
		}
		st, err := im.tx.PrepareContext(im.ctx, query)
		if err != nil {
			return fmt.Errorf("import: prepare: %w", err)
		}
		*dst = st
		return nil
	}
	st := &im.st
	for _, p := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&st.insPerson, insertPersonSQL},
		// The columns of insertPersonSQL after the id, in its order.
		{&st.updPerson, `UPDATE people SET name = ?, name_key = ?, tier = ?, every_days = ?, birthday = ?,
			phones = ?, emails = ?, tags = ?, notes = ?, created_at = ?, updated_at = ?, archived_at = ?,
			snoozed_until = ?, aliases = ?, org = ?, job_title = ?, phone_types = ?, email_types = ?, name_parts = ?, uid = ?
			WHERE id = ?`},
		{&st.delDates, `DELETE FROM important_dates WHERE person_id = ?`},
		{&st.insDate, `INSERT OR IGNORE INTO important_dates (person_id, label, date) VALUES (?, ?, ?)`},
		// ON CONFLICT DO NOTHING adds the new ids with no SELECT first;
		// flush tells them from the known ones.
		{&st.insInteractions, insertInteractionsSQL(batchSize)},
		{&st.addedInteractions, `SELECT id FROM interactions WHERE rowid BETWEEN ? AND ?`},
		{&st.getInteraction, `SELECT via, direction, at, minutes, note, missed FROM interactions WHERE id = ?`},
		{&st.getParticipants, `SELECT person_id FROM interaction_people WHERE interaction_id = ? ORDER BY person_id`},
		{&st.insParticipants, insertParticipantsSQL(participantBatch)},
		{&st.insMemory, `INSERT INTO memories (id, person_id, text, due, done_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`},
		{&st.getMemory, `SELECT person_id, text, due, done_at FROM memories WHERE id = ?`},
		{&st.updMemory, `UPDATE memories SET person_id = ?, text = ?, due = ?, done_at = ? WHERE id = ?`},
	} {
		if err := prep(p.dst, p.query); err != nil {
			return err
		}
	}
	return nil
}

// load reads who is in tend: ids, name keys and update times.
func (im *Import) load() error {
	rows, err := im.tx.QueryContext(im.ctx,
		`SELECT id, name_key, created_at, updated_at, archived_at IS NOT NULL, uid FROM people ORDER BY created_at, id`)
	if err != nil {
		return fmt.Errorf("import: load people: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id, uid string
			p       importedPerson
		)
		if err := rows.Scan(&id, &p.nameKey, &p.createdAt, &p.updatedAt, &p.archived, &uid); err != nil {
			return fmt.Errorf("import: load people: %w", err)
		}
		im.people[id] = &p
		im.index(id, &p)
		im.indexUID(id, uid)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("import: load people: %w", err)
	}
	if im.history == nil {
		return nil
	}
	rows, err = im.tx.QueryContext(im.ctx, `SELECT person_id FROM person_history`)
	if err != nil {
		return fmt.Errorf("import: load history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("import: load history: %w", err)
		}
		im.state(id).had = true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("import: load history: %w", err)
	}
	return nil
}

// index records whose name a person holds, for matching by name. The first
// archived holder of a name is kept: matching is only ever a fallback there.
func (im *Import) index(id string, p *importedPerson) {
	if !p.archived {
		im.activeName[p.nameKey] = id
	} else if _, ok := im.otherName[p.nameKey]; !ok {
		im.otherName[p.nameKey] = id
	}
}

// indexUID records who holds an address book's UID; the first holder
// keeps it.
func (im *Import) indexUID(id, uid string) {
	if _, ok := im.byUID[uid]; uid != "" && !ok {
		im.byUID[uid] = id
	}
}

func (im *Import) unindex(id string, p *importedPerson) {
	if im.activeName[p.nameKey] == id {
		delete(im.activeName, p.nameKey)
	}
	if im.otherName[p.nameKey] == id {
		delete(im.otherName, p.nameKey)
	}
}

// resolve maps a file's person id to tend's.
func (im *Import) resolve(id string) string {
	if to, ok := im.alias[id]; ok {
		return to
	}
	return id
}

// HasPerson reports whether a person id is known, in tend or earlier in the
// file, so that a reader can name the record that refers to a stranger.
func (im *Import) HasPerson(id string) bool {
	_, ok := im.people[im.resolve(id)]
	return ok
}

// Skip records something the file held that the import leaves out.
func (im *Import) Skip(s domain.ImportSkip) { im.res.Skipped = append(im.res.Skipped, s) }

// Note records something the user should know about the import.
func (im *Import) Note(n domain.ImportNote) { im.res.Notes = append(im.res.Notes, n) }

// Now is the moment the import runs at, the store's clock.
func (im *Import) Now() time.Time { return im.now }

// PutPerson merges a person who carries an id (from tend's own JSON): a new
// id is added, a known one is replaced when the file's updated_at is newer.
// A zero CreatedAt is taken as now and a zero UpdatedAt as CreatedAt.
func (im *Import) PutPerson(p domain.Person) error {
	if strings.TrimSpace(p.ID) == "" {
		return domain.Errorf(domain.ErrInvalid, "a person needs an id")
	}
	if err := p.Validate(); err != nil {
		return err
	}
	if p.CreatedAt.IsZero() {
		p.CreatedAt = im.now
	}
	if p.UpdatedAt.IsZero() {
		p.UpdatedAt = p.CreatedAt
	}
	key := domain.NameKey(p.Name)
	id := im.resolve(p.ID)
	if _, known := im.people[id]; !known && !p.Archived() {
		if other, ok := im.activeName[key]; ok {
			im.alias[p.ID] = other
			id = other
		}
	}
	stored, known := im.people[id]
	if !known {
		if err := im.insertPerson(p); err != nil {
			return err
		}
		im.countPerson(p.ID, countedNew)
		return nil
	}
	im.countPerson(id, countedMatched)
	if formatTime(p.UpdatedAt) <= stored.updatedAt {
		return nil
	}
	if owner, ok := im.activeName[key]; ok && owner != id && !p.Archived() {
		im.Skip(domain.ImportSkip{Where: "person " + p.ID, Reason: fmt.Sprintf("not updated: the name %q belongs to someone else in tend", p.Name)})
		return nil
	}
	p.ID = id
	if created := formatTime(p.CreatedAt); stored.createdAt < created {
		p.CreatedAt, _ = parseTime(stored.createdAt) // keep the first time anyone added them
	}
	if err := im.updatePerson(p, stored); err != nil {
		return err
	}
	im.countPerson(id, countedUpdated)
	return nil
}

// MatchPerson adds a person from another tool, or merges them into the
// person tend already has by that UID (an address book's id for the
// person) or else by that name, and returns the id. Fields left empty are
// taken as not given.
func (im *Import) MatchPerson(p domain.Person) (string, error) {
	check := p
	if err := check.Validate(); err != nil {
		return "", err
	}
	key := domain.NameKey(check.Name)
	id, ok := im.byUID[check.UID]
	if _, own := im.people[check.UID]; check.UID != "" && !ok && own {
		// A card tend wrote for someone with no UID of their own carries
		// tend's id (exchange.CardUID).
		id, ok = check.UID, true
	}
	if check.UID == "" || !ok {
		id, ok = im.activeName[key]
	}
	if !ok {
		id, ok = im.otherName[key]
	}
	if !ok {
		check.ID = im.s.newID()
		check.CreatedAt, check.UpdatedAt = im.now, im.now
		if err := im.insertPerson(check); err != nil {
			return "", err
		}
		im.countPerson(check.ID, countedNew)
		return check.ID, nil
	}
	im.countPerson(id, countedMatched)
	stored, err := getPerson(im.ctx, im.tx, id)
	if err != nil {
		return "", err
	}
	merged, kept := mergePerson(stored, p)
	if kept != "" {
		im.Note(domain.ImportNote{Text: oneLine(stored.Name) + ": " + kept})
	}
	if err := merged.Validate(); err != nil {
		return "", err
	}
	if samePerson(merged, stored) {
		return id, nil
	}
	merged.UpdatedAt = im.now
	if err := im.updatePerson(merged, im.people[id]); err != nil {
		return "", err
	}
	im.indexUID(id, merged.UID)
	im.countPerson(id, countedUpdated)
	return id, nil
}

// mergePerson adds what a file says about someone to what tend knows. A
// birthday tend has is kept when the file gives another (an old address
// book's, a typo), and kept says so; the file's year completes one tend
// has without it.
func mergePerson(stored, file domain.Person) (out domain.Person, kept string) {
	out = stored
	out.Phones = unionPhones(stored.Phones, file.Phones)
	out.Emails = union(stored.Emails, file.Emails)
	out.Tags = union(stored.Tags, file.Tags)
	out.Aliases = union(stored.Aliases, file.Aliases)
	if file.Tier != "" {
		out.Tier = file.Tier
	}
	if file.Every > 0 {
		out.Every = file.Every
	}
	b, have := file.Birthday, stored.Birthday
	sameDay := b.Month == have.Month && b.Day == have.Day
	switch {
	case b.IsZero() || b == have:
	case have.IsZero(), sameDay && have.Year == 0:
		out.Birthday = b
	case !sameDay || b.Year != 0:
		kept = fmt.Sprintf("the file gives the birthday %s, tend has %s: tend's kept (tend edit changes it)", b, have)
	}
	if note := strings.TrimSpace(file.Notes); note != "" && !strings.Contains(stored.Notes, note) {
		if strings.TrimSpace(stored.Notes) == "" {
			out.Notes = note
		} else {
			out.Notes = strings.TrimRight(stored.Notes, "\n") + "\n\n" + note
		}
	}
	out.ImportantDates = addDates(stored.ImportantDates, file.ImportantDates)
	// An address book is the fresher source for where someone works and
	// how their name is written; the UID tend already holds stays.
	if org := strings.TrimSpace(file.Org); org != "" {
		out.Org = org
	}
	if title := strings.TrimSpace(file.JobTitle); title != "" {
		out.JobTitle = title
	}
	if !file.NameParts.IsZero() {
		out.NameParts = file.NameParts
	}
	if uid := strings.TrimSpace(file.UID); out.UID == "" && uid != stored.ID {
		out.UID = uid
	}
	out.PhoneTypes = addTypes(stored.PhoneTypes, file.PhoneTypes)
	out.EmailTypes = addTypes(stored.EmailTypes, file.EmailTypes)
	return out, kept
}

// addTypes takes the file's kind of a phone or e-mail over tend's.
func addTypes(have, more map[string]string) map[string]string {
	out := maps.Clone(have)
	if out == nil {
		out = map[string]string{}
	}
	for v, t := range more {
		if strings.TrimSpace(t) != "" {
			out[strings.TrimSpace(v)] = t
		}
	}
	return out
}

// addDates adds to have the dates it does not hold yet.
func addDates(have, more []domain.ImportantDate) []domain.ImportantDate {
	all := slices.Clone(have)
	for _, d := range more {
		label := strings.TrimSpace(d.Label)
		if !slices.ContainsFunc(all, func(x domain.ImportantDate) bool { return x.Label == label && x.Date == d.Date }) {
			all = append(all, domain.ImportantDate{Label: label, Date: d.Date})
		}
	}
	if all == nil {
		all = []domain.ImportantDate{}
	}
	return all
}

// unionPhones adds the phones tend does not hold yet, a number written
// with other spaces or dashes ("+49 221 9999123", "+49-221-9999123")
// being the same number.
func unionPhones(have, more []string) []string {
	out := slices.Clone(have)
	seen := map[string]bool{}
	for _, h := range have {
		seen[phoneKey(h)] = true
	}
	for _, m := range more {
		m = strings.TrimSpace(m)
		if k := phoneKey(m); m != "" && !seen[k] {
			seen[k] = true
			out = append(out, m)
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// phoneKey is what tells two phones apart: their digits and a leading +,
// and anything after a ";" (an extension) as it is.
func phoneKey(phone string) string {
	number, params, _ := strings.Cut(phone, ";")
	var b strings.Builder
	for i, r := range strings.TrimSpace(number) {
		if (r >= '0' && r <= '9') || (r == '+' && i == 0) {
			b.WriteRune(r)
		}
	}
	if b.Len() < 3 { // not a number tend can compare: the text itself
		return strings.ToLower(strings.TrimSpace(phone))
	}
	return b.String() + ";" + strings.ToLower(params)
}

func union(have, more []string) []string {
	out := slices.Clone(have)
	for _, m := range more {
		m = strings.TrimSpace(m)
		if m != "" && !slices.ContainsFunc(out, func(h string) bool { return strings.EqualFold(h, m) }) {
			out = append(out, m)
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

func samePerson(a, b domain.Person) bool {
	return a.Name == b.Name && a.Tier == b.Tier && a.Every == b.Every && a.Birthday == b.Birthday &&
		slices.Equal(a.Phones, b.Phones) && slices.Equal(a.Emails, b.Emails) && slices.Equal(a.Tags, b.Tags) &&
		slices.Equal(a.Aliases, b.Aliases) && a.Notes == b.Notes && slices.Equal(a.ImportantDates, b.ImportantDates) &&
		a.Org == b.Org && a.JobTitle == b.JobTitle && a.NameParts == b.NameParts && a.UID == b.UID &&
		maps.Equal(a.PhoneTypes, b.PhoneTypes) && maps.Equal(a.EmailTypes, b.EmailTypes)
}

func (im *Import) insertPerson(p domain.Person) error {
	key := domain.NameKey(p.Name)
	if owner, ok := im.activeName[key]; ok && !p.Archived() {
		// Only reachable through a bug in the matching above; say so
		// plainly rather than with SQLite's constraint message.
		return domain.Errorf(domain.ErrNameTaken, "%q is already someone in tend (id %s)", p.Name, owner)
	}
	_, err := im.st.insPerson.ExecContext(im.ctx, personRow(p)...)
	if err != nil {
		return fmt.Errorf("add %s: %w", p.Name, err)
	}
	if err := im.writeDates(p); err != nil {
		return err
	}
	if im.unresolved[p.ID] {
		// Interactions listed before the person are in person_history
		// already, but its triggers found no row of people to give their
		// last real conversation to.
		if _, err := im.tx.ExecContext(im.ctx, `UPDATE people SET last_real_at = (
			SELECT json_extract(h.recent_real, '$[0][0]') FROM person_history h WHERE h.person_id = ?1) WHERE id = ?1`, p.ID); err != nil {
			return fmt.Errorf("add %s: %w", p.Name, err)
		}
	}
	rec := &importedPerson{createdAt: formatTime(p.CreatedAt), updatedAt: formatTime(p.UpdatedAt), nameKey: key, archived: p.Archived()}
	im.people[p.ID] = rec
	im.index(p.ID, rec)
	im.indexUID(p.ID, p.UID)
	return nil
}

func (im *Import) updatePerson(p domain.Person, rec *importedPerson) error {
	key := domain.NameKey(p.Name)
	_, err := im.st.updPerson.ExecContext(im.ctx, append(personRow(p)[1:], p.ID)...)
	if err != nil {
		return fmt.Errorf("save %s: %w", p.Name, err)
	}
	if _, err := im.st.delDates.ExecContext(im.ctx, p.ID); err != nil {
		return fmt.Errorf("save dates: %w", err)
	}
	if err := im.writeDates(p); err != nil {
		return err
	}
	im.unindex(p.ID, rec)
	rec.createdAt, rec.updatedAt = formatTime(p.CreatedAt), formatTime(p.UpdatedAt)
	rec.nameKey, rec.archived = key, p.Archived()
	im.index(p.ID, rec)
	return nil
}

func (im *Import) writeDates(p domain.Person) error {
	for _, d := range p.ImportantDates {
		if _, err := im.st.insDate.ExecContext(im.ctx, p.ID, d.Label, d.Date.String()); err != nil {
			return fmt.Errorf("save dates: %w", err)
		}
	}
	return nil
}

// PutInteraction adds an interaction by id; one tend has stays as tend has
// it (mergeInteraction). It needs an id: without one, importing twice would
// log everything twice. Interactions are written in batches; a batch is
// always written before the import ends.
func (im *Import) PutInteraction(in domain.Interaction) error {
	if strings.TrimSpace(in.ID) == "" {
		return domain.Errorf(domain.ErrInvalid, "an interaction needs an id")
	}
	if err := in.Validate(); err != nil {
		return err
	}
	people := make([]string, len(in.People))
	for i, pid := range in.People {
		people[i] = im.resolve(pid)
	}
	in.People = dedupe(people)
	slices.Sort(in.People)
	in.At = in.At.UTC().Truncate(time.Second)
	im.batch = append(im.batch, in)
	if len(im.batch) == batchSize {
		return im.flush()
	}
	return nil
}

// batchSize is how many interactions go to SQLite in one statement, and
// participantBatch how many rows of interaction_people: a million
// interactions are then some ten thousand statements rather than two
// million, each of which costs more in the driver than the row costs in
// SQLite. (8 and 4 parameters a row stay far below SQLite's limit.)
const (
	batchSize        = 256
	participantBatch = 512
)

// flush writes the waiting interactions. One INSERT ... ON CONFLICT DO
// NOTHING RETURNING id adds the new ones and names them; the others were
// in tend already and are compared one by one.
func (im *Import) flush() error {
	batch := im.batch
	im.batch = make([]domain.Interaction, 0, batchSize)
	if len(batch) == 0 {
		return nil
	}
	if im.dryRun {
		if err := im.faultInInteractions(batch); err != nil {
			return err
		}
	}
	stmt := im.st.insInteractions
	if len(batch) != batchSize {
		var err error
		if stmt, err = im.tx.PrepareContext(im.ctx, insertInteractionsSQL(len(batch))); err != nil {
			return fmt.Errorf("add interactions: %w", err)
		}
		defer stmt.Close()
	}
	args := make([]any, 0, 8*len(batch))
	for _, in := range batch {
		args = append(args, in.ID, string(in.Via), string(in.Direction), formatTime(in.At), nullInt(in.Minutes), in.Note,
			formatTime(createdFromID(in.ID, im.now)), boolInt(in.Missed))
	}
	res, err := stmt.ExecContext(im.ctx, args...)
	if err != nil {
		return fmt.Errorf("add interactions: %w", err)
	}
	inserted, err := im.inserted(res, len(batch))
	if err != nil {
		return fmt.Errorf("add interactions: %w", err)
	}

	var added, known []domain.Interaction
	for _, in := range batch {
		if inserted == nil || inserted[in.ID] {
			delete(inserted, in.ID) // a second copy in the same batch is known
			added = append(added, in)
		} else {
			known = append(known, in)
		}
	}
	im.res.Interactions.New += len(added)
	before := im.written
	im.written += len(added)
	if before < im.bulkAfter && im.written >= im.bulkAfter && !im.dryRun {
		// What was added so far goes through the triggers.
		if err := im.writeParticipants(); err != nil {
			return err
		}
		if err := im.dropDerived(); err != nil {
			return err
		}
	}
	if err := im.insertParticipants(added); err != nil {
		return err
	}
	im.trackAdded(added)
	for _, in := range known {
		if err := im.mergeInteraction(in); err != nil {
			return err
		}
	}
	return nil
}

// inserted names the interactions an insert of n added, or is nil when it
// added all n, as it does for every batch of a new history. Reading the ids
// back from the insert (RETURNING) cost a million rows through the driver
// for a million interactions, a twentieth of the import. The rows one
// statement adds to a table with rowids take the rowids after the largest,
// one after another, so those it added are the last of them.
func (im *Import) inserted(res sql.Result, n int) (map[string]bool, error) {
	count, err := res.RowsAffected()
	if err != nil || int(count) == n {
		return nil, err
	}
	out := map[string]bool{}
	if count == 0 {
		return out, nil
	}
	last, err := res.LastInsertId()
	if err != nil {
		return nil, err
	}
	rows, err := im.st.addedInteractions.QueryContext(im.ctx, last-count+1, last)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

func insertInteractionsSQL(n int) string {
	return `INSERT INTO interactions (id, via, direction, at, minutes, note, created_at, missed) VALUES ` +
		strings.Repeat("(?, ?, ?, ?, ?, ?, ?, ?), ", n-1) + `(?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`
}

func insertParticipantsSQL(n int) string {
	return `INSERT OR IGNORE INTO interaction_people (interaction_id, person_id, at, real) VALUES ` +
		strings.Repeat("(?, ?, ?, ?), ", n-1) + `(?, ?, ?, ?)`
}

// mergeInteraction compares an interaction with the stored one of its id:
// when they differ, tend's is kept, with a note (see the rules above).
func (im *Import) mergeInteraction(in domain.Interaction) error {
	if err := im.writeParticipants(); err != nil { // the stored people must be there to compare with
		return err
	}
	im.res.Interactions.Matched++
	at := formatTime(in.At)
	var (
		via, dir, storedAt, note string
		minutes                  sql.NullInt64
		missed                   bool
	)
	if err := im.st.getInteraction.QueryRowContext(im.ctx, in.ID).Scan(&via, &dir, &storedAt, &minutes, &note, &missed); err != nil {
		return fmt.Errorf("read interaction %s: %w", in.ID, err)
	}
	storedPeople, err := im.participants(in.ID)
	if err != nil {
		return err
	}
	if via == string(in.Via) && dir == string(in.Direction) && storedAt == at &&
		int(minutes.Int64) == in.Minutes && note == in.Note && missed == in.Missed && slices.Equal(storedPeople, in.People) {
		return nil
	}
	same := via == string(in.Via) && dir == string(in.Direction) && storedAt == at &&
		int(minutes.Int64) == in.Minutes && note == in.Note && missed == in.Missed
	for _, pid := range in.People {
		if _, ok := im.people[pid]; !ok && same {
			// Someone the file lists later (or as an alias of tend's): the
			// difference may be only their id, so there is nothing to say.
			return nil
		}
	}
	im.keep("interaction", in.ID)
	return nil
}

func (im *Import) participants(id string) ([]string, error) {
	rows, err := im.st.getParticipants.QueryContext(im.ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read interaction %s: %w", id, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var pid string
		if err := rows.Scan(&pid); err != nil {
			return nil, fmt.Errorf("read interaction %s: %w", id, err)
		}
		out = append(out, pid)
	}
	return out, rows.Err()
}

// insertParticipants adds the rows of interaction_people of interactions.
// They wait in full statements' worth (a batch of interactions holds fewer)
// until writeParticipants, which runs before anything reads them.
func (im *Import) insertParticipants(ins []domain.Interaction) error {
	for _, in := range ins {
		real := realFlag(in)
		at := formatTime(in.At)
		im.touch(in.People...)
		for _, pid := range in.People {
			if _, ok := im.people[pid]; !ok {
				im.unresolved[pid] = true
			}
			im.parts = append(im.parts, in.ID, pid, at, real)
			if len(im.parts) == 4*participantBatch {
				if err := im.writeParticipants(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// writeParticipants writes the waiting rows of interaction_people.
func (im *Import) writeParticipants() error {
	if len(im.parts) == 0 {
		return nil
	}
	stmt := im.st.insParticipants
	if len(im.parts) != 4*participantBatch {
		var err error
		if stmt, err = im.tx.PrepareContext(im.ctx, insertParticipantsSQL(len(im.parts)/4)); err != nil {
			return fmt.Errorf("add interactions: %w", err)
		}
		defer stmt.Close()
	}
	if _, err := stmt.ExecContext(im.ctx, im.parts...); err != nil {
		return fmt.Errorf("add interactions: %w", err)
	}
	im.parts = im.parts[:0]
	return nil
}

// PutMemory adds a memory by id; one tend has stays as tend has it, but
// done in the file is done in tend, and done stays done.
func (im *Import) PutMemory(m domain.Memory) error {
	if strings.TrimSpace(m.ID) == "" {
		return domain.Errorf(domain.ErrInvalid, "a memory needs an id")
	}
	m.Text = strings.TrimSpace(m.Text)
	if m.Text == "" {
		return domain.Errorf(domain.ErrInvalid, "nothing to remember: the text is empty")
	}
	if err := domain.ValidNewText("text", m.Text); err != nil {
		return err
	}
	if strings.TrimSpace(m.PersonID) == "" {
		return domain.Errorf(domain.ErrInvalid, "a memory needs a person")
	}
	m.PersonID = im.resolve(m.PersonID)
	if _, ok := im.people[m.PersonID]; !ok {
		im.unresolved[m.PersonID] = true
	}
	if im.dryRun {
		if _, err := im.tx.ExecContext(im.ctx, `INSERT OR IGNORE INTO temp.memories SELECT * FROM main.memories WHERE id = ?`, m.ID); err != nil {
			return fmt.Errorf("read memory %s: %w", m.ID, err)
		}
	}
	due, done := formatOptionalDate(m.Due), formatOptionalTime(m.DoneAt)
	res, err := im.st.insMemory.ExecContext(im.ctx, m.ID, m.PersonID, m.Text, due, done,
		formatTime(createdFromID(m.ID, im.now)))
	if err != nil {
		return fmt.Errorf("add memory %s: %w", m.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("add memory %s: %w", m.ID, err)
	} else if n == 1 {
		im.res.Memories.New++
		return nil
	}

	im.res.Memories.Matched++
	var (
		person, text          string
		storedDue, storedDone sql.NullString
	)
	if err := im.st.getMemory.QueryRowContext(im.ctx, m.ID).Scan(&person, &text, &storedDue, &storedDone); err != nil {
		return fmt.Errorf("read memory %s: %w", m.ID, err)
	}
	if storedDone.Valid && (done == nil || storedDone.String < done.(string)) {
		done = storedDone.String
	}
	if person == m.PersonID && text == m.Text && nullEqual(storedDue, due) && nullEqual(storedDone, done) {
		return nil
	}
	if nullEqual(storedDone, done) {
		if _, ok := im.people[m.PersonID]; ok || person == m.PersonID || text != m.Text || !nullEqual(storedDue, due) {
			im.keep("memory", m.ID) // not only a person the file lists later
		}
		return nil
	}
	// Done in the file: done in tend, the rest as tend has it.
	m.PersonID, m.Text, due = person, text, storedDue
	if _, err := im.st.updMemory.ExecContext(im.ctx, m.PersonID, m.Text, due, done, m.ID); err != nil {
		return fmt.Errorf("update memory %s: %w", m.ID, err)
	}
	im.res.Memories.Updated++
	return nil
}

func nullEqual(stored sql.NullString, v any) bool {
	if v == nil {
		return !stored.Valid
	}
	return stored.Valid && stored.String == v.(string)
}

// keep notes that the file's record of id differs from tend's, which
// stays: the first few by id, then how many more.
func (im *Import) keep(what, id string) {
	im.kept++
	if im.kept <= keptNamed {
		im.Note(domain.ImportNote{Where: what + " " + id, Text: "the file holds it otherwise; tend's kept (tend amend or remember --edit corrects it)"})
	}
}

// keptNamed is how many kept records the notes name one by one.
const keptNamed = 5

// finish settles references to people the file named before it listed
// them: an id matched by name to someone in tend is rewritten to tend's id,
// and an id nobody has is an error.
func (im *Import) finish() error {
	if im.kept > keptNamed {
		im.Note(domain.ImportNote{Text: fmt.Sprintf("%d more interactions and memories the file holds otherwise: tend's kept", im.kept-keptNamed)})
	}
	if err := im.flush(); err != nil {
		return err
	}
	if err := im.writeParticipants(); err != nil {
		return err
	}
	if err := im.restoreDerived(); err != nil {
		return err
	}
	ids := make([]string, 0, len(im.unresolved))
	for id := range im.unresolved {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		to, aliased := im.alias[id]
		if !aliased {
			if _, ok := im.people[id]; ok {
				continue
			}
			return domain.Errorf(domain.ErrInvalid, "no person with id %s, in the file or in tend", id)
		}
		for _, q := range []struct {
			query string
			args  []any
		}{
			// A person in the interaction under both ids keeps one row.
			{`UPDATE OR IGNORE interaction_people SET person_id = ? WHERE person_id = ?`, []any{to, id}},
			{`DELETE FROM interaction_people WHERE person_id = ?`, []any{id}},
			{`UPDATE memories SET person_id = ? WHERE person_id = ?`, []any{to, id}},
		} {
			if _, err := im.tx.ExecContext(im.ctx, q.query, q.args...); err != nil {
				return fmt.Errorf("import: merge %s into %s: %w", id, to, err)
			}
		}
	}
	return nil
}

// dropDerived drops the indexes of interaction_people (other than its
// primary key) and the triggers of the interaction tables, remembering how
// to make them again. The journal's triggers stay: an import is undone as
// one change, and every row it wrote must be in it.
func (im *Import) dropDerived() error {
	rows, err := im.tx.QueryContext(im.ctx, `SELECT type, name, sql FROM sqlite_schema
		WHERE sql IS NOT NULL AND (
			(type = 'index' AND tbl_name = 'interaction_people') OR
			(type = 'trigger' AND tbl_name IN ('interactions', 'interaction_people') AND
				(name NOT LIKE 'journal%' OR name = 'journal_interaction_people_insert')))
		ORDER BY type, name`)
	if err != nil {
		return fmt.Errorf("import: read schema: %w", err)
	}
	type object struct{ kind, name, def string }
	var objects []object
	for rows.Next() {
		var o object
		if err := rows.Scan(&o.kind, &o.name, &o.def); err != nil {
			rows.Close()
			return fmt.Errorf("import: read schema: %w", err)
		}
		objects = append(objects, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("import: read schema: %w", err)
	}
	im.touched = map[string]bool{}
	for _, o := range objects {
		q := fmt.Sprintf(`DROP %s "%s"`, strings.ToUpper(o.kind), strings.ReplaceAll(o.name, `"`, `""`))
		if _, err := im.tx.ExecContext(im.ctx, q); err != nil {
			return fmt.Errorf("import: drop %s %s: %w", o.kind, o.name, err)
		}
		if o.kind == "index" {
			im.indexes = append(im.indexes, o.def)
		} else {
			im.triggers = append(im.triggers, o.def)
		}
	}
	return nil
}

// touch notes people whose interactions change while the triggers are off.
func (im *Import) touch(ids ...string) {
	if im.touched == nil {
		return
	}
	for _, id := range ids {
		im.touched[id] = true
	}
}

// restoreDerived makes the dropped indexes and triggers again, then brings
// up to date what the triggers would have kept while they were off. The
// rows of person_history of people new to history that the import only
// added to, it has worked out itself (import_history.go) and writes whole.
// The others it has the triggers rebuild: a no-op update of one of a
// person's rows in interaction_people runs the "row changed" trigger, which
// reads that person's history again whole (see the person_history
// migration). TestBulkImportWritesHistoryAsTheTriggers checks that both
// give what the triggers give when they are on throughout.
func (im *Import) restoreDerived() error {
	for _, q := range im.indexes {
		if _, err := im.tx.ExecContext(im.ctx, q); err != nil {
			return fmt.Errorf("import: rebuild index: %w", err)
		}
	}
	for _, q := range im.triggers {
		if _, err := im.tx.ExecContext(im.ctx, q); err != nil {
			return fmt.Errorf("import: rebuild trigger: %w", err)
		}
	}
	if len(im.triggers) > 0 && len(im.touched) > 0 {
		ids := make([]string, 0, len(im.touched))
		for id := range im.touched {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		refresh, err := im.tx.PrepareContext(im.ctx, `UPDATE interaction_people SET person_id = person_id
			WHERE person_id = ?1 AND interaction_id = (
				SELECT interaction_id FROM interaction_people WHERE person_id = ?1 LIMIT 1)`)
		if err != nil {
			return fmt.Errorf("import: refresh history: %w", err)
		}
		defer refresh.Close()
		// The triggers on person_history (people.last_real_at) run on
		// this write as on theirs.
		write, err := im.tx.PrepareContext(im.ctx, `INSERT INTO person_history
			(person_id, recent, recent_real, last_in_at, last_in_via, last_in_id) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (person_id) DO UPDATE SET recent = excluded.recent, recent_real = excluded.recent_real,
				last_in_at = excluded.last_in_at, last_in_via = excluded.last_in_via, last_in_id = excluded.last_in_id`)
		if err != nil {
			return fmt.Errorf("import: write history: %w", err)
		}
		defer write.Close()
		for _, id := range ids {
			if h := im.ownHistory(id); h != nil {
				var inAt, inVia, inID any
				if h.lastIn.id != "" {
					inAt, inVia, inID = formatTime(time.Unix(h.lastIn.unix, 0)), string(h.lastIn.via), h.lastIn.id
				}
				if _, err := write.ExecContext(im.ctx, id, historyJSON(h.recent[:h.nRecent]), historyJSON(h.real[:h.nReal]),
					inAt, inVia, inID); err != nil {
					return fmt.Errorf("import: write history of %s: %w", id, err)
				}
				continue
			}
			if _, err := refresh.ExecContext(im.ctx, id); err != nil {
				return fmt.Errorf("import: refresh history of %s: %w", id, err)
			}
		}
	}
	im.indexes, im.triggers, im.touched = nil, nil, nil
	im.history = nil
	return nil
}

// The tables an import writes to, parents first.
var importTables = []string{"people", "important_dates", "interactions", "interaction_people", "memories"}

// shadow gives a dry run temporary tables of the same names, columns,
// constraints and unique indexes as those an import writes to. An unqualified
// name means the temporary table when there is one, so every statement of
// the import runs unchanged, and all its writes land in the temporary
// database, which takes no lock on the file: the dry run holds only a read
// transaction on it. People are copied whole (the import reads them all
// anyway); interactions and memories, of which there may be millions, are
// copied as the file names them, just before the statements that would
// meet them (faultInInteractions, PutMemory). The rollback at the end drops
// the tables.
func (im *Import) shadow() error {
	rows, err := im.tx.QueryContext(im.ctx, `SELECT type, tbl_name, sql FROM main.sqlite_schema
		WHERE sql IS NOT NULL AND (type = 'table' OR (type = 'index' AND sql LIKE 'CREATE UNIQUE INDEX %'))
		ORDER BY type = 'index'`)
	if err != nil {
		return fmt.Errorf("import: read schema: %w", err)
	}
	var defs []string
	for rows.Next() {
		var kind, table, def string
		if err := rows.Scan(&kind, &table, &def); err != nil {
			rows.Close()
			return fmt.Errorf("import: read schema: %w", err)
		}
		if !slices.Contains(importTables, table) {
			continue
		}
		if kind == "table" {
			rest, ok := strings.CutPrefix(def, "CREATE TABLE ")
			if !ok {
				rows.Close()
				return fmt.Errorf("import: unexpected definition of table %s", table)
			}
			def = "CREATE TEMP TABLE " + rest
		}
		defs = append(defs, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("import: read schema: %w", err)
	}
	for _, def := range defs {
		if _, err := im.tx.ExecContext(im.ctx, def); err != nil {
			return fmt.Errorf("import: copy schema: %w", err)
		}
	}
	for _, table := range []string{"people", "important_dates"} {
		if _, err := im.tx.ExecContext(im.ctx, fmt.Sprintf(`INSERT INTO temp.%s SELECT * FROM main.%[1]s`, table)); err != nil {
			return fmt.Errorf("import: copy %s: %w", table, err)
		}
	}
	return nil
}

// faultInInteractions copies into a dry run's tables the interactions of a
// batch that tend holds and the dry run has not seen yet, with their
// people: what the batch's statements would meet in the real tables.
func (im *Import) faultInInteractions(batch []domain.Interaction) error {
	ids := make([]any, len(batch))
	for i, in := range batch {
		ids[i] = in.ID
	}
	in := "(?" + strings.Repeat(", ?", len(ids)-1) + ")"
	// People first, and only of interactions not in the copy yet: an
	// interaction the dry run has rewritten keeps the people it gave it.
	for _, q := range []string{
		`INSERT OR IGNORE INTO temp.interaction_people SELECT * FROM main.interaction_people
			WHERE interaction_id IN ` + in + ` AND interaction_id NOT IN (SELECT id FROM temp.interactions)`,
		`INSERT OR IGNORE INTO temp.interactions SELECT * FROM main.interactions WHERE id IN ` + in,
	} {
		if _, err := im.tx.ExecContext(im.ctx, q, ids...); err != nil {
			return fmt.Errorf("read interactions: %w", err)
		}
	}
	return nil
}

// createdFromID reads the creation time a ULID carries, so that imported
// interactions and memories keep their order of creation; other ids are
// taken as created now.
func createdFromID(id string, now time.Time) time.Time {
	u, err := ulid.ParseStrict(id)
	if err != nil {
		return now
	}
	t := ulid.Time(u.Time()).UTC().Truncate(time.Second)
	if t.Year() < 2000 || t.After(now) {
		return now
	}
	return t
}
