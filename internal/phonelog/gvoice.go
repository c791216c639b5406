package phonelog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Google Takeout's Voice folder (Takeout/Voice/Calls) holds one XHTML
// file per call, voicemail, recording and text conversation, named
// "<contact> - <kind> - <UTC time>.html". A call file is a div.haudio; a
// text conversation a div.hChatLog.

// detectGVoice tells a Voice call from a Voice text conversation by the
// class of the body's first div; the stylesheet above names both.
func detectGVoice(t []byte) Format {
	if !bytes.HasPrefix(t, []byte("<")) || !bytes.Contains(bytes.ToLower(t[:min(len(t), 4096)]), []byte("<html")) {
		return ""
	}
	switch {
	case bytes.Contains(t, []byte(`<div class="haudio"`)):
		return GVoiceCalls
	case bytes.Contains(t, []byte(`<div class="hChatLog`)):
		return GVoiceTexts
	}
	return ""
}

// gvoiceMaxToken bounds what the tokenizer holds at once: a Voice file's
// longest piece is a voicemail transcript of a few kilobytes.
const gvoiceMaxToken = 4 << 20

// gvoiceName is what a Voice file's name says: the contact (a name or a
// number), the kind (Placed, Received, Missed, Voicemail, Recorded, Text;
// absent in some older files) and the time in UTC.
type gvoiceName struct {
	contact, kind string
	at            time.Time
}

func parseGVoiceName(title string) gvoiceName {
	base := path.Base(strings.ReplaceAll(title, "\\", "/"))
	base = strings.TrimSuffix(base, ".html")
	parts := strings.Split(base, " - ")
	var n gvoiceName
	if len(parts) < 2 {
		return n
	}
	stamp := parts[len(parts)-1]
	if t, err := time.Parse("2006-01-02T15_04_05Z", stamp); err == nil && plausible(t) {
		n.at = t.UTC()
	}
	n.contact = strings.TrimSpace(parts[0])
	if len(parts) >= 3 {
		n.kind = strings.TrimSpace(parts[len(parts)-2])
	}
	return n
}

// gvoiceToken streams the parts of a Voice file tend reads: elements by
// their tag and classes, and the text of the few it names.
type gvoiceToken struct {
	z     *html.Tokenizer
	tt    html.TokenType
	name  string
	class string
	attrs map[string]string
}

func newGVoiceTokens(r io.Reader) *gvoiceToken {
	z := html.NewTokenizer(r)
	z.SetMaxBuf(gvoiceMaxToken)
	return &gvoiceToken{z: z}
}

// next moves to the next start or end tag, or text; it returns
// html.ErrorToken at the end or on an error (see err).
func (g *gvoiceToken) next() html.TokenType {
	for {
		tt := g.z.Next()
		g.tt = tt
		switch tt {
		case html.ErrorToken:
			return tt
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, more := g.z.TagName()
			g.name = string(name)
			g.class = ""
			clear(g.attrs)
			for more && tt != html.EndTagToken {
				var k, v []byte
				k, v, more = g.z.TagAttr()
				switch string(k) {
				case "class", "href", "title", "rel":
					if g.attrs == nil {
						g.attrs = map[string]string{}
					}
					g.attrs[string(k)] = string(v)
				}
			}
			g.class = g.attrs["class"]
			return tt
		case html.TextToken:
			return tt
		}
	}
}

func (g *gvoiceToken) has(class string) bool {
	for _, c := range strings.Fields(g.class) {
		if c == class {
			return true
		}
	}
	return false
}

// text reads the text up to the end of the element just started, for an
// element holding no other of its name: a name, a title.
func (g *gvoiceToken) text(limit int) string {
	if g.tt == html.SelfClosingTagToken {
		return "" // <span class="fn"/>: no text, and no end to look for
	}
	var b strings.Builder
	tag := g.name
	for {
		switch g.z.Next() {
		case html.ErrorToken:
			return clean(b.String())
		case html.TextToken:
			if b.Len() < limit {
				b.Write(g.z.Text())
			}
		case html.EndTagToken:
			if name, _ := g.z.TagName(); string(name) == tag {
				return clean(b.String())
			}
		}
	}
}

func (g *gvoiceToken) err() error {
	err := g.z.Err()
	switch {
	case err == nil, errors.Is(err, io.EOF):
		return nil
	case errors.Is(err, html.ErrBufferExceeded):
		return refuse("", "not a Google Voice file: one piece of it is longer than %d MB", gvoiceMaxToken>>20)
	}
	return refuse("", "cannot read the file: %s", err.Error())
}

// clean makes a name read from the file one line of valid text.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\ufffd")
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	// A name is matched whole: cut only what no name is, at a rune's start.
	for len(s) > 200 {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return s
}

// ReadGVoiceCalls reads one call file of Google Takeout's Voice folder:
// a placed or received call, a missed call, or a voicemail (their call
// you missed). A recording is not a conversation and is skipped; a text
// conversation is refused (it is read by ReadGVoiceTexts).
func ReadGVoiceCalls(r io.Reader, opts Options, emit Emit) error {
	fromName := parseGVoiceName(opts.Title)
	g := newGVoiceTokens(r)
	var (
		inCall, inContributor, inTags bool
		kindText, number, name        string
		hasNumber                     bool
		stamp, duration               string
		labels                        []string
	)
	for tt := g.next(); tt != html.ErrorToken; tt = g.next() {
		if tt == html.TextToken {
			continue
		}
		if tt == html.EndTagToken {
			if g.name == "div" && inContributor {
				inContributor = false
			}
			if g.name == "div" && inTags {
				inTags = false
			}
			continue
		}
		switch {
		case g.name == "div" && g.has("hChatLog"):
			// A Takeout folder mixes the two: read as calls, its texts are
			// passed over with a word, not refused.
			opts.skip("the file", "a text conversation, not a call: read it with tend import messages")
			return nil
		case g.name == "div" && g.has("haudio"):
			inCall = true
		case !inCall:
		case g.name == "div" && g.has("contributor"):
			inContributor = true
		case g.name == "div" && g.has("tags"):
			inTags = true
		case g.name == "span" && g.has("fn") && inContributor:
			name = g.text(256)
		case g.name == "span" && g.has("fn") && kindText == "":
			kindText = g.text(256)
		case g.name == "a" && g.has("tel") && !hasNumber:
			number, hasNumber = strings.TrimSpace(strings.TrimPrefix(g.attrs["href"], "tel:")), true
		case g.name == "abbr" && g.has("published"):
			stamp = g.attrs["title"]
		case g.name == "abbr" && g.has("duration"):
			duration = g.attrs["title"]
		case g.name == "a" && inTags && g.attrs["rel"] == "tag":
			if i := strings.LastIndexByte(g.attrs["href"], '#'); i >= 0 {
				labels = append(labels, strings.ToLower(g.attrs["href"][i+1:]))
			}
		}
	}
	if err := g.err(); err != nil {
		return err
	}
	if !inCall {
		return refuse("", "not a Google Voice call: no call in it")
	}
	where := "the call"
	if !fromName.at.IsZero() {
		where = "the call of " + fromName.at.Format(time.RFC3339)
	}
	kind := gvoiceKind(labels, kindText, fromName.kind)
	rec := Record{App: "Google Voice", Where: where}
	switch kind {
	case "placed":
		rec.Kind = Answered
	case "received":
		rec.Kind, rec.In = Answered, true
	case "missed", "voicemail":
		rec.Kind, rec.In = Missed, true
	case "recorded":
		opts.skip(where, "a recording, not a conversation")
		return nil
	default:
		opts.skip(where, "not a call tend knows (%q)", clipName(kindText))
		return nil
	}
	at, why := gvoiceTime(stamp)
	if why != "" {
		if fromName.at.IsZero() {
			opts.skip(where, "%s", why)
			return nil
		}
		at = fromName.at // the file's name has the time too, in UTC
	}
	if rec.Kind == Answered {
		secs, ok := isoDuration(duration)
		if !ok {
			opts.skip(where, "duration %q is not a length of time", clipName(duration))
			return nil
		}
		rec.Seconds = secs
		if kind == "placed" && secs == 0 && duration != "" {
			rec.Kind = Missed // PT0S: they did not pick up, as a call log's type 2 of 0 seconds
		}
	}
	rec.At = at
	rec.Number, rec.Name = gvoiceParty(number, name, fromName.contact)
	rec.ByName = rec.Number == "" && rec.Name != ""
	return emit(rec)
}

// gvoiceKind reads what a call was: from its labels (#placed, #missed,
// ...), else the words above it ("Placed call to"), else the file name.
func gvoiceKind(labels []string, text, fromName string) string {
	for _, l := range labels {
		switch l {
		case "placed", "received", "missed", "voicemail", "recorded":
			return l
		}
	}
	lower := strings.ToLower(text)
	for _, k := range []struct{ prefix, kind string }{
		{"placed call", "placed"}, {"received call", "received"}, {"missed call", "missed"},
		{"voicemail", "voicemail"}, {"recorded call", "recorded"},
	} {
		if strings.HasPrefix(lower, k.prefix) {
			return k.kind
		}
	}
	switch k := strings.ToLower(fromName); k {
	case "placed", "received", "missed", "voicemail", "recorded":
		return k
	}
	return ""
}

// gvoiceParty picks the other side's number and name: the file's content
// first, the file's name where the content has none.
func gvoiceParty(number, name, fromName string) (string, string) {
	number = clean(number)
	if isNumberish(name) && (number == "" || name == number) {
		if number == "" {
			number = name
		}
		name = ""
	}
	switch {
	case fromName == "" || fromName == "Group Conversation":
	case isNumberish(fromName):
		if number == "" {
			number = fromName
		}
	case name == "":
		name = clean(fromName)
	}
	return number, name
}

// isNumberish reports whether a contact as Voice wrote it is a number.
func isNumberish(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("+-() .", r):
		default:
			return false
		}
	}
	return digits > 0
}

// gvoiceTime reads the time a Voice file writes with its zone:
// 2016-11-22T09:57:49.000-08:00.
func gvoiceTime(s string) (time.Time, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, "no time"
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Sprintf("time %q is not a time", clipName(s))
	}
	if !plausible(t.UTC()) {
		return time.Time{}, fmt.Sprintf("time %q is not a time a phone could log", clipName(s))
	}
	return t.UTC(), ""
}

// isoDuration reads an ISO 8601 length of time as Voice writes it
// (PT2M27S, PT1H, PT0S, P1DT2H); an absent one is 0 seconds.
func isoDuration(s string) (int, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" {
		return 0, true
	}
	rest, ok := strings.CutPrefix(s, "P")
	if !ok || rest == "" {
		return 0, false
	}
	total := 0.0
	inTime := false
	seen := ""
	for rest != "" {
		if rest[0] == 'T' {
			if inTime {
				return 0, false
			}
			inTime, rest = true, rest[1:]
			if rest == "" {
				return 0, false
			}
			continue
		}
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.' || rest[i] == ',') {
			i++
		}
		if i == 0 || i == len(rest) || i > 12 {
			return 0, false
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(rest[:i], ",", "."), 64)
		if err != nil || v < 0 {
			return 0, false
		}
		unit := rest[i]
		var scale float64
		switch {
		case !inTime && unit == 'W':
			scale = 7 * 86400
		case !inTime && unit == 'D':
			scale = 86400
		case inTime && unit == 'H':
			scale = 3600
		case inTime && unit == 'M':
			scale = 60
		case inTime && unit == 'S':
			scale = 1
		default:
			return 0, false // years and months are no length for a call
		}
		key := string(unit)
		if inTime {
			key = "T" + key
		}
		if strings.Contains(seen, key) {
			return 0, false
		}
		seen += key + ","
		total += v * scale
		rest = rest[i+1:]
	}
	if total > 1<<30 {
		return 0, false
	}
	return int(total + 0.5), true
}

// ReadGVoiceTexts reads one text conversation of Google Takeout's Voice
// folder. Your messages are those whose sender is "Me"; the other side's
// number is the number of their messages, else the file's name. A
// conversation with a list of participants is a group.
func ReadGVoiceTexts(r io.Reader, opts Options, emit Emit) error {
	fromName := parseGVoiceName(opts.Title)
	g := newGVoiceTokens(r)
	type sender struct {
		in         bool
		tel, label string // the sender's number and name
	}
	// message is what is held of a message until the other side is known,
	// kept small: a conversation may hold a million.
	type message struct {
		at    int64 // Unix milliseconds
		index int32
		in    bool
	}
	var (
		inLog, group, inMessage, inSender bool
		title, number, name               string
		cur                               sender
		messages                          []message
		stamp                             string
		count                             int
	)
	finish := func() {
		if !inMessage {
			return
		}
		inMessage = false
		count++
		// Your own messages carry your number: only theirs tell who the
		// other side is.
		if cur.in && number == "" {
			number = cur.tel
		}
		if cur.in && name == "" {
			name = cur.label
		}
		at, why := gvoiceTime(stamp)
		if why != "" {
			opts.skip(fmt.Sprintf("message %d", count), "%s", why)
			return
		}
		messages = append(messages, message{at: at.UnixMilli(), index: int32(min(count, 1<<30)), in: cur.in})
	}
	for tt := g.next(); tt != html.ErrorToken; tt = g.next() {
		if tt == html.TextToken {
			continue
		}
		if tt == html.EndTagToken {
			if g.name == "cite" {
				inSender = false
			}
			continue
		}
		switch {
		case g.name == "title" && !inLog:
			title = g.text(256)
		case g.name == "div" && g.has("haudio"):
			opts.skip("the file", "a call, not a text conversation: read it with tend import calls")
			return nil
		case g.name == "div" && g.has("hChatLog"):
			inLog = true
		case !inLog:
		case g.name == "div" && g.has("participants"):
			group = true
		case g.name == "div" && g.has("message"):
			finish()
			inMessage, cur, stamp = true, sender{in: true}, ""
		case !inMessage:
		case g.name == "abbr" && g.has("dt"):
			stamp = g.attrs["title"]
		case g.name == "cite" && g.has("sender"):
			inSender = true
		case inSender && g.name == "a" && g.has("tel"):
			cur.tel = strings.TrimSpace(strings.TrimPrefix(g.attrs["href"], "tel:"))
		case inSender && g.name == "abbr" && g.has("fn"):
			cur.in = false // Voice writes your own name as abbr.fn "Me"
		case inSender && g.name == "span" && g.has("fn"):
			cur.label = g.text(256)
			inSender = false // text() read past </span>; the sender ends with it
		}
	}
	finish()
	if err := g.err(); err != nil {
		return err
	}
	if !inLog {
		return refuse("", "not a Google Voice text conversation: no messages in it")
	}
	// The title is the other side's name, or "Me to <name>" when you wrote
	// first.
	title = strings.TrimSpace(strings.TrimPrefix(title, "Me to"))
	if title == "Group Conversation" {
		group = true
	}
	if name == "" {
		name = title
	}
	num, nm := gvoiceParty(number, name, fromName.contact)
	for _, m := range messages {
		rec := Record{At: time.UnixMilli(m.at).UTC(), Kind: Message, In: m.in, App: "Google Voice", Group: group, Where: fmt.Sprintf("message %d", m.index),
			Number: num, Name: nm, ByName: num == "" && nm != ""}
		if err := emit(rec); err != nil {
			return err
		}
	}
	return nil
}
