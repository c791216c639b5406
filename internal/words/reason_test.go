package words_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/words"
)

func TestReason(t *testing.T) {
	t.Parallel()
	friday := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	long := "a very long memory that goes on and on, well past what fits on one line of a terminal"
	for _, tc := range []struct {
		r    cadence.Reason
		want string
	}{
		{cadence.Reason{Kind: cadence.ReasonDate, Label: "birthday", Days: 0, On: friday}, "birthday today"},
		{cadence.Reason{Kind: cadence.ReasonDate, Label: "anniversary", Days: 1, On: friday}, "anniversary tomorrow"},
		{cadence.Reason{Kind: cadence.ReasonDate, Label: "name day", Days: 3, On: friday}, "name day on Friday"},
		{cadence.Reason{Kind: cadence.ReasonDate, Label: "birthday", Days: 6, On: friday}, "birthday on Friday"},
		{cadence.Reason{Kind: cadence.ReasonWrote, Name: "Gina Ray", Days: 3, Via: cadence.Gift}, "Gina sent a gift 3 days ago, you have not thanked them"},
		{cadence.Reason{Kind: cadence.ReasonWrote, Name: "Gina Ray", Days: 3, Via: cadence.Letter}, "Gina wrote 3 days ago, you have not answered"},
		// A week or more ahead (days_ahead up to 30), a weekday alone names the wrong one.
		{cadence.Reason{Kind: cadence.ReasonDate, Label: "birthday", Days: 7, On: friday}, "birthday on " + friday.Format("Mon 2 Jan")},
		{cadence.Reason{Kind: cadence.ReasonDate, Label: "birthday", Days: 16, On: friday}, "birthday on " + friday.Format("Mon 2 Jan")},
		{cadence.Reason{Kind: cadence.ReasonMemory, Label: "exam", Days: 0}, "remember: exam (due today)"},
		{cadence.Reason{Kind: cadence.ReasonMemory, Label: "exam", Days: 1}, "remember: exam (due yesterday)"},
		{cadence.Reason{Kind: cadence.ReasonMemory, Label: "new job", Days: 5}, "remember: new job (due 5 days ago)"},
		{cadence.Reason{Kind: cadence.ReasonMemory, Label: "  exam\n on\tFriday  "}, "remember: exam on Friday (due today)"},
		{cadence.Reason{Kind: cadence.ReasonMemory, Label: long}, "remember: " + long[:59] + "… (due today)"},
		{cadence.Reason{Kind: cadence.ReasonWrote, Name: "Ben Okafor", Days: 4}, "Ben wrote 4 days ago, you have not answered"},
		{cadence.Reason{Kind: cadence.ReasonWrote, Name: "Ben", Days: 1}, "Ben wrote 1 day ago, you have not answered"},
		{cadence.Reason{Kind: cadence.ReasonWrote, Name: "Dr. Jane Smith", Days: 2}, "Jane wrote 2 days ago, you have not answered"},
		{cadence.Reason{Kind: cadence.ReasonCalled, Name: "Ben Okafor", Days: 3}, "Ben called 3 days ago, you have not called back"},
		{cadence.Reason{Kind: cadence.ReasonTurn, Name: "Ben Okafor", Count: cadence.TurnCount}, "Ben reached out the last 3 times — your turn"},
		{cadence.Reason{Kind: cadence.ReasonDrift, Gaps: []int{20, 25, 31}}, "drifting: gaps of 20, 25, 31 days"},
		{cadence.Reason{Kind: cadence.ReasonSince, Days: 43, Via: cadence.Call}, "43 days since your last call"},
		{cadence.Reason{Kind: cadence.ReasonSince, Days: 1, Via: cadence.Call}, "1 day since your last call"},
		{cadence.Reason{Kind: cadence.ReasonSince, Days: 14, Via: cadence.InPerson}, "14 days since you last met in person"},
		{cadence.Reason{Kind: cadence.ReasonSince, Days: 40, Via: cadence.Video}, "40 days since your last video call"},
		{cadence.Reason{Kind: cadence.ReasonAdded, Days: 43}, "added 43 days ago, no real conversation yet"},
		{cadence.Reason{Kind: cadence.ReasonAdded, Days: 1}, "added 1 day ago, no real conversation yet"},
		{cadence.Reason{Kind: cadence.ReasonTried, Count: 1}, "you tried once since"},
		{cadence.Reason{Kind: cadence.ReasonTried, Count: 2}, "you tried twice since"},
		{cadence.Reason{Kind: cadence.ReasonTried, Count: 4}, "you tried 4 times since"},
		{cadence.Reason{Kind: cadence.ReasonRhythm, Days: 30, Label: "close"}, "close: every 30 days"},
		{cadence.Reason{Kind: cadence.ReasonRhythm, Days: 14, Label: "book club"}, "book club: every 14 days"},
		{cadence.Reason{Kind: cadence.ReasonRhythm, Days: 1, Own: true}, "every 1 day"},
		{cadence.Reason{Kind: cadence.ReasonRhythm, Days: 14, Own: true}, "every 14 days"},
		{cadence.Reason{}, ""},
	} {
		if got := words.Reason(tc.r); got != tc.want {
			t.Errorf("Reason(%+v) = %q; want %q", tc.r, got, tc.want)
		}
	}
}

func TestLeft(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		l    cadence.Left
		want string
	}{
		{cadence.Left{Kind: cadence.ReasonArchived}, "archived"},
		{cadence.Left{Kind: cadence.ReasonSnoozed, Until: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}, "snoozed until Tue 1 Dec"},
		{cadence.Left{Kind: cadence.ReasonQuiet, Days: 0}, "talked today"},
		{cadence.Left{Kind: cadence.ReasonQuiet, Days: 1}, "talked yesterday"},
		{cadence.Left{Kind: cadence.ReasonQuiet, Days: 2}, "talked 2 days ago"},
		{cadence.Left{}, ""},
	} {
		if got := words.Left(tc.l); got != tc.want {
			t.Errorf("Left(%+v) = %q; want %q", tc.l, got, tc.want)
		}
	}
}

// TestReasonsOfAssess reads the rules' reasons as the faces print them,
// most important first.
func TestReasonsOfAssess(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	call := cadence.Contact{At: time.Date(2026, 10, 12, 18, 0, 0, 0, time.UTC), Via: cadence.Call, Direction: cadence.Out}
	ana := cadence.Person{ID: "a", Name: "Ana Lima", Tier: cadence.Close, CreatedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		LastReal: call, Last: cadence.Contact{At: now.AddDate(0, 0, -4), Via: cadence.Text, Direction: cadence.In},
		Birthday: cadence.MonthDay{Month: time.November, Day: 25}}
	want := []string{"birthday tomorrow", "Ana wrote 4 days ago, you have not answered", "43 days since your last call", "close: every 30 days"}
	if got := words.Reasons(cadence.Assess(ana, now).Reasons); !slices.Equal(got, want) {
		t.Errorf("Reasons = %q; want %q", got, want)
	}
	if got := words.Reasons(nil); got == nil || len(got) != 0 {
		t.Errorf("Reasons(nil) = %#v; want an empty list, which JSON shows as []", got)
	}
	ana.SnoozedUntil = time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC)
	pacific := time.FixedZone("UTC-8", -8*60*60)
	if got := words.Left(cadence.Assess(ana, now.In(pacific)).Left); !strings.HasSuffix(got, "Tue 24 Nov") {
		t.Errorf("Left = %q; want the snooze's day in now's zone, Tue 24 Nov", got)
	}
}
