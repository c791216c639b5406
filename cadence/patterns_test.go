package cadence

import (
	"slices"
	"testing"
	"time"
)

// withRecent gives p a history: the interactions newest first, with Last,
// LastReal, RecentReal and LastIn made to agree with them.
func withRecent(p Person, recent ...Contact) Person {
	p.Recent = recent
	p.Last, p.LastReal, p.LastIn, p.RecentReal = Contact{}, Contact{}, Contact{}, nil
	if len(recent) > 0 {
		p.Last = recent[0]
	}
	for _, c := range recent {
		if c.Via.Real() {
			if p.LastReal.IsZero() {
				p.LastReal = c
			}
			p.RecentReal = append(p.RecentReal, c.At)
		}
		if c.Direction == In && p.LastIn.IsZero() {
			p.LastIn = c
		}
	}
	return p
}

// conversations gives p real calls (made by you) the given days ago,
// newest first.
func conversations(p Person, daysAgo ...int) Person {
	var recent []Contact
	for _, d := range daysAgo {
		recent = append(recent, touch(ago(d), Call, Out))
	}
	return withRecent(p, recent...)
}

func TestYourTurn(t *testing.T) {
	t.Parallel()
	in := func(d int) Contact { return touch(ago(d), Text, In) }
	out := func(d int) Contact { return touch(ago(d), Text, Out) }
	tests := []struct {
		name   string
		recent []Contact
		want   bool
	}{
		{"last three inbound", []Contact{in(5), in(10), in(20)}, true},
		{"last three inbound, older outbound", []Contact{in(5), in(10), in(20), out(30), out(40)}, true},
		{"five inbound", []Contact{in(5), in(10), in(20), in(30), in(40)}, true},
		{"two inbound, then yours", []Contact{in(5), in(10), out(20), in(30)}, false},
		{"yours last, three inbound before", []Contact{out(5), in(10), in(20), in(30)}, false},
		{"only two interactions, both inbound", []Contact{in(5), in(10)}, false},
		{"no history", nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := withRecent(friend("Ben Okafor", Close, 43), tc.recent...)
			if got := YourTurn(p); got != tc.want {
				t.Errorf("YourTurn = %v; want %v", got, tc.want)
			}
		})
	}
}

func TestAssessYourTurn(t *testing.T) {
	t.Parallel()
	callIn := func(d int) Contact { return touch(ago(d), Call, In) }
	tests := []struct {
		name   string
		p      Person
		want   want
		inList bool
	}{
		{
			name: "due, and they called the last 3 times",
			p:    withRecent(friend("Ben Okafor", Close, 0), callIn(40), callIn(50), callIn(60)),
			want: want{days: 40, ratio: 1.33, due: true, priority: 1.83,
				reasons: []Reason{turn("Ben Okafor"), since(40, Call), rhythm("close", 30)}},
			inList: true,
		},
		{
			name: "due, they called twice, you once before",
			p:    withRecent(friend("Ben Okafor", Close, 0), callIn(40), callIn(50), touch(ago(60), Call, Out)),
			want: want{days: 40, ratio: 1.33, due: true, priority: 1.33,
				reasons: []Reason{since(40, Call), rhythm("close", 30)}},
			inList: true,
		},
		{
			// Their turn raises the priority of someone due but is no reason
			// on its own: you talked ten days ago.
			name: "not due, and they called the last 3 times",
			p:    withRecent(friend("Ben Okafor", Close, 0), callIn(10), callIn(20), callIn(30)),
			want: want{days: 10, ratio: 0.33, priority: 0.83,
				reasons: []Reason{turn("Ben Okafor")}},
		},
		{
			name: "three unanswered texts: owed, and your turn",
			p: func() Person {
				p := withRecent(friend("Ben Okafor", Close, 0), touch(ago(4), Text, In), touch(ago(6), Text, In), touch(ago(8), Text, In))
				p.LastReal, p.RecentReal = touch(ago(20), Call, Out), []time.Time{ago(20)}
				return p
			}(),
			want: want{days: 20, ratio: 0.67, priority: 1.67, boosted: true,
				reasons: []Reason{wrote("Ben Okafor", 4), turn("Ben Okafor")}},
			inList: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Assess(tc.p, now)
			checkStatus(t, s, tc.want)
			if wantTurn := YourTurn(tc.p); s.YourTurn != wantTurn {
				t.Errorf("Status.YourTurn = %v; want %v as YourTurn says", s.YourTurn, wantTurn)
			}
			got := Today([]Person{tc.p}, now, 0)
			if (len(got) == 1) != tc.inList {
				t.Errorf("Today = %q; want listed = %v", ids(got), tc.inList)
			}
		})
	}
}

func TestOneSided(t *testing.T) {
	t.Parallel()
	outs := func(days ...int) []Contact {
		var cs []Contact
		for _, d := range days {
			cs = append(cs, touch(ago(d), Call, Out))
		}
		return cs
	}
	tests := []struct {
		name    string
		recent  []Contact
		lastIn  int // days ago, or -1 for never
		created int // days ago
		want    bool
	}{
		{"five yours, theirs exactly a year ago", outs(10, 40, 80, 120, 200), 365, 800, true},
		{"five yours, theirs a day under a year ago", outs(10, 40, 80, 120, 200), 364, 800, false},
		{"four yours, then theirs", append(outs(10, 40, 80, 120), touch(ago(400), Call, In)), 400, 800, false},
		{"only four interactions, all yours", outs(10, 40, 80, 120), -1, 800, false},
		{"never theirs, known for over a year", outs(10, 20, 30, 40, 50), -1, 400, true},
		{"never theirs, known for under a year", outs(10, 20, 30, 40, 50), -1, 100, false},
		{"never theirs, added lately but logged back a year", outs(10, 100, 200, 300, 365), -1, 5, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := withRecent(friend("Dana Reyes", Regular, 0), tc.recent...)
			p.CreatedAt = ago(tc.created)
			if tc.lastIn >= 0 {
				p.LastIn = touch(ago(tc.lastIn), Text, In)
			}
			if got := OneSided(p, now); got != tc.want {
				t.Errorf("OneSided = %v; want %v", got, tc.want)
			}
			notes := Notes(p, now)
			wantNote := Note{Kind: NoteOneSided, Name: "Dana Reyes", Count: 5}
			if got := slices.Contains(notes, wantNote); got != tc.want {
				t.Errorf("Notes = %+v; want the one-sided note: %v", notes, tc.want)
			}
			// A note only: the priority is the same as without the history.
			plain := p
			plain.Recent, plain.LastIn = nil, Contact{}
			if a, b := Assess(p, now).Priority, Assess(plain, now).Priority; a != b {
				t.Errorf("priority with the one-sided history = %v; want %v as without", a, b)
			}
		})
	}
}

func TestDrift(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		tier    Tier
		every   int
		daysAgo []int // real conversations, newest first
		want    []int
	}{
		// 81, 61, 36, 5 days ago: gaps of 20, 25, 31 (close: every 30 days).
		{"close, gaps 20, 25, 31", Close, 0, []int{5, 36, 61, 81}, []int{20, 25, 31}},
		{"inner, gaps 4, 5, 8", Inner, 0, []int{1, 9, 14, 18}, []int{4, 5, 8}},
		// Calls on the 1st, 5th, 10th and 17th with a weekly friend: the gaps
		// grow inside the rhythm, which is no drift.
		{"inner, gaps 4, 5, 7: inside the rhythm", Inner, 0, []int{3, 10, 15, 19}, nil},
		{"regular never drifts", Regular, 0, []int{5, 36, 61, 81}, nil},
		{"outer never drifts", Outer, 0, []int{5, 36, 61, 81}, nil},
		{"last gap a day past the rhythm", Close, 0, []int{1, 32, 52, 68}, []int{16, 20, 31}},
		{"last gap exactly the rhythm", Close, 0, []int{1, 31, 51, 67}, nil},
		{"last gap the same", Close, 0, []int{5, 36, 67, 87}, nil},
		{"middle gap the same", Close, 0, []int{5, 36, 61, 86}, nil},
		{"shrinking", Close, 0, []int{5, 15, 31, 56}, nil},
		{"past their own every", Close, 10, []int{1, 12, 18, 22}, []int{4, 6, 11}},
		{"inside their own every", Close, 12, []int{1, 12, 18, 22}, nil},
		{"three conversations are two gaps", Close, 0, []int{5, 36, 61}, nil},
		{"two on one day count once", Close, 0, []int{5, 36, 36, 61}, nil},
		{"only the last three gaps count", Close, 0, []int{5, 36, 61, 81, 200}, []int{20, 25, 31}},
		{"no history", Close, 0, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := conversations(friend("Ana Lima", tc.tier, 0), tc.daysAgo...)
			p.Every = tc.every
			if got := Drift(p, now); !slices.Equal(got, tc.want) {
				t.Errorf("Drift = %v; want %v", got, tc.want)
			}
		})
	}
}

func TestAssessDrift(t *testing.T) {
	t.Parallel()
	// Gaps of 20, 25 and 31 days, the latest conversation n days ago.
	drifting := func(n int) Person {
		return conversations(friend("Ana Lima", Close, 0), n, n+31, n+56, n+76)
	}
	reason := drift(20, 25, 31)
	tests := []struct {
		name   string
		p      Person
		want   want
		inList bool
	}{
		{"half the interval: suggested", drifting(15),
			want{days: 15, ratio: 0.5, priority: 0.75, boosted: true, reasons: []Reason{reason}}, true},
		{"a day short of half: named, not suggested", drifting(14),
			want{days: 14, ratio: 0.47, priority: 0.47, reasons: []Reason{reason}}, false},
		{"due and drifting", drifting(31),
			want{days: 31, ratio: 1.03, due: true, priority: 1.28, boosted: true,
				reasons: []Reason{reason, since(31, Call), rhythm("close", 30)}}, true},
		{"not drifting: as before", conversations(friend("Ana Lima", Close, 0), 15, 40, 50, 60),
			want{days: 15, ratio: 0.5, priority: 0.5}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkStatus(t, Assess(tc.p, now), tc.want)
			got := Today([]Person{tc.p}, now, 0)
			if (len(got) == 1) != tc.inList {
				t.Errorf("Today = %q; want listed = %v", ids(got), tc.inList)
			}
		})
	}
}

func TestRhythm(t *testing.T) {
	t.Parallel()
	// every returns the days-ago of conversations with the given gaps,
	// newest first, the latest 3 days ago.
	every := func(gaps ...int) []int {
		out := []int{3}
		for _, g := range gaps {
			out = append(out, out[len(out)-1]+g)
		}
		return out
	}
	tests := []struct {
		name      string
		tier      Tier
		own       int
		daysAgo   []int
		wantOK    bool
		wantTier  Tier
		wantEvery int
		// The days the hint says, and the rhythm it says is set now.
		wantDays, wantInterval int
	}{
		{name: "the example: every 12 days, close", tier: Close, daysAgo: every(12, 12, 12), wantOK: true, wantTier: Inner,
			wantDays: 12, wantInterval: 30},
		{name: "median 14, just under half of 30", tier: Close, daysAgo: every(14, 14, 14), wantOK: true, wantTier: Inner,
			wantDays: 14, wantInterval: 30},
		{name: "median 15, exactly half of 30", tier: Close, daysAgo: every(15, 15, 15)},
		{name: "median 60, exactly twice 30", tier: Close, daysAgo: every(60, 60, 60)},
		{name: "median 61, just over twice 30: no tier that near", tier: Close, daysAgo: every(61, 61, 61), wantOK: true, wantEvery: 61,
			wantDays: 61, wantInterval: 30},
		{name: "median 100, close: regular", tier: Close, daysAgo: every(100, 100, 100, 100, 100, 100), wantOK: true, wantTier: Regular,
			wantDays: 100, wantInterval: 30},
		// A burst is not a rhythm: 1 June, then 20, 25 and 30 November.
		{name: "a burst after a silence", tier: Regular, daysAgo: every(5, 5, 172)},
		{name: "a weekly rhythm over 20 days: not yet", tier: Close, daysAgo: every(7, 7, 6)},
		{name: "a weekly rhythm over 21 days", tier: Close, daysAgo: every(7, 7, 7), wantOK: true, wantTier: Inner,
			wantDays: 7, wantInterval: 30},
		{name: "a long silence left out of the span", tier: Close, daysAgo: every(7, 7, 100, 6), wantOK: false},
		{name: "a long silence left out, the rest spans three weeks", tier: Close, daysAgo: every(7, 7, 100, 7), wantOK: true, wantTier: Inner,
			wantDays: 7, wantInterval: 30},
		{name: "three conversations are not enough", tier: Close, daysAgo: every(12, 12)},
		{name: "four on three days are not enough", tier: Close, daysAgo: []int{3, 3, 15, 27}},
		{name: "median of an even number of gaps", tier: Close, daysAgo: every(10, 40, 12, 14), wantOK: true, wantTier: Inner,
			wantDays: 13, wantInterval: 30},
		{name: "median, not mean: one long gap", tier: Close, daysAgo: every(10, 200, 11), wantOK: true, wantTier: Inner,
			wantDays: 11, wantInterval: 30},
		{name: "inner, every 2 days: no closer tier", tier: Inner, daysAgo: every(2, 2, 2), wantOK: true, wantEvery: 2,
			wantDays: 2, wantInterval: 7},
		{name: "outer, every 3 years: no wider tier", tier: Outer, daysAgo: every(1000, 1000, 1000), wantOK: true, wantEvery: 1000,
			wantDays: 1000, wantInterval: 365},
		{name: "regular, every 400 days: outer", tier: Regular, daysAgo: every(400, 400, 400), wantOK: true, wantTier: Outer,
			wantDays: 400, wantInterval: 180},
		{name: "regular, every 360 days: exactly twice, no hint", tier: Regular, daysAgo: every(360, 360, 360)},
		{name: "their own every: always an every", tier: Close, own: 10, daysAgo: every(28, 28, 28), wantOK: true, wantEvery: 28,
			wantDays: 28, wantInterval: 10},
		{name: "their own every, kept", tier: Close, own: 20, daysAgo: every(28, 28, 28)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := conversations(friend("Ana Lima", tc.tier, 0), tc.daysAgo...)
			p.Every = tc.own
			h, ok := Rhythm(p, now)
			if ok != tc.wantOK {
				t.Fatalf("Rhythm ok = %v (%+v); want %v", ok, h, tc.wantOK)
			}
			if h.Tier != tc.wantTier || h.Every != tc.wantEvery || h.Days != tc.wantDays || h.Interval != tc.wantInterval {
				t.Errorf("Rhythm = tier %q, every %d, %d days against %d; want tier %q, every %d, %d days against %d",
					h.Tier, h.Every, h.Days, h.Interval, tc.wantTier, tc.wantEvery, tc.wantDays, tc.wantInterval)
			}
			if ok && (h.Own != (tc.own > 0) || h.Tag != "" || h.Current != tc.tier) {
				t.Errorf("Rhythm set now: own %v, tag %q, tier %q; want own %v, no tag, tier %q", h.Own, h.Tag, h.Current, tc.own > 0, tc.tier)
			}
			notes := Notes(p, now)
			if slices.Contains(notes, Note{Kind: NoteRhythm, Hint: h}) != tc.wantOK {
				t.Errorf("Notes = %+v; want the hint: %v", notes, tc.wantOK)
			}
			// Never applied: the status keeps the rhythm that is set.
			if st := Assess(p, now); st.Interval != p.Interval() {
				t.Errorf("Assess interval = %d; want %d", st.Interval, p.Interval())
			}
		})
	}
}

func TestRhythmCountsDaysInNowsZone(t *testing.T) {
	t.Parallel()
	// Two calls 4 hours apart across midnight UTC are on one day in UTC-8:
	// four calls, but only three days there.
	calls := []time.Time{
		time.Date(2026, 11, 20, 2, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 19, 22, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 8, 12, 0, 0, 0, time.UTC),
		time.Date(2026, 10, 27, 12, 0, 0, 0, time.UTC),
	}
	p := friend("Ana Lima", Close, 4)
	p.RecentReal = calls
	if _, ok := Rhythm(p, now); !ok {
		t.Errorf("Rhythm in UTC: no hint; want one (four days)")
	}
	if h, ok := Rhythm(p, now.In(pacific)); ok {
		t.Errorf("Rhythm in UTC-8 = %+v; want none (three days)", h)
	}
}

func TestPatternsKeepInputs(t *testing.T) {
	t.Parallel()
	p := conversations(friend("Ana Lima", Close, 0), 61, 5, 81, 36) // not sorted
	before := slices.Clone(p.RecentReal)
	if got := Drift(p, now); !slices.Equal(got, []int{20, 25, 31}) {
		t.Errorf("Drift on unsorted times = %v; want [20 25 31]", got)
	}
	Rhythm(p, now)
	if !slices.Equal(p.RecentReal, before) {
		t.Errorf("RecentReal changed to %v; want %v", p.RecentReal, before)
	}
}

// TestRhythmHintFollowsTheRules: the hint compares the gaps with the
// rhythm the settings give someone, and offers tiers at the settings'
// rhythms. Under the defaults each of these would say something else.
func TestRhythmHintFollowsTheRules(t *testing.T) {
	t.Parallel()
	every := func(gaps ...int) []int {
		out := []int{3}
		for _, g := range gaps {
			out = append(out, out[len(out)-1]+g)
		}
		return out
	}
	rules := DefaultRules()
	rules.Every[Close] = 14
	rules.Every[Regular] = 45
	rules.TagEvery = map[string]int{"family": 10}
	tagged := func(p Person, tags ...string) Person { p.Tags = tags; return p }
	tests := []struct {
		name    string
		p       Person
		wantOK  bool
		wantDef bool // whether the defaults would give a hint
		want    RhythmHint
	}{
		{name: "every 10 days, close at 14: no hint (the defaults, at 30, say move to inner)",
			p: conversations(friend("Ana", Close, 0), every(10, 10, 10)...), wantDef: true},
		{name: "every 40 days, close at 14: regular at 45 is nearest (the defaults say nothing)",
			p: conversations(friend("Ben", Close, 0), every(40, 40, 40, 40, 40)...), wantOK: true,
			want: RhythmHint{Days: 40, Interval: 14, Current: Close, Tier: Regular}},
		{name: "a family tag at 10 sets the rhythm: --every, never a tier",
			p: tagged(conversations(friend("Cleo", Regular, 0), every(40, 40, 40, 40, 40)...), "Family"), wantOK: true,
			want: RhythmHint{Days: 40, Interval: 10, Tag: "family", Current: Regular, Every: 40}},
	}
	for _, tc := range tests {
		h, ok := rules.RhythmHint(tc.p, now)
		said := h
		said.Conversations, said.MedianGap = 0, 0 // what the hint says, not what it is drawn from
		if ok != tc.wantOK || said != tc.want {
			t.Errorf("%s: RhythmHint = %v %+v, want %v %+v", tc.name, ok, said, tc.wantOK, tc.want)
		}
		if _, def := Rhythm(tc.p, now); tc.wantOK == false && def != tc.wantDef {
			t.Errorf("%s: under the defaults, a hint %v; the case would not tell the rules apart", tc.name, def)
		}
		if notes := rules.Notes(tc.p, now); tc.wantOK != slices.Contains(notes, Note{Kind: NoteRhythm, Hint: h}) {
			t.Errorf("%s: Notes = %+v, without the hint", tc.name, notes)
		}
	}
}
