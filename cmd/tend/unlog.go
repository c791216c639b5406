package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/words"
)

func newUnlogCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "unlog ID",
		Short: "Remove one interaction",
		Long: `Remove one interaction, with everyone in it. The id is shown by tend
history and tend show; any unique start of it will do. tend undo brings it
back.`,
		Example: `  tend history ana --limit 3
  tend unlog 01M86E`,
		Args: exactArgs(1, "one interaction ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			now, err := a.Now()
			if err != nil {
				return err
			}
			s, err := a.Store()
			if err != nil {
				return err
			}
			in, err := s.DeleteInteraction(a.ctx(), args[0])
			if err != nil {
				return err
			}
			a.changed("unlog", interactionRefs(in), interactionJSON(in), nil)
			if a.json {
				return a.printJSON(interactionJSON(in))
			}
			_, err = fmt.Fprintf(a.out, "Removed %s %s %s, %s. (tend undo brings it back.)\n",
				words.Channel(in.Via), withWord(in.Direction), joinNames(in.Names), datedWords(in.At, now))
			return err
		},
	}
	addJSONFlag(cmd, &a.json)
	return cmd
}

// withWord is "from" for what they started, "with" for the rest.
func withWord(d cadence.Direction) string {
	if d == cadence.In {
		return "from"
	}
	return "with"
}
