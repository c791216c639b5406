package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// component is the shape of the views and the forms. The root owns focus
// and routing: it gives every component its size, sends one only the
// messages meant for it, draws its View, and enables its Keys in the one
// KeyMap, so that help shows exactly what it answers to.
type component interface {
	// SetSize gives the component the room it has under the tab bar.
	SetSize(width, height int)
	// Update handles a message meant for the component.
	Update(msg tea.Msg) tea.Cmd
	// View draws the component.
	View() string
	// Keys are the bindings of the root's KeyMap the component answers to
	// where it is now.
	Keys() []*key.Binding
}

// view is one of the six screens under the tab bar. It is sent the keys
// among its Keys, or every key and paste while it is typing.
type view interface {
	component
	// selected is what the cursor is on: the root acts on it (log, edit,
	// open, ...).
	selected() selection
}

// typist is a view that can take the keyboard for text (a filter, a
// search): while typing, every key is its own.
type typist interface {
	typing() bool
}

// shower is a view with something to ask for when it comes on screen.
type shower interface {
	shown() tea.Cmd
}

var (
	_ view   = (*todayView)(nil)
	_ view   = (*peopleView)(nil)
	_ view   = (*personView)(nil)
	_ view   = (*historyView)(nil)
	_ view   = (*planView)(nil)
	_ view   = (*statsView)(nil)
	_ typist = (*peopleView)(nil)
	_ typist = (*historyView)(nil)
	_ shower = (*historyView)(nil)
	_ shower = (*planView)(nil)
	_ shower = (*statsView)(nil)

	_ form = (*personForm)(nil)
	_ form = (*logForm)(nil)
	_ form = (*rememberForm)(nil)
	_ form = (*snoozeForm)(nil)
	_ form = (*confirmForm)(nil)
)

// mover is a view with a cursor.
type mover interface {
	move(delta int)
	pageSize() int
}

// moveKeys are the keys that move a cursor.
func moveKeys(k *KeyMap) []*key.Binding {
	return []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Home, &k.End}
}

// navigate moves v's cursor by the key pressed, and reports whether it was
// a key that moves.
func navigate(msg tea.Msg, k *KeyMap, v mover) bool {
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	steps := []struct {
		key   key.Binding
		delta int
	}{
		{k.Up, -1}, {k.Down, 1},
		{k.PageUp, -v.pageSize()}, {k.PageDown, v.pageSize()},
		{k.Home, -1 << 30}, {k.End, 1 << 30},
	}
	for _, s := range steps {
		if matches(press, s.key) {
			v.move(s.delta)
			return true
		}
	}
	return false
}

// matchesAny reports whether msg is one of the enabled bindings bs.
func matchesAny(msg tea.KeyPressMsg, bs []*key.Binding) bool {
	for _, b := range bs {
		if matches(msg, *b) {
			return true
		}
	}
	return false
}

// statusMsg is what a view has to say in the status line.
type statusMsg string

func say(s string) tea.Cmd { return func() tea.Msg { return statusMsg(s) } }
