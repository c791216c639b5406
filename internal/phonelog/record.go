// Package phonelog reads the call logs and message histories that phones
// and chat apps export, and turns each into neutral records: who, when,
// which way, how long. It keeps no message text: a reader looks at a
// message only to tell who wrote it and when, and drops the rest at once.
//
// Formats: SMS Backup & Restore XML (calls and messages), Termux:API's
// termux-call-log and termux-sms-list JSON, Telegram Desktop's result.json,
// WhatsApp's "Export chat" text, Google Takeout's Voice HTML (calls and
// texts), the CallHistory.storedata SQLite file of iOS and macOS, and
// Facebook Messenger's message_N.json. Each reader streams its input, reports
// a record it cannot use as a skip with its position and reason, and
// refuses (with an *InputError) a file that is not what it claims to be.
package phonelog

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Kind is what a record was.
type Kind uint8

const (
	// Answered is a call that connected: a real conversation.
	Answered Kind = iota + 1
	// Missed is a call that did not connect: missed, rejected, sent to
	// voicemail, or yours unanswered.
	Missed
	// Message is one message, in either direction.
	Message
)

func (k Kind) String() string {
	switch k {
	case Answered:
		return "call"
	case Missed:
		return "missed call"
	case Message:
		return "message"
	}
	return fmt.Sprintf("kind %d", k)
}

// Record is one call or message, as a source told it. It never holds the
// text of a message.
type Record struct {
	At      time.Time
	Kind    Kind
	In      bool // they reached out: an incoming call, a message of theirs
	Video   bool // a video call, where the source says so
	Seconds int  // the length of an answered call; 0 when not known

	// Who the other party is: a number or address as the source wrote it,
	// an e-mail address (FaceTime, some chat apps), and the name the phone
	// or app had for them (a chat export knows only that).
	Number string
	Email  string
	Name   string
	// ByName says the party is known by Name only (a chat export): it is
	// matched to a person by name, never by number.
	ByName bool

	Group bool   // a group chat or group MMS
	App   string // the channel the record came through: "SMS", "WhatsApp", "Telegram"
	Where string // the record's position in the file, for messages about it
}

// InputError says the input is not a file of the format it was read as,
// or is broken beyond reading: the whole file is refused.
type InputError struct {
	Where  string // line or record, when known
	Reason string
}

func (e *InputError) Error() string {
	if e.Where == "" {
		return e.Reason
	}
	return e.Where + ": " + e.Reason
}

func refuse(where, format string, args ...any) error {
	return &InputError{Where: plain(where), Reason: plain(fmt.Sprintf(format, args...))}
}

// plain makes text from a file, or a parser's message quoting it, safe to
// print as one line: valid UTF-8, control characters written as escapes.
func plain(s string) string {
	s = strings.ToValidUTF8(s, "\ufffd")
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			fmt.Fprintf(&b, "\\x%02x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Options tune the readers.
type Options struct {
	// Location is the zone of times a source writes without one (Termux,
	// WhatsApp, Telegram before it wrote Unix times); UTC when nil.
	Location *time.Location
	// Skip is told about every record left out, with its position and the
	// reason; it may be nil.
	Skip func(where, reason string)
	// Partner names the other side of a one-to-one chat export when the
	// file does not say (tend import messages --as). Known reports whether
	// a chat author's name is someone the caller knows; a reader uses both
	// to tell the partner from you.
	Partner string
	Me      string
	Known   func(name string) bool
	// Title is the name of the file read, when there is one: a WhatsApp
	// export names the chat in it ("WhatsApp Chat with Ana.txt").
	Title string
	// Now, when set, is the moment of the import: Read leaves out a
	// record after it, as tend log refuses a moment to come.
	Now time.Time
}

func (o Options) loc() *time.Location {
	if o.Location == nil {
		return time.UTC
	}
	return o.Location
}

func (o Options) skip(where, format string, args ...any) {
	if o.Skip != nil {
		o.Skip(plain(where), plain(fmt.Sprintf(format, args...)))
	}
}

// Emit receives each record a reader finds; an error stops the reading.
type Emit func(Record) error

// firstYear and lastYear bound the moments a phone's log can name: earlier
// or later ones are a clock never set or a damaged field, not a conversation.
const firstYear, lastYear = 1970, 2200

// plausible reports whether t lies within the years a log can name.
func plausible(t time.Time) bool {
	return t.Year() >= firstYear && t.Year() <= lastYear
}
