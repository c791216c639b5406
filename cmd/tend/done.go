package main

import (
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/store"
)

func newDoneCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "done MEMORY-ID | NAME N",
		Short: "Mark a memory as done",
		Long: `Mark a memory as done: by its id (shown by tend show; any unique start of
it will do), or by a person and the number tend show gives their open
memory.`,
		Example: `  tend show ana
  tend done ana 1
  tend done 01JD8X4T`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 && len(args) != 2 {
				return usageErrorf("done takes a MEMORY-ID, or a NAME and the number of their memory in tend show (see: tend done --help)")
			}
			return nil
		},
		ValidArgsFunction: completeOpenMemories(a),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.Store()
			if err != nil {
				return err
			}
			id := args[0]
			if len(args) == 2 {
				if id, err = nthOpenMemory(a, s, args[0], args[1]); err != nil {
					return err
				}
			}
			if m, err := s.Memory(a.ctx(), id); err != nil {
				return err
			} else if m.Done() {
				// Nothing to do: said so, rather than "Done" a second time.
				if a.json {
					return a.printJSON(exchange.Memory(m))
				}
				_, err = fmt.Fprintf(a.out, "Already done on %s: %s\n", m.DoneAt.In(a.loc).Format("Mon 2 Jan 2006"), termtext.Text(m.Text))
				return err
			}
			m, err := s.MarkMemoryDone(a.ctx(), id)
			if err != nil {
				return err
			}
			before := m
			before.DoneAt = time.Time{} // it was open: done refuses a memory already done
			a.changed("done", []recordRef{memoryRef(m.ID), personRef(m.PersonID)}, exchange.Memory(before), exchange.Memory(m))
			if a.json {
				return a.printJSON(exchange.Memory(m))
			}
			_, err = fmt.Fprintf(a.out, "Done: %s\n", termtext.Text(m.Text))
			return err
		},
	}
	addJSONFlag(cmd, &a.json)
	return cmd
}

// nthOpenMemory finds a person's Nth open memory, numbered as tend show
// numbers them, and returns its id.
func nthOpenMemory(a *app, s *store.Store, name, nth string) (string, error) {
	n, err := strconv.Atoi(nth)
	if err != nil || n < 1 {
		return "", usageErrorf("%q is not a memory's number (tend show %s numbers them: 1, 2, ...)", clipArg(nth), quoteArg(name))
	}
	p, err := s.FindPerson(a.ctx(), name, store.PreferActive)
	if err != nil {
		return "", err
	}
	open, err := openMemories(a, s, p.ID)
	if err != nil {
		return "", err
	}
	switch {
	case len(open) == 0:
		return "", usageErrorf("%s has no open memory", p.Name)
	case n > len(open):
		if len(open) == 1 {
			return "", usageErrorf("%s has 1 open memory; there is no number %d", p.Name, n)
		}
		return "", usageErrorf("%s has %d open memories; there is no number %d", p.Name, len(open), n)
	}
	return open[n-1].ID, nil
}

// openMemories are a person's memories not yet done, in the order tend
// show numbers them.
func openMemories(a *app, s *store.Store, personID string) ([]domain.Memory, error) {
	all, err := s.Memories(a.ctx(), personID)
	if err != nil {
		return nil, err
	}
	var open []domain.Memory
	for _, m := range all {
		if !m.Done() {
			open = append(open, m)
		}
	}
	return open, nil
}

// clipArg shortens what the user typed for quoting it back.
func clipArg(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
