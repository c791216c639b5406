package domain_test

import (
	"errors"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// TestContactChecksAreTheModels: the checks the faces make before a log
// are the ones the model makes before a write, with the same typed error.
func TestContactChecksAreTheModels(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		via     cadence.Channel
		missed  bool
		minutes int
		want    domain.LogProblem // 0: accepted
	}{
		{"a call", cadence.Call, false, 20, 0},
		{"a missed call", cadence.Call, true, 0, 0},
		{"a missed video call", cadence.Video, true, 0, 0},
		{"minutes below zero", cadence.Call, false, -1, domain.NegativeMinutes},
		{"minutes below zero come first", cadence.Text, true, -1, domain.NegativeMinutes},
		{"a missed text", cadence.Text, true, 0, domain.MissedNotACall},
		{"a missed call with minutes", cadence.Call, true, 5, domain.MissedWithMinutes},
	}
	at := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	for _, tt := range tests {
		in := domain.Interaction{People: []string{"01P"}, Via: tt.via, At: at, Missed: tt.missed, Minutes: tt.minutes}
		for what, err := range map[string]error{"CheckContact": domain.CheckContact(tt.via, tt.missed, tt.minutes), "Validate": in.Validate()} {
			var refused *domain.LogError
			switch {
			case tt.want == 0 && err != nil:
				t.Errorf("%s: %s = %v, want no error", tt.name, what, err)
			case tt.want != 0 && (!errors.As(err, &refused) || refused.Problem != tt.want || !errors.Is(err, domain.ErrInvalid)):
				t.Errorf("%s: %s = %v, want a LogError of problem %d that is ErrInvalid", tt.name, what, err, tt.want)
			}
		}
	}
}
