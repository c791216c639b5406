package core

import (
	"cmp"
	"context"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/store"
)

// A Plan is who to talk to on each of the days ahead and who is due but
// must wait, with what was last talked about with those given a day.
type Plan struct {
	cadence.Schedule
	// People is how many active people the plan was made among.
	People int
	// Notes holds the last note of each person given a day, by id (see
	// store.LastNotes); those later may be thousands, and get none.
	Notes map[string]store.LastNote
}

// Plan works out the days from now's on, at most perDay people a day (0
// means the rules' limit). It reads the people one at a time and keeps
// only those the plan can place, as the same plan for the command line,
// the full-screen view and the calendar export.
func (c *Core) Plan(ctx context.Context, now time.Time, days, perDay int) (Plan, error) {
	planner := c.rules.NewPlanner(now, days, cmp.Or(perDay, c.rules.Limit))
	var out Plan
	err := c.store.EachCadenceUnder(ctx, &c.rules, func(p cadence.Person) error {
		planner.Add(p)
		out.People++
		return nil
	})
	if err != nil {
		return Plan{}, err
	}
	out.Schedule = planner.Schedule()
	var ids []string
	for _, d := range out.Days {
		for _, st := range d.People {
			ids = append(ids, st.Person.ID)
		}
	}
	if out.Notes, err = c.store.LastNotes(ctx, ids); err != nil {
		return Plan{}, err
	}
	return out, nil
}
