package tui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/when"
	"github.com/tend-app/tend/internal/words"
)

// The snooze choices. "until…" takes a day typed in the field below it.
const (
	snoozeDay   = "1 day"
	snooze3     = "3 days"
	snoozeWeek  = "a week"
	snoozeUntil = "until…"
	snoozeOff   = "wake up"
)

// snoozeForm leaves someone out of Today for a while.
type snoozeForm struct {
	fieldSet
	person      *entry
	span, until *field
}

func newSnoozeForm(kit formKit, p *entry, now time.Time) *snoozeForm {
	st := kit.st
	f := &snoozeForm{fieldSet: fieldSet{formKit: kit}, person: p}
	choices := []string{snoozeDay, snooze3, snoozeWeek, snoozeUntil}
	if p.sum.SnoozedUntil.After(now) {
		choices = append(choices, snoozeOff)
	}
	f.span = f.add(&field{label: "for", groups: []choiceGroup{{"", choices}}, locked: true, value: snoozeWeek})
	f.until = f.add(&field{label: "until", input: newInput(st, "", "friday, 2w, 2026-12-01")})
	f.focusOn(0)
	return f
}

// Update takes a key or paste into the focused field.
func (f *snoozeForm) Update(msg tea.Msg) tea.Cmd {
	cmd := f.fieldSet.Update(msg)
	if f.focus == 1 && strings.TrimSpace(f.until.current()) != "" {
		f.span.value = snoozeUntil // typing a day means "until"
	}
	return cmd
}

// View draws the form.
func (f *snoozeForm) View() string {
	st := f.st
	v := f.draw("Snooze " + termtext.Line(f.person.sum.Name))
	note := "They come back at the start of that day."
	if !f.person.sum.SnoozedUntil.IsZero() {
		note = "Snoozed until " + f.person.sum.SnoozedUntil.Format("Mon 2 Jan 2006") + ". " + note
	}
	return v + "\n\n" + st.dim.Render(strings.Join(wrapText(note, min(f.width, 64)), "\n"))
}

// submit works out the day as tend snooze does, with its words for a bad
// --until.
func (f *snoozeForm) submit(e env) (tea.Cmd, error) {
	now := e.now
	var until time.Time
	days := 0
	switch f.span.current() {
	case snoozeDay:
		days = 1
	case snooze3:
		days = 3
	case snoozeWeek:
		days = 7
	case snoozeOff:
	case snoozeUntil:
		s := strings.TrimSpace(f.until.current())
		if s == "" {
			return nil, errors.New("until: give a day, such as friday or 2026-12-01")
		}
		m, err := when.Future(s, now)
		if err != nil {
			return nil, fmt.Errorf("until: %w", err)
		}
		if !m.Time.After(now) {
			return nil, fmt.Errorf("until %q is not in the future", s)
		}
		until = m.Time
	}
	if days > 0 {
		until = core.SnoozeDays(now, days)
	}
	c, id := e.core, f.person.sum.ID
	return changed("snooze", func() tea.Msg {
		_, p, err := c.Snooze(e.ctx, id, until, now)
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: words.Snoozed(termtext.Line(p.Name), until, now.Location()), selectID: p.ID}
	}), nil
}
