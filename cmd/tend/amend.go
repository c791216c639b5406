package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/when"
	"github.com/tend-app/tend/internal/words"
	"github.com/tend-app/tend/store"
)

type amendOptions struct {
	via      string
	at       string
	inbound  bool
	outbound bool
	minutes  int
	note     string
	with     []string
	without  []string
}

func newAmendCmd(a *app) *cobra.Command {
	var opts amendOptions
	cmd := &cobra.Command{
		Use:   "amend ID",
		Short: "Correct one interaction",
		Long: `Correct one interaction: its channel, direction, time, minutes, note, or
who was there. Only the flags you give change. The id is shown by tend
history and tend show; any unique start of it will do. tend undo puts it
back as it was.`,
		Example: `  tend amend 01M86E --via video --minutes 40
  tend amend 01M86E --at "yesterday 18:00"
  tend amend 01M86E --with ben --without chloé
  tend amend 01M86E --note ""            # no note`,
		Args: exactArgs(1, "one interaction ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAmend(a, cmd, args[0], opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.via, "via", "", "channel: in-person, call, video, text, email, letter, social, gift")
	fl.BoolVar(&opts.inbound, "in", false, "they reached out")
	fl.BoolVar(&opts.outbound, "out", false, "you reached out")
	fl.StringVar(&opts.at, "at", "", "when it happened (the words of tend log --at)")
	fl.IntVar(&opts.minutes, "minutes", 0, "how long it lasted, in minutes (0 for not recorded)")
	fl.StringVar(&opts.note, "note", "", "what you talked about")
	stringArrayVar(fl, &opts.with, "with", "add people, NAME[,NAME...]; repeat for more")
	stringArrayVar(fl, &opts.without, "without", "take people out, NAME[,NAME...]; repeat for more")
	addJSONFlag(cmd, &a.json)
	return cmd
}

func runAmend(a *app, cmd *cobra.Command, id string, opts amendOptions) error {
	changed := cmd.Flags().Changed
	if opts.inbound && opts.outbound {
		return usageErrorf("give --in or --out, not both")
	}
	given := false
	for _, f := range []string{"via", "in", "out", "at", "minutes", "note", "with", "without"} {
		given = given || changed(f)
	}
	if !given {
		return usageErrorf("nothing to change: give a flag such as --via, --at or --note (see: tend amend --help)")
	}
	var via cadence.Channel
	if changed("via") {
		v, err := cadence.ParseChannel(opts.via)
		if err != nil {
			return usageErrorf("--via: %v", err)
		}
		via = v
	}
	if opts.minutes < 0 {
		return usageErrorf("--minutes must be a positive number, not %d", opts.minutes)
	}
	now, err := a.Now()
	if err != nil {
		return err
	}
	var at time.Time
	if changed("at") {
		if at, err = when.At(opts.at, now); err != nil {
			return usageErrorf("--at: %v", err)
		}
	}
	s, err := a.Store()
	if err != nil {
		return err
	}
	var with []domain.Person
	if len(opts.with) > 0 {
		if with, err = s.FindPeople(a.ctx(), opts.with, store.PreferActive); err != nil {
			return err
		}
	}
	before, after, err := s.AmendInteraction(a.ctx(), id, func(in *domain.Interaction) error {
		if via != "" {
			in.Via = via
		}
		switch {
		case opts.inbound:
			in.Direction = cadence.In
		case opts.outbound:
			in.Direction = cadence.Out
		}
		if changed("at") {
			in.At = at
		}
		if changed("minutes") {
			in.Minutes = opts.minutes
		}
		if changed("note") {
			in.Note = opts.note
		}
		// --without names are looked for among the people in it only.
		there := make([]domain.Candidate, len(in.People))
		for i, id := range in.People {
			there[i] = domain.Candidate{ID: id, Name: in.Names[i]}
		}
		for _, list := range opts.without {
			for _, name := range strings.Split(list, ",") {
				if strings.TrimSpace(name) == "" {
					continue
				}
				found := domain.Match(name, there)
				switch {
				case len(found) == 0:
					return usageErrorf("--without: no one called %q was in it", clipArg(strings.TrimSpace(name)))
				case len(found) > 1:
					return usageErrorf("--without: %q matches %d people in it; be more specific", clipArg(strings.TrimSpace(name)), len(found))
				}
				in.People = slices.DeleteFunc(in.People, func(id string) bool { return id == found[0].ID })
			}
		}
		for _, p := range with {
			in.People = append(in.People, p.ID)
		}
		if len(in.People) == 0 {
			return usageErrorf("that would leave no one in it (tend unlog removes it)")
		}
		return nil
	})
	if err != nil {
		return err
	}
	a.changed("amend", interactionRefs(after), interactionJSON(before), interactionJSON(after))
	if a.json {
		return a.printJSON(interactionJSON(after))
	}
	changes := interactionChanges(before, after, now)
	if len(changes) == 0 {
		changes = []string{"nothing changed"}
	}
	_, err = fmt.Fprintf(a.out, "Amended %s %s %s, %s: %s.\n", words.Channel(after.Via), withWord(after.Direction),
		joinNames(after.Names), datedWords(after.At, now), strings.Join(changes, "; "))
	return err
}

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
