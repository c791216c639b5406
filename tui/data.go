package tui

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/words"
)

// Every read and write of the store happens here, in a tea.Cmd that returns
// a typed message: Update itself never touches the database.

// snapshot is everything the lists show, read in one go.
type snapshot struct {
	active   []domain.Summary
	archived []domain.Summary
}

// loadedMsg carries a fresh snapshot. seq tells an answer to an old request
// from the answer to the latest one.
type loadedMsg struct {
	seq  int
	snap snapshot
	err  error
}

func loadCmd(ctx context.Context, c *core.Core, seq int) tea.Cmd {
	return func() tea.Msg {
		l, err := c.Lists(ctx)
		if err != nil {
			return loadedMsg{seq: seq, err: err}
		}
		return loadedMsg{seq: seq, snap: snapshot{active: l.Active, archived: l.Archived}}
	}
}

// notesMsg carries what you last talked about with each of today's people.
// seq is the load it follows.
type notesMsg struct {
	seq   int
	notes map[string]domain.LastNote
	err   error
}

func loadNotesCmd(ctx context.Context, c *core.Core, seq int, today []cadence.Status) tea.Cmd {
	ids := make([]string, len(today))
	for i, st := range today {
		ids[i] = st.Person.ID
	}
	return func() tea.Msg {
		notes, err := c.LastNotes(ctx, ids)
		return notesMsg{seq: seq, notes: notes, err: err}
	}
}

// personLoadedMsg carries one person's memories and timeline, and what
// you last talked about, as tend show gives it.
type personLoadedMsg struct {
	id       string
	memories []domain.Memory
	timeline []domain.Interaction
	lastNote string // "" when there is none
	err      error
}

func loadPersonCmd(ctx context.Context, c *core.Core, id string) tea.Cmd {
	return func() tea.Msg {
		rec, err := c.PersonRecords(ctx, id)
		if err != nil {
			return personLoadedMsg{id: id, err: err}
		}
		notes, err := c.LastNotes(ctx, []string{id})
		if err != nil {
			return personLoadedMsg{id: id, err: err}
		}
		return personLoadedMsg{id: id, memories: rec.Memories, timeline: rec.Timeline, lastNote: notes[id].Note}
	}
}

// historyLoadedMsg carries the newest interactions, at most limit of them.
type historyLoadedMsg struct {
	limit int
	items []domain.Interaction
	err   error
}

func loadHistoryCmd(ctx context.Context, c *core.Core, limit int) tea.Cmd {
	return func() tea.Msg {
		items, err := c.History(ctx, "", domain.InteractionFilter{Limit: limit})
		return historyLoadedMsg{limit: limit, items: items, err: err}
	}
}

// todayMsg carries Today, read by the core as tend today reads it: whom
// to suggest, ranked, and what the day holds beneath them (the memories
// that have come due, each saying whether you have been in touch since,
// and the dates of the week). Both come in one answer, so that Today is
// never drawn with one and not the other. seq tells an answer to an old
// request from the latest.
type todayMsg struct {
	seq   int
	today core.Today
	day   core.Day
	err   error
}

// everyMemory asks the core whether each memory due was answered: Today
// lists them all, where tend today shows the first few.
const everyMemory = math.MaxInt

func todayCmd(ctx context.Context, c *core.Core, seq int, now time.Time, limit int) tea.Cmd {
	return func() tea.Msg {
		today, err := c.Today(ctx, now, limit)
		if err != nil {
			return todayMsg{seq: seq, err: err}
		}
		day, err := c.TheDay(ctx, now, everyMemory)
		return todayMsg{seq: seq, today: today, day: day, err: err}
	}
}

// planMsg carries the plan for the Plan view, made by the core as tend
// plan makes it. Working out a plan for thousands of people takes a while,
// so it is done in a command, off the Update loop. seq tells an answer to
// an old request from the answer to the latest one.
type planMsg struct {
	seq  int
	plan cadence.Schedule
	err  error
}

func planCmd(ctx context.Context, c *core.Core, seq int, now time.Time, days, perDay int) tea.Cmd {
	return func() tea.Msg {
		plan, err := c.Plan(ctx, now, days, perDay)
		return planMsg{seq: seq, plan: plan.Schedule, err: err}
	}
}

// statsLoadedMsg carries the figures of the Stats view, worked out by the
// core as tend stats works them out. seq tells an answer to an old request
// from the latest.
type statsLoadedMsg struct {
	seq   int
	stats cadence.Stats
	err   error
}

func loadStatsCmd(ctx context.Context, c *core.Core, seq int, now time.Time) tea.Cmd {
	return func() tea.Msg {
		st, err := c.Stats(ctx, now)
		return statsLoadedMsg{seq: seq, stats: st, err: err}
	}
}

// watchStartedMsg hands over the watcher that notices other writers.
type watchStartedMsg struct {
	w   *core.Watcher
	err error
}

func watchCmd(ctx context.Context, c *core.Core) tea.Cmd {
	return func() tea.Msg {
		w, err := c.Watch(ctx)
		return watchStartedMsg{w: w, err: err}
	}
}

// pollMsg says it is time to ask whether the database changed, and what
// the time is: now is the moment the TUI works at from then on.
type pollMsg struct{ now time.Time }

// changedMsg answers a poll.
type changedMsg struct {
	changed bool
	err     error
}

func checkCmd(ctx context.Context, w *core.Watcher) tea.Cmd {
	return func() tea.Msg {
		changed, err := w.Changed(ctx)
		return changedMsg{changed: changed, err: err}
	}
}

// savedMsg reports the end of a write. On success status says what was done
// and selectID, when set, is the person to put the cursor on; on failure err
// is shown and the form stays open for another try.
type savedMsg struct {
	status   string
	selectID string
	err      error
	kind     string // what was changed ("log", "edit", ...), for the hooks
}

// changed names a write for the hooks: the saved message of cmd, with its
// kind.
func changed(kind string, cmd tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		msg := cmd()
		if m, ok := msg.(savedMsg); ok && m.err == nil {
			m.kind = kind
			return m
		}
		return msg
	}
}

// hookMsg is what the hooks said of a change: a problem, or nothing.
type hookMsg struct{ problem string }

// runHooksCmd tells the hooks of a change made here, in the background of
// the screen: a hook that fails is said in the status line.
func runHooksCmd(after func(kind, id string) string, kind, id string) tea.Cmd {
	if after == nil || kind == "" {
		return nil
	}
	return func() tea.Msg { return hookMsg{problem: after(kind, id)} }
}

func addPersonCmd(ctx context.Context, c *core.Core, rules cadence.Rules, p domain.Person) tea.Cmd {
	return changed("add", func() tea.Msg {
		p, err := c.AddPerson(ctx, p)
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: "Added " + termtext.Line(p.Name) + " (" + string(p.Tier) + ", " + words.Every(rhythmOf(rules, p)) + ").", selectID: p.ID}
	})
}

// rhythmOf is the number of days the rules give p: their own rhythm, their
// tags', or their tier's.
func rhythmOf(rules cadence.Rules, p domain.Person) int {
	days, _ := rules.Rhythm(cadence.Person{Tier: p.Tier, Every: p.Every, Tags: p.Tags})
	return days
}

// personCmd runs a change to one person, write, and says words for its
// result in the status line.
func personCmd(kind string, write func() (domain.Person, error), say func(domain.Person) string) tea.Cmd {
	return changed(kind, func() tea.Msg {
		p, err := write()
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: say(p), selectID: p.ID}
	})
}

// logCmd logs in, with the people named in with (NAME[,NAME...], as tend
// log takes them) beside the one the form was opened on. The names are
// looked up here, with the write, not in Update. Someone archived among
// them is logged with too, and the status line says so, as tend log does;
// restoreKey is the key that brings them back.
func logCmd(ctx context.Context, c *core.Core, in core.LogInput, with string, now time.Time, restoreKey string) tea.Cmd {
	selected := in.People[0]
	if strings.TrimSpace(with) != "" {
		in.Names = []string{with}
	}
	return changed("log", func() tea.Msg {
		logged, err := c.Log(ctx, in)
		if err != nil {
			return savedMsg{err: withNames(err)}
		}
		kept := logged.Interaction
		status := words.Logged(cadence.Contact{Via: kept.Via, Direction: kept.Direction, Missed: kept.Missed},
			"", nameList(kept.Names), words.When(kept.At, now))
		if note := archivedNote(logged.Named, restoreKey); note != "" {
			status += " " + note
		}
		return savedMsg{status: status, selectID: selected}
	})
}

// withNames says that a name the core could not place is one typed in the
// "with" field.
func withNames(err error) error {
	var (
		noOne     *domain.NoOneError
		ambiguous *domain.AmbiguousError
	)
	if errors.As(err, &noOne) || errors.As(err, &ambiguous) {
		return fmt.Errorf("with: %w", err)
	}
	return err
}

func rememberCmd(ctx context.Context, c *core.Core, m domain.Memory, name string) tea.Cmd {
	return changed("remember", func() tea.Msg {
		m, err := c.Remember(ctx, m)
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{status: words.Remembered(termtext.Line(name), termtext.Line(m.Text), m.Due), selectID: m.PersonID}
	})
}

func doneCmd(ctx context.Context, c *core.Core, id string) tea.Cmd {
	return func() tea.Msg {
		done, err := c.Done(ctx, id)
		if err != nil {
			return savedMsg{err: err}
		}
		if done.Already { // nothing written: no change for the hooks
			return savedMsg{status: "Already done: " + termtext.Line(done.After.Text), selectID: done.After.PersonID}
		}
		return savedMsg{status: "Done: " + termtext.Line(done.After.Text), selectID: done.After.PersonID, kind: "done"}
	}
}
