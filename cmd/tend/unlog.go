package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/words"
)

type unlogOptions struct {
	id   string
	json bool
}

func newUnlogCmd(a *app, runF func(unlogOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts unlogOptions) error { return runUnlog(a, opts) }
	}
	var opts unlogOptions
	cmd := &cobra.Command{
		Use:   "unlog ID",
		Short: "Remove one interaction",
		Long: `Remove one interaction, with everyone in it. The id is shown by tend
history and tend show; any unique start of it will do. tend undo brings it
back.`,
		Example: `  tend history ana --limit 3
  tend unlog 01M86E`,
		Args: exactArgs(1, "one interaction ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.id = args[0]
			return runF(opts)
		},
	}
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runUnlog(a *app, opts unlogOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	c, err := a.Core()
	if err != nil {
		return err
	}
	in, err := c.Unlog(a.ctx(), opts.id)
	if err != nil {
		return err
	}
	a.changed("unlog", interactionRefs(in), interactionJSON(in), nil)
	if opts.json {
		return a.printJSON(interactionJSON(in))
	}
	_, err = fmt.Fprintf(a.out, "Removed %s %s, %s. (tend undo brings it back.)\n",
		words.ContactOf(in), joinNames(in.Names), datedWords(in.At, now))
	return err
}
