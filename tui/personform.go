package tui

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
)

// personForm adds someone (a) or edits them (e). Lists (phones, emails,
// tags, dates) are typed with commas between the items.
type personForm struct {
	fieldSet
	id                                    string // "" when adding
	orig                                  domain.Person
	shownName, shownNotes                 string // as the inputs first showed them
	name, tier, every, birthday           *field
	phones, emails, tags, dates, notesFld *field
}

func newPersonForm(st styles, p *entry) *personForm {
	var sp domain.Person
	f := &personForm{}
	if p != nil {
		sp = p.sum.Person
		f.id = sp.ID
	}
	tier := string(cadence.DefaultTier)
	if sp.Tier != "" {
		tier = string(sp.Tier)
	}
	every := ""
	if sp.Every > 0 {
		every = strconv.Itoa(sp.Every) + "d"
	}
	var tiers []string
	for _, t := range cadence.Tiers() {
		tiers = append(tiers, string(t))
	}
	var dates []string
	for _, d := range sp.ImportantDates {
		dates = append(dates, d.Label+"="+d.Date.String())
	}
	f.name = f.add(&field{label: "name", input: newInput(st, sp.Name, "a name, such as Ana Lima")})
	f.tier = f.add(&field{
		label:  "tier",
		input:  newInput(st, tier, "inner, close, regular or outer"),
		groups: []choiceGroup{{"", tiers}},
		canon:  func(s string) string { return strings.ToLower(strings.TrimSpace(s)) },
	})
	f.every = f.add(&field{label: "every", input: newInput(st, every, "the tier's rhythm, or 14, 14d, 2w")})
	f.birthday = f.add(&field{label: "birthday", input: newInput(st, sp.Birthday.String(), "MM-DD or YYYY-MM-DD")})
	f.phones = f.add(&field{label: "phones", input: newInput(st, strings.Join(sp.Phones, ", "), "optional, commas between")})
	f.emails = f.add(&field{label: "emails", input: newInput(st, strings.Join(sp.Emails, ", "), "optional, commas between")})
	f.tags = f.add(&field{label: "tags", input: newInput(st, strings.Join(sp.Tags, ", "), "optional, commas between")})
	f.dates = f.add(&field{label: "dates", input: newInput(st, strings.Join(dates, ", "), "anniversary=2015-06-01, ...")})
	f.notesFld = f.add(&field{label: "notes", input: newInput(st, sp.Notes, "optional")})
	f.focusOn(0)
	f.orig, f.shownName, f.shownNotes = sp, f.name.current(), f.notesFld.current()
	return f
}

// suggest fills in what a rhythm hint proposes: the tier, or every.
func (f *personForm) suggest(h cadence.RhythmHint) {
	switch {
	case h.Tier != "":
		f.tier.input.SetValue(string(h.Tier))
		f.tier.input.CursorEnd()
	case h.Every > 0:
		f.every.input.SetValue(strconv.Itoa(h.Every) + "d")
		f.every.input.CursorEnd()
	}
}

func (f *personForm) update(msg tea.KeyPressMsg, k KeyMap) tea.Cmd { return f.fieldSet.update(msg, k) }
func (f *personForm) paste(msg tea.PasteMsg) tea.Cmd               { return f.fieldSet.paste(msg) }

func (f *personForm) view(st styles, width int) string {
	title := "Add someone"
	if f.id != "" {
		title = "Edit " + termtext.Line(f.name.current())
	}
	return f.fieldSet.view(st, title)
}

// submit checks the input with the same rules, and the same words, as the
// flags of tend add and tend edit. The name is checked by the store, as it
// is for the command line, so an empty or taken name reads the same.
func (f *personForm) submit(e env) (tea.Cmd, error) {
	var p domain.Person
	// A text input is one line: a name or notes with line breaks are shown
	// flattened, and kept as they were unless they are changed.
	p.Name = f.name.current()
	if f.id != "" && p.Name == f.shownName {
		p.Name = f.orig.Name
	}
	tier, err := cadence.ParseTier(f.tier.current())
	if err != nil {
		return nil, fmt.Errorf("tier: %w", err)
	}
	p.Tier = tier
	if p.Every, err = cadence.ParseEvery(f.every.current()); err != nil {
		return nil, fmt.Errorf("every: %w", err)
	}
	if s := strings.TrimSpace(f.birthday.current()); s != "" {
		if p.Birthday, err = cadence.ParseMonthDay(s); err != nil {
			return nil, fmt.Errorf("birthday: %w", err)
		}
	}
	p.Phones = splitList(f.phones.current())
	p.Emails = splitList(f.emails.current())
	p.Tags = splitList(f.tags.current())
	p.Notes = f.notesFld.current()
	if f.id != "" && p.Notes == f.shownNotes {
		p.Notes = f.orig.Notes
	}
	for _, raw := range splitList(f.dates.current()) {
		d, err := cadence.ParseDated(raw)
		if err != nil {
			return nil, fmt.Errorf("date %w", err)
		}
		p.ImportantDates = append(p.ImportantDates, domain.ImportantDate{Label: d.Label, Date: d.Date})
	}

	if f.id == "" {
		return addPersonCmd(e.ctx, e.store, e.rules, p), nil
	}
	change := func(old *domain.Person) error {
		old.Name, old.Tier, old.Every, old.Birthday = p.Name, p.Tier, p.Every, p.Birthday
		old.Phones, old.Emails, old.Tags, old.Notes = p.Phones, p.Emails, p.Tags, p.Notes
		old.ImportantDates = p.ImportantDates
		return nil
	}
	say := func(p domain.Person) string {
		return "Updated " + termtext.Line(p.Name) + " (" + string(p.Tier) + ", " + words.Every(rhythmOf(e.rules, p)) + ")."
	}
	return updatePersonCmd(e.ctx, e.store, "edit", f.id, change, say), nil
}

// splitList reads "a, b, c"; empty items are dropped.
func splitList(s string) []string {
	var out []string
	for _, it := range strings.Split(s, ",") {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}
