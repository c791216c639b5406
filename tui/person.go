package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
)

// personView shows one person: details, important dates, memories (open
// and done) and the timeline, newest first. The cursor moves over the
// memories and the timeline; d marks the memory under it done.
type personView struct {
	w             *world
	keys          *KeyMap
	load          func(id string) tea.Cmd // reads someone's memories and timeline
	width, height int
	id            string
	loaded        bool
	memories      []domain.Memory
	timeline      []domain.Interaction
	lastNote      string // what you last talked about, as tend show says it
	cur, top      int
}

func (v *personView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.scroll()
}

// open shows someone; their memories and timeline follow in a message.
func (v *personView) open(id string) {
	if id == v.id {
		return
	}
	*v = personView{w: v.w, keys: v.keys, load: v.load, width: v.width, height: v.height, id: id}
}

func (v *personView) itemKey(i int) string {
	if i < len(v.memories) {
		return "m" + v.memories[i].ID
	}
	if j := i - len(v.memories); j < len(v.timeline) {
		return "i" + v.timeline[j].ID
	}
	return ""
}

func (v *personView) items() int { return len(v.memories) + len(v.timeline) }

func (v *personView) set(msg personLoadedMsg, w *world) {
	keep := v.itemKey(v.cur)
	v.w = w
	v.loaded = true
	v.memories, v.timeline, v.lastNote = msg.memories, msg.timeline, msg.lastNote
	v.cur = 0
	for i := range v.items() {
		if v.itemKey(i) == keep {
			v.cur = i
			break
		}
	}
	v.scroll()
}

func (v *personView) move(delta int) {
	v.cur = clampInt(v.cur+delta, 0, v.items()-1)
	v.scroll()
}

func (v *personView) pageSize() int { return max(1, v.height-2) }

func (v *personView) selected() selection {
	if v.id == "" {
		return selection{}
	}
	s := selection{id: v.id}
	if v.cur < len(v.memories) {
		s.memory = v.memories[v.cur]
	} else if j := v.cur - len(v.memories); j < len(v.timeline) {
		s.interaction = v.timeline[j]
	}
	return s
}

func (v *personView) scroll() {
	if v.w == nil || v.id == "" {
		return
	}
	lines, spans := v.layout()
	v.top = follow(spans, v.cur, v.top, room(len(lines), v.height))
}

// Update moves the cursor.
func (v *personView) Update(msg tea.Msg) tea.Cmd {
	navigate(msg, v.keys, v)
	return nil
}

// Keys are the keys that move the cursor.
func (v *personView) Keys() []*key.Binding { return moveKeys(v.keys) }

// reload reads the open person again after each snapshot.
func (v *personView) reload(string) tea.Cmd {
	if v.id == "" {
		return nil
	}
	return v.load(v.id)
}

// View draws the person.
func (v *personView) View() string {
	lines, _ := v.layout()
	return window(lines, v.top, v.height)
}

func (v *personView) layout() ([]string, []span) {
	w, st := v.w, v.w.st
	e := w.byID[v.id]
	if e == nil {
		return []string{"This person is no longer in tend."}, nil
	}
	p, s := e.sum, e.status
	var lines []string
	head := st.name.Render(termtext.Line(p.Name)) + "  " + st.tier(p.Tier, 0) + ", " + words.Every(p.Person.Interval())
	switch {
	case e.archived:
		head += st.dim.Render(" · archived " + p.ArchivedAt.In(w.now.Location()).Format("2 Jan 2006"))
	case p.SnoozedUntil.After(w.now):
		head += st.dim.Render(" · snoozed until " + p.SnoozedUntil.In(w.now.Location()).Format("Mon 2 Jan 2006"))
	}
	lines = append(lines, head)

	labelW := 11
	for _, d := range p.ImportantDates {
		labelW = max(labelW, min(20, widthOf(termtext.Line(d.Label))))
	}
	field := func(label, value string) {
		if value != "" {
			lines = append(lines, "  "+st.label.Render(pad(label, labelW))+" "+value)
		}
	}
	field("talked", lastTalkWords(e, w.now))
	due := st.dueBar(s.DueRatio, s.Due, 10)
	if !s.Left.IsZero() && !e.archived {
		due += st.dim.Render(" · " + words.Left(s.Left))
	}
	field("due", due)
	field("birthday", words.MonthDay(p.Birthday))
	for _, d := range p.ImportantDates {
		field(termtext.Line(d.Label), words.MonthDay(d.Date))
	}
	field("phone", termtext.Line(strings.Join(p.Phones, ", ")))
	field("email", termtext.Line(strings.Join(p.Emails, ", ")))
	field("tags", termtext.Line(strings.Join(p.Tags, ", ")))
	field("also called", termtext.Line(strings.Join(p.Aliases, ", ")))
	field("notes", termtext.Line(p.Notes))
	indent := strings.Repeat(" ", labelW+3)
	for i, r := range wrapReasons(words.Reasons(s.Reasons), v.width-labelW-3) {
		if i == 0 {
			field("why now", r)
		} else {
			lines = append(lines, indent+r)
		}
	}
	if v.lastNote != "" {
		field("last time", fit(strings.TrimPrefix(termtext.Line(words.LastTime(v.lastNote)), "last time: "), v.width-labelW-3))
	}
	// What tend notices, as tend show says it: shown, never applied.
	for _, n := range v.notes(e) {
		for i, l := range wrapText(n.text, v.width-labelW-3) {
			if i == 0 {
				field(n.label, l)
			} else {
				lines = append(lines, indent+l)
			}
		}
		if n.hint != "" {
			for _, l := range wrapText(n.hint, v.width-labelW-3) {
				lines = append(lines, indent+st.dim.Render(l))
			}
		}
	}

	spans := make([]span, v.items())
	if !v.loaded {
		return append(lines, "", "Loading…"), spans
	}
	open := 0
	for _, m := range v.memories {
		if !m.Done() {
			open++
		}
	}
	lines = append(lines, "", st.title.Render("Remember")+st.dim.Render(fmt.Sprintf(" · %d open", open)))
	if len(v.memories) == 0 {
		lines = append(lines, st.dim.Render("  nothing yet (m remembers something)"))
	}
	for i, m := range v.memories {
		marker := "  "
		if i == v.cur {
			marker = "▸ "
		}
		box := "[ ] "
		if m.Done() {
			box = "[x] "
		}
		text := termtext.Line(m.Text)
		if i == v.cur {
			text = st.selected.Render(text)
		}
		line := marker + box + text
		switch {
		case m.Done():
			// Done is done: no "due 11 days ago" any more.
			line += st.dim.Render(" · done " + m.DoneAt.In(w.now.Location()).Format("Mon 2 Jan 2006")) // as show says it
		case !m.Due.IsZero():
			line += st.dim.Render(" · " + words.MemoryDue(cadence.Reminder{Due: m.Due}, false, w.now))
		}
		spans[i] = span{len(lines), len(lines) + 1}
		lines = append(lines, line)
	}

	lines = append(lines, "", st.title.Render("Timeline")+st.dim.Render(" · "+words.Plural(len(v.timeline), "interaction")))
	if len(v.timeline) == 0 {
		lines = append(lines, st.dim.Render("  nothing logged yet (l logs a conversation)"))
	}
	layout := "2006-01-02 15:04"
	if v.width < 60 {
		layout = "2006-01-02"
	}
	for j, in := range v.timeline {
		i := len(v.memories) + j
		marker := "  "
		date := in.At.In(w.now.Location()).Format(layout)
		if i == v.cur {
			marker, date = "▸ ", st.selected.Render(date)
		}
		line := marker + date + "  " + interactionWords(st, in, v.id)
		from := len(lines)
		lines = append(lines, line)
		if i == v.cur && in.Note != "" && widthOf(line) > v.width {
			// The row under the cursor shows its whole note.
			for _, l := range wrapText(termtext.Line(in.Note), v.width-4) {
				lines = append(lines, "    "+st.dim.Render(l))
			}
		}
		spans[i] = span{from, len(lines)}
	}
	return lines, spans
}

// note is something tend noticed about someone: a rhythm hint or that the
// friendship is one-sided.
type note struct {
	label string // "rhythm" or "noticed"
	text  string
	hint  string // how to act on it, for a rhythm hint
}

// notes are tend show's notes on someone (cadence.Notes): a rhythm hint,
// with the key that would take it, and a one-sided note. Nothing is
// changed: the user decides. Someone archived gets none.
func (v *personView) notes(e *entry) []note {
	if e.archived {
		return nil
	}
	p := e.sum.Cadence()
	hint, hasHint := v.w.rules.RhythmHint(p, v.w.now)
	var out []note
	for _, n := range words.Notes(v.w.rules.Notes(p, v.w.now)) {
		if !hasHint || n != words.RhythmHint(hint) {
			out = append(out, note{label: "noticed", text: n})
			continue
		}
		h := fmt.Sprintf("press e, then enter, to set every to %dd; nothing changes until you do", hint.Every)
		if hint.Tier != "" {
			h = fmt.Sprintf("press e, then enter, to change the tier to %s; nothing changes until you do", hint.Tier)
		}
		out = append(out, note{label: "rhythm", text: words.RhythmHintNoFlags(hint), hint: h})
	}
	return out
}

// interactionWords describes an interaction in a few words, as tend show
// does: the channel, who reached out, how long, the others there, the note.
func interactionWords(st styles, in domain.Interaction, self string) string {
	line := words.Interaction(in, self, func(s string) string { return st.name.Render(s) })
	if in.Note != "" {
		line += "  " + st.dim.Render(termtext.Line(in.Note))
	}
	return line
}
