package words_test

import (
	"testing"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/words"
)

func TestInteraction(t *testing.T) {
	t.Parallel()
	bold := func(s string) string { return "*" + s + "*" }
	for _, tc := range []struct {
		name string
		in   domain.Interaction
		self string
		want string
	}{
		{"a call they made, with another", domain.Interaction{Via: cadence.Call, Direction: cadence.In, Minutes: 25,
			People: []string{"a", "b"}, Names: []string{"Ana", "Ben"}}, "a", "*call*, from them, 25 min, with Ben"},
		{"a text of yours", domain.Interaction{Via: cadence.Text, Direction: cadence.Out, People: []string{"a"}, Names: []string{"Ana"}}, "a", "text"},
		{"your missed call", domain.Interaction{Via: cadence.Call, Direction: cadence.Out, Missed: true, People: []string{"a"}, Names: []string{"Ana"}}, "a",
			words.Missed(cadence.Call, cadence.Out)},
		{"their missed call says no 'from them' twice", domain.Interaction{Via: cadence.Call, Direction: cadence.In, Missed: true}, "",
			words.Missed(cadence.Call, cadence.In)},
		{"no self: no 'with'", domain.Interaction{Via: cadence.InPerson, People: []string{"a", "b"}, Names: []string{"Ana", "Ben"}}, "", "*in-person*"},
		{"a name that would drive the terminal", domain.Interaction{Via: cadence.Video, People: []string{"a", "b"}, Names: []string{"Ana", "Ben\x1b]52;c;aGk=\a"}}, "a",
			"*video*, with Ben␛]52;c;aGk=␇"}, // shown, not obeyed
		{"fewer names than people", domain.Interaction{Via: cadence.Call, People: []string{"a", "b", "c"}, Names: []string{"Ana"}}, "a", "*call*, with "},
	} {
		if got := words.Interaction(tc.in, tc.self, bold); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestInteractionJoinsOthersAsASentence: the others there are joined as a
// sentence, so a name with a comma reads as one person.
func TestInteractionJoinsOthersAsASentence(t *testing.T) {
	in := domain.Interaction{People: []string{"me", "a", "b"}, Names: []string{"Me", "Ben", "Lima, Ana"}, Via: cadence.InPerson}
	if got := words.Interaction(in, "me", func(s string) string { return s }); got != "in-person, with Ben and Lima, Ana" {
		t.Errorf("Interaction = %q", got)
	}
}
