package core

import (
	"context"

	"github.com/tend-app/tend/internal/domain"
)

// FindPerson is the one person a name typed by a user refers to, by the
// matcher's rules (exact, case, accents, alias, a unique start, a clear
// fuzzy match), looking at the people scope says first. None is a
// *domain.NoOneError; several a *domain.AmbiguousError.
func (c *Core) FindPerson(ctx context.Context, query string, scope domain.Scope) (domain.Person, error) {
	return c.store.FindPerson(ctx, query, scope)
}

// FindPeople is the people lists of names refer to, each
// NAME[,NAME...], each person once, in the order named (see
// store.FindPeople for how a name with a comma or several words is read).
func (c *Core) FindPeople(ctx context.Context, lists []string, scope domain.Scope) ([]domain.Person, error) {
	return c.store.FindPeople(ctx, lists, scope)
}

// OthersNamed lists the active people other than the person with the id
// whom name would find were it not their alias (see store.OthersNamed).
func (c *Core) OthersNamed(ctx context.Context, name, id string) ([]string, error) {
	return c.store.OthersNamed(ctx, name, id)
}
