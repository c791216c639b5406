package phonelog

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// ReadTelegram reads the result.json of Telegram Desktop's export, of one
// chat or of everything. Messages become Message records; phone_call
// service messages become calls. A group's messages come out with Group
// set; channels, bots and saved messages are skipped.
func ReadTelegram(r io.Reader, opts Options, emit Emit) error {
	d := json.NewDecoder(newEscapeFixer(r))
	d.UseNumber()
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return refuse("", "not a Telegram export: %s", notObject(err))
	}
	tr := telegramReader{opts: opts, emit: emit, phones: map[string]string{}}
	var single tgChat
	isSingle := false
	for d.More() {
		key, err := d.Token()
		if err != nil {
			return refuse("", "broken JSON: %s", jsonProblem(err))
		}
		switch key {
		case "personal_information":
			var me struct {
				UserID json.Number `json:"user_id"`
			}
			if err := d.Decode(&me); err != nil {
				return tgBroken(err)
			}
			tr.me = peerID(me.UserID)
		case "contacts":
			var c struct {
				List []struct {
					UserID json.Number `json:"user_id"`
					Phone  string      `json:"phone_number"`
				} `json:"list"`
			}
			if err := d.Decode(&c); err != nil {
				return tgBroken(err)
			}
			for _, x := range c.List {
				if id := peerID(x.UserID); id != "" && x.Phone != "" {
					tr.phones[id] = x.Phone
				}
			}
		case "chats", "left_chats":
			if err := tr.chatList(d); err != nil {
				return err
			}
		case "name", "type", "id":
			isSingle = true
			var v json.RawMessage
			if err := d.Decode(&v); err != nil {
				return tgBroken(err)
			}
			switch key {
			case "name":
				single.Name = jsonString(v)
			case "type":
				single.Type = jsonString(v)
			case "id":
				single.ID = json.Number(strings.Trim(string(v), `"`))
			}
		case "messages":
			isSingle = true
			if err := d.Decode(&single.Messages); err != nil {
				return tgBroken(err)
			}
		default:
			var skip json.RawMessage
			if err := d.Decode(&skip); err != nil {
				return tgBroken(err)
			}
		}
	}
	if _, err := d.Token(); err != nil {
		return tgBroken(err)
	}
	if isSingle {
		if single.Messages == nil {
			return refuse("", "not a Telegram export: no messages")
		}
		return tr.chat(single, 1)
	}
	if tr.chats == 0 {
		return refuse("", "not a Telegram export: no chats and no messages")
	}
	return nil
}

func notObject(err error) string {
	if err != nil {
		return jsonProblem(err)
	}
	return "it is not a JSON object"
}

func tgBroken(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return refuse("", "not a Telegram export: %s holds the wrong kind of value", te.Field)
	}
	return refuse("", "broken JSON: %s", jsonProblem(err))
}

type telegramReader struct {
	opts   Options
	emit   Emit
	me     string
	phones map[string]string // user id ("user123") → phone number from the contacts
	chats  int
}

type tgChat struct {
	Name     string      `json:"name"`
	Type     string      `json:"type"`
	ID       json.Number `json:"id"`
	Messages []tgMessage `json:"messages"`
}

// tgMessage is what tend reads of a message: never its text.
type tgMessage struct {
	ID       json.Number     `json:"id"`
	Type     string          `json:"type"`
	Date     string          `json:"date"`
	Unix     string          `json:"date_unixtime"`
	From     *string         `json:"from"`
	FromID   json.RawMessage `json:"from_id"`
	Actor    *string         `json:"actor"`
	ActorID  json.RawMessage `json:"actor_id"`
	Action   string          `json:"action"`
	Duration int             `json:"duration_seconds"`
	Discard  string          `json:"discard_reason"`
}

// chatList streams {"about": ..., "list": [chat, ...]}, one chat at a time.
func (tr *telegramReader) chatList(d *json.Decoder) error {
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return refuse("", "not a Telegram export: chats is not an object")
	}
	for d.More() {
		key, err := d.Token()
		if err != nil {
			return tgBroken(err)
		}
		if key != "list" {
			var skip json.RawMessage
			if err := d.Decode(&skip); err != nil {
				return tgBroken(err)
			}
			continue
		}
		if tok, err := d.Token(); err != nil || tok != json.Delim('[') {
			return refuse("", "not a Telegram export: the chat list is not a list")
		}
		for d.More() {
			var c tgChat
			if err := d.Decode(&c); err != nil {
				return tgBroken(err)
			}
			tr.chats++
			if err := tr.chat(c, tr.chats); err != nil {
				return err
			}
		}
		if _, err := d.Token(); err != nil {
			return tgBroken(err)
		}
	}
	_, err := d.Token()
	if err != nil {
		return tgBroken(err)
	}
	return nil
}

func (tr *telegramReader) chat(c tgChat, n int) error {
	where := fmt.Sprintf("chat %d", n)
	if c.Name != "" {
		where = fmt.Sprintf("chat %d (%s)", n, clipName(c.Name))
	}
	group := false
	switch c.Type {
	case "personal_chat":
	case "private_group", "private_supergroup", "public_supergroup":
		group = true
	case "":
		// Hand-made and very old exports say nothing: more than two
		// writers make a group.
		writers := map[string]bool{}
		for _, m := range c.Messages {
			if m.From != nil {
				writers[*m.From] = true
			}
		}
		group = len(writers) > 2
	default: // channels, bots, saved messages, replies
		tr.opts.skip(where, "a %s, not a conversation (%d messages)", strings.ReplaceAll(c.Type, "_", " "), len(c.Messages))
		return nil
	}
	partner := ""
	if c.ID != "" {
		partner = peerID(c.ID)
	}
	var authors []string
	if !group && partner == "" {
		seen := map[string]bool{}
		for _, m := range c.Messages {
			if m.From != nil && !seen[*m.From] {
				seen[*m.From] = true
				authors = append(authors, *m.From)
			}
		}
	}
	partnerName, err := whoIsPartner(authors, c.Name, tr.opts)
	if err != nil && !group && partner == "" {
		return refuse(where, "%v", err)
	}
	name := c.Name
	if partnerName != "" {
		name = partnerName
	}
	for i, m := range c.Messages {
		mw := fmt.Sprintf("%s, message %d", where, i+1)
		if m.ID != "" {
			mw = fmt.Sprintf("%s, message id %s", where, m.ID)
		}
		at, why := tr.time(m)
		if why != "" {
			tr.opts.skip(mw, "%s", why)
			continue
		}
		rec := Record{At: at, App: "Telegram", Name: name, ByName: true, Group: group, Where: mw, Number: tr.phones[partner]}
		isFrom := func(id json.RawMessage, nm *string) bool {
			if partner != "" && len(id) > 0 {
				return peerID(json.Number(strings.Trim(string(id), `"`))) == partner
			}
			return nm != nil && partnerName != "" && *nm == partnerName
		}
		switch m.Type {
		case "message":
			rec.Kind, rec.In = Message, isFrom(m.FromID, m.From)
		case "service":
			if m.Action != "phone_call" {
				continue // joined, pinned, changed a title: no contact
			}
			rec.In = isFrom(m.ActorID, m.Actor)
			rec.Kind, rec.Seconds = Missed, m.Duration
			if m.Duration > 0 {
				rec.Kind = Answered
			}
		default:
			continue // "unsupported": nothing to read
		}
		if err := tr.emit(rec); err != nil {
			return err
		}
	}
	return nil
}

// time prefers date_unixtime (absolute); date is the exporting computer's
// local time.
func (tr *telegramReader) time(m tgMessage) (time.Time, string) {
	if m.Unix != "" {
		v, err := strconv.ParseInt(m.Unix, 10, 64)
		if err != nil || v <= 0 || !plausible(time.Unix(v, 0).UTC()) {
			return time.Time{}, fmt.Sprintf("date_unixtime %q is not a time", clipName(m.Unix))
		}
		return time.Unix(v, 0).UTC(), ""
	}
	if m.Date == "" {
		return time.Time{}, "no date"
	}
	t, err := time.ParseInLocation("2006-01-02T15:04:05", m.Date, tr.opts.loc())
	if err != nil || !plausible(t) {
		return time.Time{}, fmt.Sprintf("date %q is not a time", clipName(m.Date))
	}
	return t.UTC(), ""
}

// peerID writes a Telegram user id as current exports do ("user123"),
// from any of the three forms exports have used: a bare number, the same
// number shifted by 2^32 (v2.4 to v2.7.1), or the string.
func peerID(n json.Number) string {
	s := strings.TrimSpace(string(n))
	if strings.HasPrefix(s, "user") {
		return s
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v <= 0 {
		return ""
	}
	if v >= 1<<32 && v < 1<<33 {
		v -= 1 << 32
	} else if v >= 1<<33 {
		return "" // a chat or channel
	}
	return "user" + strconv.FormatInt(v, 10)
}

// escapeFixer rewrites the \xNN escapes Telegram's exporter writes for
// control characters, which are not JSON, as \u00NN.
type escapeFixer struct {
	r       io.Reader
	pending bool // the last byte passed was a backslash that starts an escape
	buf     []byte
}

func newEscapeFixer(r io.Reader) *escapeFixer { return &escapeFixer{r: r} }

func (f *escapeFixer) Read(p []byte) (int, error) {
	if len(f.buf) > 0 {
		n := copy(p, f.buf)
		f.buf = f.buf[n:]
		return n, nil
	}
	if len(p) < 8 {
		return f.r.Read(p) // too small to rewrite into; never asked by encoding/json
	}
	// Read into the first quarter, leaving room for each \x to grow by 3.
	n, err := f.r.Read(p[:len(p)/4])
	out := make([]byte, 0, n*4)
	for _, c := range p[:n] {
		if f.pending {
			f.pending = false
			if c == 'x' {
				out = append(out, 'u', '0', '0')
				continue
			}
			out = append(out, c)
			continue
		}
		if c == '\\' {
			f.pending = true
		}
		out = append(out, c)
	}
	k := copy(p, out)
	f.buf = append(f.buf[:0], out[k:]...)
	return k, err
}
