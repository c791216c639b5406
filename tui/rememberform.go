package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/when"
)

// rememberForm keeps something a person told you, with an optional day to
// bring it back on.
type rememberForm struct {
	fieldSet
	person   *entry
	text, on *field
}

func newRememberForm(kit formKit, p *entry) *rememberForm {
	st := kit.st
	f := &rememberForm{fieldSet: fieldSet{formKit: kit}, person: p}
	f.text = f.add(&field{label: "remember", input: newInput(st, "", "such as: exam on Friday")})
	f.on = f.add(&field{label: "on", input: newInput(st, "", "optional: friday, 3d, 2026-12-01")})
	f.focusOn(0)
	return f
}

// View draws the form.
func (f *rememberForm) View() string {
	st := f.st
	note := wrapText("With a day, it moves them up in Today from then until you mark it done (d).", min(f.width, 64))
	return f.draw("Remember something about "+termtext.Line(f.person.sum.Name)) + "\n\n" +
		st.dim.Render(strings.Join(note, "\n"))
}

// submit checks the input as tend remember checks --on; the store refuses
// empty text with the command line's words.
func (f *rememberForm) submit(e env) (tea.Cmd, error) {
	m := domain.Memory{PersonID: f.person.sum.ID, Text: f.text.current()}
	if s := strings.TrimSpace(f.on.current()); s != "" {
		mo, err := when.Future(s, e.now)
		if err != nil {
			return nil, fmt.Errorf("on: %w", err)
		}
		m.Due = core.MemoryDay(mo.Time, e.now)
	}
	return rememberCmd(e.ctx, e.core, m, f.person.sum.Name), nil
}
