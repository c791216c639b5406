package store_test

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

func mustRemember(t *testing.T, s *store.Store, m domain.Memory) domain.Memory {
	t.Helper()
	got, err := s.AddMemory(t.Context(), m)
	if err != nil {
		t.Fatalf("AddMemory(%q) = %v, want no error", m.Text, err)
	}
	return got
}

func mustMemories(t *testing.T, s *store.Store, personID string) []domain.Memory {
	t.Helper()
	ms, err := s.Memories(t.Context(), personID)
	if err != nil {
		t.Fatalf("Memories = %v, want no error", err)
	}
	return ms
}

func texts(ms []domain.Memory) []string {
	out := []string{}
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestAddMemory(t *testing.T) {
	s := openTest(t)
	ana := mustAdd(t, s, "Ana")
	m := mustRemember(t, s, domain.Memory{PersonID: ana.ID, Text: "  exam on Friday  ", Due: day(2026, 11, 27)})
	if m.ID == "" || m.Text != "exam on Friday" || !m.CreatedAt.Equal(fixedNow.Truncate(time.Second)) || m.Done() {
		t.Errorf("AddMemory returned %+v, want an id, the trimmed text, created at the clock, open", m)
	}
	got := mustMemories(t, s, ana.ID)
	if len(got) != 1 {
		t.Fatalf("Memories = %d, want 1", len(got))
	}
	if d := diff(got[0], m); d != "" {
		t.Errorf("stored memory differs from what AddMemory returned: %s", d)
	}

	// A due time in another zone keeps its own calendar day.
	late := time.Date(2026, 12, 1, 23, 30, 0, 0, time.FixedZone("BRT", -3*3600))
	m2 := mustRemember(t, s, domain.Memory{PersonID: ana.ID, Text: "call back", Due: late})
	for _, g := range mustMemories(t, s, ana.ID) {
		if g.ID == m2.ID && g.Due.Format(time.DateOnly) != "2026-12-01" {
			t.Errorf("due %s stored as %s, want the day 2026-12-01", late, g.Due.Format(time.DateOnly))
		}
	}
}

func TestAddMemoryRefuses(t *testing.T) {
	cases := []struct {
		name   string
		text   string
		person string // "" for Ana
		want   error
	}{
		{"empty text", "", "", domain.ErrInvalid},
		{"spaces", " \t\n ", "", domain.ErrInvalid},
		{"NUL", "a\x00b", "", domain.ErrInvalid},
		{"invalid UTF-8", "\xff", "", domain.ErrInvalid},
		{"unknown person", "exam", "01NOSUCHPERSON0000000000000", domain.ErrNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t)
			ana := mustAdd(t, s, "Ana")
			pid := ana.ID
			if tc.person != "" {
				pid = tc.person
			}
			_, err := s.AddMemory(t.Context(), domain.Memory{PersonID: pid, Text: tc.text})
			wantErr(t, "AddMemory", err, tc.want)
			if got := mustMemories(t, s, pid); len(got) != 0 {
				t.Errorf("a refused memory was written: %v", texts(got))
			}
		})
	}
}

func TestMemoriesOrder(t *testing.T) {
	s, clk := openTestClock(t)
	ana, bruno := mustAdd(t, s, "Ana"), mustAdd(t, s, "Bruno")
	add := func(text string, due time.Time) domain.Memory {
		clk.Advance(time.Minute)
		return mustRemember(t, s, domain.Memory{PersonID: ana.ID, Text: text, Due: due})
	}
	add("no date, older", time.Time{})
	add("due later", day(2026, 12, 20))
	done := add("done, due soonest", day(2026, 11, 1))
	add("due soon", day(2026, 11, 25))
	add("no date, newer", time.Time{})
	mustRemember(t, s, domain.Memory{PersonID: bruno.ID, Text: "Bruno's"})
	if _, err := s.MarkMemoryDone(t.Context(), done.ID); err != nil {
		t.Fatal(err)
	}

	want := []string{"due soon", "due later", "no date, older", "no date, newer", "done, due soonest"}
	if got := texts(mustMemories(t, s, ana.ID)); !slices.Equal(got, want) {
		t.Errorf("Memories(Ana) = %v, want %v (open first, by due date, then by creation)", join(got), join(want))
	}
	if got := mustMemories(t, s, "NOPE"); got == nil || len(got) != 0 {
		t.Errorf("Memories(unknown) = %#v, want []", got)
	}
}

func TestMarkMemoryDone(t *testing.T) {
	s, clk := openTestClock(t)
	ctx := t.Context()
	ana := mustAdd(t, s, "Ana")
	a := mustRemember(t, s, domain.Memory{PersonID: ana.ID, Text: "a"})
	clk.Advance(time.Hour) // a later id, sharing only its first characters with a's
	b := mustRemember(t, s, domain.Memory{PersonID: ana.ID, Text: "b"})
	common := commonPrefix(a.ID, b.ID)
	if common == "" || len(common) >= len(a.ID) {
		t.Fatalf("ids %s and %s share %q; the test needs a short common prefix", a.ID, b.ID, common)
	}
	uniqueA := a.ID[:len(common)+1]

	t.Run("ambiguous prefix", func(t *testing.T) {
		_, err := s.MarkMemoryDone(ctx, common)
		wantErr(t, "MarkMemoryDone("+common+")", err, domain.ErrInvalid)
		if err != nil && !strings.Contains(err.Error(), "ambiguous") {
			t.Errorf("error %q, want it to say the id is ambiguous", err)
		}
		for _, m := range mustMemories(t, s, ana.ID) {
			if m.Done() {
				t.Errorf("an ambiguous id marked %q done", m.Text)
			}
		}
	})
	t.Run("unknown", func(t *testing.T) {
		_, err := s.MarkMemoryDone(ctx, "ZZZZ")
		wantErr(t, "MarkMemoryDone(ZZZZ)", err, domain.ErrNotFound)
	})
	t.Run("empty", func(t *testing.T) {
		_, err := s.MarkMemoryDone(ctx, "  ")
		wantErr(t, "MarkMemoryDone(blank)", err, domain.ErrInvalid)
	})
	t.Run("unique prefix in lower case", func(t *testing.T) {
		got, err := s.MarkMemoryDone(ctx, " "+strings.ToLower(uniqueA)+" ")
		if err != nil || got.ID != a.ID {
			t.Fatalf("MarkMemoryDone(%q) = %s, %v; want %s", strings.ToLower(uniqueA), got.ID, err, a.ID)
		}
		if want := clk.Now().Truncate(time.Second); !got.DoneAt.Equal(want) {
			t.Errorf("DoneAt = %s, want the clock's %s", got.DoneAt, want)
		}
	})
	t.Run("full id", func(t *testing.T) {
		got, err := s.MarkMemoryDone(ctx, b.ID)
		if err != nil || got.ID != b.ID || !got.Done() {
			t.Fatalf("MarkMemoryDone(full id) = %+v, %v; want b done", got, err)
		}
	})
	t.Run("twice keeps the first time", func(t *testing.T) {
		first := clk.Now().Truncate(time.Second)
		clk.Advance(24 * time.Hour)
		got, err := s.MarkMemoryDone(ctx, a.ID)
		if err != nil {
			t.Fatalf("marking a done memory again = %v, want no error", err)
		}
		if !got.DoneAt.Equal(first) {
			t.Errorf("DoneAt after marking twice = %s, want the first %s", got.DoneAt, first)
		}
		for _, m := range mustMemories(t, s, ana.ID) {
			if m.ID == a.ID && !m.DoneAt.Equal(first) {
				t.Errorf("stored DoneAt = %s, want the first %s", m.DoneAt, first)
			}
		}
	})
}

// An imported memory may carry an id in lower case, such as a UUIDv7; it
// must be found by that id as typed.
func TestMarkMemoryDoneLowerCaseID(t *testing.T) {
	s := openTest(t)
	ana := mustAdd(t, s, "Ana")
	const id = "0192f3a4-7b2c-7def-8a00-00000000abcd"
	mustRemember(t, s, domain.Memory{ID: id, PersonID: ana.ID, Text: "imported"})
	for _, q := range []string{id, strings.ToUpper(id), "0192f3a4-7b2c"} {
		got, err := s.MarkMemoryDone(t.Context(), q)
		if err != nil || got.ID != id {
			t.Errorf("MarkMemoryDone(%q) = %q, %v; want %q", q, got.ID, err, id)
		}
	}
}

func commonPrefix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[:i]
}

// TestMemoryErrorsAreTyped checks that what the faces turn into advice
// comes typed, and names no command: a memory changed to say nothing, and
// ids that name no memory or interaction.
func TestMemoryErrorsAreTyped(t *testing.T) {
	s := openTest(t)
	ana := mustAdd(t, s, "Ana")
	m := mustRemember(t, s, domain.Memory{PersonID: ana.ID, Text: "exam"})
	_, err := s.UpdateMemory(t.Context(), m.ID, func(m *domain.Memory) error { m.Text = "  "; return nil })
	if !errors.Is(err, domain.ErrEmptyMemory) || !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("emptying a memory = %v, want ErrEmptyMemory", err)
	}
	_, err = s.MarkMemoryDone(t.Context(), "ZZZZ")
	var unknown *domain.UnknownIDError
	if !errors.As(err, &unknown) || unknown.Kind != "memory" || unknown.ID != "ZZZZ" || !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("MarkMemoryDone(ZZZZ) = %#v, want an UnknownIDError for a memory", err)
	}
	if err != nil && strings.Contains(err.Error(), "tend ") {
		t.Errorf("%v names a command", err)
	}
}

// TestMemoriesOfOneSecondKeepTheirOrder: memories noted in the same second
// (a script, or --now) come back in the order they were written, however
// their ids' random parts fall, so show's numbers and done NAME N agree
// from one run to the next.
func TestMemoriesOfOneSecondKeepTheirOrder(t *testing.T) {
	for seed := range uint64(20) {
		s := openWith(t, filepath.Join(t.TempDir(), "t.db"), store.Options{
			Now:     func() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC) },
			Entropy: seeded(seed),
		})
		ana := mustAdd(t, s, "Ana Lima")
		texts := []string{"first", "second", "third"}
		for _, text := range texts {
			if _, err := s.AddMemory(t.Context(), domain.Memory{PersonID: ana.ID, Text: text}); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Memories(t.Context(), ana.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i, m := range got {
			if m.Text != texts[i] {
				t.Fatalf("seed %d: memory %d is %q, want %q (the order written)", seed, i+1, m.Text, texts[i])
			}
		}
	}
}
