package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/store"
)

func newArchiveCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "archive NAME",
		Short: "Let someone go, keeping everything",
		Long: `Archive someone: they are never suggested again, and their history and
memories are kept. tend restore brings them back.`,
		Example: `  tend archive "old colleague"
  tend list --archived`,
		Args: exactArgs(1, "one NAME"),
		RunE: func(cmd *cobra.Command, args []string) error {
			now, err := a.Now()
			if err != nil {
				return err
			}
			s, err := a.Store()
			if err != nil {
				return err
			}
			found, err := s.FindPerson(a.ctx(), args[0], store.PreferActive)
			if err != nil {
				return err
			}
			if found.Archived() {
				return usageErrorf("%s is already archived (tend restore %s brings them back)", oneLine(found.Name), quoteArg(args[0]))
			}
			p, err := s.UpdatePerson(a.ctx(), found.ID, func(p *domain.Person) error {
				p.ArchivedAt = now
				return nil
			})
			if err != nil {
				return err
			}
			a.changed("archive", []recordRef{personRef(p.ID)}, exchange.Person(found), exchange.Person(p))
			if a.json {
				return a.printJSON(exchange.Person(p))
			}
			_, err = fmt.Fprintf(a.out, "Archived %s. Everything is kept; tend restore %s brings them back.\n", paint(styleName, p.Name), termtext.Line(quoteArg(p.Name)))
			return err
		},
	}
	addJSONFlag(cmd, &a.json)
	return cmd
}
