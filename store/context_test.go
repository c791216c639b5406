package store_test

import (
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

func TestLastNotes(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	ana, ben, chloe := mustAdd(t, s, "Ana Lima"), mustAdd(t, s, "Ben Okafor"), mustAdd(t, s, "Chloé Martin")
	day := func(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }
	logNote := func(at time.Time, note string, people ...domain.Person) {
		in := domain.Interaction{Via: cadence.Call, Direction: cadence.Out, At: at, Note: note}
		for _, p := range people {
			in.People = append(in.People, p.ID)
		}
		if _, err := s.AddInteraction(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	logNote(day(1), "the old job", ana)
	logNote(day(10), "dinner at Rosa's", ana, ben)
	logNote(day(12), "", ana) // the latest, without a note: the one before speaks
	logNote(day(3), "earlier", ben)
	mustLog(t, s, cadence.Call, day(5), chloe) // no note ever
	got, err := s.LastNotes(ctx, []string{ana.ID, ben.ID, chloe.ID, "nobody"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Errorf("%d notes; want Ana's and Ben's: %v", len(got), got)
	}
	for _, p := range []domain.Person{ana, ben} {
		if n := got[p.ID]; n.Note != "dinner at Rosa's" || !n.At.Equal(day(10)) {
			t.Errorf("%s: %+v; want dinner at Rosa's on the 10th", p.Name, n)
		}
	}
	if got, err := s.LastNotes(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("no ids: %v, %v", got, err)
	}
}

func TestDueMemories(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	ana, ben := mustAdd(t, s, "Ana Lima"), mustAdd(t, s, "Ben Okafor")
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	add := func(p domain.Person, text string, due time.Time) domain.Memory {
		m, err := s.AddMemory(ctx, domain.Memory{PersonID: p.ID, Text: text, Due: due})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	add(ana, "exam", day(24))
	add(ben, "new job", day(20))
	add(ana, "no day", time.Time{})
	add(ben, "next week", day(30))
	done := add(ana, "done already", day(1))
	if _, err := s.MarkMemoryDone(ctx, done.ID); err != nil {
		t.Fatal(err)
	}
	gone := mustAdd(t, s, "Fay Dunn")
	add(gone, "archived", day(2))
	mustArchive(t, s, gone)

	texts := func(through time.Time) []string {
		ms, err := s.DueMemories(ctx, through)
		if err != nil {
			t.Fatal(err)
		}
		out := []string{}
		for _, m := range ms {
			out = append(out, m.Name+": "+m.Text)
		}
		return out
	}
	if got := texts(day(24)); join(got) != "[Ben Okafor: new job, Ana Lima: exam]" {
		t.Errorf("through the 24th: %v", got)
	}
	if got := texts(day(30)); len(got) != 3 {
		t.Errorf("through the 30th: %v; want 3", got)
	}
}
