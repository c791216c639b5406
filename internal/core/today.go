package core

import (
	"cmp"
	"context"
	"time"

	"github.com/tend-app/tend/cadence"
)

// Today is who to talk to today, most pressing first, at most the limit.
type Today struct {
	Suggestions []cadence.Status
	// Ranked is how many people the ranking read before it could stop; 0
	// when there is no one yet, which a face says differently from no one
	// being due.
	Ranked int
	// Cut says others may be due beyond the limit: the limit left someone
	// out, or the list is full (MoreDue counts them).
	Cut bool
}

// Today ranks the active people at now and keeps the first limit of them
// (0 means the rules' limit). The store gives them in order of how
// pressing they could be and stops once no one left could make the list:
// with thousands of people, today reads the history of a few dozen.
func (c *Core) Today(ctx context.Context, now time.Time, limit int) (Today, error) {
	limit = cmp.Or(limit, c.rules.Limit)
	rank := c.rules.NewRanking(now, limit)
	n, err := c.store.RankByOverdue(ctx, now, rank)
	if err != nil {
		return Today{}, err
	}
	// A full list may have left someone out whom the store never gave:
	// it stops once no one left could rank above the last one kept, and
	// those below may be due too.
	res := rank.Result()
	return Today{Suggestions: res, Ranked: n, Cut: rank.Cut() || len(res) >= limit}, nil
}

// MoreDue counts the people due at now beyond those today suggests. It
// reads everyone, so it does only when the list was cut.
func (c *Core) MoreDue(ctx context.Context, now time.Time, today Today) (int, error) {
	if !today.Cut {
		return 0, nil
	}
	more := -len(today.Suggestions)
	err := c.store.EachCadenceUnder(ctx, &c.rules, func(p cadence.Person) error {
		if c.rules.Suggested(p, now) {
			more++
		}
		return nil
	})
	return max(more, 0), err
}
