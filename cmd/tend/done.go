package main

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/termtext"
)

// doneOptions name a memory by its id, or by a person and the number tend
// show gives their open memory (nth from 1).
type doneOptions struct {
	id     string
	name   string
	nth    int
	reopen bool
	json   bool
}

func newDoneCmd(a *app, runF func(doneOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts doneOptions) error { return runDone(a, opts) }
	}
	var opts doneOptions
	cmd := &cobra.Command{
		Use:   "done MEMORY-ID | NAME N",
		Short: "Mark a memory as done",
		Long: `Mark a memory as done: by its id (shown by tend show; any unique start of
it will do), or by a person and the number tend show gives their open
memory. --reopen puts a memory done by mistake back, by its id.`,
		Example: `  tend show ana
  tend done ana 1
  tend done 01JD8X4T
  tend done --reopen 01JD8X4T       # it was not done after all`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 && len(args) != 2 {
				return usageErrorf("done takes a MEMORY-ID, or a NAME and the number of their memory in tend show (see: tend done --help)")
			}
			return nil
		},
		ValidArgsFunction: completeOpenMemories(a),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.id = args[0]
				return runF(opts)
			}
			if opts.reopen {
				return usageErrorf("--reopen takes the memory's id (tend show NAME lists done memories with theirs)")
			}
			opts.name = args[0]
			n, err := strconv.Atoi(args[1])
			if err != nil || n < 1 {
				return usageErrorf("%q is not a memory's number (tend show %s numbers them: 1, 2, ...)", clipArg(args[1]), quoteArg(args[0]))
			}
			opts.nth = n
			return runF(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.reopen, "reopen", false, "mark a done memory open again")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runDone(a *app, opts doneOptions) error {
	c, err := a.Core()
	if err != nil {
		return err
	}
	if opts.reopen {
		return runReopen(a, c, opts)
	}
	id := opts.id
	if opts.name != "" {
		m, err := c.NthOpenMemory(a.ctx(), opts.name, opts.nth)
		if err != nil {
			return err
		}
		id = m.ID
	}
	done, err := c.Done(a.ctx(), id)
	if err != nil {
		return err
	}
	m := done.After
	if done.Already {
		// Nothing to do: said so, rather than "Done" a second time.
		if opts.json {
			return a.printJSON(exchange.Memory(m))
		}
		_, err = fmt.Fprintf(a.out, "Already done on %s: %s\n", m.DoneAt.In(a.loc).Format("Mon 2 Jan 2006"), termtext.Text(m.Text))
		return err
	}
	a.changed("done", []recordRef{memoryRef(m.ID), personRef(m.PersonID)}, exchange.Memory(done.Before), exchange.Memory(m))
	if opts.json {
		return a.printJSON(exchange.Memory(m))
	}
	_, err = fmt.Fprintf(a.out, "Done: %s\n", termtext.Text(m.Text))
	return err
}

// runReopen marks the done memory opts names open again.
func runReopen(a *app, c *core.Core, opts doneOptions) error {
	r, err := c.Reopen(a.ctx(), opts.id)
	if err != nil {
		return err
	}
	m := r.After
	if !r.Already {
		a.changed("done", []recordRef{memoryRef(m.ID), personRef(m.PersonID)}, exchange.Memory(r.Before), exchange.Memory(m))
	}
	if opts.json {
		return a.printJSON(exchange.Memory(m))
	}
	if r.Already {
		_, err = fmt.Fprintf(a.out, "Not done yet: %s\n", termtext.Text(m.Text))
		return err
	}
	_, err = fmt.Fprintf(a.out, "Open again: %s\n", termtext.Text(m.Text))
	return err
}
