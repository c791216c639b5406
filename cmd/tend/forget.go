package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/exchange"
)

type forgetOptions struct {
	id   string
	json bool
}

func newForgetCmd(a *app, runF func(forgetOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts forgetOptions) error { return runForget(a, opts) }
	}
	var opts forgetOptions
	cmd := &cobra.Command{
		Use:   "forget ID",
		Short: "Remove one memory",
		Long: `Remove one memory. The id is shown by tend show; any unique start of it
will do. tend undo brings it back. To change its text or day instead, use
tend remember --edit ID.`,
		Example: `  tend show ana
  tend forget 01M86E`,
		Args: exactArgs(1, "one memory ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.id = args[0]
			return runF(opts)
		},
	}
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runForget(a *app, opts forgetOptions) error {
	c, err := a.Core()
	if err != nil {
		return err
	}
	m, err := c.Forget(a.ctx(), opts.id)
	if err != nil {
		return err
	}
	a.changed("forget", []recordRef{memoryRef(m.ID), personRef(m.PersonID)}, exchange.Memory(m), nil)
	if opts.json {
		return a.printJSON(exchange.Memory(m))
	}
	_, err = fmt.Fprintf(a.out, "Forgot: %s (tend undo brings it back.)\n", oneLine(m.Text))
	return err
}
