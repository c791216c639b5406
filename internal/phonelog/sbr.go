package phonelog

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// ReadSBRCalls reads an SMS Backup & Restore call log (<calls>), streaming.
func ReadSBRCalls(r io.Reader, opts Options, emit Emit) error {
	return readSBR(r, "calls", opts, emit)
}

// ReadSBRMessages reads an SMS Backup & Restore message backup (<smses>,
// SMS and MMS), streaming. Signal's plaintext backups are this format too.
func ReadSBRMessages(r io.Reader, opts Options, emit Emit) error {
	return readSBR(r, "smses", opts, emit)
}

func readSBR(r io.Reader, root string, opts Options, emit Emit) error {
	sc := newSBRScanner(r)
	broken := func(err error) error {
		var se *sbrSyntaxError
		if errors.As(err, &se) {
			return refuse(fmt.Sprintf("line %d", se.line), "broken XML: %s", se.msg)
		}
		return err
	}
	el, err := sc.next(1)
	if err != nil {
		return broken(err)
	}
	if el == nil {
		return refuse("", "not an SMS Backup & Restore file: no <%s> element", root)
	}
	if el.name != root {
		return refuse(fmt.Sprintf("line %d", el.line), "not an SMS Backup & Restore %s file: the first element is <%s>, not <%s>", sbrWhat(root), clipName(el.name), root)
	}
	for n := 1; ; n++ {
		el, err := sc.next(1)
		if err != nil {
			return broken(err)
		}
		if el == nil {
			return nil
		}
		pos := fmt.Sprintf("record %d (line %d)", n, el.line)
		rec, why := sbrRecord(el)
		if why != "" {
			opts.skip(pos, "%s", why)
			continue
		}
		rec.Where = pos
		if err := emit(rec); err != nil {
			return err
		}
	}
}

func sbrWhat(root string) string {
	if root == "calls" {
		return "call log"
	}
	return "message"
}

func clipName(s string) string {
	if len(s) > 30 {
		return s[:30] + "…"
	}
	return s
}

// sbrRecord reads one <call>, <sms> or <mms>; why says why it is left out.
func sbrRecord(t *sbrElement) (Record, string) {
	attr := t.attr
	rec := Record{App: "SMS", Number: attr("number"), Name: contactName(attr("contact_name"))}
	at, why := sbrTime(attr("date"))
	if why != "" {
		return rec, why
	}
	rec.At = at
	switch t.name {
	case "call":
		rec.App = "phone"
		code := strings.TrimSpace(attr("type"))
		secs, err := strconv.Atoi(strings.TrimSpace(attr("duration")))
		if err != nil || secs < 0 {
			secs = 0
		}
		switch code {
		case "1": // incoming
			rec.Kind, rec.In, rec.Seconds = Answered, true, secs
			if secs == 0 {
				rec.Kind = Missed // answered and gone at once: no conversation
			}
		case "7": // answered on another device, which keeps the length
			rec.Kind, rec.In, rec.Seconds = Answered, true, secs
		case "2":
			rec.Kind, rec.Seconds = Answered, secs
			if secs == 0 {
				rec.Kind = Missed // they did not pick up
			}
		case "3", "4", "5": // missed, voicemail, rejected
			rec.Kind, rec.In = Missed, true
		case "6":
			return rec, "a blocked call"
		default:
			return rec, fmt.Sprintf("call type %q is not one tend knows", clipName(code))
		}
	case "sms":
		rec.Kind, rec.Number = Message, attr("address")
		switch strings.TrimSpace(attr("type")) {
		case "1":
			rec.In = true
		case "2", "4", "5", "6":
		case "3":
			return rec, "a draft"
		default:
			return rec, fmt.Sprintf("message type %q is not one tend knows", clipName(attr("type")))
		}
	case "mms":
		rec.Kind, rec.Number = Message, attr("address")
		switch strings.TrimSpace(attr("msg_box")) {
		case "1":
			rec.In = true
		case "2", "4":
		case "3":
			return rec, "a draft"
		default:
			return rec, fmt.Sprintf("MMS box %q is not one tend knows", clipName(attr("msg_box")))
		}
		if strings.Contains(rec.Number, "~") {
			rec.Group = true
		}
	default:
		return rec, fmt.Sprintf("<%s> is not a call or a message", clipName(t.name))
	}
	return rec, ""
}

// contactName drops the placeholders backups write for "no contact".
func contactName(s string) string {
	s = strings.TrimSpace(s)
	switch s {
	case "(Unknown)", "null", "UNKNOWN_CALLER":
		return ""
	}
	return s
}

// sbrTime reads an SMS Backup & Restore time: milliseconds since 1970, or
// in some files and fields seconds, told apart by size, value by value.
func sbrTime(s string) (time.Time, string) {
	s = strings.TrimSpace(s)
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		if s == "" {
			return time.Time{}, "no date"
		}
		return time.Time{}, fmt.Sprintf("date %q is not a time", clipName(s))
	}
	return unixAuto(v)
}

// unixAuto reads a count since 1970 as seconds when it is below 10^11 (the
// year 5138 in seconds, March 1973 in milliseconds), else milliseconds.
func unixAuto(v int64) (time.Time, string) {
	var t time.Time
	switch {
	case v <= 0:
		return t, fmt.Sprintf("date %d is not a time", v)
	case v < 1e11:
		t = time.Unix(v, 0)
	case v < 1e14:
		t = time.UnixMilli(v)
	default:
		return t, fmt.Sprintf("date %d is not a time", v)
	}
	if !plausible(t) {
		return time.Time{}, fmt.Sprintf("date %d is not a time a phone could log", v)
	}
	return t.UTC(), ""
}
