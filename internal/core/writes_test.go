package core_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
)

func add(t *testing.T, c *core.Core, p domain.Person) domain.Person {
	t.Helper()
	p, err := c.AddPerson(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func ptr[T any](v T) *T { return &v }

func TestAddPersonRefusesATakenName(t *testing.T) {
	t.Parallel()
	c, _ := emptyCore(t)
	ana := add(t, c, domain.Person{Name: "Ana Lima", Tier: cadence.Close})
	if ana.ID == "" || ana.Tier != cadence.Close {
		t.Errorf("added %+v", ana)
	}
	if _, err := c.AddPerson(t.Context(), domain.Person{Name: "ana lima"}); !errors.Is(err, domain.ErrNameTaken) {
		t.Errorf("adding the same name again = %v, want ErrNameTaken", err)
	}
	if _, err := c.AddPerson(t.Context(), domain.Person{Name: "  "}); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("adding no name = %v, want ErrInvalid", err)
	}
}

func TestEditPersonChangesOnlyWhatIsGiven(t *testing.T) {
	t.Parallel()
	c, _ := emptyCore(t)
	ctx := t.Context()
	ana := add(t, c, domain.Person{Name: "Ana Lima", Tags: []string{"work", "club"}, Notes: "likes tea",
		ImportantDates: []domain.ImportantDate{{Label: "anniversary", Date: cadence.MonthDay{Month: 6, Day: 1}}}})
	tests := []struct {
		name    string
		edit    core.PersonEdit
		check   func(domain.Person) bool
		changes int
		wantErr string
	}{
		{"tier", core.PersonEdit{Tier: ptr(cadence.Inner)}, func(p domain.Person) bool { return p.Tier == cadence.Inner }, 1, ""},
		{"add and take a tag", core.PersonEdit{Add: core.ListItems{Tags: []string{"family"}}, Remove: core.ListItems{Tags: []string{"WORK"}}},
			func(p domain.Person) bool { return slices.Equal(p.Tags, []string{"club", "family"}) }, 2, ""},
		{"a tag not there", core.PersonEdit{Remove: core.ListItems{Tags: []string{"nope"}}}, nil, 0, `rm-tag: Ana Lima has no tag "nope"`},
		{"a date by its label", core.PersonEdit{SetDates: []domain.ImportantDate{{Label: "Anniversary", Date: cadence.MonthDay{Month: 7, Day: 2}}}},
			func(p domain.Person) bool { return len(p.ImportantDates) == 1 && p.ImportantDates[0].Date.Month == 7 }, 2, ""},
		{"a date not there", core.PersonEdit{Remove: core.ListItems{DateLabels: []string{"wedding"}}}, nil, 0, `has no date labelled "wedding"`},
		{"a note added", core.PersonEdit{AddNote: "moved to Porto"},
			func(p domain.Person) bool { return p.Notes == "likes tea\nmoved to Porto" }, 1, ""},
		{"a name", core.PersonEdit{Name: ptr("Ana Lima-Souza")}, func(p domain.Person) bool { return p.Name == "Ana Lima-Souza" }, 1, ""},
		{"nothing", core.PersonEdit{}, func(domain.Person) bool { return true }, 0, ""},
	}
	for _, tt := range tests {
		got, err := c.EditPerson(ctx, ana.ID, tt.edit)
		if tt.wantErr != "" {
			var field *domain.FieldError
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.As(err, &field) || !errors.Is(err, domain.ErrInvalid) {
				t.Errorf("%s: error %v, want a field error saying %q", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !tt.check(got.After) || len(got.Changes) != tt.changes || got.Before.ID != ana.ID {
			t.Errorf("%s: %+v, changes %q, %v", tt.name, got.After, got.Changes, err)
		}
	}
}

func TestArchiveAndRestoreRefuseWhatIsAlreadySo(t *testing.T) {
	t.Parallel()
	c, now := emptyCore(t)
	ctx := t.Context()
	ben := add(t, c, domain.Person{Name: "Ben Okafor"})
	if _, _, err := c.Restore(ctx, ben.ID); !errors.Is(err, domain.ErrInvalid) || err.Error() != "Ben Okafor is not archived" {
		t.Errorf("restoring someone active = %v", err)
	}
	before, after, err := c.Archive(ctx, ben.ID, now)
	if err != nil || before.Archived() || !after.ArchivedAt.Equal(now) {
		t.Fatalf("Archive = %v, %v, %v", before.ArchivedAt, after.ArchivedAt, err)
	}
	if _, _, err := c.Archive(ctx, ben.ID, now); !errors.Is(err, domain.ErrInvalid) || !errors.Is(err, domain.ErrArchived) {
		t.Errorf("archiving twice = %v, want ErrInvalid and ErrArchived", err)
	}
	if _, after, err := c.Restore(ctx, ben.ID); err != nil || after.Archived() {
		t.Errorf("Restore = %v, %v", after.ArchivedAt, err)
	}
}

func TestRemovePersonIsFinal(t *testing.T) {
	t.Parallel()
	c, _ := emptyCore(t)
	ctx := t.Context()
	ana := add(t, c, domain.Person{Name: "Ana"})
	gone, err := c.RemovePerson(ctx, ana.ID)
	if err != nil || gone.Name != "Ana" {
		t.Fatalf("RemovePerson = %+v, %v", gone, err)
	}
	if _, err := c.FindPerson(ctx, "ana", domain.PreferActive); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("found after rm: %v", err)
	}
	if _, err := c.RemovePerson(ctx, ana.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("rm twice = %v, want ErrNotFound", err)
	}
}

func TestLogChecksAndNamesEveryoneOnce(t *testing.T) {
	t.Parallel()
	c, now := emptyCore(t)
	ctx := t.Context()
	ana, ben := add(t, c, domain.Person{Name: "Ana Lima"}), add(t, c, domain.Person{Name: "Ben Okafor"})
	for _, tc := range []struct {
		in   core.LogInput
		want domain.LogProblem
	}{
		{core.LogInput{People: []string{ana.ID}, Via: cadence.Text, Missed: true, At: now}, domain.MissedNotACall},
		{core.LogInput{People: []string{ana.ID}, Via: cadence.Call, Missed: true, Minutes: 5, At: now}, domain.MissedWithMinutes},
		{core.LogInput{People: []string{ana.ID}, Via: cadence.Call, Minutes: -1, At: now}, domain.NegativeMinutes},
	} {
		var le *domain.LogError
		if _, err := c.Log(ctx, tc.in); !errors.As(err, &le) || le.Problem != tc.want || !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("Log(%+v) = %v, want problem %d", tc.in, err, tc.want)
		}
	}
	got, err := c.Log(ctx, core.LogInput{People: []string{ana.ID}, Names: []string{"ana,ben"}, Via: cadence.Call, At: now})
	if err != nil || !slices.Equal(got.Interaction.People, []string{ana.ID, ben.ID}) || len(got.Named) != 2 {
		t.Fatalf("Log = %+v, %v", got, err)
	}
	if _, err := c.Log(ctx, core.LogInput{Names: []string{"zed"}, Via: cadence.Call, At: now}); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("logging with no one = %v, want ErrNotFound", err)
	}
}

func TestAmendUnlogAndUndo(t *testing.T) {
	t.Parallel()
	c, now := emptyCore(t)
	ctx := t.Context()
	ana := add(t, c, domain.Person{Name: "Ana Lima"})
	add(t, c, domain.Person{Name: "Ben Okafor"})
	logged, err := c.Log(ctx, core.LogInput{Names: []string{"ana,ben"}, Via: cadence.Call, At: now})
	if err != nil {
		t.Fatal(err)
	}
	id := logged.Interaction.ID
	if _, _, err := c.Amend(ctx, id, core.Amendment{Without: []string{"chloé"}}); err == nil || err.Error() != `without: no one called "chloé" was in it` {
		t.Errorf("taking out someone not there = %v", err)
	}
	if _, _, err := c.Amend(ctx, id, core.Amendment{Without: []string{"ana,ben"}}); !errors.Is(err, domain.ErrNoOneLeft) {
		t.Errorf("taking everyone out = %v, want ErrNoOneLeft", err)
	}
	before, after, err := c.Amend(ctx, id, core.Amendment{Via: ptr(cadence.Video), Minutes: ptr(40), Without: []string{"ben"}})
	if err != nil || before.Via != cadence.Call || after.Via != cadence.Video || after.Minutes != 40 || !slices.Equal(after.People, []string{ana.ID}) {
		t.Fatalf("Amend = %+v → %+v, %v", before, after, err)
	}
	if _, after, err = c.Amend(ctx, id, core.Amendment{People: []string{"ben"}}); err != nil || !slices.Equal(after.Names, []string{"Ben Okafor"}) {
		t.Errorf("Amend with everyone named = %v, %v", after.Names, err)
	}
	if _, _, err := c.Amend(ctx, id, core.Amendment{Minutes: ptr(-3)}); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("negative minutes = %v", err)
	}
	gone, err := c.Unlog(ctx, id[:10])
	if err != nil || gone.ID != id {
		t.Fatalf("Unlog = %v, %v", gone.ID, err)
	}
	changes, err := c.Changes(ctx)
	if err != nil || len(changes) < 3 {
		t.Fatalf("Changes = %v, %v", changes, err)
	}
	undone, err := c.Undo(ctx)
	if err != nil || undone.Seq != changes[0].Seq {
		t.Errorf("Undo = %+v, %v; want the newest of %+v", undone, err, changes)
	}
	back, _, err := c.Amend(ctx, id, core.Amendment{})
	if err != nil || back.ID != id {
		t.Errorf("the unlogged interaction is not back: %v", err)
	}
}

func TestUndoWithNothingLeft(t *testing.T) {
	t.Parallel()
	c, _ := emptyCore(t)
	if _, err := c.Undo(t.Context()); !errors.Is(err, domain.ErrNothingToUndo) {
		t.Errorf("Undo on a new database = %v, want ErrNothingToUndo", err)
	}
}

func TestDoneForgetAndEditMemory(t *testing.T) {
	t.Parallel()
	c, now := emptyCore(t)
	ctx := t.Context()
	ana := add(t, c, domain.Person{Name: "Ana Lima"})
	add(t, c, domain.Person{Name: "Ben Okafor"})
	var ms []domain.Memory
	for _, text := range []string{"exam on Friday", "new flat"} {
		m, err := c.Remember(ctx, domain.Memory{PersonID: ana.ID, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	if _, err := c.NthOpenMemory(ctx, "ben", 1); err == nil || err.Error() != "Ben Okafor has no open memory" {
		t.Errorf("NthOpenMemory of someone with none = %v", err)
	}
	if _, err := c.NthOpenMemory(ctx, "ana", 3); err == nil || err.Error() != "Ana Lima has 2 open memories; there is no number 3" {
		t.Errorf("NthOpenMemory past the end = %v", err)
	}
	second, err := c.NthOpenMemory(ctx, "ana", 2)
	if err != nil || second.ID != ms[1].ID {
		t.Fatalf("NthOpenMemory(2) = %v, %v", second.Text, err)
	}
	done, err := c.Done(ctx, second.ID)
	if err != nil || done.Already || done.Before.Done() || !done.After.Done() {
		t.Fatalf("Done = %+v, %v", done, err)
	}
	if again, err := c.Done(ctx, second.ID); err != nil || !again.Already {
		t.Errorf("Done twice = %+v, %v; want Already", again, err)
	}
	day := core.MemoryDay(now.AddDate(0, 0, 3), now)
	before, after, err := c.EditMemory(ctx, ms[0].ID, core.MemoryEdit{Text: " ", SetDue: true, Due: day})
	if err != nil || before.Text != after.Text || !after.Due.Equal(day) {
		t.Errorf("EditMemory = %+v → %+v, %v", before, after, err)
	}
	forgot, err := c.Forget(ctx, ms[0].ID)
	if err != nil || forgot.ID != ms[0].ID {
		t.Errorf("Forget = %v, %v", forgot.ID, err)
	}
	if open, err := c.OpenMemories(ctx, ana.ID); err != nil || len(open) != 0 {
		t.Errorf("open after done and forget: %v, %v", open, err)
	}
}

func TestCountArchived(t *testing.T) {
	t.Parallel()
	c, now := emptyCore(t)
	ctx := t.Context()
	if n, err := c.CountArchived(ctx); err != nil || n != 0 {
		t.Fatalf("CountArchived of an empty tend = %d, %v", n, err)
	}
	ana := add(t, c, domain.Person{Name: "Ana Lima"})
	add(t, c, domain.Person{Name: "Ben Okafor"})
	if _, _, err := c.Archive(ctx, ana.ID, now); err != nil {
		t.Fatal(err)
	}
	if n, err := c.CountArchived(ctx); err != nil || n != 1 {
		t.Errorf("CountArchived with one of two archived = %d, %v; want 1", n, err)
	}
}
