package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/store"
)

func newRmCmd(a *app) *cobra.Command {
	var yes bool
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
			if !yes {
				return usageErrorf("rm deletes for good; add --yes to confirm (or use tend archive)")
			}
			s, err := a.Store()
			if err != nil {
				return err
			}
			p, err := s.FindPerson(a.ctx(), args[0], store.PreferActive)
			if err != nil {
				return err
			}
			if err := s.DeletePerson(a.ctx(), p.ID); err != nil {
				return err
			}
			a.changed("rm", []recordRef{personRef(p.ID)}, exchange.Person(p), nil)
			if a.json {
				return a.printJSON(map[string]any{"id": p.ID, "name": p.Name, "deleted": true})
			}
			_, err = fmt.Fprintf(a.out, "Deleted %s for good; tend undo cannot bring them back.\n", paint(styleName, p.Name))
			return err
		},
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "confirm the deletion")
	addJSONFlag(cmd, &a.json)
	return cmd
}
