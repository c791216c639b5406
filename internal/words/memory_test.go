package words_test

import (
	"testing"
	"time"

	"github.com/tend-app/tend/internal/words"
)

func TestRemembered(t *testing.T) {
	t.Parallel()
	if got := words.Remembered("Ana", "exam", time.Date(2027, 1, 8, 0, 0, 0, 0, time.UTC)); got != "Remembered for Ana, for Fri 8 Jan 2027: exam" {
		t.Errorf("with a day: %q", got)
	}
	if got := words.Remembered("Ana", "exam", time.Time{}); got != "Remembered for Ana: exam" {
		t.Errorf("without: %q", got)
	}
}
