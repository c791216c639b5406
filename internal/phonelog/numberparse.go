package phonelog

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

//go:generate go run gen_numberdata.go

// This file reads a number as libphonenumber (github.com/nyaruka/phonenumbers)
// does in Parse, IsPossibleNumber and Format(E164), step for step, on the
// rules numberdata.go holds. The library itself decodes all its metadata
// when its package initialises, a cost every run of tend paid before doing
// anything; here a region's patterns are compiled the first time a number
// of that region is read. TestNormalizeAgreesWithLibrary keeps the two
// equal on many numbers of every region.
//
// It reads only what Normalize hands it: text without letters (a letter
// makes a sender Alpha before any number is read), so the library's
// vanity-number spelling, RFC 3966 parameters (";phone-context=", ";isub=")
// and lettered extensions cannot occur and are left out.

// numberRules are one region's rules for reading a number.
type numberRules struct {
	id                          string // region code, or "001" for a calling code that is no region
	countryCode                 int
	internationalPrefix         string // pattern of the prefix dialled to call abroad ("00", "011")
	nationalPrefixForParsing    string // pattern of the prefix dialled within the country ("0")
	nationalPrefixTransformRule string
	pattern                     string // pattern of every national number of the region
	lengths                     []int8 // possible lengths of a national number, ascending; -1 when there are none
	localOnlyLengths            []int8 // lengths that can only be dialled locally
}

type callingCode struct {
	code       int
	mainRegion string // "001" for a calling code that is no region
}

const (
	minNationalLength = 2   // the library's MIN_LENGTH_FOR_NSN
	maxNationalLength = 17  // MAX_LENGTH_FOR_NSN
	maxInputLength    = 250 // MAX_INPUT_STRING_LENGTH
	maxCodeLength     = 3   // MAX_LENGTH_COUNTRY_CODE
	nonGeoRegion      = "001"
)

var (
	numberPatternsMu sync.Mutex
	numberPatterns   = map[string]*regexp.Regexp{}
)

// numberPattern compiles a pattern once; the patterns all come from the
// library, which compiles them the same way.
func numberPattern(p string) *regexp.Regexp {
	numberPatternsMu.Lock()
	defer numberPatternsMu.Unlock()
	re, ok := numberPatterns[p]
	if !ok {
		re = regexp.MustCompile(p)
		numberPatterns[p] = re
	}
	return re
}

func rulesForRegion(region string) *numberRules {
	i := sort.Search(len(numberRegions), func(i int) bool { return numberRegions[i].id >= region })
	if region != "" && i < len(numberRegions) && numberRegions[i].id == region {
		return &numberRegions[i]
	}
	return nil
}

func mainRegionFor(code int) (string, bool) {
	i := sort.Search(len(callingCodes), func(i int) bool { return callingCodes[i].code >= code })
	if i < len(callingCodes) && callingCodes[i].code == code {
		return callingCodes[i].mainRegion, true
	}
	return "", false
}

func rulesForRegionOrCallingCode(code int, region string) *numberRules {
	if region != nonGeoRegion {
		return rulesForRegion(region)
	}
	if _, ok := mainRegionFor(code); !ok {
		return nil
	}
	i := sort.Search(len(nonGeoRules), func(i int) bool { return nonGeoRules[i].countryCode >= code })
	if i < len(nonGeoRules) && nonGeoRules[i].countryCode == code {
		return &nonGeoRules[i]
	}
	return nil
}

// countryCodeOf is the calling code of a region the library supports, 0
// for any other.
func countryCodeOf(region string) int {
	if r := rulesForRegion(region); r != nil {
		return r.countryCode
	}
	return 0
}

// possibleE164 reads number as a number of region ("ZZ" for none) and
// returns it in E.164 form, if it parses and has a possible length: what
// phonenumbers.Parse, IsPossibleNumber and Format(E164) together give.
func possibleE164(number, region string) (string, bool) {
	code, national, ok := parseNumber(number, region)
	if !ok {
		return "", false
	}
	main, ok := mainRegionFor(code)
	if !ok {
		return "", false
	}
	rules := rulesForRegionOrCallingCode(code, main)
	if rules == nil || rules.pattern == "" {
		if len(national) < minNationalLength || len(national) > maxNationalLength {
			return "", false
		}
	} else if v := numberLength(national, rules); v != lengthPossible && v != lengthLocalOnly {
		return "", false
	}
	return "+" + strconv.Itoa(code) + national, true
}

// parseNumber is phonenumbers.Parse: the calling code and the national
// significant number, with its leading zeros, as Format writes it.
func parseNumber(numberToParse, region string) (code int, national string, ok bool) {
	if len(numberToParse) == 0 || len(numberToParse) > maxInputLength {
		return 0, "", false
	}
	number := extractPossibleNumber(numberToParse)
	if !viableNumber(number) {
		return 0, "", false
	}
	rules := rulesForRegion(region)
	if rules == nil && !numberPattern(rePlusChars).MatchString(number) {
		return 0, "", false
	}
	number = stripExtension(number)

	code, nsn, err := extractCountryCode(number, rules)
	if err == errUnknownCountryCode {
		if loc := numberPattern(rePlusChars).FindStringIndex(number); loc != nil {
			// Strip the plus and try again, as the library does.
			code, nsn, err = extractCountryCode(number[loc[1]:], rules)
			if err == nil && code == 0 {
				return 0, "", false
			}
		}
	}
	if err != nil {
		return 0, "", false
	}
	if code != 0 {
		if main, _ := mainRegionFor(code); main != region {
			rules = rulesForRegionOrCallingCode(code, main)
		}
	} else {
		nsn = normalizeDigits(number)
		if region != "" && rules != nil {
			code = rules.countryCode
		}
	}
	if len(nsn) < minNationalLength {
		return 0, "", false
	}
	if rules != nil {
		// Keep the national prefix when what is left has no possible length
		// in the region: the whole may be a short number.
		stripped, _ := stripNationalPrefix(nsn, rules)
		if v := numberLength(stripped, rules); v == lengthPossible || v == lengthTooLong {
			nsn = stripped
		}
	}
	if len(nsn) < minNationalLength || len(nsn) > maxNationalLength {
		return 0, "", false
	}
	// The leading zeros are kept apart from the number (Italian numbers
	// begin with a 0 that is part of them); a national number of zeros
	// alone keeps its last.
	zeros := 0
	if len(nsn) >= 2 && nsn[0] == '0' {
		zeros = 1
		for zeros < len(nsn)-1 && nsn[zeros] == '0' {
			zeros++
		}
	}
	value, _ := strconv.ParseUint(nsn, 10, 64) // 0 for digits of other scripts, as in the library
	return code, strings.Repeat("0", zeros) + strconv.FormatUint(value, 10), true
}

type parseError int

const (
	errUnknownCountryCode parseError = iota + 1
	errTooShortAfterIDD
)

func (e parseError) Error() string {
	if e == errTooShortAfterIDD {
		return "too short after the international prefix"
	}
	return "unknown calling code"
}

// extractPossibleNumber drops what cannot begin or end a number.
func extractPossibleNumber(number string) string {
	loc := numberPattern(reValidStartChar).FindStringIndex(number)
	if loc == nil {
		return ""
	}
	number = number[loc[0]:]
	if loc := numberPattern(reUnwantedEndChars).FindStringIndex(number); loc != nil {
		number = number[:loc[0]]
	}
	if loc := numberPattern(reSecondNumberStart).FindStringIndex(number); loc != nil {
		number = number[:loc[0]]
	}
	return number
}

func viableNumber(number string) bool {
	return len(number) >= minNationalLength && numberPattern(reValidPhoneNumber).MatchString(number)
}

// stripExtension drops an extension ("... 123#") after a viable number.
func stripExtension(number string) string {
	re := numberPattern(reExtension)
	loc := re.FindStringIndex(number)
	if loc == nil || !viableNumber(number[:loc[0]]) {
		return number
	}
	for _, ext := range re.FindStringSubmatch(number)[1:] {
		if ext != "" {
			return number[:loc[0]]
		}
	}
	return number
}

// extractCountryCode finds the calling code: after a plus or the region's
// international prefix, or the region's own code written without either.
// It returns 0 and the number unread when there is none.
func extractCountryCode(number string, rules *numberRules) (int, string, error) {
	if number == "" {
		return 0, "", nil
	}
	idd := "NonMatch" // the library's pattern that never matches
	if rules != nil {
		idd = rules.internationalPrefix
	}
	full, international := stripInternationalPrefix(number, idd)
	if international {
		if len(full) <= minNationalLength {
			return 0, "", errTooShortAfterIDD
		}
		if code, rest := leadingCountryCode(full); code != 0 {
			return code, rest, nil
		}
		return 0, "", errUnknownCountryCode
	}
	if rules != nil {
		own := strconv.Itoa(rules.countryCode)
		if strings.HasPrefix(full, own) {
			valid := numberPattern("^(?:" + rules.pattern + ")$")
			national, _ := stripNationalPrefix(full[len(own):], rules)
			if (!valid.MatchString(full) && valid.MatchString(national)) || numberLength(full, rules) == lengthTooLong {
				return rules.countryCode, national, nil
			}
		}
	}
	return 0, "", nil
}

// stripInternationalPrefix removes a leading plus or international prefix
// and leaves only digits.
func stripInternationalPrefix(number, idd string) (string, bool) {
	if loc := numberPattern(rePlusChars).FindStringIndex(number); loc != nil && loc[0] == 0 {
		return normalizeDigits(number[loc[1]:]), true
	}
	number = normalizeDigits(number)
	loc := numberPattern(idd).FindStringIndex(number)
	if loc == nil || loc[0] != 0 {
		return number, false
	}
	// A calling code never begins with 0: then the prefix was not one.
	if d := numberPattern(reCapturingDigit).FindString(number[loc[1]:]); d != "" && normalizeDigits(d) == "0" {
		return number, false
	}
	return number[loc[1]:], true
}

func leadingCountryCode(full string) (int, string) {
	if full == "" || full[0] == '0' {
		return 0, ""
	}
	for i := 1; i <= maxCodeLength && i <= len(full); i++ {
		code, _ := strconv.Atoi(full[:i])
		if _, ok := mainRegionFor(code); ok {
			return code, full[i:]
		}
	}
	return 0, ""
}

// stripNationalPrefix removes the region's national prefix ("0"), or
// rewrites the number by the region's rule, unless that turns a number of
// the region into one that is not.
func stripNationalPrefix(number string, rules *numberRules) (string, bool) {
	if number == "" || rules.nationalPrefixForParsing == "" {
		return number, false
	}
	prefix := numberPattern("^(?:" + rules.nationalPrefixForParsing + ")")
	groups := prefix.FindStringSubmatchIndex(number)
	if groups == nil {
		return number, false
	}
	valid := numberPattern("^(?:" + rules.pattern + ")$")
	validBefore := valid.MatchString(number)
	lastGroup := len(groups)/2 - 1
	if rules.nationalPrefixTransformRule == "" || groups[lastGroup*2] < 0 {
		if validBefore && !valid.MatchString(number[groups[1]:]) {
			return number, false
		}
		return number[groups[1]:], true
	}
	transformed := prefix.ReplaceAllString(number, rules.nationalPrefixTransformRule)
	if validBefore && !valid.MatchString(transformed) {
		return number, false
	}
	return transformed, true
}

type lengthVerdict int

const (
	lengthPossible lengthVerdict = iota
	lengthLocalOnly
	lengthTooShort
	lengthTooLong
	lengthInvalid
)

// numberLength is the library's testNumberLength for a number of any type.
func numberLength(number string, rules *numberRules) lengthVerdict {
	lengths := rules.lengths
	if lengths[0] == -1 {
		return lengthInvalid
	}
	n := len(number)
	for _, l := range rules.localOnlyLengths {
		if int(l) == n {
			return lengthLocalOnly
		}
	}
	switch {
	case int(lengths[0]) == n:
		return lengthPossible
	case int(lengths[0]) > n:
		return lengthTooShort
	case int(lengths[len(lengths)-1]) < n:
		return lengthTooLong
	}
	for _, l := range lengths[1:] {
		if int(l) == n {
			return lengthPossible
		}
	}
	return lengthInvalid
}

// normalizeDigits keeps only the digits, with Arabic-Indic and full-width
// ones made ASCII; digits of other scripts are kept as they are, as the
// library keeps them.
func normalizeDigits(number string) string {
	var b strings.Builder
	for _, r := range number {
		if !unicode.IsDigit(r) {
			continue
		}
		switch {
		case r >= '\u0660' && r <= '\u0669':
			r = '0' + (r - '\u0660')
		case r >= '\u06f0' && r <= '\u06f9':
			r = '0' + (r - '\u06f0')
		case r >= '\uff10' && r <= '\uff19':
			r = '0' + (r - '\uff10')
		}
		b.WriteRune(r)
	}
	return b.String()
}
