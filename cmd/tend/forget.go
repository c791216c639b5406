package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/exchange"
)

func newForgetCmd(a *app) *cobra.Command {
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
			s, err := a.Store()
			if err != nil {
				return err
			}
			m, err := s.DeleteMemory(a.ctx(), args[0])
			if err != nil {
				return err
			}
			a.changed("forget", []recordRef{memoryRef(m.ID), personRef(m.PersonID)}, exchange.Memory(m), nil)
			if a.json {
				return a.printJSON(exchange.Memory(m))
			}
			_, err = fmt.Fprintf(a.out, "Forgot: %s (tend undo brings it back.)\n", oneLine(m.Text))
			return err
		},
	}
	addJSONFlag(cmd, &a.json)
	return cmd
}
