package store

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// TestMovedUpCandidates checks whom RankByOverdue takes apart as someone a
// date or memory may move up: exactly the active people with a birthday or
// important date within cadence.SoonDays or an open memory that has come
// due.
func TestMovedUpCandidates(t *testing.T) {
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	ctx := t.Context()
	day := func(n int) cadence.MonthDay {
		d := internalNow.AddDate(0, 0, n)
		return cadence.MonthDay{Month: d.Month(), Day: d.Day()}
	}
	add := func(name string, change func(*domain.Person)) domain.Person {
		p := domain.Person{Name: name}
		if change != nil {
			change(&p)
		}
		p, err := s.AddPerson(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	remember := func(p domain.Person, due time.Time) domain.Memory {
		m, err := s.AddMemory(ctx, domain.Memory{PersonID: p.ID, Text: "ask", Due: due})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	add("Birthday in 3 days", func(p *domain.Person) { p.Birthday = day(3) })
	add("Birthday in 4 days", func(p *domain.Person) { p.Birthday = day(4) })
	add("Birthday yesterday", func(p *domain.Person) { p.Birthday = day(-1) })
	add("Anniversary tomorrow", func(p *domain.Person) {
		p.ImportantDates = []domain.ImportantDate{{Label: "anniversary", Date: cadence.MonthDay{Year: 2015, Month: day(1).Month, Day: day(1).Day}}}
	})
	add("Anniversary in 10 days", func(p *domain.Person) {
		p.ImportantDates = []domain.ImportantDate{{Label: "anniversary", Date: day(10)}}
	})
	remember(add("Memory due today", nil), internalNow)
	remember(add("Memory due last year", nil), internalNow.AddDate(-1, 0, 0))
	remember(add("Memory due tomorrow", nil), internalNow.AddDate(0, 0, 1))
	done := remember(add("Memory done", nil), internalNow.AddDate(0, 0, -3))
	if _, err := s.MarkMemoryDone(ctx, done.ID); err != nil {
		t.Fatal(err)
	}
	archived := add("Archived, birthday today", func(p *domain.Person) { p.Birthday = day(0) })
	if _, err := s.UpdatePerson(ctx, archived.ID, func(p *domain.Person) error { p.ArchivedAt = internalNow; return nil }); err != nil {
		t.Fatal(err)
	}
	add("Nothing soon", nil)

	dates, err := datesByPerson(ctx, s.db, "")
	if err != nil {
		t.Fatal(err)
	}
	reminders, err := remindersByPerson(ctx, s.db, "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := movedUpCandidates(ctx, s.db, internalNow, &defaultRules, dates, reminders)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range got {
		var name string
		if err := s.db.QueryRowContext(ctx, `SELECT name FROM people WHERE rowid = ?`, c.rowid).Scan(&name); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	slices.Sort(names)
	want := []string{"Anniversary tomorrow", "Birthday in 3 days", "Memory due last year", "Memory due today"}
	if !slices.Equal(names, want) {
		t.Errorf("moved up: %q\nwant %q", names, want)
	}
}
