package main

import (
	"fmt"
	"slices"

	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/words"
)

// noteAliasesTaken tells, on stderr, when an alias p was just given is
// what another active person's name answers to: an alias comes before the
// start of a name, so "ben" as Ana's alias means Ana from now on, where it
// meant Ben Okafor.
func noteAliasesTaken(a *app, c *core.Core, p domain.Person, before []string) error {
	for _, alias := range p.Aliases {
		if slices.Contains(before, alias) {
			continue
		}
		others, err := c.OthersNamed(a.ctx(), alias, p.ID)
		if err != nil {
			return err
		}
		if len(others) != 1 {
			continue // no one, or several: the name found no one for sure before
		}
		for i, o := range others {
			others[i] = oneLine(o)
		}
		fmt.Fprintf(a.stderr, "Note: %q found %s until now; as an alias, tend log %s now means %s.\n",
			oneLine(alias), words.And(others), quoteArg(alias), oneLine(p.Name))
	}
	return nil
}
