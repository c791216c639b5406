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
	d := json.NewDecoder(br)
	d.UseNumber()
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return refuse("", "not a Messenger export: %s", notObject(err))
	}
	var (
		participants []string
		title, kind  string
		messages     []fbMessage
		sawMessages  bool
		senders      = map[string]string{} // interned: a thread repeats two names
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
			for d.More() {
				var raw json.RawMessage
				if err := d.Decode(&raw); err != nil {
					return fbBroken(err)
				}
				messages = append(messages, readFBMessage(raw, senders))
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
		for _, m := range messages {
			if m.sender != "" && !containsString(names, m.sender) {
				names = append(names, m.sender)
			}
		}
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
	for i, m := range messages {
		where := fmt.Sprintf("message %d", i+1)
		if m.why != "" {
			opts.skip(where, "%s", m.why)
			continue
		}
		if m.kind == 0 {
			continue // joined or left a group: no contact
		}
		rec := Record{At: m.at, Kind: m.kind, Seconds: m.secs, App: "Messenger", Group: group, Where: where,
			Name: partner, ByName: true, In: partner != "" && strings.EqualFold(m.sender, partner)}
		if group {
			rec.Name = title
		}
		if err := emit(rec); err != nil {
			return err
		}
	}
	return nil
}

// fbMessage is what tend keeps of a message: who, when, and for a call
// its length; never its content.
type fbMessage struct {
	sender string
	at     time.Time
	kind   Kind // 0: not a contact (joined, left)
	secs   int
	why    string
}

func readFBMessage(raw json.RawMessage, senders map[string]string) fbMessage {
	var m struct {
		Sender   json.RawMessage `json:"sender_name"`
		Stamp    json.RawMessage `json:"timestamp_ms"`
		Type     json.RawMessage `json:"type"`
		Duration json.RawMessage `json:"call_duration"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return fbMessage{why: "not a message (not a JSON object)"}
	}
	sender := fixMojibake(jsonString(m.Sender))
	if s, ok := senders[sender]; ok {
		sender = s
	} else if len(senders) < 10_000 {
		senders[sender] = sender
	}
	out := fbMessage{sender: sender, kind: Message}
	stamp := strings.Trim(strings.TrimSpace(string(m.Stamp)), `"`)
	if stamp == "" || stamp == "null" {
		out.why = "no timestamp_ms"
		return out
	}
	v, err := strconv.ParseInt(stamp, 10, 64)
	if err != nil {
		out.why = fmt.Sprintf("timestamp_ms %q is not a time", clipName(stamp))
		return out
	}
	at, why := unixAuto(v)
	if why != "" {
		out.why = strings.Replace(why, "date", "timestamp_ms", 1)
		return out
	}
	out.at = at
	if sender == "" {
		out.why = "no sender_name"
		return out
	}
	switch jsonString(m.Type) {
	case "Subscribe", "Unsubscribe":
		out.kind = 0
	case "Call":
		out.kind = Missed
		if d := strings.TrimSpace(string(m.Duration)); d != "" && d != "null" {
			secs, err := strconv.ParseFloat(strings.Trim(d, `"`), 64)
			if err != nil || secs < 0 || secs > 1<<30 {
				out.why = fmt.Sprintf("call_duration %q is not a length of time", clipName(d))
				return out
			}
			if secs > 0 {
				out.kind, out.secs = Answered, int(secs+0.5)
			}
		}
	}
	return out
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

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// MessengerParticipants reads the participants of a Messenger thread,
// stopping there (an export writes them first); nil when it has none.
func MessengerParticipants(r io.Reader) []string {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	d := json.NewDecoder(br)
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
