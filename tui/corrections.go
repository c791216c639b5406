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
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/when"
	"github.com/tend-app/tend/internal/words"
	"github.com/tend-app/tend/store"
)

// Putting things right: undo (U) reverts the latest change, whatever face
// made it; X deletes the interaction under the cursor, after a yes; c
// corrects it in the log form, filled in as it is.

// undoCmd reverts the latest change and says what it was.
func undoCmd(ctx context.Context, s *store.Store) tea.Cmd {
	return changed("undo", func() tea.Msg {
		c, err := s.Undo(ctx)
		if errors.Is(err, store.ErrNothingToUndo) {
			return savedMsg{status: "Nothing to undo."}
		}
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: "Undid: " + termtext.Line(c.Description) + "."}
	})
}

// unlogCmd deletes one interaction.
func unlogCmd(ctx context.Context, s *store.Store, id string, now time.Time) tea.Cmd {
	return changed("unlog", func() tea.Msg {
		in, err := s.DeleteInteraction(ctx, id)
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: "Deleted " + words.Channel(in.Via) + " " + withWord(in.Direction) + " " +
			nameList(in.Names) + ", " + words.When(in.At, now) + ". U brings it back."}
	})
}

func withWord(d cadence.Direction) string {
	if d == cadence.In {
		return "from"
	}
	return "with"
}

// newAmendForm is the log form filled in with an interaction as it is;
// saving corrects it rather than logging another.
func newAmendForm(st styles, in domain.Interaction, loc *time.Location) *logForm {
	f := newLogForm(st, nil)
	f.amend = &in
	f.channel.input.SetValue(string(in.Via))
	f.direction.value = string(in.Direction)
	f.at.input.SetValue(in.At.In(loc).Format("2006-01-02 15:04"))
	if in.Minutes > 0 {
		f.mins.input.SetValue(strconv.Itoa(in.Minutes))
	}
	f.notes.input.SetValue(in.Note)
	f.with.input.SetValue(strings.Join(in.Names, ", "))
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
	id, direction, note := f.amend.ID, cadence.Direction(f.direction.current()), f.notes.current()
	return changed("amend", func() tea.Msg {
		people, err := e.store.FindPeople(e.ctx, []string{with}, store.PreferActive)
		if err != nil {
			return savedMsg{err: fmt.Errorf("with: %w", err)}
		}
		_, after, err := e.store.AmendInteraction(e.ctx, id, func(in *domain.Interaction) error {
			in.Via, in.Direction, in.At, in.Minutes, in.Note = via, direction, at, minutes, note
			in.People = in.People[:0]
			for _, p := range people {
				in.People = append(in.People, p.ID)
			}
			return nil
		})
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: "Corrected: " + words.Channel(after.Via) + " " + withWord(after.Direction) + " " +
			nameList(after.Names) + ", " + words.When(after.At, e.now) + ". U undoes it."}
	}), nil
}
