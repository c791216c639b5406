package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/when"
	"github.com/tend-app/tend/internal/words"
)

// amendOptions are the corrections to interaction id; set says which of
// the flags were given, by name.
type amendOptions struct {
	id       string
	via      string
	at       string
	inbound  bool
	outbound bool
	minutes  int
	note     string
	missed   bool
	with     []string
	without  []string
	set      map[string]bool
	json     bool
}

// amendFlags are the flags of amend that change something.
var amendFlags = []string{"via", "in", "out", "at", "minutes", "note", "missed", "with", "without"}

func newAmendCmd(a *app, runF func(amendOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts amendOptions) error { return runAmend(a, opts) }
	}
	var opts amendOptions
	cmd := &cobra.Command{
		Use:   "amend ID",
		Short: "Correct one interaction",
		Long: `Correct one interaction: its channel, direction, time, minutes, note,
whether a call connected, or who was there. Only the flags you give change. The id is shown by tend
history and tend show; any unique start of it will do. tend undo puts it
back as it was.`,
		Example: `  tend amend 01M86E --via video --minutes 40
  tend amend 01M86E --at "yesterday 18:00"
  tend amend 01M86E --missed=false         # the call connected after all
  tend amend 01M86E --with ben --without chloé
  tend amend 01M86E --note ""            # no note`,
		Args: exactArgs(1, "one interaction ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.id = args[0]
			if opts.inbound && opts.outbound {
				return usageErrorf("give --in or --out, not both")
			}
			for _, f := range amendFlags {
				if cmd.Flags().Changed(f) {
					if opts.set == nil {
						opts.set = map[string]bool{}
					}
					opts.set[f] = true
				}
			}
			if len(opts.set) == 0 {
				return usageErrorf("nothing to change: give a flag such as --via, --at or --note (see: tend amend --help)")
			}
			if opts.set["via"] {
				if _, err := cadence.ParseChannel(opts.via); err != nil {
					return usageErrorf("--via: %v", err)
				}
			}
			if opts.minutes < 0 {
				return usageErrorf("--minutes must be a positive number, not %d", opts.minutes)
			}
			return runF(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.via, "via", "", "channel: in-person, call, video, text, email, letter, social, gift")
	fl.BoolVar(&opts.inbound, "in", false, "they reached out")
	fl.BoolVar(&opts.outbound, "out", false, "you reached out")
	fl.StringVar(&opts.at, "at", "", "when it happened (the words of tend log --at)")
	fl.IntVar(&opts.minutes, "minutes", 0, "how long it lasted, in minutes (0 for not recorded)")
	fl.StringVar(&opts.note, "note", "", "what you talked about")
	fl.BoolVar(&opts.missed, "missed", false, "the call did not connect (--missed=false: it did)")
	stringArrayVar(fl, &opts.with, "with", "add people, NAME[,NAME...]; repeat for more")
	stringArrayVar(fl, &opts.without, "without", "take people out, NAME[,NAME...]; repeat for more")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runAmend(a *app, opts amendOptions) error {
	var change core.Amendment
	if opts.set["via"] {
		via, err := cadence.ParseChannel(opts.via)
		if err != nil {
			return usageErrorf("--via: %v", err)
		}
		change.Via = &via
	}
	switch {
	case opts.inbound:
		change.Direction = ptr(cadence.In)
	case opts.outbound:
		change.Direction = ptr(cadence.Out)
	}
	now, err := a.Now()
	if err != nil {
		return err
	}
	if opts.set["at"] {
		at, err := when.At(opts.at, now)
		if err != nil {
			return usageErrorf("--at: %v", err)
		}
		change.At = &at
	}
	if opts.set["minutes"] {
		change.Minutes = &opts.minutes
	}
	if opts.set["note"] {
		change.Note = &opts.note
	}
	if opts.set["missed"] {
		change.Missed = &opts.missed
	}
	change.With, change.Without = opts.with, opts.without
	c, err := a.Core()
	if err != nil {
		return err
	}
	before, after, err := c.Amend(a.ctx(), opts.id, change)
	var field *domain.FieldError
	switch {
	case errors.Is(err, domain.ErrNoOneLeft):
		return usageErrorf("that would leave no one in it (tend unlog removes it)")
	case errors.As(err, &field):
		return usageErrorf("--%s: %v", field.Field, field.Err)
	case err != nil:
		return contactWords(err)
	}
	changes := interactionChanges(before, after, now)
	if len(changes) > 0 {
		a.changed("amend", interactionRefs(after), interactionJSON(before), interactionJSON(after))
	}
	if opts.json {
		return a.printJSON(interactionJSON(after))
	}
	if len(changes) == 0 {
		changes = []string{"nothing changed"}
	}
	_, err = fmt.Fprintf(a.out, "Amended %s %s, %s: %s.\n", words.ContactOf(after),
		joinNames(after.Names), datedWords(after.At, now), strings.Join(changes, "; "))
	return err
}

func ptr[T any](v T) *T { return &v }

// interactionChanges says, one phrase each, what an amend changed.
func interactionChanges(before, after domain.Interaction, now time.Time) []string {
	var out []string
	if before.Via != after.Via {
		out = append(out, fmt.Sprintf("%s → %s", before.Via, after.Via))
	}
	if before.Direction != after.Direction {
		out = append(out, fmt.Sprintf("direction %s → %s", before.Direction, after.Direction))
	}
	if !before.At.Equal(after.At) {
		loc := now.Location()
		out = append(out, fmt.Sprintf("time %s → %s", before.At.In(loc).Format("Mon 2 Jan 2006 15:04"), after.At.In(loc).Format("Mon 2 Jan 2006 15:04")))
	}
	if before.Missed != after.Missed {
		out = append(out, map[bool]string{true: "connected → missed", false: "missed → connected"}[after.Missed])
	}
	if before.Minutes != after.Minutes {
		out = append(out, fmt.Sprintf("minutes %d → %d", before.Minutes, after.Minutes))
	}
	if before.Note != after.Note {
		out = append(out, "note changed")
	}
	for i, id := range after.People {
		if !slices.Contains(before.People, id) {
			out = append(out, oneLine(after.Names[i])+" added")
		}
	}
	for i, id := range before.People {
		if !slices.Contains(after.People, id) {
			out = append(out, oneLine(before.Names[i])+" taken out")
		}
	}
	return out
}
