package store_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"
	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

func TestAddInteractionWithTwoPeople(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	bruno := mustAdd(t, s, "Bruno")
	ana := mustAdd(t, s, "Ana")
	sp := time.FixedZone("BRT", -3*3600)
	at := time.Date(2026, 11, 20, 19, 30, 15, 999, sp)

	got, err := s.AddInteraction(ctx, domain.Interaction{
		People: []string{bruno.ID, ana.ID, bruno.ID}, // a repeat is one person
		Via:    cadence.InPerson, At: at, Minutes: 120, Note: "dinner",
	})
	if err != nil {
		t.Fatalf("AddInteraction = %v, want no error", err)
	}
	if _, err := ulid.ParseStrict(got.ID); err != nil {
		t.Errorf("ID = %q, want a ULID", got.ID)
	}
	if !slices.Equal(got.People, []string{bruno.ID, ana.ID}) || !slices.Equal(got.Names, []string{"Bruno", "Ana"}) {
		t.Errorf("People, Names = %v, %v; want [Bruno Ana] in the order given, once each", got.People, got.Names)
	}
	if want := at.UTC().Truncate(time.Second); !got.At.Equal(want) || got.At.Location() != time.UTC {
		t.Errorf("At = %s, want %s (UTC, whole seconds)", got.At, want)
	}
	if want := fixedNow.Truncate(time.Second); !got.CreatedAt.Equal(want) {
		t.Errorf("CreatedAt = %s, want the clock's %s", got.CreatedAt, want)
	}
	if got.Direction != cadence.Out {
		t.Errorf("Direction = %q, want the default %q", got.Direction, cadence.Out)
	}

	all := mustInteractions(t, s, store.InteractionFilter{})
	if len(all) != 1 {
		t.Fatalf("Interactions() = %d interactions, want 1 (one dinner, not one per person)", len(all))
	}
	if all[0].ID != got.ID || all[0].Note != "dinner" || all[0].Minutes != 120 || all[0].Via != cadence.InPerson || !all[0].At.Equal(got.At) || !all[0].CreatedAt.Equal(got.CreatedAt) {
		t.Errorf("stored %+v, want %+v", all[0], got)
	}
	// Read back, participants come ordered by name.
	if !slices.Equal(all[0].Names, []string{"Ana", "Bruno"}) || !slices.Equal(all[0].People, []string{ana.ID, bruno.ID}) {
		t.Errorf("stored participants %v %v, want Ana and Bruno", all[0].Names, all[0].People)
	}
	for _, p := range []domain.Person{ana, bruno} {
		seen := mustInteractions(t, s, store.InteractionFilter{Person: p.ID})
		if len(seen) != 1 || seen[0].ID != got.ID {
			t.Errorf("%s sees interactions %v, want only %s", p.Name, ids(seen), got.ID)
		}
	}
}

func TestAddInteractionAcceptsAliases(t *testing.T) {
	cases := []struct {
		via       cadence.Channel
		dir       cadence.Direction
		wantVia   cadence.Channel
		wantDir   cadence.Direction
		wantsReal bool
	}{
		{"phone", "", cadence.Call, cadence.Out, true},
		{"Call", "IN", cadence.Call, cadence.In, true},
		{" zoom ", "out", cadence.Video, cadence.Out, true},
		{"sms", " in ", cadence.Text, cadence.In, false},
		{"card", "", cadence.Letter, cadence.Out, false},
	}
	for _, tc := range cases {
		t.Run(string(tc.via)+"/"+string(tc.dir), func(t *testing.T) {
			s := openTest(t)
			ana := mustAdd(t, s, "Ana")
			got, err := s.AddInteraction(t.Context(), domain.Interaction{People: []string{ana.ID}, Via: tc.via, Direction: tc.dir, At: fixedNow})
			if err != nil {
				t.Fatalf("AddInteraction(via %q, direction %q) = %v, want no error", tc.via, tc.dir, err)
			}
			if got.Via != tc.wantVia || got.Direction != tc.wantDir {
				t.Errorf("returned via %q, direction %q; want %q, %q", got.Via, got.Direction, tc.wantVia, tc.wantDir)
			}
			stored := mustInteractions(t, s, store.InteractionFilter{})[0]
			if stored.Via != tc.wantVia || stored.Direction != tc.wantDir {
				t.Errorf("stored via %q, direction %q; want %q, %q", stored.Via, stored.Direction, tc.wantVia, tc.wantDir)
			}
			sum, err := s.Summary(t.Context(), ana.ID)
			if err != nil {
				t.Fatal(err)
			}
			if real := !sum.LastReal.IsZero(); real != tc.wantsReal {
				t.Errorf("counts as a real conversation = %v, want %v", real, tc.wantsReal)
			}
		})
	}
}

func TestAddInteractionRefusesInvalid(t *testing.T) {
	good := func(id string) domain.Interaction {
		return domain.Interaction{People: []string{id}, Via: cadence.Call, At: fixedNow}
	}
	cases := []struct {
		name   string
		change func(*domain.Interaction)
	}{
		{"no people", func(in *domain.Interaction) { in.People = nil }},
		{"no channel", func(in *domain.Interaction) { in.Via = "" }},
		{"unknown channel", func(in *domain.Interaction) { in.Via = "pigeon" }},
		{"unknown direction", func(in *domain.Interaction) { in.Direction = "sideways" }},
		{"no time", func(in *domain.Interaction) { in.At = time.Time{} }},
		{"negative minutes", func(in *domain.Interaction) { in.Minutes = -1 }},
		{"more minutes than a week", func(in *domain.Interaction) { in.Minutes = 7*24*60 + 1 }},
		{"NUL in the note", func(in *domain.Interaction) { in.Note = "a\x00" }},
		{"invalid UTF-8 note", func(in *domain.Interaction) { in.Note = "\xc3(" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t)
			in := good(mustAdd(t, s, "Ana").ID)
			tc.change(&in)
			_, err := s.AddInteraction(t.Context(), in)
			wantErr(t, "AddInteraction", err, domain.ErrInvalid)
			if got := mustInteractions(t, s, store.InteractionFilter{}); len(got) != 0 {
				t.Errorf("a refused interaction was written: %v", ids(got))
			}
		})
	}
}

func TestAddInteractionUnknownPersonWritesNothing(t *testing.T) {
	s := openTest(t)
	ana := mustAdd(t, s, "Ana")
	_, err := s.AddInteraction(t.Context(), domain.Interaction{People: []string{ana.ID, "01NOSUCHPERSON0000000000000"}, Via: cadence.Call, At: fixedNow})
	wantErr(t, "AddInteraction with an unknown person", err, domain.ErrNotFound)
	if got := mustInteractions(t, s, store.InteractionFilter{}); len(got) != 0 {
		t.Errorf("interactions after a refused log = %v, want none (not even with Ana)", ids(got))
	}
	sum, err := s.Summary(t.Context(), ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Last.IsZero() {
		t.Errorf("Ana's last contact = %+v after a refused log, want none", sum.Last)
	}
}

func TestInteractionsOrderAndFilters(t *testing.T) {
	s, clk := openTestClock(t)
	ana, bruno := mustAdd(t, s, "Ana"), mustAdd(t, s, "Bruno")
	day := func(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }
	log := func(via cadence.Channel, at time.Time, ps ...domain.Person) string {
		clk.Advance(time.Second) // later logs get later ids
		return mustLog(t, s, via, at, ps...).ID
	}
	// Logged out of order on purpose.
	i10 := log(cadence.Call, day(10), ana)
	i20 := log(cadence.Text, day(20), ana, bruno)
	i05 := log(cadence.Video, day(5), bruno)
	i15 := log(cadence.Email, day(15), ana)
	i15b := log(cadence.Call, day(15), bruno) // same time as i15, logged later

	cases := []struct {
		name   string
		filter store.InteractionFilter
		want   []string
	}{
		{"all, newest first, later log first on a tie", store.InteractionFilter{}, []string{i20, i15b, i15, i10, i05}},
		{"Ana's", store.InteractionFilter{Person: ana.ID}, []string{i20, i15, i10}},
		{"Bruno's", store.InteractionFilter{Person: bruno.ID}, []string{i20, i15b, i05}},
		{"since, inclusive", store.InteractionFilter{Since: day(15)}, []string{i20, i15b, i15}},
		{"since, in another zone", store.InteractionFilter{Since: day(15).In(time.FixedZone("X", 5*3600))}, []string{i20, i15b, i15}},
		{"limit", store.InteractionFilter{Limit: 2}, []string{i20, i15b}},
		{"limit above the count", store.InteractionFilter{Limit: 50}, []string{i20, i15b, i15, i10, i05}},
		{"person, since and limit", store.InteractionFilter{Person: ana.ID, Since: day(10), Limit: 2}, []string{i20, i15}},
		{"since after everything", store.InteractionFilter{Since: day(21)}, []string{}},
		{"unknown person", store.InteractionFilter{Person: "NOPE"}, []string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := mustInteractions(t, s, tc.filter)
			if got == nil || !slices.Equal(ids(got), tc.want) {
				t.Errorf("Interactions(%+v) = %v, want %v", tc.filter, join(ids(got)), join(tc.want))
			}
		})
	}
}

// TestManyInteractions lists more interactions than one query for their
// participants holds, so that the participants are loaded in several parts.
func TestManyInteractions(t *testing.T) {
	s := openTest(t)
	ana, bruno := mustAdd(t, s, "Ana"), mustAdd(t, s, "Bruno")
	const n = 1201 // more than two parts of 500
	for i := range n {
		people := []domain.Person{ana}
		if i%3 == 0 {
			people = append(people, bruno)
		}
		mustLog(t, s, cadence.Text, fixedNow.Add(-time.Duration(i)*time.Minute), people...)
	}
	got := mustInteractions(t, s, store.InteractionFilter{})
	if len(got) != n {
		t.Fatalf("Interactions() = %d, want %d", len(got), n)
	}
	for i, in := range got {
		want := []string{"Ana"}
		if i%3 == 0 {
			want = []string{"Ana", "Bruno"}
		}
		if !slices.Equal(in.Names, want) || len(in.People) != len(want) {
			t.Fatalf("interaction %d of %d (%s) has people %v %v, want %v", i, n, in.At, in.People, in.Names, want)
		}
		if i > 0 && !in.At.Before(got[i-1].At) {
			t.Fatalf("interaction %d at %s is not older than the one before it (%s)", i, in.At, got[i-1].At)
		}
	}
	if got := mustInteractions(t, s, store.InteractionFilter{Person: bruno.ID}); len(got) != (n+2)/3 {
		t.Errorf("Bruno's interactions = %d, want %d", len(got), (n+2)/3)
	}
}

func TestInteractionNoteRoundTrips(t *testing.T) {
	s := openTest(t)
	ana := mustAdd(t, s, "Ana")
	for i, note := range []string{"", "she got the job 🎉", "line 1\nline 2", `'); DROP TABLE interactions;--`, "עברית"} {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			in, err := s.AddInteraction(t.Context(), domain.Interaction{People: []string{ana.ID}, Via: cadence.Call, At: fixedNow.Add(time.Duration(i) * time.Hour), Note: note})
			if err != nil {
				t.Fatal(err)
			}
			got := mustInteractions(t, s, store.InteractionFilter{Limit: 1})
			if len(got) != 1 || got[0].ID != in.ID || got[0].Note != note {
				t.Errorf("newest interaction = %+v, want %s with note %q", got, in.ID, note)
			}
		})
	}
}

// TestMissedCall checks that a call that did not connect is stored, read
// back, and never counted as a real conversation; and that only a call can
// be missed.
func TestMissedCall(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	p, err := s.AddPerson(ctx, domain.Person{Name: "Ana Lima"})
	if err != nil {
		t.Fatal(err)
	}
	at := ts("2026-11-20T12:00:00Z")
	if _, err := s.AddInteraction(ctx, domain.Interaction{People: []string{p.ID}, Via: cadence.Call, Direction: cadence.In, At: at, Missed: true}); err != nil {
		t.Fatal(err)
	}
	list, err := s.Interactions(ctx, store.InteractionFilter{Person: p.ID})
	if err != nil || len(list) != 1 || !list[0].Missed {
		t.Fatalf("Interactions = %+v, %v; want one missed call", list, err)
	}
	sum, err := s.Summary(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.LastReal.IsZero() || !sum.Last.Missed || len(sum.RecentReal) != 0 {
		t.Errorf("summary: LastReal %v, Last %v, RecentReal %v; want no real conversation and a missed last call", sum.LastReal, sum.Last, sum.RecentReal)
	}
	_, err = s.AddInteraction(ctx, domain.Interaction{People: []string{p.ID}, Via: cadence.Text, At: at, Missed: true})
	if !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("a missed text: %v; want ErrInvalid", err)
	}
	// The command line refused --minutes with --missed; the full-screen
	// form and an imported file did not: the model refuses it for all.
	_, err = s.AddInteraction(ctx, domain.Interaction{People: []string{p.ID}, Via: cadence.Call, At: at, Missed: true, Minutes: 5})
	if !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("a missed call of 5 minutes: %v; want ErrInvalid", err)
	}
}
