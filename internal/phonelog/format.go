package phonelog

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// Format is a file format a reader knows.
type Format string

// The formats, by the names --format takes.
const (
	SBRCalls       Format = "sbr-calls"
	SBRMessages    Format = "sbr-messages"
	TermuxCalls    Format = "termux-calls"
	TermuxMessages Format = "termux-messages"
	Telegram       Format = "telegram"
	WhatsApp       Format = "whatsapp"
	GVoiceCalls    Format = "gvoice-calls"
	GVoiceTexts    Format = "gvoice-messages"
	IOSCalls       Format = "ios-calls"
	Messenger      Format = "messenger"
)

// Calls and Messages are the formats `import calls` and `import messages`
// read; the second of each is Termux's.
var (
	Calls    = []Format{SBRCalls, TermuxCalls, GVoiceCalls, IOSCalls}
	Messages = []Format{SBRMessages, TermuxMessages, WhatsApp, Telegram, GVoiceTexts, Messenger}
)

var formatAliases = map[string]Format{
	"whatsapp": WhatsApp, "telegram": Telegram,
	"sbr-calls": SBRCalls, "sbr-messages": SBRMessages, "sbr-sms": SBRMessages,
	"termux-calls": TermuxCalls, "termux-call-log": TermuxCalls,
	"termux-messages": TermuxMessages, "termux-sms": TermuxMessages, "termux-sms-list": TermuxMessages,
	"gvoice-calls": GVoiceCalls, "gvoice-messages": GVoiceTexts, "gvoice-texts": GVoiceTexts,
	"ios-calls": IOSCalls, "ios": IOSCalls, "callhistory": IOSCalls, "callhistory.storedata": IOSCalls, "facetime": IOSCalls,
	"messenger": Messenger, "facebook": Messenger, "facebook-messenger": Messenger, "instagram": Messenger,
}

// formatFamilies are the names of a source that writes both calls and
// messages: they name whichever of the two the command reads.
var formatFamilies = map[string]string{
	"sbr": "sbr-", "smsbackup": "sbr-", "sms-backup-restore": "sbr-",
	"termux": "termux-",
	"gvoice": "gvoice-", "google-voice": "gvoice-", "voice": "gvoice-", "takeout": "gvoice-",
}

// ParseFormat reads a --format value among the formats allowed; "sbr",
// "termux" and "gvoice" name the one of their two that is allowed.
func ParseFormat(s string, allowed []Format) (Format, error) {
	key := strings.ToLower(strings.TrimSpace(s))
	if prefix, ok := formatFamilies[key]; ok {
		for _, a := range allowed {
			if strings.HasPrefix(string(a), prefix) {
				return a, nil
			}
		}
	}
	f, ok := formatAliases[key]
	for _, a := range allowed {
		if ok && a == f {
			return f, nil
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	sort.Strings(names)
	return "", fmt.Errorf("unknown format %q here (want %s)", s, strings.Join(names, ", "))
}

// Detect tells the format from the start of a file (its first kilobytes).
// It returns "" when nothing fits.
func Detect(head []byte) Format {
	if IsSQLite(head) {
		if bytes.Contains(head, []byte("ZCALLRECORD")) {
			return IOSCalls
		}
		return ""
	}
	h := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	t := bytes.TrimLeft(h, " \t\r\n")
	if f := detectGVoice(t); f != "" {
		return f
	}
	switch {
	case bytes.HasPrefix(t, []byte("<")):
		// Past the prolog and comments to the first element.
		rest := t
		for {
			i := bytes.IndexByte(rest, '<')
			if i < 0 {
				return ""
			}
			rest = rest[i:]
			switch {
			case bytes.HasPrefix(rest, []byte("<?")), bytes.HasPrefix(rest, []byte("<!--")):
				end := []byte("?>")
				if bytes.HasPrefix(rest, []byte("<!--")) {
					end = []byte("-->")
				}
				j := bytes.Index(rest, end)
				if j < 0 {
					return ""
				}
				rest = rest[j+len(end):]
				continue
			case bytes.HasPrefix(rest, []byte("<calls")):
				return SBRCalls
			case bytes.HasPrefix(rest, []byte("<smses")):
				return SBRMessages
			}
			return ""
		}
	case bytes.HasPrefix(t, []byte("[")) && jsonish(t):
		switch {
		case bytes.Contains(t, []byte(`"phone_number"`)):
			return TermuxCalls
		case bytes.Contains(t, []byte(`"threadid"`)) || bytes.Contains(t, []byte(`"received"`)):
			return TermuxMessages
		case bytes.Equal(bytes.TrimSpace(t), []byte("[]")):
			return "" // empty: any of the two
		}
	case bytes.HasPrefix(t, []byte("{")):
		switch {
		case bytes.Contains(t, []byte(`"error"`)) && bytes.Contains(t, []byte("permitted by Google")):
			if bytes.Contains(t, []byte("Call log")) {
				return TermuxCalls
			}
			return TermuxMessages
		case bytes.Contains(t, []byte(`"personal_information"`)), bytes.Contains(t, []byte(`"date_unixtime"`)),
			bytes.Contains(t, []byte(`"personal_chat"`)), bytes.Contains(t, []byte(`"chats"`)),
			bytes.Contains(t, []byte(`"messages"`)) && bytes.Contains(t, []byte(`"from"`)) && !bytes.Contains(t, []byte(`"timestamp_ms"`)):
			return Telegram
		case bytes.Contains(t, []byte(`"threadid"`)):
			return TermuxMessages
		case bytes.Contains(t, []byte(`"timestamp_ms"`)) && (bytes.Contains(t, []byte(`"sender_name"`)) || bytes.Contains(t, []byte(`"participants"`))),
			bytes.Contains(t, []byte(`"participants"`)) && bytes.Contains(t, []byte(`"thread_path"`)):
			return Messenger
		}
	default:
		if _, ok := parseWAHeader(firstLine(h)); ok {
			return WhatsApp
		}
	}
	return ""
}

func jsonish(t []byte) bool {
	rest := bytes.TrimLeft(t[1:], " \t\r\n")
	return len(rest) == 0 || rest[0] == '{' || rest[0] == ']'
}

func firstLine(b []byte) string {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	return strings.TrimRight(string(b), "\r")
}

// Read reads r as format f.
func Read(f Format, r io.Reader, opts Options, emit Emit) error {
	if f != IOSCalls {
		r = skipBOM(r)
	}
	if !opts.Now.IsZero() {
		emit = notAfter(opts, emit)
	}
	switch f {
	case SBRCalls:
		return ReadSBRCalls(r, opts, emit)
	case SBRMessages:
		return ReadSBRMessages(r, opts, emit)
	case TermuxCalls:
		return ReadTermuxCalls(r, opts, emit)
	case TermuxMessages:
		return ReadTermuxMessages(r, opts, emit)
	case Telegram:
		return ReadTelegram(r, opts, emit)
	case WhatsApp:
		return ReadWhatsApp(r, opts, emit)
	case GVoiceCalls:
		return ReadGVoiceCalls(r, opts, emit)
	case GVoiceTexts:
		return ReadGVoiceTexts(r, opts, emit)
	case IOSCalls:
		return ReadCallHistory(r, opts, emit)
	case Messenger:
		return ReadMessenger(r, opts, emit)
	}
	return fmt.Errorf("no reader for format %q", f)
}

// futureSlack is how far after the import a record may be, for clocks
// that disagree by a little (as tend log allows).
const futureSlack = time.Minute

// notAfter leaves out, as skipped, the records after opts.Now: a phone
// whose clock was set wrong, or a file from another time zone's future.
func notAfter(opts Options, emit Emit) Emit {
	limit := opts.Now.Add(futureSlack)
	return func(r Record) error {
		if r.At.After(limit) {
			opts.skip(r.Where, "after the moment of the import (a phone's clock set wrong?)")
			return nil
		}
		return emit(r)
	}
}

// skipBOM drops a UTF-8 byte-order mark at the start of r, which Windows
// programs write and no XML or JSON decoder expects.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if head, _ := br.Peek(3); bytes.Equal(head, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
	}
	return br
}
