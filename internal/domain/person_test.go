package domain

import (
	"strings"
	"testing"

	"github.com/tend-app/tend/cadence"
)

// TestPersonRefusesControlsInEveryText: a control character is refused in
// every text a person holds, where it would reach a terminal or another
// program's file; text kept from before the rule stays.
func TestPersonRefusesControlsInEveryText(t *testing.T) {
	const esc = "a\x1b]52;c;aGk=\x07b"
	tests := []struct {
		field string
		set   func(*Person)
	}{
		{"name", func(p *Person) { p.Name = esc }},
		{"notes", func(p *Person) { p.Notes = esc }},
		{"phone", func(p *Person) { p.Phones = []string{esc} }},
		{"email", func(p *Person) { p.Emails = []string{esc} }},
		{"tag", func(p *Person) { p.Tags = []string{esc} }},
		{"alias", func(p *Person) { p.Aliases = []string{esc} }},
		{"date label", func(p *Person) {
			p.ImportantDates = []ImportantDate{{Label: esc, Date: cadence.MonthDay{Month: 6, Day: 1}}}
		}},
		{"organisation", func(p *Person) { p.Org = esc }},
		{"job title", func(p *Person) { p.JobTitle = "Ti\x1b[2Jtle" }},
		{"uid", func(p *Person) { p.UID = esc }},
		{"name part", func(p *Person) { p.NameParts.Family = "\u009b31m" }},
		{"phone kind", func(p *Person) { p.Phones = []string{"+1 555"}; p.PhoneTypes = map[string]string{"+1 555": esc} }},
		{"email kind", func(p *Person) {
			p.Emails = []string{"a@example.org"}
			p.EmailTypes = map[string]string{"a@example.org": esc}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			p := Person{Name: "Ana Lima"}
			tc.set(&p)
			err := p.Validate()
			if err == nil || !strings.HasPrefix(err.Error(), tc.field+" contains a control character") {
				t.Errorf("Validate() = %v; want %s refused for its control character", err, tc.field)
			}
			// Kept as it was, by an older tend or another program: a change
			// elsewhere does not trip over it.
			before := p
			p.Tier = ""
			p.Every = 12
			if err := p.ValidateChange(before); err != nil {
				t.Errorf("ValidateChange with the %s kept: %v", tc.field, err)
			}
		})
	}
}

func TestTidyName(t *testing.T) {
	for in, want := range map[string]string{
		"Ana Lima":             "Ana Lima",
		"  Ana   Lima  ":       "Ana Lima",
		"Ana\tLima":            "Ana Lima",
		"Ana\nLima":            "Ana Lima",
		"Ana\r\nLima":          "Ana Lima",
		"Ana\u00a0Lima":        "Ana Lima",
		"Ana\u3000Lima":        "Ana Lima",
		"Ana\u200b Lima":       "Ana Lima",
		"Ana Li\u202ema":       "Ana Lima",
		"\ufeffAna Lima\u2069": "Ana Lima",
		"Ana\rLima":            "Ana\rLima", // a lone CR is refused, not mended
		"👩\u200d🚀 Zoë":         "👩\u200d🚀 Zoë",
		"نیما\u200cزاده":       "نیما\u200cزاده", // ZWNJ is spelling in Persian
		"\u200fشلام":           "\u200fشلام",     // a direction mark stays
		"\xff Ana":             "\xff Ana",       // refused as it is
		"":                     "",
		" \u200b ":             "",
	} {
		if got := TidyName(in); got != want {
			t.Errorf("TidyName(%q) = %q, want %q", in, got, want)
		}
	}
}
