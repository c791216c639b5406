package phonelog

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/nyaruka/phonenumbers"
)

// libraryE164 is what Normalize asked of libphonenumber before it read
// numbers by the generated rules.
func libraryE164(s, region string) (string, bool) {
	num, err := phonenumbers.Parse(s, region)
	if err != nil || !phonenumbers.IsPossibleNumber(num) {
		return "", false
	}
	return phonenumbers.Format(num, phonenumbers.E164), true
}

func sortedRegions() []string {
	var regions []string
	for r := range phonenumbers.GetSupportedRegions() {
		regions = append(regions, r)
	}
	slices.Sort(regions)
	return regions
}

var numberTypes = []phonenumbers.PhoneNumberType{
	phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE, phonenumbers.PREMIUM_RATE,
	phonenumbers.SHARED_COST, phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER, phonenumbers.PAGER,
	phonenumbers.UAN, phonenumbers.VOICEMAIL,
}

// writtenForms are ways people and phones write one number: the library's
// own formats, dialled from elsewhere, and mangled.
func writtenForms(rng *rand.Rand, num *phonenumbers.PhoneNumber, from []string) []string {
	national := phonenumbers.Format(num, phonenumbers.NATIONAL)
	intl := phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
	e164 := phonenumbers.Format(num, phonenumbers.E164)
	nsn := phonenumbers.GetNationalSignificantNumber(num)
	cc := strings.TrimPrefix(e164, "+")
	cc = cc[:len(cc)-len(nsn)]
	forms := []string{
		national, intl, e164, nsn, "0" + nsn, "00" + e164[1:], "+" + cc + "0" + nsn, cc + nsn, cc + "0" + nsn,
		strings.ReplaceAll(national, " ", ""), strings.ReplaceAll(intl, " ", "-"), "(" + national + ")",
		e164[:len(e164)-1], e164 + "1", e164 + "12", nsn[:len(nsn)-1], nsn + "9", "＋" + e164[1:],
		national + " 123#", intl + " #12", national + ";12", intl + ",,34", national + "/" + nsn,
		"++" + e164[1:], "+ " + intl[1:], "0" + national, nsn + "+", toScript(e164, '٠'), toScript(national, '۰'),
		toScript(national, '０'), toScript(national, '०'), "\u200b" + national + " ", "." + national + ".",
	}
	for _, r := range from {
		forms = append(forms, phonenumbers.FormatOutOfCountryCallingNumber(num, r))
	}
	for i := 0; i < 4; i++ {
		forms = append(forms, scatter(rng, nsn), scatter(rng, e164), scatter(rng, national))
	}
	return forms
}

// toScript writes the ASCII digits of s in the script whose zero is zero.
func toScript(s string, zero rune) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return zero + (r - '0')
		}
		return r
	}, s)
}

// scatter puts separators between the characters of s.
func scatter(rng *rand.Rand, s string) string {
	seps := []string{"", "", "", " ", "-", ".", "/", "(", ")", "\u00a0", "~", "*"}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
		b.WriteString(seps[rng.Intn(len(seps))])
	}
	return b.String()
}

func randomDigits(rng *rand.Rand) string {
	prefixes := []string{"", "", "0", "00", "+", "011", "0011", "8", "810", "1", "+0", "00 0", "+1", "+44", "+7", "+39 0"}
	b := []byte(prefixes[rng.Intn(len(prefixes))])
	for n := 1 + rng.Intn(18); n > 0; n-- {
		b = append(b, byte('0'+rng.Intn(10)))
		if rng.Intn(5) == 0 {
			b = append(b, ' ')
		}
	}
	return string(b)
}

// TestNormalizeAgreesWithLibrary reads many numbers of every region, as
// their own region's and others', by the generated rules and by the
// library they came from, and wants the same answer from both.
func TestNormalizeAgreesWithLibrary(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewSource(1))
	regions := sortedRegions()
	if len(regions) < 200 || len(numberRegions) != len(regions) {
		t.Fatalf("the library knows %d regions, the generated rules %d: run go generate", len(regions), len(numberRegions))
	}
	checked, phones := 0, 0
	check := func(s, region string) {
		t.Helper()
		for _, r := range s {
			if unicode.IsLetter(r) {
				return // Normalize reads no number with a letter in it
			}
		}
		checked++
		want, wantOK := libraryE164(s, region)
		got, gotOK := possibleE164(s, region)
		if got != want || gotOK != wantOK {
			t.Errorf("%q in %s: got %q %v, the library %q %v", s, region, got, gotOK, want, wantOK)
		}
		if wantOK {
			phones++
		}
	}
	for _, region := range regions {
		others := []string{"ZZ", "US", "DE", regions[rng.Intn(len(regions))]}
		for _, typ := range numberTypes {
			num := phonenumbers.GetExampleNumberForType(region, typ)
			if num == nil {
				continue
			}
			for _, s := range writtenForms(rng, num, others) {
				check(s, region)
				check(s, others[rng.Intn(len(others))])
			}
		}
		for i := 0; i < 60; i++ {
			s := randomDigits(rng)
			check(s, region)
			check(s, "ZZ")
		}
	}
	for cc := range phonenumbers.GetSupportedGlobalNetworkCallingCodes() {
		num := phonenumbers.GetExampleNumberForNonGeoEntity(cc)
		if num == nil {
			continue
		}
		for _, s := range writtenForms(rng, num, []string{"US", "DE"}) {
			check(s, "ZZ")
			check(s, "DE")
		}
	}
	for _, s := range []string{"", "+", "++", "0", "00", "+0", "+00", "+1", "+12", "+123", "+999 123456", "0000000000",
		"+49 0170 1234567", "0170+1234567", "1-555-555-5655", "+1 (555) 010-0100", strings.Repeat("1", 251), strings.Repeat("9", 30)} {
		for _, region := range []string{"ZZ", "DE", "US", "IT", "AR", "BR", "RU", "MX", "KR", ""} {
			check(s, region)
		}
	}
	t.Logf("%d numbers, %d of them phones, agree", checked, phones)
	if checked < 50000 || phones < checked/4 {
		t.Errorf("only %d numbers checked, %d phones: too few to trust", checked, phones)
	}
}

func TestValidRegionAgreesWithLibrary(t *testing.T) {
	t.Parallel()
	for _, code := range append(sortedRegions(), "", "ZZ", "001", "XX", "de", "uk", "EU", "D", "DEU") {
		if got, want := ValidRegion(code), phonenumbers.GetCountryCodeForRegion(strings.ToUpper(code)) != 0; got != want {
			t.Errorf("ValidRegion(%q) = %v, the library %v", code, got, want)
		}
	}
}

// FuzzNormalizeAgreesWithLibrary reads any text as Normalize reads it,
// in a region, by the generated rules and by the library.
func FuzzNormalizeAgreesWithLibrary(f *testing.F) {
	for _, s := range []string{"0170 1234567", "+49 170 1234567", "(0170) 123-4567", "0049 170 1234567", "+٢٠ ١٠٠ ١٢٣ ٤٥٦٧", "011 44 20 7946 0958", "0170 1234567 12#"} {
		f.Add(s, "DE")
	}
	f.Add("(555) 555-4545", "US")
	f.Add("+39 06 1234 5678", "IT")
	f.Add("011 15 2345-6789", "AR")
	f.Fuzz(func(t *testing.T, s, region string) {
		for _, r := range s {
			if unicode.IsLetter(r) {
				return
			}
		}
		want, wantOK := libraryE164(s, region)
		got, gotOK := possibleE164(s, region)
		if got != want || gotOK != wantOK {
			t.Errorf("%q in %q: got %q %v, the library %q %v", s, region, got, gotOK, want, wantOK)
		}
	})
}
