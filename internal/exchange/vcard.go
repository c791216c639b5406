package exchange

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime/quotedprintable"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/store"
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
// card to t as a person matched by name. A value tend cannot use (an
// impossible birthday) is left out with a reason, and properties tend does
// not keep (photos, addresses...) are counted as skipped; a card with
// nothing to call the person by, or a file that is not an address book, is
// an *InputError.
func ReadVCard(r io.Reader, t Target) error {
	// A NUL in the first bytes of a file that is not UTF-16 marks it
	// binary: said before the rest is read.
	start, r, err := peek(r)
	if err != nil {
		return err
	}
	if !utf16Start(start) {
		if err := checkText(start, "a vCard file"); err != nil {
			return err
		}
	}
	data, err := readLimited(r, MaxVCardBytes, "the vCard files")
	if err != nil {
		return err
	}
	if data, err = fileToUTF8(data); err != nil {
		return inputErrorf(0, "", "cannot read the file as UTF-16: %v", err)
	}
	if err := checkText(data[:min(len(data), sniffLen)], "a vCard file"); err != nil {
		return err
	}
	cards, err := splitCards(data)
	if err != nil {
		return err
	}
	unknown := map[string]int{}
	for i, c := range cards {
		where := fmt.Sprintf("card %d", i+1)
		p, skips, err := c.person(where, unknown)
		if err != nil {
			return err
		}
		for _, s := range skips {
			t.Skip(s)
		}
		if p == nil {
			continue
		}
		// A birthday tend add would refuse (in the future, before 1900) is
		// left out like a BDAY it cannot read, and said so.
		if err := store.CheckBirthday(p.Birthday, birthdayNow(t)); err != nil {
			t.Skip(store.ImportSkip{Where: where, Reason: fmt.Sprintf("BDAY %s left out: %v", p.Birthday, err)})
			p.Birthday = cadence.MonthDay{}
		}
		if _, err := t.MatchPerson(*p); err != nil {
			return placeErr(err, c.line, where)
		}
	}
	if s, ok := unknownSkip(unknown); ok {
		t.Skip(s)
	}
	return nil
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

// splitCards unfolds the file's lines and groups them into cards.
func splitCards(data []byte) ([]rawCard, error) {
	physical := splitPhysical(data)
	var (
		cards  []rawCard
		cur    *rawCard
		depth  int // cards nested inside a card (a 2.1 AGENT) are passed over
		last   *vLine
		lastQP bool // the last line is QUOTED-PRINTABLE and ended with "="
		lastB  bool // the last line is base64 in 2.1 style, running on
	)
	for i := 0; i < len(physical); i++ {
		raw, lineNo := physical[i], i+1
		switch {
		case last != nil && lastQP:
			// A soft line break: the value goes on, spaces and all.
			last.value = strings.TrimSuffix(last.value, "=") + raw
			lastQP = strings.HasSuffix(raw, "=")
			continue
		case last != nil && raw != "" && (raw[0] == ' ' || raw[0] == '\t'):
			last.value += raw[1:]
			lastQP = isQP(last.params) && strings.HasSuffix(last.value, "=")
			continue
		case last != nil && lastB && raw != "" && !strings.Contains(raw, ":"):
			last.value += raw // vCard 2.1 base64 runs on to a blank line
			continue
		}
		lastQP, lastB = false, false
		if strings.TrimSpace(raw) == "" {
			last = nil
			continue
		}
		l, ok := parseVLine(raw, lineNo)
		switch {
		case ok && l.name == "BEGIN" && strings.EqualFold(strings.TrimSpace(l.value), "VCARD"):
			if cur != nil {
				depth++
				last = nil
				continue
			}
			cur = &rawCard{line: lineNo}
			last = nil
		case ok && l.name == "END" && strings.EqualFold(strings.TrimSpace(l.value), "VCARD"):
			if cur == nil {
				return nil, inputErrorf(lineNo, "", "END:VCARD without a BEGIN:VCARD before it")
			}
			if depth > 0 {
				depth--
				continue
			}
			cards = append(cards, *cur)
			cur, last = nil, nil
		case cur == nil || depth > 0:
			// Text between cards, or inside a nested one, is passed over.
			last = nil
		case !ok:
			cur.props = append(cur.props, vLine{line: lineNo, name: "", value: raw})
			last = nil
		default:
			cur.props = append(cur.props, l)
			last = &cur.props[len(cur.props)-1]
			lastQP = isQP(l.params) && strings.HasSuffix(l.value, "=")
			lastB = base64Param().MatchString(l.params)
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

// splitPhysical splits text into lines at LF, CR LF, CR CR LF (iOS 5) or
// a lone CR (old Macs), without the line ends.
func splitPhysical(data []byte) []string {
	text := string(data)
	if !strings.Contains(text, "\n") {
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, "\r")
	}
	return lines
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
func (l vLine) clean() (string, error) {
	params := l.params
	value := []byte(l.value)
	charset := ""
	if m := charsetRe().FindStringSubmatch(params); m != nil {
		charset = strings.Trim(m[2], `" `)
		params = charsetRe().ReplaceAllString(params, "$1")
	}
	qp := isQP(params)
	if qp {
		decoded, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(value)))
		if err != nil {
			return "", fmt.Errorf("bad QUOTED-PRINTABLE value: %v", err)
		}
		value = decoded
		params = qpParam().ReplaceAllString(params, "$1$3")
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
	return head + ":" + text, nil
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
		"FN": true, "N": true, "TEL": true, "EMAIL": true, "BDAY": true, "CATEGORIES": true, "NOTE": true, "NICKNAME": true,
		"ANNIVERSARY": true, "X-ANNIVERSARY": true, "X-MS-ANNIVERSARY": true, "X-EVOLUTION-ANNIVERSARY": true,
		"X-KADDRESSBOOK-X-ANNIVERSARY": true, "X-ABDATE": true,
	}
	vcardBookkeeping = map[string]bool{
		"VERSION": true, "PRODID": true, "REV": true, "UID": true, "X-ABLABEL": true, "KIND": true,
		"X-ADDRESSBOOKSERVER-KIND": true, "X-ABUID": true,
	}
	anniversaryProps = []string{"ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-KADDRESSBOOK-X-ANNIVERSARY"}
)

// person turns a card into a person, with what was left out and why. It
// returns no person for a card that is not one (a contact group).
func (c rawCard) person(where string, unknown map[string]int) (*store.Person, []store.ImportSkip, error) {
	var (
		skips []store.ImportSkip
		text  strings.Builder
		lines = map[string][]int{} // property → the line of each, in order
	)
	at := func(line int) string { return fmt.Sprintf("%s (line %d)", where, line) }
	text.WriteString("BEGIN:VCARD\r\n")
	for _, l := range c.props {
		if l.name == "" {
			// The line itself is not quoted: it may be anyone's private note.
			skips = append(skips, store.ImportSkip{Where: at(l.line), Reason: "a line that is not a property (NAME:value) left out"})
			continue
		}
		if !vcardUsed[l.name] && !vcardBookkeeping[l.name] {
			unknown[l.name]++
			continue // photos and the like are never decoded
		}
		line, err := l.clean()
		if err != nil {
			skips = append(skips, store.ImportSkip{Where: at(l.line), Reason: fmt.Sprintf("%s left out: %v", l.name, err)})
			continue
		}
		text.WriteString(line + "\r\n")
		lines[l.name] = append(lines[l.name], l.line)
	}
	text.WriteString("END:VCARD\r\n")
	card, err := vcard.NewDecoder(strings.NewReader(text.String())).Decode()
	if err != nil {
		return nil, nil, inputErrorf(c.line, where, "%v", err)
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
			skips = append(skips, store.ImportSkip{Where: at(c.line), Reason: "a group of contacts, not a person"})
			return nil, skips, nil
		}
	}

	p := store.Person{Name: cardName(card)}
	if p.Name == "" {
		return nil, nil, inputErrorf(c.line, where, "no name: the card has no FN, N, NICKNAME, ORG, EMAIL or TEL to call the person by")
	}
	if !utf8.ValidString(p.Name) {
		return nil, nil, inputErrorf(c.line, where, "the name is not valid text")
	}
	for _, f := range card[vcard.FieldTelephone] {
		if v := strings.TrimSpace(strings.TrimPrefix(unescapeText(f.Value), "tel:")); v != "" {
			p.Phones = append(p.Phones, v)
		}
	}
	for _, f := range card[vcard.FieldEmail] {
		if v := strings.TrimSpace(strings.TrimPrefix(unescapeText(f.Value), "mailto:")); v != "" {
			p.Emails = append(p.Emails, v)
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
	var notes []string
	for _, f := range card[vcard.FieldNote] {
		if n := strings.TrimSpace(unescapeText(f.Value)); n != "" {
			notes = append(notes, n)
		}
	}
	p.Notes = strings.Join(notes, "\n\n")

	for i, f := range card[vcard.FieldBirthday] {
		d, err := parseVCardDate(f)
		if err != nil {
			skips = append(skips, store.ImportSkip{Where: at(lineOf("BDAY", i)), Reason: fmt.Sprintf("BDAY %q left out: %v", clip(f.Value), err)})
			continue
		}
		switch {
		case p.Birthday.IsZero():
			p.Birthday = d
		case d != p.Birthday:
			skips = append(skips, store.ImportSkip{Where: at(lineOf("BDAY", i)), Reason: fmt.Sprintf("BDAY %q left out: the card has another birthday, %s", clip(f.Value), p.Birthday)})
		}
	}
	addDate := func(name string, i int, f *vcard.Field, label string) {
		d, err := parseVCardDate(f)
		if err != nil {
			skips = append(skips, store.ImportSkip{Where: at(lineOf(name, i)), Reason: fmt.Sprintf("%s %q left out: %v", name, clip(f.Value), err)})
			return
		}
		date := store.ImportantDate{Label: label, Date: d}
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
	return &p, skips, nil
}

// cardName is what to call the person: the formatted name, else one built
// from N, else a nickname, an organisation, an e-mail address or a phone
// number, as phones show a contact that has no name.
func cardName(card vcard.Card) string {
	if fn := strings.TrimSpace(unescapeText(card.PreferredValue(vcard.FieldFormattedName))); fn != "" {
		return fn
	}
	if f := card.Get(vcard.FieldName); f != nil {
		parts := splitStructured(f.Value)
		get := func(i int) string {
			if i < len(parts) {
				return strings.TrimSpace(strings.ReplaceAll(parts[i], ",", " "))
			}
			return ""
		}
		var words []string
		for _, i := range []int{1, 2, 0} { // given, additional, family
			if w := get(i); w != "" {
				words = append(words, w)
			}
		}
		if name := strings.Join(words, " "); name != "" {
			return name
		}
	}
	for _, k := range []string{vcard.FieldNickname, vcard.FieldOrganization, vcard.FieldEmail, vcard.FieldTelephone} {
		v := unescapeText(card.PreferredValue(k))
		if k == vcard.FieldOrganization {
			v = splitStructured(card.PreferredValue(k))[0]
		}
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
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
		case ',', ':':
			b.WriteByte(v[i])
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
// X-APPLE-OMIT-YEAR and a year of 0000 mean no year is known.
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
	if y == "0000" || (y != "" && f.Params.Get("X-APPLE-OMIT-YEAR") == y) {
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

// unknownSkip sums up the properties tend does not keep in one entry.
func unknownSkip(unknown map[string]int) (store.ImportSkip, bool) {
	if len(unknown) == 0 {
		return store.ImportSkip{}, false
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
	return store.ImportSkip{
		Reason: fmt.Sprintf("%d %s tend does not keep: %s", total, noun, strings.Join(parts, ", ")),
		Count:  total,
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

// WriteVCard writes people as vCard 3.0, the version address books read
// most widely: names, phones, e-mails, birthday (--MM-DD without a year),
// tags as CATEGORIES, notes, and important dates as X-ABDATE with an Apple
// label, which Apple and Google contacts both read. Lines are folded at
// 75 bytes as the standard asks.
func WriteVCard(w io.Writer, people []store.Person) error {
	fw := newFoldWriter(w)
	enc := vcard.NewEncoder(fw)
	for _, p := range people {
		if err := enc.Encode(personCard(p)); err != nil {
			return err
		}
	}
	return fw.Flush()
}

func personCard(p store.Person) vcard.Card {
	card := vcard.Card{}
	card.SetValue(vcard.FieldVersion, "3.0")
	card.SetValue(vcard.FieldProductID, "-//tend//tend//EN")
	card.SetValue(vcard.FieldUID, p.ID)
	card.SetValue(vcard.FieldFormattedName, p.Name)
	card.SetName(splitName(p.Name))
	card.SetValue(vcard.FieldRevision, p.UpdatedAt.UTC().Format("20060102T150405Z"))
	for _, tel := range p.Phones {
		card.AddValue(vcard.FieldTelephone, tel)
	}
	for _, e := range p.Emails {
		card.Add(vcard.FieldEmail, &vcard.Field{Value: e, Params: vcard.Params{"TYPE": {"INTERNET"}}})
	}
	if !p.Birthday.IsZero() {
		card.SetValue(vcard.FieldBirthday, p.Birthday.String())
	}
	// One CATEGORIES per tag: go-vcard escapes commas inside a value, so
	// a joined list would read back elsewhere as one tag.
	for _, tag := range p.Tags {
		card.AddValue(vcard.FieldCategories, tag)
	}
	if p.Notes != "" {
		card.SetValue(vcard.FieldNote, p.Notes)
	}
	for i, d := range p.ImportantDates {
		group := fmt.Sprintf("item%d", i+1)
		label := d.Label
		if strings.EqualFold(label, "anniversary") {
			label = "_$!<Anniversary>!$_"
		}
		card.Add("X-ABDATE", &vcard.Field{Group: group, Value: d.Date.String()})
		card.Add("X-ABLabel", &vcard.Field{Group: group, Value: label})
	}
	return card
}

// splitName guesses the structured name from the whole one: the last word
// as the family name. Readers show FN; N is there because 3.0 requires it.
func splitName(name string) *vcard.Name {
	clean := strings.ReplaceAll(name, ";", ",")
	words := strings.Fields(clean)
	if len(words) < 2 {
		return &vcard.Name{GivenName: clean}
	}
	return &vcard.Name{FamilyName: words[len(words)-1], GivenName: strings.Join(words[:len(words)-1], " ")}
}

// foldWriter folds lines longer than 75 bytes (vCard and iCalendar both
// ask for it), never inside a UTF-8 character. Lines end in CRLF.
type foldWriter struct {
	w    *bufio.Writer
	line []byte
}

func newFoldWriter(w io.Writer) *foldWriter { return &foldWriter{w: bufio.NewWriter(w)} }

func (f *foldWriter) Write(p []byte) (int, error) {
	for _, b := range p {
		if b == '\n' {
			f.emit(bytes.TrimSuffix(f.line, []byte{'\r'}))
			f.line = f.line[:0]
			continue
		}
		f.line = append(f.line, b)
	}
	return len(p), nil
}

func (f *foldWriter) emit(line []byte) {
	const limit = 75
	first := true
	for len(line) > 0 {
		max := limit
		if !first {
			max = limit - 1 // the leading space counts
			f.w.WriteByte(' ')
		}
		cut := min(max, len(line))
		for cut < len(line) && cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		f.w.Write(line[:cut])
		f.w.WriteString("\r\n")
		line = line[cut:]
		first = false
	}
}

// Flush writes any unfinished line and flushes.
func (f *foldWriter) Flush() error {
	if len(f.line) > 0 {
		f.emit(f.line)
		f.line = f.line[:0]
	}
	return f.w.Flush()
}
