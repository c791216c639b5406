// Package words holds the English that both faces print about the
// records, so that the command line and the full-screen view say a thing
// the same way: "call, from them, 25 min, with Ben", "43 days since your
// last call". The rules and the numbers stay in cadence, which gives its
// reasons and notes as facts (cadence.Reason, cadence.Note); words says
// them, at the moment they are shown. The faces choose the colours.
package words

import (
	"fmt"
	"strings"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
)

// Interaction describes an interaction in a few words, without its note:
// the channel (a real conversation's passed through emphasize), who
// reached out, how long, and the others there besides self ("" names
// everyone but says no "with"). Names are made safe for a terminal.
func Interaction(in domain.Interaction, self string, emphasize func(string) string) string {
	parts := []string{string(in.Via)}
	switch {
	case in.Missed:
		parts[0] = Missed(in.Via, in.Direction)
	case in.Via.Real():
		parts[0] = emphasize(parts[0])
	}
	if in.Direction == cadence.In && !in.Missed {
		parts = append(parts, "from them")
	}
	if in.Minutes > 0 {
		parts = append(parts, fmt.Sprintf("%d min", in.Minutes))
	}
	if self != "" && len(in.People) > 1 {
		var others []string
		for i, id := range in.People {
			if id != self && i < len(in.Names) {
				others = append(others, termtext.Line(in.Names[i]))
			}
		}
		parts = append(parts, "with "+And(others)) // "Ana and Lima, Ana": a comma may be in a name
	}
	return strings.Join(parts, ", ")
}
