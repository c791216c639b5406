package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/words"
	"github.com/tend-app/tend/store"
)

func newEditCmd(a *app) *cobra.Command {
	var (
		flags   personFlags
		newName string
	)
	cmd := &cobra.Command{
		Use:   "edit NAME",
		Short: "Change someone's details",
		Long: `Change someone's details. Only the flags you give change, and tend says
what changed. A list flag (--tag, --phone, --email, --alias) replaces the
whole list; --add-tag and --rm-tag (and -phone, -email, -alias, -date)
change one item and keep the rest. --date LABEL=DATE sets that one date
and keeps the others. --add-note adds a line to the notes.`,
		Example: `  tend edit ana --tier inner
  tend edit ana --every 14d --tag family --tag school
  tend edit ana --birthday ""             # forget the birthday
  tend edit "ana l" --name "Ana Lima-Souza"
  tend edit ana --add-tag school --rm-phone "+44 7700 900123"
  tend edit mum --add-alias mama --date anniversary=1985-06-01
  tend edit ana --add-note "moved to Porto"`,
		Args: exactArgs(1, "one NAME"),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.Store()
			if err != nil {
				return err
			}
			found, err := s.FindPerson(a.ctx(), args[0], store.PreferActive)
			if err != nil {
				return err
			}
			changed := false
			cmd.Flags().Visit(func(f *pflag.Flag) {
				if f.Name != "json" && cmd.InheritedFlags().Lookup(f.Name) == nil {
					changed = true
				}
			})
			if !changed {
				return usageErrorf("nothing to change: give a flag such as --tier or --name (see: tend edit --help)")
			}
			rules, err := a.Rules()
			if err != nil {
				return err
			}
			p, err := s.UpdatePerson(a.ctx(), found.ID, func(p *domain.Person) error {
				if cmd.Flags().Changed("name") {
					p.Name = newName
				}
				return flags.apply(cmd, p)
			})
			if err != nil {
				return err
			}
			noteArchived(a, p)
			a.changed("edit", []recordRef{personRef(p.ID)}, exchange.Person(found), exchange.Person(p))
			if a.json {
				return a.printJSON(exchange.Person(p))
			}
			what := store.PersonChanges(found, p)
			if len(what) == 0 {
				what = []string{"nothing changed"}
			}
			_, err = fmt.Fprintf(a.out, "Updated %s (%s, %s): %s.\n", paint(styleName, p.Name), tierText(p.Tier), words.Every(rhythm(rules, p)), strings.Join(what, "; "))
			return err
		},
	}
	flags.register(cmd, "; replaces the list")
	cmd.Flags().StringVar(&newName, "name", "", "a new name")
	addJSONFlag(cmd, &a.json)
	return cmd
}
