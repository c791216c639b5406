package exchange

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// Address books come in every encoding phones and mail programs ever used.
// These helpers turn bytes into UTF-8 text before any parser sees them.

// fileToUTF8 turns a whole file into UTF-8: UTF-16 with a byte-order mark
// (and UTF-16 without one, recognised by the NUL bytes of its ASCII), and
// UTF-8 with a byte-order mark. Anything else is returned as it is, to be
// decoded line by line.
func fileToUTF8(data []byte) ([]byte, error) {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case len(data) >= 4 && data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0:
		enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case len(data) >= 4 && data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0:
		enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	default:
		return data, nil
	}
	return enc.NewDecoder().Bytes(data)
}

// charsetDecoder finds the decoder for a CHARSET= name (shift_jis,
// windows-1252, iso-8859-2, utf-8...), or nil for a name it does not know.
func charsetDecoder(name string) *encoding.Decoder {
	name = strings.Trim(strings.TrimSpace(name), `"`)
	if name == "" {
		return nil
	}
	// The WHATWG index reads latin1 and us-ascii as Windows-1252, which is
	// what such files almost always hold in practice.
	enc, err := htmlindex.Get(name)
	if err != nil {
		return nil
	}
	return enc.NewDecoder()
}

// toUTF8 decodes b from the named charset. With no charset (or one it does
// not know), valid UTF-8 is kept as it is and anything else is read as
// Windows-1252, the encoding of old Outlook and Mac exports that name none.
// Bytes that are not valid in the named charset become U+FFFD, so the
// result is always valid UTF-8.
func toUTF8(b []byte, charset string) string {
	if dec := charsetDecoder(charset); dec != nil {
		out, err := dec.Bytes(b)
		if err == nil {
			return strings.ToValidUTF8(string(out), "\uFFFD")
		}
	}
	if utf8.Valid(b) {
		return string(b)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}
