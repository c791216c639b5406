package words_test

import (
	"testing"
	"time"

	"github.com/tend-app/tend/internal/words"
)

func TestSnoozed(t *testing.T) {
	t.Parallel()
	until := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	if got := words.Snoozed("Ana", until, time.UTC); got != "Snoozed Ana until Tue 1 Dec 2026." {
		t.Errorf("Snoozed = %q", got)
	}
	if got := words.Snoozed("Ana", time.Time{}, time.UTC); got != "Ana is back in today's list." {
		t.Errorf("woken = %q", got)
	}
}
