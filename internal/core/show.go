package core

import (
	"context"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// Records are one person's memories and timeline: what the person view
// lists beneath where they stand.
type Records struct {
	Memories []domain.Memory      // every memory, open and done
	Timeline []domain.Interaction // every interaction with them, newest first
}

// PersonRecords reads the memories and the timeline of the person with id.
func (c *Core) PersonRecords(ctx context.Context, id string) (Records, error) {
	ms, err := c.store.Memories(ctx, id)
	if err != nil {
		return Records{}, err
	}
	tl, err := c.store.Interactions(ctx, domain.InteractionFilter{Person: id})
	if err != nil {
		return Records{}, err
	}
	return Records{Memories: ms, Timeline: tl}, nil
}

// Shown is everything show says of one person.
type Shown struct {
	Person  domain.Person
	Summary domain.Summary
	Records
	// Status is where they stand at the moment asked, with the reasons
	// they would be suggested.
	Status cadence.Status
	// Noticed are the gentle notes on them (a rhythm far from the one
	// set, that you have been the one reaching out); none for someone
	// archived, which would be advice on a friendship let go.
	Noticed []cadence.Note
	// Hint is the rhythm hint among Noticed, when HasHint.
	Hint    cadence.RhythmHint
	HasHint bool
	// LastNote is what you last talked about, when HasLastNote.
	LastNote    domain.LastNote
	HasLastNote bool
}

// Show finds the person query names (the active first) and reads
// everything show says of them at now.
func (c *Core) Show(ctx context.Context, query string, now time.Time) (Shown, error) {
	p, err := c.store.FindPerson(ctx, query, domain.PreferActive)
	if err != nil {
		return Shown{}, err
	}
	sum, err := c.store.Summary(ctx, p.ID)
	if err != nil {
		return Shown{}, err
	}
	rec, err := c.PersonRecords(ctx, p.ID)
	if err != nil {
		return Shown{}, err
	}
	notes, err := c.store.LastNotes(ctx, []string{p.ID})
	if err != nil {
		return Shown{}, err
	}
	cp := sum.Cadence()
	out := Shown{Person: p, Summary: sum, Records: rec, Status: c.rules.Assess(cp, now)}
	out.LastNote, out.HasLastNote = notes[p.ID]
	if !p.Archived() {
		out.Noticed = c.rules.Notes(cp, now)
	}
	out.Hint, out.HasHint = c.rules.RhythmHint(cp, now)
	return out, nil
}

// History lists interactions by f, newest first; with name, only those
// with the person it names (the active first).
func (c *Core) History(ctx context.Context, name string, f domain.InteractionFilter) ([]domain.Interaction, error) {
	if name != "" {
		p, err := c.store.FindPerson(ctx, name, domain.PreferActive)
		if err != nil {
			return nil, err
		}
		f.Person = p.ID
	}
	return c.store.Interactions(ctx, f)
}

// ShortInteractionIDs are the short ids of interactions that history and
// show print, and unlog and amend accept, by id.
func (c *Core) ShortInteractionIDs(ctx context.Context, list []domain.Interaction) (map[string]string, error) {
	ids := make([]string, len(list))
	for i, in := range list {
		ids[i] = in.ID
	}
	return c.store.ShortIDs(ctx, "interactions", ids)
}

// ShortMemoryIDs are the short ids of memories that show prints, and done
// and forget accept, by id.
func (c *Core) ShortMemoryIDs(ctx context.Context, list []domain.Memory) (map[string]string, error) {
	ids := make([]string, len(list))
	for i, m := range list {
		ids[i] = m.ID
	}
	return c.store.ShortIDs(ctx, "memories", ids)
}

// LastNotes gives, for each of the people whose ids are given, what you
// last talked about; someone with no note is not in the map. Each is a
// lookup of its own: it is meant for the few people a list names.
func (c *Core) LastNotes(ctx context.Context, ids []string) (map[string]domain.LastNote, error) {
	return c.store.LastNotes(ctx, ids)
}

// Candidates are the people a name may be matched against, active ones or
// archived ones, with their aliases: what completion offers.
func (c *Core) Candidates(ctx context.Context, archived bool) ([]domain.Candidate, error) {
	return c.store.Candidates(ctx, archived)
}
