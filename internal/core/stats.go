package core

import (
	"context"
	"time"

	"github.com/tend-app/tend/cadence"
)

// Stats works out the health of the circles at now: each tier against its
// guideline, the last weeks' activity and who is drifting. It reads the
// ranking's lean input for the active people and only a count of the
// archived ones, whom the figures name apart but never assess, and the
// interactions of the last weeks counted by day, not one by one.
func (c *Core) Stats(ctx context.Context, now time.Time) (cadence.Stats, error) {
	// The weeks' counts and the people are read side by side, on two
	// connections: neither needs the other, and each is half the work.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type counted struct {
		days []cadence.DayCount
		err  error
	}
	weeks := make(chan counted, 1)
	go func() {
		days, err := c.store.DayCounts(ctx, cadence.ActivitySince(now), now)
		weeks <- counted{days, err}
	}()
	// One person at a time, in no particular order: the figures are
	// counts, and the drifting are sorted by tier and name.
	sum := c.rules.NewSummary(now)
	err := c.store.EachCadenceUnder(ctx, &c.rules, func(p cadence.Person) error {
		sum.Add(p)
		return nil
	})
	var archived int
	if err == nil {
		archived, err = c.store.CountArchived(ctx)
	}
	if err != nil {
		cancel()
		<-weeks
		return cadence.Stats{}, err
	}
	w := <-weeks
	if w.err != nil {
		return cadence.Stats{}, w.err
	}
	st := sum.Result(w.days)
	st.Archived += archived
	return st, nil
}
