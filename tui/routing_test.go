package tui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// spyView is a view that records what the root sends it.
type spyView struct {
	name          string
	width, height int
	got           []tea.Msg
	keys          []*key.Binding
	types         bool // it has the keyboard, as a filter does
}

func (v *spyView) SetSize(w, h int)           { v.width, v.height = w, h }
func (v *spyView) Update(msg tea.Msg) tea.Cmd { v.got = append(v.got, msg); return nil }
func (v *spyView) View() string               { return "spy " + v.name }
func (v *spyView) Keys() []*key.Binding       { return v.keys }
func (v *spyView) selected() selection        { return selection{} }
func (v *spyView) typing() bool               { return v.types }

// spied replaces the six views of a started model with spies.
func spied(h *harness) [tabCount]*spyView {
	var spies [tabCount]*spyView
	for t := range tabCount {
		spies[t] = &spyView{name: t.String()}
		h.m.views[t] = spies[t]
	}
	h.m.syncKeys()
	return spies
}

// received is what each spy got, by name, for a failure message.
func received(spies [tabCount]*spyView) map[string]int {
	got := map[string]int{}
	for _, s := range spies {
		got[s.name] = len(s.got)
	}
	return got
}

func TestASizeReachesEveryView(t *testing.T) {
	t.Parallel()
	h := newHarness(t).start(80, 24)
	spies := spied(h)
	h.send(windowSize(100, 30))
	for _, s := range spies {
		if s.width != 100 || s.height != 26 {
			t.Errorf("%s was given %dx%d, want 100x26 (the window less the tab bar, rule, status and help lines)", s.name, s.width, s.height)
		}
	}
}

func TestAKeyReachesOnlyTheActiveView(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		on     tab
		keys   func(k *KeyMap) []*key.Binding
		types  bool
		press  string
		reach  bool // the active view gets the key
		onView tab  // where the root is afterwards
	}{
		{"one of its keys", tabPeople, func(k *KeyMap) []*key.Binding { return []*key.Binding{&k.Down} }, false, "j", true, tabPeople},
		{"not one of its keys", tabPlan, func(k *KeyMap) []*key.Binding { return []*key.Binding{&k.Down} }, false, "k", false, tabPlan},
		{"a root key", tabPlan, func(k *KeyMap) []*key.Binding { return []*key.Binding{&k.Down} }, false, "2", false, tabPeople},
		{"a view's key before the root's", tabHistory, func(k *KeyMap) []*key.Binding { return []*key.Binding{&k.Back} }, false, "esc", true, tabHistory},
		{"any key while typing", tabHistory, func(k *KeyMap) []*key.Binding { return []*key.Binding{&k.Open, &k.Back} }, true, "2", true, tabHistory},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t).start(80, 24)
			h.m.tab = c.on
			spies := spied(h)
			spies[c.on].keys = c.keys(&h.m.keys)
			spies[c.on].types = c.types
			h.m.syncKeys()
			h.press(c.press)
			for tb, s := range spies {
				want := 0
				if tab(tb) == c.on && c.reach {
					want = 1
				}
				if len(s.got) != want {
					t.Errorf("%s got %d messages, want %d: %v", s.name, len(s.got), want, received(spies))
				}
			}
			if h.m.tab != c.onView {
				t.Errorf("on %v after %q, want %v", h.m.tab, c.press, c.onView)
			}
		})
	}
}

func TestAPasteReachesOnlyTheActiveView(t *testing.T) {
	t.Parallel()
	h := newHarness(t).start(80, 24)
	h.m.tab = tabPeople
	spies := spied(h)
	h.send(tea.PasteMsg{Content: "Ana"})
	for tb, s := range spies {
		if want := tab(tb) == tabPeople; (len(s.got) == 1) != want {
			t.Errorf("%s got %d messages: %v", s.name, len(s.got), received(spies))
		}
	}
}

// TestTheViewsKeysAreInHelp: the help line shows the keys the view on
// screen adds, and not those it does not, from the one KeyMap.
func TestTheViewsKeysAreInHelp(t *testing.T) {
	t.Parallel()
	h := newHarness(t).start(100, 24)
	spies := spied(h)
	if strings.Contains(h.screen(), "/ filter") {
		t.Fatalf("help shows / filter, which the view on screen does not answer to:\n%s", h.screen())
	}
	spies[tabToday].keys = []*key.Binding{&h.m.keys.Filter}
	h.m.syncKeys()
	h.contains("/ filter")
	h.press("/")
	if len(spies[tabToday].got) != 1 {
		t.Errorf("the key help shows did not reach the view: %v", received(spies))
	}
}

// TestAnOpenFormTakesKeysAndPastes: while a form is open, keys and pastes
// go to it and not to the view under it, and help shows the form's keys.
func TestAnOpenFormTakesKeysAndPastes(t *testing.T) {
	t.Parallel()
	h := newHarness(t).start(80, 24)
	spies := spied(h)
	spies[tabToday].keys = moveKeys(&h.m.keys)
	h.m.syncKeys()
	h.press("a")
	h.send(tea.PasteMsg{Content: "Zoë"})
	h.press("j")
	if got := received(spies); got["Today"] != 0 {
		t.Errorf("the view under the form got %v", got)
	}
	f, ok := h.m.form.(*personForm)
	if !ok {
		t.Fatalf("a opened %T, want the person form", h.m.form)
	}
	if got := f.name.current(); got != "Zoëj" {
		t.Errorf("the name field holds %q, want the paste and the key: %q", got, "Zoëj")
	}
	h.contains("enter save", "esc cancel")
	if strings.Contains(h.screen(), "↓/j down") || h.m.keys.Down.Enabled() {
		t.Error("the view's keys are still on while the form is open")
	}
}

// TestTheFrameIsSanitised: whatever reaches the frame, from a view or the
// status line, only colours get to the terminal; another sequence shows
// as text.
func TestTheFrameIsSanitised(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.m.setStatus("saved \x1b]52;c;cHduZWQ=\x07 \x1b[2J")
	frame := h.m.View().Content
	if strings.Contains(frame, "\x1b]") || strings.Contains(frame, "\x07") || strings.Contains(frame, "\x1b[2J") {
		t.Fatalf("the frame sends a sequence that is not a colour: %q", frame)
	}
	if !strings.Contains(frame, "␛]52;c;cHduZWQ=␇") {
		t.Errorf("the status's sequence is not shown as text: %q", frame)
	}
}
