package tui

import "testing"

func TestSpanReveal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		sp          span
		top, height int
		want        int
	}{
		{"already on screen", span{3, 5}, 2, 4, 2},
		{"below: scrolls down until its end shows", span{8, 10}, 2, 4, 6},
		{"above: scrolls up to its start", span{1, 3}, 5, 4, 1},
		{"taller than the window: its start", span{4, 12}, 0, 4, 4},
		{"at the very top", span{0, 1}, 7, 4, 0},
	}
	for _, tc := range tests {
		if got := tc.sp.reveal(tc.top, tc.height); got != tc.want {
			t.Errorf("%s: span%v.reveal(%d, %d) = %d; want %d", tc.name, tc.sp, tc.top, tc.height, got, tc.want)
		}
	}
}

func TestFollow(t *testing.T) {
	t.Parallel()
	spans := []span{{2, 3}, {3, 5}, {9, 11}}
	tests := []struct{ cur, top, want int }{
		{0, 6, 0}, // the first item: from the top, headings and all
		{1, 0, 1}, // down just far enough for its last line
		{2, 0, 7},
		{1, 7, 3},
		{5, 7, 0}, // no such item
	}
	for _, tc := range tests {
		if got := follow(spans, tc.cur, tc.top, 4); got != tc.want {
			t.Errorf("follow(cur %d, top %d) = %d; want %d", tc.cur, tc.top, got, tc.want)
		}
	}
}

func TestWindow(t *testing.T) {
	t.Parallel()
	lines := []string{"a", "b", "c", "d"}
	tests := []struct {
		top, height int
		want        string
	}{
		{0, 2, "a\nb"},
		{2, 5, "c\nd"},
		{9, 2, ""},
		{1, 0, ""},
	}
	for _, tc := range tests {
		if got := window(lines, tc.top, tc.height); got != tc.want {
			t.Errorf("window(top %d, height %d) = %q; want %q", tc.top, tc.height, got, tc.want)
		}
	}
}

func TestListTop(t *testing.T) {
	t.Parallel()
	tests := []struct{ cur, top, height, n, want int }{
		{0, 0, 5, 20, 0},
		{7, 0, 5, 20, 3},   // down: the cursor on the last row
		{2, 6, 5, 20, 2},   // up: the cursor on the first row
		{19, 0, 5, 20, 15}, // the end
		{3, 9, 5, 6, 1},    // a list shorter than it was: no room left below
	}
	for _, tc := range tests {
		if got := listTop(tc.cur, tc.top, tc.height, tc.n); got != tc.want {
			t.Errorf("listTop(%d, %d, %d, %d) = %d; want %d", tc.cur, tc.top, tc.height, tc.n, got, tc.want)
		}
	}
}

func TestFitWordsCutsBetweenWords(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in    string
		width int
		want  string
	}{
		{"Logged a call with Ana Lima.", 40, "Logged a call with Ana Lima."},
		{"Logged a call with Ana Lima.", 20, "Logged a call with…"},
		{"Logged a call with Ana Lima.", 11, "Logged a…"},
		{"Unbreakable", 6, "Unbre…"},
	}
	for _, c := range cases {
		if got := fitWords(c.in, c.width); got != c.want {
			t.Errorf("fitWords(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}
