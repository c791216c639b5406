package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/when"
	"github.com/tend-app/tend/store"
)

func newRememberCmd(a *app) *cobra.Command {
	var on string
	cmd := &cobra.Command{
		Use:   "remember NAME TEXT...",
		Short: "Remember something they told you",
		Long: `Remember something a person told you, to bring it back when it matters.
With --on, it moves them up in today's list from that day until you mark it
done (tend done ID; the id is in tend show).`,
		Example: `  tend remember ana "exam on Friday" --on friday
  tend remember ben started a new job at the bakery
  tend remember ana "ask about the move" --on 2w`,
		Args: func(cmd *cobra.Command, args []string) error {
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
			m := store.Memory{Text: strings.Join(args[1:], " ")}
			if on != "" {
				mo, err := when.Future(on, now)
				if err != nil {
					return usageErrorf("--on: %v", err)
				}
				t := mo.Time.In(now.Location())
				m.Due = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
			}
			s, err := a.Store()
			if err != nil {
				return err
			}
			p, err := s.FindPerson(a.ctx(), args[0], store.PreferActive)
			if err != nil {
				return err
			}
			m.PersonID = p.ID
			if m, err = s.AddMemory(a.ctx(), m); err != nil {
				return err
			}
			a.changed("remember", []recordRef{memoryRef(m.ID), personRef(m.PersonID)}, nil, exchange.Memory(m))
			if a.json {
				return a.printJSON(exchange.Memory(m))
			}
			due := ""
			if !m.Due.IsZero() {
				due = ", for " + m.Due.Format("Mon 2 Jan 2006")
			}
			_, err = fmt.Fprintf(a.out, "Remembered for %s%s: %s  %s\n", paint(styleName, p.Name), due, m.Text, paint(styleDim, m.ID))
			return err
		},
	}
	cmd.Flags().StringVar(&on, "on", "", "bring it back on WHEN (friday, 3d, 2026-12-01, ...)")
	addJSONFlag(a, cmd)
	return cmd
}
