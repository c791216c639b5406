package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/when"
	"github.com/tend-app/tend/internal/words"
)

type logOptions struct {
	names   []string
	via     string
	inbound bool
	missed  bool
	at      string
	minutes int
	note    string
	json    bool
}

func newLogCmd(a *app, runF func(logOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts logOptions) error { return runLog(a, opts) }
	}
	var opts logOptions
	cmd := &cobra.Command{
		Use:   "log NAME[,NAME...]",
		Short: "Record a conversation or a touch",
		Long: `Record an interaction. With no flags it is a call you made, now.

A call, a video call or meeting in person is a real conversation and resets
the clock; a text, an email, a letter, a social message or a gift is a touch.
Several names separated by commas are one interaction with all of them.

--missed records a call that did not connect. It is not a conversation: yours
(the default) is you trying, so they are left in peace for two days as after
any contact; theirs (--missed --in) is them reaching out, which you owe an
answer and which counts towards "your turn".

Channels: in-person (irl, met, meet), call (phone), video (facetime, zoom),
text (sms, msg, chat, message), email (mail), letter (card), social (dm), gift.

WHEN is 2026-11-20, an RFC 3339 time, today, yesterday, a weekday (the last
one), 3d, 2w or "3 days ago".`,
		Example: `  tend log ana
  tend log ana --via text --in           # she texted you
  tend log ana --missed                  # you called, she did not pick up
  tend log ana --missed --in             # she called, you missed it
  tend log ana,ben --via in-person --at yesterday --note "dinner at Rosa's"
  tend log ben --via video --at tuesday --minutes 40`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("log needs a NAME, such as: tend log ana")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.names = args
			via, err := cadence.ParseChannel(opts.via)
			if err != nil {
				return usageErrorf("--via: %v", err)
			}
			if err := contactWords(domain.CheckContact(via, opts.missed, opts.minutes)); err != nil {
				return err
			}
			return runF(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.via, "via", "call", "channel: in-person, call, video, text, email, letter, social, gift")
	fl.BoolVar(&opts.inbound, "in", false, "they reached out, not you")
	fl.BoolVar(&opts.missed, "missed", false, "a call that did not connect (with --in: theirs)")
	fl.StringVar(&opts.at, "at", "", "when it happened (default now)")
	fl.IntVar(&opts.minutes, "minutes", 0, "how long it lasted, in minutes")
	fl.StringVar(&opts.note, "note", "", "what you talked about")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

// contactWords says a contact the model refused (domain.CheckContact) in
// the words of tend log's flags; any other error is left as it is.
func contactWords(err error) error {
	var refused *domain.LogError
	if !errors.As(err, &refused) {
		return err
	}
	switch refused.Problem {
	case domain.MissedNotACall:
		return usageErrorf("--missed is for a call or a video call, not %s", refused.Via)
	case domain.MissedWithMinutes:
		return usageErrorf("--minutes is for a call that connected, not a missed one")
	}
	return usageErrorf("--minutes must be a positive number, not %d", refused.Minutes)
}

func runLog(a *app, opts logOptions) error {
	via, err := cadence.ParseChannel(opts.via)
	if err != nil {
		return usageErrorf("--via: %v", err)
	}
	now, err := a.Now()
	if err != nil {
		return err
	}
	at := now
	if opts.at != "" { // given empty, it is refused before (emptyWhen)
		if at, err = when.At(opts.at, now); err != nil {
			return usageErrorf("--at: %v", err)
		}
	}
	c, err := a.Core()
	if err != nil {
		return err
	}
	in := core.LogInput{Names: opts.names, Via: via, Direction: cadence.Out, At: at, Minutes: opts.minutes, Note: opts.note, Missed: opts.missed}
	if opts.inbound {
		in.Direction = cadence.In
	}
	logged, err := c.Log(a.ctx(), in)
	if err != nil {
		return contactWords(err)
	}
	kept := logged.Interaction
	noteArchived(a, logged.Named...)
	a.changed("log", interactionRefs(kept), nil, interactionJSON(kept))
	if opts.json {
		return a.printJSON(interactionJSON(kept))
	}
	_, err = fmt.Fprintln(a.out, words.Logged(cadence.Contact{Via: kept.Via, Direction: kept.Direction, Missed: kept.Missed},
		opts.via, joinNames(kept.Names), datedWords(kept.At, now)))
	return err
}

func joinNames(names []string) string {
	styled := make([]string, len(names))
	for i, n := range names {
		styled[i] = paint(styleName, n)
	}
	if len(styled) == 0 {
		return "nobody"
	}
	return words.And(styled)
}

// datedWords says when something happened in words, and always names the
// date: "Friday at 19:30" alone would leave the user to work out which
// Friday was taken.
func datedWords(t, now time.Time) string {
	words := words.When(t, now)
	if d := cadence.DaysBetween(t.In(now.Location()), now); d >= 1 && d < 7 {
		words += " (" + t.In(now.Location()).Format("Mon 2 Jan") + ")"
	}
	return words
}
