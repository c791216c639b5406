package tui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/tend-app/tend/cadence"
)

// The answers of the root's commands (data.go), each with what it changes:
// Update hands them here, so that it stays a router.

var (
	_ result = loadedMsg{}
	_ result = todayMsg{}
	_ result = notesMsg{}
	_ result = personLoadedMsg{}
	_ result = historyLoadedMsg{}
	_ result = planMsg{}
	_ result = statsLoadedMsg{}
	_ result = watchStartedMsg{}
	_ result = pollMsg{}
	_ result = changedMsg{}
	_ result = savedMsg{}
	_ result = hookMsg{}
)

// reloader is a view that holds what it asked the core for: after each
// new snapshot it asks again, if it has been shown; prefer is the person
// to put the cursor on.
type reloader interface {
	reload(prefer string) tea.Cmd
}

func (msg loadedMsg) apply(m *Model) tea.Cmd {
	if msg.seq != m.seq {
		return nil // a newer load is on its way
	}
	if msg.err != nil {
		m.setError(msg.err)
		return nil
	}
	m.w.set(msg.snap)
	prefer := m.pending
	m.refresh()
	var cmds []tea.Cmd
	for _, v := range m.views {
		if r, ok := v.(reloader); ok {
			cmds = append(cmds, r.reload(prefer))
		}
	}
	return tea.Batch(cmds...)
}

func (msg todayMsg) apply(m *Model) tea.Cmd {
	if msg.seq != m.todaySeq {
		return nil
	}
	if msg.err != nil {
		m.setError(msg.err)
		return nil
	}
	m.w.today, m.w.day = msg.today.Suggestions, msg.day
	m.today.refresh(&m.w, m.todayLater)
	m.todayLater = ""
	return loadNotesCmd(m.ctx, m.opts.Core, m.seq, m.w.today)
}

func (msg notesMsg) apply(m *Model) tea.Cmd {
	if msg.seq == m.seq && msg.err == nil {
		m.w.notes = msg.notes
	}
	return nil
}

func (msg personLoadedMsg) apply(m *Model) tea.Cmd {
	if msg.id != m.person.id {
		return nil
	}
	if msg.err != nil {
		m.setError(msg.err)
		return nil
	}
	m.person.set(msg, &m.w)
	return nil
}

func (msg historyLoadedMsg) apply(m *Model) tea.Cmd {
	if msg.err != nil {
		m.setError(msg.err)
		return nil
	}
	m.history.set(msg)
	return nil
}

func (msg planMsg) apply(m *Model) tea.Cmd {
	if msg.seq != m.planSeq {
		return nil
	}
	if msg.err != nil {
		m.setError(msg.err)
		return nil
	}
	m.plan.set(msg.plan, &m.w, m.planPrefer)
	m.planPrefer = ""
	return nil
}

func (msg statsLoadedMsg) apply(m *Model) tea.Cmd {
	if msg.seq != m.statsSeq {
		return nil
	}
	if msg.err != nil {
		m.setError(msg.err)
		return nil
	}
	m.stats.set(msg.stats, &m.w)
	return nil
}

func (msg watchStartedMsg) apply(m *Model) tea.Cmd {
	if msg.err != nil {
		// No live updates, but the data still loads and the clock still
		// ticks.
		m.setError(msg.err)
		return tea.Batch(m.reload(), m.poll())
	}
	m.watcher = msg.w
	return tea.Batch(m.reload(), m.poll())
}

func (msg pollMsg) apply(m *Model) tea.Cmd {
	newDay := cadence.DaysBetween(m.w.now, msg.now) != 0
	m.w.now = msg.now
	next := m.poll()
	if m.watcher != nil {
		next = checkCmd(m.ctx, m.watcher) // it asks for the next poll
	}
	if newDay {
		return tea.Batch(m.reload(), next)
	}
	return next
}

func (msg changedMsg) apply(m *Model) tea.Cmd {
	next := m.poll()
	if msg.err != nil {
		m.setError(msg.err)
		return next
	}
	if msg.changed {
		return tea.Batch(m.reload(), next)
	}
	return next
}

func (msg savedMsg) apply(m *Model) tea.Cmd {
	if msg.err != nil {
		// The form stays open with what was typed, to try again, and shows
		// the problem itself.
		if m.form != nil {
			m.form.setErr(msg.err)
		} else {
			m.setError(msg.err)
		}
		return nil
	}
	if pf, ok := m.form.(*personForm); ok && pf.id == "" {
		m.switchTab(tabPeople) // show whom you just added
		if m.people.filtered() || m.people.filtering {
			m.people.clearFilter(&m.w)
		}
	}
	m.closeForm()
	m.setStatus(msg.status)
	m.pending = msg.selectID
	return tea.Batch(m.reload(), runHooksCmd(m.opts.AfterChange, msg.kind, msg.selectID))
}

func (msg hookMsg) apply(m *Model) tea.Cmd {
	if msg.problem != "" {
		m.setError(errors.New(msg.problem)) // the change stands; the hook is what failed
	}
	return nil
}
