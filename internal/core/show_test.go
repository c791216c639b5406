package core_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
)

// TestShowIsEverythingOfOnePerson checks that show gathers one person's
// standing, memories, timeline and last note, and notes nothing on
// someone archived.
func TestShowIsEverythingOfOnePerson(t *testing.T) {
	t.Parallel()
	s, c, now := circleCore(t)
	ctx := t.Context()
	lists, err := c.Lists(ctx)
	if err != nil {
		t.Fatal(err)
	}
	active, archived := lists.Active, lists.Archived
	if len(active) != 53 || len(archived) != 7 {
		t.Fatalf("%d active and %d archived, want 53 and 7", len(active), len(archived))
	}
	for _, sum := range []domain.Summary{active[0], archived[0]} {
		if _, err := s.AddMemory(ctx, domain.Memory{PersonID: sum.ID, Text: "ask about the move"}); err != nil {
			t.Fatal(err)
		}
		got, err := c.Show(ctx, sum.Name, now)
		if err != nil {
			t.Fatal(err)
		}
		if got.Person.ID != sum.ID || got.Summary.ID != sum.ID {
			t.Fatalf("show %q gave %s", sum.Name, got.Person.Name)
		}
		all, err := s.Interactions(ctx, domain.InteractionFilter{Person: sum.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Timeline) != len(all) || len(got.Timeline) == 0 {
			t.Errorf("%s: timeline of %d, want all %d", sum.Name, len(got.Timeline), len(all))
		}
		if !slices.IsSortedFunc(got.Timeline, func(a, b domain.Interaction) int { return b.At.Compare(a.At) }) {
			t.Errorf("%s: timeline not newest first", sum.Name)
		}
		if len(got.Memories) != 1 || got.Memories[0].Text != "ask about the move" {
			t.Errorf("%s: memories %+v", sum.Name, got.Memories)
		}
		if want := c.Rules().Assess(got.Summary.Cadence(), now); got.Status.DueRatio != want.DueRatio || !reflect.DeepEqual(got.Status.Reasons, want.Reasons) {
			t.Errorf("%s: status %+v, want %+v", sum.Name, got.Status, want)
		}
		var note domain.Interaction
		for _, in := range all {
			if in.Note != "" {
				note = in
				break
			}
		}
		if got.HasLastNote != (note.Note != "") || got.LastNote.Note != note.Note {
			t.Errorf("%s: last note %q (%v), want %q", sum.Name, got.LastNote.Note, got.HasLastNote, note.Note)
		}
		if sum.Archived() && len(got.Noticed) > 0 {
			t.Errorf("%s is archived, yet show notices %v", sum.Name, got.Noticed)
		}
	}
	if _, err := c.Show(ctx, "Nobody Atall", now); err == nil {
		t.Error("show of no one: no error")
	}
}

// TestHistoryFilters checks history by person, by day and by number, and
// the short ids it prints.
func TestHistoryFilters(t *testing.T) {
	t.Parallel()
	_, c, now := circleCore(t)
	ctx := t.Context()
	all, err := c.History(ctx, "", domain.InteractionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 900 {
		t.Fatalf("history of %d, want 900", len(all))
	}
	since := now.AddDate(0, 0, -30)
	recent, err := c.History(ctx, "", domain.InteractionFilter{Since: since, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(recent) != 10 || !slices.Equal(ids(recent), ids(all[:10])) || recent[9].At.Before(since) {
		t.Errorf("the latest 10 since %s: %v", since, ids(recent))
	}
	who := all[0].Names[0]
	theirs, err := c.History(ctx, strings.ToLower(who), domain.InteractionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range theirs {
		if !slices.Contains(in.Names, who) {
			t.Fatalf("history of %s holds %v", who, in.Names)
		}
	}
	short, err := c.ShortInteractionIDs(ctx, theirs)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range theirs {
		if sh := short[in.ID]; len(sh) < 6 || !strings.HasPrefix(in.ID, sh) {
			t.Fatalf("short id %q of %s", sh, in.ID)
		}
	}
	rec, err := c.PersonRecords(ctx, theirs[0].People[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Timeline) == 0 || rec.Timeline[0].ID != theirs[0].ID {
		t.Errorf("records of %s begin with %v, want %s", who, ids(rec.Timeline[:min(1, len(rec.Timeline))]), theirs[0].ID)
	}
}

func ids(list []domain.Interaction) []string {
	out := make([]string, len(list))
	for i, in := range list {
		out[i] = in.ID
	}
	return out
}

// TestTheDayAndLists checks the memories come due, whether one was
// answered, the dates of the week, and the lists the full-screen view
// reads in one go.
func TestTheDayAndLists(t *testing.T) {
	t.Parallel()
	s, c, now := circleCore(t)
	ctx := t.Context()
	lists, err := c.Lists(ctx)
	if err != nil {
		t.Fatal(err)
	}
	active := lists.Active
	day := func(d int) time.Time { return time.Date(now.Year(), now.Month(), now.Day()+d, 0, 0, 0, 0, time.UTC) }
	quietP, err := s.AddPerson(ctx, domain.Person{Name: "Quiet One", Tier: cadence.Close})
	if err != nil {
		t.Fatal(err)
	}
	quiet, talked := quietP, active[2].Person
	if _, err := s.AddMemory(ctx, domain.Memory{PersonID: quiet.ID, Text: "quiet", Due: day(-400)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMemory(ctx, domain.Memory{PersonID: talked.ID, Text: "talked", Due: day(-1)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMemory(ctx, domain.Memory{PersonID: talked.ID, Text: "later", Due: day(5)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddInteraction(ctx, domain.Interaction{People: []string{talked.ID}, Via: cadence.Call, At: now.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	md := cadence.MonthDay{Month: day(3).Month(), Day: day(3).Day()}
	if _, err := s.UpdatePerson(ctx, quiet.ID, func(p *domain.Person) error { p.Birthday = md; return nil }); err != nil {
		t.Fatal(err)
	}
	d, err := c.TheDay(ctx, now, 10)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, m := range d.Memories {
		texts = append(texts, m.Text)
	}
	if !slices.Equal(texts, []string{"quiet", "talked"}) {
		t.Fatalf("due memories %q, want quiet then talked", texts)
	}
	if d.Memories[0].Answered || !d.Memories[1].Answered || d.Memories[1].Name != talked.Name {
		t.Errorf("answered: %+v", d.Memories)
	}
	if len(d.Dates) != 1 || d.Dates[0].Name != quiet.Name {
		t.Errorf("dates of the week %+v, want %s's birthday", d.Dates, quiet.Name)
	}
	none, err := c.TheDay(ctx, now, 0)
	if err != nil {
		t.Fatal(err)
	}
	if none.Memories[1].Answered {
		t.Error("answered worked out for a memory past the number asked")
	}
	due, err := c.DueMemories(ctx, now)
	if err != nil || len(due) != 2 {
		t.Fatalf("due memories %v, %v", due, err)
	}

	l, err := c.Lists(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Active) != 54 || len(l.Archived) != 7 {
		t.Errorf("lists of %d and %d, want 54 and 7", len(l.Active), len(l.Archived))
	}
	if d.Memories[1].ID != due[1].ID {
		t.Errorf("TheDay's memories %+v, want those of DueMemories %+v", d.Memories, due)
	}
	open, err := c.OpenMemories(ctx, talked.ID)
	if err != nil || len(open) != 2 {
		t.Errorf("open memories of %s: %v, %v", talked.Name, open, err)
	}
	notes, err := c.LastNotes(ctx, []string{quiet.ID, talked.ID})
	if err != nil {
		t.Fatal(err)
	}
	for id, n := range notes {
		if n.Note == "" || n.At.After(now) {
			t.Errorf("last note of %s: %+v", id, n)
		}
	}
}

// TestWatchSeesWrites checks that the watcher tells a write from none.
func TestWatchSeesWrites(t *testing.T) {
	t.Parallel()
	s, c, now := circleCore(t)
	ctx := t.Context()
	w, err := c.Watch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if changed, err := w.Changed(ctx); err != nil || changed {
		t.Fatalf("nothing written: changed %v, %v", changed, err)
	}
	people, err := c.Candidates(ctx, false)
	if err != nil || len(people) != 53 {
		t.Fatalf("candidates %d, %v", len(people), err)
	}
	// Another connection writes, as another tend would.
	other := core.New(s, cadence.DefaultRules())
	if _, _, err := other.Snooze(ctx, people[0].ID, now.AddDate(0, 0, 3), now); err != nil {
		t.Fatal(err)
	}
	if changed, err := w.Changed(ctx); err != nil || !changed {
		t.Fatalf("after a write: changed %v, %v", changed, err)
	}
}
