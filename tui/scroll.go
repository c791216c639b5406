package tui

import "strings"

// The views taller than the window (Today, Person, Plan, Stats) lay out
// all their lines, say which lines each item takes, and show the window's
// worth from a first line that keeps the item under the cursor on screen.

// span is the lines [from, to) an item takes.
type span struct{ from, to int }

// reveal returns the first line to show, from top, of a window height
// lines tall, so that the whole span is on screen (its start, if it is
// taller than the window).
func (sp span) reveal(top, height int) int {
	if sp.to > top+height {
		top = sp.to - height
	}
	return min(top, sp.from)
}

// follow returns the first line to show so that the item at cur is on
// screen; on the first item, the view shows from its top.
func follow(spans []span, cur, top, height int) int {
	if cur == 0 || cur >= len(spans) {
		return 0
	}
	return spans[cur].reveal(top, height)
}

// listTop returns the first row to show of a list of n rows, one an item,
// in a window height rows tall, from top, so that row cur is on screen.
func listTop(cur, top, height, n int) int {
	return clampInt(span{cur, cur + 1}.reveal(top, height), 0, max(0, n-height))
}

// window joins the lines of a window height lines tall from top.
func window(lines []string, top, height int) string {
	end := min(len(lines), top+height)
	return strings.Join(lines[min(top, end):end], "\n")
}
