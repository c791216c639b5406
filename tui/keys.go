package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key the TUI answers to. It implements help.KeyMap, so the
// help line and the full help screen (?) are drawn from the same bindings
// the Update functions match, and cannot disagree with them. Bindings that
// make no sense where the user is are disabled, which hides them from help
// too.
type KeyMap struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Home     key.Binding
	End      key.Binding
	Open     key.Binding
	Back     key.Binding

	NextTab    key.Binding
	PrevTab    key.Binding
	TabToday   key.Binding
	TabPeople  key.Binding
	TabPerson  key.Binding
	TabHistory key.Binding
	TabPlan    key.Binding
	TabStats   key.Binding

	Log      key.Binding
	Add      key.Binding
	Edit     key.Binding
	Remember key.Binding
	Done     key.Binding
	Snooze   key.Binding
	Archive  key.Binding
	Restore  key.Binding
	Undo     key.Binding
	Unlog    key.Binding
	Amend    key.Binding
	Filter   key.Binding
	Archived key.Binding

	Save      key.Binding
	NextField key.Binding
	PrevField key.Binding
	Choose    key.Binding
	Cancel    key.Binding
	Yes       key.Binding
	No        key.Binding

	Help      key.Binding
	Quit      key.Binding
	ForceQuit key.Binding
}

// DefaultKeyMap returns the keys tend ships with.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	}
	k := func(keys ...string) []string { return keys }
	return KeyMap{
		Up:       b(k("up", "k"), "↑/k", "up"),
		Down:     b(k("down", "j"), "↓/j", "down"),
		PageUp:   b(k("pgup", "ctrl+u"), "pgup", "page up"),
		PageDown: b(k("pgdown", "ctrl+d"), "pgdn", "page down"),
		Home:     b(k("home", "g"), "g", "first"),
		End:      b(k("end", "G"), "G", "last"),
		Open:     b(k("enter"), "enter", "open"),
		Back:     b(k("esc"), "esc", "back"),

		NextTab:    b(k("tab"), "tab", "next view"),
		PrevTab:    b(k("shift+tab"), "shift+tab", "previous view"),
		TabToday:   b(k("1"), "1", "today"),
		TabPeople:  b(k("2"), "2", "people"),
		TabPerson:  b(k("3"), "3", "person"),
		TabHistory: b(k("4"), "4", "history"),
		TabPlan:    b(k("5"), "5", "plan"),
		TabStats:   b(k("6"), "6", "stats"),

		Log:      b(k("l"), "l", "log"),
		Add:      b(k("a"), "a", "add"),
		Edit:     b(k("e"), "e", "edit"),
		Remember: b(k("m"), "m", "remember"),
		Done:     b(k("d"), "d", "done"),
		Snooze:   b(k("s"), "s", "snooze"),
		Archive:  b(k("x"), "x", "archive"),
		Restore:  b(k("u"), "u", "restore"),
		Undo:     b(k("U"), "U", "undo"),
		Unlog:    b(k("X"), "X", "delete interaction"),
		Amend:    b(k("c"), "c", "correct interaction"),
		Filter:   b(k("/"), "/", "filter"),
		Archived: b(k("A"), "A", "show archived"),

		Save:      b(k("enter"), "enter", "save"),
		NextField: b(k("tab", "down"), "tab/↓", "next field"),
		PrevField: b(k("shift+tab", "up"), "shift+tab/↑", "previous field"),
		Choose:    b(k("left", "right"), "←/→", "choose"),
		Cancel:    b(k("esc"), "esc", "cancel"),
		Yes:       b(k("y", "enter"), "y", "yes"),
		No:        b(k("n", "esc"), "n/esc", "no"),

		Help:      b(k("?"), "?", "help"),
		Quit:      b(k("q", "ctrl+c"), "q", "quit"),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c")),
	}
}

// tabKeys are the keys straight to each view, in the order of the tabs.
func (k *KeyMap) tabKeys() []*key.Binding {
	return []*key.Binding{&k.TabToday, &k.TabPeople, &k.TabPerson, &k.TabHistory, &k.TabPlan, &k.TabStats}
}

// ShortHelp is the one line of help under every screen.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		k.Open, k.Log, k.Save, k.Yes, k.No, k.Cancel, k.Back, k.Help, k.Quit,
		k.Done, k.Restore, k.Add, k.Filter, k.NextField, k.Choose, k.NextTab,
	}
}

// FullHelp is the help screen, in columns: moving, the views, what can be
// done to someone, the rest, and the keys of the forms.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.Open, k.Back},
		{k.NextTab, k.PrevTab, k.TabToday, k.TabPeople, k.TabPerson, k.TabHistory, k.TabPlan, k.TabStats},
		{k.Log, k.Add, k.Edit, k.Remember, k.Done, k.Snooze, k.Archive, k.Restore},
		{k.Amend, k.Unlog, k.Undo},
		{k.Filter, k.Archived, k.Help, k.Quit},
		{k.Save, k.NextField, k.PrevField, k.Choose, k.Cancel, k.Yes, k.No},
	}
}

// keyContext is what decides which of the root's keys work.
type keyContext struct {
	mode     mode
	home     bool // Today is on screen: esc has nowhere to go back to
	hasItem  bool // something is under the cursor
	active   bool // an active person is selected
	archived bool // an archived person is selected
	memory   bool // an open memory is under the cursor
	// an interaction is under the cursor (History, Person's timeline)
	interaction bool
	// the person is only the first of an interaction's people (History)
	byInteraction bool
	hasPerson     bool // the Person tab has someone to show
}

// mode is what has the keyboard.
type mode int

const (
	modeBrowse  mode = iota // moving around the views
	modeFilter              // typing in a view's filter or search
	modeForm                // filling in a form
	modeConfirm             // answering a yes/no question
	modeHelp                // reading the full help
)

// enableFor turns on exactly the bindings that do something in c, and own:
// the keys of the view on screen, or of the open form, while it has the
// keyboard.
func (k *KeyMap) enableFor(c keyContext, own []*key.Binding) {
	browse := c.mode == modeBrowse
	form := c.mode == modeForm
	set := func(on bool, bs ...*key.Binding) {
		for _, b := range bs {
			b.SetEnabled(on)
		}
	}
	set(browse || c.mode == modeHelp, &k.Up, &k.Down, &k.PageUp, &k.PageDown)
	// the views' and forms' own, turned on below
	set(false, &k.Home, &k.End, &k.Filter, &k.Archived,
		&k.Save, &k.NextField, &k.PrevField, &k.Choose, &k.Cancel)
	set(browse,
		&k.NextTab, &k.PrevTab, &k.TabToday, &k.TabPeople, &k.TabHistory, &k.TabPlan, &k.TabStats,
		&k.Add)
	set(browse || c.mode == modeHelp, &k.Help) // ? opens the help and closes it
	set(browse && c.hasPerson, &k.TabPerson)
	set(browse && c.hasItem, &k.Open)
	set(browse && !c.home || c.mode == modeHelp, &k.Back)
	set(browse && c.active, &k.Log, &k.Remember, &k.Snooze)
	// In History, the person under the cursor is only the first of an
	// interaction's people: archiving them from there was a surprise.
	set(browse && c.active && !c.byInteraction, &k.Archive)
	set(browse && c.interaction, &k.Unlog, &k.Amend)
	set(browse, &k.Undo)
	set(browse && c.archived, &k.Restore)
	set(browse && (c.active || c.archived), &k.Edit)
	set(browse && c.memory, &k.Done)
	set(c.mode == modeConfirm, &k.Yes, &k.No)
	set(browse || c.mode == modeHelp, &k.Quit)
	if browse || form || c.mode == modeFilter {
		set(true, own...)
	}
	k.Open.SetHelp("enter", "open")
	k.Back.SetHelp("esc", "back")
	if c.mode == modeFilter {
		k.Open.SetEnabled(true)
		k.Open.SetHelp("enter", "keep filter")
		k.Back.SetHelp("esc", "clear filter")
	}
}
