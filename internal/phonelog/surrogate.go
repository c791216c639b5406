package phonelog

import (
	"bytes"
	"io"
	"strconv"
	"unicode/utf16"
)

// surrogateFixer rewrites XML character references to UTF-16 surrogates,
// which older SMS Backup & Restore versions (and Signal's plaintext
// backups) write for every emoji ("&#55357;&#56832;") and which no XML
// parser accepts, into one reference to the character they make
// ("&#128512;"). A surrogate without its partner becomes U+FFFD, and so
// does a control character, raw or as a reference ("&#27;"), which XML
// does not allow either and a message body may hold: one odd character in
// a text tend never keeps must not refuse a whole backup. It works on the
// stream as it passes, so a file of gigabytes needs no pre-pass.
type surrogateFixer struct {
	r    io.Reader
	in   []byte // read, not yet rewritten
	out  []byte // rewritten, not yet returned
	buf  []byte
	high rune // a high surrogate waiting for its low half; 0 when none
	eof  bool
	err  error
}

func newSurrogateFixer(r io.Reader) *surrogateFixer {
	return &surrogateFixer{r: r, buf: make([]byte, 64<<10)}
}

func (f *surrogateFixer) Read(p []byte) (int, error) {
	for len(f.out) == 0 {
		if f.eof && len(f.in) == 0 {
			f.flushHigh()
			if len(f.out) == 0 {
				return 0, f.err
			}
			break
		}
		if !f.eof {
			n, err := f.r.Read(f.buf)
			f.in = append(f.in, f.buf[:n]...)
			if err != nil {
				f.eof = true
				if err != io.EOF {
					f.err = err
				} else {
					f.err = io.EOF
				}
			}
		}
		cut := len(f.in)
		if !f.eof {
			// Never split a reference: keep an unfinished one for the next
			// round.
			if i := bytes.LastIndexByte(f.in, '&'); i >= 0 && len(f.in)-i < 16 && bytes.IndexByte(f.in[i:], ';') < 0 {
				cut = i
			}
		}
		f.out = f.rewrite(f.out[:0], f.in[:cut])
		f.in = append(f.in[:0], f.in[cut:]...)
	}
	n := copy(p, f.out)
	f.out = f.out[n:]
	return n, nil
}

// rewrite appends src to dst with surrogate references made whole.
func (f *surrogateFixer) rewrite(dst, src []byte) []byte {
	for len(src) > 0 {
		i := bytes.Index(src, []byte("&#"))
		if i < 0 {
			if len(src) > 0 {
				f.flushHigh0(&dst)
			}
			return appendClean(dst, src)
		}
		if i > 0 {
			f.flushHigh0(&dst)
			dst = appendClean(dst, src[:i])
			src = src[i:]
		}
		end := bytes.IndexByte(src, ';')
		if end < 0 || end > 14 {
			f.flushHigh0(&dst)
			dst = append(dst, src[:2]...)
			src = src[2:]
			continue
		}
		ref, v := src[:end+1], charRef(src[2:end])
		src = src[end+1:]
		switch {
		case v >= 0xD800 && v <= 0xDBFF:
			f.flushHigh0(&dst)
			f.high = v
		case v >= 0xDC00 && v <= 0xDFFF:
			if f.high != 0 {
				dst = append(dst, "&#"...)
				dst = strconv.AppendInt(dst, int64(utf16.DecodeRune(f.high, v)), 10)
				dst = append(dst, ';')
				f.high = 0
			} else {
				dst = append(dst, "&#xFFFD;"...)
			}
		case v >= 0 && v < 0x20 && v != '\t' && v != '\n' && v != '\r':
			f.flushHigh0(&dst)
			dst = append(dst, "&#xFFFD;"...)
		default:
			f.flushHigh0(&dst)
			dst = append(dst, ref...)
		}
	}
	return dst
}

// appendClean appends text with raw control characters (other than tab
// and line breaks) made spaces.
func appendClean(dst, src []byte) []byte {
	start := len(dst)
	dst = append(dst, src...)
	for i := start; i < len(dst); i++ {
		if c := dst[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			dst[i] = ' '
		}
	}
	return dst
}

func (f *surrogateFixer) flushHigh0(dst *[]byte) {
	if f.high != 0 {
		*dst = append(*dst, "&#xFFFD;"...)
		f.high = 0
	}
}

func (f *surrogateFixer) flushHigh() { f.flushHigh0(&f.out) }

// charRef is the value of the body of a character reference ("55357",
// "xD83D"), or -1.
func charRef(body []byte) rune {
	base := 10
	if len(body) > 0 && (body[0] == 'x' || body[0] == 'X') {
		base, body = 16, body[1:]
	}
	v, err := strconv.ParseInt(string(body), base, 32)
	if err != nil {
		return -1
	}
	return rune(v)
}
