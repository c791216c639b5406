package cadence

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestParseTier(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want Tier
	}{
		{"inner", "inner", Inner},
		{"close", "close", Close},
		{"regular", "regular", Regular},
		{"outer", "outer", Outer},
		{"upper case", "INNER", Inner},
		{"mixed case", "Close", Close},
		{"surrounding space", "  regular\t", Regular},
		{"mixed case and space", " OuTeR ", Outer},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseTier(tc.in)
			if err != nil || got != tc.want {
				t.Errorf("ParseTier(%q) = %q, %v; want %q, nil", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseTierUnknown(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "  ", "best", "inner friends", "closer", "in", "regulars", "Acquaintance"} {
		t.Run(strconv.Quote(in), func(t *testing.T) {
			got, err := ParseTier(in)
			if err == nil {
				t.Fatalf("ParseTier(%q) = %q, nil; want an error", in, got)
			}
			if got != "" {
				t.Errorf("ParseTier(%q) returned tier %q with its error; want \"\"", in, got)
			}
			if !strings.Contains(err.Error(), strconv.Quote(in)) {
				t.Errorf("ParseTier(%q) error = %q; want it to quote the input as %s", in, err, strconv.Quote(in))
			}
		})
	}
}

func TestTierTable(t *testing.T) {
	t.Parallel()
	// The tiers table of DESIGN.md.
	tests := []struct {
		tier          Tier
		wantEvery     int
		wantGuideline int
		wantRank      int
	}{
		{Inner, 7, 5, 0},
		{Close, 30, 10, 1},
		{Regular, 180, 35, 2},
		{Outer, 365, 100, 3},
	}
	for _, tc := range tests {
		t.Run(string(tc.tier), func(t *testing.T) {
			if got := tc.tier.Every(); got != tc.wantEvery {
				t.Errorf("%s.Every() = %d; want %d", tc.tier, got, tc.wantEvery)
			}
			if got := tc.tier.Guideline(); got != tc.wantGuideline {
				t.Errorf("%s.Guideline() = %d; want %d", tc.tier, got, tc.wantGuideline)
			}
			if got, want := tc.tier.Layer(), []int{5, 15, 50, 150}[tc.wantRank]; got != want {
				t.Errorf("%s.Layer() = %d; want %d", tc.tier, got, want)
			}
			if got := tc.tier.Rank(); got != tc.wantRank {
				t.Errorf("%s.Rank() = %d; want %d", tc.tier, got, tc.wantRank)
			}
		})
	}
	t.Run("unknown tier ranks after outer", func(t *testing.T) {
		if got, want := Tier("").Rank(), Outer.Rank()+1; got != want {
			t.Errorf(`Tier("").Rank() = %d; want %d`, got, want)
		}
	})
	t.Run("default tier is regular", func(t *testing.T) {
		if DefaultTier != Regular {
			t.Errorf("DefaultTier = %q; want %q", DefaultTier, Regular)
		}
	})
	t.Run("tiers closest first", func(t *testing.T) {
		want := []Tier{Inner, Close, Regular, Outer}
		if got := Tiers(); !slices.Equal(got, want) {
			t.Errorf("Tiers() = %q; want %q", got, want)
		}
	})
}

func TestParseChannel(t *testing.T) {
	t.Parallel()
	// Every name and alias of the channels table of DESIGN.md.
	tests := []struct {
		in   string
		want Channel
	}{
		{"in-person", InPerson},
		{"irl", InPerson},
		{"met", InPerson},
		{"meet", InPerson},
		{"call", Call},
		{"phone", Call},
		{"video", Video},
		{"facetime", Video},
		{"zoom", Video},
		{"text", Text},
		{"sms", Text},
		{"msg", Text},
		{"chat", Text},
		{"message", Text},
		{"email", Email},
		{"mail", Email},
		{"letter", Letter},
		{"card", Letter},
		{"social", Social},
		{"dm", Social},
		{"gift", Gift},
		// Case and space do not matter, for names and aliases alike.
		{"In-Person", InPerson},
		{"IRL", InPerson},
		{"  Zoom ", Video},
		{"CALL", Call},
		{"\tSMS\n", Text},
		{"FaceTime", Video},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseChannel(tc.in)
			if err != nil || got != tc.want {
				t.Errorf("ParseChannel(%q) = %q, %v; want %q, nil", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseChannelUnknown(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "telegram", "in person", "inperson", "phone call", "gifts", "E-mail", "video-call", "real"} {
		t.Run(strconv.Quote(in), func(t *testing.T) {
			got, err := ParseChannel(in)
			if err == nil {
				t.Fatalf("ParseChannel(%q) = %q, nil; want an error", in, got)
			}
			if got != "" {
				t.Errorf("ParseChannel(%q) returned channel %q with its error; want \"\"", in, got)
			}
			if !strings.Contains(err.Error(), strconv.Quote(in)) {
				t.Errorf("ParseChannel(%q) error = %q; want it to quote the input as %s", in, err, strconv.Quote(in))
			}
		})
	}
}

func TestChannelTable(t *testing.T) {
	t.Parallel()
	// The channels table of DESIGN.md: real conversation, and aliases.
	tests := []struct {
		channel     Channel
		wantReal    bool
		wantAliases []string
	}{
		{InPerson, true, []string{"irl", "meet", "met"}},
		{Call, true, []string{"phone"}},
		{Video, true, []string{"facetime", "zoom"}},
		{Text, false, []string{"chat", "message", "msg", "sms"}},
		{Email, false, []string{"mail"}},
		{Letter, false, []string{"card"}},
		{Social, false, []string{"dm"}},
		{Gift, false, nil},
	}
	for _, tc := range tests {
		t.Run(string(tc.channel), func(t *testing.T) {
			if got := tc.channel.Real(); got != tc.wantReal {
				t.Errorf("%s.Real() = %v; want %v", tc.channel, got, tc.wantReal)
			}
			if got := tc.channel.Aliases(); !slices.Equal(got, tc.wantAliases) {
				t.Errorf("%s.Aliases() = %q; want %q", tc.channel, got, tc.wantAliases)
			}
			if got, err := ParseChannel(string(tc.channel)); err != nil || got != tc.channel {
				t.Errorf("ParseChannel(%q) = %q, %v; want %q, nil", tc.channel, got, err, tc.channel)
			}
		})
	}
	t.Run("unknown channel is not real", func(t *testing.T) {
		for _, c := range []Channel{"", "telegram", "Call"} {
			if c.Real() {
				t.Errorf("Channel(%q).Real() = true; want false", c)
			}
		}
	})
	t.Run("channels real first", func(t *testing.T) {
		want := []Channel{InPerson, Call, Video, Text, Email, Letter, Social, Gift}
		if got := Channels(); !slices.Equal(got, want) {
			t.Errorf("Channels() = %q; want %q", got, want)
		}
	})
}

func TestParseDirection(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Direction
	}{
		{"in", In},
		{"out", Out},
		{"IN", In},
		{"Out", Out},
		{" out\t", Out},
	}
	for _, tc := range tests {
		t.Run(strconv.Quote(tc.in), func(t *testing.T) {
			got, err := ParseDirection(tc.in)
			if err != nil || got != tc.want {
				t.Errorf("ParseDirection(%q) = %q, %v; want %q, nil", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseDirectionUnknown(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "inbound", "outbound", "both", "i", "o ut"} {
		t.Run(strconv.Quote(in), func(t *testing.T) {
			got, err := ParseDirection(in)
			if err == nil {
				t.Fatalf("ParseDirection(%q) = %q, nil; want an error", in, got)
			}
			if got != "" {
				t.Errorf("ParseDirection(%q) returned direction %q with its error; want \"\"", in, got)
			}
			if !strings.Contains(err.Error(), strconv.Quote(in)) {
				t.Errorf("ParseDirection(%q) error = %q; want it to quote the input as %s", in, err, strconv.Quote(in))
			}
		})
	}
}

func TestInterval(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		tier  Tier
		every int
		want  int
	}{
		{"inner default", Inner, 0, 7},
		{"close default", Close, 0, 30},
		{"regular default", Regular, 0, 180},
		{"outer default", Outer, 0, 365},
		{"override shorter than tier", Close, 14, 14},
		{"override longer than tier", Inner, 21, 21},
		{"override of one day", Outer, 1, 1},
		{"negative override means tier default", Close, -5, 30},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := Person{Tier: tc.tier, Every: tc.every}
			if got := p.Interval(); got != tc.want {
				t.Errorf("Person{Tier: %q, Every: %d}.Interval() = %d; want %d", tc.tier, tc.every, got, tc.want)
			}
		})
	}
}
