package main

import (
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/store"
	"github.com/tend-app/tend/tui"
)

// runTUI opens the TUI on the database. Its clock is --now (or TEND_NOW)
// when one was given, so the TUI shows the same day as every command;
// otherwise the real clock, in the user's time zone. Input is left to
// Bubble Tea, which reads the terminal even when standard input is not one.
func runTUI(a *app) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	rules, err := a.Rules()
	if err != nil {
		return err
	}
	a.quietWait = true
	s, err := a.openStore(store.Create)
	if err != nil {
		return err
	}
	clock := a.clockFunc(now)
	return tui.Run(a.ctx(), tui.Options{
		Core:        core.New(s, rules),
		Now:         clock,
		AfterChange: a.tuiChanged(clock),
		Plain:       a.plain(),
		Output:      a.tty,
		Environ:     a.environ(),
	})
}
