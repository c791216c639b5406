package tui

import (
	"context"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/termtext"
)

// form is an open form: a component whose input is checked and written.
// The root keeps it until it is saved or cancelled; save (enter), cancel
// (esc) and quit (ctrl+c) are the root's keys, every other key and paste
// is the form's Update.
type form interface {
	component
	// submit checks what was typed and returns the write to run, or the
	// first thing wrong, worded as the command line words it.
	submit(e env) (tea.Cmd, error)
	// setErr shows a problem in the form (nil clears it).
	setErr(err error)
	// changed reports whether anything differs from what the form opened
	// with: then esc asks before throwing it away.
	changed() bool
}

// formKit is what every form is built with: the styles it is drawn in and
// the one KeyMap it answers to.
type formKit struct {
	st   styles
	keys *KeyMap
}

// env is what a form needs to turn its input into a write.
type env struct {
	ctx   context.Context
	core  *core.Core
	now   time.Time
	rules cadence.Rules
}

// choiceGroup is a row of options in a picker, with an optional label.
type choiceGroup struct {
	label string
	items []string
}

// field is one line of a form: a text input, a picker, or both (a picker
// whose value can also be typed, as channel aliases can).
type field struct {
	label  string
	input  textinput.Model
	groups []choiceGroup       // the options ←/→ cycle through, if any
	locked bool                // only the options can be picked; typing does nothing
	canon  func(string) string // the option a typed value stands for ("phone" → "call")
	value  string              // a locked field's value
	start  string              // the value the form opened with
	marks  *[2]string          // a text of several lines: its marks for a break and a tab (see lineMarks)
}

// A note may hold line breaks and tabs, which a one-line input cannot: its
// field shows them as marks, and gives them back as they were when the
// form is saved, so that editing one word keeps the note's lines. The
// marks are the first pair of these the note does not hold itself.
var lineMarks = [][2]string{{"↵", "⇥"}, {"⏎", "↹"}, {"¶", "→"}}

// setText puts stored text in the field, line breaks and tabs as marks.
func (f *field) setText(s string) {
	f.marks = nil
	for _, m := range lineMarks {
		if !strings.Contains(s, m[0]) && !strings.Contains(s, m[1]) {
			f.marks = &m
			s = strings.NewReplacer("\r\n", m[0], "\n", m[0], "\t", m[1]).Replace(s)
			break
		}
	}
	f.input.SetValue(termtext.Text(s))
	f.input.CursorEnd()
}

func (f *field) choices() []string {
	var all []string
	for _, g := range f.groups {
		all = append(all, g.items...)
	}
	return all
}

// current is the field's value: what was typed, or the option picked.
func (f *field) current() string {
	if f.locked {
		return f.value
	}
	if f.marks != nil {
		return strings.NewReplacer(f.marks[0], "\n", f.marks[1], "\t").Replace(f.input.Value())
	}
	return f.input.Value()
}

// chosen is the option the value stands for, or "".
func (f *field) chosen() string {
	v := strings.TrimSpace(f.current())
	if f.canon != nil {
		v = f.canon(v)
	}
	for _, c := range f.choices() {
		if strings.EqualFold(c, v) {
			return c
		}
	}
	return ""
}

// cycle picks the option step places from the current one.
func (f *field) cycle(step int) {
	all := f.choices()
	if len(all) == 0 {
		return
	}
	i := -1
	if c := f.chosen(); c != "" {
		for j, x := range all {
			if x == c {
				i = j
			}
		}
	}
	if i < 0 && step < 0 {
		i = 0
	}
	next := all[((i+step)%len(all)+len(all))%len(all)]
	if f.locked {
		f.value = next
		return
	}
	f.input.SetValue(next)
	f.input.CursorEnd()
}

// newInput is a one-line text input that does not blink (a blinking cursor
// would tick for ever and make screens differ from one moment to the next).
func newInput(st styles, value, placeholder string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = ""
	if placeholder != "" {
		// In brackets, so that a hint never reads as a value, colour or not.
		ti.Placeholder = "(" + placeholder + ")"
	}
	s := textinput.DefaultDarkStyles()
	s.Cursor.Blink = false
	if st.plain {
		s.Focused = textinput.StyleState{}
		s.Blurred = textinput.StyleState{}
	} else {
		s.Focused.Placeholder = st.dim
		s.Blurred.Placeholder = st.dim
	}
	ti.SetStyles(s)
	ti.SetValue(termtext.Text(value)) // stored text may hold what a terminal would obey
	ti.CursorEnd()
	return ti
}

// fieldSet is the fields of a form, one of them focused, and the last
// problem found.
type fieldSet struct {
	formKit
	fields []*field
	focus  int
	err    error
	width  int
}

func (fs *fieldSet) add(f *field) *field {
	f.start = f.current()
	fs.fields = append(fs.fields, f)
	fs.focusOn(fs.focus)
	return f
}

func (fs *fieldSet) focusOn(i int) {
	fs.focus = (i + len(fs.fields)) % len(fs.fields)
	for j, f := range fs.fields {
		if f.locked {
			continue // a picker has no text input
		}
		if j == fs.focus {
			f.input.Focus()
		} else {
			f.input.Blur()
		}
	}
}

func (fs *fieldSet) setErr(err error) { fs.err = err }

func (fs *fieldSet) changed() bool {
	for _, f := range fs.fields {
		if f.current() != f.start {
			return true
		}
	}
	return false
}

// SetSize gives the form the window's width; the root keeps a form too
// tall in view (keepInView).
func (fs *fieldSet) SetSize(w, _ int) {
	fs.width = w
	for _, f := range fs.fields {
		f.input.SetWidth(max(10, w-fs.labelWidth()-6))
	}
}

func (fs *fieldSet) labelWidth() int {
	n := 0
	for _, f := range fs.fields {
		n = max(n, len(f.label))
	}
	return n
}

// Update takes a key that is not save, cancel or quit, or pasted text,
// into the focused field.
func (fs *fieldSet) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return fs.key(msg)
	case tea.PasteMsg:
		return fs.paste(msg)
	}
	return nil
}

// Keys are saving, moving between the fields, choosing and cancelling.
func (fs *fieldSet) Keys() []*key.Binding {
	k := fs.keys
	return []*key.Binding{&k.Save, &k.NextField, &k.PrevField, &k.Choose, &k.Cancel}
}

func (fs *fieldSet) key(msg tea.KeyPressMsg) tea.Cmd {
	k := fs.keys
	f := fs.fields[fs.focus]
	switch {
	case matches(msg, k.NextField):
		fs.focusOn(fs.focus + 1)
		return nil
	case matches(msg, k.PrevField):
		fs.focusOn(fs.focus - 1)
		return nil
	case len(f.groups) > 0 && msg.String() == "right":
		f.cycle(1)
		return nil
	case len(f.groups) > 0 && msg.String() == "left":
		f.cycle(-1)
		return nil
	case f.locked:
		if msg.String() == "space" {
			f.cycle(1)
		}
		return nil
	}
	if len(f.groups) > 0 && msg.Text != "" && f.chosen() != "" && f.input.Position() == len([]rune(f.input.Value())) {
		// A value picked from the options is replaced by what is typed
		// over it, not added to: "regular" then q is "q", not "regularq".
		f.input.SetValue("")
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return cmd
}

func (fs *fieldSet) paste(msg tea.PasteMsg) tea.Cmd {
	f := fs.fields[fs.focus]
	if f.locked {
		return nil
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return cmd
}

// draw draws a title, the fields, and the problem, if any.
func (fs *fieldSet) draw(title string) string {
	st := fs.st
	var b strings.Builder
	b.WriteString(st.title.Render(title) + "\n\n")
	lw := fs.labelWidth()
	indent := strings.Repeat(" ", lw+4)
	for i, f := range fs.fields {
		marker, label := "  ", st.label.Render(pad(f.label, lw))
		if i == fs.focus {
			marker, label = "▸ ", st.focus.Render(pad(f.label, lw))
		}
		line := marker + label + "  "
		if f.locked {
			line += picker(st, f.groups[0].items, f.chosen())
		} else {
			line += f.input.View()
		}
		b.WriteString(line + "\n")
		if !f.locked {
			for _, g := range f.groups {
				row := picker(st, g.items, f.chosen())
				if g.label != "" {
					row = st.dim.Render(pad(g.label, 6)) + row
				}
				b.WriteString(indent + row + "\n")
			}
		}
	}
	if fs.err != nil {
		// The whole of it, wrapped: its end is often the hint that helps.
		b.WriteString("\n")
		for i, l := range wrapText(termtext.Line(fs.err.Error()), max(10, fs.width-2)) {
			mark := "  "
			if i == 0 {
				mark = "! "
			}
			b.WriteString(st.err.Render(mark+l) + "\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// edits counts the fields of a form changed since it opened, applying each
// change found: a form that corrects a record sends those alone.
type edits int

func (n *edits) of(fl *field, apply func()) {
	if fl.current() != fl.start {
		apply()
		*n++
	}
}

// keepInView cuts a form taller than height to a window of its lines that
// shows the focused field (the line marked ▸) and the choices under it,
// below the title, with the problem (the line marked !), if any, kept on
// the last line. In a short terminal the fields below would otherwise be
// typed into unseen.
func keepInView(body string, height int) string {
	lines := strings.Split(body, "\n")
	if len(lines) <= height {
		return body
	}
	title, rest := lines[0], lines[1:]
	marked := func(mark string) func(string) bool {
		return func(l string) bool { return strings.HasPrefix(ansi.Strip(l), mark) }
	}
	var problem []string
	if i := slices.IndexFunc(rest, marked("! ")); i >= 0 {
		problem = rest[i:] // the problem comes last, wrapped over its lines
		rest = rest[:i]
	}
	focus := max(0, slices.IndexFunc(rest, marked("▸ ")))
	if height <= 1 {
		return rest[focus] // the field being typed into, before all else
	}
	room := height - 1 - len(problem)
	if room < 1 {
		problem, room = nil, height-1
	}
	end := min(len(rest), focus+3)      // the field, and up to two rows of its choices
	top := max(0, min(focus, end-room)) // the field itself always
	out := append([]string{title}, rest[top:min(len(rest), top+room)]...)
	out = append(out, problem...)
	return strings.Join(out, "\n")
}

// picker draws options in a row, the chosen one in brackets.
func picker(st styles, items []string, chosen string) string {
	parts := make([]string, len(items))
	for i, it := range items {
		if it == chosen {
			parts[i] = st.choice.Render("[" + it + "]")
		} else {
			parts[i] = it
		}
	}
	return strings.Join(parts, " ")
}

// matches reports whether a key press is one of the bindings.
func matches(msg tea.KeyPressMsg, bs ...key.Binding) bool {
	return key.Matches(msg, bs...)
}
