package words_test

import (
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/words"
)

var now = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

func TestWords(t *testing.T) {
	t.Parallel()
	at := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, time.UTC) }
	tests := []struct{ got, want string }{
		{words.Count(1, "person", "people"), "1 person"},
		{words.Count(3, "person", "people"), "3 people"},
		{words.Count(0, "person", "people"), "0 people"},
		{words.Plural(1, "day"), "1 day"},
		{words.Plural(30, "day"), "30 days"},
		{words.Every(1), "every 1 day"},
		{words.Every(90), "every 90 days"},
		{words.Channel(cadence.Call), "a call"},
		{words.Channel(cadence.InPerson), "a meeting in person"},
		{words.Channel(cadence.Video), "a video call"},
		{words.Channel(cadence.Email), "an email"},
		{words.Channel(cadence.Social), "a social message"},
		{words.Channel(cadence.Gift), "a gift"},
		{words.When(at(24, 9), now), "today at 09:00"},
		{words.When(at(23, 18), now), "yesterday at 18:00"},
		{words.When(at(20, 12), now), "Friday at 12:00"},
		{words.When(at(17, 12), now), "Tue 17 Nov 2026 12:00"},
		{words.MonthDay(cadence.MonthDay{Month: time.April, Day: 15}), "15 April"},
		{words.MonthDay(cadence.MonthDay{Year: 1990, Month: time.April, Day: 15}), "15 April 1990"},
		{words.MonthDay(cadence.MonthDay{}), ""},
		{words.Ago(0), "today"},
		{words.Ago(1), "yesterday"},
		{words.Ago(2), "2 days ago"},
		{words.Ago(43), "43 days ago"},
		{words.LastTalk(at(14, 9), now), "10 days ago"},
		{words.LastTalk(at(27, 9), now), "Fri 27 Nov, after this day"},
		{words.Gaps([]int{10, 16, 25}), "gaps of 10, 16, 25 days"},
		{words.LastTime("  dinner at\nRosa's "), "last time: dinner at Rosa's"},
		{words.Missed(cadence.Call, cadence.In), "missed call from them"},
		{words.Missed(cadence.Video, cadence.Out), "missed video call to them"},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%d: got %q; want %q", i, tc.got, tc.want)
		}
	}
}

func TestActivityWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a        cadence.Activity
		mix, who string
	}{
		{cadence.Activity{Real: 12, Touches: 1, Out: 5, In: 8}, "12 real · 1 touch", "5 you · 8 them"},
		{cadence.Activity{Real: 1, Touches: 3, Out: 0, In: 4}, "1 real · 3 touches", "0 you · 4 them"},
		{cadence.Activity{}, "0 real · 0 touches", "0 you · 0 them"},
	}
	for _, tc := range tests {
		if got := words.Mix(tc.a); got != tc.mix {
			t.Errorf("Mix(%+v) = %q; want %q", tc.a, got, tc.mix)
		}
		if got := words.Who(tc.a); got != tc.who {
			t.Errorf("Who(%+v) = %q; want %q", tc.a, got, tc.who)
		}
	}
}

func TestDates(t *testing.T) {
	t.Parallel()
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct{ got, want string }{
		{words.SoonDate(cadence.SoonDate{Label: "birthday", On: day(24), Days: 0, Age: 90}), "birthday, today (turns 90)"},
		{words.SoonDate(cadence.SoonDate{Label: "anniversary", On: day(25), Days: 1}), "anniversary, tomorrow, Wed 25 Nov"},
		{words.SoonDate(cadence.SoonDate{Label: "birthday", On: day(27), Days: 3}), "birthday, Friday 27 Nov"},
		{words.MemoryDue(cadence.Reminder{Text: "exam"}, false, now), ""},
		{words.MemoryDue(cadence.Reminder{Text: "exam", Due: day(20)}, true, now), ""},
		{words.MemoryDue(cadence.Reminder{Text: "exam", Due: day(24)}, false, now), "due today"},
		{words.MemoryDue(cadence.Reminder{Text: "exam", Due: day(23)}, false, now), "due yesterday"},
		{words.MemoryDue(cadence.Reminder{Text: "exam", Due: day(21)}, false, now), "due 3 days ago"},
		{words.MemoryDue(cadence.Reminder{Text: "exam", Due: day(25)}, false, now), "due tomorrow"},
		{words.MemoryDue(cadence.Reminder{Text: "exam", Due: day(27)}, false, now), "due Fri 27 Nov 2026"},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%d: got %q; want %q", i, tc.got, tc.want)
		}
	}
}

func TestNotes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		n    cadence.Note
		want string
	}{
		{cadence.Note{Kind: cadence.NoteOneSided, Name: "Dana Reyes", Count: cadence.OneSidedCount},
			"you reached out the last 5 times; Dana has not reached out in a year"},
		{cadence.Note{Kind: cadence.NoteRhythm, Hint: cadence.RhythmHint{Days: 12, Interval: 30, Current: cadence.Close, Tier: cadence.Inner}},
			"you talk about every 12 days; close tier expects 30 — move to inner?"},
		{cadence.Note{Kind: cadence.NoteRhythm, Hint: cadence.RhythmHint{Days: 61, Interval: 30, Current: cadence.Close, Every: 61}},
			"you talk about every 61 days; close tier expects 30 — try --every 61d?"},
		{cadence.Note{Kind: cadence.NoteRhythm, Hint: cadence.RhythmHint{Days: 28, Interval: 10, Own: true, Current: cadence.Close, Every: 28}},
			"you talk about every 28 days; you set every 10 — try --every 28d?"},
		{cadence.Note{Kind: cadence.NoteRhythm, Hint: cadence.RhythmHint{Days: 40, Interval: 10, Tag: "family", Current: cadence.Regular, Every: 40}},
			"you talk about every 40 days; the family tag expects 10 — try --every 40d?"},
		{cadence.Note{Kind: cadence.NoteRhythm, Hint: cadence.RhythmHint{Days: 1, Interval: 7, Current: cadence.Inner, Every: 1}},
			"you talk about every 1 day; inner tier expects 7 — try --every 1d?"},
	}
	for _, tc := range tests {
		if got := words.Note(tc.n); got != tc.want {
			t.Errorf("Note(%+v) = %q; want %q", tc.n, got, tc.want)
		}
	}
}

func TestShortName(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, want string }{
		{"Ana Lima", "Ana"},
		{"Ben", "Ben"},
		{"Dr. Jane Smith", "Jane"},
		{"Dr. Smith", "Dr. Smith"},
		{"Mrs Okafor", "Mrs Okafor"},
		{"mrs. jo okafor", "jo"},
		{"Prof. Dr. Ada King", "Ada"},
		{"van Dijk", "van Dijk"},
		{"van der Berg", "van der Berg"},
		{"Anna van der Berg", "Anna"},
		{"Dr. van Dijk", "van Dijk"},
		{"Dr.", "Dr."},
		{"  Léa   Roux ", "Léa"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := words.ShortName(tc.name); got != tc.want {
			t.Errorf("ShortName(%q) = %q; want %q", tc.name, got, tc.want)
		}
	}
}

func TestLogged(t *testing.T) {
	t.Parallel()
	tests := []struct {
		c     cadence.Contact
		typed string
		want  string
	}{
		{cadence.Contact{Via: cadence.Call, Direction: cadence.Out}, "", "Logged a call with Ben, today at 09:30."},
		{cadence.Contact{Via: cadence.InPerson, Direction: cadence.In}, "", "Logged a meeting in person set up by Ben, today at 09:30."},
		{cadence.Contact{Via: cadence.Letter, Direction: cadence.Out}, "card", "Logged a card for Ben, today at 09:30."},
		{cadence.Contact{Via: cadence.Letter, Direction: cadence.Out}, "Card ", "Logged a card for Ben, today at 09:30."},
		{cadence.Contact{Via: cadence.Letter, Direction: cadence.Out}, "letter", "Logged a letter for Ben, today at 09:30."},
		{cadence.Contact{Via: cadence.Gift, Direction: cadence.Out}, "", "Logged a gift for Ben, today at 09:30."},
		{cadence.Contact{Via: cadence.Letter, Direction: cadence.In}, "card", "Logged a card from Ben, today at 09:30."},
		{cadence.Contact{Via: cadence.Text, Direction: cadence.Out}, "sms", "Logged a text to Ben, today at 09:30."},
		{cadence.Contact{Via: cadence.Email, Direction: cadence.Out}, "", "Logged an email to Ben, today at 09:30."},
		{cadence.Contact{Via: cadence.Call, Direction: cadence.Out, Missed: true}, "", "Logged a missed call to Ben, today at 09:30."},
		{cadence.Contact{Via: cadence.Video, Direction: cadence.In, Missed: true}, "", "Logged a missed video call from Ben, today at 09:30."},
	}
	for _, tc := range tests {
		if got := words.Logged(tc.c, tc.typed, "Ben", "today at 09:30"); got != tc.want {
			t.Errorf("Logged(%+v, %q) = %q; want %q", tc.c, tc.typed, got, tc.want)
		}
	}
}

func TestAnd(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		parts []string
		want  string
	}{
		{nil, ""},
		{[]string{"Ana"}, "Ana"},
		{[]string{"Ana", "Ben"}, "Ana and Ben"},
		{[]string{"Ana", "Ben", "Chloé"}, "Ana, Ben and Chloé"},
	} {
		if got := words.And(tt.parts); got != tt.want {
			t.Errorf("And(%q) = %q, want %q", tt.parts, got, tt.want)
		}
	}
}

func TestLastConversation(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	for _, tt := range []struct {
		last cadence.Contact
		days int
		want string
	}{
		{cadence.Contact{}, 23, "never (added 23 days ago)"},
		{cadence.Contact{}, 0, "never (added today)"},
		{cadence.Contact{At: now.AddDate(0, 0, -43), Via: cadence.Call}, 43, "43 days ago, call"},
		{cadence.Contact{At: now.AddDate(0, 0, -1), Via: cadence.InPerson}, 1, "yesterday, in-person"},
		{cadence.Contact{At: now.AddDate(0, 0, 2), Via: cadence.Video}, 0, "Thu 26 Nov, after this day, video"},
	} {
		if got := words.LastConversation(tt.last, tt.days, now); got != tt.want {
			t.Errorf("LastConversation(%v, %d) = %q, want %q", tt.last, tt.days, got, tt.want)
		}
	}
}

// TestRhythmHintNoFlags: the full-screen view asks with no flag to type.
func TestRhythmHintNoFlags(t *testing.T) {
	h := cadence.RhythmHint{Days: 12, Interval: 10, Own: true, Every: 28}
	if got, want := words.RhythmHint(h), "you talk about every 12 days; you set every 10 — try --every 28d?"; got != want {
		t.Errorf("RhythmHint = %q, want %q", got, want)
	}
	if got, want := words.RhythmHintNoFlags(h), "you talk about every 12 days; you set every 10 — every 28 days?"; got != want {
		t.Errorf("RhythmHintNoFlags = %q, want %q", got, want)
	}
}
