package cadence

import (
	"testing"
	"time"
)

func TestWords(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, time.UTC) }
	tests := []struct{ got, want string }{
		{Count(1, "person", "people"), "1 person"},
		{Count(3, "person", "people"), "3 people"},
		{Count(0, "person", "people"), "0 people"},
		{Plural(1, "day"), "1 day"},
		{Plural(30, "day"), "30 days"},
		{EveryWords(1), "every 1 day"},
		{EveryWords(90), "every 90 days"},
		{ChannelWords(Call), "a call"},
		{ChannelWords(InPerson), "a meeting in person"},
		{ChannelWords(Video), "a video call"},
		{ChannelWords(Email), "an email"},
		{ChannelWords(Social), "a social message"},
		{ChannelWords(Gift), "a gift"},
		{WhenWords(at(24, 9), now), "today at 09:00"},
		{WhenWords(at(23, 18), now), "yesterday at 18:00"},
		{WhenWords(at(20, 12), now), "Friday at 12:00"},
		{WhenWords(at(17, 12), now), "Tue 17 Nov 2026 12:00"},
		{MonthDay{Month: time.April, Day: 15}.Words(), "15 April"},
		{MonthDay{Year: 1990, Month: time.April, Day: 15}.Words(), "15 April 1990"},
		{MonthDay{}.Words(), ""},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("got %q; want %q", tc.got, tc.want)
		}
	}
}

func TestShortName(t *testing.T) {
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
		if got := ShortName(tc.name); got != tc.want {
			t.Errorf("ShortName(%q) = %q; want %q", tc.name, got, tc.want)
		}
	}
}

func TestLoggedWords(t *testing.T) {
	tests := []struct {
		c     Contact
		typed string
		want  string
	}{
		{Contact{Via: Call, Direction: Out}, "", "Logged a call with Ben, today at 09:30."},
		{Contact{Via: InPerson, Direction: In}, "", "Logged a meeting in person from Ben, today at 09:30."},
		{Contact{Via: Letter, Direction: Out}, "card", "Logged a card for Ben, today at 09:30."},
		{Contact{Via: Letter, Direction: Out}, "Card ", "Logged a card for Ben, today at 09:30."},
		{Contact{Via: Letter, Direction: Out}, "letter", "Logged a letter for Ben, today at 09:30."},
		{Contact{Via: Gift, Direction: Out}, "", "Logged a gift for Ben, today at 09:30."},
		{Contact{Via: Letter, Direction: In}, "card", "Logged a card from Ben, today at 09:30."},
		{Contact{Via: Text, Direction: Out}, "sms", "Logged a text to Ben, today at 09:30."},
		{Contact{Via: Email, Direction: Out}, "", "Logged an email to Ben, today at 09:30."},
		{Contact{Via: Call, Direction: Out, Missed: true}, "", "Logged a missed call to Ben, today at 09:30."},
		{Contact{Via: Video, Direction: In, Missed: true}, "", "Logged a missed video call from Ben, today at 09:30."},
	}
	for _, tc := range tests {
		if got := LoggedWords(tc.c, tc.typed, "Ben", "today at 09:30"); got != tc.want {
			t.Errorf("LoggedWords(%+v, %q) = %q; want %q", tc.c, tc.typed, got, tc.want)
		}
	}
}
