package phonelog

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
)

// ReadTermuxCalls reads the JSON that termux-call-log prints: an array of
// calls, times in the phone's local time (opts.Location).
func ReadTermuxCalls(r io.Reader, opts Options, emit Emit) error {
	return readTermux(r, "termux-call-log", opts, func(n int, obj map[string]json.RawMessage) (Record, string) {
		rec := Record{App: "phone", Number: jsonString(obj["phone_number"]), Name: contactName(jsonString(obj["name"]))}
		if _, ok := obj["phone_number"]; !ok {
			return rec, "no phone_number"
		}
		at, why := termuxTime(jsonString(obj["date"]), opts.loc())
		if why != "" {
			return rec, why
		}
		rec.At = at
		secs, ok := termuxDuration(jsonString(obj["duration"]))
		if !ok {
			return rec, fmt.Sprintf("duration %q is not mm:ss", clipName(jsonString(obj["duration"])))
		}
		switch typ := jsonString(obj["type"]); typ {
		case "INCOMING", "OUTGOING":
			rec.Kind, rec.In, rec.Seconds = Answered, typ == "INCOMING", secs
			if secs == 0 {
				rec.Kind = Missed // no second of conversation, either way
			}
		case "MISSED", "VOICEMAIL", "REJECTED":
			rec.Kind, rec.In = Missed, true
		case "BLOCKED":
			return rec, "a blocked call"
		default:
			return rec, fmt.Sprintf("call type %q is not one tend knows", clipName(typ))
		}
		return rec, ""
	}, emit)
}

// ReadTermuxMessages reads the JSON that termux-sms-list prints: an array
// of SMS, or with --conversation-return-nested-view an object of arrays by
// thread.
func ReadTermuxMessages(r io.Reader, opts Options, emit Emit) error {
	return readTermux(r, "termux-sms-list", opts, func(n int, obj map[string]json.RawMessage) (Record, string) {
		number := jsonString(obj["address"])
		if number == "" {
			number = jsonString(obj["number"])
		}
		rec := Record{App: "SMS", Kind: Message, Number: number}
		at, why := termuxTime(jsonString(obj["received"]), opts.loc())
		if why != "" {
			return rec, why
		}
		rec.At = at
		switch typ := jsonString(obj["type"]); typ {
		case "inbox":
			rec.In = true
			rec.Name = contactName(jsonString(obj["sender"]))
		case "sent", "outbox", "failed", "queued":
		case "draft":
			return rec, "a draft"
		default:
			return rec, fmt.Sprintf("message type %q is not one tend knows", clipName(typ))
		}
		return rec, ""
	}, emit)
}

// readTermux streams an array of objects (or an object of such arrays),
// refusing the error object old Termux:API builds print instead.
func readTermux(r io.Reader, what string, opts Options, record func(int, map[string]json.RawMessage) (Record, string), emit Emit) error {
	d := json.NewDecoder(r)
	tok, err := d.Token()
	if err != nil {
		return refuse("", "not %s output: %s", what, jsonProblem(err))
	}
	n := 0
	readArray := func() error {
		for d.More() {
			n++
			where := fmt.Sprintf("record %d", n)
			var obj map[string]json.RawMessage
			if err := d.Decode(&obj); err != nil {
				var te *json.UnmarshalTypeError
				if errors.As(err, &te) {
					opts.skip(where, "not an object")
					continue
				}
				return refuse(where, "broken JSON: %s", jsonProblem(err))
			}
			rec, why := record(n, obj)
			if why != "" {
				opts.skip(where, "%s", why)
				continue
			}
			rec.Where = where
			if err := emit(rec); err != nil {
				return err
			}
		}
		if _, err := d.Token(); err != nil { // ]
			return refuse("", "broken JSON: %s", jsonProblem(err))
		}
		return nil
	}
	switch tok {
	case json.Delim('['):
		if err := readArray(); err != nil {
			return err
		}
	case json.Delim('{'):
		// {"error": "..."}, or the nested view: {"<thread>": [...], ...}.
		for d.More() {
			key, err := d.Token()
			if err != nil {
				return refuse("", "broken JSON: %s", jsonProblem(err))
			}
			if key == "error" {
				var msg string
				d.Decode(&msg)
				return refuse("", "%s printed an error, not a list: %q", what, clipName(msg))
			}
			if t, err := d.Token(); err != nil || t != json.Delim('[') {
				return refuse("", "not %s output: thread %q is not a list", what, clipName(fmt.Sprint(key)))
			}
			if err := readArray(); err != nil {
				return err
			}
		}
	default:
		return refuse("", "not %s output: it is not a JSON list", what)
	}
	if _, err := d.Token(); err != io.EOF {
		return refuse("", "not %s output: more after the list", what)
	}
	return nil
}

func jsonProblem(err error) string {
	if errors.Is(err, io.EOF) {
		return "it is empty"
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "it ends too early"
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s at byte %d", se.Error(), se.Offset)
	}
	return err.Error()
}

// jsonString is a JSON string's value, or "" for anything else.
func jsonString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// asciiDigits writes digits of any script as 0–9: Termux formats its dates
// with the phone's locale.
func asciiDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r > 127 }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r > 127 && unicode.IsDigit(r) {
			return '0' + rune(digitValue(r))
		}
		return r
	}, s)
}

// termuxTime reads "yyyy-MM-dd HH:mm:ss" (or, from older builds, without
// seconds, and with hour 24 for the hour after midnight) in loc.
func termuxTime(s string, loc *time.Location) (time.Time, string) {
	s = strings.TrimSpace(asciiDigits(s))
	if s == "" {
		return time.Time{}, "no date"
	}
	fixed := s
	if len(s) >= 13 && s[10] == ' ' && s[11:13] == "24" {
		fixed = s[:11] + "00" + s[13:] // Java's kk: 24 is the first hour of the day
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, fixed, loc); err == nil {
			if !plausible(t) {
				return time.Time{}, fmt.Sprintf("date %q is not a time a phone could log", clipName(s))
			}
			return t.UTC(), ""
		}
	}
	return time.Time{}, fmt.Sprintf("date %q is not yyyy-MM-dd HH:mm:ss", clipName(s))
}

// termuxDuration reads "mm:ss" or "HH:mm:ss".
func termuxDuration(s string) (int, bool) {
	s = strings.TrimSpace(asciiDigits(s))
	if s == "" {
		return 0, true
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	total := 0
	for _, p := range parts {
		if p == "" || len(p) > 4 || strings.Trim(p, "0123456789") != "" {
			return 0, false
		}
		v := 0
		for _, c := range p {
			v = v*10 + int(c-'0')
		}
		total = total*60 + v
	}
	return total, true
}
