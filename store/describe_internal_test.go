package store

import (
	"strings"
	"testing"

	"github.com/tend-app/tend/internal/domain"
)

// TestPersonChangesSayOneDay: a rhythm of one day is "1 day", in the
// words edit and undo show.
func TestPersonChangesSayOneDay(t *testing.T) {
	got := strings.Join(PersonChanges(domain.Person{Name: "Wei"}, domain.Person{Name: "Wei", Every: 1}), "; ")
	if got != "rhythm 1 day set" {
		t.Errorf("PersonChanges = %q, want %q", got, "rhythm 1 day set")
	}
}
