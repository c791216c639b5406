package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/exchange"
)

func newDoneCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "done MEMORY-ID",
		Short: "Mark a memory as done",
		Long:  "Mark a memory as done. The id is shown by tend show; any unique start of it will do.",
		Example: `  tend show ana
  tend done 01JD8X4T`,
		Args: exactArgs(1, "one MEMORY-ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.Store()
			if err != nil {
				return err
			}
			m, err := s.MarkMemoryDone(a.ctx(), args[0])
			if err != nil {
				return err
			}
			before := m
			before.DoneAt = time.Time{} // it was open: done refuses a memory already done
			a.changed("done", []recordRef{memoryRef(m.ID), personRef(m.PersonID)}, exchange.Memory(before), exchange.Memory(m))
			if a.json {
				return a.printJSON(exchange.Memory(m))
			}
			_, err = fmt.Fprintf(a.out, "Done: %s\n", m.Text)
			return err
		},
	}
	addJSONFlag(a, cmd)
	return cmd
}
