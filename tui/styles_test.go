package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestPadFillsTheCell: a cell is always its width, whatever the text: cut
// short with "…", and a wide character that does not fit is cut whole and
// the cell padded, so that the columns after it stay in line.
func TestPadFillsTheCell(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		s     string
		width int
	}{
		{"Ana", 6}, {"Ana Lima", 6}, {"张伟张伟张伟", 6}, {"张伟张伟张伟", 7}, {"EEEEEEEE각XX", 10}, {"", 3}, {"👩‍🚀👩‍🚀👩‍🚀", 5},
	} {
		if got := pad(tc.s, tc.width); ansi.StringWidth(got) != tc.width {
			t.Errorf("pad(%q, %d) = %q, %d cells wide", tc.s, tc.width, got, ansi.StringWidth(got))
		}
	}
}
