package tui

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
)

// personForm adds someone (a) or edits them (e). Lists (phones, emails,
// tags, dates) are typed with commas between the items.
type personForm struct {
	fieldSet
	id                                    string // "" when adding
	name, tier, every, birthday           *field
	phones, emails, tags, dates, notesFld *field
}

func newPersonForm(kit formKit, p *entry) *personForm {
	st := kit.st
	var sp domain.Person
	f := &personForm{fieldSet: fieldSet{formKit: kit}}
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
	notes := &field{label: "notes", input: newInput(st, "", "optional")}
	notes.setText(sp.Notes)
	f.notesFld = f.add(notes)
	f.focusOn(0)
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

// View draws the form.
func (f *personForm) View() string {
	title := "Add someone"
	if f.id != "" {
		title = "Edit " + termtext.Line(f.name.current())
	}
	return f.draw(title)
}

// submit checks the input with the same rules, and the same words, as the
// flags of tend add and tend edit. The name is checked by the store, as it
// is for the command line, so an empty or taken name reads the same.
func (f *personForm) submit(e env) (tea.Cmd, error) {
	var p domain.Person
	p.Name = f.name.current()
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
	for _, raw := range splitList(f.dates.current()) {
		d, err := cadence.ParseDated(raw)
		if err != nil {
			return nil, fmt.Errorf("date %w", err)
		}
		p.ImportantDates = append(p.ImportantDates, domain.ImportantDate{Label: d.Label, Date: d.Date})
	}

	if f.id == "" {
		return addPersonCmd(e.ctx, e.core, e.rules, p), nil
	}
	// The edit sets only the fields that were changed: an input shows a
	// name with line breaks flattened, and lists joined with
	// commas, so one left as it was would not read back as it is (a tag
	// "a,b" would become two). Aliases, which the form does not show, are
	// kept.
	var change core.PersonEdit
	var changes edits
	changes.of(f.name, func() { change.Name = &p.Name })
	changes.of(f.tier, func() { change.Tier = &p.Tier })
	changes.of(f.every, func() { change.Every = &p.Every })
	changes.of(f.birthday, func() { change.Birthday = &p.Birthday })
	changes.of(f.phones, func() { change.Phones = &p.Phones })
	changes.of(f.emails, func() { change.Emails = &p.Emails })
	changes.of(f.tags, func() { change.Tags = &p.Tags })
	changes.of(f.notesFld, func() { change.Notes = &p.Notes })
	changes.of(f.dates, func() { change.Dates = &p.ImportantDates })
	if changes == 0 {
		return func() tea.Msg { return savedMsg{status: "Nothing changed.", selectID: f.id} }, nil
	}
	c, ctx, id, rules := e.core, e.ctx, f.id, e.rules
	edit := func() (domain.Person, error) {
		edited, err := c.EditPerson(ctx, id, change)
		return edited.After, err
	}
	say := func(p domain.Person) string {
		return "Updated " + termtext.Line(p.Name) + " (" + string(p.Tier) + ", " + words.Every(rhythmOf(rules, p)) + ")."
	}
	return personCmd("edit", edit, say), nil
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
