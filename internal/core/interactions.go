package core

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// LogInput is an interaction to log: with the people already chosen (by
// id) and those named (NAME[,NAME...] lists, as tend log takes them).
type LogInput struct {
	People    []string // ids
	Names     []string
	Via       cadence.Channel
	Direction cadence.Direction
	At        time.Time
	Minutes   int
	Note      string
	Missed    bool
}

// Logged is an interaction as kept, and the people named for it, found by
// their names (an archived one is logged with too, and a face says so).
type Logged struct {
	Interaction domain.Interaction
	Named       []domain.Person
}

// Log checks in (domain.CheckContact) before any name is looked up, finds
// the people named, preferring the active, and keeps one interaction with
// all of them, each once.
func (c *Core) Log(ctx context.Context, in LogInput) (Logged, error) {
	if err := domain.CheckContact(in.Via, in.Missed, in.Minutes); err != nil {
		return Logged{}, err
	}
	var out Logged
	if len(in.Names) > 0 {
		named, err := c.store.FindPeople(ctx, in.Names, domain.PreferActive)
		if err != nil {
			return Logged{}, err
		}
		out.Named = named
	}
	ids := slices.Clone(in.People)
	for _, p := range out.Named {
		if !slices.Contains(ids, p.ID) {
			ids = append(ids, p.ID)
		}
	}
	kept, err := c.store.AddInteraction(ctx, domain.Interaction{People: ids, Via: in.Via, Direction: in.Direction,
		At: in.At, Minutes: in.Minutes, Note: in.Note, Missed: in.Missed})
	if err != nil {
		return Logged{}, err
	}
	out.Interaction = kept
	return out, nil
}

// Unlog removes the interaction with id (or a unique start of it), with
// everyone in it, and returns it as it was; undo brings it back.
func (c *Core) Unlog(ctx context.Context, id string) (domain.Interaction, error) {
	return c.store.DeleteInteraction(ctx, id)
}

// Amendment is a correction to one interaction: each field set (not nil)
// replaces its own.
type Amendment struct {
	Via       *cadence.Channel
	Direction *cadence.Direction
	At        *time.Time
	Minutes   *int
	Note      *string
	Missed    *bool // a call that did not connect, or one that did
	// People, when set, are everyone there (NAME[,NAME...] lists),
	// replacing who was; otherwise Without are names taken out, looked for
	// only among the people in it, and With are people added
	// (NAME[,NAME...] lists).
	People        []string
	Without, With []string
}

// Amend corrects the interaction with id (or a unique start of it) and
// returns it as it was and as it is. Taking everyone out is refused
// (domain.ErrNoOneLeft): that is unlogging it.
func (c *Core) Amend(ctx context.Context, id string, a Amendment) (before, after domain.Interaction, err error) {
	if a.Minutes != nil && *a.Minutes < 0 {
		return before, after, &domain.LogError{Problem: domain.NegativeMinutes, Minutes: *a.Minutes}
	}
	var people, with []domain.Person
	if len(a.People) > 0 {
		if people, err = c.store.FindPeople(ctx, a.People, domain.PreferActive); err != nil {
			return before, after, err
		}
	}
	if len(a.With) > 0 {
		if with, err = c.store.FindPeople(ctx, a.With, domain.PreferActive); err != nil {
			return before, after, err
		}
	}
	return c.store.AmendInteraction(ctx, id, func(in *domain.Interaction) error {
		setIf(&in.Via, a.Via)
		setIf(&in.Direction, a.Direction)
		setIf(&in.At, a.At)
		setIf(&in.Minutes, a.Minutes)
		setIf(&in.Note, a.Note)
		setIf(&in.Missed, a.Missed)
		if len(a.People) > 0 {
			in.People = in.People[:0]
			for _, p := range people {
				in.People = append(in.People, p.ID)
			}
			return nil // everyone there, named: nothing to add or take out
		}
		there := make([]domain.Candidate, len(in.People))
		for i, id := range in.People {
			there[i] = domain.Candidate{ID: id}
			if i < len(in.Names) {
				there[i].Name = in.Names[i]
			}
		}
		for _, list := range a.Without {
			for _, name := range strings.Split(list, ",") {
				name = strings.TrimSpace(name)
				if name == "" {
					continue
				}
				found := domain.Match(name, there)
				switch {
				case len(found) == 0:
					return &domain.FieldError{Field: "without", Err: domain.Errorf(domain.ErrNotFound, "no one called %q was in it", domain.Clip(name))}
				case len(found) > 1:
					return &domain.FieldError{Field: "without", Err: domain.Errorf(domain.ErrInvalid, "%q matches %d people in it; be more specific", domain.Clip(name), len(found))}
				}
				in.People = slices.DeleteFunc(in.People, func(id string) bool { return id == found[0].ID })
			}
		}
		for _, p := range with {
			in.People = append(in.People, p.ID)
		}
		if len(in.People) == 0 {
			return domain.ErrNoOneLeft
		}
		return nil
	})
}
