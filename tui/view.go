package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// view is one of the six screens under the tab bar. The root owns focus
// and routing: it gives every view its size, sends a view only the
// messages meant for it (the keys among its Keys, or every key and paste
// while it is typing), draws its View, and enables its Keys in the one
// KeyMap, so that help shows exactly what the view answers to.
type view interface {
	// SetSize gives the view the room it has under the tab bar.
	SetSize(width, height int)
	// Update handles a message meant for the view.
	Update(msg tea.Msg) tea.Cmd
	// View draws the view, at most its height in lines.
	View() string
	// Keys are the bindings of the root's KeyMap the view answers to where
	// it is now.
	Keys() []*key.Binding
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
