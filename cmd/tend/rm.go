package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
)

type rmOptions struct {
	name string
	yes  bool
	json bool
}

func newRmCmd(a *app, runF func(rmOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts rmOptions) error { return runRm(a, opts) }
	}
	var opts rmOptions
	cmd := &cobra.Command{
		Use:   "rm NAME --yes",
		Short: "Delete someone and their history for good",
		Long: `Delete a person, their memories and dates, and their part in every
interaction, for good. This is the only command that deletes, and tend undo
cannot bring them back, nor undo any change made before it. To let
someone go and keep the history, use tend archive.`,
		Example: `  tend rm "Test Person" --yes`,
		Args:    exactArgs(1, "one NAME"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.name = args[0]
			if !opts.yes {
				return usageErrorf("rm deletes for good; add --yes to confirm (or use tend archive)")
			}
			return runF(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.yes, "yes", false, "confirm the deletion")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runRm(a *app, opts rmOptions) error {
	c, found, err := a.corePerson(opts.name, domain.PreferActive)
	if err != nil {
		return err
	}
	p, err := c.RemovePerson(a.ctx(), found.ID)
	if err != nil {
		return err
	}
	a.changed("rm", []recordRef{personRef(p.ID)}, exchange.Person(p), nil)
	if opts.json {
		return a.printJSON(map[string]any{"id": p.ID, "name": p.Name, "deleted": true})
	}
	_, err = fmt.Fprintf(a.out, "Deleted %s for good; tend undo cannot bring them back.\n", paint(styleName, p.Name))
	return err
}
