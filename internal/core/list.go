package core

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// ListInput says whom List lists, and when.
type ListInput struct {
	Now      time.Time
	Tier     cadence.Tier // only this tier, when set
	Tag      string       // only people with this tag (any case), when set
	Archived bool         // archived people instead of active ones
	Due      bool         // only those due at Now
}

// Listed is a person with where they stand at the moment of the listing.
type Listed struct {
	Person        domain.Person
	LastReal      cadence.Contact // their last real conversation; zero if none
	DaysSinceReal int
	DueRatio      float64
	Due           bool
}

// List returns the people in selects, most due first (ties by tier, then
// by name). Each is assessed as the store gives them and only where they
// stand is kept: their recent history is not held for thousands at once.
func (c *Core) List(ctx context.Context, in ListInput) ([]Listed, error) {
	type key struct {
		ratio float64
		tier  cadence.Tier
		at    int // place in name order, as the store gives them
	}
	var (
		out  []Listed
		keys []key
	)
	filter := store.PeopleFilter{Archived: in.Archived, Tier: in.Tier, Tag: in.Tag}
	err := c.store.EachSummary(ctx, filter, func(sum *domain.Summary, total int) error {
		if out == nil {
			out, keys = make([]Listed, 0, total), make([]key, 0, total)
		}
		st := c.rules.Assess(sum.Cadence(), in.Now)
		if in.Due && !st.Due {
			return nil
		}
		keys = append(keys, key{st.DueRatio, sum.Tier, len(out)})
		out = append(out, Listed{Person: sum.Person, LastReal: sum.LastReal, DaysSinceReal: st.DaysSinceReal, DueRatio: st.DueRatio, Due: st.Due})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if out == nil {
		return []Listed{}, nil
	}
	slices.SortFunc(keys, func(x, y key) int {
		if c := cadence.CompareDue(x.ratio, x.tier, y.ratio, y.tier); c != 0 {
			return c
		}
		return cmp.Compare(x.at, y.at)
	})
	// The people are put in their order where they are, each moved once,
	// following each cycle of the order: a sorted copy of ten thousand,
	// hundreds of bytes each, was a tenth of the time in fresh memory.
	for i := range keys {
		if keys[i].at < 0 {
			continue // already in place
		}
		first := out[i]
		j := i
		for {
			from := keys[j].at
			keys[j].at = -1
			if from == i {
				out[j] = first
				break
			}
			out[j] = out[from]
			j = from
		}
	}
	return out, nil
}
