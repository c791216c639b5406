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

// TestPersonChangesSaysANewOrder: tags or aliases given again in another
// order are a change the words name, since the order is stored.
func TestPersonChangesSaysANewOrder(t *testing.T) {
	before := domain.Person{Tags: []string{"work", "family"}, Aliases: []string{"ani", "al"}}
	after := domain.Person{Tags: []string{"family", "work"}, Aliases: []string{"al", "ani"}}
	got := strings.Join(PersonChanges(before, after), "; ")
	if got != "tags in a new order; aliases in a new order" {
		t.Errorf("PersonChanges = %q", got)
	}
}
