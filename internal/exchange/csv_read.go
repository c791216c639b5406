package exchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// ReadCSV reads people from a table whose first row names the columns:
// tend's own (name, tier, every, birthday, phone, email, tags, notes,
// dates, org, job_title), or the exports of address books, recognised by
// their headers: Google Contacts (the older "Name, Given Name, ... E-mail
// 1 - Value, Group Membership" and the current "First Name, Last Name, ...
// E-mail 1 - Value, Labels"), Thunderbird ("Display Name, Primary Email,
// ... Birth Year, Birth Month, Birth Day"), Outlook ("First Name, Last
// Name, E-mail Address, Mobile Phone, ...") and lists of e-mail addresses.
// The separator may be a comma, a semicolon or a tab. A cell WriteCSV kept
// from being a formula (an apostrophe before =, +, -, @, a tab or a
// carriage return) reads back without that apostrophe.
//
// Each row becomes a person, matched by name to someone in tend or added.
// A column tend does not keep is passed over and counted in one skip entry;
// a row whose columns give no name is called by its e-mail or phone, and
// only a row with nothing at all to call the person by, a ragged row, or a
// value tend cannot read is an *InputError naming the line. The whole file
// is then refused.
func ReadCSV(r io.Reader, t Target) error {
	// The file streams through, a row at a time, each row bounded: a huge
	// or binary file is refused at its first bad row, not after it was
	// read whole.
	start, r, err := peek(r)
	if err != nil {
		return fmt.Errorf("read: %w", err)
	}
	if bom := []byte{0xEF, 0xBB, 0xBF}; bytes.HasPrefix(start, bom) { // spreadsheets write one
		start = start[len(bom):]
		if _, err := io.ReadFull(r, make([]byte, len(bom))); err != nil {
			return fmt.Errorf("read: %w", err)
		}
	}
	if err := checkText(start, "a CSV file"); err != nil {
		return err
	}
	guessed := !validUTF8(trimCutRune(start))
	if guessed {
		r = transform.NewReader(r, charmap.Windows1252.NewDecoder()) // as older spreadsheets save
	}
	lim := &recordLimiter{r: r, max: MaxRecordBytes}
	cr := csv.NewReader(lim)
	cr.Comma = sniffComma(start)
	cr.FieldsPerRecord = -1 // counted here, to say which line is ragged
	lastLine := 0
	next := func() ([]string, error) {
		cells, err := cr.Read()
		if errors.Is(err, errRecordTooLong) {
			return nil, tooLong(lastLine+1, "the row")
		}
		if err == nil {
			lim.markAt(cr.InputOffset())
			lastLine, _ = cr.FieldPos(len(cells) - 1)
			for i, c := range cells {
				if !utf8.ValidString(c) {
					cells[i] = toUTF8([]byte(c), "") // a cell of another encoding, further down
					guessed = true
				}
			}
		}
		return cells, err
	}
	header, err := next()
	if err == io.EOF {
		return inputErrorf(0, "", "the file is empty (want a header row naming the columns, such as name,tier,birthday)")
	}
	if err != nil {
		return csvErr(err)
	}
	layout, err := readHeader(header)
	if err != nil {
		return err
	}
	// The rows are kept until the end: how the file writes d/m/y dates is
	// told by all of them together. Each is bounded as it streams in.
	type row struct {
		line  int
		cells []string
	}
	var rows []row
	for {
		cells, err := next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return csvErr(err)
		}
		line, _ := cr.FieldPos(0)
		// Thunderbird ends each row with a comma, and its header not always:
		// empty cells past the header are no one's.
		for len(cells) > len(header) && strings.TrimSpace(cells[len(cells)-1]) == "" {
			cells = cells[:len(cells)-1]
		}
		if len(cells) != len(header) {
			return inputErrorf(line, "", "the row has %d fields, the header %d", len(cells), len(header))
		}
		if strings.TrimSpace(strings.Join(cells, "")) == "" {
			continue // a row of empty cells, as spreadsheets leave at the end
		}
		rows = append(rows, row{line, cells})
		layout.see(cells)
	}
	layout.settleDates()
	names := newNameGuard()
	now := birthdayNow(t)
	for _, r := range rows {
		p, leftOut, err := layout.person(r.cells)
		if err != nil {
			return &InputError{Line: r.line, Err: err}
		}
		where := fmt.Sprintf("line %d", r.line)
		if err := domain.CheckBirthday(p.Birthday, now); err != nil {
			leftOut = fmt.Sprintf("%v; left out", err)
			p.Birthday = cadence.MonthDay{}
		}
		if leftOut != "" {
			t.Note(domain.ImportNote{Where: where, Text: leftOut})
		}
		if note, ok := names.place(&p, where); ok {
			t.Note(note)
		}
		if _, err := t.MatchPerson(p); err != nil {
			return placeErr(err, r.line, "")
		}
	}
	layout.report(t)
	if guessed {
		t.Note(domain.ImportNote{Text: "the file is not UTF-8: read as Windows-1252, a guess (check the names)"})
	}
	return nil
}

// A csvColumn is what one column of the header gives a person.
type csvColumn struct {
	field string // one of the csvField constants
	kind  string // a phone's or e-mail's kind, when the column says it ("home", "work,fax")
	slot  string // Google's numbered pairs: "E-mail 1 - Value" and "E-mail 1 - Type" share "email 1"
}

// The fields a column can fill.
const (
	fName       = "name"
	fGiven      = "given"
	fMiddle     = "middle"
	fFamily     = "family"
	fPrefix     = "prefix"
	fSuffix     = "suffix"
	fNickname   = "nickname"
	fAliases    = "aliases" // tend's own column: alias; alias
	fOrg        = "org"
	fJobTitle   = "job_title"
	fEmail      = "email"
	fEmailKind  = "email kind"
	fPhone      = "phone"
	fPhoneKind  = "phone kind"
	fBirthday   = "birthday"
	fBirthYear  = "birth year"
	fBirthMonth = "birth month"
	fBirthDay   = "birth day"
	fDate       = "date"      // an important date; kind holds its label
	fDateLabel  = "date kind" // the label of a numbered date (Google's events)
	fNotes      = "notes"
	fTags       = "tags"
	fTier       = "tier"
	fEvery      = "every"
	fDates      = "dates" // tend's own column: label=date; ...
	fDerived    = ""      // worked out by tend on export, or carrying nothing: passed over
)

// csvHeaders names the columns tend reads, in every layout it knows, by
// their header in lower case with "_" as a space.
var csvHeaders = map[string]csvColumn{
	// Names.
	"name": {field: fName}, "display name": {field: fName}, "full name": {field: fName},
	"first name": {field: fGiven}, "given name": {field: fGiven},
	"middle name": {field: fMiddle}, "additional name": {field: fMiddle},
	"last name": {field: fFamily}, "family name": {field: fFamily}, "surname": {field: fFamily},
	// Outlook's "Title" is the name's prefix (Mr., Dr.); the job is "Job Title".
	"title": {field: fPrefix}, "name prefix": {field: fPrefix}, "prefix": {field: fPrefix},
	"suffix": {field: fSuffix}, "name suffix": {field: fSuffix},
	"nickname": {field: fNickname}, "nick name": {field: fNickname}, "aliases": {field: fAliases},
	// Work.
	"org": {field: fOrg}, "company": {field: fOrg}, "organization": {field: fOrg}, "organisation": {field: fOrg},
	"organization name": {field: fOrg}, "organization 1 - name": {field: fOrg},
	"job title": {field: fJobTitle}, "organization title": {field: fJobTitle}, "organization 1 - title": {field: fJobTitle},
	// E-mail.
	"email": {field: fEmail}, "emails": {field: fEmail}, "e-mail": {field: fEmail}, "email address": {field: fEmail},
	"e-mail address": {field: fEmail}, "primary email": {field: fEmail}, "secondary email": {field: fEmail},
	"e-mail 2 address": {field: fEmail}, "e-mail 3 address": {field: fEmail},
	"email home": {field: fEmail, kind: "home"}, "home email": {field: fEmail, kind: "home"},
	"email work": {field: fEmail, kind: "work"}, "work email": {field: fEmail, kind: "work"},
	"business email": {field: fEmail, kind: "work"},
	"email other":    {field: fEmail, kind: "other"}, "other email": {field: fEmail, kind: "other"},
	// Phones. An assistant's phone is not the person's.
	"phone": {field: fPhone}, "phones": {field: fPhone}, "telephone": {field: fPhone}, "phone number": {field: fPhone},
	"primary phone": {field: fPhone}, "phone video": {field: fPhone}, "callback": {field: fPhone}, "isdn": {field: fPhone},
	"radio phone": {field: fPhone}, "tty/tdd phone": {field: fPhone}, "telex": {field: fPhone},
	"home phone": {field: fPhone, kind: "home"}, "home phone 2": {field: fPhone, kind: "home"},
	"business phone": {field: fPhone, kind: "work"}, "business phone 2": {field: fPhone, kind: "work"},
	"work phone": {field: fPhone, kind: "work"}, "company main phone": {field: fPhone, kind: "work,main"},
	"mobile phone": {field: fPhone, kind: "mobile"}, "mobile number": {field: fPhone, kind: "mobile"},
	"mobile": {field: fPhone, kind: "mobile"}, "cell phone": {field: fPhone, kind: "mobile"},
	"home mobile": {field: fPhone, kind: "mobile"},
	"pager":       {field: fPhone, kind: "pager"}, "pager number": {field: fPhone, kind: "pager"},
	"home fax": {field: fPhone, kind: "home,fax"}, "business fax": {field: fPhone, kind: "work,fax"},
	"work fax": {field: fPhone, kind: "work,fax"}, "other fax": {field: fPhone, kind: "other,fax"},
	"fax": {field: fPhone, kind: "fax"}, "fax number": {field: fPhone, kind: "fax"},
	"other phone": {field: fPhone, kind: "other"}, "car phone": {field: fPhone, kind: "car"},
	// Dates.
	"birthday": {field: fBirthday}, "birth date": {field: fBirthday}, "date of birth": {field: fBirthday},
	"birth year": {field: fBirthYear}, "birth month": {field: fBirthMonth}, "birth day": {field: fBirthDay},
	"anniversary": {field: fDate, kind: "anniversary"}, "dates": {field: fDates},
	// The rest.
	"notes": {field: fNotes}, "note": {field: fNotes},
	"tags": {field: fTags}, "tag": {field: fTags}, "categories": {field: fTags}, "group membership": {field: fTags},
	"labels": {field: fTags}, "groups": {field: fTags},
	"tier": {field: fTier}, "every": {field: fEvery}, "every days": {field: fEvery},
	// What tend's export adds, and what only describes another column.
	"last real at": {}, "last real via": {}, "days since real": {}, "due ratio": {}, "due": {}, "id": {},
	"e-mail type": {}, "e-mail 2 type": {}, "e-mail 3 type": {},
	"e-mail display name": {}, "e-mail 2 display name": {}, "e-mail 3 display name": {},
}

// Google numbers the e-mails, phones and events of a contact: "Phone 1 -
// Type" (older exports) or "Phone 1 - Label" (current ones) beside "Phone 1
// - Value".
var numberedHeader = lazyRegexp(`^(e-?mail|phone|event) (\d+) - (value|type|label)$`)

// headerKey is a header as csvHeaders spells it.
func headerKey(h string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(h, "_", " "))), " ")
}

// csvLayout is how a file's columns map to a person, and what the rows
// showed about them.
type csvLayout struct {
	header  []string
	columns []csvColumn // by index; field "" for a column passed over
	unknown []int       // columns tend does not keep
	filled  []bool      // by index: a row had a value in the column
	read    []string    // the headers of the columns used, for the summary
	order   dateOrder   // how the file writes d/m/y dates
	evident dateOrder   // what the rows showed about it
	guessed bool        // the order was a guess
	// own is set for tend's own export (it has a tier column), which
	// joins values with "; " only: a ":::" there is part of a value, not
	// Google's separator.
	own bool
}

// readHeader maps the header row, and refuses a file none of whose columns
// could name anyone.
func readHeader(header []string) (*csvLayout, error) {
	l := &csvLayout{header: header, columns: make([]csvColumn, len(header)), filled: make([]bool, len(header))}
	seen := map[string]bool{}
	names := false
	for i, h := range header {
		key := headerKey(h)
		if key == "" {
			continue // Thunderbird's trailing comma
		}
		col, ok := csvHeaders[key]
		if m := numberedHeader().FindStringSubmatch(key); m != nil {
			kind, n, part := m[1], m[2], m[3]
			field := map[string]string{"e-mail": fEmail, "email": fEmail, "phone": fPhone, "event": fDate}[kind]
			if part != "value" {
				field = map[string]string{fEmail: fEmailKind, fPhone: fPhoneKind, fDate: fDateLabel}[field]
			}
			col, ok = csvColumn{field: field, slot: kind + " " + n}, true
		}
		if !ok {
			l.unknown = append(l.unknown, i)
			continue
		}
		l.columns[i] = col
		if col.field == fTier {
			l.own = true
		}
		if col.field == fDerived {
			continue
		}
		switch col.field {
		case fName, fTier, fEvery, fBirthday, fDates:
			if seen[key] {
				return nil, inputErrorf(1, "", "column %q appears twice", strings.TrimSpace(h))
			}
		}
		seen[key] = true
		switch col.field {
		case fName, fGiven, fMiddle, fFamily, fNickname, fOrg, fEmail, fPhone:
			names = true
		}
		l.read = append(l.read, strings.TrimSpace(h))
	}
	if !names {
		return nil, inputErrorf(1, "", "no column gives a name: want one of name, display name, first name, last name, nickname, company, e-mail or phone (the header has %s)",
			clip(strings.Join(header, ", ")))
	}
	return l, nil
}

// see notes what a row holds: which columns have values, and what its
// d/m/y dates say about their order.
func (l *csvLayout) see(cells []string) {
	for i, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		l.filled[i] = true
		switch l.columns[i].field {
		case fBirthday, fDate:
			l.evident |= slashOrder(c)
		}
	}
}

// settleDates decides how the file writes d/m/y dates: as its rows show,
// or, when no row tells, month first as Outlook does in the US, a guess
// the summary mentions.
func (l *csvLayout) settleDates() {
	switch l.evident {
	case dayFirst:
		l.order = dayFirst
	case monthFirst:
		l.order = monthFirst
	case dayFirst | monthFirst:
		l.order = 0 // both orders appear: no d/m/y date is read
	default:
		l.order = monthFirst
	}
}

// report adds the summary lines: the columns used, and those passed over.
func (l *csvLayout) report(t Target) {
	var lost []string
	for _, i := range l.unknown {
		if l.filled[i] {
			lost = append(lost, strings.TrimSpace(l.header[i]))
		}
	}
	if len(lost) > 0 {
		noun := "columns"
		if len(lost) == 1 {
			noun = "column"
		}
		// The rows are kept: a column passed over is a note, not a skip.
		t.Note(domain.ImportNote{Text: fmt.Sprintf("passed over %d %s tend does not keep: %s", len(lost), noun, shortList(lost, 6))})
	}
	if len(l.read) > 0 {
		t.Note(domain.ImportNote{Text: "columns read: " + shortList(l.read, 8)})
	}
	if l.guessed {
		t.Note(domain.ImportNote{Text: "dates such as 5/4/1990 read as month/day/year: no date in the file tells which comes first (a guess; check the birthdays)"})
	}
}

// shortList names the first n of a list and counts the rest.
func shortList(list []string, n int) string {
	if len(list) <= n {
		return strings.Join(list, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(list[:n], ", "), len(list)-n)
}

// person reads one row. A birthday it cannot read is left out, and said
// in leftOut: a part of a row, not a reason to refuse the file.
func (l *csvLayout) person(cells []string) (p domain.Person, leftOut string, err error) {
	var (
		display              string
		n                    domain.NameParts
		nicknames            []string
		notes                []string
		year, month, day     string
		emailKind            = map[string]string{} // slot → kinds, one per value
		phoneKind            = map[string]string{}
		dateLabel            = map[string]string{}
		emailSlot, telSlot   = map[string][]string{}, map[string][]string{}
		dateSlot             = map[string]string{}
		emailOrder, telOrder []string
	)
	p.PhoneTypes, p.EmailTypes = map[string]string{}, map[string]string{}
	addPhone := func(v, kind string) {
		if v == "" || slices.Contains(p.Phones, v) {
			return
		}
		p.Phones = append(p.Phones, v)
		if kind != "" {
			p.PhoneTypes[v] = kind
		}
	}
	addEmail := func(v, kind string) {
		if v == "" || slices.Contains(p.Emails, v) {
			return
		}
		p.Emails = append(p.Emails, v)
		if kind != "" {
			p.EmailTypes[v] = kind
		}
	}
	for i, raw := range cells {
		col := l.columns[i]
		// A cell WriteCSV kept from being a formula reads back without its
		// apostrophe.
		v := restoreCell(strings.TrimSpace(raw))
		if v == "" || col.field == fDerived {
			continue
		}
		switch col.field {
		case fName:
			display = v
		case fGiven:
			n.Given = v
		case fMiddle:
			n.Additional = v
		case fFamily:
			n.Family = v
		case fPrefix:
			n.Prefix = v
		case fSuffix:
			n.Suffix = v
		case fNickname:
			nicknames = append(nicknames, v)
		case fAliases:
			nicknames = append(nicknames, splitList(v, ";")...)
		case fOrg:
			p.Org = v
		case fJobTitle:
			p.JobTitle = v
		case fEmail:
			if col.slot != "" {
				emailSlot[col.slot] = l.googleList(v, ";,")
				emailOrder = append(emailOrder, col.slot)
				continue
			}
			for _, e := range l.googleList(v, ";,") {
				addEmail(e, col.kind)
			}
		case fEmailKind:
			emailKind[col.slot] = v
		case fPhone:
			if col.slot != "" {
				telSlot[col.slot] = l.splitPhones(v)
				telOrder = append(telOrder, col.slot)
				continue
			}
			for _, ph := range l.splitPhones(v) {
				addPhone(ph, col.kind)
			}
		case fPhoneKind:
			phoneKind[col.slot] = v
		case fBirthday:
			d, err := l.date(v)
			if err != nil {
				leftOut = fmt.Sprintf("birthday: %v; left out", err)
				continue
			}
			p.Birthday = d
		case fBirthYear:
			year = v
		case fBirthMonth:
			month = v
		case fBirthDay:
			day = v
		case fDate:
			if col.slot != "" {
				dateSlot[col.slot] = v
				continue
			}
			d, err := l.date(v)
			if err != nil {
				return p, "", fmt.Errorf("%s: %v", col.kind, err)
			}
			if !d.IsZero() {
				p.ImportantDates = append(p.ImportantDates, domain.ImportantDate{Label: col.kind, Date: d})
			}
		case fDateLabel:
			dateLabel[col.slot] = v
		case fDates:
			for _, item := range splitList(v, ";") {
				d, err := cadence.ParseDated(item)
				if err != nil {
					return p, "", fmt.Errorf("dates: %v", err)
				}
				p.ImportantDates = append(p.ImportantDates, domain.ImportantDate{Label: strings.TrimSpace(d.Label), Date: d.Date})
			}
		case fNotes:
			notes = append(notes, v)
		case fTags:
			p.Tags = append(p.Tags, l.tagList(v)...)
		case fTier:
			tier, err := cadence.ParseTier(v)
			if err != nil {
				return p, "", fmt.Errorf("tier %q is not a tier (want inner, close, regular or outer)", clip(v))
			}
			p.Tier = tier
		case fEvery:
			every, err := cadence.ParseEvery(v)
			if err != nil {
				return p, "", fmt.Errorf("every: %v", err)
			}
			p.Every = every
		}
	}
	for _, slot := range emailOrder {
		kinds := l.googleList(emailKind[slot], "")
		for j, e := range emailSlot[slot] {
			addEmail(e, labelKind(pick(kinds, j), emailKinds))
		}
	}
	for _, slot := range telOrder {
		kinds := l.googleList(phoneKind[slot], "")
		for j, ph := range telSlot[slot] {
			addPhone(ph, labelKind(pick(kinds, j), phoneKinds))
		}
	}
	for slot, v := range sortedMap(dateSlot) {
		d, err := l.date(v)
		if err != nil {
			return p, "", fmt.Errorf("%s: %v", slot, err)
		}
		label := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(dateLabel[slot]), "* "))
		if label == "" {
			label = "date"
		}
		if !d.IsZero() {
			p.ImportantDates = append(p.ImportantDates, domain.ImportantDate{Label: label, Date: d})
		}
	}
	if year != "" || month != "" || day != "" {
		d, err := splitDate(year, month, day)
		switch {
		case err != nil:
			leftOut = fmt.Sprintf("birthday: %v; left out", err)
		case p.Birthday.IsZero():
			p.Birthday = d
		}
	}
	p.Notes = strings.Join(notes, "\n\n")
	if !n.IsZero() {
		p.NameParts = n
	}
	p.Name = display
	if p.Name == "" {
		p.Name = strings.Join(nonEmptyOf(n.Given, n.Additional, n.Family), " ")
	}
	// Nicknames are aliases, and the name when nothing else gives one.
	for _, fallback := range [][]string{nicknames, {p.Org}, p.Emails, p.Phones} {
		if p.Name == "" && len(fallback) > 0 {
			p.Name = fallback[0]
		}
	}
	if p.Name == "" {
		return p, "", errors.New("nothing gives a name: the row has no name, nickname, company, e-mail or phone")
	}
	for _, nick := range nicknames {
		if nick != p.Name && !slices.Contains(p.Aliases, nick) {
			p.Aliases = append(p.Aliases, nick)
		}
	}
	return p, leftOut, nil
}

// googleParts splits a cell at Google's " ::: ", unless the file is
// tend's own.
func (l *csvLayout) googleParts(v string) []string {
	if l.own {
		return []string{v}
	}
	return strings.Split(v, ":::")
}

// googleList splits a cell that may hold several values: Google joins them
// with " ::: ", and other tools with the separators given.
func (l *csvLayout) googleList(v, seps string) []string {
	var out []string
	for _, part := range l.googleParts(v) {
		if seps == "" {
			out = append(out, strings.TrimSpace(part))
			continue
		}
		out = append(out, splitList(part, seps)...)
	}
	return out
}

// splitPhones splits a cell of phones at semicolons, Google's " ::: " too,
// but not at the semicolon of a tel: parameter: "+1 418 656 9254;ext=102"
// is one phone.
func (l *csvLayout) splitPhones(v string) []string {
	var out []string
	for _, part := range l.googleParts(v) {
		start := 0
		for i := 0; i < len(part); i++ {
			if part[i] == ';' && !telParam().MatchString(part[i+1:]) {
				out = append(out, part[start:i])
				start = i + 1
			}
		}
		out = append(out, part[start:])
	}
	return slices.DeleteFunc(trimAll(out), func(s string) bool { return s == "" })
}

// telParam is the start of a parameter of a tel: URI (RFC 3966): ext=,
// isub=, phone-context= and the like.
var telParam = lazyRegexp(`^[A-Za-z][A-Za-z0-9-]*=`)

func trimAll(list []string) []string {
	for i := range list {
		list[i] = strings.TrimSpace(list[i])
	}
	return list
}

// tagList reads a cell of tags: tend's and Outlook's "a; b", Google's
// "* myContacts ::: Friends". Google's own groups lose their "* ", and the
// one every contact is in (My Contacts) is no tag; in tend's own export
// a tag is read as it was written, whatever it starts with.
func (l *csvLayout) tagList(v string) []string {
	var out []string
	for _, t := range l.googleList(v, ";,") {
		if l.own {
			if t = strings.TrimSpace(t); t != "" {
				out = append(out, t)
			}
			continue
		}
		t = strings.TrimSpace(strings.TrimPrefix(t, "* "))
		if k := strings.ToLower(strings.ReplaceAll(t, " ", "")); k == "mycontacts" || t == "" {
			continue
		}
		out = append(out, t)
	}
	return out
}

// labelKind reads a kind as address books label it ("* Home", "Mobile",
// "Work Fax"): the words tend knows, or the label itself in lower case.
func labelKind(label string, known map[string]string) string {
	label = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(label), "*")))
	if label == "" {
		return ""
	}
	if k, ok := known[strings.ReplaceAll(label, " ", "")]; ok {
		return k
	}
	var kinds []string
	for _, w := range strings.Fields(label) {
		k, ok := known[w]
		if !ok {
			return strings.ReplaceAll(label, ",", " ")
		}
		kinds = append(kinds, k)
	}
	return strings.Join(kinds, ",")
}

func pick(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	if len(list) == 1 {
		return list[0]
	}
	return ""
}

func nonEmptyOf(parts ...string) []string {
	return slices.DeleteFunc(parts, func(s string) bool { return s == "" })
}

// sortedMap walks a map in key order, so that a row's dates keep an order.
func sortedMap(m map[string]string) func(func(string, string) bool) {
	return func(yield func(string, string) bool) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}

// dateOrder is what a d/m/y date says of the order of its parts.
type dateOrder int

const (
	dayFirst   dateOrder = 1 << iota // 20/01/1991
	monthFirst                       // 1/20/1991
)

var slashDate = lazyRegexp(`^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$`)

// slashOrder tells what one date says: day first when its first part is
// past 12, month first when its second is, nothing when both fit.
func slashOrder(v string) dateOrder {
	m := slashDate().FindStringSubmatch(strings.TrimSpace(v))
	if m == nil {
		return 0
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	switch {
	case a > 12 && b <= 12:
		return dayFirst
	case b > 12 && a <= 12:
		return monthFirst
	case strings.Contains(v, "."):
		return dayFirst // 15.11.1970 is written day first wherever dots are
	}
	return 0
}

// date reads a date as address books write it: tend's and vCard's forms
// (1990-04-15, --04-15, 04-15, 19900415) and d/m/y in the file's order.
// A year of two digits is left out rather than guessed; Outlook's 0/0/00
// is no date.
func (l *csvLayout) date(v string) (cadence.MonthDay, error) {
	v = strings.TrimSpace(v)
	if m := slashDate().FindStringSubmatch(v); m != nil {
		a, b, y := m[1], m[2], m[3]
		if strings.Trim(a+b+y, "0") == "" {
			return cadence.MonthDay{}, nil
		}
		order := l.order
		if strings.Contains(v, ".") {
			order = dayFirst
		}
		if order == 0 {
			return cadence.MonthDay{}, fmt.Errorf("%q: the file writes dates both day first and month first", clip(v))
		}
		if l.evident == 0 && !strings.Contains(v, ".") {
			l.guessed = true
		}
		month, day := a, b
		if order == dayFirst {
			month, day = b, a
		}
		if len(y) == 2 {
			y = ""
		}
		return splitDate(y, month, day)
	}
	if g := basicDate().FindStringSubmatch(v); g != nil {
		v = g[1] + "-" + g[2] + "-" + g[3]
	}
	d, err := cadence.ParseMonthDay(v)
	if err != nil {
		return d, err
	}
	if d.Year == 1604 || d.Year == 0 {
		d.Year = 0
	}
	return d, nil
}

// splitDate puts a date together from its parts (Thunderbird's Birth Year,
// Birth Month and Birth Day), the year optional.
func splitDate(year, month, day string) (cadence.MonthDay, error) {
	m, errM := strconv.Atoi(strings.TrimSpace(month))
	d, errD := strconv.Atoi(strings.TrimSpace(day))
	if errM != nil || errD != nil {
		return cadence.MonthDay{}, fmt.Errorf("month %q and day %q are not a date", clip(month), clip(day))
	}
	iso := fmt.Sprintf("%02d-%02d", m, d)
	if y, err := strconv.Atoi(strings.TrimSpace(year)); err == nil && y > 0 && y != 1604 {
		iso = fmt.Sprintf("%04d-%s", y, iso)
	} else if strings.TrimSpace(year) != "" && err != nil {
		return cadence.MonthDay{}, fmt.Errorf("year %q is not a number", clip(year))
	}
	return cadence.ParseMonthDay(iso)
}
