package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/when"
	"github.com/tend-app/tend/internal/words"
)

// logForm records an interaction with the selected person, and anyone else
// who was there. Its defaults are a call you made, now, so enter alone logs
// the most common case.
type logForm struct {
	fieldSet
	person                                            *entry
	amend                                             *domain.Interaction // correcting this one, when set
	channel, direction, at, mins, notes, with, missed *field
}

func newLogForm(kit formKit, p *entry) *logForm {
	st := kit.st
	f := &logForm{fieldSet: fieldSet{formKit: kit}, person: p}
	var real, touch []string
	for _, c := range cadence.Channels() {
		if c.Real() {
			real = append(real, string(c))
		} else {
			touch = append(touch, string(c))
		}
	}
	f.channel = f.add(&field{
		label:  "channel",
		input:  newInput(st, string(cadence.Call), "call, or an alias such as zoom"),
		groups: []choiceGroup{{"real", real}, {"touch", touch}},
		canon: func(s string) string {
			if c, err := cadence.ParseChannel(s); err == nil {
				return string(c)
			}
			return s
		},
	})
	f.direction = f.add(&field{
		label:  "who",
		groups: []choiceGroup{{"", []string{"out", "in"}}},
		locked: true,
		value:  "out",
	})
	f.at = f.add(&field{label: "when", input: newInput(st, "", "now")})
	f.mins = f.add(&field{label: "minutes", input: newInput(st, "", "optional")})
	f.notes = f.add(&field{label: "note", input: newInput(st, "", "optional")})
	f.with = f.add(&field{label: "with", input: newInput(st, "", "others there too, commas between")})
	f.missed = f.add(&field{
		label:  "missed",
		groups: []choiceGroup{{"", []string{"no", "yes"}}},
		locked: true,
		value:  "no",
	})
	f.focusOn(0)
	return f
}

// View draws the form.
func (f *logForm) View() string {
	st := f.st
	var title string
	if f.amend != nil {
		title = "Correct " + words.ContactOf(*f.amend) + " " + nameList(f.amend.Names)
	} else {
		title = "Log a conversation with " + termtext.Line(f.person.sum.Name)
	}
	v := f.draw(title)
	hint := wrapText("who: out if you reached out, in if they did (space or ←/→). "+
		"missed: yes for a call that did not connect. "+
		"when: now, yesterday, tuesday, 3d, 2026-11-20 18:00, as tend log --at. "+
		"with: names as tend log takes them, such as ben, chloé.", min(f.width, 72))
	return v + "\n\n" + st.dim.Render(strings.Join(hint, "\n"))
}

// submit checks the input with the same rules, and the same words, as
// tend log: --via, --at, --minutes, and the names after the first.
func (f *logForm) submit(e env) (tea.Cmd, error) {
	if f.amend != nil {
		return f.submitAmend(e)
	}
	via, err := cadence.ParseChannel(f.channel.current())
	if err != nil {
		return nil, fmt.Errorf("channel: %w", err)
	}
	at := e.now
	if s := strings.TrimSpace(f.at.current()); s != "" {
		if at, err = when.At(s, e.now); err != nil {
			return nil, fmt.Errorf("when: %w", err)
		}
	}
	missed := f.missed.current() == "yes"
	minutes := 0
	if s := strings.TrimSpace(f.mins.current()); s != "" {
		if minutes, err = strconv.Atoi(s); err != nil {
			return nil, fmt.Errorf("minutes: %q is not a whole number", s)
		}
	}
	if err := contactWords(domain.CheckContact(via, missed, minutes)); err != nil {
		return nil, err
	}
	in := core.LogInput{
		People:    []string{f.person.sum.ID},
		Via:       via,
		Direction: cadence.Direction(f.direction.current()),
		At:        at,
		Minutes:   minutes,
		Note:      f.notes.current(),
		Missed:    missed,
	}
	return logCmd(e.ctx, e.core, in, f.with.current(), e.now, f.keys.Restore.Help().Key), nil
}

// contactWords says a contact the model refused (domain.CheckContact) in the
// words of the form's fields; any other error is left as it is.
func contactWords(err error) error {
	var refused *domain.LogError
	if !errors.As(err, &refused) {
		return err
	}
	switch refused.Problem {
	case domain.MissedNotACall:
		return fmt.Errorf("missed: only a call or a video call can be missed, not %s", refused.Via)
	case domain.MissedWithMinutes:
		return errors.New("minutes: a missed call lasted none; leave it empty")
	}
	return fmt.Errorf("minutes must be a positive number, not %d", refused.Minutes)
}
