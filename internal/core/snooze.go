package core

import (
	"context"
	"time"

	"github.com/tend-app/tend/internal/domain"
)

// SnoozeDays is when a snooze of n days from now ends: the start of the
// nth day after today, in now's zone, so that someone snoozed for a week
// on a Tuesday evening is back on Tuesday morning.
func SnoozeDays(now time.Time, n int) time.Time {
	y, m, d := now.Date()
	return time.Date(y, m, d+n, 0, 0, 0, 0, now.Location())
}

// Snooze leaves the person with id out of today's list until until, or
// brings them back when until is zero. An until not after now is refused
// (domain.ErrInvalid), and so is someone archived (domain.ErrArchived):
// they are not in the lists to be left out of. It returns the person as
// they were and as they are.
func (c *Core) Snooze(ctx context.Context, id string, until, now time.Time) (before, after domain.Person, err error) {
	if !until.IsZero() && !until.After(now) {
		return before, after, domain.Errorf(domain.ErrInvalid, "%s is not in the future", until.In(now.Location()).Format("Mon 2 Jan 2006"))
	}
	if before, err = c.store.Person(ctx, id); err != nil {
		return before, after, err
	}
	if before.Archived() {
		return before, after, domain.Errorf(domain.ErrArchived, "%s is archived", domain.OneName(before.Name))
	}
	after, err = c.store.UpdatePerson(ctx, id, func(p *domain.Person) error {
		p.SnoozedUntil = until
		return nil
	})
	return before, after, err
}
