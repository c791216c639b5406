package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/words"
)

// changeJSON is one entry of `tend undo --list --json`, and what `tend
// undo --json` undid.
type changeJSON struct {
	Seq         int64  `json:"seq"`
	At          string `json:"at"`
	Description string `json:"description"`
}

type undoOptions struct {
	list bool
	json bool
}

func newUndoCmd(a *app, runF func(undoOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts undoOptions) error { return runUndo(a, opts) }
	}
	var opts undoOptions
	cmd := &cobra.Command{
		Use:   "undo",
		Short: "Revert the latest change",
		Long: fmt.Sprintf(`Revert the latest change tend made: an add, a log, an edit, a memory, a
done, a snooze, an archive or a restore, an amend, an unlog, a forget, or a
whole import. Run it again to go one further back, through the latest %d
changes. tend undo --list shows them, newest first.

tend rm is final: it cannot be undone, nor can any change before it.`, domain.KeepChanges),
		Example: `  tend log ana --via text      # oops, it was Ben
  tend undo
  tend undo --list`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runF(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.list, "list", false, "list the changes undo can revert, newest first")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runUndo(a *app, opts undoOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	c, err := a.Core()
	if err != nil {
		return err
	}
	if opts.list {
		changes, err := c.Changes(a.ctx())
		if err != nil {
			return err
		}
		if opts.json {
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
	undone, err := c.Undo(a.ctx())
	if err != nil {
		return err
	}
	refs := make([]recordRef, len(undone.Records))
	for i, r := range undone.Records {
		refs[i] = recordRef{Type: r.Type, ID: r.ID}
	}
	a.changed("undo", refs, nil, changeJSONOf(undone))
	if opts.json {
		return a.printJSON(changeJSONOf(undone))
	}
	_, err = fmt.Fprintf(a.out, "Undid: %s (made %s).\n", oneLine(undone.Description), words.When(undone.At, now))
	return err
}

func changeJSONOf(c domain.Change) changeJSON {
	return changeJSON{Seq: c.Seq, At: c.At.UTC().Format("2006-01-02T15:04:05Z"), Description: c.Description}
}
