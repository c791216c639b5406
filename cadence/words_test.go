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
		{ChannelWords(Email), "an e-mail"},
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
