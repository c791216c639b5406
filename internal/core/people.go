package core

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// AddPerson keeps p as someone new and returns them as kept: the store
// checks the name and every field, for both faces alike.
func (c *Core) AddPerson(ctx context.Context, p domain.Person) (domain.Person, error) {
	return c.store.AddPerson(ctx, p)
}

// PersonEdit is a change to a person: each field set (not nil) replaces
// theirs, and the item lists add to or take from a list keeping the rest.
// The faces parse what the user typed into it; the core applies it in one
// transaction, in the order the fields are listed here.
type PersonEdit struct {
	Name     *string
	Tier     *cadence.Tier
	Every    *int // 0 for the tier's rhythm
	Birthday *cadence.MonthDay
	Tags     *[]string
	Phones   *[]string
	Emails   *[]string
	Notes    *string
	Aliases  *[]string
	// Dates, when set, replaces every date.
	Dates *[]domain.ImportantDate
	// SetDates sets each of these dates by its label (any case), keeping
	// the other dates.
	SetDates []domain.ImportantDate

	Add    ListItems // added to their lists
	Remove ListItems // taken out of them; an item that is not there is refused
	// AddNote is a line added to the end of the notes.
	AddNote string
}

// ListItems are items of a person's lists, for adding or taking out.
type ListItems struct {
	Tags, Phones, Emails, Aliases []string
	Dates                         []domain.ImportantDate // to add
	DateLabels                    []string               // to take out, by label
}

// PersonEdited is a person before and after a change, and what changed in
// words ("tier close → inner"); none when nothing did.
type PersonEdited struct {
	Before, After domain.Person
	Changes       []string
}

// EditPerson applies e to the person with id.
func (c *Core) EditPerson(ctx context.Context, id string, e PersonEdit) (PersonEdited, error) {
	var out PersonEdited
	after, err := c.store.UpdatePerson(ctx, id, func(p *domain.Person) error {
		out.Before = *p
		out.Before.Tags, out.Before.Phones = slices.Clone(p.Tags), slices.Clone(p.Phones)
		out.Before.Emails, out.Before.Aliases = slices.Clone(p.Emails), slices.Clone(p.Aliases)
		out.Before.ImportantDates = slices.Clone(p.ImportantDates)
		return e.Apply(p)
	})
	if err != nil {
		return PersonEdited{}, err
	}
	out.After = after
	out.Changes = store.PersonChanges(out.Before, out.After)
	return out, nil
}

// Apply makes the change to p, as EditPerson does inside its transaction;
// a face adding someone builds them with it.
func (e PersonEdit) Apply(p *domain.Person) error {
	setIf(&p.Name, e.Name)
	setIf(&p.Tier, e.Tier)
	setIf(&p.Every, e.Every)
	setIf(&p.Birthday, e.Birthday)
	setIf(&p.Tags, e.Tags)
	setIf(&p.Phones, e.Phones)
	setIf(&p.Emails, e.Emails)
	setIf(&p.Notes, e.Notes)
	setIf(&p.Aliases, e.Aliases)
	setIf(&p.ImportantDates, e.Dates)
	for _, d := range e.SetDates {
		p.ImportantDates = slices.DeleteFunc(p.ImportantDates, func(x domain.ImportantDate) bool { return strings.EqualFold(x.Label, d.Label) })
		p.ImportantDates = append(p.ImportantDates, d)
	}
	lists := []struct {
		name      string
		field     *[]string
		add, take []string
	}{
		{"tag", &p.Tags, e.Add.Tags, e.Remove.Tags},
		{"phone", &p.Phones, e.Add.Phones, e.Remove.Phones},
		{"email", &p.Emails, e.Add.Emails, e.Remove.Emails},
		{"alias", &p.Aliases, e.Add.Aliases, e.Remove.Aliases},
	}
	for _, l := range lists {
		*l.field = append(*l.field, l.add...)
		for _, item := range l.take {
			item = strings.TrimSpace(item)
			n := len(*l.field)
			*l.field = slices.DeleteFunc(*l.field, func(x string) bool { return strings.EqualFold(x, item) })
			if len(*l.field) == n {
				return &domain.FieldError{Field: "rm-" + l.name, Err: domain.Errorf(domain.ErrInvalid, "%s has no %s %q", p.Name, l.name, domain.Clip(item))}
			}
		}
	}
	p.ImportantDates = append(p.ImportantDates, e.Add.Dates...)
	for _, label := range e.Remove.DateLabels {
		label = strings.TrimSpace(label)
		n := len(p.ImportantDates)
		p.ImportantDates = slices.DeleteFunc(p.ImportantDates, func(x domain.ImportantDate) bool { return strings.EqualFold(x.Label, label) })
		if len(p.ImportantDates) == n {
			return &domain.FieldError{Field: "rm-date", Err: domain.Errorf(domain.ErrInvalid, "%s has no date labelled %q", p.Name, domain.Clip(label))}
		}
	}
	if note := strings.TrimSpace(e.AddNote); note != "" {
		if strings.TrimSpace(p.Notes) == "" {
			p.Notes = note
		} else {
			p.Notes = strings.TrimRight(p.Notes, "\n") + "\n" + note
		}
	}
	return nil
}

func setIf[T any](field *T, value *T) {
	if value != nil {
		*field = *value
	}
}

// Archive lets the person with id go at now: they are kept, with their
// history and memories, but no longer tended. Someone already archived is
// refused (domain.ErrInvalid, matching domain.ErrArchived too).
func (c *Core) Archive(ctx context.Context, id string, now time.Time) (before, after domain.Person, err error) {
	after, err = c.store.UpdatePerson(ctx, id, func(p *domain.Person) error {
		before = *p
		if p.Archived() {
			return &alreadyArchived{domain.Errorf(domain.ErrInvalid, "%s is already archived", p.Name)}
		}
		p.ArchivedAt = now
		return nil
	})
	return before, after, err
}

// alreadyArchived is an archive refused as invalid, that is also
// domain.ErrArchived so a face can say how to undo it.
type alreadyArchived struct{ error }

func (e *alreadyArchived) Is(target error) bool { return target == domain.ErrArchived }
func (e *alreadyArchived) Unwrap() error        { return e.error }

// Restore brings the archived person with id back to the lists. Someone
// not archived is refused (domain.ErrInvalid).
func (c *Core) Restore(ctx context.Context, id string) (before, after domain.Person, err error) {
	after, err = c.store.UpdatePerson(ctx, id, func(p *domain.Person) error {
		before = *p
		if !p.Archived() {
			return domain.Errorf(domain.ErrInvalid, "%s is not archived", p.Name)
		}
		p.ArchivedAt = time.Time{}
		return nil
	})
	return before, after, err
}

// RemovePerson deletes the person with id, their memories and dates and
// their part in every interaction, for good: undo cannot bring them back.
// It returns them as they were.
func (c *Core) RemovePerson(ctx context.Context, id string) (domain.Person, error) {
	p, err := c.store.Person(ctx, id)
	if err != nil {
		return domain.Person{}, err
	}
	return p, c.store.DeletePerson(ctx, id)
}

// CountArchived counts the archived people: with no one active, it tells
// a tend no one is in yet from one whose people are all archived.
func (c *Core) CountArchived(ctx context.Context) (int, error) {
	return c.store.CountArchived(ctx)
}
