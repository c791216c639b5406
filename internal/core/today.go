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

// MoreDue counts the people today would suggest at now beyond its limit
// (due, or moved up by a date or a reply they wait for). It reads
// everyone, so it does only when the list was cut.
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

// Resting lists the names of the people due at now whom today leaves in
// peace, for you were in touch in the last quiet days: a day with no one
// to call says so, rather than that no one is due. It reads everyone, so
// a face asks only when today is empty.
func (c *Core) Resting(ctx context.Context, now time.Time) ([]string, error) {
	var resting []cadence.Status
	err := c.store.EachCadenceUnder(ctx, &c.rules, func(p cadence.Person) error {
		if st := c.rules.Assess(p, now); st.Resting() {
			resting = append(resting, st)
		}
		return nil
	})
	cadence.SortByPriority(resting)
	names := make([]string, len(resting))
	for i, st := range resting {
		names[i] = st.Person.Name
	}
	return names, err
}
