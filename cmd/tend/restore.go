package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
)

type restoreOptions struct {
	name string
	json bool
}

func newRestoreCmd(a *app, runF func(restoreOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts restoreOptions) error { return runRestorePerson(a, opts) }
	}
	var opts restoreOptions
	cmd := &cobra.Command{
		Use:     "restore NAME",
		Short:   "Bring an archived person back",
		Example: `  tend restore "old colleague"`,
		Args:    exactArgs(1, "one NAME"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.name = args[0]
			return runF(opts)
		},
	}
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runRestorePerson(a *app, opts restoreOptions) error {
	c, found, err := a.corePerson(opts.name, domain.PreferArchived)
	if err != nil {
		return err
	}
	before, p, err := c.Restore(a.ctx(), found.ID)
	if errors.Is(err, domain.ErrNameTaken) {
		// Names are unique among the active: one of the two must be
		// renamed, and the archived one can be named by its id.
		id := found.ID // whole: ids made in one millisecond share their start
		return usageErrorf("someone active is called %s too: rename one first, such as tend edit %s --name %s, then tend restore %s",
			oneLine(found.Name), id, quoteArg(found.Name+" (2)"), id)
	}
	if err != nil {
		return err
	}
	a.changed("restore", []recordRef{personRef(p.ID)}, exchange.Person(before), exchange.Person(p))
	if opts.json {
		return a.printJSON(exchange.Person(p))
	}
	_, err = fmt.Fprintf(a.out, "Restored %s.\n", paint(styleName, p.Name))
	return err
}
