package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/store"
)

// personFlags are the flags add and edit share. Each is applied only when
// given, so edit changes just what was asked.
type personFlags struct {
	tier     string
	every    string
	birthday string
	tags     []string
	phones   []string
	emails   []string
	note     string
	dates    []string
}

func (f *personFlags) register(cmd *cobra.Command, verb string) {
	fl := cmd.Flags()
	fl.StringVar(&f.tier, "tier", "", "inner, close, regular or outer (default regular)")
	fl.StringVar(&f.every, "every", "", `talk every N days instead of the tier's rhythm: 14, 14d or 2w ("" for the tier's)`)
	fl.StringVar(&f.birthday, "birthday", "", `birthday: MM-DD or YYYY-MM-DD ("" to clear)`)
	fl.StringArrayVar(&f.tags, "tag", nil, "a tag; repeat for more"+verb)
	fl.StringArrayVar(&f.phones, "phone", nil, "a phone number; repeat for more"+verb)
	fl.StringArrayVar(&f.emails, "email", nil, "an email address; repeat for more"+verb)
	fl.StringVar(&f.note, "note", "", "free notes about them")
	fl.StringArrayVar(&f.dates, "date", nil, `an important date, LABEL=MM-DD or LABEL=YYYY-MM-DD, such as anniversary=2015-06-01; repeat for more`+verb)
}

// apply copies the flags that were given onto p, checking each.
func (f *personFlags) apply(cmd *cobra.Command, p *store.Person) error {
	changed := cmd.Flags().Changed
	if changed("tier") {
		t, err := cadence.ParseTier(f.tier)
		if err != nil {
			return &usageError{err}
		}
		p.Tier = t
	}
	if changed("every") {
		n, err := cadence.ParseEvery(f.every)
		if err != nil {
			return usageErrorf("--every: %v", err)
		}
		p.Every = n
	}
	if changed("birthday") {
		p.Birthday = cadence.MonthDay{}
		if strings.TrimSpace(f.birthday) != "" {
			d, err := cadence.ParseMonthDay(f.birthday)
			if err != nil {
				return usageErrorf("--birthday: %v", err)
			}
			p.Birthday = d
		}
	}
	if changed("tag") {
		p.Tags = f.tags
	}
	if changed("phone") {
		p.Phones = f.phones
	}
	if changed("email") {
		p.Emails = f.emails
	}
	if changed("note") {
		p.Notes = f.note
	}
	if changed("date") {
		p.ImportantDates = nil
		for _, raw := range f.dates {
			d, err := cadence.ParseDated(raw)
			if err != nil {
				return usageErrorf("--date %v", err)
			}
			p.ImportantDates = append(p.ImportantDates, store.ImportantDate{Label: d.Label, Date: d.Date})
		}
	}
	return nil
}
