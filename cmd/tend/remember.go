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
)

// rememberOptions are a memory to keep for name, or, when editing, the
// change to the memory with the id edit.
type rememberOptions struct {
	name    string
	text    string
	on      string
	onSet   bool // --on was given, perhaps as "" (no day)
	edit    string
	editing bool
	json    bool
}

func newRememberCmd(a *app, runF func(rememberOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts rememberOptions) error { return runRemember(a, opts) }
	}
	var opts rememberOptions
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
			opts.onSet, opts.editing = cmd.Flags().Changed("on"), cmd.Flags().Changed("edit")
			if opts.editing {
				opts.text = strings.Join(args, " ")
			} else {
				opts.name, opts.text = args[0], strings.Join(args[1:], " ")
			}
			return runF(opts)
		},
	}
	cmd.Flags().StringVar(&opts.on, "on", "", "bring it back on WHEN (friday, 3d, 2026-12-01, ...)")
	cmd.Flags().StringVar(&opts.edit, "edit", "", "change the memory with this ID (or a unique start of it) instead")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runRemember(a *app, opts rememberOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	var due time.Time // zero: no day (remember --edit ID --on "" takes it away)
	if opts.onSet && !(opts.editing && strings.TrimSpace(opts.on) == "") {
		mo, err := ahead("on", opts.on, now)
		if err != nil {
			return err
		}
		due = core.MemoryDay(mo.Time, now)
	}
	c, err := a.Core()
	if err != nil {
		return err
	}
	if opts.editing {
		return runEditMemory(a, c, opts, due)
	}
	p, err := c.FindPerson(a.ctx(), opts.name, domain.PreferActive)
	if err != nil {
		return err
	}
	m, err := c.Remember(a.ctx(), domain.Memory{PersonID: p.ID, Text: opts.text, Due: due})
	if err != nil {
		return err
	}
	noteArchived(a, p)
	a.changed("remember", []recordRef{memoryRef(m.ID), personRef(m.PersonID)}, nil, exchange.Memory(m))
	if opts.json {
		return a.printJSON(exchange.Memory(m))
	}
	_, err = fmt.Fprintf(a.out, "%s  %s\n", words.Remembered(paint(styleName, p.Name), termtext.Text(m.Text), m.Due), paint(styleDim, m.ID))
	return err
}

// runEditMemory changes a memory's text (when given) and its day (when
// --on was given).
func runEditMemory(a *app, c *core.Core, opts rememberOptions, due time.Time) error {
	before, m, err := c.EditMemory(a.ctx(), opts.edit, core.MemoryEdit{Text: opts.text, SetDue: opts.onSet, Due: due})
	if err != nil {
		return err
	}
	if before.Text != m.Text || !before.Due.Equal(m.Due) {
		a.changed("remember", []recordRef{memoryRef(m.ID), personRef(m.PersonID)}, exchange.Memory(before), exchange.Memory(m))
	}
	if opts.json {
		return a.printJSON(exchange.Memory(m))
	}
	day := ", with no day"
	if !m.Due.IsZero() {
		day = ", for " + m.Due.Format("Mon 2 Jan 2006")
	}
	_, err = fmt.Fprintf(a.out, "Changed the memory%s: %s\n", day, m.Text)
	return err
}
