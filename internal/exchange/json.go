package exchange

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// FormatName and FormatVersion identify tend's interchange JSON.
const (
	FormatName    = "tend"
	FormatVersion = 1
)

// Document is a whole interchange file, for callers that want one in
// memory. Big files are written with JSONWriter and read with ReadJSON,
// which hold one record at a time.
type Document struct {
	Format       string              `json:"format"`
	Version      int                 `json:"version"`
	ExportedAt   string              `json:"exported_at"`
	People       []PersonRecord      `json:"people"`
	Interactions []InteractionRecord `json:"interactions"`
	Memories     []MemoryRecord      `json:"memories"`
}

// JSONWriter writes an interchange document one record at a time: people,
// then interactions, then memories. Each record takes one line, so that a
// file of a million interactions is written in constant memory and still
// reads and diffs well.
type JSONWriter struct {
	w       *bufio.Writer
	buf     bytes.Buffer
	enc     *json.Encoder
	section int // index into jsonSections of the open array, or -1
	count   int // records written to the open array
	err     error
}

var jsonSections = []string{"people", "interactions", "memories"}

// NewJSONWriter starts a document stamped with exportedAt.
func NewJSONWriter(w io.Writer, exportedAt time.Time) *JSONWriter {
	j := &JSONWriter{w: bufio.NewWriterSize(w, 64<<10), section: -1}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	fmt.Fprintf(j.w, "{\n  \"format\": %q,\n  \"version\": %d,\n  \"exported_at\": %q", FormatName, FormatVersion, Time(exportedAt))
	return j
}

// Person writes a person; every person comes before any interaction.
func (j *JSONWriter) Person(r PersonRecord) error { return j.record(0, r) }

// Interaction writes an interaction, after the people and before memories.
func (j *JSONWriter) Interaction(r InteractionRecord) error { return j.record(1, r) }

// Memory writes a memory, after the people and interactions.
func (j *JSONWriter) Memory(r MemoryRecord) error { return j.record(2, r) }

// Close ends the document, writing [] for any section with no record, and
// flushes it.
func (j *JSONWriter) Close() error {
	j.open(len(jsonSections))
	if j.err == nil {
		_, j.err = j.w.WriteString("\n}\n")
	}
	if j.err == nil {
		j.err = j.w.Flush()
	}
	return j.err
}

func (j *JSONWriter) record(section int, v any) error {
	if j.err != nil {
		return j.err
	}
	if j.section >= len(jsonSections) {
		return errors.New("json export: record written after Close")
	}
	if section < j.section {
		return fmt.Errorf("json export: %s written after %s", jsonSections[section], jsonSections[j.section])
	}
	j.open(section)
	j.buf.Reset()
	if err := j.enc.Encode(v); err != nil {
		j.err = err
		return err
	}
	if j.count > 0 {
		j.w.WriteByte(',')
	}
	j.w.WriteString("\n    ")
	_, j.err = j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
	j.count++
	return j.err
}

// open closes the open array and opens the ones up to section.
func (j *JSONWriter) open(section int) {
	for j.section < section {
		if j.section >= 0 {
			if j.count > 0 {
				j.w.WriteString("\n  ")
			}
			j.w.WriteString("]")
		}
		j.section++
		j.count = 0
		if j.section < len(jsonSections) {
			fmt.Fprintf(j.w, ",\n  %q: [", jsonSections[j.section])
		}
	}
}

// ReadJSON reads an interchange document and hands each record to t, in
// the order of the file. It decodes one record at a time, so memory stays
// small however big the file. Any bad record stops it with an *InputError
// naming the record, its line and the reason; so does a document that is
// not tend's, or of an unknown version.
func ReadJSON(r io.Reader, t Target) error {
	start, r, err := peek(r)
	if err != nil {
		return err
	}
	if err := checkText(start, "a tend JSON export"); err != nil {
		return err
	}
	lc := &lineCounter{r: r, badUTF8: -1}
	lim := &recordLimiter{r: lc, max: MaxRecordBytes}
	jr := &jsonReader{dec: json.NewDecoder(lim), lc: lc, lim: lim, t: t, items: make(chan jsonItem, 512), now: importNow(t), idSeed: maphash.MakeSeed()}

	// Decoding and writing run side by side: this goroutine decodes and
	// checks records, and one other hands them to t in file order. Decoding
	// is a good part of an import's work, and the second core would
	// otherwise sit idle. Only the writer touches t until it has finished.
	done := make(chan struct{})
	go func() {
		defer close(done)
		jr.write()
	}()
	err = jr.read()
	close(jr.items)
	<-done
	if jr.writeErr != nil {
		// The writer only ever has records the reader passed, so its error
		// comes first in the file.
		return jr.writeErr
	}
	if err != nil {
		return err
	}
	for _, p := range jr.pending {
		if !jr.t.HasPerson(p.id) {
			return inputErrorf(p.line, p.where, "no person with id %s, in the file or in tend", p.id)
		}
	}
	return nil
}

// jsonItem is a record on its way from the reader to the writer.
type jsonItem struct {
	where      string
	line       int
	peopleDone bool // the people array had been read whole before it
	person     *domain.Person
	in         *domain.Interaction
	memory     *domain.Memory
}

// errStopped stops the reader when the writer has failed.
var errStopped = errors.New("stopped")

// send passes a record to the writer, unless the writer has failed.
func (jr *jsonReader) send(it jsonItem) error {
	if jr.stopped.Load() {
		return errStopped
	}
	it.peopleDone = jr.peopleDone
	jr.items <- it
	return nil
}

// write hands each record to t. After an error it only drains the channel.
func (jr *jsonReader) write() {
	for it := range jr.items {
		if jr.writeErr != nil {
			continue
		}
		var err error
		switch {
		case it.person != nil:
			err = jr.t.PutPerson(*it.person)
		case it.in != nil:
			for _, id := range it.in.People {
				if err = jr.ref(it, id); err != nil {
					break
				}
			}
			if err == nil {
				err = jr.t.PutInteraction(*it.in)
			}
		default:
			if err = jr.ref(it, it.memory.PersonID); err == nil {
				err = jr.t.PutMemory(*it.memory)
			}
		}
		if err != nil {
			jr.writeErr = placeErr(err, it.line, it.where)
			jr.stopped.Store(true)
		}
	}
}

type jsonReader struct {
	dec *json.Decoder
	lc  *lineCounter
	lim *recordLimiter // bounds each step (a record, a value passed over, a token)
	t   Target

	format, version string // as found; "" when absent
	peopleDone      bool   // the people array has been read whole
	mark            int64  // the input offset before the current step
	failed          error  // the first bad record, when the version is not known yet

	now    time.Time              // the import's moment; zero when the target has none
	seen   [3]map[uint64]struct{} // hashes of the ids of each section so far
	idSeed maphash.Seed

	items    chan jsonItem
	stopped  atomic.Bool  // the writer has failed: stop reading
	writeErr error        // the writer's error; read only after it has finished
	pending  []pendingRef // the writer's; read only after it has finished
}

// pendingRef is a person id used before the people array was read.
type pendingRef struct {
	where string
	line  int
	id    string
}

func (jr *jsonReader) read() error {
	tok, err := jr.token()
	if err != nil {
		if err == io.EOF {
			return inputErrorf(0, "", "the file is empty")
		}
		return jr.syntax(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return inputErrorf(1, "", "not a tend export: it holds %s, not the object that tend export json writes", describeToken(tok))
	}
	for jr.dec.More() {
		tok, err := jr.token()
		if err != nil {
			return jr.syntax(err)
		}
		key, _ := tok.(string)
		if err := jr.field(key); err != nil {
			return err
		}
	}
	if _, err := jr.token(); err != nil { // the closing brace
		return jr.syntax(err)
	}
	if _, err := jr.token(); err != io.EOF {
		if err != nil {
			return jr.syntax(err)
		}
		return inputErrorf(jr.line(jr.dec.InputOffset()), "", "unexpected data after the end of the document")
	}
	if err := jr.checkVersion(); err != nil {
		return err
	}
	if jr.failed != nil {
		return jr.failed
	}
	if bad := jr.lc.badUTF8; bad >= 0 {
		return inputErrorf(jr.lc.lineOf(bad), "", "not valid UTF-8 (at byte %d of the file)", bad)
	}
	if jr.format == "" {
		return inputErrorf(0, "", `not a tend export: no "format": "tend"`)
	}
	return nil
}

func (jr *jsonReader) field(key string) error {
	off := jr.dec.InputOffset()
	switch key {
	case "format":
		var f string
		if err := jr.decode(&f); err != nil {
			return jr.decodeErr(err, "format", off)
		}
		if f != FormatName {
			return inputErrorf(jr.line(off), "", "not a tend export: format is %q, want %q", f, FormatName)
		}
		jr.format = f
	case "version":
		var raw json.RawMessage
		if err := jr.decode(&raw); err != nil {
			return jr.decodeErr(err, "version", off)
		}
		jr.version = string(raw)
		if err := jr.checkVersion(); err != nil {
			return err
		}
	case "people", "interactions", "memories":
		if jr.failed != nil {
			return jr.skipValue()
		}
		return jr.section(key)
	default:
		// Keys tend does not know are passed over: a later tend may add
		// fields within version 1 without breaking this one.
		return jr.skipValue()
	}
	return nil
}

// checkVersion refuses a document of a version this tend cannot read.
func (jr *jsonReader) checkVersion() error {
	switch jr.version {
	case "":
		if jr.failed != nil {
			return nil // the record's error says more than a missing version
		}
		return inputErrorf(0, "", `no "version": this does not look like a tend export`)
	case fmt.Sprint(FormatVersion):
		return nil
	}
	return inputErrorf(0, "", "unknown version %s (this tend reads version %d; a newer tend wrote this file?)", jr.version, FormatVersion)
}

func (jr *jsonReader) section(name string) error {
	off := jr.dec.InputOffset()
	tok, err := jr.token()
	if err != nil {
		return jr.syntax(err)
	}
	if tok == nil { // "people": null holds no one
		jr.peopleDone = jr.peopleDone || name == "people"
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return inputErrorf(jr.line(off), name, "want an array, not %s", describeToken(tok))
	}
	for i := 0; jr.dec.More(); i++ {
		where := fmt.Sprintf("%s[%d]", name, i)
		off := jr.dec.InputOffset()
		item := jsonItem{where: where}
		var err error
		switch name {
		case "people":
			item.person, item.line, err = decodeRecord[domain.Person, PersonRecord](jr, where, off)
		case "interactions":
			item.in, item.line, err = decodeRecord[domain.Interaction, InteractionRecord](jr, where, off)
		default:
			item.memory, item.line, err = decodeRecord[domain.Memory, MemoryRecord](jr, where, off)
		}
		if err == nil {
			err = jr.check(item)
		}
		if err == nil {
			err = jr.send(item)
		}
		if err == nil {
			continue
		}
		if err == errStopped {
			return err
		}
		var ie *InputError
		if !errors.As(err, &ie) || jr.version != "" {
			return err
		}
		// A bad record before the version was seen: keep reading to find
		// the version, since "unknown version 2" explains a version-2
		// record better than the record's own complaint.
		jr.failed = err
		return jr.skipRest()
	}
	if _, err := jr.token(); err != nil { // the closing bracket
		return jr.syntax(err)
	}
	if name == "people" {
		jr.peopleDone = true
	}
	return nil
}

// decodeRecord reads the record of a section at off, where, as R, and
// gives it as the store's S, with its line.
func decodeRecord[S any, R interface{ toStore() (S, error) }](jr *jsonReader, where string, off int64) (*S, int, error) {
	var rec R
	if err := jr.decode(&rec); err != nil {
		return nil, 0, jr.decodeErr(err, where, off)
	}
	line := jr.line(off)
	v, err := rec.toStore()
	if err != nil {
		return nil, line, &InputError{Line: line, Record: where, Err: err}
	}
	return &v, line, nil
}

// ref checks, on the writer's side, that a person id names someone, or
// keeps it for the end when the people array had not been read yet.
func (jr *jsonReader) ref(it jsonItem, id string) error {
	if jr.t.HasPerson(id) {
		return nil
	}
	if it.peopleDone {
		return inputErrorf(it.line, it.where, "no person with id %s, in the file or in tend", id)
	}
	jr.pending = append(jr.pending, pendingRef{where: it.where, line: it.line, id: id})
	return nil
}

// skipValue passes over the next value, however big, token by token.
func (jr *jsonReader) skipValue() error {
	depth := 0
	for {
		tok, err := jr.token()
		if err != nil {
			return jr.syntax(err)
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '[' || d == '{' {
				depth++
			} else {
				depth--
			}
		}
		if depth == 0 {
			return nil
		}
	}
}

// skipRest passes over the rest of the open array.
func (jr *jsonReader) skipRest() error {
	for jr.dec.More() {
		if err := jr.skipValue(); err != nil {
			return err
		}
	}
	if _, err := jr.token(); err != nil {
		return jr.syntax(err)
	}
	return nil
}

// decodeErr describes why a value could not be decoded: bad JSON, or JSON
// of the wrong type for a field.
func (jr *jsonReader) decodeErr(err error, where string, off int64) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		if field == "" {
			field = "the value"
		}
		return inputErrorf(jr.line(off), where, "%s: want %s, not a JSON %s", field, goTypeName(te.Type.String()), te.Value)
	}
	e := jr.syntax(err)
	var ie *InputError
	if errors.As(e, &ie) && ie.Record == "" {
		ie.Record = where
	}
	return e
}

// syntax describes a JSON syntax error or a file that ends too soon.
func (jr *jsonReader) syntax(err error) error {
	var (
		se  *json.SyntaxError
		ute *json.UnmarshalTypeError
	)
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return inputErrorf(jr.lc.lines+1, "", "the file ends too soon (is it truncated?)")
	case errors.As(err, &se):
		return inputErrorf(jr.syntaxLine(), "", "not valid JSON: %s", strings.TrimPrefix(se.Error(), "json: "))
	case errors.As(err, &ute): // a token no Go number holds, such as 1e700
		return inputErrorf(jr.line(jr.mark), "", "%s is out of range", ute.Value)
	case errors.As(err, new(*InputError)):
		return err
	case errors.Is(err, errRecordTooLong):
		return tooLong(jr.line(jr.mark), "the record")
	}
	// Anything else is a failure to read the input, not bad input.
	return fmt.Errorf("read: %w", err)
}

func (jr *jsonReader) line(off int64) int { return jr.lc.lineAt(off) }

// token and decode note where the decoder stood before each step, so that
// a syntax error can be placed (see syntaxLine).
func (jr *jsonReader) token() (json.Token, error) {
	jr.mark = jr.dec.InputOffset()
	jr.lim.markAt(jr.mark)
	return jr.dec.Token()
}

func (jr *jsonReader) decode(v any) error {
	jr.mark = jr.dec.InputOffset()
	jr.lim.markAt(jr.mark)
	return jr.dec.Decode(v)
}

// syntaxLine finds the line of a syntax error. The offset in a
// json.SyntaxError from a Decoder does not count from the start of the
// stream, so the bytes from the start of the failed step are read again by
// a fresh decoder, whose offset does, and added to where the step began.
func (jr *jsonReader) syntaxLine() int {
	rest := jr.lc.since(jr.mark)
	if rest == nil {
		return 0
	}
	var v any
	var se *json.SyntaxError
	if err := json.NewDecoder(bytes.NewReader(rest)).Decode(&v); errors.As(err, &se) && se.Offset > 0 {
		return jr.lc.lineOf(jr.mark + se.Offset - 1)
	}
	return jr.lc.lineAt(jr.mark)
}

func describeToken(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		switch v {
		case '[':
			return "an array"
		case '{':
			return "an object"
		}
		return fmt.Sprintf("%q", string(v))
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "a value"
}

// goTypeName says a Go type as a JSON type, for messages about fields.
func goTypeName(t string) string {
	switch {
	case t == "string" || t == "*string":
		return "a string"
	case t == "int" || t == "*int":
		return "a whole number"
	case strings.HasPrefix(t, "[]"):
		return "an array"
	case strings.HasPrefix(t, "exchange."), strings.HasPrefix(t, "struct"):
		return "an object"
	}
	return t
}

// lineCounter counts the lines of what passes through it and keeps the
// last bytes, so that a byte offset the JSON decoder reports can be turned
// into a line number without keeping the whole file.
type lineCounter struct {
	r     io.Reader
	read  int64  // bytes read so far
	lines int    // newlines in them
	tail  []byte // the last bytes read, at most 2*tailKeep

	// badUTF8 is the offset of the first byte that is not UTF-8, or -1:
	// the JSON decoder would take it as U+FFFD without a word.
	badUTF8 int64
	pend    []byte // the start of a rune cut by the end of the last read
}

// scanUTF8 looks for the first byte of p, which starts at offset base,
// that is not UTF-8.
func (c *lineCounter) scanUTF8(p []byte, base int64, eof bool) {
	if c.badUTF8 >= 0 {
		return
	}
	if len(c.pend) > 0 {
		base -= int64(len(c.pend))
		p = append(c.pend, p...)
		c.pend = nil
	}
	for i := 0; i < len(p); {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		if !utf8.FullRune(p[i:]) && !eof {
			c.pend = append([]byte(nil), p[i:]...)
			return
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			c.badUTF8 = base + int64(i)
			return
		}
		i += size
	}
}

// tailKeep bounds how far back a line can be found: further than the
// decoder ever looks back for the start of one record.
const tailKeep = 1 << 20

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.scanUTF8(p[:n], c.read, err != nil)
	c.read += int64(n)
	c.lines += bytes.Count(p[:n], []byte{'\n'})
	c.tail = append(c.tail, p[:n]...)
	if len(c.tail) > 2*tailKeep {
		n := copy(c.tail, c.tail[len(c.tail)-tailKeep:])
		c.tail = c.tail[:n]
	}
	return n, err
}

// since returns the bytes read from offset off on, or nil when they are
// no longer kept.
func (c *lineCounter) since(off int64) []byte {
	back := c.read - off
	if back < 0 || back > int64(len(c.tail)) {
		return nil
	}
	return c.tail[int64(len(c.tail))-back:]
}

// lineOf is the 1-based line of the byte at offset off, or 0 if it is too
// far back to know.
func (c *lineCounter) lineOf(off int64) int {
	after := c.since(off)
	if after == nil {
		return 0
	}
	return c.lines - bytes.Count(after, []byte{'\n'}) + 1
}

// lineAt is the 1-based line of the first value at or after byte offset
// off (skipping the spaces and comma before it), or 0 if it is too far
// back to know.
func (c *lineCounter) lineAt(off int64) int {
	back := c.read - off
	if back < 0 || back > int64(len(c.tail)) {
		return 0
	}
	after := c.tail[int64(len(c.tail))-back:]
	line := c.lines - bytes.Count(after, []byte{'\n'}) + 1
	for _, b := range after {
		if b == '\n' {
			line++
		} else if b != ' ' && b != '\t' && b != '\r' && b != ',' && b != ':' {
			break
		}
	}
	return line
}

// toStore checks a person record and converts it.
func (r PersonRecord) toStore() (domain.Person, error) {
	p := domain.Person{
		ID: r.ID, Name: r.Name, Phones: r.Phones, Emails: r.Emails, Tags: r.Tags, Aliases: r.Aliases, Notes: r.Notes,
		Org: r.Org, JobTitle: r.JobTitle, UID: r.UID,
	}
	if r.NameParts != nil {
		n := r.NameParts
		p.NameParts = domain.NameParts{Family: n.Family, Given: n.Given, Additional: n.Additional, Prefix: n.Prefix, Suffix: n.Suffix}
	}
	for _, list := range []struct {
		field string
		recs  []TypedRecord
		into  *map[string]string
	}{{"phone_types", r.PhoneTypes, &p.PhoneTypes}, {"email_types", r.EmailTypes, &p.EmailTypes}} {
		*list.into = map[string]string{}
		for i, tr := range list.recs {
			if strings.TrimSpace(tr.Value) == "" {
				return p, fmt.Errorf("%s[%d]: value is missing", list.field, i)
			}
			(*list.into)[strings.TrimSpace(tr.Value)] = tr.Type
		}
	}
	if err := checkID(r.ID); err != nil {
		return p, err
	}
	if strings.TrimSpace(r.Name) == "" {
		return p, errors.New("name is missing")
	}
	if r.Tier != "" {
		tier, err := cadence.ParseTier(r.Tier)
		if err != nil {
			return p, fmt.Errorf("tier %q is not a tier (want inner, close, regular or outer)", r.Tier)
		}
		p.Tier = tier
	}
	if r.EveryDays != nil {
		if *r.EveryDays < 1 || *r.EveryDays > cadence.MaxEvery {
			return p, fmt.Errorf("every_days %d must be between 1 and %d", *r.EveryDays, cadence.MaxEvery)
		}
		p.Every = *r.EveryDays
	}
	if r.Birthday != nil && *r.Birthday != "" {
		d, err := cadence.ParseMonthDay(*r.Birthday)
		if err != nil {
			return p, fmt.Errorf("birthday: %v", err)
		}
		p.Birthday = d
	}
	var err error
	for _, t := range []struct {
		field string
		value *string
		into  *time.Time
	}{
		{"created_at", &r.CreatedAt, &p.CreatedAt},
		{"updated_at", &r.UpdatedAt, &p.UpdatedAt},
		{"archived_at", r.ArchivedAt, &p.ArchivedAt},
		{"snoozed_until", r.SnoozedUntil, &p.SnoozedUntil},
	} {
		if *t.into, err = optionalTimeField(t.field, t.value); err != nil {
			return p, err
		}
	}
	for i, d := range r.ImportantDates {
		if strings.TrimSpace(d.Label) == "" {
			return p, fmt.Errorf("important_dates[%d]: label is missing", i)
		}
		md, err := cadence.ParseMonthDay(d.Date)
		if err != nil {
			return p, fmt.Errorf("important_dates[%d]: %v", i, err)
		}
		p.ImportantDates = append(p.ImportantDates, domain.ImportantDate{Label: d.Label, Date: md})
	}
	return p, nil
}

// toStore checks an interaction record and converts it.
func (r InteractionRecord) toStore() (domain.Interaction, error) {
	in := domain.Interaction{ID: r.ID, People: r.People, Note: r.Note, Missed: r.Missed}
	if err := checkID(r.ID); err != nil {
		return in, err
	}
	if len(r.People) == 0 {
		return in, errors.New("people is empty: an interaction needs at least one person")
	}
	for i, id := range r.People {
		if err := checkID(id); err != nil {
			return in, fmt.Errorf("people[%d]: %v", i, err)
		}
	}
	via, err := cadence.ParseChannel(r.Via)
	if err != nil {
		return in, fmt.Errorf("via %q is not a channel (want one of %s)", r.Via, channelList())
	}
	in.Via = via
	if r.Missed && via != cadence.Call && via != cadence.Video {
		return in, fmt.Errorf("missed is only for a call or a video call, not %s", via)
	}
	in.Direction = cadence.Out
	if r.Direction != "" {
		if in.Direction, err = cadence.ParseDirection(r.Direction); err != nil {
			return in, fmt.Errorf("direction %q is not in or out", r.Direction)
		}
	}
	if r.At == "" {
		return in, errors.New("at is missing")
	}
	if in.At, err = timeField("at", r.At); err != nil {
		return in, err
	}
	if r.Minutes != nil {
		if *r.Minutes < 1 || *r.Minutes > 7*24*60 {
			return in, fmt.Errorf("minutes %d must be between 1 and %d", *r.Minutes, 7*24*60)
		}
		in.Minutes = *r.Minutes
	}
	return in, nil
}

// toStore checks a memory record and converts it.
func (r MemoryRecord) toStore() (domain.Memory, error) {
	m := domain.Memory{ID: r.ID, PersonID: r.Person, Text: r.Text}
	if err := checkID(r.ID); err != nil {
		return m, err
	}
	if err := checkID(r.Person); err != nil {
		return m, fmt.Errorf("person: %v", err)
	}
	if strings.TrimSpace(r.Text) == "" {
		return m, errors.New("text is missing")
	}
	if r.Due != nil && *r.Due != "" {
		d, err := time.Parse(time.DateOnly, *r.Due)
		if err != nil {
			return m, fmt.Errorf("due %q is not a date (want YYYY-MM-DD)", *r.Due)
		}
		if d.Before(minMoment) {
			return m, fmt.Errorf("due %s is out of range (from 1900 to about 100 years ahead)", *r.Due)
		}
		m.Due = d
	}
	var err error
	if m.DoneAt, err = optionalTimeField("done_at", r.DoneAt); err != nil {
		return m, err
	}
	return m, nil
}

// checkID accepts the ids tend writes (ULIDs) and UUIDs, which other
// tools write; anything else (a path, a sentence) is not an id.
func checkID(id string) error {
	if id == "" {
		return errors.New("id is missing")
	}
	if !isULID(id) && !isUUID(id) {
		return fmt.Errorf("id %q is not an id (want a ULID, such as 01JD5Z8Q2W0000000000000000, or a UUID)", id)
	}
	return nil
}

// isULID reports whether s has the shape of a ULID: 26 characters of
// Crockford's base 32, the first at most 7 (a 128-bit value).
func isULID(s string) bool {
	if len(s) != 26 || s[0] > '7' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20 // lower case for letters; digits are unchanged
		switch {
		case s[i] >= '0' && s[i] <= '9':
		case c >= 'a' && c <= 'z' && c != 'i' && c != 'l' && c != 'o' && c != 'u':
		default:
			return false
		}
	}
	return true
}

// isUUID reports whether s has the shape of a UUID: 8-4-4-4-12 hex digits.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch i {
		case 8, 13, 18, 23:
			if s[i] != '-' {
				return false
			}
		default:
			c := s[i] | 0x20
			if !(s[i] >= '0' && s[i] <= '9') && !(c >= 'a' && c <= 'f') {
				return false
			}
		}
	}
	return true
}

func timeField(field, s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q is not an RFC 3339 time (such as 2026-11-24T09:30:00Z)", field, s)
	}
	// Checked here, where a time is still told from none: year 1 is the
	// zero time.Time, which would read as "not set".
	if t.Before(minMoment) || !t.Before(maxMoment) {
		return time.Time{}, fmt.Errorf("%s %s is out of range (from 1900 to 2200)", field, t.UTC().Format(time.RFC3339))
	}
	return t.UTC(), nil
}

func optionalTimeField(field string, s *string) (time.Time, error) {
	if s == nil || *s == "" {
		return time.Time{}, nil
	}
	return timeField(field, *s)
}

func channelList() string {
	var names []string
	for _, c := range cadence.Channels() {
		names = append(names, string(c))
	}
	return strings.Join(names, ", ")
}

// check refuses what the commands would refuse, and what would quietly go
// wrong if it came in: text that is not UTF-8 (the decoder would turn it
// into U+FFFD without a word), an id the file already used (its second
// record would be dropped), and times out of range or, for what has
// happened, after the import's moment.
func (jr *jsonReader) check(it jsonItem) error {
	if bad := jr.lc.badUTF8; bad >= 0 && bad < jr.dec.InputOffset() {
		return inputErrorf(it.line, it.where, "not valid UTF-8 (at byte %d of the file)", bad)
	}
	var id string
	var section int
	var err error
	switch {
	case it.person != nil:
		id, section = it.person.ID, 0
		err = checkPersonTimes(*it.person, jr.now)
	case it.in != nil:
		id, section = it.in.ID, 1
		err = checkMoment("at", it.in.At, jr.now)
	default:
		id, section = it.memory.ID, 2
		err = checkMemoryTimes(*it.memory, jr.now)
	}
	if err != nil {
		return &InputError{Line: it.line, Record: it.where, Err: err}
	}
	if jr.seen[section] == nil {
		jr.seen[section] = map[uint64]struct{}{}
	}
	// A hash, not the id, keeps a million ids in a few tens of megabytes;
	// two ids sharing 64 bits of hash is not a case to plan for.
	h := maphash.String(jr.idSeed, strings.ToUpper(id))
	if _, dup := jr.seen[section][h]; dup {
		return inputErrorf(it.line, it.where, "id %s appears twice in the file", id)
	}
	jr.seen[section][h] = struct{}{}
	return nil
}

// The range of moments a file may name: an id holds the moment it was
// made, which cannot be before 1970 for a ULID, and a person added before
// 1900 is a typo (year 0 would rank them first for ever).
var (
	minMoment = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	maxMoment = time.Date(2201, 1, 1, 0, 0, 0, 0, time.UTC)
)

// importNow is the moment an import runs at, when the target knows it.
func importNow(t Target) time.Time {
	if c, ok := t.(interface{ Now() time.Time }); ok {
		return c.Now()
	}
	return time.Time{}
}

// checkMoment refuses a moment outside the range, or (when now is known)
// after now: only what has happened can be in the file.
func checkMoment(field string, t, now time.Time) error {
	if t.IsZero() {
		return nil
	}
	if t.Before(minMoment) || !t.Before(maxMoment) {
		return fmt.Errorf("%s %s is out of range (from 1900 to 2200)", field, t.Format(time.RFC3339))
	}
	if !now.IsZero() && t.After(now.Add(time.Minute)) {
		return fmt.Errorf("%s %s is in the future (the import runs at %s)", field, t.Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	return nil
}

// checkAhead refuses a day more than about 100 years after now (or out of
// range when now is not known), as --on and --until do.
func checkAhead(field string, t, now time.Time) error {
	if t.IsZero() {
		return nil
	}
	limit := maxMoment
	if !now.IsZero() {
		limit = now.AddDate(0, 0, 36500)
	}
	if t.Before(minMoment) || t.After(limit) {
		return fmt.Errorf("%s %s is out of range (from 1900 to about 100 years ahead)", field, t.Format(time.DateOnly))
	}
	return nil
}

func checkPersonTimes(p domain.Person, now time.Time) error {
	for _, f := range []struct {
		name string
		t    time.Time
	}{{"created_at", p.CreatedAt}, {"updated_at", p.UpdatedAt}, {"archived_at", p.ArchivedAt}} {
		if err := checkMoment(f.name, f.t, now); err != nil {
			return err
		}
	}
	if err := checkAhead("snoozed_until", p.SnoozedUntil, now); err != nil {
		return err
	}
	return domain.CheckBirthday(p.Birthday, orEndOfRange(now))
}

// birthdayNow is the moment a birthday is judged against on an import
// into t: its moment, or the end of the range when t knows none.
func birthdayNow(t Target) time.Time { return orEndOfRange(importNow(t)) }

// orEndOfRange is now, or the end of the range when now is not known.
func orEndOfRange(now time.Time) time.Time {
	if now.IsZero() {
		return maxMoment
	}
	return now
}

func checkMemoryTimes(m domain.Memory, now time.Time) error {
	if err := checkAhead("due", m.Due, now); err != nil {
		return err
	}
	return checkMoment("done_at", m.DoneAt, now)
}
