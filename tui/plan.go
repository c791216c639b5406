package tui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
)

// planDays is how many days the Plan view spreads people over, today
// included: a week, as tend plan does by default.
const planDays = 7

// planItem is one person in the plan.
type planItem struct {
	status cadence.Status // as they will stand on their day
	day    int            // the index of their day, or -1 for later
}

// planView shows tend plan: everyone due, or coming due, this week spread
// over the days, at most the Today limit a day, and those who did not fit.
// The cursor moves over the people; enter opens one.
type planView struct {
	w             *world
	keys          *KeyMap
	ask           func(prefer string) tea.Cmd // asks the core for the plan
	width, height int
	// wanted says the view has been opened: a plan is asked for from then
	// on, with every new snapshot, and not before.
	wanted   bool
	ready    bool // a plan has come
	plan     cadence.Schedule
	items    []planItem
	cur, top int

	// The lines are laid out once per plan and width, each person's first
	// line left empty: it is drawn when it comes on screen, with the cursor
	// or not. With a thousand people later, neither moving the cursor nor a
	// new plan draws them all.
	lines []string
	spans []span
}

func (v *planView) SetSize(w, h int) {
	if w != v.width {
		v.lines = nil
	}
	v.width, v.height = w, h
	v.scroll()
}

// set takes a new plan, the cursor staying on the same person, or on
// prefer when they are in it, or else at the same place.
func (v *planView) set(plan cadence.Schedule, w *world, prefer string) {
	keep := v.selected().id
	v.w, v.ready, v.plan, v.lines = w, true, plan, nil
	v.items = v.items[:0]
	for d, day := range plan.Days {
		for _, s := range day.People {
			v.items = append(v.items, planItem{status: s, day: d})
		}
	}
	for _, s := range plan.Later {
		v.items = append(v.items, planItem{status: s, day: -1})
	}
	v.cur = clampInt(v.cur, 0, len(v.items)-1)
	for _, id := range []string{keep, prefer} {
		for i, it := range v.items {
			if id != "" && it.status.Person.ID == id {
				v.cur = i
			}
		}
	}
	v.scroll()
}

func (v *planView) move(delta int) {
	v.cur = clampInt(v.cur+delta, 0, len(v.items)-1)
	v.scroll()
}

func (v *planView) pageSize() int { return max(1, v.height/3) }

func (v *planView) selected() selection {
	if !v.ready || v.cur >= len(v.items) {
		return selection{}
	}
	return selection{id: v.items[v.cur].status.Person.ID}
}

// scroll keeps the person under the cursor on screen, with their reasons.
func (v *planView) scroll() {
	if v.w == nil || !v.ready {
		return
	}
	lines, spans := v.layout()
	v.top = follow(spans, v.cur, v.top, room(len(lines), v.height))
}

// Update moves the cursor.
func (v *planView) Update(msg tea.Msg) tea.Cmd {
	navigate(msg, v.keys, v)
	return nil
}

// Keys are the keys that move the cursor.
func (v *planView) Keys() []*key.Binding { return moveKeys(v.keys) }

// shown asks for the first plan: none is made before the view is opened.
func (v *planView) shown() tea.Cmd {
	if v.wanted {
		return nil
	}
	v.wanted = true
	if !v.w.loaded {
		return nil // the load will ask
	}
	return v.ask("")
}

// reload asks for a new plan after each snapshot, once the view has been
// opened.
func (v *planView) reload(prefer string) tea.Cmd {
	if !v.wanted {
		return nil
	}
	return v.ask(prefer)
}

// View draws the plan.
func (v *planView) View() string {
	w := v.w
	st := w.st
	if len(w.active) == 0 && len(w.archived) == 0 {
		return strings.Join(emptyState(st, v.w.rules, v.width), "\n")
	}
	if !v.ready {
		return "Loading…"
	}
	lines, spans := v.layout()
	top := min(v.top, len(lines))
	end := min(len(lines), top+room(len(lines), v.height))
	shown := slices.Clone(lines[top:end])
	first := sort.Search(len(spans), func(i int) bool { return spans[i].to > top })
	for i := first; i < len(spans) && spans[i].from < end; i++ {
		if spans[i].from >= top {
			shown[spans[i].from-top] = v.personLine(i, i == v.cur)
		}
	}
	if below := len(lines) - end; below > 0 && v.height > 2 {
		shown = append(shown, moreBelow(below))
	}
	return strings.Join(shown, "\n")
}

// layout is every line of the plan, and the lines each person takes.
func (v *planView) layout() ([]string, []span) {
	if v.lines == nil {
		v.lines, v.spans = v.draw()
	}
	return v.lines, v.spans
}

func (v *planView) wide() bool { return v.width >= 60 }

// personLine is the first line of someone in the plan: the cursor, their
// name and tier.
func (v *planView) personLine(i int, selected bool) string {
	st := v.w.st
	nameW := 22
	if !v.wide() {
		nameW = min(22, max(8, v.width-2-1-7))
	}
	marker, nameStyle := st.cursor(selected)
	p := v.items[i].status.Person
	// No "last talked" beside the name: the reasons count the days as of
	// the day planned, and one count is enough.
	return marker + nameStyle.Render(pad(termtext.Line(p.Name), nameW)) + " " + st.tier(p.Tier, 7)
}

// draw lays the whole plan out, the cursor nowhere.
func (v *planView) draw() ([]string, []span) {
	w, st := v.w, v.w.st
	days := v.plan.Days
	if len(days) == 0 {
		return nil, nil
	}
	when := days[0].Date.Format("Mon 2 Jan")
	if len(days) > 1 {
		when += " to " + days[len(days)-1].Date.Format("Mon 2 Jan")
	}
	later := len(v.plan.Later)
	planned := len(v.items) - later
	if planned+later == 0 {
		return wrapText(st.title.Render(when)+": "+words.NoOneToCall(len(days)), v.width), nil
	}
	head := st.title.Render(when) + ": " + words.Count(planned, "call", "calls") // one person may be planned twice
	switch {
	case planned == 0: // only Later: those left in peace, or with no room
		head = st.title.Render(when) + ": " + words.NoOneToCall(len(days))
	case v.wide():
		head += fmt.Sprintf(", at most %d a day", w.limit)
	}
	lines := []string{head}
	spans := make([]span, len(v.items))
	person := func(i int) {
		from := len(lines)
		lines = append(lines, "") // drawn by render

		for _, r := range wrapReasons(words.Reasons(v.items[i].status.Reasons), v.width-4) {
			lines = append(lines, "    "+r)
		}
		spans[i] = span{from, len(lines)}
	}

	label := func(d int) string {
		l := days[d].Date.Format("Mon 2 Jan")
		switch d {
		case 0:
			l += ", today"
		case 1:
			l += ", tomorrow"
		}
		return l
	}
	i := 0
	for d := 0; d < len(days); d++ {
		if len(days[d].People) == 0 { // a run of free days takes one line
			end := d
			for end+1 < len(days) && len(days[end+1].People) == 0 {
				end++
			}
			free := label(d)
			if end > d {
				free = days[d].Date.Format("Mon 2 Jan") + " to " + days[end].Date.Format("Mon 2 Jan")
			}
			lines = append(lines, "", st.dim.Render(free+" · no one"))
			d = end
			continue
		}
		lines = append(lines, "", st.name.Render(label(d))+st.dim.Render(" · "+words.Count(len(days[d].People), "person", "people")))
		for range days[d].People {
			person(i)
			i++
		}
	}
	if later > 0 {
		lines = append(lines, "", st.title.Render("Later")+st.dim.Render(": "+words.Later(later, words.RestingIn(v.plan.Later))))
		for ; i < len(v.items); i++ {
			person(i)
		}
	}
	return lines, spans
}
