package core

import (
	"context"
	"strings"
	"time"

	"github.com/tend-app/tend/internal/domain"
)

// MarkedDone is a memory marked done, as it was and as it is. Already
// says it was done before: nothing was written.
type MarkedDone struct {
	Before, After domain.Memory
	Already       bool
}

// Done marks the memory with id (or a unique start of it) done.
func (c *Core) Done(ctx context.Context, id string) (MarkedDone, error) {
	m, err := c.store.Memory(ctx, id)
	if err != nil {
		return MarkedDone{}, err
	}
	if m.Done() {
		return MarkedDone{Before: m, After: m, Already: true}, nil
	}
	after, err := c.store.MarkMemoryDone(ctx, m.ID)
	if err != nil {
		return MarkedDone{}, err
	}
	return MarkedDone{Before: m, After: after}, nil
}

// Reopen marks the done memory with id (or a unique start of it) not done:
// a done by mistake put right. Already says it was open.
func (c *Core) Reopen(ctx context.Context, id string) (MarkedDone, error) {
	m, err := c.store.Memory(ctx, id)
	if err != nil {
		return MarkedDone{}, err
	}
	if !m.Done() {
		return MarkedDone{Before: m, After: m, Already: true}, nil
	}
	after, err := c.store.UpdateMemory(ctx, m.ID, func(m *domain.Memory) error {
		m.DoneAt = time.Time{}
		return nil
	})
	if err != nil {
		return MarkedDone{}, err
	}
	return MarkedDone{Before: m, After: after}, nil
}

// OpenMemories are a person's memories not yet done, in the order the
// faces number them (1, 2, ...).
func (c *Core) OpenMemories(ctx context.Context, personID string) ([]domain.Memory, error) {
	all, err := c.store.Memories(ctx, personID)
	if err != nil {
		return nil, err
	}
	var open []domain.Memory
	for _, m := range all {
		if !m.Done() {
			open = append(open, m)
		}
	}
	return open, nil
}

// NthOpenMemory is the nth (from 1) open memory of the person query names,
// as OpenMemories numbers them. A number they have no memory for is
// refused (domain.ErrInvalid).
func (c *Core) NthOpenMemory(ctx context.Context, query string, n int) (domain.Memory, error) {
	p, err := c.FindPerson(ctx, query, domain.PreferActive)
	if err != nil {
		return domain.Memory{}, err
	}
	open, err := c.OpenMemories(ctx, p.ID)
	if err != nil {
		return domain.Memory{}, err
	}
	switch {
	case len(open) == 0:
		return domain.Memory{}, domain.Errorf(domain.ErrInvalid, "%s has no open memory", p.Name)
	case n < 1 || n > len(open):
		if len(open) == 1 {
			return domain.Memory{}, domain.Errorf(domain.ErrInvalid, "%s has 1 open memory; there is no number %d", p.Name, n)
		}
		return domain.Memory{}, domain.Errorf(domain.ErrInvalid, "%s has %d open memories; there is no number %d", p.Name, len(open), n)
	}
	return open[n-1], nil
}

// Forget removes the memory with id (or a unique start of it) and returns
// it as it was; undo brings it back.
func (c *Core) Forget(ctx context.Context, id string) (domain.Memory, error) {
	return c.store.DeleteMemory(ctx, id)
}

// MemoryEdit is a change to a memory: its text, when not blank, and its
// day, when SetDue (a zero Due for none).
type MemoryEdit struct {
	Text   string
	SetDue bool
	Due    time.Time
}

// EditMemory changes the memory with id (or a unique start of it) and
// returns it as it was and as it is.
func (c *Core) EditMemory(ctx context.Context, id string, e MemoryEdit) (before, after domain.Memory, err error) {
	after, err = c.store.UpdateMemory(ctx, id, func(m *domain.Memory) error {
		before = *m
		if strings.TrimSpace(e.Text) != "" {
			m.Text = e.Text
		}
		if e.SetDue {
			m.Due = e.Due
		}
		return nil
	})
	return before, after, err
}
