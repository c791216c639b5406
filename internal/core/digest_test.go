package core_test

import (
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
)

// TestDigestIsTodayAndTheWeek checks the letter of a day against today's
// ranking, and the letter of a week against the plan, with the notes,
// dates and memories of the days covered.
func TestDigestIsTodayAndTheWeek(t *testing.T) {
	t.Parallel()
	s, now := testCircle(t)
	ctx := t.Context()
	rules := cadence.DefaultRules()
	c := core.New(s, rules)
	everyone, err := s.CadencePeople(ctx)
	if err != nil {
		t.Fatal(err)
	}
	soon := now.AddDate(0, 0, 2)
	who := everyone[4]
	if _, err := s.UpdatePerson(ctx, who.ID, func(p *domain.Person) error {
		p.Birthday = cadence.MonthDay{Year: 1990, Month: soon.Month(), Day: soon.Day()}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMemory(ctx, domain.Memory{PersonID: who.ID, Text: "the new job", Due: time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if everyone, err = s.CadencePeople(ctx); err != nil {
		t.Fatal(err)
	}

	day, err := c.Digest(ctx, now, false, time.Monday)
	if err != nil {
		t.Fatal(err)
	}
	today := rules.Today(everyone, now, rules.Limit)
	if len(day.Days) != 1 || len(day.Days[0].People) != len(today) || !day.From.Equal(day.To) {
		t.Fatalf("a day's letter: %d days, %d people, want 1 and %d", len(day.Days), len(day.Days[0].People), len(today))
	}
	var ids []string
	for i, p := range day.Days[0].People {
		if p.Person.ID != today[i].Person.ID {
			t.Errorf("call %d is %s, today says %s", i, p.Person.Name, today[i].Person.Name)
		}
		ids = append(ids, p.Person.ID)
	}
	notes, err := c.LastNotes(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range day.Days[0].People {
		if p.Note != notes[p.Person.ID].Note || (p.Note != "" && len(p.Memories) > 0) {
			t.Errorf("%s: note %q and memories %q, want the note %q", p.Person.Name, p.Note, p.Memories, notes[p.Person.ID].Note)
		}
	}
	if all := rules.Today(everyone, now, 0); day.MoreDue != len(all)-len(today) {
		t.Errorf("%d more due, want %d", day.MoreDue, len(all)-len(today))
	}
	if len(day.Dates) != 1 || day.Dates[0].ID != who.ID || day.Dates[0].Years != soon.Year()-1990 || day.Dates[0].Label != "birthday" {
		t.Errorf("dates %+v, want %s's birthday", day.Dates, who.Name)
	}
	if len(day.Memories) != 1 || day.Memories[0].Text != "the new job" {
		t.Errorf("memories %+v", day.Memories)
	}

	// 2026-11-24 is a Tuesday: the week that starts on Mondays has six
	// days left, and one starting that Tuesday all seven.
	week, err := c.Digest(ctx, now, true, time.Monday)
	if err != nil {
		t.Fatal(err)
	}
	if len(week.Days) != 6 || core.WeekDays(now, time.Tuesday) != 7 || !week.To.Equal(week.From.AddDate(0, 0, 5)) {
		t.Fatalf("a week's letter from %s to %s in %d days", week.From, week.To, len(week.Days))
	}
	plan := rules.Plan(everyone, now, 6, rules.Limit)
	for i, d := range week.Days {
		if len(d.People) != len(plan.Days[i].People) {
			t.Errorf("day %d: %d calls, the plan has %d", i, len(d.People), len(plan.Days[i].People))
		}
	}
	if week.MoreDue != len(plan.Later) {
		t.Errorf("%d more due in the week, want the plan's %d later", week.MoreDue, len(plan.Later))
	}
}
