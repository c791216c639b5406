package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/words"
)

type addOptions struct {
	name   string
	person personFlags
	json   bool
}

func newAddCmd(a *app, runF func(addOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts addOptions) error { return runAdd(a, opts) }
	}
	var opts addOptions
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
			opts.name = args[0]
			opts.person.noteSet(cmd)
			if _, err := opts.person.edit(); err != nil {
				return err
			}
			return runF(opts)
		},
	}
	opts.person.register(cmd, "")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runAdd(a *app, opts addOptions) error {
	edit, err := opts.person.edit()
	if err != nil {
		return err
	}
	p := domain.Person{Name: opts.name}
	if err := edit.Apply(&p); err != nil {
		return editWords(err)
	}
	rules, err := a.Rules()
	if err != nil {
		return err
	}
	c, err := a.Core()
	if err != nil {
		return err
	}
	p, err = c.AddPerson(a.ctx(), p)
	if err != nil {
		return err
	}
	a.changed("add", []recordRef{personRef(p.ID)}, nil, exchange.Person(p))
	if err := noteAliasesTaken(a, c, p, nil); err != nil {
		return err
	}
	if opts.json {
		return a.printJSON(exchange.Person(p))
	}
	_, err = fmt.Fprintf(a.out, "Added %s (%s, %s).\n", paint(styleName, p.Name), tierText(p.Tier), words.Every(rhythm(rules, p)))
	return err
}
