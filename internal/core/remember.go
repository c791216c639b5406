package core

import (
	"context"
	"time"

	"github.com/tend-app/tend/internal/domain"
)

// MemoryDay is the day a memory comes due when the user names the moment
// t: its calendar day where they are, kept as that date at midnight UTC,
// since a memory is due on a day, not at an hour.
func MemoryDay(t, now time.Time) time.Time {
	y, m, d := t.In(now.Location()).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Remember keeps m for its person and returns it as kept.
func (c *Core) Remember(ctx context.Context, m domain.Memory) (domain.Memory, error) {
	return c.store.AddMemory(ctx, m)
}
