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
	// Kept in chunks, then moved once into their order: a slice grown to
	// ten thousand people, hundreds of bytes each, is copied over and over.
	type key struct {
		ratio float64
		tier  cadence.Tier
		at    int // place in name order, as the store gives them
	}
	const chunk = 256
	var (
		chunks [][]Listed
		keys   []key
	)
	filter := store.PeopleFilter{Archived: in.Archived, Tier: in.Tier, Tag: in.Tag}
	err := c.store.EachSummary(ctx, filter, func(sum *domain.Summary) error {
		st := c.rules.Assess(sum.Cadence(), in.Now)
		if in.Due && !st.Due {
			return nil
		}
		if len(keys)%chunk == 0 {
			chunks = append(chunks, make([]Listed, 0, chunk))
		}
		last := &chunks[len(chunks)-1]
		*last = append(*last, Listed{Person: sum.Person, LastReal: sum.LastReal, DaysSinceReal: st.DaysSinceReal, DueRatio: st.DueRatio, Due: st.Due})
		keys = append(keys, key{st.DueRatio, sum.Tier, len(keys)})
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(keys, func(x, y key) int {
		if c := cadence.CompareDue(x.ratio, x.tier, y.ratio, y.tier); c != 0 {
			return c
		}
		return cmp.Compare(x.at, y.at)
	})
	out := make([]Listed, len(keys))
	for i, k := range keys {
		out[i] = chunks[k.at/chunk][k.at%chunk]
	}
	return out, nil
}
