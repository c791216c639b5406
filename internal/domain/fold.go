package domain

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold turns a name into the form it is matched in, as people type it:
// compatibility-decomposed (the ligature ﬁ is "fi"), without marks (Léa is
// "lea", Ελένη "ελενη", Ёлка "елка"), case-folded (ß is "ss", final ς is
// σ), with a few letters that carry no decomposition spelled as they are
// typed on a plain keyboard (æ "ae", ø "o", ł "l"), and its spaces made
// one. Two names that fold alike are, to a query, the same name.
func Fold(s string) string {
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if isPlainASCII(s) {
		return strings.ToLower(s) // nearly every name, and ten times faster
	}
	// Rune by rune rather than through a chain of transformers: a chain
	// allocates its buffers on every call, and ten thousand names are
	// folded for every name looked up.
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		b.WriteString(foldRune(r))
	}
	// A spacing mark (˘, ¨) decomposes to a space and the mark it carries:
	// without the mark, the space may be a second one, or stand alone.
	out := b.String()
	if !singleSpaced(out) {
		out = strings.Join(strings.Fields(out), " ")
	}
	return out
}

// foldedRunes remembers how each letter beyond ASCII folds: names repeat
// their letters, and decomposing one costs far more than a lookup.
var foldedRunes sync.Map // rune → string

func foldRune(r rune) string {
	if f, ok := foldedRunes.Load(r); ok {
		return f.(string)
	}
	var (
		b        strings.Builder
		one, dec [4 * utf8.UTFMax]byte
	)
	d := norm.NFKD.Append(dec[:0], utf8.AppendRune(one[:0], r)...)
	for _, x := range string(d) {
		if unicode.Is(unicode.Mn, x) {
			continue
		}
		x = unicode.ToLower(x)
		if rep, ok := plainLetters[x]; ok {
			b.WriteString(rep)
		} else {
			b.WriteRune(x)
		}
	}
	foldedRunes.Store(r, b.String())
	return b.String()
}

// singleSpaced reports whether s has no space but single ASCII spaces
// between words: then it needs no tidying.
func singleSpaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' && s[i+1] == ' ':
			return false
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			return false
		case c >= utf8.RuneSelf && !isPlainSpaceFree(s[i:]):
			return false
		}
	}
	return true
}

// isPlainSpaceFree reports whether the rune at the start of s is not a
// space of its own (such as a no-break space), which Fields would split at.
func isPlainSpaceFree(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return !unicode.IsSpace(r)
}

// plainLetters are letters that no Unicode decomposition takes apart but
// that a query typed on a plain keyboard spells otherwise, and the full
// case foldings that lower case alone does not give (ß is "ss", a final
// sigma a sigma).
var plainLetters = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'ς': "σ",
	'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h",
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
