// Package termtext makes text safe to show on a terminal. Names, notes and
// whole files come from people and from other programs; a terminal would
// take an escape sequence among them as an order (set the window title,
// write the clipboard, clear the screen), so every string tend shows passes
// through here first. Control characters are made visible or dropped,
// never sent as they are.
//
// The same package says what input tend refuses: control characters in
// free text, and names with nothing visible in them.
package termtext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Visible stand-ins for what a terminal would otherwise interpret. C0
// controls take their Unicode control pictures (ESC shows as ␛, BEL as ␇),
// so a hostile sequence is seen for what it is.
const (
	pictureBase = 0x2400 // U+2400 ␀ to U+241F ␟: the picture of C0 control c is pictureBase+c
	pictureDEL  = '\u2421'
	replacement = '\uFFFD' // a C1 control, or a byte that is not UTF-8
)

// Control reports whether r is a control character that free text may not
// hold: C0 except tab and newline, DEL, and C1.
func Control(r rune) bool {
	if r == '\t' || r == '\n' {
		return false
	}
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)
}

// reorders reports whether r is a bidirectional embedding, override or
// isolate: text after it is shown in another order than it is stored, the
// trick that makes a name or a command line read as something else. They
// are dropped from output; the marks (LRM, RLM, ALM) are kept, as right-to-
// left text needs them and they move nothing but neutral characters.
func reorders(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// Invisible reports whether r shows nothing by itself: space, format
// characters (zero-width space and joiners, bidirectional controls, the
// byte order mark, soft hyphen, tag characters), variation selectors and
// the fillers some scripts draw as blank.
func Invisible(r rune) bool {
	switch {
	case unicode.IsSpace(r), unicode.Is(unicode.Cf, r), Control(r), r == '\t', r == '\n':
		return true
	case r >= 0xfe00 && r <= 0xfe0f, r >= 0x180b && r <= 0x180f, r >= 0xe0100 && r <= 0xe01ef:
		return true // variation selectors
	}
	switch r {
	case 0x034f, 0x115f, 0x1160, 0x3164, 0xffa0, 0x2800:
		return true // combining grapheme joiner, Hangul fillers, blank Braille
	}
	return false
}

// FirstControl returns the first control character in s, if any. A
// carriage return before a newline is part of that newline (text pasted
// from Windows, a CSV cell), not a control of its own.
func FirstControl(s string) (rune, bool) {
	for i, r := range s {
		if r == '\r' && strings.HasPrefix(s[i+1:], "\n") {
			continue
		}
		if Control(r) {
			return r, true
		}
	}
	return 0, false
}

// Blank reports whether s shows nothing once invisible characters are
// removed: a name like that could not be told apart from an empty one,
// nor typed back to find the person.
func Blank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !Invisible(r) }) < 0
}

// Text makes s safe to show, keeping its lines: newline and tab stay,
// a carriage return stays only before a newline, every other control
// character shows as its picture, and reordering controls are dropped.
func Text(s string) string {
	if safe(s) {
		return s
	}
	out, _ := clean(nil, []byte(s), false, true)
	return string(out)
}

// Styled makes a screen safe to draw, as Text does, except that complete
// colour and bold sequences (SGR) pass: a full-screen view styles its
// frame with nothing else, and no other escape sequence in it is one it
// meant to send.
func Styled(s string) string {
	if safe(s) {
		return s
	}
	out, _ := clean(make([]byte, 0, len(s)), []byte(s), true, true)
	return string(out)
}

// Line makes s safe to show on one line, in a table cell or an error:
// runs of space, tabs and line breaks become one space, surrounding space
// goes, and control characters show as their pictures.
func Line(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return Text(s)
}

// Cut shortens s to at most n characters, ending it with "…" when it was
// longer: for echoing what someone typed back in an error message, where
// a long paste would otherwise fill the screen.
func Cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := 0; k < n-1; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}

// safe reports whether s needs no change: the common case, checked first
// so that ordinary text is not copied.
func safe(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return utf8.ValidString(s[i:]) && strings.IndexFunc(s[i:], func(r rune) bool { return Control(r) || reorders(r) }) < 0
		}
		if c == '\t' || c == '\n' {
			continue
		}
		if c < 0x20 || c == 0x7f {
			return false
		}
	}
	return true
}

// clean appends to dst the safe form of src and returns how much of src
// it took. Unless final, it stops before an incomplete sequence at the
// end (a rune split in two, a carriage return or an escape sequence not
// yet whole), which the caller keeps for the next write. With allowSGR,
// complete Select Graphic Rendition sequences (ESC [ digits m: colour,
// bold, faint) pass: tend's own styling is made of nothing else.
func clean(dst, src []byte, allowSGR, final bool) ([]byte, int) {
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n' || c == '\t':
			dst = append(dst, c)
			i++
		case c == '\r':
			if i+1 == len(src) && !final {
				return dst, i
			}
			if i+1 < len(src) && src[i+1] == '\n' {
				dst = append(dst, '\r', '\n')
				i += 2
				continue
			}
			dst = utf8.AppendRune(dst, pictureBase+'\r')
			i++
		case c == 0x1b && allowSGR:
			n, complete := sgrLength(src[i:])
			if n > 0 {
				dst = append(dst, src[i:i+n]...)
				i += n
				continue
			}
			if !complete && !final {
				return dst, i
			}
			dst = utf8.AppendRune(dst, pictureBase+0x1b)
			i++
		case c < 0x20:
			dst = utf8.AppendRune(dst, pictureBase+rune(c))
			i++
		case c == 0x7f:
			dst = utf8.AppendRune(dst, pictureDEL)
			i++
		case c < 0x80:
			dst = append(dst, c)
			i++
		default:
			if !final && !utf8.FullRune(src[i:]) {
				return dst, i
			}
			r, size := utf8.DecodeRune(src[i:])
			switch {
			case r == utf8.RuneError && size == 1, Control(r):
				dst = utf8.AppendRune(dst, replacement)
			case reorders(r):
				// dropped
			default:
				dst = append(dst, src[i:i+size]...)
			}
			i += size
		}
	}
	return dst, i
}

// maxSGR bounds the escape sequences tend's styling writes (the longest,
// a 24-bit colour with bold, is under 30 bytes).
const maxSGR = 64

// sgrLength returns the length of the SGR sequence at the start of b, or
// 0 when b does not start with one; complete is false when b ends before
// it could be told.
func sgrLength(b []byte) (n int, complete bool) {
	if len(b) < 2 {
		return 0, false
	}
	if b[1] != '[' {
		return 0, true
	}
	for i := 2; i < len(b) && i < maxSGR; i++ {
		switch c := b[i]; {
		case c == 'm':
			return i + 1, true
		case c >= '0' && c <= '9', c == ';', c == ':':
		default:
			return 0, true
		}
	}
	return 0, len(b) >= maxSGR
}
