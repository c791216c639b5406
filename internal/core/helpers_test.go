package core_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// emptyStore is a new, empty database on a clock stopped at the moment
// it returns.
func emptyStore(t *testing.T) (*store.Store, time.Time) {
	t.Helper()
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	s, err := store.Open(filepath.Join(t.TempDir(), "tend.db"), store.Options{Now: func() time.Time { return now }, Mode: store.Create})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, now
}

// emptyCore is a core over a new, empty database, at the moment it returns.
func emptyCore(t *testing.T) (*core.Core, time.Time) {
	t.Helper()
	s, now := emptyStore(t)
	return core.New(s, cadence.DefaultRules()), now
}

// circleCore is testCircle with a core over it, ranking by the default
// rules.
func circleCore(t *testing.T) (*store.Store, *core.Core, time.Time) {
	t.Helper()
	s, now := testCircle(t)
	return s, core.New(s, cadence.DefaultRules()), now
}

// testCircle is a store of 60 people in every tier, with tags, 900
// interactions over the last 400 days (texts, calls, missed calls, notes,
// both ways) and 7 people archived, at the moment it returns. The circle
// is written once for the package and each test gets a copy of its file:
// writing it row by row is most of a test's time under the race detector.
func testCircle(t *testing.T) (*store.Store, time.Time) {
	t.Helper()
	template, err := circleFile()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(template)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tend.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{Now: func() time.Time { return circleNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, circleNow
}

// circleNow is the moment the test circle leads up to.
var circleNow = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

// circleDir holds the one circle written for the package; TestMain
// removes it.
var circleDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if circleDir != "" {
		os.RemoveAll(circleDir)
	}
	os.Exit(code)
}

// circleFile writes the test circle once, and says where.
var circleFile = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "tend-core-test")
	if err != nil {
		return "", err
	}
	circleDir = dir
	path := filepath.Join(dir, "circle.db")
	s, err := store.Open(path, store.Options{Now: func() time.Time { return circleNow }, Mode: store.Create})
	if err != nil {
		return "", err
	}
	defer s.Close()
	if err := writeCircle(context.Background(), s, circleNow); err != nil {
		return "", err
	}
	return path, s.Close()
})

func writeCircle(ctx context.Context, s *store.Store, now time.Time) error {
	r := rand.New(rand.NewPCG(3, 5))
	tiers := cadence.Tiers()
	channels := []cadence.Channel{cadence.Call, cadence.Video, cadence.InPerson, cadence.Text, cadence.Email, cadence.Letter}
	var people []domain.Person
	for i := range 60 {
		p, err := s.AddPerson(ctx, domain.Person{Name: "Person " + string(rune('A'+i%26)) + string(rune('a'+i/26)), Tier: tiers[i%len(tiers)], Tags: []string{[]string{"family", "work", "club"}[i%3]}})
		if err != nil {
			return err
		}
		people = append(people, p)
	}
	for range 900 {
		p := people[r.IntN(len(people))]
		in := domain.Interaction{People: []string{p.ID}, Via: channels[r.IntN(len(channels))],
			At: now.Add(-time.Duration(r.Int64N(int64(400 * 24 * time.Hour))))}
		if r.IntN(2) == 0 {
			in.Direction = cadence.In
		}
		if in.Via == cadence.Call && r.IntN(4) == 0 {
			in.Missed = true
		}
		if r.IntN(3) == 0 {
			in.Note = "note " + in.At.Format(time.DateOnly)
		}
		if _, err := s.AddInteraction(ctx, in); err != nil {
			return err
		}
	}
	for _, p := range people[:7] {
		if _, err := s.UpdatePerson(ctx, p.ID, func(p *domain.Person) error { p.ArchivedAt = now; return nil }); err != nil {
			return err
		}
	}
	return nil
}
