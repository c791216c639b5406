package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
)

// historyPage is how many interactions History reads at a time; more are
// read as the cursor nears the end.
const historyPage = 500

// historyReach is how many of the newest interactions a search, or G (the
// last), reads at once: years of a life's history, without holding all of
// a generated million.
const historyReach = 50_000

// historyView lists every interaction, newest first, with a search (/)
// over names, channels and notes, and the whole note of the interaction
// under the cursor beneath the list.
type historyView struct {
	w             *world
	keys          *KeyMap
	load          func(limit int) tea.Cmd // reads the newest limit interactions
	width, height int
	limit         int
	loaded        bool
	all           []domain.Interaction // what was read
	items         []domain.Interaction // what the search lets through
	input         textinput.Model
	searching     bool // the search has the keyboard
	toEnd         bool // G read further: the cursor goes to the oldest
	cur, top      int
}

func newHistoryView(w *world, keys *KeyMap, load func(limit int) tea.Cmd) historyView {
	in := newInput(w.st, "", "a name, a channel or words of a note")
	in.Prompt = "/ "
	return historyView{w: w, keys: keys, load: load, input: in}
}

func (v *historyView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.scroll()
}

func (v *historyView) set(msg historyLoadedMsg) {
	keep := ""
	if v.cur < len(v.items) {
		keep = v.items[v.cur].ID
	}
	v.loaded = true
	v.limit = max(v.limit, msg.limit)
	v.all = msg.items
	v.items = searchHistory(v.all, v.input.Value())
	v.cur = 0
	for i, in := range v.items {
		if in.ID == keep {
			v.cur = i
			break
		}
	}
	if v.toEnd {
		v.cur, v.toEnd = max(0, len(v.items)-1), false
	}
	v.scroll()
}

// wantsMore reports whether the cursor is near the end of what was read
// and there may be more to read.
func (v *historyView) wantsMore() bool {
	return v.loaded && len(v.all) >= v.limit && v.cur >= len(v.items)-v.height
}

// searchHistory keeps the interactions whose names, channel or note hold
// every word of q, ignoring case.
func searchHistory(all []domain.Interaction, q string) []domain.Interaction {
	words := strings.Fields(strings.ToLower(q))
	if len(words) == 0 {
		return all
	}
	var out []domain.Interaction
	for _, in := range all {
		text := strings.ToLower(strings.Join(in.Names, " ") + " " + string(in.Via) + " " + in.Note)
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(text, w) }) {
			out = append(out, in)
		}
	}
	return out
}

func (v *historyView) searched() bool { return strings.TrimSpace(v.input.Value()) != "" }

func (v *historyView) startSearch() tea.Cmd {
	v.searching = true
	return v.input.Focus()
}

func (v *historyView) clearSearch() {
	v.searching = false
	v.input.Blur()
	v.input.SetValue("")
	v.research()
}

// research runs the search again, keeping the cursor on the same
// interaction where it is still listed.
func (v *historyView) research() {
	keep := ""
	if v.cur < len(v.items) {
		keep = v.items[v.cur].ID
	}
	v.items = searchHistory(v.all, v.input.Value())
	v.cur = max(0, slices.IndexFunc(v.items, func(in domain.Interaction) bool { return in.ID == keep }))
	v.scroll()
}

// searchKey handles a key while the search has the keyboard: enter keeps
// the search, esc drops it, up and down still move.
func (v *historyView) searchKey(msg tea.KeyPressMsg, k KeyMap) {
	switch {
	case matches(msg, k.Open):
		v.searching = false
		v.input.Blur()
		return
	case matches(msg, k.Back):
		v.clearSearch()
		return
	}
	switch msg.String() {
	case "up":
		v.move(-1)
		return
	case "down":
		v.move(1)
		return
	}
	before := v.input.Value()
	v.input, _ = v.input.Update(msg)
	if v.input.Value() != before {
		v.research()
	}
}

func (v *historyView) move(delta int) {
	v.cur = clampInt(v.cur+delta, 0, len(v.items)-1)
	v.scroll()
}

func (v *historyView) pageSize() int { return max(1, v.height-2) }

func (v *historyView) selected() selection {
	if v.cur < len(v.items) && len(v.items[v.cur].People) > 0 {
		return selection{id: v.items[v.cur].People[0], interaction: v.items[v.cur], byInteraction: true}
	}
	return selection{}
}

// listRoom is the lines left for the list under its heading, the search
// line and the note panel.
func (v *historyView) listRoom() int {
	h := v.height - 1 - len(v.notePanel())
	if v.searching || v.searched() {
		h--
	}
	return max(1, h)
}

// listHeight is the rows of the list the window shows: one fewer than
// listRoom when they do not all fit, for the line that says how many more.
func (v *historyView) listHeight() int { return room(len(v.items), v.listRoom()) }

// notePanel is the whole note of the interaction under the cursor when its
// row cannot show it all: a rule, then the note wrapped, at most four lines.
func (v *historyView) notePanel() []string {
	if v.cur >= len(v.items) || v.height < 10 {
		return nil
	}
	note := termtext.Line(v.items[v.cur].Note)
	if note == "" || v.width >= 60 && widthOf(note) <= v.width-historyNoteColumn-12 {
		return nil
	}
	lines := wrapText(note, v.width-2)
	if len(lines) > 4 {
		lines = append(lines[:3], fitWords(strings.Join(lines[3:], " "), v.width-2))
	}
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return append([]string{strings.Repeat("─", min(v.width, 20)) + " note"}, lines...)
}

// historyNoteColumn is where a wide row's note starts: marker, date, who,
// channel, direction.
const historyNoteColumn = 2 + 16 + 2 + 22 + 1 + 9 + 4 + 2

func (v *historyView) scroll() {
	v.top = listTop(v.cur, v.top, v.listHeight(), len(v.items))
}

// Update takes a key among Keys, or anything typed or pasted into the
// search while it has the keyboard. Moving near the end of what was read
// reads more.
func (v *historyView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if v.searching {
			v.input, _ = v.input.Update(msg)
			v.research()
			return v.reachFurther()
		}
	case tea.KeyPressMsg:
		return v.key(msg)
	}
	return nil
}

func (v *historyView) key(msg tea.KeyPressMsg) tea.Cmd {
	k := v.keys
	switch {
	case v.searching:
		v.searchKey(msg, *k)
		return v.reachFurther()
	case matches(msg, k.Filter):
		return v.startSearch()
	case matches(msg, k.Back): // esc drops the search before it leaves
		v.clearSearch()
		return say("")
	case matches(msg, k.End) && v.loaded && len(v.all) >= v.limit && v.limit < historyReach:
		navigate(msg, k, v)
		v.limit, v.toEnd = historyReach, true // the last is the oldest, not the last read
		return v.load(v.limit)
	case navigate(msg, k, v) && v.wantsMore():
		v.limit += historyPage
		return v.load(v.limit)
	}
	return nil
}

// reachFurther reads as far as historyReach once a search is typed: a
// search of the newest page alone would find nothing older and say so
// with "0 of 500".
func (v *historyView) reachFurther() tea.Cmd {
	if !v.searched() || !v.loaded || len(v.all) < v.limit || v.limit >= historyReach {
		return nil
	}
	v.limit = historyReach
	return v.load(v.limit)
}

// Keys are enter and esc while the search has the keyboard; otherwise the
// moves, the search, and esc to drop a search.
func (v *historyView) Keys() []*key.Binding {
	k := v.keys
	if v.searching {
		return []*key.Binding{&k.Open, &k.Back}
	}
	keys := append(moveKeys(k), &k.Filter)
	if v.searched() {
		keys = append(keys, &k.Back)
	}
	return keys
}

func (v *historyView) typing() bool { return v.searching }

// shown reads the first page the first time the view is opened.
func (v *historyView) shown() tea.Cmd {
	if v.loaded {
		return nil
	}
	if v.limit == 0 {
		v.limit = historyPage
	}
	return v.load(v.limit)
}

// reload reads the interactions again after each snapshot, once the view
// has asked for them.
func (v *historyView) reload(string) tea.Cmd {
	if v.limit == 0 {
		return nil
	}
	return v.load(v.limit)
}

// View draws the list and the note under the cursor.
func (v *historyView) View() string {
	w, st := v.w, v.w.st
	if !v.loaded {
		return "Loading…"
	}
	if len(v.all) == 0 {
		return "Nothing logged yet. Pick someone in Today or People and press l."
	}
	wide := v.width >= 60
	dateW, layout := 16, "2006-01-02 15:04"
	if !wide {
		dateW, layout = 10, "2006-01-02"
	}
	namesW := 22
	if !wide { // marker, date, gap, names, via, direction
		namesW = max(8, v.width-2-dateW-2-1-9-1-3)
	}
	head := "  " + pad("WHEN", dateW) + "  " + pad("WHO", namesW) + " " + pad("VIA", 9) + " DIR"
	if wide {
		head += "  NOTE"
	}
	var lines []string
	if v.searching || v.searched() {
		line := v.input.View()
		if !v.searching {
			line = "/ " + v.input.Value()
		}
		lines = append(lines, line+st.dim.Render(fmt.Sprintf("  %s of %s", thousands(len(v.items)), thousands(len(v.all)))))
	}
	lines = append(lines, st.header.Render(head))
	end := min(len(v.items), v.top+v.listHeight())
	for i := v.top; i < end; i++ {
		in := v.items[i]
		marker, nameStyle := st.cursor(i == v.cur)
		names := make([]string, len(in.Names))
		for j, n := range in.Names {
			names[j] = termtext.Line(n)
		}
		via := pad(string(in.Via), 9)
		switch {
		case in.Missed:
			via = pad("missed", 9) // a call that did not connect; DIR says whose
		case in.Via.Real():
			via = st.name.Render(via)
		}
		dir := "out"
		if in.Direction == cadence.In {
			dir = "in "
		}
		line := marker + st.dim.Render(in.At.In(w.now.Location()).Format(layout)) + "  " +
			nameStyle.Render(pad(words.And(names), namesW)) + " " + via + " " + dir
		if wide {
			var extra []string
			if in.Minutes > 0 {
				extra = append(extra, fmt.Sprintf("%d min", in.Minutes))
			}
			if in.Note != "" {
				extra = append(extra, termtext.Line(in.Note))
			}
			if len(extra) > 0 {
				line += "  " + st.dim.Render(strings.Join(extra, " · "))
			}
		}
		lines = append(lines, line)
	}
	if len(v.items) == 0 {
		lines = append(lines, "  no interaction matches") // as People says "no one matches"
	}
	if below := len(v.items) - end; below > 0 && v.listHeight() < v.listRoom() {
		lines = append(lines, moreBelow(below))
	}
	if panel := v.notePanel(); panel != nil {
		for len(lines) < v.height-len(panel) {
			lines = append(lines, "")
		}
		lines = append(lines, panel...)
	}
	return strings.Join(lines, "\n")
}
