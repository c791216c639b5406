package phonelog

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"
	"unicode/utf8"
)

// ReadWhatsApp reads the text of WhatsApp's "Export chat", in the Android
// layout ("18/03/2022, 14:56 - Ana: …") or the iOS one ("[18/03/22,
// 14:56:01] Ana: …"), in any language, 12- or 24-hour, with the day or
// the month first (decided for the whole file from the values), Buddhist
// and Japanese era years, and digits of any script. Times are the phone's
// local wall-clock time (opts.Location). A chat with more than two
// writers is a group.
func ReadWhatsApp(r io.Reader, opts Options, emit Emit) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var (
		lines    []waLine
		authors  []string
		seen     = map[string]string{} // interned author names
		lineNo   int
		chatName string
		ios      bool
		// a notice only a group has ("Ana created group", "Ana added
		// you"): a group of two writers is still a group.
		groupEvent bool
	)
	for sc.Scan() {
		lineNo++
		raw := sc.Text()
		if lineNo == 1 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		if !utf8.ValidString(raw) {
			if len(lines) == 0 {
				return refuse(fmt.Sprintf("line %d", lineNo), "not a WhatsApp chat: the text is not UTF-8")
			}
			continue
		}
		h, ok := parseWAHeader(raw)
		if !ok {
			if len(lines) == 0 && strings.TrimSpace(raw) != "" {
				return refuse(fmt.Sprintf("line %d", lineNo), "not a WhatsApp chat: the first line has no date and time")
			}
			continue // a continuation line of a message, or blank
		}
		h.line = lineNo
		if len(lines) == 0 {
			ios = h.ios
			// iOS files open with the security notice, written under the
			// chat's name: the partner's, or the group's. It is a long
			// sentence in any language; a photo or sticker first is short.
			if h.ios && h.author != "" && (strings.HasPrefix(h.content, "\u200e") || strings.HasPrefix(h.content, "\u200f")) &&
				utf8.RuneCountInString(h.content) > 60 {
				chatName = h.author
				h.system = true
			}
		}
		if h.ios && h.author != "" && strings.HasPrefix(h.content, "\u200e\u200e") {
			// iOS writes the later security notices ("Your security code
			// with Ana changed") under the partner's name too, opened by
			// two direction marks, which no message of theirs is.
			h.system = true
		}
		groupEvent = groupEvent || h.groupEvent
		if h.author != "" && !h.system {
			name, ok := seen[h.author]
			if !ok {
				name = h.author
				seen[name] = name
				authors = append(authors, name)
			}
			h.author = name
		}
		h.content = "" // no text is kept past this point
		lines = append(lines, h)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return refuse(fmt.Sprintf("line %d", lineNo+1), "not a WhatsApp chat: a line longer than 16 MB")
		}
		return err
	}
	if len(lines) == 0 {
		return refuse("", "not a WhatsApp chat: no message in it")
	}
	if chatName == "" {
		chatName = titleName(opts.Title)
	}
	dayFirst := waDayFirst(lines, ios)
	group := len(authors) > 2 || groupEvent
	partner := ""
	if !group {
		var err error
		if partner, err = whoIsPartner(authors, chatName, opts); err != nil {
			return refuse("", "%v", err)
		}
	}
	name := partner
	if group {
		name = chatName
	}
	for _, l := range lines {
		where := fmt.Sprintf("line %d", l.line)
		if l.system || l.author == "" {
			continue
		}
		at, why := l.time(dayFirst, opts.loc())
		if why != "" {
			opts.skip(where, "%s", why)
			continue
		}
		rec := Record{At: at, Kind: Message, In: l.author == partner, Name: name, ByName: true, Group: group, App: "WhatsApp", Where: where}
		if l.missed {
			rec.Kind = Missed
		}
		if err := emit(rec); err != nil {
			return err
		}
	}
	return nil
}

// whoIsPartner tells the other side of a one-to-one chat among its
// writers: the one the chat is named after (or --as names), else the one
// who is not you (opts.Me), else the one tend knows (opts.Known).
func whoIsPartner(authors []string, chatName string, opts Options) (string, error) {
	fold := func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	for _, a := range authors {
		if (chatName != "" && fold(a) == fold(chatName)) || (opts.Partner != "" && fold(a) == fold(opts.Partner)) {
			return a, nil
		}
	}
	if opts.Me != "" {
		var others []string
		for _, a := range authors {
			if fold(a) != fold(opts.Me) {
				others = append(others, a)
			}
		}
		if len(others) == 1 {
			return others[0], nil
		}
		if len(others) == 0 {
			return "", nil // only you wrote
		}
	}
	if opts.Known != nil {
		var known []string
		for _, a := range authors {
			if opts.Known(a) {
				known = append(known, a)
			}
		}
		if len(known) == 1 {
			return known[0], nil
		}
	}
	if chatName != "" && len(authors) == 1 && opts.Me == "" {
		return "", nil // only you wrote to them
	}
	switch len(authors) {
	case 0:
		return "", nil
	case 1:
		return "", fmt.Errorf("cannot tell whether %q is you or the other side; say your name as the chat shows it with --me", clipName(authors[0]))
	}
	return "", fmt.Errorf("cannot tell which of %q and %q is you; say your name as the chat shows it with --me", clipName(authors[0]), clipName(authors[1]))
}

// titleName takes the chat's name from the export's file name:
// "WhatsApp Chat with Ana.txt" (Android), "WhatsApp Chat - Ana.zip" (iOS).
func titleName(title string) string {
	base := strings.TrimSuffix(strings.TrimSuffix(path.Base(strings.ReplaceAll(title, "\\", "/")), ".txt"), ".zip")
	base = strings.ReplaceAll(base, "\u00a0", " ")
	for _, prefix := range []string{"WhatsApp Chat with ", "WhatsApp Chat - ", "WhatsApp-Chat mit ", "Chat de WhatsApp con ", "Discussion WhatsApp avec "} {
		if strings.HasPrefix(base, prefix) {
			return strings.TrimSpace(strings.TrimPrefix(base, prefix))
		}
	}
	return ""
}

// waLine is what tend keeps of a message line: when and who.
type waLine struct {
	line       int
	ios        bool
	nums       [6]int // the numbers of the date and time, in the order written
	n          int    // how many
	timeAt     int    // index of the first number of the time
	pm, am     bool
	era        byte // 'B' Buddhist, 'R' Reiwa, 'H' Heisei, 0 Gregorian
	author     string
	content    string
	system     bool
	groupEvent bool // a notice of a group's (see groupWords)
	missed     bool
}

// stripMarks drops the invisible direction marks WhatsApp puts in lines.
func stripMarks(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff':
			return -1
		case '\u00a0', '\u202f', '\u2007':
			return ' '
		}
		return r
	}, s)
}

// missedCalls are the texts of a missed call in the languages seen.
var missedCalls = []string{
	"Missed voice call", "Missed video call", "Missed group voice call", "Missed group video call",
	"Zmeškaný hovor", "Пропущенный аудиозвонок", "Пропущенный видеозвонок",
	"Verpasster Sprachanruf", "Verpasster Videoanruf", "Appel vocal manqué", "Appel vidéo manqué",
	"Llamada perdida", "Videollamada perdida", "Chiamata vocale persa", "Videochiamata persa",
	"Chamada de voz perdida", "Chamada de vídeo perdida",
}

func parseWAHeader(raw string) (waLine, bool) {
	var l waLine
	s := strings.TrimLeft(raw, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff ")
	var stamp, rest string
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 || end > 60 {
			return l, false
		}
		stamp, rest = s[1:end], strings.TrimPrefix(s[end+1:], " ")
		l.ios = true
	} else {
		i := strings.Index(s, " - ")
		if i < 0 || i > 60 {
			return l, false
		}
		stamp, rest = s[:i], s[i+3:]
	}
	if !l.readStamp(stripMarks(stamp)) {
		return l, false
	}
	if author, content, ok := strings.Cut(rest, ": "); ok && !strings.ContainsAny(author, "\n") && utf8.RuneCountInString(author) <= 80 {
		l.author = strings.TrimSpace(stripMarks(author))
		l.content = content
		c := strings.TrimSpace(stripMarks(content))
		for _, m := range missedCalls {
			if strings.EqualFold(c, m) {
				l.missed = true
			}
		}
	} else if a, c, ok := strings.Cut(rest, ":"); ok && c == "" && a != "" && utf8.RuneCountInString(a) <= 80 {
		l.author = strings.TrimSpace(stripMarks(a)) // an empty message
	} else {
		l.system = true // "Ana created group", "Messages and calls are end-to-end encrypted"
		low := strings.ToLower(rest)
		for _, w := range groupWords {
			if strings.Contains(low, w) {
				l.groupEvent = true
				break
			}
		}
	}
	return l, true
}

// groupWords are the words of the notices that only a group chat has,
// written without an author: "Ana created group", "Ana added you", "You
// were added", "changed this group's settings", in the languages seen. A
// one-to-one chat's notices (its encryption, a new number, a block) name
// no group.
var groupWords = []string{
	"group", "added you", "you were added",
	"gruppe", "groupe", "grupo", "gruppo", "groep", "grupa", "skupin", "групп", "груп",
}

// readStamp reads the numbers of a date and time and its markers.
func (l *waLine) readStamp(s string) bool {
	s = asciiDigits(s)
	low := strings.ToLower(s)
	switch {
	case strings.Contains(low, "pm") || strings.Contains(low, "p. m.") || strings.Contains(low, "p.m.") ||
		strings.Contains(s, "م") || strings.Contains(s, "午後") || strings.Contains(s, "오후") || strings.Contains(s, "下午"):
		l.pm = true
	case strings.Contains(low, "am") || strings.Contains(low, "a. m.") || strings.Contains(low, "a.m.") ||
		strings.Contains(s, "ص") || strings.Contains(s, "午前") || strings.Contains(s, "오전") || strings.Contains(s, "上午"):
		l.am = true
	}
	if strings.Contains(s, "BE") || strings.Contains(s, "พ.ศ.") {
		l.era = 'B'
	}
	l.timeAt = -1
	prevSep := ""
	i := 0
	for i < len(s) {
		if s[i] < '0' || s[i] > '9' {
			j := i
			for j < len(s) && (s[j] < '0' || s[j] > '9') {
				j++
			}
			prevSep = s[i:j]
			i = j
			continue
		}
		j := i
		v := 0
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			v = v*10 + int(s[j]-'0')
			j++
			if v > 99999 {
				return false
			}
		}
		if l.n == len(l.nums) {
			return false
		}
		if l.n > 0 && strings.Contains(prevSep, ":") && l.timeAt < 0 {
			l.timeAt = l.n - 1
		}
		if strings.HasSuffix(prevSep, "R") || strings.HasSuffix(prevSep, "H") {
			l.era = prevSep[len(prevSep)-1]
		}
		l.nums[l.n] = v
		l.n++
		i = j
	}
	if l.n < 5 {
		return false
	}
	if l.timeAt < 0 {
		l.timeAt = 3 // no colon (14.56.01): the date comes first
	}
	if l.timeAt != 0 && l.timeAt != 3 {
		return false
	}
	return l.timeParts() != nil
}

// dateParts and timeParts split the numbers.
func (l *waLine) dateParts() []int {
	if l.timeAt == 0 {
		k := len(l.timeParts())
		if l.n-k != 3 {
			return nil
		}
		return l.nums[k:l.n]
	}
	return l.nums[:3]
}

func (l *waLine) timeParts() []int {
	if l.timeAt == 0 {
		if l.n == 5 {
			return l.nums[:2]
		}
		return l.nums[:3]
	}
	t := l.nums[3:l.n]
	if len(t) < 2 || len(t) > 3 {
		return nil
	}
	return t
}

// waDayFirst decides the order of day and month for the whole file: a
// first number over 12 means day first, a second one means month first.
// Without either, the iOS layout is taken as month first (every iOS export
// seen writes M/D/YY whatever its language) and Android as day first,
// unless the dates are dotted (always day first).
func waDayFirst(lines []waLine, ios bool) bool {
	for _, l := range lines {
		d := l.dateParts()
		if len(d) != 3 || d[0] > 31 {
			continue
		}
		if d[0] > 12 {
			return true
		}
		if d[1] > 12 {
			return false
		}
	}
	return !ios
}

// time builds the moment of a line.
func (l *waLine) time(dayFirst bool, loc *time.Location) (time.Time, string) {
	d, t := l.dateParts(), l.timeParts()
	if len(d) != 3 || t == nil {
		return time.Time{}, "the date cannot be read"
	}
	var y, m, day int
	switch {
	case d[0] > 31: // year first: 2019/01/30
		y, m, day = d[0], d[1], d[2]
	case dayFirst:
		day, m, y = d[0], d[1], d[2]
	default:
		m, day, y = d[0], d[1], d[2]
	}
	switch l.era {
	case 'B':
		y -= 543
	case 'R':
		y += 2018
	case 'H':
		y += 1988
	default:
		if y < 100 {
			y += 2000
		}
	}
	if l.era == 0 && y > 2400 { // a Buddhist year without its marker
		y -= 543
	}
	h, mi, sec := t[0], t[1], 0
	if len(t) == 3 {
		sec = t[2]
	}
	if l.pm && h < 12 {
		h += 12
	} else if l.am && h == 12 {
		h = 0
	}
	if m < 1 || m > 12 || day < 1 || day > 31 || h > 23 || mi > 59 || sec > 59 || y < 1990 || y > 2200 {
		return time.Time{}, "the date is not a real day and time"
	}
	at := time.Date(y, time.Month(m), day, h, mi, sec, 0, loc)
	if at.Day() != day {
		return time.Time{}, "the date is not a real day"
	}
	return at.UTC(), ""
}

// zipMagic starts every zip file.
var zipMagic = []byte("PK\x03\x04")

// IsZip reports whether the start of a file is that of a zip archive.
func IsZip(head []byte) bool { return bytes.HasPrefix(head, zipMagic) }

// OpenChatZip finds the chat in the zip WhatsApp shares ("_chat.txt" on
// iOS, "WhatsApp Chat with Ana.txt" on Android) and returns its text and
// its name.
func OpenChatZip(ra io.ReaderAt, size int64) (io.ReadCloser, string, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, "", refuse("", "a broken zip file: %v", err)
	}
	var pick *zip.File
	for _, f := range zr.File {
		if strings.HasSuffix(strings.ToLower(f.Name), ".txt") && !f.FileInfo().IsDir() {
			if pick == nil || path.Base(f.Name) == "_chat.txt" {
				pick = f
			}
		}
	}
	if pick == nil {
		return nil, "", refuse("", "the zip file holds no chat (no .txt file)")
	}
	rc, err := pick.Open()
	if err != nil {
		return nil, "", refuse(pick.Name, "cannot be read: %v", err)
	}
	return rc, pick.Name, nil
}
