package core

import (
	"context"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// DueMemories lists the open memories of active people due on or before
// the day through (only its date counts), oldest due first.
func (c *Core) DueMemories(ctx context.Context, through time.Time) ([]domain.DueMemory, error) {
	return c.store.DueMemories(ctx, through)
}

// DayMemory is a memory that has come due, and whether you have been in
// touch with its person since it did: it may be settled.
type DayMemory struct {
	domain.DueMemory
	Answered bool
}

// Day is what the day holds beside the suggestions: the memories that
// have come due and the birthdays and dates of the week.
type Day struct {
	Memories []DayMemory
	Dates    []cadence.SoonDate
}

// TheDay reads what the day at now holds. Whether a memory was answered
// is worked out for the first answered of them only (a face shows a
// morning's reading, not them all); 0 means none.
func (c *Core) TheDay(ctx context.Context, now time.Time, answered int) (Day, error) {
	due, err := c.store.DueMemories(ctx, now)
	if err != nil {
		return Day{}, err
	}
	out := Day{Memories: make([]DayMemory, len(due))}
	// Each person is read once, however many of their memories are due.
	people := map[string]cadence.Person{}
	for i, m := range due {
		out.Memories[i].DueMemory = m
		if i >= answered {
			continue
		}
		p, ok := people[m.PersonID]
		if !ok {
			sum, err := c.store.Summary(ctx, m.PersonID)
			if err != nil {
				return Day{}, err
			}
			p = sum.Cadence()
			people[m.PersonID] = p
		}
		out.Memories[i].Answered = cadence.MemoryAnswered(p, cadence.Reminder{Text: m.Text, Due: m.Due}, now)
	}
	if out.Dates, err = c.store.DatesAhead(ctx, now, cadence.WeekDays); err != nil {
		return Day{}, err
	}
	return out, nil
}

// Lists are everyone, as the lists of the full-screen view show them.
type Lists struct {
	Active   []domain.Summary
	Archived []domain.Summary
}

// Lists reads everyone, active and archived. The memories that have come
// due are TheDay's.
func (c *Core) Lists(ctx context.Context) (Lists, error) {
	var (
		out Lists
		err error
	)
	if out.Active, err = c.store.Summaries(ctx, store.PeopleFilter{}); err != nil {
		return Lists{}, err
	}
	if out.Archived, err = c.store.Summaries(ctx, store.PeopleFilter{Archived: true}); err != nil {
		return Lists{}, err
	}
	return out, nil
}

// Watcher tells whether the data has changed since it last looked,
// whoever changed it: this process or another tend.
type Watcher struct{ w *store.Watcher }

// Watch returns a Watcher; Close it when done.
func (c *Core) Watch(ctx context.Context) (*Watcher, error) {
	w, err := c.store.Watch(ctx)
	if err != nil {
		return nil, err
	}
	return &Watcher{w: w}, nil
}

// Changed reports whether anything was written since the last call: one
// cheap query, fit for polling every second. It is an error, in plain
// words, when the database file was replaced or removed.
func (w *Watcher) Changed(ctx context.Context) (bool, error) { return w.w.Changed(ctx) }

// Close releases what the Watcher holds.
func (w *Watcher) Close() error { return w.w.Close() }
