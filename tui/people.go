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
)

// peopleView lists everyone, the most due first, with a fuzzy filter (/)
// and archived people on request (A).
type peopleView struct {
	w             *world
	keys          *KeyMap
	width, height int
	showArchived  bool
	all           []*entry // in due order, archived last
	names         []string // all's names, for the filter
	rows          []*entry // what the filter lets through
	input         textinput.Model
	filtering     bool // the filter has the keyboard
	cur, top      int
}

func newPeopleView(w *world, keys *KeyMap) peopleView {
	in := newInput(w.st, "", "type a name, or #tag")
	in.Prompt = "/ "
	return peopleView{w: w, keys: keys, input: in}
}

func (v *peopleView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.input.SetWidth(max(10, w-20))
	v.scroll()
}

func (v *peopleView) selectedID() string {
	if v.cur < len(v.rows) {
		return v.rows[v.cur].sum.ID
	}
	return ""
}

func (v *peopleView) refresh(w *world, prefer string) {
	v.w = w
	keep := v.selectedID()
	if prefer != "" {
		keep = prefer
	}
	v.all = append(v.all[:0], w.active...)
	sortByDue(v.all)
	if v.showArchived { // after the active, in the order of tend list --archived
		active := len(v.all)
		v.all = append(v.all, w.archived...)
		sortByDue(v.all[active:])
	}
	v.names = v.names[:0]
	for _, e := range v.all {
		v.names = append(v.names, filterText(e))
	}
	v.applyFilter(keep)
}

// applyFilter runs the filter and puts the cursor back on keep, or on the
// best match. A word of the filter that starts with # is a tag: "#family"
// keeps the people tagged family, "#family ana" the Anas among them.
func (v *peopleView) applyFilter(keep string) {
	tags, name := splitFilter(v.input.Value())
	pool, names := v.all, v.names
	if len(tags) > 0 {
		pool, names = nil, nil
		for _, e := range v.all {
			if hasTags(e.sum.Tags, tags) {
				pool = append(pool, e)
				names = append(names, filterText(e))
			}
		}
	}
	v.cur = 0
	if name == "" {
		v.rows = pool
	} else {
		// The store's folding, so that /lea finds Léa as tend log lea does.
		// The matches keep the list's order, the most due first; the
		// cursor goes to the best of them.
		matches := domain.FilterNames(name, names)
		best := -1
		if len(matches) > 0 {
			best = matches[0]
		}
		slices.Sort(matches)
		v.rows = make([]*entry, len(matches))
		for i, m := range matches {
			v.rows[i] = pool[m]
			if m == best {
				v.cur = i
			}
		}
	}
	if keep != "" {
		for i, e := range v.rows {
			if e.sum.ID == keep {
				v.cur = i
				break
			}
		}
	}
	v.scroll()
}

// filterText is what the filter looks in for someone: their name and
// aliases, as tend log finds them ("mama" finds Mum).
func filterText(e *entry) string {
	if len(e.sum.Aliases) == 0 {
		return e.sum.Name
	}
	return e.sum.Name + " " + strings.Join(e.sum.Aliases, " ")
}

// splitFilter parts a filter into its #tags and the name it looks for.
func splitFilter(q string) (tags []string, name string) {
	var words []string
	for _, f := range strings.Fields(q) {
		if t, ok := strings.CutPrefix(f, "#"); ok {
			if t != "" {
				tags = append(tags, t)
			}
			continue
		}
		words = append(words, f)
	}
	return tags, strings.Join(words, " ")
}

// hasTags reports whether have holds every tag of want, ignoring case.
func hasTags(have, want []string) bool {
	for _, w := range want {
		if !slices.ContainsFunc(have, func(h string) bool { return strings.EqualFold(h, w) }) {
			return false
		}
	}
	return true
}

func (v *peopleView) filtered() bool { return strings.TrimSpace(v.input.Value()) != "" }

func (v *peopleView) startFilter() tea.Cmd {
	v.filtering = true
	v.scroll()
	return v.input.Focus()
}

func (v *peopleView) clearFilter(w *world) {
	v.filtering = false
	v.input.Blur()
	keep := v.selectedID()
	v.input.SetValue("")
	v.applyFilter(keep)
}

// filterKey handles a key while the filter has the keyboard: enter keeps
// the filter and gives the keyboard back, esc drops it, ↑/↓ still move.
func (v *peopleView) filterKey(msg tea.KeyPressMsg, k KeyMap, w *world) {
	switch {
	case matches(msg, k.Open):
		v.filtering = false
		v.input.Blur()
		v.scroll()
		return
	case matches(msg, k.Back):
		v.clearFilter(w)
		return
	}
	switch msg.String() { // not k.Up and k.Down: j and k are letters of names
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
		v.applyFilter("")
	}
}

func (v *peopleView) paste(msg tea.PasteMsg, w *world) {
	v.input, _ = v.input.Update(msg)
	v.applyFilter("")
}

func (v *peopleView) move(delta int) {
	v.cur = clampInt(v.cur+delta, 0, len(v.rows)-1)
	v.scroll()
}

func (v *peopleView) pageSize() int { return max(1, v.listHeight()-1) }

func (v *peopleView) selected() selection {
	if v.cur < len(v.rows) {
		e := v.rows[v.cur]
		return selection{id: e.sum.ID, entry: e}
	}
	return selection{}
}

// headerLines is how many lines come before the rows.
func (v *peopleView) headerLines() int {
	n := 2 // the counts and the column names
	if v.filtering || v.filtered() {
		n++
	}
	return n
}

// listHeight is the rows of people the window shows: one fewer when they
// do not all fit, for the line that says how many more are below.
func (v *peopleView) listHeight() int { return room(len(v.rows), max(1, v.height-v.headerLines())) }

func (v *peopleView) scroll() {
	v.top = listTop(v.cur, v.top, v.listHeight(), len(v.rows))
}

// columns decides what fits: at 80 cells and more every column; below,
// the due number instead of the bar and the last talk in short, so that
// when the last real conversation was is never dropped to keep a wide name.
func (v *peopleView) columns() (nameW int, bar, last bool) {
	const marker, tier = 2, 8
	const most = 30 // wider names than this are cut short
	if v.width >= 80 {
		return min(most, max(10, v.width-marker-tier-19-26)), true, true
	}
	return min(most, max(6, v.width-marker-tier-8-lastShortWidth-1)), false, false
}

// lastShortWidth is the LAST REAL column of a narrow window.
const lastShortWidth = 11

// Update takes a key among Keys, or anything typed or pasted into the
// filter while it has the keyboard.
func (v *peopleView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if v.filtering {
			v.paste(msg, v.w)
		}
	case tea.KeyPressMsg:
		return v.key(msg)
	}
	return nil
}

func (v *peopleView) key(msg tea.KeyPressMsg) tea.Cmd {
	k := v.keys
	switch {
	case v.filtering:
		v.filterKey(msg, *k, v.w)
	case matches(msg, k.Filter):
		return v.startFilter()
	case matches(msg, k.Back): // esc drops the filter before it leaves
		v.clearFilter(v.w)
		return say("")
	case matches(msg, k.Archived):
		v.showArchived = !v.showArchived
		v.refresh(v.w, "")
		if v.showArchived {
			return say("Showing archived people too (A hides them).")
		}
		return say("Archived people hidden.")
	default:
		navigate(msg, k, v)
	}
	return nil
}

// Keys are enter and esc while the filter has the keyboard; otherwise the
// moves, the filter and showing the archived, and esc to drop a filter.
func (v *peopleView) Keys() []*key.Binding {
	k := v.keys
	if v.filtering {
		return []*key.Binding{&k.Open, &k.Back}
	}
	keys := append(moveKeys(k), &k.Filter, &k.Archived)
	if v.filtered() {
		keys = append(keys, &k.Back)
	}
	return keys
}

func (v *peopleView) typing() bool { return v.filtering }

// View draws the list.
func (v *peopleView) View() string {
	w := v.w
	st := w.st
	if len(w.active) == 0 && len(w.archived) == 0 {
		return strings.Join(emptyState(st, v.w.rules, v.width), "\n")
	}
	var lines []string
	lines = append(lines, v.counts(w))
	if v.filtering || v.filtered() {
		line := v.input.View()
		if !v.filtering {
			line = "/ " + v.input.Value()
		}
		lines = append(lines, line+st.dim.Render(fmt.Sprintf("  %s of %s", thousands(len(v.rows)), thousands(len(v.all)))))
	}
	nameW, bar, last := v.columns()
	head := "  " + pad("NAME", nameW) + " " + pad("TIER", 7)
	if bar {
		head += " " + pad("DUE", 18)
	} else {
		head += " DUE"
	}
	if last {
		head += " LAST REAL CONVERSATION"
	} else {
		head = pad(head, 2+nameW+1+7+1+7) + " LAST REAL"
	}
	lines = append(lines, st.header.Render(strings.TrimRight(head, " ")))
	switch {
	case len(v.rows) == 0 && !v.filtered() && len(v.w.archived) > 0 && !v.showArchived:
		lines = append(lines, fmt.Sprintf("  everyone is archived: %s shows them", v.keys.Archived.Help().Key))
	case len(v.rows) == 0:
		lines = append(lines, "  no one matches")
	}
	end := min(len(v.rows), v.top+v.listHeight())
	for i := v.top; i < end; i++ {
		lines = append(lines, v.row(v.rows[i], i == v.cur, nameW, bar, last))
	}
	if below := len(v.rows) - end; below > 0 && v.listHeight() < v.height-v.headerLines() {
		lines = append(lines, moreBelow(below))
	}
	return strings.Join(lines, "\n")
}

func (v *peopleView) row(e *entry, selected bool, nameW int, bar, last bool) string {
	st := v.w.st
	marker, nameStyle := st.cursor(selected)
	name := termtext.Line(e.sum.Name)
	switch {
	case e.archived:
		name += " (archived)"
	case e.sum.SnoozedUntil.After(v.w.now):
		name += " (snoozed)"
	}
	line := marker + nameStyle.Render(pad(name, nameW)) + " " + st.tier(e.sum.Tier, 7) + " "
	s := e.status
	if bar {
		line += st.dueBar(s.DueRatio, s.Due, 10)
	} else {
		line += st.dueNumber(s.DueRatio, s.Due)
	}
	if last {
		line += " " + st.dim.Render(lastTalkWords(e, v.w.now))
	} else {
		line = pad(line, 2+nameW+1+7+1+7) + " " + st.dim.Render(lastShortWords(e))
	}
	return line
}

// counts sums up the list, and reports a tier above its guideline size.
func (v *peopleView) counts(w *world) string {
	n := map[cadence.Tier]int{}
	for _, e := range w.active {
		n[e.sum.Tier]++
	}
	parts := []string{thousands(len(w.active)) + " people"}
	if len(w.active) == 1 {
		parts[0] = "1 person"
	}
	for _, t := range cadence.Tiers() {
		p := fmt.Sprintf("%s %d/%d", t, n[t], w.rules.TierGuideline(t))
		over := n[t] > w.rules.TierGuideline(t)
		if over {
			p = w.st.nearly.Render(p + " over")
		}
		if over || v.width >= 70 { // narrow: only the tiers above their size
			parts = append(parts, p)
		}
	}
	if len(w.archived) > 0 {
		parts = append(parts, fmt.Sprintf("%d archived", len(w.archived)))
	}
	return strings.Join(slices.Clip(parts), " · ")
}
