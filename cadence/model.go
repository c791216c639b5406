// Package cadence decides who is due for a conversation, and why.
//
// It is a pure function of its inputs and a moment called now: it reads no
// clock, no file and no database. Days are counted in now's location, so a
// caller that wants the user's local days passes now.In(time.Local).
package cadence

import (
	"fmt"
	"slices"
	"strings"
)

// Tier is a value tier: how close a person is, and so how often to talk.
type Tier string

// The four tiers, closest first.
const (
	Inner   Tier = "inner"
	Close   Tier = "close"
	Regular Tier = "regular"
	Outer   Tier = "outer"
)

// DefaultTier is the tier of a person added without one.
const DefaultTier = Regular

// Tiers lists the tiers, closest first.
func Tiers() []Tier { return []Tier{Inner, Close, Regular, Outer} }

// ParseTier reads a tier name, ignoring case and surrounding space.
func ParseTier(s string) (Tier, error) {
	t := Tier(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Tiers() {
		if t == known {
			return t, nil
		}
	}
	return "", fmt.Errorf("unknown tier %q (want inner, close, regular or outer)", s)
}

// TierDefault is what a tier means by default: its rhythm and the rough
// number of people it holds.
type TierDefault struct {
	Every     int // days between real conversations
	Guideline int // people in the tier; tiers are exclusive
}

// TierDefaults are the tiers' rhythms and guideline sizes, in one table so
// that a setting can change them in one place. The sizes follow the layers
// of a personal network (Hill & Dunbar 2003; Dunbar 2021): about 5 people
// seen at least weekly, 15 at least monthly, 50 at least every six months,
// 150 at least yearly. The layers include the ones inside them; tiers do
// not, so they hold 5, 10, 35 and 100.
var TierDefaults = map[Tier]TierDefault{
	Inner:   {Every: 7, Guideline: 5},
	Close:   {Every: 30, Guideline: 10},
	Regular: {Every: 180, Guideline: 35},
	Outer:   {Every: 365, Guideline: 100},
}

// Every is the tier's default number of days between real conversations.
// An unknown tier has the default tier's.
func (t Tier) Every() int {
	if d, ok := TierDefaults[t]; ok {
		return d.Every
	}
	return TierDefaults[DefaultTier].Every
}

// Guideline is the rough number of people a tier holds in a human social
// network; a tier above it is reported, never refused.
func (t Tier) Guideline() int {
	if d, ok := TierDefaults[t]; ok {
		return d.Guideline
	}
	return TierDefaults[DefaultTier].Guideline
}

// Layer is the guideline size of the layer of a personal network that the
// tier completes: the tier and every closer one together (5, 15, 50, 150).
func (t Tier) Layer() int {
	n := 0
	for _, known := range Tiers() {
		n += known.Guideline()
		if known == t {
			return n
		}
	}
	return n
}

// Rank orders tiers: 0 for inner, growing outwards.
func (t Tier) Rank() int {
	for i, known := range Tiers() {
		if t == known {
			return i
		}
	}
	return len(Tiers())
}

// Channel is how an interaction happened.
type Channel string

// The channels. The first three are real conversations; the rest are touches.
const (
	InPerson Channel = "in-person"
	Call     Channel = "call"
	Video    Channel = "video"
	Text     Channel = "text"
	Email    Channel = "email"
	Letter   Channel = "letter"
	Social   Channel = "social"
	Gift     Channel = "gift"
)

// Channels lists every channel, real conversations first.
func Channels() []Channel {
	return []Channel{InPerson, Call, Video, Text, Email, Letter, Social, Gift}
}

var channelAliases = map[string]Channel{
	"irl": InPerson, "met": InPerson, "meet": InPerson,
	"phone":    Call,
	"facetime": Video, "zoom": Video,
	"sms": Text, "msg": Text, "chat": Text, "message": Text,
	"mail": Email,
	"card": Letter,
	"dm":   Social,
}

// ParseChannel reads a channel name or one of its aliases, ignoring case.
func ParseChannel(s string) (Channel, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for _, c := range Channels() {
		if name == string(c) {
			return c, nil
		}
	}
	if c, ok := channelAliases[name]; ok {
		return c, nil
	}
	return "", fmt.Errorf("unknown channel %q (want in-person, call, video, text, email, letter, social or gift)", s)
}

// Aliases returns the other names a channel is accepted by, sorted.
func (c Channel) Aliases() []string {
	var names []string
	for alias, target := range channelAliases {
		if target == c {
			names = append(names, alias)
		}
	}
	slices.Sort(names)
	return names
}

// Real reports whether the channel is a real conversation (in person, a call
// or a video call), the only kind that resets the cadence clock.
func (c Channel) Real() bool {
	return c == InPerson || c == Call || c == Video
}

// Direction says who reached out.
type Direction string

// Out means you reached out; In means they did.
const (
	Out Direction = "out"
	In  Direction = "in"
)

// ParseDirection reads "in" or "out".
func ParseDirection(s string) (Direction, error) {
	switch d := Direction(strings.ToLower(strings.TrimSpace(s))); d {
	case In, Out:
		return d, nil
	}
	return "", fmt.Errorf("unknown direction %q (want in or out)", s)
}
