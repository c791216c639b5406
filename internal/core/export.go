package core

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/words"
	"github.com/tend-app/tend/store"
)

// Export formats.
const (
	ExportJSON  = "json"  // everything, in the interchange format import json reads back
	ExportVCard = "vcard" // active people, as vCard 3.0
	ExportCSV   = "csv"   // active people, one row each, with where they stand
	ExportICS   = "ics"   // birthdays, dates and due memories, and the plan's calls when asked
)

// Export says what to write.
type Export struct {
	Format string // one of the Export formats
	Now    time.Time
	// Plan adds the calls the plan suggests for the coming week (ics).
	Plan bool
}

// Exported counts what an export wrote.
type Exported struct{ People, Interactions, Memories, Events int }

// Export writes tend's data to w in the format asked. JSON streams: a
// record at a time, never the whole history in memory.
func (c *Core) Export(ctx context.Context, w io.Writer, e Export) (Exported, error) {
	var n Exported
	switch e.Format {
	case ExportJSON:
		return n, c.exportJSON(ctx, w, e.Now, &n)
	case ExportVCard:
		people, err := c.store.People(ctx, store.PeopleFilter{})
		if err != nil {
			return n, err
		}
		n.People = len(people)
		return n, exchange.WriteVCard(w, people)
	case ExportCSV:
		sums, err := c.store.Summaries(ctx, store.PeopleFilter{})
		if err != nil {
			return n, err
		}
		n.People = len(sums)
		return n, exchange.WriteCSV(w, sums, c.rules, e.Now)
	case ExportICS:
		people, err := c.store.People(ctx, store.PeopleFilter{})
		if err != nil {
			return n, err
		}
		var memories []domain.Memory
		err = c.store.EachMemory(ctx, func(m domain.Memory) error {
			memories = append(memories, m)
			return nil
		})
		if err != nil {
			return n, err
		}
		var calls []exchange.Call
		if e.Plan {
			if calls, err = c.planCalls(ctx, e.Now); err != nil {
				return n, err
			}
		}
		n.Events, err = exchange.WriteICSPlan(w, people, memories, calls, e.Now)
		return n, err
	}
	return n, fmt.Errorf("no export format %q", e.Format)
}

// planCalls are the calls the plan suggests for the coming week, each
// with its reasons in the words tend today uses: a calendar shows text.
func (c *Core) planCalls(ctx context.Context, now time.Time) ([]exchange.Call, error) {
	plan, err := c.Plan(ctx, now, 7, 0)
	if err != nil {
		return nil, err
	}
	var calls []exchange.Call
	for _, d := range plan.Days {
		for _, st := range d.People {
			calls = append(calls, exchange.Call{PersonID: st.Person.ID, Name: st.Person.Name, Day: d.Date, Reasons: words.Reasons(st.Reasons)})
		}
	}
	return calls, nil
}

// exportJSON streams the interchange document: everyone (archived too),
// then every interaction and memory, one at a time.
func (c *Core) exportJSON(ctx context.Context, w io.Writer, now time.Time, n *Exported) error {
	people, err := c.store.AllPeople(ctx)
	if err != nil {
		return err
	}
	jw := exchange.NewJSONWriter(w, now)
	for _, p := range people {
		if err := jw.Person(exchange.Person(p)); err != nil {
			return err
		}
	}
	n.People = len(people)
	err = c.store.EachInteraction(ctx, func(in domain.Interaction) error {
		n.Interactions++
		return jw.Interaction(exchange.Interaction(in))
	})
	if err != nil {
		return err
	}
	err = c.store.EachMemory(ctx, func(m domain.Memory) error {
		n.Memories++
		return jw.Memory(exchange.Memory(m))
	})
	if err != nil {
		return err
	}
	return jw.Close()
}

// ActivePeople are the people not archived, for a folder of cards kept in
// step with them.
func (c *Core) ActivePeople(ctx context.Context) ([]domain.Person, error) {
	return c.store.People(ctx, store.PeopleFilter{})
}
