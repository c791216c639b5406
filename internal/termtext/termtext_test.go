package termtext

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ana Lima", "Ana Lima"},
		{"Chloé 🎂 李", "Chloé 🎂 李"},
		{"two\nlines\tand a tab", "two\nlines\tand a tab"},
		{"X\x1b]0;pwned\aY", "X␛]0;pwned␇Y"},             // window title
		{"\x1b]52;c;aGVsbG8=\x07", "␛]52;c;aGVsbG8=␇"},   // clipboard
		{"\x1b[2J\x1b[H", "␛[2J␛[H"},                     // clear screen
		{"red \x1b[31mtext\x1b[0m", "red ␛[31mtext␛[0m"}, // even colour, when stored
		{"\x1bP1$qm\x1b\\", "␛P1$qm␛\\"},                 // DCS
		{"over\rwrite", "over␍write"},                    // a lone CR would overwrite the line
		{"crlf\r\n", "crlf\r\n"},
		{"del\x7f", "del␡"},
		{"nul\x00", "nul␀"},
		{"c1 \u009b2J \u0085", "c1 \uFFFD2J \uFFFD"}, // CSI and NEL as UTF-8
		{"raw \x9b2J", "raw \uFFFD2J"},               // a raw C1 byte
		{"bad \xff\xfe", "bad \uFFFD\uFFFD"},
		{"abc\u202edcba\u202c", "abcdcba"}, // override dropped
		{"\u2066isolate\u2069", "isolate"},
		{"עברית\u200f!", "עברית\u200f!"}, // marks stay
		{"zw\u200bj", "zw\u200bj"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Ana \n Lima\t", "Ana Lima"},
		{"a\r\nb\u2028c\u0085d", "a b c d"},
		{"X\x1b]0;t\x07", "X␛]0;t␇"},
	}
	for _, tt := range tests {
		if got := Line(tt.in); got != tt.want {
			t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBlank(t *testing.T) {
	for _, s := range []string{"", " ", "\u200b", "\u200b\u200d\u2060", "\u202e\u2066", "\ufeff", "\u3164", "\u00ad", "\t\n"} {
		if !Blank(s) {
			t.Errorf("Blank(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"a", "\u200bA", "李", "🎂", "\u05d0"} {
		if Blank(s) {
			t.Errorf("Blank(%q) = true, want false", s)
		}
	}
}

func TestFirstControl(t *testing.T) {
	for s, want := range map[string]rune{"a\x1bb": 0x1b, "a\u0085": 0x85, "\x7f": 0x7f, "\r": '\r', "a\rb\r\n": '\r'} {
		if r, ok := FirstControl(s); !ok || r != want {
			t.Errorf("FirstControl(%q) = %U, %v; want %U", s, r, ok, want)
		}
	}
	for _, s := range []string{"plain", "tab\tand\nnewline", "é\u200f", "windows\r\nline"} {
		if r, ok := FirstControl(s); ok {
			t.Errorf("FirstControl(%q) = %U, want none", s, r)
		}
	}
}

func TestCut(t *testing.T) {
	if got := Cut("short", 60); got != "short" {
		t.Errorf("Cut kept %q", got)
	}
	long := strings.Repeat("é", 100_000)
	got := Cut(long, 60)
	if utf8.RuneCountInString(got) != 60 || !strings.HasSuffix(got, "…") {
		t.Errorf("Cut(100,000 runes, 60) = %d runes %q", utf8.RuneCountInString(got), got[len(got)-4:])
	}
}

func TestWriterKeepsStyling(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b, true)
	// tend's own bold and 256-colour, then a stored title sequence.
	in := "\x1b[1mAna\x1b[m \x1b[38;5;205minner\x1b[0m X\x1b]0;pwned\x07"
	// Written a byte at a time, so every sequence is cut in two.
	for i := 0; i < len(in); i++ {
		if _, err := w.Write([]byte{in[i]}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "\x1b[1mAna\x1b[m \x1b[38;5;205minner\x1b[0m X␛]0;pwned␇"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestWriterHoldsSplitRunes(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b, false)
	in := []byte("Chloé 李 🎂\r\n\x1b[1m")
	for i := 0; i < len(in); i++ {
		w.Write(in[i : i+1])
	}
	w.Flush()
	if want := "Chloé 李 🎂\r\n␛[1m"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

// safeOutput reports what in out a terminal would interpret, if anything.
func unsafeOutput(out []byte, allowSGR bool) string {
	if !utf8.Valid(out) {
		return "invalid UTF-8"
	}
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRune(out[i:])
		switch {
		case r == 0x1b && allowSGR:
			n, _ := sgrLength(out[i:])
			if n == 0 {
				return "an escape that is not SGR"
			}
			i += n
			continue
		case r == '\r':
			if i+1 >= len(out) || out[i+1] != '\n' {
				return "a lone carriage return"
			}
		case Control(r):
			return "a control character"
		case reorders(r):
			return "a reordering control"
		}
		i += size
	}
	return ""
}

func FuzzWriter(f *testing.F) {
	f.Add([]byte("X\x1b]0;pwned\x07Y\x1b[31m\r\n\u202e\x9b"), uint8(3), true)
	f.Add([]byte("Chloé 🎂\x1b[38;5;205m"), uint8(1), false)
	f.Fuzz(func(t *testing.T, in []byte, chunk uint8, allowSGR bool) {
		var b bytes.Buffer
		w := NewWriter(&b, allowSGR)
		step := int(chunk)%16 + 1
		for i := 0; i < len(in); i += step {
			w.Write(in[i:min(i+step, len(in))])
		}
		w.Flush()
		if why := unsafeOutput(b.Bytes(), allowSGR); why != "" {
			t.Fatalf("output %q of %q holds %s", b.Bytes(), in, why)
		}
		// Text and Styled are the writer in one piece, without and with
		// colours.
		whole := Text
		if allowSGR {
			whole = Styled
		}
		if got := whole(string(in)); got != b.String() {
			t.Fatalf("writer gave %q, the whole string %q", b.String(), got)
		}
	})
}

func TestStyled(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"plain\nlines\ttab", "plain\nlines\ttab"},
		{"\x1b[1mAna\x1b[m \x1b[38;2;1;2;3minner\x1b[0m", "\x1b[1mAna\x1b[m \x1b[38;2;1;2;3minner\x1b[0m"},
		{"title\x1b]0;pwned\x07", "title␛]0;pwned␇"},
		{"clear\x1b[2J", "clear␛[2J"},
		{"cut \x1b[38;5", "cut ␛[38;5"},
		{"bad \xff byte, C1 \u009b", "bad \ufffd byte, C1 \ufffd"},
	}
	for _, tt := range tests {
		if got := Styled(tt.in); got != tt.want {
			t.Errorf("Styled(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
