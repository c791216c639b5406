package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
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
	aliases  []string

	// edit only: one item added to or removed from a list, and notes
	// added to.
	add, rm map[string]*[]string // by list: tag, phone, email, alias, date
	addNote string
	editing bool
}

// lists are the list fields that --add-X and --rm-X change one item of.
var lists = []string{"tag", "phone", "email", "alias", "date"}

func (f *personFlags) register(cmd *cobra.Command, verb string) {
	fl := cmd.Flags()
	fl.StringVar(&f.tier, "tier", "", "inner, close, regular or outer (default regular)")
	fl.StringVar(&f.every, "every", "", `talk every N days instead of the tier's rhythm: 14, 14d or 2w ("" for the tier's)`)
	fl.StringVar(&f.birthday, "birthday", "", `birthday: MM-DD or YYYY-MM-DD ("" to clear)`)
	stringArrayVar(fl, &f.tags, "tag", "a tag; repeat for more"+verb)
	stringArrayVar(fl, &f.phones, "phone", "a phone number; repeat for more"+verb)
	stringArrayVar(fl, &f.emails, "email", "an email address; repeat for more"+verb)
	fl.StringVar(&f.note, "note", "", "free notes about them")
	stringArrayVar(fl, &f.aliases, "alias", "another name they are called by, such as mum; repeat for more"+verb)
	if verb == "" {
		stringArrayVar(fl, &f.dates, "date", `an important date, LABEL=MM-DD or LABEL=YYYY-MM-DD, such as anniversary=2015-06-01; repeat for more`)
		return
	}
	f.editing = true
	stringArrayVar(fl, &f.dates, "date", `set an important date, LABEL=MM-DD or LABEL=YYYY-MM-DD; the other dates are kept`)
	f.add, f.rm = map[string]*[]string{}, map[string]*[]string{}
	for _, l := range lists {
		f.add[l], f.rm[l] = new([]string), new([]string)
		what := "a " + l
		switch l {
		case "email":
			what = "an e-mail address"
		case "alias":
			what = "an alias"
		case "date":
			what = "an important date"
		}
		addHelp, rmHelp := "add "+what+", keeping the others", "remove "+what
		if l == "date" {
			addHelp, rmHelp = "add an important date, LABEL=MM-DD", "remove the important date with this LABEL"
		}
		stringArrayVar(fl, f.add[l], "add-"+l, addHelp)
		stringArrayVar(fl, f.rm[l], "rm-"+l, rmHelp)
	}
	fl.StringVar(&f.addNote, "add-note", "", "add a line to the notes")
}

// apply copies the flags that were given onto p, checking each.
func (f *personFlags) apply(cmd *cobra.Command, p *domain.Person) error {
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
	if changed("alias") {
		p.Aliases = f.aliases
	}
	if changed("date") {
		if !f.editing {
			p.ImportantDates = nil
		}
		for _, raw := range f.dates {
			d, err := cadence.ParseDated(raw)
			if err != nil {
				return usageErrorf("--date %v", err)
			}
			// On edit, a label names the date it sets: the others stay.
			p.ImportantDates = slices.DeleteFunc(p.ImportantDates, func(x domain.ImportantDate) bool { return strings.EqualFold(x.Label, d.Label) })
			p.ImportantDates = append(p.ImportantDates, domain.ImportantDate{Label: d.Label, Date: d.Date})
		}
	}
	if f.editing {
		return f.applyOne(cmd, p)
	}
	return nil
}

// applyOne applies the --add-X, --rm-X and --add-note flags of edit.
func (f *personFlags) applyOne(cmd *cobra.Command, p *domain.Person) error {
	fields := map[string]*[]string{"tag": &p.Tags, "phone": &p.Phones, "email": &p.Emails, "alias": &p.Aliases}
	for _, l := range lists {
		for _, item := range *f.add[l] {
			if l == "date" {
				d, err := cadence.ParseDated(item)
				if err != nil {
					return usageErrorf("--add-date %v", err)
				}
				p.ImportantDates = append(p.ImportantDates, domain.ImportantDate{Label: d.Label, Date: d.Date})
				continue
			}
			if strings.TrimSpace(item) == "" {
				return usageErrorf("--add-%s needs a value", l)
			}
			*fields[l] = append(*fields[l], item)
		}
		for _, item := range *f.rm[l] {
			item = strings.TrimSpace(item)
			if l == "date" {
				n := len(p.ImportantDates)
				p.ImportantDates = slices.DeleteFunc(p.ImportantDates, func(x domain.ImportantDate) bool { return strings.EqualFold(x.Label, item) })
				if len(p.ImportantDates) == n {
					return usageErrorf("--rm-date: %s has no date labelled %q", p.Name, clipArg(item))
				}
				continue
			}
			n := len(*fields[l])
			*fields[l] = slices.DeleteFunc(*fields[l], func(x string) bool { return strings.EqualFold(x, item) })
			if len(*fields[l]) == n {
				return usageErrorf("--rm-%s: %s has no %s %q", l, p.Name, l, clipArg(item))
			}
		}
	}
	if cmd.Flags().Changed("add-note") {
		note := strings.TrimSpace(f.addNote)
		if note == "" {
			return usageErrorf("--add-note needs some text")
		}
		if strings.TrimSpace(p.Notes) == "" {
			p.Notes = note
		} else {
			p.Notes = strings.TrimRight(p.Notes, "\n") + "\n" + note
		}
	}
	return nil
}
