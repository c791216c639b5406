package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold turns a name into the form it is matched in, as people type it:
// compatibility-decomposed (the ligature ﬁ is "fi"), without marks (Léa is
// "lea", Ελένη "ελενη", Ёлка "елка"), case-folded (ß is "ss", final ς is
// σ), with a few letters that carry no decomposition spelled as they are
// typed on a plain keyboard (æ "ae", ø "o", ł "l"), and its spaces made
// one. Two names that fold alike are, to a query, the same name.
func Fold(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if isPlainASCII(s) {
		return strings.ToLower(s) // nearly every name, and ten times faster
	}
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), cases.Fold(), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		// Only invalid UTF-8 fails; it was refused before being stored,
		// and a query of it matches on its lower case.
		return strings.ToLower(s)
	}
	return plainLetters.Replace(out)
}

// plainLetters are letters that no Unicode decomposition takes apart but
// that a query typed on a plain keyboard spells otherwise.
var plainLetters = strings.NewReplacer(
	"æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "ð", "d", "þ", "th", "ı", "i", "ħ", "h",
)

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
