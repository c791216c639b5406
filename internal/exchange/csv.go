package exchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/store"
)

// CSVColumns are the columns of `tend export csv`, in order. The first
// eight are read back by ReadCSV; the others are worked out by tend (where
// each person stands today) and are passed over on import, so that an
// exported file, edited in a spreadsheet, imports again.
var CSVColumns = []string{
	"name", "tier", "every", "birthday", "phone", "email", "tags", "notes",
	"last_real_at", "last_real_via", "days_since_real", "due_ratio", "due", "id",
}

// csvRead are the columns ReadCSV uses; csvDerived those it passes over.
var (
	csvRead    = CSVColumns[:8]
	csvDerived = CSVColumns[8:]
	// csvAliases lets a hand-made header say it the other natural way.
	csvAliases = map[string]string{
		"phones": "phone", "emails": "email", "e-mail": "email", "tag": "tags",
		"every_days": "every", "note": "notes",
	}
)

// listSep joins the phones, e-mails and tags of one cell.
const listSep = "; "

// WriteCSV writes one row per person with where they stand at now: days
// since the last real conversation, the due ratio, and whether they are due.
func WriteCSV(w io.Writer, people []store.Summary, now time.Time) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	for _, sum := range people {
		p := sum.Person
		st := cadence.Assess(sum.Cadence(), now)
		every := ""
		if p.Every > 0 {
			every = strconv.Itoa(p.Every)
		}
		lastAt, lastVia := "", ""
		if !sum.LastReal.IsZero() {
			lastAt, lastVia = Time(sum.LastReal.At), string(sum.LastReal.Via)
		}
		row := []string{
			p.Name, string(p.Tier), every, p.Birthday.String(),
			strings.Join(p.Phones, listSep), strings.Join(p.Emails, listSep), strings.Join(p.Tags, listSep), p.Notes,
			lastAt, lastVia, strconv.Itoa(st.DaysSinceReal), strconv.FormatFloat(st.DueRatio, 'f', 2, 64),
			strconv.FormatBool(st.Due), p.ID,
		}
		for i := range row {
			row[i] = defuseCell(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// formulaStart holds the characters a spreadsheet takes as the start of a
// formula (=, +, -, @) or strips before one (tab, carriage return): a
// note "=HYPERLINK(...)" would become a live link when the file is opened.
const formulaStart = "=+-@\t\r"

// defuseCell keeps a spreadsheet from evaluating a cell, the way
// spreadsheet-safe exporters do: a cell that starts with a formula
// character is written after an apostrophe, which spreadsheets show as
// text and do not display. So that ReadCSV can take the apostrophe off
// again without changing anything else, a cell that already starts with
// apostrophes followed by a formula character gets one more.
func defuseCell(s string) string {
	if looksLikeFormula(strings.TrimLeft(s, "'")) {
		return "'" + s
	}
	return s
}

// restoreCell undoes defuseCell: one apostrophe comes off a cell that
// starts with apostrophes followed by a formula character.
func restoreCell(s string) string {
	if strings.HasPrefix(s, "'") && looksLikeFormula(strings.TrimLeft(s, "'")) {
		return s[1:]
	}
	return s
}

func looksLikeFormula(s string) bool {
	return s != "" && strings.IndexByte(formulaStart, s[0]) >= 0
}

// ReadCSV reads people from a table whose first row names the columns:
// name (required), tier, every, birthday, phone, email, tags and notes, in
// any order and case. A cell WriteCSV kept from being a formula (an
// apostrophe before =, +, -, @, a tab or a carriage return) reads back
// without that apostrophe. Each row is matched by name to someone in tend or
// added. Lists in one cell are split at semicolons (e-mails and tags at
// commas too). The separator may be a comma, a semicolon (as spreadsheets
// in many countries write) or a tab. An unknown column, a row with the
// wrong number of cells, or a value tend cannot read is an *InputError
// naming the line; the whole file is then refused.
func ReadCSV(r io.Reader, t Target) error {
	// The file streams through, a row at a time, each row bounded: a huge
	// or binary file is refused at its first bad row, not after it was
	// read whole.
	start, r, err := peek(r)
	if err != nil {
		return err
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
	if !validUTF8(trimCutRune(start)) {
		// Windows-1252, as older spreadsheets save.
		r = transform.NewReader(r, charmap.Windows1252.NewDecoder())
	}
	lim := &recordLimiter{r: r, max: MaxRecordBytes}
	cr := csv.NewReader(lim)
	cr.Comma = sniffComma(start)
	cr.FieldsPerRecord = -1 // counted here, to say which line is ragged
	lastLine := 0
	next := func() ([]string, error) {
		row, err := cr.Read()
		if errors.Is(err, errRecordTooLong) {
			return nil, tooLong(lastLine+1, "the row")
		}
		if err == nil {
			lim.markAt(cr.InputOffset())
			lastLine, _ = cr.FieldPos(len(row) - 1)
			for i, c := range row {
				if !utf8.ValidString(c) {
					row[i] = toUTF8([]byte(c), "") // a cell of another encoding, further down
				}
			}
		}
		return row, err
	}
	header, err := next()
	if err == io.EOF {
		return inputErrorf(0, "", "the file is empty (want a header row naming the columns, such as name,tier,birthday)")
	}
	if err != nil {
		return csvErr(err)
	}
	cols, err := csvHeader(header)
	if err != nil {
		return err
	}
	for {
		row, err := next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvErr(err)
		}
		line, _ := cr.FieldPos(0)
		if len(row) != len(header) {
			return inputErrorf(line, "", "the row has %d fields, the header %d", len(row), len(header))
		}
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue // a row of empty cells, as spreadsheets leave at the end
		}
		p, err := csvPerson(row, cols)
		if err == nil {
			err = store.CheckBirthday(p.Birthday, birthdayNow(t))
		}
		if err != nil {
			return &InputError{Line: line, Err: err}
		}
		if _, err := t.MatchPerson(p); err != nil {
			return placeErr(err, line, "")
		}
	}
}

// csvHeader maps each column the file has to its index, and refuses
// columns it does not know, naming all of them.
func csvHeader(header []string) (map[string]int, error) {
	cols := map[string]int{}
	var unknown []string
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if a, ok := csvAliases[name]; ok {
			name = a
		}
		known := false
		for _, c := range CSVColumns {
			known = known || c == name
		}
		if !known {
			unknown = append(unknown, strconv.Quote(strings.TrimSpace(h)))
			continue
		}
		if _, dup := cols[name]; dup {
			return nil, inputErrorf(1, "", "column %q appears twice", name)
		}
		cols[name] = i
	}
	if len(unknown) > 0 {
		noun := "column"
		if len(unknown) > 1 {
			noun = "columns"
		}
		return nil, inputErrorf(1, "", "unknown %s %s (tend reads %s; it passes over %s)",
			noun, strings.Join(unknown, ", "), strings.Join(csvRead, ", "), strings.Join(csvDerived, ", "))
	}
	if _, ok := cols["name"]; !ok {
		return nil, inputErrorf(1, "", "no name column: the header row must name the columns, name among them")
	}
	return cols, nil
}

func csvPerson(row []string, cols map[string]int) (store.Person, error) {
	cell := func(name string) string {
		if i, ok := cols[name]; ok {
			return restoreCell(strings.TrimSpace(row[i]))
		}
		return ""
	}
	p := store.Person{Name: cell("name"), Notes: cell("notes")}
	if p.Name == "" {
		return p, errors.New("name is empty (every row needs one)")
	}
	if v := cell("tier"); v != "" {
		tier, err := cadence.ParseTier(v)
		if err != nil {
			return p, fmt.Errorf("tier %q is not a tier (want inner, close, regular or outer)", v)
		}
		p.Tier = tier
	}
	if v := cell("every"); v != "" {
		n, err := cadence.ParseEvery(v)
		if err != nil {
			return p, fmt.Errorf("every: %v", err)
		}
		p.Every = n
	}
	if v := cell("birthday"); v != "" {
		d, err := cadence.ParseMonthDay(v)
		if err != nil {
			return p, fmt.Errorf("birthday: %v", err)
		}
		p.Birthday = d
	}
	p.Phones = splitList(cell("phone"), ";")
	p.Emails = splitList(cell("email"), ";,")
	p.Tags = splitList(cell("tags"), ";,")
	return p, nil
}

func splitList(s, seps string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// sniffComma picks the separator the header row uses most.
func sniffComma(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte{'\n'})
	best, bestN := ',', bytes.Count(first, []byte{','})
	for _, c := range []rune{';', '\t'} {
		if n := bytes.Count(first, []byte{byte(c)}); n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// trimCutRune drops a rune cut in two at the end of b, as a sniffed
// start of a file may end.
func trimCutRune(b []byte) []byte {
	for i := 1; i <= utf8.UTFMax && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

func csvErr(err error) error {
	var ie *InputError
	if errors.As(err, &ie) {
		return err
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return inputErrorf(pe.Line, "", "%v", pe.Err)
	}
	return fmt.Errorf("read: %w", err)
}
