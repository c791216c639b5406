package tui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/when"
	"github.com/tend-app/tend/internal/words"
)

// Putting things right: undo (U) reverts the latest change, whatever face
// made it; X deletes the interaction under the cursor, after a yes; c
// corrects it in the log form, filled in as it is.

// undoCmd reverts the latest change and says what it was.
func undoCmd(ctx context.Context, c *core.Core) tea.Cmd {
	return changed("undo", func() tea.Msg {
		undone, err := c.Undo(ctx)
		if errors.Is(err, domain.ErrNothingToUndo) {
			return savedMsg{status: "Nothing to undo."}
		}
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: "Undid: " + termtext.Line(undone.Description) + "."}
	})
}

// unlogCmd deletes one interaction.
func unlogCmd(ctx context.Context, c *core.Core, id string, now time.Time) tea.Cmd {
	return changed("unlog", func() tea.Msg {
		in, err := c.Unlog(ctx, id)
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: "Deleted " + words.ContactOf(in) + " " +
			nameList(in.Names) + ", " + words.When(in.At, now) + ". U brings it back."}
	})
}

// newAmendForm is the log form filled in with an interaction as it is;
// saving corrects it rather than logging another.
func newAmendForm(kit formKit, in domain.Interaction, loc *time.Location) *logForm {
	f := newLogForm(kit, nil)
	f.amend = &in
	f.channel.input.SetValue(string(in.Via))
	f.direction.value = string(in.Direction)
	f.at.input.SetValue(in.At.In(loc).Format("2006-01-02 15:04"))
	if in.Minutes > 0 {
		f.mins.input.SetValue(strconv.Itoa(in.Minutes))
	}
	f.notes.setText(in.Note)
	f.with.input.SetValue(strings.Join(in.Names, ", "))
	if in.Missed {
		f.missed.value = "yes"
	}
	for _, fl := range f.fields {
		fl.start = fl.current() // what it opened with: the interaction as it is
	}
	return f
}

// submitAmend checks the form as submit does, and corrects the
// interaction: everyone there is named in "with".
func (f *logForm) submitAmend(e env) (tea.Cmd, error) {
	via, err := cadence.ParseChannel(f.channel.current())
	if err != nil {
		return nil, fmt.Errorf("channel: %w", err)
	}
	at := f.amend.At
	if s := strings.TrimSpace(f.at.current()); s != "" {
		if at, err = when.At(s, e.now); err != nil {
			return nil, fmt.Errorf("when: %w", err)
		}
	}
	minutes := 0
	if s := strings.TrimSpace(f.mins.current()); s != "" {
		if minutes, err = strconv.Atoi(s); err != nil || minutes < 0 {
			return nil, fmt.Errorf("minutes: %q is not a whole number of minutes", s)
		}
	}
	with := strings.TrimSpace(f.with.current())
	if with == "" {
		return nil, errors.New("with: name who was there (X deletes the interaction)")
	}
	missed := f.missed.current() == "yes"
	if err := contactWords(domain.CheckContact(via, missed, minutes)); err != nil {
		return nil, err
	}
	id, direction, note := f.amend.ID, cadence.Direction(f.direction.current()), f.notes.current()
	// Only what was changed is corrected: an input shows a note on one
	// line and a time to the minute, so one left as it was would not read
	// back as it is.
	var change core.Amendment
	var changes edits
	changes.of(f.channel, func() { change.Via = &via })
	changes.of(f.direction, func() { change.Direction = &direction })
	changes.of(f.at, func() { change.At = &at })
	changes.of(f.mins, func() { change.Minutes = &minutes })
	changes.of(f.notes, func() { change.Note = &note })
	changes.of(f.missed, func() { change.Missed = &missed })
	changes.of(f.with, func() { change.People = []string{keepWho(with, f.amend)} })
	if changes == 0 {
		return func() tea.Msg { return savedMsg{status: "Nothing changed."} }, nil
	}
	c, ctx, now := e.core, e.ctx, e.now
	return changed("amend", func() tea.Msg {
		_, after, err := c.Amend(ctx, id, change)
		if err != nil {
			return savedMsg{err: withNames(err)}
		}
		return savedMsg{status: "Corrected: " + words.ContactOf(after) + " " +
			nameList(after.Names) + ", " + words.When(after.At, now) + ". U undoes it."}
	}), nil
}

// keepWho puts the id of each person who was there in place of their name
// in "with", as written: found again by name, an archived Ana would
// become the active Ana of the same name (names are only unique among
// the active).
func keepWho(with string, in *domain.Interaction) string {
	parts := strings.Split(with, ",")
	for i, part := range parts {
		for j, name := range in.Names {
			if strings.TrimSpace(part) == name && j < len(in.People) {
				parts[i] = in.People[j]
			}
		}
	}
	return strings.Join(parts, ",")
}
