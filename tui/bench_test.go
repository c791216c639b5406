package tui

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// The numbers: 2,000 people and 100,000 interactions; the first
// frame within 150 ms and a keystroke in the People filter within 16 ms.
const (
	benchPeople       = 2000
	benchInteractions = 100_000
)

var (
	bigOnce sync.Once
	bigDir  string
	bigPath string
	bigErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

// bigStore builds, once per test binary, a database of benchPeople people
// and benchInteractions interactions through the store's own AddPerson and
// AddInteraction, and opens it.
func bigStore(b *testing.B) *store.Store {
	b.Helper()
	bigOnce.Do(func() {
		bigDir, bigErr = os.MkdirTemp("", "tend-bench-")
		if bigErr != nil {
			return
		}
		bigPath = filepath.Join(bigDir, "tend.db")
		start := time.Now()
		bigErr = fillBig(bigPath)
		fmt.Fprintf(os.Stderr, "bench: built %d people and %d interactions in %v\n", benchPeople, benchInteractions, time.Since(start).Round(time.Second))
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	s, err := store.Open(bigPath, store.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func fillBig(path string) error {
	s, err := store.Open(path, store.Options{Now: func() time.Time { return testNow }, Entropy: rand.New(rand.NewSource(2))})
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	rng := rand.New(rand.NewSource(1))
	first := []string{"Ana", "Ben", "Chloé", "Dev", "Eva", "Farid", "Grace", "Hugo", "Ines", "Jon",
		"Kira", "Liam", "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara",
		"Umar", "Vera", "Wim", "Xena", "Yusuf", "Zoë", "Aiko", "Bram", "Cleo", "Dario",
		"Elif", "Finn", "Gaia", "Hana", "Ivo", "Jade", "Kofi", "Lena", "Milo", "Nina",
		"Omar", "Pia", "Rafa", "Sofia", "Theo", "Uma", "Vik", "Wren", "Yara", "Zeno"}
	last := []string{"Lima", "Okafor", "Martin", "Patel", "Novak", "Haddad", "Kim", "Moreau",
		"Silva", "Berg", "Tanaka", "Walsh", "Cohen", "Rossi", "Ivanova", "García", "Nguyen",
		"Schmidt", "Jensen", "Dubois", "Costa", "Murphy", "Yilmaz", "Kowalski", "Sato", "Müller",
		"Andersen", "Popescu", "Mensah", "Reyes", "Lindqvist", "Horvat", "Baker", "Fischer",
		"Romero", "Nakamura", "Oliveira", "Kaur", "Ahmed", "Larsen"}
	ids := make([]string, 0, benchPeople)
	for i := range benchPeople {
		tier := cadence.Outer
		switch {
		case i < 5:
			tier = cadence.Inner
		case i < 20:
			tier = cadence.Close
		case i < 300:
			tier = cadence.Regular
		}
		p := domain.Person{Name: first[i%len(first)] + " " + last[i/len(first)], Tier: tier}
		if i%7 == 0 {
			p.Birthday = cadence.MonthDay{Month: time.Month(1 + i%12), Day: 1 + i%28}
		}
		got, err := s.AddPerson(ctx, p)
		if err != nil {
			return err
		}
		ids = append(ids, got.ID)
	}
	channels := cadence.Channels()
	for i := range benchInteractions {
		in := domain.Interaction{
			People: []string{ids[rng.Intn(len(ids))]},
			Via:    channels[rng.Intn(len(channels))],
			At:     testNow.Add(-time.Duration(rng.Int63n(int64(3 * 365 * 24 * time.Hour)))),
		}
		if i%10 == 0 {
			in.People = append(in.People, ids[rng.Intn(len(ids))])
			in.Note = "dinner"
		}
		if rng.Intn(2) == 0 {
			in.Direction = cadence.In
		}
		if _, err := s.AddInteraction(ctx, in); err != nil {
			return err
		}
	}
	return nil
}

// drive runs a command and feeds what it returns back into the model, as
// Bubble Tea would, without a terminal.
func drive(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			drive(m, c)
		}
	default:
		_, next := m.Update(msg)
		drive(m, next)
	}
}

func benchModel(s *store.Store) *Model {
	m := New(Options{Core: core.New(s, cadence.DefaultRules()), Now: func() time.Time { return testNow }})
	m.poll = func() tea.Cmd { return nil }
	return m
}

// BenchmarkFirstFrame is the time from a model being made to its first
// frame on screen: New, the first load (every person's summary, ranked for
// Today and People), the window size, and View.
func BenchmarkFirstFrame(b *testing.B) {
	s := bigStore(b)
	for b.Loop() {
		m := benchModel(s)
		drive(m, m.Init())
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		if v := m.View(); len(v.Content) == 0 {
			b.Fatal("empty first frame")
		}
		m.close()
	}
}

// BenchmarkFirstFrameWithOpen adds opening the database file (and checking
// its schema) to BenchmarkFirstFrame: what `tend` does before the TUI.
func BenchmarkFirstFrameWithOpen(b *testing.B) {
	bigStore(b)
	for b.Loop() {
		s, err := store.Open(bigPath, store.Options{Now: func() time.Time { return testNow }})
		if err != nil {
			b.Fatal(err)
		}
		m := benchModel(s)
		drive(m, m.Init())
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_ = m.View()
		m.close()
		s.Close()
	}
}

// BenchmarkPeopleFilterKeystroke is one key typed in the People filter
// over 2,000 people: Update (which refilters) and View. Keys alternate
// between typing a letter and deleting it, so every op is one keystroke.
func BenchmarkPeopleFilterKeystroke(b *testing.B) {
	s := bigStore(b)
	m := benchModel(s)
	drive(m, m.Init())
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, k := range []tea.KeyPressMsg{keyMsg("2"), keyMsg("/"), keyMsg("a")} {
		m.Update(k)
	}
	if !m.people.filtering || len(m.people.rows) == 0 {
		b.Fatal("the filter is not open")
	}
	keys := []tea.KeyPressMsg{keyMsg("n"), keyMsg("backspace")}
	i := 0
	for b.Loop() {
		m.Update(keys[i%2])
		_ = m.View()
		i++
	}
	m.close()
}

// BenchmarkFirstFrameFromSnapshot is BenchmarkFirstFrame without the
// store: the TUI's own share of the first frame (assessing everyone,
// laying out the views, View), from a snapshot read once beforehand.
// Today's ranking is the core's, in a command not run here.
func BenchmarkFirstFrameFromSnapshot(b *testing.B) {
	s := bigStore(b)
	snap, ok := loadCmd(context.Background(), core.New(s, cadence.DefaultRules()), 1)().(loadedMsg)
	if !ok || snap.err != nil {
		b.Fatalf("load: %v", snap.err)
	}
	for b.Loop() {
		m := benchModel(s)
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m.seq = snap.seq
		m.Update(snap)
		if !m.w.loaded || len(m.View().Content) == 0 {
			b.Fatal("no frame")
		}
	}
}
