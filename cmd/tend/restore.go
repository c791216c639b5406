package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/store"
)

func newRestoreCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "restore NAME",
		Short:   "Bring an archived person back",
		Example: `  tend restore "old colleague"`,
		Args:    exactArgs(1, "one NAME"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.Store()
			if err != nil {
				return err
			}
			found, err := s.FindPerson(a.ctx(), args[0], store.PreferArchived)
			if err != nil {
				return err
			}
			if !found.Archived() {
				return usageErrorf("%s is not archived", found.Name)
			}
			p, err := s.UpdatePerson(a.ctx(), found.ID, func(p *domain.Person) error {
				p.ArchivedAt = time.Time{}
				return nil
			})
			if err != nil {
				return err
			}
			a.changed("restore", []recordRef{personRef(p.ID)}, exchange.Person(found), exchange.Person(p))
			if a.json {
				return a.printJSON(exchange.Person(p))
			}
			_, err = fmt.Fprintf(a.out, "Restored %s.\n", paint(styleName, p.Name))
			return err
		},
	}
	addJSONFlag(cmd, &a.json)
	return cmd
}
