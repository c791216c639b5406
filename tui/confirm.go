package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
)

// confirmForm asks before archiving someone, or deleting an interaction:
// y does it, n or esc does not.
type confirmForm struct {
	formKit
	width       int
	person      *entry
	interaction domain.Interaction // when set, the question is whether to delete it
	loc         *time.Location     // where the interaction's time is shown
	err         error
}

func newArchiveConfirm(kit formKit, p *entry) *confirmForm {
	return &confirmForm{formKit: kit, person: p}
}

func newUnlogConfirm(kit formKit, in domain.Interaction, loc *time.Location) *confirmForm {
	return &confirmForm{formKit: kit, interaction: in, loc: loc}
}

// SetSize gives the question the window's width to wrap in.
func (f *confirmForm) SetSize(w, _ int) { f.width = w }

// Update does nothing: y and n are the root's, every other key is ignored.
func (f *confirmForm) Update(tea.Msg) tea.Cmd { return nil }

// Keys are yes and no.
func (f *confirmForm) Keys() []*key.Binding { return []*key.Binding{&f.keys.Yes, &f.keys.No} }

func (f *confirmForm) setErr(err error) { f.err = err }
func (f *confirmForm) changed() bool    { return false }

// View asks the question.
func (f *confirmForm) View() string {
	st, width := f.st, f.width
	if f.interaction.ID != "" {
		in := f.interaction
		v := st.title.Render("Delete "+words.ContactOf(in)+" "+nameList(in.Names)+"?") + "\n\n" +
			strings.Join(wrapText(in.At.In(f.loc).Format("Mon 2 Jan 2006 15:04")+". U (undo) brings it back.", min(width, 64)), "\n") +
			"\n\n  y  delete    n  keep"
		if f.err != nil {
			v += "\n\n" + st.err.Render("! "+termtext.Line(f.err.Error()))
		}
		return v
	}
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
	if f.interaction.ID != "" {
		return unlogCmd(e.ctx, e.core, f.interaction.ID, e.now), nil
	}
	c, ctx, now, id := e.core, e.ctx, e.now, f.person.sum.ID
	archive := func() (domain.Person, error) {
		_, after, err := c.Archive(ctx, id, now)
		return after, err
	}
	say := func(p domain.Person) string {
		return "Archived " + termtext.Line(p.Name) + ". Everything is kept; u restores them (A shows archived people)."
	}
	return personCmd("archive", archive, say), nil
}

// restoreCmd brings an archived person back.
func restoreCmd(e env, p *entry) tea.Cmd {
	c, ctx, id := e.core, e.ctx, p.sum.ID
	restore := func() (domain.Person, error) {
		_, after, err := c.Restore(ctx, id)
		return after, err
	}
	say := func(p domain.Person) string { return "Restored " + termtext.Line(p.Name) + "." }
	return personCmd("restore", restore, say)
}
