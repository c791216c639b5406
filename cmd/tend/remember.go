package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
	"github.com/tend-app/tend/store"
)

func newRememberCmd(a *app) *cobra.Command {
	var on, edit string
	cmd := &cobra.Command{
		Use:   "remember NAME TEXT... | --edit ID [TEXT...] [--on WHEN]",
		Short: "Remember something they told you",
		Long: `Remember something a person told you, to bring it back when it matters.
With --on, it moves them up in today's list from that day until you mark it
done (tend done NAME N, or tend done ID; both are in tend show).

With --edit ID, change a memory instead: its text (when given) and its day
(--on WHEN, or --on "" for none). tend forget ID removes one.`,
		Example: `  tend remember ana "exam on Friday" --on friday
  tend remember ben started a new job at the bakery
  tend remember ana "ask about the move" --on 2w
  tend remember --edit 01M86E "exam moved to Monday" --on monday
  tend remember --edit 01M86E --on ""       # no day`,
		Args: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("edit") {
				if len(args) == 0 && !cmd.Flags().Changed("on") {
					return usageErrorf("nothing to change: give the new TEXT or --on WHEN (see: tend remember --help)")
				}
				return nil
			}
			if len(args) < 2 {
				return usageErrorf("remember takes a NAME and the TEXT to remember, such as: tend remember ana \"exam on Friday\"")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			now, err := a.Now()
			if err != nil {
				return err
			}
			var due time.Time
			if cmd.Flags().Changed("on") {
				mo, err := ahead("on", on, now)
				if err != nil {
					return err
				}
				due = core.MemoryDay(mo.Time, now)
			}
			if cmd.Flags().Changed("edit") {
				return runEditMemory(a, edit, strings.Join(args, " "), cmd.Flags().Changed("on"), due)
			}
			m := domain.Memory{Text: strings.Join(args[1:], " "), Due: due}
			c, err := a.Core()
			if err != nil {
				return err
			}
			p, err := c.Store().FindPerson(a.ctx(), args[0], store.PreferActive)
			if err != nil {
				return err
			}
			m.PersonID = p.ID
			if m, err = c.Remember(a.ctx(), m); err != nil {
				return err
			}
			noteArchived(a, p)
			a.changed("remember", []recordRef{memoryRef(m.ID), personRef(m.PersonID)}, nil, exchange.Memory(m))
			if a.json {
				return a.printJSON(exchange.Memory(m))
			}
			_, err = fmt.Fprintf(a.out, "%s  %s\n", words.Remembered(paint(styleName, p.Name), termtext.Text(m.Text), m.Due), paint(styleDim, m.ID))
			return err
		},
	}
	cmd.Flags().StringVar(&on, "on", "", "bring it back on WHEN (friday, 3d, 2026-12-01, ...)")
	cmd.Flags().StringVar(&edit, "edit", "", "change the memory with this ID (or a unique start of it) instead")
	addJSONFlag(cmd, &a.json)
	return cmd
}

// runEditMemory changes a memory's text (when text is not empty) and its
// day (when setDue).
func runEditMemory(a *app, id, text string, setDue bool, due time.Time) error {
	s, err := a.Store()
	if err != nil {
		return err
	}
	var before domain.Memory
	m, err := s.UpdateMemory(a.ctx(), id, func(m *domain.Memory) error {
		before = *m
		if strings.TrimSpace(text) != "" {
			m.Text = text
		}
		if setDue {
			m.Due = due
		}
		return nil
	})
	if err != nil {
		return err
	}
	a.changed("remember", []recordRef{memoryRef(m.ID), personRef(m.PersonID)}, exchange.Memory(before), exchange.Memory(m))
	if a.json {
		return a.printJSON(exchange.Memory(m))
	}
	day := ", with no day"
	if !m.Due.IsZero() {
		day = ", for " + m.Due.Format("Mon 2 Jan 2006")
	}
	_, err = fmt.Fprintf(a.out, "Changed the memory%s: %s\n", day, m.Text)
	return err
}
