package main

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
)

// personFlags are the flags add and edit share. Each is applied only when
// given (set, by name), so edit changes just what was asked.
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

	set map[string]bool
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

// noteSet records which of cmd's own flags were given, but --json.
func (f *personFlags) noteSet(cmd *cobra.Command) {
	cmd.Flags().Visit(func(fl *pflag.Flag) {
		if fl.Name != "json" && cmd.InheritedFlags().Lookup(fl.Name) == nil {
			if f.set == nil {
				f.set = map[string]bool{}
			}
			f.set[fl.Name] = true
		}
	})
}

// edit is the change the flags given ask for, each value checked.
func (f *personFlags) edit() (core.PersonEdit, error) {
	var e core.PersonEdit
	if f.set["tier"] {
		t, err := cadence.ParseTier(f.tier)
		if err != nil {
			return e, &usageError{err}
		}
		e.Tier = &t
	}
	if f.set["every"] {
		n, err := cadence.ParseEvery(f.every)
		if err != nil {
			return e, usageErrorf("--every: %v", err)
		}
		e.Every = &n
	}
	if f.set["birthday"] {
		var d cadence.MonthDay
		if strings.TrimSpace(f.birthday) != "" {
			var err error
			if d, err = cadence.ParseMonthDay(f.birthday); err != nil {
				return e, usageErrorf("--birthday: %v", err)
			}
		}
		e.Birthday = &d
	}
	for name, field := range map[string]**[]string{"tag": &e.Tags, "phone": &e.Phones, "email": &e.Emails, "alias": &e.Aliases} {
		if f.set[name] {
			*field = f.listOf(name)
		}
	}
	if f.set["note"] {
		e.Notes = &f.note
	}
	if f.set["date"] {
		if !f.editing {
			e.Dates = &[]domain.ImportantDate{} // on add, the dates given are all there are
		}
		for _, raw := range f.dates {
			d, err := cadence.ParseDated(raw)
			if err != nil {
				return e, usageErrorf("--date %v", err)
			}
			e.SetDates = append(e.SetDates, domain.ImportantDate{Label: d.Label, Date: d.Date})
		}
	}
	if !f.editing {
		return e, nil
	}
	return e, f.editOne(&e)
}

// listOf is the value of the list flag named.
func (f *personFlags) listOf(name string) *[]string {
	switch name {
	case "tag":
		return &f.tags
	case "phone":
		return &f.phones
	case "email":
		return &f.emails
	}
	return &f.aliases
}

// editOne reads the --add-X, --rm-X and --add-note flags of edit.
func (f *personFlags) editOne(e *core.PersonEdit) error {
	add := map[string]*[]string{"tag": &e.Add.Tags, "phone": &e.Add.Phones, "email": &e.Add.Emails, "alias": &e.Add.Aliases}
	rm := map[string]*[]string{"tag": &e.Remove.Tags, "phone": &e.Remove.Phones, "email": &e.Remove.Emails, "alias": &e.Remove.Aliases, "date": &e.Remove.DateLabels}
	for _, l := range lists {
		for _, item := range *f.add[l] {
			if l == "date" {
				d, err := cadence.ParseDated(item)
				if err != nil {
					return usageErrorf("--add-date %v", err)
				}
				e.Add.Dates = append(e.Add.Dates, domain.ImportantDate{Label: d.Label, Date: d.Date})
				continue
			}
			if strings.TrimSpace(item) == "" {
				return usageErrorf("--add-%s needs a value", l)
			}
			*add[l] = append(*add[l], item)
		}
		*rm[l] = append(*rm[l], *f.rm[l]...)
	}
	if f.set["add-note"] {
		e.AddNote = strings.TrimSpace(f.addNote)
		if e.AddNote == "" {
			return usageErrorf("--add-note needs some text")
		}
	}
	return nil
}

// editWords says an edit the core refused in the words of edit's flags.
func editWords(err error) error {
	var field *domain.FieldError
	if errors.As(err, &field) {
		return usageErrorf("--%s: %v", field.Field, field.Err)
	}
	return err
}
