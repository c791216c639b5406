package core_test

import (
	"errors"
	"testing"
	"time"

	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

func TestSnoozeDaysEndAtTheStartOfADay(t *testing.T) {
	t.Parallel()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		now  time.Time
		n    int
		want string
	}{
		{time.Date(2026, 11, 24, 21, 30, 0, 0, berlin), 7, "2026-12-01T00:00:00+01:00"},
		{time.Date(2026, 10, 24, 9, 0, 0, 0, berlin), 1, "2026-10-25T00:00:00+02:00"}, // the night the clocks go back
		{time.Date(2026, 12, 31, 23, 59, 0, 0, time.UTC), 1, "2027-01-01T00:00:00Z"},
	} {
		if got := core.SnoozeDays(tc.now, tc.n).Format(time.RFC3339); got != tc.want {
			t.Errorf("SnoozeDays(%v, %d) = %s, want %s", tc.now, tc.n, got, tc.want)
		}
	}
}

func TestSnoozeRefusesThePastAndTheArchived(t *testing.T) {
	t.Parallel()
	s, c, now := circleCore(t)
	ctx := t.Context()
	people, err := s.People(ctx, store.PeopleFilter{})
	if err != nil || len(people) == 0 {
		t.Fatal(people, err)
	}
	ana := people[0]
	before, after, err := c.Snooze(ctx, ana.ID, core.SnoozeDays(now, 3), now)
	if err != nil || !before.SnoozedUntil.IsZero() || !after.SnoozedUntil.Equal(core.SnoozeDays(now, 3)) {
		t.Fatalf("Snooze = %v, %v, %v", before.SnoozedUntil, after.SnoozedUntil, err)
	}
	if _, after, err = c.Snooze(ctx, ana.ID, time.Time{}, now); err != nil || !after.SnoozedUntil.IsZero() {
		t.Errorf("waking = %v, %v", after.SnoozedUntil, err)
	}
	if _, _, err := c.Snooze(ctx, ana.ID, now, now); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("a snooze until now = %v, want ErrInvalid", err)
	}
	archived, err := s.People(ctx, store.PeopleFilter{Archived: true})
	if err != nil || len(archived) == 0 {
		t.Fatal(archived, err)
	}
	if _, _, err := c.Snooze(ctx, archived[0].ID, core.SnoozeDays(now, 1), now); !errors.Is(err, domain.ErrArchived) {
		t.Errorf("snoozing someone archived = %v, want ErrArchived", err)
	}
}

func TestMemoryDayIsTheDayWhereTheUserIs(t *testing.T) {
	t.Parallel()
	auckland, err := time.LoadLocation("Pacific/Auckland")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, auckland)
	// Friday 08:00 in Auckland is Thursday in UTC: the memory is Friday's.
	friday := time.Date(2026, 11, 27, 8, 0, 0, 0, auckland)
	if got := core.MemoryDay(friday, now); !got.Equal(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("MemoryDay = %v, want 2026-11-27 UTC", got)
	}
}
