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
