package tui

import (
	"fmt"
	"slices"
	"strings"
)

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

// room is how many of n lines a window height lines tall shows: all of
// them, or one fewer when they do not fit, for the line that says how many
// more are below.
func room(n, height int) int {
	if n > height && height > 2 {
		return height - 1
	}
	return height
}

// window joins the lines of a window height lines tall from top, and says
// on its last line how many more there are below, if any: a view longer
// than the window never ends at the fold without a word.
func window(lines []string, top, height int) string {
	end := min(len(lines), top+room(len(lines), height))
	shown := lines[min(top, end):end]
	if below := len(lines) - end; below > 0 && height > 2 {
		shown = append(slices.Clone(shown), moreBelow(below))
	}
	return strings.Join(shown, "\n")
}

// moreBelow is the last line of a window that does not show everything.
func moreBelow(n int) string {
	if n == 1 {
		return "  ↓ 1 more line (j or ↓)"
	}
	return fmt.Sprintf("  ↓ %d more lines (j or ↓)", n)
}
