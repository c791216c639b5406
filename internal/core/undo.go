package core

import (
	"context"

	"github.com/tend-app/tend/internal/domain"
)

// Undo reverts the latest change, whichever face made it, and returns it;
// with none left it is domain.ErrNothingToUndo.
func (c *Core) Undo(ctx context.Context) (domain.Change, error) {
	return c.store.Undo(ctx)
}

// Changes are the changes Undo can revert, newest first.
func (c *Core) Changes(ctx context.Context) ([]domain.Change, error) {
	return c.store.Changes(ctx, 0)
}
