package phonelog

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ReadMessenger reads one message_N.json of Facebook's "Download your
// information" (messages/inbox/<thread>/), which Instagram's export shares.
// Messages become Message records and "Call" entries calls; a thread of
// more than two participants is a group. Facebook writes every non-ASCII
// character as its UTF-8 bytes, each escaped as if it were Latin-1
// ("\u00c3\u00a9" for "é"): names are decoded back.
func ReadMessenger(r io.Reader, opts Options, emit Emit) error {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	d := json.NewDecoder(newStringClipper(br, fbMaxString))
	d.UseNumber()
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return refuse("", "not a Messenger export: %s", notObject(err))
	}
	var (
		participants []string
		title, kind  string
		messages     []fbMessage
		sawMessages  bool
		senders      = map[string]uint32{} // a thread repeats two names a million times
		senderNames  []string
	)
	for d.More() {
		key, err := d.Token()
		if err != nil {
			return fbBroken(err)
		}
		switch key {
		case "participants":
			var ps []struct {
				Name string `json:"name"`
			}
			if err := d.Decode(&ps); err != nil {
				return fbBroken(err, "participants")
			}
			for _, p := range ps {
				participants = append(participants, fixMojibake(p.Name))
			}
		case "title":
			var v json.RawMessage
			if err := d.Decode(&v); err != nil {
				return fbBroken(err)
			}
			title = fixMojibake(jsonString(v))
		case "thread_type":
			var v json.RawMessage
			if err := d.Decode(&v); err != nil {
				return fbBroken(err)
			}
			kind = jsonString(v)
		case "messages":
			sawMessages = true
			if tok, err := d.Token(); err != nil || tok != json.Delim('[') {
				return refuse("", "not a Messenger export: messages is not a list")
			}
			for n := 1; d.More(); n++ {
				var raw fbRaw
				err := d.Decode(&raw)
				var te *json.UnmarshalTypeError
				switch {
				case errors.As(err, &te):
					opts.skip(fmt.Sprintf("message %d", n), "not a message (not a JSON object)")
					continue
				case err != nil:
					return fbBroken(err)
				}
				m, why := readFBMessage(raw)
				if why != "" {
					opts.skip(fmt.Sprintf("message %d", n), "%s", why)
					continue
				}
				if m.kind == 0 {
					continue // joined or left a group: no contact
				}
				name := fixMojibake(jsonString(raw.Sender))
				id, ok := senders[name]
				if !ok {
					if len(senderNames) >= 100_000 {
						return refuse(fmt.Sprintf("message %d", n), "not a Messenger thread: more than 100,000 different senders")
					}
					id = uint32(len(senderNames))
					senders[name] = id
					senderNames = append(senderNames, name)
				}
				m.sender, m.index = id, uint32(min(n, 1<<31))
				messages = append(messages, m)
			}
			if _, err := d.Token(); err != nil {
				return fbBroken(err)
			}
		default:
			var skip json.RawMessage
			if err := d.Decode(&skip); err != nil {
				return fbBroken(err)
			}
		}
	}
	if _, err := d.Token(); err != nil {
		return fbBroken(err)
	}
	if !sawMessages {
		return refuse("", "not a Messenger export: no messages")
	}

	names := participants
	if len(names) == 0 {
		names = senderNames
	}
	group := len(participants) > 2 || strings.EqualFold(kind, "RegularGroup") || (len(participants) == 0 && len(names) > 2)
	partner := ""
	if !group {
		var err error
		if partner, err = whoIsPartner(names, title, opts); err != nil {
			return refuse("", "%v", err)
		}
	}
	if partner == "" && !group {
		// Only you wrote, or the thread says no more: the title names them.
		partner = title
	}
	for _, m := range messages {
		rec := Record{At: time.UnixMilli(m.at).UTC(), Kind: m.kind, Seconds: int(m.secs), App: "Messenger", Group: group,
			Where: fmt.Sprintf("message %d", m.index), Name: partner, ByName: true,
			In: partner != "" && strings.EqualFold(senderNames[m.sender], partner)}
		if group {
			rec.Name = title
		}
		if err := emit(rec); err != nil {
			return err
		}
	}
	return nil
}

// fbMessage is what tend keeps of a message, kept small (a thread may
// hold a million): who, when, and for a call its length; never its
// content.
type fbMessage struct {
	at     int64  // Unix milliseconds
	sender uint32 // index of the name among the thread's senders
	index  uint32 // its position in the file, from 1
	secs   int32
	kind   Kind // 0: not a contact (joined, left)
}

// fbRaw is the part of a message that is read.
type fbRaw struct {
	Sender   json.RawMessage `json:"sender_name"`
	Stamp    json.RawMessage `json:"timestamp_ms"`
	Type     json.RawMessage `json:"type"`
	Duration json.RawMessage `json:"call_duration"`
}

func readFBMessage(m fbRaw) (fbMessage, string) {
	out := fbMessage{kind: Message}
	stamp := strings.Trim(strings.TrimSpace(string(m.Stamp)), `"`)
	if stamp == "" || stamp == "null" {
		return out, "no timestamp_ms"
	}
	v, err := strconv.ParseInt(stamp, 10, 64)
	if err != nil {
		return out, fmt.Sprintf("timestamp_ms %q is not a time", clipName(stamp))
	}
	at, why := unixAuto(v)
	if why != "" {
		return out, strings.Replace(why, "date", "timestamp_ms", 1)
	}
	out.at = at.UnixMilli()
	if s := jsonString(m.Sender); strings.TrimSpace(s) == "" {
		return out, "no sender_name"
	}
	switch jsonString(m.Type) {
	case "Subscribe", "Unsubscribe":
		out.kind = 0
	case "Call":
		out.kind = Missed
		if d := strings.TrimSpace(string(m.Duration)); d != "" && d != "null" {
			secs, err := strconv.ParseFloat(strings.Trim(d, `"`), 64)
			if err != nil || secs < 0 || secs > 1<<30 {
				return out, fmt.Sprintf("call_duration %q is not a length of time", clipName(d))
			}
			if secs > 0 {
				out.kind, out.secs = Answered, int32(secs+0.5)
			}
		}
	}
	return out, ""
}

// fixMojibake undoes Facebook's escaping of UTF-8 bytes as Latin-1
// characters; text that is not such bytes is returned as it is.
func fixMojibake(s string) string {
	high := false
	for _, r := range s {
		if r > 0xff {
			return s
		}
		if r >= 0x80 {
			high = true
		}
	}
	if !high {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	if !utf8.Valid(b) {
		return s
	}
	return string(b)
}

func fbBroken(err error, key ...string) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := strings.Join(append(key, te.Field), ".")
		return refuse("", "not a Messenger export: %s holds the wrong kind of value", strings.Trim(field, "."))
	}
	return refuse("", "broken JSON: %s", jsonProblem(err))
}

// MessengerParticipants reads the participants of a Messenger thread,
// stopping there (an export writes them first); nil when it has none.
func MessengerParticipants(r io.Reader) []string {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	d := json.NewDecoder(newStringClipper(br, fbMaxString))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	for d.More() {
		key, err := d.Token()
		if err != nil {
			return nil
		}
		if key != "participants" {
			var skip json.RawMessage
			if d.Decode(&skip) != nil {
				return nil
			}
			continue
		}
		var ps []struct {
			Name string `json:"name"`
		}
		if d.Decode(&ps) != nil {
			return nil
		}
		names := make([]string, 0, len(ps))
		for _, p := range ps {
			names = append(names, fixMojibake(p.Name))
		}
		return names
	}
	return nil
}

// MessengerMe finds you among the participants of several threads: the
// one name in every thread. It returns "" when the threads are fewer than
// two or no single name is in all.
func MessengerMe(threads [][]string) string {
	distinct := map[string]bool{}
	count := map[string]int{}
	for _, names := range threads {
		key := strings.Join(names, "\x00")
		if len(names) == 0 || distinct[key] {
			continue // the same thread split into message_1, message_2, ...
		}
		distinct[key] = true
		seen := map[string]bool{}
		for _, n := range names {
			if !seen[n] {
				seen[n] = true
				count[n]++
			}
		}
	}
	if len(distinct) < 2 {
		return ""
	}
	me := ""
	for n, c := range count {
		if c == len(distinct) {
			if me != "" {
				return ""
			}
			me = n
		}
	}
	return me
}

// fbMaxString is the longest JSON string passed on whole: a name or a
// time is short, and a message's content, which is never read, may be
// hundreds of megabytes that encoding/json would otherwise hold at once.
const fbMaxString = 64 << 10

// stringClipper passes JSON through, cutting every string longer than
// its limit in bytes where a character starts: the JSON stays valid.
type stringClipper struct {
	r        io.Reader
	inString bool
	pending  int // bytes of an escape still to come: 1 after \, 4 after \u
	length   int // bytes of the current string passed
	limit    int
	dropping bool
	buf      []byte
}

func newStringClipper(r io.Reader, limit int) *stringClipper {
	return &stringClipper{r: r, limit: limit, buf: make([]byte, 32<<10)}
}

func (c *stringClipper) Read(p []byte) (int, error) {
	for {
		n, err := c.r.Read(c.buf[:min(len(p), len(c.buf))])
		out := p[:0]
		for _, b := range c.buf[:n] {
			if !c.inString {
				if b == '"' {
					c.inString, c.length, c.dropping, c.pending = true, 0, false, 0
				}
				out = append(out, b)
				continue
			}
			inEscape := c.pending > 0
			switch {
			case inEscape:
				c.pending--
				if b == 'u' && c.pending == 0 {
					c.pending = 4 // the four hex digits of \uXXXX
				}
			case b == '\\':
				c.pending = 1
			case b == '"':
				c.inString = false
				out = append(out, b)
				continue
			}
			// Cut only where a character starts: not inside an escape nor
			// a UTF-8 sequence.
			if !c.dropping && !inEscape && c.length >= c.limit && (b < 0x80 || b >= 0xc0) {
				c.dropping = true
			}
			if c.dropping {
				continue
			}
			c.length++
			out = append(out, b)
		}
		if len(out) > 0 || err != nil {
			return len(out), err
		}
	}
}
