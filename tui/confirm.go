package tui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
)

// confirmForm asks before archiving someone, or deleting an interaction:
// y does it, n or esc does not.
type confirmForm struct {
	person      *entry
	interaction domain.Interaction // when set, the question is whether to delete it
	loc         *time.Location     // where the interaction's time is shown
	err         error
}

func newArchiveConfirm(p *entry) *confirmForm { return &confirmForm{person: p} }

func newUnlogConfirm(in domain.Interaction, loc *time.Location) *confirmForm {
	return &confirmForm{interaction: in, loc: loc}
}

func (f *confirmForm) update(tea.KeyPressMsg, KeyMap) tea.Cmd { return nil }
func (f *confirmForm) paste(tea.PasteMsg) tea.Cmd             { return nil }
func (f *confirmForm) setErr(err error)                       { f.err = err }
func (f *confirmForm) setWidth(int)                           {}
func (f *confirmForm) changed() bool                          { return false }

func (f *confirmForm) view(st styles, width int) string {
	if f.interaction.ID != "" {
		in := f.interaction
		v := st.title.Render("Delete "+words.Channel(in.Via)+" "+withWord(in.Direction)+" "+nameList(in.Names)+"?") + "\n\n" +
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
		return unlogCmd(e.ctx, e.store, f.interaction.ID, e.now), nil
	}
	now := e.now
	change := func(p *domain.Person) error {
		p.ArchivedAt = now
		return nil
	}
	say := func(p domain.Person) string {
		return "Archived " + termtext.Line(p.Name) + ". Everything is kept; u restores them (A shows archived people)."
	}
	return updatePersonCmd(e.ctx, e.store, "archive", f.person.sum.ID, change, say), nil
}

// restoreCmd brings an archived person back.
func restoreCmd(e env, p *entry) tea.Cmd {
	change := func(p *domain.Person) error {
		p.ArchivedAt = time.Time{}
		return nil
	}
	say := func(p domain.Person) string { return "Restored " + termtext.Line(p.Name) + "." }
	return updatePersonCmd(e.ctx, e.store, "restore", p.sum.ID, change, say)
}
