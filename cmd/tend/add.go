package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/words"
)

func newAddCmd(a *app) *cobra.Command {
	var flags personFlags
	cmd := &cobra.Command{
		Use:   "add NAME",
		Short: "Add someone to tend",
		Long: `Add someone to tend. Their cadence clock starts today: until you log a real
conversation, the day they were added counts as the last one.`,
		Example: `  tend add "Ana Lima" --tier close --birthday 04-15
  tend add Ben --tier inner --every 10d --tag family --phone "+44 7700 900123"
  tend add "Chloé" --date anniversary=2015-06-01`,
		Args: exactArgs(1, "one NAME (quote names with spaces)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := domain.Person{Name: args[0]}
			if err := flags.apply(cmd, &p); err != nil {
				return err
			}
			rules, err := a.Rules()
			if err != nil {
				return err
			}
			s, err := a.Store()
			if err != nil {
				return err
			}
			p, err = s.AddPerson(a.ctx(), p)
			if err != nil {
				return err
			}
			a.changed("add", []recordRef{personRef(p.ID)}, nil, exchange.Person(p))
			if a.json {
				return a.printJSON(exchange.Person(p))
			}
			_, err = fmt.Fprintf(a.out, "Added %s (%s, %s).\n", paint(styleName, p.Name), tierText(p.Tier), words.Every(rhythm(rules, p)))
			return err
		},
	}
	flags.register(cmd, "")
	addJSONFlag(cmd, &a.json)
	return cmd
}
