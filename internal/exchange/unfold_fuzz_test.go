package exchange

import (
	"strings"
	"testing"
)

// unfoldReference is unfoldVCard written the plain way, with strings and
// no care for cost: the rules, for the fuzzer to hold the fast one to.
func unfoldReference(data []byte) []logicalLine {
	text := string(data)
	if !strings.Contains(text, "\n") {
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	text = strings.TrimSuffix(text, "\n")
	var out []logicalLine
	have := false
	head := func(l string) (params string, ok bool) {
		inQuote := false
		for i := 0; i < len(l); i++ {
			switch l[i] {
			case '"':
				inQuote = !inQuote
			case ':':
				if !inQuote {
					return headParams(l[:i]), true
				}
			}
		}
		return "", false
	}
	if len(data) == 0 {
		return nil
	}
	for i, raw := range strings.Split(text, "\n") {
		raw = strings.TrimRight(raw, "\r")
		if have {
			last := &out[len(out)-1]
			params, ok := head(last.text)
			valueStart := -1
			if ok {
				// The value starts after the first colon outside quotes.
				inQuote := false
				for j := 0; j < len(last.text); j++ {
					if last.text[j] == '"' {
						inQuote = !inQuote
					} else if last.text[j] == ':' && !inQuote {
						valueStart = j + 1
						break
					}
				}
			}
			switch {
			case ok && isQP(params) && len(last.text) > valueStart && strings.HasSuffix(last.text, "="):
				last.text = strings.TrimSuffix(last.text, "=") + raw
				continue
			case raw != "" && (raw[0] == ' ' || raw[0] == '\t'):
				last.text += raw[1:]
				continue
			case ok && base64Param().MatchString(params) && raw != "" && !strings.Contains(raw, ":"):
				last.text += raw
				continue
			}
		}
		have = false
		if strings.TrimSpace(raw) == "" {
			continue
		}
		out = append(out, logicalLine{line: i + 1, text: raw})
		have = true
	}
	return out
}

// FuzzUnfoldVCard holds the linear unfolder to the plain rules.
func FuzzUnfoldVCard(f *testing.F) {
	f.Add([]byte("BEGIN:VCARD\r\nFN:Ana\r\n  Lima\r\nEND:VCARD\r\n"))
	f.Add([]byte("F\r\n N;X-A=\"a\r\n :b\":x\r\n"))
	f.Add([]byte("NOTE;ENCODING=QUOTED-PRINTABLE:a=\r\n b=\r\nc\r\n"))
	f.Add([]byte("PHOTO;ENCODING=BASE64:AAAA\nBBBB\n\nFN:x\n"))
	f.Add([]byte("FN:a\rTEL:1\r\r\n \r"))
	f.Add([]byte("=\n=\n:=\n="))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, want := unfoldVCard(data), unfoldReference(data)
		if len(got) != len(want) {
			t.Fatalf("%d logical lines, want %d:\n%+v\n%+v", len(got), len(want), got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("line %d: %+v, want %+v", i, got[i], want[i])
			}
		}
	})
}
