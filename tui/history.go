package tui

import (
	"fmt"
	"strings"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/store"
)

// historyPage is how many interactions History reads at a time; more are
// read as the cursor nears the end.
const historyPage = 500

// historyView lists every interaction, newest first.
type historyView struct {
	width, height int
	limit         int
	loaded        bool
	items         []store.Interaction
	cur, top      int
}

func (v *historyView) setSize(w, h int) {
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
	v.items = msg.items
	v.cur = 0
	for i, in := range v.items {
		if in.ID == keep {
			v.cur = i
			break
		}
	}
	v.scroll()
}

// wantsMore reports whether the cursor is near the end of what was read
// and there may be more to read.
func (v *historyView) wantsMore() bool {
	return v.loaded && len(v.items) >= v.limit && v.cur >= len(v.items)-v.height
}

func (v *historyView) move(delta int) {
	v.cur = clampInt(v.cur+delta, 0, len(v.items)-1)
	v.scroll()
}

func (v *historyView) pageSize() int { return max(1, v.height-2) }

func (v *historyView) selected() selection {
	if v.cur < len(v.items) && len(v.items[v.cur].People) > 0 {
		return selection{id: v.items[v.cur].People[0]}
	}
	return selection{}
}

func (v *historyView) listHeight() int { return max(1, v.height-1) }

func (v *historyView) scroll() {
	v.top = listTop(v.cur, v.top, v.listHeight(), len(v.items))
}

func (v *historyView) render(w *world) string {
	st := w.st
	if !v.loaded {
		return "Loading…"
	}
	if len(v.items) == 0 {
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
	lines := []string{st.header.Render(head)}
	end := min(len(v.items), v.top+v.listHeight())
	for i := v.top; i < end; i++ {
		in := v.items[i]
		marker, nameStyle := st.cursor(i == v.cur)
		names := make([]string, len(in.Names))
		for j, n := range in.Names {
			names[j] = clean(n)
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
			nameStyle.Render(pad(strings.Join(names, ", "), namesW)) + " " + via + " " + dir
		if wide {
			var extra []string
			if in.Minutes > 0 {
				extra = append(extra, fmt.Sprintf("%d min", in.Minutes))
			}
			if in.Note != "" {
				extra = append(extra, clean(in.Note))
			}
			if len(extra) > 0 {
				line += "  " + st.dim.Render(strings.Join(extra, " · "))
			}
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
