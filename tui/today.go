package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
)

type todayKind int

const (
	todaySuggestion todayKind = iota
	todayMemory
	todayDate
)

// todayItem is one line (or a few) of Today the cursor can rest on.
type todayItem struct {
	kind   todayKind
	id     string // the person's id
	status cadence.Status
	memory core.DayMemory
	date   cadence.SoonDate
}

// key tells items apart across reloads.
func (it todayItem) key() string {
	switch it.kind {
	case todayMemory:
		return "m" + it.memory.ID
	case todayDate:
		return "d" + it.id + it.date.Label
	}
	return "s" + it.id
}

// todayView shows the people to talk to today, then the memories that have
// come due and the birthdays and dates of the week.
type todayView struct {
	w             *world
	keys          *KeyMap
	ask           func(prefer string) tea.Cmd // asks the core for the ranking
	width, height int
	items         []todayItem
	suggestions   int
	moreDue       int      // due beyond the suggestions: the Plan view spreads them
	resting       []string // due, left in peace after a recent contact (core.Resting)
	ranked        bool     // the core's first ranking has come
	cur, top      int
}

func (v *todayView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.scroll()
}

func (v *todayView) refresh(w *world, prefer string) {
	v.w, v.ranked = w, true
	var keep string
	oldCur, oldSuggestions, wasSuggestion := v.cur, v.suggestions, true
	if v.cur < len(v.items) {
		keep, wasSuggestion = v.items[v.cur].key(), v.items[v.cur].kind == todaySuggestion
	}
	v.items = v.items[:0]
	for _, s := range w.today {
		v.items = append(v.items, todayItem{kind: todaySuggestion, id: s.Person.ID, status: s})
	}
	v.suggestions = len(v.items)
	v.moreDue = -v.suggestions
	var resting []cadence.Status
	for _, e := range w.active {
		s := e.status
		if s.Left.IsZero() && (s.Due || s.Boosted) {
			v.moreDue++ // as tend today counts them (core.MoreDue)
		}
		if s.Resting() {
			resting = append(resting, s)
		}
	}
	cadence.SortByPriority(resting)
	v.resting = v.resting[:0]
	for _, s := range resting {
		v.resting = append(v.resting, termtext.Line(s.Person.Name))
	}
	for _, m := range w.day.Memories {
		v.items = append(v.items, todayItem{kind: todayMemory, id: m.PersonID, memory: m})
	}
	for _, d := range w.day.Dates {
		v.items = append(v.items, todayItem{kind: todayDate, id: d.PersonID, date: d})
	}
	v.cur = 0
	if !wasSuggestion && len(v.items) > 0 && !slices.ContainsFunc(v.items, func(it todayItem) bool { return it.key() == keep }) {
		// The memory the cursor was on was settled (d): it stays at its
		// place among the memories and dates, for the next one, rather
		// than going up to the person's suggestion.
		v.cur = clampInt(oldCur-oldSuggestions+v.suggestions, 0, len(v.items)-1)
		v.scroll()
		return
	}
	for i, it := range v.items {
		if prefer != "" && it.id == prefer {
			v.cur = i
			break
		}
		if it.key() == keep {
			v.cur = i
		}
	}
	v.scroll()
}

func (v *todayView) move(delta int) {
	v.cur = clampInt(v.cur+delta, 0, len(v.items)-1)
	v.scroll()
}

func (v *todayView) pageSize() int { return max(1, v.height/3) }

func (v *todayView) selected() selection {
	if v.cur >= len(v.items) {
		return selection{}
	}
	it := v.items[v.cur]
	s := selection{id: it.id}
	if it.kind == todayMemory {
		s.memory = it.memory.Memory
	}
	return s
}

// scroll keeps the item under the cursor on screen.
func (v *todayView) scroll() {
	if !v.ranked {
		return
	}
	lines, spans := v.layout()
	if v.cur >= len(spans) {
		v.top = 0
		return
	}
	if v.cur == 0 {
		v.top = 0
	}
	v.top = spans[v.cur].reveal(v.top, room(len(lines), v.height))
}

// Update moves the cursor.
func (v *todayView) Update(msg tea.Msg) tea.Cmd {
	navigate(msg, v.keys, v)
	return nil
}

// Keys are the keys that move the cursor.
func (v *todayView) Keys() []*key.Binding { return moveKeys(v.keys) }

// reload asks for a new ranking after each snapshot.
func (v *todayView) reload(prefer string) tea.Cmd { return v.ask(prefer) }

// View draws Today.
func (v *todayView) View() string {
	if !v.ranked {
		return "Loading…"
	}
	lines, _ := v.layout()
	return window(lines, v.top, v.height)
}

// layout draws every line of Today and says which lines each item takes.
func (v *todayView) layout() ([]string, []span) {
	w, st := v.w, v.w.st
	if len(w.active) == 0 && len(w.archived) == 0 {
		return emptyState(st, v.w.rules, v.width), nil
	}
	var lines []string
	spans := make([]span, len(v.items))
	day := w.now.Format("Monday 2 January")
	switch {
	case len(w.active) == 0:
		// Everyone is archived: not "no one is due", as if they were lost.
		lines = append(lines, st.title.Render(day)+": no one to talk to: everyone in tend is archived.")
		lines = append(lines, wrapText(fmt.Sprintf("People (2) lists them with %s; %s on one brings them back.",
			v.keys.Archived.Help().Key, v.keys.Restore.Help().Key), v.width)...)
	case v.suggestions == 0:
		lines = append(lines, st.title.Render(day)+": "+words.NoOneToCall(1))
		if len(v.resting) > 0 {
			lines = append(lines, wrapText(words.Resting(v.resting, w.rules.QuietDays), v.width)...)
		}
	default:
		lines = append(lines, st.title.Render(day)+": "+words.Count(v.suggestions, "person", "people")+" to talk to")
	}
	lines = append(lines, "")
	wide := v.width >= 60
	nameW := 22
	if !wide {
		nameW = min(22, max(8, v.width-2-4-8))
	}
	more := func() { // after the suggestions, as tend today ends them
		if v.moreDue > 0 {
			lines = append(lines, "", st.dim.Render(words.More(v.moreDue)+": Plan (5) spreads them over the coming days."))
		}
	}
	for i, it := range v.items {
		if i > 0 && it.kind != v.items[i-1].kind || i == 0 && it.kind != todaySuggestion {
			if i > 0 && v.items[i-1].kind == todaySuggestion {
				more()
			}
			if i > 0 {
				lines = append(lines, "")
			}
			switch it.kind {
			case todayMemory:
				lines = append(lines, st.title.Render("Remember"))
			case todayDate:
				lines = append(lines, st.title.Render("This week"))
			}
		}
		from := len(lines)
		marker, nameStyle := st.cursor(i == v.cur)
		switch it.kind {
		case todaySuggestion:
			e := w.byID[it.id]
			line := marker + fmt.Sprintf("%d. ", i+1) + nameStyle.Render(pad(termtext.Line(it.status.Person.Name), nameW)) + " " + st.tier(it.status.Person.Tier, 7)
			if wide && e != nil {
				line += "  " + st.dim.Render(lastTalkWords(e, v.w.now))
			}
			lines = append(lines, line)
			for _, r := range wrapReasons(words.Reasons(it.status.Reasons), v.width-5) {
				lines = append(lines, "     "+r)
			}
			if n, ok := w.notes[it.id]; ok {
				lines = append(lines, "     "+st.dim.Render(fit(termtext.Line(words.LastTime(n.Note)), v.width-5)))
			}
		case todayMemory:
			m := it.memory
			line := marker + "○ " + nameStyle.Render(termtext.Line(m.Name)) + ": " + termtext.Line(m.Text) + " " + st.dim.Render("· "+words.MemoryDue(cadence.Reminder{Due: m.Due}, false, w.now))
			if !m.Answered {
				lines = append(lines, line)
				break
			}
			// tend today names the command that settles it; here it is a key.
			settled := "in touch since; settled? press " + v.keys.Done.Help().Key
			if with := line + st.dim.Render(" · "+settled); widthOf(with) <= v.width {
				lines = append(lines, with)
			} else {
				lines = append(lines, line, "    "+st.dim.Render(fit(settled, v.width-4)))
			}
		case todayDate:
			d := it.date
			lines = append(lines, marker+"◇ "+nameStyle.Render(termtext.Line(d.Name))+": "+termtext.Line(words.SoonDate(d)))
		}
		spans[i] = span{from, len(lines)}
	}
	if n := len(v.items); n > 0 && v.items[n-1].kind == todaySuggestion {
		more()
	}
	return lines, spans
}

// wrapReasons lays reasons out on lines of at most width cells, breaking
// only between reasons.
func wrapReasons(reasons []string, width int) []string {
	var lines []string
	cur := ""
	for _, r := range reasons {
		r = termtext.Line(r)
		if widthOf(r)+2 > width { // a long reason is broken between words
			if cur != "" {
				lines = append(lines, cur)
			}
			parts := wrapText("· "+r, width)
			if len(lines) == 0 && cur == "" {
				parts = wrapText(r, width)
			}
			lines = append(lines, parts[:len(parts)-1]...)
			cur = parts[len(parts)-1]
			continue
		}
		switch {
		case cur == "":
			cur = r
		case widthOf(cur)+3+widthOf(r) <= width:
			cur += " · " + r
		default:
			lines = append(lines, cur)
			cur = "· " + r
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// emptyState greets a first run, with the rhythms of the tiers in force.
func emptyState(st styles, rules cadence.Rules, width int) []string {
	width = min(width, 64)
	lines := []string{st.title.Render("Welcome to tend."), ""}
	var tiers []string
	for _, t := range cadence.Tiers() {
		tier := string(t) + " " + words.Every(rules.TierEvery(t))
		if t == cadence.DefaultTier {
			tier += " (the default)"
		}
		tiers = append(tiers, tier)
	}
	lines = append(lines, wrapText("No one here yet. Press a to add the first person: a name is enough. "+
		"The tier says how often you want to talk: "+strings.Join(tiers, ", ")+".", width)...)
	lines = append(lines, "")
	lines = append(lines, wrapText("Then, each day, Today shows the few people to call, and l logs the call.", width)...)
	return lines
}

func clampInt(x, lo, hi int) int {
	if hi < lo {
		return lo
	}
	return min(max(x, lo), hi)
}
