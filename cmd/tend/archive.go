package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/termtext"
)

type archiveOptions struct {
	name string
	json bool
}

func newArchiveCmd(a *app, runF func(archiveOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts archiveOptions) error { return runArchive(a, opts) }
	}
	var opts archiveOptions
	cmd := &cobra.Command{
		Use:   "archive NAME",
		Short: "Let someone go, keeping everything",
		Long: `Archive someone: they are never suggested again, and their history and
memories are kept. tend restore brings them back.`,
		Example: `  tend archive "old colleague"
  tend list --archived`,
		Args: exactArgs(1, "one NAME"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.name = args[0]
			return runF(opts)
		},
	}
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runArchive(a *app, opts archiveOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	c, found, err := a.corePerson(opts.name, domain.PreferActive)
	if err != nil {
		return err
	}
	before, p, err := c.Archive(a.ctx(), found.ID, now)
	if errors.Is(err, domain.ErrArchived) {
		return usageErrorf("%v (tend restore %s brings them back)", err, quoteArg(opts.name))
	}
	if err != nil {
		return err
	}
	a.changed("archive", []recordRef{personRef(p.ID)}, exchange.Person(before), exchange.Person(p))
	if opts.json {
		return a.printJSON(exchange.Person(p))
	}
	_, err = fmt.Fprintf(a.out, "Archived %s. Everything is kept; tend restore %s brings them back.\n", paint(styleName, p.Name), termtext.Line(quoteArg(p.Name)))
	return err
}
