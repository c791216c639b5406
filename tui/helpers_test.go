package tui

import (
	"context"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current screens")

// testNow is the moment every test runs at: the command line's tour uses
// the same one.
var testNow = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

// harness drives a Model as Bubble Tea would, but synchronously: every
// command a message returns is run at once and its message fed back in, so
// writes really reach the store before the next key. Polling is not
// scheduled on a timer; tests send pollMsg themselves.
type harness struct {
	t      *testing.T
	path   string
	s      *store.Store
	clock  time.Time // the store's clock, for created_at while seeding
	m      *Model
	quit   bool
	width  int
	height int
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	h := &harness{t: t, path: filepath.Join(t.TempDir(), "tend.db"), clock: testNow}
	s, err := store.Open(h.path, store.Options{
		Now:     func() time.Time { return h.clock },
		Entropy: rand.New(rand.NewSource(1)),
	})
	if err != nil {
		t.Fatal(err)
	}
	h.s = s
	t.Cleanup(func() {
		if h.m != nil {
			h.m.close()
		}
		s.Close()
	})
	return h
}

// start opens the TUI at the given size and runs its first commands.
func (h *harness) start(width, height int) *harness {
	h.t.Helper()
	h.clock = testNow
	h.m = New(Options{Core: core.New(h.s, cadence.DefaultRules()), Now: func() time.Time { return testNow }, Plain: true})
	h.m.poll = func() tea.Cmd { return nil }
	h.width, h.height = width, height
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
	h.run(h.m.Init())
	return h
}

// send delivers messages to Update and runs what they return.
func (h *harness) send(msgs ...tea.Msg) {
	h.t.Helper()
	for _, msg := range msgs {
		_, cmd := h.m.Update(msg)
		h.run(cmd)
	}
}

func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
	case tea.QuitMsg:
		h.quit = true
	default:
		h.send(msg)
	}
}

// press sends keys by name: "enter", "esc", "tab", "shift+tab", "up",
// "down", "left", "right", "space", "backspace", "ctrl+c", or one
// character.
func (h *harness) press(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

// typeText types text one character at a time.
func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]tea.KeyPressMsg{
		"enter":     {Code: tea.KeyEnter},
		"esc":       {Code: tea.KeyEscape},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"space":     {Code: tea.KeySpace, Text: " "},
		"backspace": {Code: tea.KeyBackspace},
		"pgdown":    {Code: tea.KeyPgDown},
		"end":       {Code: tea.KeyEnd},
		"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
		"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
	}
	if m, ok := named[k]; ok {
		return m
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the view without colour, trailing spaces trimmed. It fails the
// test if the view is not exactly the window's height or a line is wider
// than the window: the TUI must never wrap.
func (h *harness) screen() string {
	h.t.Helper()
	content := h.m.View().Content
	lines := strings.Split(ansi.Strip(content), "\n")
	if len(lines) != h.height {
		h.t.Errorf("the view has %d lines, want the window's %d", len(lines), h.height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > h.width {
			h.t.Errorf("line %d is %d cells wide, more than the window's %d: %q", i+1, w, h.width, l)
		}
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

// golden compares the screen with testdata/name.golden (-update rewrites it).
func (h *harness) golden(name string) {
	h.t.Helper()
	got := h.screen()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			h.t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			h.t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		h.t.Fatalf("%v (run go test ./tui -update to create it)", err)
	}
	if got != string(want) {
		h.t.Errorf("screen %s differs from the golden file (go test ./tui -update rewrites it)\n--- got\n%s--- want\n%s", name, got, want)
	}
}

// contains fails the test unless the screen shows every one of texts.
func (h *harness) contains(texts ...string) {
	h.t.Helper()
	s := h.screen()
	for _, text := range texts {
		if !strings.Contains(s, text) {
			h.t.Errorf("the screen does not show %q:\n%s", text, s)
		}
	}
}

// cursorLine is the line the cursor (▸) is on, trimmed.
func (h *harness) cursorLine() string {
	h.t.Helper()
	for _, l := range strings.Split(h.screen(), "\n") {
		if strings.HasPrefix(l, "▸ ") {
			return strings.TrimSpace(strings.TrimPrefix(l, "▸ "))
		}
	}
	return ""
}

// seedTour fills the store with the people and history of the command
// line's tour (cmd/tend/testdata/tour.golden).
func (h *harness) seedTour() map[string]string {
	h.t.Helper()
	ctx := context.Background()
	ids := map[string]string{}
	add := func(at time.Time, p domain.Person) {
		h.clock = at
		got, err := h.s.AddPerson(ctx, p)
		if err != nil {
			h.t.Fatal(err)
		}
		ids[strings.Fields(p.Name)[0]] = got.ID
	}
	md := func(s string) cadence.MonthDay {
		d, err := cadence.ParseMonthDay(s)
		if err != nil {
			h.t.Fatal(err)
		}
		return d
	}
	sep := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	add(sep, domain.Person{Name: "Ana Lima", Tier: cadence.Close, Birthday: md("04-15")})
	add(sep, domain.Person{Name: "Ben Okafor", Tier: cadence.Inner, Birthday: md("1990-11-27"), Tags: []string{"family"}})
	add(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), domain.Person{Name: "Chloé Martin", Emails: []string{"chloe@example.org"}})
	add(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), domain.Person{Name: "Dev Patel", Tier: cadence.Outer})
	h.clock = testNow
	logs := []domain.Interaction{
		{People: []string{ids["Ana"]}, Via: cadence.Call, At: time.Date(2026, 10, 12, 18, 0, 0, 0, time.UTC), Minutes: 45},
		{People: []string{ids["Ben"], ids["Chloé"]}, Via: cadence.InPerson, At: time.Date(2026, 11, 10, 12, 0, 0, 0, time.UTC), Note: "dinner at Rosa's"},
		{People: []string{ids["Ben"]}, Via: cadence.Text, Direction: cadence.In, At: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)},
	}
	for _, in := range logs {
		if _, err := h.s.AddInteraction(ctx, in); err != nil {
			h.t.Fatal(err)
		}
	}
	if _, err := h.s.AddMemory(ctx, domain.Memory{PersonID: ids["Ana"], Text: "exam on Friday", Due: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}); err != nil {
		h.t.Fatal(err)
	}
	return ids
}

// interactions lists what is stored, newest first.
func (h *harness) interactions() []domain.Interaction {
	h.t.Helper()
	list, err := h.s.Interactions(context.Background(), store.InteractionFilter{})
	if err != nil {
		h.t.Fatal(err)
	}
	return list
}

func (h *harness) person(id string) domain.Person {
	h.t.Helper()
	p, err := h.s.Person(context.Background(), id)
	if err != nil {
		h.t.Fatal(err)
	}
	return p
}

// snapshot is everything stored, to show that something wrote nothing.
func (h *harness) snapshot() string {
	h.t.Helper()
	ctx := context.Background()
	var b strings.Builder
	for _, archived := range []bool{false, true} {
		people, err := h.s.People(ctx, store.PeopleFilter{Archived: archived})
		if err != nil {
			h.t.Fatal(err)
		}
		for _, p := range people {
			ms, err := h.s.Memories(ctx, p.ID)
			if err != nil {
				h.t.Fatal(err)
			}
			b.WriteString(p.Name + " " + string(p.Tier) + " " + p.UpdatedAt.String() + " " + p.SnoozedUntil.String() + " " + p.ArchivedAt.String() + "\n")
			for _, m := range ms {
				b.WriteString("  " + m.Text + " " + m.DoneAt.String() + "\n")
			}
		}
	}
	for _, in := range h.interactions() {
		b.WriteString(in.ID + " " + string(in.Via) + "\n")
	}
	return b.String()
}

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// interactionFor is the i-th of many texts to someone, an hour apart.
func interactionFor(id string, i int) domain.Interaction {
	return domain.Interaction{
		People: []string{id}, Via: cadence.Text,
		At: testNow.Add(-time.Duration(i+1) * time.Hour), Note: fmt.Sprintf("text %d", i),
	}
}
