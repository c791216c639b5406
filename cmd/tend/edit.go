package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/words"
)

type editOptions struct {
	name    string
	newName string
	person  personFlags
	json    bool
}

func newEditCmd(a *app, runF func(editOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts editOptions) error { return runEdit(a, opts) }
	}
	var opts editOptions
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
			opts.name = args[0]
			opts.person.noteSet(cmd)
			if len(opts.person.set) == 0 {
				return usageErrorf("nothing to change: give a flag such as --tier or --name (see: tend edit --help)")
			}
			if _, err := opts.person.edit(); err != nil {
				return err
			}
			return runF(opts)
		},
	}
	opts.person.register(cmd, "; replaces the list")
	cmd.Flags().StringVar(&opts.newName, "name", "", "a new name")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runEdit(a *app, opts editOptions) error {
	edit, err := opts.person.edit()
	if err != nil {
		return err
	}
	if opts.person.set["name"] {
		edit.Name = &opts.newName
	}
	c, found, err := a.corePerson(opts.name, domain.PreferActive)
	if err != nil {
		return err
	}
	rules, err := a.Rules()
	if err != nil {
		return err
	}
	edited, err := c.EditPerson(a.ctx(), found.ID, edit)
	if err != nil {
		return editWords(err)
	}
	p := edited.After
	noteArchived(a, p)
	if err := noteAliasesTaken(a, c, p, edited.Before.Aliases); err != nil {
		return err
	}
	if len(edited.Changes) > 0 {
		a.changed("edit", []recordRef{personRef(p.ID)}, exchange.Person(edited.Before), exchange.Person(p))
	}
	if opts.json {
		return a.printJSON(exchange.Person(p))
	}
	what := make([]string, len(edited.Changes))
	for i, c := range edited.Changes {
		what[i] = oneLine(c) // they quote what is stored: an alias, a tag
	}
	if len(what) == 0 {
		what = []string{"nothing changed"}
	}
	_, err = fmt.Fprintf(a.out, "Updated %s (%s, %s): %s.\n", paint(styleName, p.Name), tierText(p.Tier), words.Every(rhythm(rules, p)), strings.Join(what, "; "))
	return err
}
