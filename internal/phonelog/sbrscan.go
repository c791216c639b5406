package phonelog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// sbrScanner reads the XML of SMS Backup & Restore: elements with
// attributes, nested a few deep, never text that matters. It is a small
// XML tokenizer of its own rather than encoding/xml because a backup is
// mostly message bodies and MMS attachments in attributes tend never
// reads: this one finds the end of such a value and steps over it without
// decoding it, where encoding/xml unescapes and copies every byte (which
// took 17 of the 20 seconds a million messages may take). It still checks
// what makes a file XML: tags closed in order, quoted values with no "<",
// known entities, nothing after the root; what it cannot read it reports
// as a syntax error with its line.
//
// It also reads what XML parsers refuse and old backups hold: emoji as
// pairs of UTF-16 surrogate references ("&#55357;&#56832;") are joined,
// and a lone surrogate or a control character becomes U+FFFD.
type sbrScanner struct {
	r    io.Reader
	buf  []byte
	pos  int // next unread byte in buf
	line int // line of buf[pos]
	eof  bool
	err  error

	stack []string // open elements
	root  bool     // the root element has been seen
	done  bool     // and closed

	// The element next returns, and the offsets of its attributes, are
	// the same every time: a caller reads an element before it asks for
	// the next, and a million messages then allocate no attribute lists
	// (2.4 GB of garbage before).
	el   sbrElement
	offs [][4]int
}

func newSBRScanner(r io.Reader) *sbrScanner {
	return &sbrScanner{r: r, buf: make([]byte, 0, 256<<10), line: 1}
}

// sbrElement is a start tag: its name, and the attributes asked for. It
// holds until the scanner reads on.
type sbrElement struct {
	name  string
	attrs [][2][]byte // raw (undecoded) name and value
	line  int
	empty bool // <x/>
}

func (e *sbrElement) attr(name string) string {
	for _, a := range e.attrs {
		if string(a[0]) == name {
			v, _ := decodeXMLValue(a[1])
			return v
		}
	}
	return ""
}

type sbrSyntaxError struct {
	line int
	msg  string
}

func (e *sbrSyntaxError) Error() string { return e.msg }

func (s *sbrScanner) syntax(format string, args ...any) error {
	return &sbrSyntaxError{line: s.line, msg: fmt.Sprintf(format, args...)}
}

// more reads more input into the buffer, keeping buf[pos:].
func (s *sbrScanner) more() bool {
	if s.eof {
		return false
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:])
		s.buf = s.buf[:n]
		s.pos = 0
	}
	if len(s.buf) == cap(s.buf) {
		grown := make([]byte, len(s.buf), 2*cap(s.buf))
		copy(grown, s.buf)
		s.buf = grown
	}
	n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
	s.buf = s.buf[:len(s.buf)+n]
	if err != nil {
		s.eof = true
		if !errors.Is(err, io.EOF) {
			s.err = err
		}
	}
	return n > 0 || !s.eof
}

// find returns the offset from pos of the first sep at or after from,
// reading more as needed; -1 at the end of the input.
func (s *sbrScanner) find(sep []byte, from int) int {
	for {
		if i := bytes.Index(s.buf[s.pos+from:], sep); i >= 0 {
			return from + i
		}
		from = max(0, len(s.buf)-s.pos-len(sep)+1)
		if !s.more() {
			return -1
		}
	}
}

// advance consumes n bytes, counting lines.
func (s *sbrScanner) advance(n int) {
	s.line += bytes.Count(s.buf[s.pos:s.pos+n], []byte{'\n'})
	s.pos += n
}

// next returns the next start tag at depth (1 for the root's children),
// skipping everything else; nil at the end of the input.
func (s *sbrScanner) next(depth int) (*sbrElement, error) {
	for {
		i := s.find([]byte{'<'}, 0)
		if i < 0 {
			if s.err != nil {
				return nil, s.err
			}
			rest := s.buf[s.pos:]
			if len(bytes.TrimSpace(rest)) > 0 && (!s.root || s.done) {
				return nil, s.syntax("text outside the root element")
			}
			if len(s.stack) > 0 {
				return nil, s.syntax("the file ends inside <%s>: it is cut short", s.stack[len(s.stack)-1])
			}
			return nil, nil
		}
		if text := s.buf[s.pos : s.pos+i]; len(bytes.TrimSpace(text)) > 0 && (len(s.stack) == 0) {
			return nil, s.syntax("text outside the root element")
		}
		s.advance(i)
		if s.pos+4 > len(s.buf) {
			s.more()
		}
		rest := s.buf[s.pos:]
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			end := s.find([]byte("?>"), 2)
			if end < 0 {
				return nil, s.syntax("the file ends inside <?")
			}
			pi := s.buf[s.pos : s.pos+end]
			if bytes.HasPrefix(pi, []byte("<?xml ")) {
				if err := s.checkEncoding(pi); err != nil {
					return nil, err
				}
			}
			s.advance(end + 2)
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := s.find([]byte("-->"), 4)
			if end < 0 {
				return nil, s.syntax("the file ends inside a comment")
			}
			s.advance(end + 3)
		case bytes.HasPrefix(rest, []byte("<!")):
			end := s.find([]byte{'>'}, 2)
			if end < 0 {
				return nil, s.syntax("the file ends inside <!")
			}
			s.advance(end + 1)
		case bytes.HasPrefix(rest, []byte("</")):
			end := s.find([]byte{'>'}, 2)
			if end < 0 {
				return nil, s.syntax("the file ends inside a closing tag")
			}
			name := string(bytes.TrimSpace(s.buf[s.pos+2 : s.pos+end]))
			if len(s.stack) == 0 || s.stack[len(s.stack)-1] != name {
				return nil, s.syntax("</%s> closes nothing open", clipName(name))
			}
			s.stack = s.stack[:len(s.stack)-1]
			if len(s.stack) == 0 {
				s.done = true
			}
			s.advance(end + 1)
		default:
			el, err := s.startTag()
			if err != nil {
				return nil, err
			}
			if len(s.stack) == 0 {
				if s.done {
					return nil, s.syntax("a second root element <%s>", clipName(el.name))
				}
				s.root = true
			}
			d := len(s.stack) // depth of this element, the root being 0
			if !el.empty {
				s.stack = append(s.stack, el.name)
			} else if d == 0 {
				s.done = true
			}
			if d == 0 || d == depth {
				return el, nil
			}
		}
	}
}

// startTag reads "<name attr='v' ...>" at pos.
func (s *sbrScanner) startTag() (*sbrElement, error) {
	el := &s.el
	*el = sbrElement{line: s.line, attrs: el.attrs[:0]}
	i := 1
	at := func() (byte, bool) {
		for s.pos+i >= len(s.buf) {
			if !s.more() {
				return 0, false
			}
		}
		return s.buf[s.pos+i], true
	}
	name := func() ([]byte, error) {
		start := i
		for {
			c, ok := at()
			if !ok {
				return nil, s.syntax("the file ends inside a tag")
			}
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '=' || c == '>' || c == '/' {
				break
			}
			if c == '<' || c == '"' || c == '\'' {
				if el.name != "" {
					return nil, s.syntax("the tag <%s> is not closed before the next one", clipName(el.name))
				}
				return nil, s.syntax("a broken tag")
			}
			i++
		}
		if i == start {
			return nil, s.syntax("a tag or attribute without a name")
		}
		return s.buf[s.pos+start : s.pos+i], nil
	}
	space := func() {
		for {
			c, ok := at()
			if !ok || (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				return
			}
			i++
		}
	}
	n, err := name()
	if err != nil {
		return nil, err
	}
	switch string(n) { // the names of every record, without a copy each
	case "sms":
		el.name = "sms"
	case "call":
		el.name = "call"
	case "mms":
		el.name = "mms"
	default:
		el.name = string(n)
	}
	// Offsets, not slices: the buffer may move while the tag is read.
	offs := s.offs[:0]
	defer func() { s.offs = offs }()
	for {
		space()
		c, ok := at()
		if !ok {
			return nil, s.syntax("the file ends inside <%s>: it is cut short", clipName(el.name))
		}
		if c == '>' {
			i++
			break
		}
		if c == '/' {
			i++
			if c, ok := at(); !ok || c != '>' {
				return nil, s.syntax("a broken tag <%s>", clipName(el.name))
			}
			i++
			el.empty = true
			break
		}
		ns := i
		if _, err := name(); err != nil {
			return nil, err
		}
		ne := i
		space()
		if c, ok := at(); !ok || c != '=' {
			return nil, s.syntax("expected = after an attribute name in <%s>", clipName(el.name))
		}
		i++
		space()
		q, ok := at()
		if !ok || (q != '"' && q != '\'') {
			return nil, s.syntax("an unquoted attribute value in <%s>", clipName(el.name))
		}
		i++
		end := s.find([]byte{q}, i)
		if end < 0 {
			return nil, s.syntax("the file ends inside <%s>: it is cut short", clipName(el.name))
		}
		if bytes.IndexByte(s.buf[s.pos+i:s.pos+end], '<') >= 0 {
			return nil, s.syntax("a value with a raw < in <%s>", clipName(el.name))
		}
		offs = append(offs, [4]int{ns, ne, i, end})
		i = end + 1
		if c, ok := at(); ok && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '/' && c != '>' {
			return nil, s.syntax("no space between attributes in <%s>", clipName(el.name))
		}
	}
	for _, o := range offs {
		el.attrs = append(el.attrs, [2][]byte{s.buf[s.pos+o[0] : s.pos+o[1]], s.buf[s.pos+o[2] : s.pos+o[3]]})
	}
	s.advance(i)
	return el, nil
}

func (s *sbrScanner) checkEncoding(pi []byte) error {
	i := bytes.Index(pi, []byte("encoding="))
	if i < 0 {
		return nil
	}
	v := bytes.Trim(pi[i+len("encoding="):], `"' ?`)
	if j := bytes.IndexAny(v, `"' `); j >= 0 {
		v = v[:j]
	}
	switch strings.ToLower(string(v)) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return nil
	}
	return s.syntax("the encoding %q is not UTF-8", clipName(string(v)))
}

// decodeXMLValue unescapes an attribute value: the five named entities and
// character references, with surrogate pairs joined and anything XML does
// not allow made U+FFFD. ok is false for an unknown entity.
func decodeXMLValue(v []byte) (string, bool) {
	if bytes.IndexByte(v, '&') < 0 {
		return strings.ToValidUTF8(string(v), "\ufffd"), true
	}
	var b strings.Builder
	var high rune
	flush := func() {
		if high != 0 {
			b.WriteRune(utf8.RuneError)
			high = 0
		}
	}
	for len(v) > 0 {
		i := bytes.IndexByte(v, '&')
		if i < 0 {
			flush()
			b.Write(v)
			break
		}
		if i > 0 {
			flush()
			b.Write(v[:i])
		}
		v = v[i:]
		end := bytes.IndexByte(v, ';')
		if end < 0 || end > 12 {
			return b.String(), false
		}
		ent := string(v[1:end])
		v = v[end+1:]
		var r rune
		switch ent {
		case "amp":
			r = '&'
		case "lt":
			r = '<'
		case "gt":
			r = '>'
		case "quot":
			r = '"'
		case "apos":
			r = '\''
		default:
			if !strings.HasPrefix(ent, "#") {
				return b.String(), false
			}
			r = charRef([]byte(ent[1:]))
			if r < 0 {
				return b.String(), false
			}
		}
		switch {
		case r >= 0xD800 && r <= 0xDBFF:
			flush()
			high = r
			continue
		case r >= 0xDC00 && r <= 0xDFFF:
			if high != 0 {
				b.WriteRune(utf16.DecodeRune(high, r))
				high = 0
			} else {
				b.WriteRune(utf8.RuneError)
			}
			continue
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r > utf8.MaxRune:
			r = utf8.RuneError
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return strings.ToValidUTF8(b.String(), "\ufffd"), true
}

// charRef is the value of the body of a character reference ("55357",
// "xD83D"), or -1.
func charRef(body []byte) rune {
	base := 10
	if len(body) > 0 && (body[0] == 'x' || body[0] == 'X') {
		base, body = 16, body[1:]
	}
	v, err := strconv.ParseInt(string(body), base, 32)
	if err != nil || v < 0 {
		return -1
	}
	return rune(v)
}
