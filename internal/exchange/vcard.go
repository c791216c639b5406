package exchange

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// Reading vCards happens in two steps. go-vcard parses a card's lines into
// properties, but real address books need help first: vCard 2.1 values in
// QUOTED-PRINTABLE continue on the next line after a trailing "=" (go-vcard
// would drop those lines and cut the value short), CHARSET= names Shift_JIS
// or Windows-1252 bytes, whole files come in UTF-16, and old exports hold
// Windows-1252 bytes with no charset at all. So lines are first unfolded
// and every value decoded to UTF-8 here, and go-vcard then reads clean
// text, one card at a time.

// ReadVCard reads an address book (vCard 2.1, 3.0 or 4.0) and hands each
// card to t as a person, matched by UID or name. A value tend cannot use
// (an impossible birthday) is left out with a reason, properties tend does
// not keep (photos, addresses...) are counted as skipped, and a card that
// cannot be read (one with nothing to call the person by) is skipped with
// its position and reason. The file is an *InputError only when it is not
// an address book, or when not one of its cards can be read.
func ReadVCard(r io.Reader, t Target) error {
	data, err := readVCardFile(r)
	if err != nil {
		return err
	}
	v := newVCardReader(t)
	if err := v.file(data, ""); err != nil {
		return err
	}
	return v.finish()
}

// readVCardFile reads a vCard file whole, up to MaxVCardBytes. A NUL in
// the first bytes of a file that is not UTF-16 marks it binary: said
// before the rest is read.
func readVCardFile(r io.Reader) ([]byte, error) {
	start, r, err := peek(r)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if !utf16Start(start) {
		if err := checkText(start, "a vCard file"); err != nil {
			return nil, err
		}
	}
	return readLimited(r, MaxVCardBytes, "the vCard files")
}

// vcardReader reads the cards of one file, or of every file in a folder,
// into one Target: the people of one name are kept apart across all of
// them, and the summary lines are written once at the end.
type vcardReader struct {
	t       Target
	names   *nameGuard
	unknown map[string]int // properties tend does not keep → how many
	guessed []string       // where 8-bit text named no charset
	read    int            // cards that gave a person or were passed over on purpose
	failed  []error        // cards that could not be read, each an *InputError
}

func newVCardReader(t Target) *vcardReader {
	return &vcardReader{t: t, names: newNameGuard(), unknown: map[string]int{}}
}

// file reads one file's cards; prefix names the file in positions ("" for
// a lone file). Only a file that is not an address book at all is an error
// here: a card that cannot be read is counted in failed.
func (v *vcardReader) file(data []byte, prefix string) error {
	data, err := fileToUTF8(data)
	if err != nil {
		return inputErrorf(0, "", "cannot read the file as UTF-16: %v", err)
	}
	if err := checkText(data[:min(len(data), sniffLen)], "a vCard file"); err != nil {
		return err
	}
	cards, err := splitCards(unfoldVCard(data))
	if err != nil {
		return err
	}
	fileCharset := ""
	for _, c := range cards {
		if fileCharset = c.charset(); fileCharset != "" {
			break
		}
	}
	for i, c := range cards {
		where := prefix + fmt.Sprintf("card %d", i+1)
		pc, notes, err := c.parse(where, v.unknown, fileCharset)
		for _, n := range notes {
			v.t.Note(n)
		}
		if err != nil {
			v.fail(&InputError{Line: c.line, Record: where, Err: err})
			continue
		}
		v.read++
		if pc == nil {
			v.t.Skip(domain.ImportSkip{Where: placeText(c.line, where), Reason: "a group of contacts, not a person"})
			continue
		}
		if pc.guessed {
			v.guessed = append(v.guessed, where)
		}
		if err := v.put(pc, c.line, where); err != nil {
			return err
		}
	}
	return nil
}

// put hands a person to the Target. A card the store refuses (a name far
// too long, text it cannot keep) is skipped like an unreadable one; a
// failure to write stops the import.
func (v *vcardReader) put(pc *parsedCard, line int, where string) error {
	p := pc.person
	// A birthday tend add would refuse (in the future, before 1900) is
	// left out like a BDAY it cannot read, and said so.
	if err := domain.CheckBirthday(p.Birthday, birthdayNow(v.t)); err != nil {
		v.t.Note(domain.ImportNote{Where: where, Text: fmt.Sprintf("BDAY %s left out: %v", p.Birthday, err)})
		p.Birthday = cadence.MonthDay{}
	}
	if note, ok := v.names.place(&p, where); ok {
		v.t.Note(note)
	}
	if _, err := v.t.MatchPerson(p); err != nil {
		err = placeErr(err, line, where)
		var ie *InputError
		if errors.As(err, &ie) {
			v.fail(ie)
			return nil
		}
		return err
	}
	return nil
}

func (v *vcardReader) fail(err *InputError) { v.failWhole(err, "card") }

// failWhole skips what could not be read, a card or a whole file of a
// folder, naming which.
func (v *vcardReader) failWhole(err *InputError, what string) {
	v.failed = append(v.failed, err)
	unit := ""
	if what != "card" {
		unit = what
	}
	v.t.Skip(domain.ImportSkip{Where: placeText(err.Line, err.Record), Reason: what + " left out: " + err.Err.Error(), Unit: unit})
}

// finish writes the summary lines, and refuses the input when no card at
// all could be read.
func (v *vcardReader) finish() error {
	if v.read == 0 && len(v.failed) > 0 {
		if len(v.failed) == 1 {
			return v.failed[0]
		}
		return inputErrorf(0, "", "no card could be read: %v (and %d more)", v.failed[0], len(v.failed)-1)
	}
	if n, ok := unknownNote(v.unknown); ok {
		v.t.Note(n)
	}
	if len(v.guessed) > 0 {
		v.t.Note(domain.ImportNote{Text: fmt.Sprintf(
			"%s held 8-bit text with no charset named: read as Windows-1252, a guess (check the names of %s)",
			countWhere(v.guessed), cardsWord(len(v.guessed)))})
	}
	return nil
}

// placeText is an InputError's position, as a skip names it.
func placeText(line int, record string) string {
	switch {
	case record != "" && line > 0:
		return fmt.Sprintf("%s (line %d)", record, line)
	case record != "":
		return record
	case line > 0:
		return fmt.Sprintf("line %d", line)
	}
	return ""
}

// countWhere lists a few places, and counts the rest.
func countWhere(places []string) string {
	const shown = 3
	if len(places) <= shown {
		return strings.Join(places, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(places[:shown], ", "), len(places)-shown)
}

func cardsWord(n int) string {
	if n == 1 {
		return "that card"
	}
	return "those cards"
}

// vLine is one property line, unfolded, with its value decoded to UTF-8.
type vLine struct {
	line   int    // where it starts in the file, 1-based
	group  string // "item1" in item1.X-ABDATE, upper case
	name   string // upper case
	params string // the raw parameters, without the leading ";"
	value  string
}

// rawCard is the lines of one card, BEGIN and END left out.
type rawCard struct {
	line  int // the BEGIN line
	props []vLine
}

var (
	qpParam     = lazyRegexp(`(?i)(^|;)\s*(ENCODING\s*=\s*)?QUOTED-PRINTABLE\s*(;|$)`)
	base64Param = lazyRegexp(`(?i)(^|;)\s*(ENCODING\s*=\s*)?(BASE64|B)\s*(;|$)`)
	charsetRe   = lazyRegexp(`(?i)(^|;)\s*CHARSET\s*=\s*("[^"]*"|[^;:]*)`)
)

// logicalLine is one property as it reads once unfolded, with the
// physical line it starts on.
type logicalLine struct {
	line int
	text string
}

// unfoldVCard turns a file's physical lines into logical ones, before
// anything is parsed, since RFC 6350 lets a line be folded anywhere, also
// inside a name, before the colon or within a quoted parameter. A line
// that starts with a space or a tab continues the one before, less that
// character; in a QUOTED-PRINTABLE value a line ending in "=" goes on in
// the next, whole (vCard 2.1's soft line break); a vCard 2.1 base64 value
// runs on until a blank line or a line with a colon. Each logical line
// grows in one buffer, so the work is linear in the size of the file
// whatever the folding (a note folded over 200,000 lines included).
func unfoldVCard(data []byte) []logicalLine {
	var (
		out     []logicalLine
		cur     []byte
		have    bool // cur holds a line
		start   int  // cur's first physical line
		colon   = -1 // where cur's head ends, once seen
		scanned int  // bytes of cur looked at for the colon
		inQuote bool // the scan is inside a quoted parameter
		qp, b64 bool // cur's value is QUOTED-PRINTABLE, base64 in 2.1 style
	)
	flush := func() {
		if have {
			out = append(out, logicalLine{line: start, text: string(cur)})
		}
		cur, have, colon, scanned, inQuote, qp, b64 = cur[:0], false, -1, 0, false, false, false
	}
	// findColon looks at what was appended since the last look, so every
	// byte is scanned once.
	findColon := func() {
		for ; colon < 0 && scanned < len(cur); scanned++ {
			switch cur[scanned] {
			case '"':
				inQuote = !inQuote
			case ':':
				if !inQuote {
					colon = scanned
					params := headParams(string(cur[:colon]))
					qp, b64 = isQP(params), base64Param().MatchString(params)
				}
			}
		}
	}
	n := 0
	eachPhysical(data, func(raw []byte) {
		n++
		switch {
		case have && qp && colon >= 0 && len(cur) > colon+1 && cur[len(cur)-1] == '=':
			cur = append(cur[:len(cur)-1], raw...) // a soft line break: spaces and all
			return
		case have && len(raw) > 0 && (raw[0] == ' ' || raw[0] == '\t'):
			cur = append(cur, raw[1:]...)
			findColon()
			return
		case have && b64 && colon >= 0 && len(raw) > 0 && !bytes.ContainsRune(raw, ':'):
			cur = append(cur, raw...)
			return
		}
		flush()
		if len(bytes.TrimSpace(raw)) == 0 {
			return
		}
		// A fresh buffer: the last one now backs a string in out.
		cur = append(make([]byte, 0, len(raw)), raw...)
		have, start = true, n
		findColon()
	})
	flush()
	return out
}

// eachPhysical calls fn with each line of data, without its end: lines end
// at LF, CR LF, CR CR LF (iOS 5) or a lone CR (old Macs), which is taken as
// the line end only when the file has no LF at all.
func eachPhysical(data []byte, fn func([]byte)) {
	sep := byte('\n')
	if bytes.IndexByte(data, '\n') < 0 {
		sep = '\r'
	}
	for len(data) > 0 {
		i := bytes.IndexByte(data, sep)
		line := data
		if i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		fn(bytes.TrimRight(line, "\r"))
	}
}

// headParams is the parameters of a property's head ("TEL;TYPE=cell" gives
// "TYPE=cell").
func headParams(head string) string {
	_, params, _ := strings.Cut(head, ";")
	return params
}

// splitCards groups logical lines into cards.
func splitCards(lines []logicalLine) ([]rawCard, error) {
	var (
		cards []rawCard
		cur   *rawCard
		depth int // cards nested inside a card (a 2.1 AGENT) are passed over
	)
	for _, ll := range lines {
		l, ok := parseVLine(ll.text, ll.line)
		switch {
		case ok && l.name == "BEGIN" && strings.EqualFold(strings.TrimSpace(l.value), "VCARD"):
			if cur != nil {
				depth++
				continue
			}
			cur = &rawCard{line: ll.line}
		case ok && l.name == "END" && strings.EqualFold(strings.TrimSpace(l.value), "VCARD"):
			if cur == nil {
				return nil, inputErrorf(ll.line, "", "END:VCARD without a BEGIN:VCARD before it")
			}
			if depth > 0 {
				depth--
				continue
			}
			cards = append(cards, *cur)
			cur = nil
		case cur == nil || depth > 0:
			// Text between cards, or inside a nested one, is passed over.
		case !ok:
			cur.props = append(cur.props, vLine{line: ll.line, name: "", value: ll.text})
		default:
			cur.props = append(cur.props, l)
		}
	}
	if cur != nil {
		return nil, inputErrorf(cur.line, fmt.Sprintf("card %d", len(cards)+1), "the card has no END:VCARD (is the file truncated?)")
	}
	if len(cards) == 0 {
		return nil, inputErrorf(0, "", "no vCard in the file (want BEGIN:VCARD ... END:VCARD)")
	}
	return cards, nil
}

func isQP(params string) bool { return qpParam().MatchString(params) }

// parseVLine splits "group.NAME;params:value" at the first colon outside
// quotes. The value is kept as raw bytes here; it is decoded in clean.
func parseVLine(raw string, lineNo int) (vLine, bool) {
	inQuote := false
	colon := -1
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '"':
			inQuote = !inQuote
		case ':':
			if !inQuote {
				colon = i
			}
		}
		if colon >= 0 {
			break
		}
	}
	if colon <= 0 {
		return vLine{}, false
	}
	head, value := raw[:colon], raw[colon+1:]
	name, params, _ := strings.Cut(head, ";")
	group := ""
	if g, n, ok := strings.Cut(name, "."); ok {
		group, name = g, n
	}
	name = strings.ToUpper(strings.TrimSpace(name))
	if name == "" || strings.ContainsAny(name, " \t\"") {
		return vLine{}, false
	}
	return vLine{line: lineNo, group: strings.ToUpper(group), name: name, params: params, value: value}, true
}

// clean decodes a property's value to UTF-8 text and returns the line for
// go-vcard, without the ENCODING and CHARSET parameters it has dealt with.
// Bytes that are not UTF-8 and whose property names no charset are read
// in fallback, the charset the card (or else the file) names elsewhere;
// with none, they are read as Windows-1252 and guessed reports it.
func (l vLine) clean(fallback string) (line string, guessed bool, err error) {
	params := l.params
	value := []byte(l.value)
	charset := ""
	if m := charsetRe().FindStringSubmatch(params); m != nil {
		charset = strings.Trim(m[2], `" `)
		params = charsetRe().ReplaceAllString(params, "$1")
	}
	qp := isQP(params)
	if qp {
		value = decodeQP(value)
		params = qpParam().ReplaceAllString(params, "$1$3")
	}
	if charset == "" && (!utf8.Valid(value) || !utf8.ValidString(params)) {
		charset = fallback
		guessed = fallback == ""
	}
	text := toUTF8(value, charset)
	if qp {
		text = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text)
	}
	text = goVcardEscaper.Replace(canonical(text))
	head := l.name
	if l.group != "" {
		head = l.group + "." + head
	}
	params = tidyParams(params)
	if params != "" {
		head += ";" + toUTF8([]byte(params), charset)
	}
	return head + ":" + text, guessed, nil
}

// decodeQP decodes a QUOTED-PRINTABLE value whose soft line breaks are
// already gone (see unfoldVCard). mime/quotedprintable reads a line of at
// most 4 KB, and a long note is one line by now; phones also write a bad
// escape now and then, which is kept as it is rather than lose the value.
func decodeQP(v []byte) []byte {
	out := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		if v[i] == '=' && i+2 < len(v) {
			if hi, lo := unhex(v[i+1]), unhex(v[i+2]); hi >= 0 && lo >= 0 {
				out = append(out, byte(hi<<4|lo))
				i += 2
				continue
			}
		}
		if v[i] == '=' && i == len(v)-1 {
			break // a soft break at the very end
		}
		out = append(out, v[i])
	}
	return out
}

func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return int(c - 'A' + 10)
	}
	return -1
}

// charset is the first charset other than UTF-8 that a property of the
// card names, or "".
func (c rawCard) charset() string {
	for _, l := range c.props {
		if m := charsetRe().FindStringSubmatch(l.params); m != nil {
			cs := strings.Trim(m[2], `" `)
			if dec := charsetDecoder(cs); dec != nil && !isUTF8Name(cs) {
				return cs
			}
		}
	}
	return ""
}

func isUTF8Name(cs string) bool {
	cs = strings.ToLower(strings.ReplaceAll(cs, "-", ""))
	return cs == "utf8" || cs == "usascii" || cs == "ascii"
}

// tidyParams drops the empty parameters that removing ENCODING and
// CHARSET leaves ("HOME;;PREF;" becomes "TYPE=HOME;TYPE=PREF"), and names
// vCard 2.1's bare types: go-vcard reads a bare last parameter as the name
// of one whose value is the property's, and the value comes back empty.
func tidyParams(p string) string {
	var out []string
	for _, part := range splitParams(p) {
		part = strings.TrimSpace(part)
		switch {
		case part == "":
		case !strings.Contains(part, "="):
			out = append(out, "TYPE="+part)
		default:
			out = append(out, part)
		}
	}
	return strings.Join(out, ";")
}

// splitParams splits parameters at semicolons outside quotes.
func splitParams(p string) []string {
	var (
		out     []string
		start   int
		inQuote bool
	)
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '"':
			inQuote = !inQuote
		case ';':
			if !inQuote {
				out = append(out, p[start:i])
				start = i + 1
			}
		}
	}
	return append(out, p[start:])
}

// The properties tend reads, and those it passes over without counting
// them as lost: they describe the card, not the person.
var (
	vcardUsed = map[string]bool{
		"FN": true, "N": true, "TEL": true, "EMAIL": true, "BDAY": true, "CATEGORIES": true, "NOTE": true,
		"ANNIVERSARY": true, "X-ANNIVERSARY": true, "X-MS-ANNIVERSARY": true, "X-EVOLUTION-ANNIVERSARY": true,
		"X-KADDRESSBOOK-X-ANNIVERSARY": true, "X-ABDATE": true,
		"NICKNAME": true, "ORG": true, "TITLE": true, "UID": true, "X-TEND-TIER": true, "X-TEND-EVERY": true,
	}
	vcardBookkeeping = map[string]bool{
		"VERSION": true, "PRODID": true, "REV": true, "X-ABLABEL": true, "KIND": true,
		"X-ADDRESSBOOKSERVER-KIND": true, "X-ABUID": true, "X-TEND-ID": true,
	}
	anniversaryProps = []string{"ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-KADDRESSBOOK-X-ANNIVERSARY"}
)

// parsedCard is a card read into a person, with how its text was read.
type parsedCard struct {
	person  domain.Person
	guessed bool // some 8-bit text named no charset and was guessed
}

// parse turns a card into a person, with what was left out and why. It
// returns no card for one that is not a person (a contact group), and an
// error, the card's own, for a card that cannot be read.
func (c rawCard) parse(where string, unknown map[string]int, fileCharset string) (*parsedCard, []domain.ImportNote, error) {
	var (
		notes []domain.ImportNote
		text  strings.Builder
		lines = map[string][]int{} // property → the line of each, in order
		pc    parsedCard
	)
	at := func(line int) string { return fmt.Sprintf("%s (line %d)", where, line) }
	fallback := c.charset()
	if fallback == "" {
		fallback = fileCharset
	}
	text.WriteString("BEGIN:VCARD\r\n")
	for _, l := range c.props {
		if l.name == "" {
			// The line itself is not quoted: it may be anyone's private note.
			notes = append(notes, domain.ImportNote{Where: at(l.line), Text: "a line that is not a property (NAME:value) left out"})
			continue
		}
		if !vcardUsed[l.name] && !vcardBookkeeping[l.name] {
			unknown[l.name]++
			continue // photos and the like are never decoded
		}
		line, guessed, err := l.clean(fallback)
		if err != nil {
			notes = append(notes, domain.ImportNote{Where: at(l.line), Text: fmt.Sprintf("%s left out: %v", l.name, err)})
			continue
		}
		pc.guessed = pc.guessed || guessed
		text.WriteString(line + "\r\n")
		lines[l.name] = append(lines[l.name], l.line)
	}
	text.WriteString("END:VCARD\r\n")
	card, err := vcard.NewDecoder(strings.NewReader(text.String())).Decode()
	if err != nil {
		return nil, notes, err
	}
	// lineOf finds the file line of the i-th property of a name; go-vcard
	// keeps each name's properties in file order.
	lineOf := func(name string, i int) int {
		if ls := lines[name]; i < len(ls) && len(ls) == len(card[name]) {
			return ls[i]
		}
		return c.line
	}

	for _, k := range []string{"KIND", "X-ADDRESSBOOKSERVER-KIND"} {
		if kind := strings.ToLower(strings.TrimSpace(card.Value(k))); kind == "group" {
			return nil, notes, nil
		}
	}

	p := &pc.person
	p.Name = cardName(card)
	if p.Name == "" {
		return nil, notes, errors.New("no name: the card has no FN, N, NICKNAME, ORG, EMAIL or TEL to call the person by")
	}
	if !utf8.ValidString(p.Name) {
		return nil, notes, errors.New("the name is not valid text")
	}
	p.PhoneTypes, p.EmailTypes = map[string]string{}, map[string]string{}
	for _, f := range card[vcard.FieldTelephone] {
		if v := telValue(f.Value); v != "" {
			p.Phones = append(p.Phones, v)
			if k := kinds(f, card, phoneKinds); k != "" && p.PhoneTypes[v] == "" {
				p.PhoneTypes[v] = k
			}
		}
	}
	for _, f := range card[vcard.FieldEmail] {
		if v := strings.TrimSpace(strings.TrimPrefix(unescapeText(f.Value), "mailto:")); v != "" {
			p.Emails = append(p.Emails, v)
			if k := kinds(f, card, emailKinds); k != "" && p.EmailTypes[v] == "" {
				p.EmailTypes[v] = k
			}
		}
	}
	for _, f := range card[vcard.FieldCategories] {
		// Categories are split at every comma, escaped or not: Thunderbird
		// writes "a\, b" for two categories.
		for _, tag := range strings.Split(unescapeText(f.Value), ",") {
			if tag = strings.TrimSpace(tag); tag != "" {
				p.Tags = append(p.Tags, tag)
			}
		}
	}
	for _, f := range card[vcard.FieldNickname] {
		// NICKNAME is a list, as CATEGORIES is; each nickname is an alias.
		for _, nick := range strings.Split(unescapeText(f.Value), ",") {
			if nick = strings.TrimSpace(nick); nick != "" && nick != p.Name {
				p.Aliases = append(p.Aliases, nick)
			}
		}
	}
	var cardNotes []string
	for _, f := range card[vcard.FieldNote] {
		if n := strings.TrimSpace(unescapeText(f.Value)); n != "" {
			cardNotes = append(cardNotes, n)
		}
	}
	p.Notes = strings.Join(cardNotes, "\n\n")
	if f := card.Preferred(vcard.FieldOrganization); f != nil {
		p.Org = orgText(f.Value)
	}
	p.JobTitle = strings.TrimSpace(unescapeText(card.PreferredValue(vcard.FieldTitle)))
	p.UID = strings.TrimSpace(unescapeText(card.Value(vcard.FieldUID)))
	if f := card.Get(vcard.FieldName); f != nil {
		p.NameParts = nameParts(f.Value)
	}
	for i, f := range card["X-TEND-TIER"] {
		tier, err := cadence.ParseTier(strings.TrimSpace(f.Value))
		if err != nil {
			notes = append(notes, domain.ImportNote{Where: at(lineOf("X-TEND-TIER", i)), Text: fmt.Sprintf("X-TEND-TIER %q left out: not a tier", clip(f.Value))})
			continue
		}
		p.Tier = tier
	}
	for i, f := range card["X-TEND-EVERY"] {
		every, err := cadence.ParseEvery(strings.TrimSpace(f.Value))
		if err != nil {
			notes = append(notes, domain.ImportNote{Where: at(lineOf("X-TEND-EVERY", i)), Text: fmt.Sprintf("X-TEND-EVERY %q left out: %v", clip(f.Value), err)})
			continue
		}
		p.Every = every
	}

	for i, f := range card[vcard.FieldBirthday] {
		d, err := parseVCardDate(f)
		if err != nil {
			notes = append(notes, domain.ImportNote{Where: at(lineOf("BDAY", i)), Text: fmt.Sprintf("BDAY %q left out: %v", clip(f.Value), err)})
			continue
		}
		switch {
		case p.Birthday.IsZero():
			p.Birthday = d
		case d != p.Birthday:
			notes = append(notes, domain.ImportNote{Where: at(lineOf("BDAY", i)), Text: fmt.Sprintf("BDAY %q left out: the card has another birthday, %s", clip(f.Value), p.Birthday)})
		}
	}
	addDate := func(name string, i int, f *vcard.Field, label string) {
		d, err := parseVCardDate(f)
		if err != nil {
			notes = append(notes, domain.ImportNote{Where: at(lineOf(name, i)), Text: fmt.Sprintf("%s %q left out: %v", name, clip(f.Value), err)})
			return
		}
		date := domain.ImportantDate{Label: label, Date: d}
		if !slices.Contains(p.ImportantDates, date) {
			p.ImportantDates = append(p.ImportantDates, date)
		}
	}
	for _, name := range anniversaryProps {
		for i, f := range card[name] {
			addDate(name, i, f, "anniversary")
		}
	}
	for i, f := range card["X-ABDATE"] {
		addDate("X-ABDATE", i, f, abLabel(card, f.Group))
	}
	return &pc, notes, nil
}

// telValue is a TEL's number: a tel: URI loses its scheme (its ;ext=
// stays, as part of the number).
func telValue(v string) string {
	v = strings.TrimSpace(unescapeText(v))
	if len(v) >= 4 && strings.EqualFold(v[:4], "tel:") {
		v = strings.TrimSpace(v[4:])
	}
	return v
}

// The kinds of phone and e-mail tend keeps, from a TYPE parameter (or a
// 2.1 bare type) to its word; VOICE, PREF, INTERNET and the like say
// nothing a person needs.
var (
	phoneKinds = map[string]string{
		"cell": "mobile", "mobile": "mobile", "iphone": "mobile", "home": "home", "work": "work",
		"fax": "fax", "pager": "pager", "main": "main", "other": "other", "car": "car",
		"homefax": "home,fax", "workfax": "work,fax", "otherfax": "other,fax",
	}
	emailKinds = map[string]string{"home": "home", "work": "work", "other": "other"}
)

// kinds reads the kinds of a phone or e-mail: its known TYPEs, and an
// Apple label (item1.X-ABLabel) for the group it is in, as
// "work,fax". A label's words are kept as they are, less commas.
func kinds(f *vcard.Field, card vcard.Card, known map[string]string) string {
	var out []string
	add := func(k string) {
		if k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	for _, t := range f.Params.Types() {
		for _, part := range strings.Split(t, ",") {
			add(known[strings.ToLower(strings.TrimSpace(part))])
		}
	}
	if f.Group != "" {
		if label := abLabel(card, f.Group); label != "date" {
			label = strings.ToLower(strings.TrimSpace(strings.ReplaceAll(label, ",", " ")))
			if k, ok := known[label]; ok {
				label = k
			}
			add(label)
		}
	}
	return strings.Join(out, ",")
}

// orgText is an ORG's parts (organisation, then units) as one text.
func orgText(v string) string {
	var parts []string
	for _, p := range splitStructured(v) {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; ")
}

// nameParts reads a structured name (N): family; given; additional;
// prefixes; suffixes.
func nameParts(v string) domain.NameParts {
	parts := splitStructured(v)
	get := func(i int) string {
		if i < len(parts) {
			return strings.TrimSpace(parts[i])
		}
		return ""
	}
	return domain.NameParts{Family: get(0), Given: get(1), Additional: get(2), Prefix: get(3), Suffix: get(4)}
}

// cardName is what to call the person: the formatted name, else one built
// from N, else a nickname, an organisation, an e-mail address or a phone
// number, as phones show a contact that has no name.
func cardName(card vcard.Card) string {
	if fn := strings.TrimSpace(unescapeText(card.PreferredValue(vcard.FieldFormattedName))); fn != "" {
		return fn
	}
	if f := card.Get(vcard.FieldName); f != nil {
		n := nameParts(f.Value)
		var words []string
		for _, w := range []string{n.Given, n.Additional, n.Family} {
			if w = strings.TrimSpace(strings.ReplaceAll(w, ",", " ")); w != "" {
				words = append(words, w)
			}
		}
		if name := strings.Join(words, " "); name != "" {
			return name
		}
	}
	if f := card.Preferred(vcard.FieldNickname); f != nil {
		if n, _, _ := strings.Cut(unescapeText(f.Value), ","); strings.TrimSpace(n) != "" {
			return strings.TrimSpace(n)
		}
	}
	if f := card.Preferred(vcard.FieldOrganization); f != nil {
		if org := strings.TrimSpace(splitStructured(f.Value)[0]); org != "" {
			return org
		}
	}
	if e := strings.TrimSpace(strings.TrimPrefix(unescapeText(card.PreferredValue(vcard.FieldEmail)), "mailto:")); e != "" {
		return e
	}
	return telValue(card.PreferredValue(vcard.FieldTelephone))
}

// splitStructured splits a canonical structured value (N, ORG) at the
// semicolons that are not escaped, and unescapes each part.
func splitStructured(v string) []string {
	var (
		parts []string
		cur   strings.Builder
	)
	for i := 0; i < len(v); i++ {
		switch {
		case v[i] == '\\' && i+1 < len(v):
			cur.WriteByte(v[i+1])
			i++
		case v[i] == ';':
			parts = append(parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(v[i])
		}
	}
	return append(parts, cur.String())
}

// Values are unescaped in two steps, because go-vcard undoes only some
// escapes (\\, \n and \,) and structured values (N, ORG) must keep their
// escaped semicolons apart from the ones between parts. canonical undoes
// every escape but \\ and \;, goVcardEscaper escapes the result so that
// go-vcard hands back exactly the canonical text, and unescapeText (or
// splitStructured) finishes the job.

// canonical undoes the escapes of a raw value but \\ and \; (an unknown
// escape, and a lone backslash, are a literal backslash).
func canonical(v string) string {
	if !strings.Contains(v, `\`) {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' {
			b.WriteByte(v[i])
			continue
		}
		if i+1 == len(v) {
			b.WriteString(`\\`)
			break
		}
		i++
		switch v[i] {
		case '\\', ';':
			b.WriteByte('\\')
			b.WriteByte(v[i])
		case 'n', 'N':
			b.WriteByte('\n')
		case ',', ':', '"':
			b.WriteByte(v[i]) // \" is Gmail's and Apple's quote
		default:
			b.WriteString(`\\`)
			b.WriteByte(v[i])
		}
	}
	return b.String()
}

// goVcardEscaper is the inverse of go-vcard's own unescaping.
var goVcardEscaper = strings.NewReplacer(`\`, `\\`, "\n", `\n`, ",", `\,`)

// unescapeText turns a canonical value into its text.
func unescapeText(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return strings.NewReplacer(`\\`, `\`, `\;`, ";").Replace(s)
}

// abLabel reads the Apple label of a grouped property: item1.X-ABLabel.
// Apple's own labels look like _$!<Anniversary>!$_.
func abLabel(card vcard.Card, group string) string {
	if group != "" {
		for _, f := range card["X-ABLABEL"] {
			if strings.EqualFold(f.Group, group) {
				label := strings.TrimSpace(unescapeText(f.Value))
				if strings.HasPrefix(label, "_$!<") && strings.HasSuffix(label, ">!$_") {
					label = strings.ToLower(label[4 : len(label)-4])
				}
				if label != "" {
					return label
				}
			}
		}
	}
	return "date"
}

var (
	basicDate = lazyRegexp(`^(\d{4})(\d{2})(\d{2})$`)
	extDate   = lazyRegexp(`^(\d{4})-(\d{2})-(\d{2})$`)
	noYear    = lazyRegexp(`^--(\d{2})-?(\d{2})$`)
)

// parseVCardDate reads a BDAY or anniversary: 19800101, 1980-01-01, a
// date-time (whose date is taken), or a year-less --0415 / --04-15. Apple's
// X-APPLE-OMIT-YEAR and a year of 0000 or 1604 mean no year is known.
func parseVCardDate(f *vcard.Field) (cadence.MonthDay, error) {
	// A VALUE=text date ("circa 1800") is still read when it holds a date.
	s := strings.TrimSpace(f.Value)
	if i := strings.IndexAny(s, "Tt"); i > 0 {
		s = s[:i]
	}
	var y, m, d string
	if g := basicDate().FindStringSubmatch(s); g != nil {
		y, m, d = g[1], g[2], g[3]
	} else if g := extDate().FindStringSubmatch(s); g != nil {
		y, m, d = g[1], g[2], g[3]
	} else if g := noYear().FindStringSubmatch(s); g != nil {
		m, d = g[1], g[2]
	} else {
		return cadence.MonthDay{}, errors.New("not a date tend can read (want YYYYMMDD, YYYY-MM-DD or --MMDD)")
	}
	// 1604 is the year Apple and CardBook write for "no year".
	if y == "0000" || y == "1604" || (y != "" && f.Params.Get("X-APPLE-OMIT-YEAR") == y) {
		y = ""
	}
	if mi, _ := strconv.Atoi(m); mi < 1 || mi > 12 {
		return cadence.MonthDay{}, fmt.Errorf("there is no month %d", mi)
	}
	iso := m + "-" + d
	if y != "" {
		iso = y + "-" + iso
	}
	md, err := cadence.ParseMonthDay(iso)
	if err != nil {
		msg := err.Error()
		if i := strings.LastIndex(msg, ": "); i >= 0 {
			msg = msg[i+2:]
		}
		return cadence.MonthDay{}, errors.New(msg)
	}
	return md, nil
}

// unknownNote sums up the properties tend does not keep in one note: the
// cards are kept, so these are not skips, and counting them as such
// made two cards with an address each read as "2 skipped".
func unknownNote(unknown map[string]int) (domain.ImportNote, bool) {
	if len(unknown) == 0 {
		return domain.ImportNote{}, false
	}
	names := make([]string, 0, len(unknown))
	total := 0
	for k, n := range unknown {
		names = append(names, k)
		total += n
	}
	sort.Slice(names, func(i, j int) bool {
		if unknown[names[i]] != unknown[names[j]] {
			return unknown[names[i]] > unknown[names[j]]
		}
		return names[i] < names[j]
	})
	parts := make([]string, len(names))
	for i, k := range names {
		parts[i] = fmt.Sprintf("%s %d", k, unknown[k])
	}
	noun := "properties"
	if total == 1 {
		noun = "property"
	}
	return domain.ImportNote{
		Text: fmt.Sprintf("passed over %d %s tend does not keep: %s", total, noun, strings.Join(parts, ", ")),
	}, true
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	r := []rune(s)
	return string(r[:39]) + "…"
}
