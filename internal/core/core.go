// Package core holds tend's use cases: adding and changing people,
// logging, remembering, snoozing, ranking who is due, and the rest. Each
// takes typed input and returns a plain result (the facts and the
// reasons); the faces — the command line in cmd/tend and the full-screen
// view in tui — parse what the user typed, call the core and draw its
// results. The core is the only caller of the store.
//
// Time is given, never read: every use case that needs the moment takes
// it in its input (Now), so the command line's --now and the TUI's tick
// mean the same.
package core

import (
	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/store"
)

// Core runs the use cases on one open store, by one set of rules.
type Core struct {
	store *store.Store
	rules cadence.Rules
}

// New returns the use cases over s, ranking by rules.
func New(s *store.Store, rules cadence.Rules) *Core {
	return &Core{store: s, rules: rules}
}

// Rules are the cadence rules the core ranks by.
func (c *Core) Rules() cadence.Rules { return c.rules }

// Store is the store under the core, for the few places where the program
// is wired together (opening, watching for changes, closing). Use cases
// never hand it to a face.
func (c *Core) Store() *store.Store { return c.store }

// Missing reports that there is no database at the path yet: reads find
// no one, and the first write makes it.
func (c *Core) Missing() bool { return c.store.Missing() }

// Path is the database file's path.
func (c *Core) Path() string { return c.store.Path() }
