package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/words"
	"github.com/tend-app/tend/store"
)

// changeJSON is one entry of `tend undo --list --json`, and what `tend
// undo --json` undid.
type changeJSON struct {
	Seq         int64  `json:"seq"`
	At          string `json:"at"`
	Description string `json:"description"`
}

func newUndoCmd(a *app) *cobra.Command {
	var list bool
	cmd := &cobra.Command{
		Use:   "undo",
		Short: "Revert the latest change",
		Long: fmt.Sprintf(`Revert the latest change tend made: an add, a log, an edit, a memory, a
done, a snooze, an archive or a restore, an amend, an unlog, a forget, or a
whole import. Run it again to go one further back, through the latest %d
changes. tend undo --list shows them, newest first.

tend rm is final: it cannot be undone, nor can any change before it.`, store.KeepChanges),
		Example: `  tend log ana --via text      # oops, it was Ben
  tend undo
  tend undo --list`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			now, err := a.Now()
			if err != nil {
				return err
			}
			s, err := a.Store()
			if err != nil {
				return err
			}
			if list {
				changes, err := s.Changes(a.ctx(), 0)
				if err != nil {
					return err
				}
				if a.json {
					out := []changeJSON{}
					for _, c := range changes {
						out = append(out, changeJSONOf(c))
					}
					return a.printJSON(out)
				}
				if len(changes) == 0 {
					_, err := fmt.Fprintln(a.out, "Nothing to undo.")
					return err
				}
				var b strings.Builder
				for i, c := range changes {
					fmt.Fprintf(&b, "%2d. %s  %s\n", i+1, oneLine(c.Description), paint(styleDim, words.When(c.At, now)))
				}
				_, err = fmt.Fprint(a.out, b.String())
				return err
			}
			c, err := s.Undo(a.ctx())
			if err != nil {
				return err
			}
			a.changed("undo", []recordRef{}, nil, changeJSONOf(c))
			if a.json {
				return a.printJSON(changeJSONOf(c))
			}
			_, err = fmt.Fprintf(a.out, "Undid: %s (made %s).\n", oneLine(c.Description), words.When(c.At, now))
			return err
		},
	}
	cmd.Flags().BoolVar(&list, "list", false, "list the changes undo can revert, newest first")
	addJSONFlag(cmd, &a.json)
	return cmd
}

func changeJSONOf(c store.Change) changeJSON {
	return changeJSON{Seq: c.Seq, At: c.At.UTC().Format("2006-01-02T15:04:05Z"), Description: c.Description}
}
