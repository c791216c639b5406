package phonelog

import (
	"os"
	"strings"
	"unicode"
)

// AddressKind says what sort of address a raw number turned out to be.
type AddressKind uint8

const (
	// Hidden is no number at all: a private or unknown caller ("-1", "-2",
	// empty), or the phone's own placeholder.
	Hidden AddressKind = iota
	// Phone is a dialable number, in E.164 form ("+491701234567").
	Phone
	// ShortCode is a service number of a few digits ("7535").
	ShortCode
	// Alpha is an alphanumeric sender ("Google", "LINE").
	Alpha
	// Email is an e-mail address or Apple ID.
	Email
)

// Address is a raw number made comparable.
type Address struct {
	Kind AddressKind
	Key  string // E.164 for a phone, digits for a short code, lower case otherwise; "" when hidden
}

// Normalizer turns raw numbers into addresses, reading national numbers
// ("0170 1234567") as numbers of its region. It remembers what it has
// worked out: a log repeats the same few hundred numbers a million times.
type Normalizer struct {
	Region string // ISO 3166 code, upper case ("DE"); "" reads only numbers with a country code
	seen   map[string]Address
}

// NewNormalizer returns a normalizer for a region ("DE", "de" or "").
func NewNormalizer(region string) *Normalizer {
	return &Normalizer{Region: strings.ToUpper(strings.TrimSpace(region)), seen: map[string]Address{}}
}

// ValidRegion reports whether code is a region phone numbers know.
func ValidRegion(code string) bool {
	return countryCodeOf(strings.ToUpper(code)) != 0
}

// RegionFromEnv takes the region from the locale in the environment
// (LC_ALL, then LC_MESSAGES, then LANG): de_DE.UTF-8 gives DE. It returns
// "" when none names a known region (C, POSIX, unset).
func RegionFromEnv(getenv func(string) string) string {
	if getenv == nil {
		getenv = os.Getenv
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		// language[_territory][.codeset][@modifier]
		if i := strings.IndexAny(v, ".@"); i >= 0 {
			v = v[:i]
		}
		_, territory, ok := strings.Cut(v, "_")
		if ok && len(territory) == 2 && ValidRegion(territory) {
			return strings.ToUpper(territory)
		}
		return "" // the first one set decides, as for the locale itself
	}
	return ""
}

// invisible are the marks phones and chat apps put around numbers: bidi
// marks and isolates, the byte-order mark, no-break and narrow spaces.
var invisible = strings.NewReplacer(
	"\u200e", "", "\u200f", "", "\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "",
	"\u2066", "", "\u2067", "", "\u2068", "", "\u2069", "", "\ufeff", "", "\u00a0", " ", "\u202f", " ", "\u2007", " ",
)

// Normalize makes a raw number comparable.
func (n *Normalizer) Normalize(raw string) Address {
	if a, ok := n.seen[raw]; ok {
		return a
	}
	a := n.normalize(raw)
	if len(n.seen) < 1<<16 { // a bound, against a file of a million distinct senders
		n.seen[raw] = a
	}
	return a
}

func (n *Normalizer) normalize(raw string) Address {
	s := strings.TrimSpace(invisible.Replace(raw))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "tel:"), "TEL:")
	low := strings.ToLower(s)
	switch low {
	case "", "-1", "-2", "-3", "-4", "null", "unknown", "private", "anonymous", "insert-address-token", "unknown_caller", "(unknown)":
		return Address{Kind: Hidden}
	}
	if strings.Contains(s, "@") {
		return Address{Kind: Email, Key: low}
	}
	var digits strings.Builder
	letters := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case unicode.IsDigit(r): // Arabic-Indic and other digits
			digits.WriteRune('0' + rune(digitValue(r)))
		case unicode.IsLetter(r):
			letters = true
		}
	}
	d := digits.String()
	if letters || d == "" {
		return Address{Kind: Alpha, Key: strings.Join(strings.Fields(low), " ")}
	}
	plus := strings.HasPrefix(s, "+") || strings.HasPrefix(s, "00")
	if !plus && len(d) <= 6 {
		return Address{Kind: ShortCode, Key: d}
	}
	if e164, ok := possibleE164(s, n.region(plus)); ok {
		return Address{Kind: Phone, Key: e164}
	}
	// Not a number the rules can place (no region, or an odd length):
	// compared by its digits as written.
	if plus {
		return Address{Kind: Phone, Key: "+" + strings.TrimPrefix(d, "00")}
	}
	return Address{Kind: Phone, Key: d}
}

func (n *Normalizer) region(plus bool) string {
	if plus || n.Region == "" {
		return "ZZ" // libphonenumber's "unknown region": only +numbers parse
	}
	return n.Region
}

// digitValue is the value of a decimal digit of any script.
func digitValue(r rune) int {
	for base := r; base >= r-9; base-- {
		if !unicode.IsDigit(base) {
			return int(r - base - 1)
		}
	}
	return int(r-'0') % 10
}
