package tui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/store"
)

// confirmForm asks before archiving someone: y archives, n or esc does not.
type confirmForm struct {
	person *entry
	err    error
}

func newArchiveConfirm(p *entry) *confirmForm { return &confirmForm{person: p} }

func (f *confirmForm) update(tea.KeyPressMsg, KeyMap) tea.Cmd { return nil }
func (f *confirmForm) paste(tea.PasteMsg) tea.Cmd             { return nil }
func (f *confirmForm) setErr(err error)                       { f.err = err }
func (f *confirmForm) setWidth(int)                           {}
func (f *confirmForm) changed() bool                          { return false }

func (f *confirmForm) view(st styles, width int) string {
	name := termtext.Line(f.person.sum.Name)
	v := st.title.Render("Archive "+name+"?") + "\n\n" +
		strings.Join(wrapText(name+" will not be suggested again. Nothing is deleted: "+
			"their history and memories are kept, and u restores them.", min(width, 64)), "\n") +
		"\n\n  y  archive    n  keep"
	if f.err != nil {
		v += "\n\n" + st.err.Render("! "+termtext.Line(f.err.Error()))
	}
	return v
}

func (f *confirmForm) submit(e env) (tea.Cmd, error) {
	now := e.now
	change := func(p *store.Person) error {
		p.ArchivedAt = now
		return nil
	}
	say := func(p store.Person) string {
		return "Archived " + termtext.Line(p.Name) + ". Everything is kept; u restores them (A shows archived people)."
	}
	return updatePersonCmd(e.ctx, e.store, f.person.sum.ID, change, say), nil
}

// restoreCmd brings an archived person back.
func restoreCmd(e env, p *entry) tea.Cmd {
	change := func(p *store.Person) error {
		p.ArchivedAt = time.Time{}
		return nil
	}
	say := func(p store.Person) string { return "Restored " + termtext.Line(p.Name) + "." }
	return updatePersonCmd(e.ctx, e.store, p.sum.ID, change, say)
}
