// Package tui is tend in a terminal: a Bubble Tea app over the same store
// and cadence engine as the command line.
//
// One root Model owns the focus, the routing of messages, the window size
// and the status line. The views (Today, People, Person, History, Plan and
// Stats) and the forms are small structs that render strings. Update never
// touches the database: every read and write is a tea.Cmd that returns a
// typed message (see data.go). The package never reads the clock either;
// it is given one.
package tui

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/store"
)

// Options configure the TUI.
type Options struct {
	// Core is tend's use cases over the open database, by the settings'
	// rules. The TUI does not close its store.
	Core *core.Core
	// Now is the clock: the only source of time the TUI uses. It returns the
	// fixed --now when one was given.
	Now func() time.Time
	// Plain turns colour off (--no-color, NO_COLOR). Markers and words carry
	// every meaning, so nothing is lost.
	Plain bool
	// Limit is how many people Today suggests; Rules.Limit when 0.
	Limit int
	// PollEvery is how often the TUI asks whether another process changed
	// the database; a second when 0.
	PollEvery time.Duration
	// AfterChange, when set, tells the user's hooks of a change made here
	// (its kind, and the person it was about) and returns what went wrong
	// with them, or "". It runs in a command, never in Update.
	AfterChange func(kind, personID string) string

	// Input, Output and Environ are the terminal Run talks to; the process's
	// own when nil.
	Input   io.Reader
	Output  io.Writer
	Environ []string
}

// Run runs the TUI until the user quits.
func Run(ctx context.Context, opts Options) error {
	m := New(opts)
	m.ctx = ctx
	popts := []tea.ProgramOption{tea.WithContext(ctx)}
	if opts.Input != nil {
		popts = append(popts, tea.WithInput(opts.Input))
	}
	if opts.Output != nil {
		popts = append(popts, tea.WithOutput(opts.Output))
	}
	if opts.Environ != nil {
		popts = append(popts, tea.WithEnvironment(opts.Environ))
	}
	if opts.Plain {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	final, err := tea.NewProgram(m, popts...).Run()
	if fm, ok := final.(*Model); ok {
		fm.close()
	} else {
		m.close()
	}
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}

// tab is one of the six views.
type tab int

const (
	tabToday tab = iota
	tabPeople
	tabPerson
	tabHistory
	tabPlan
	tabStats
	tabCount
)

func (t tab) String() string {
	return [...]string{"Today", "People", "Person", "History", "Plan", "Stats"}[t]
}

// entry is a person as the views see them: what is stored and where they
// stand today.
type entry struct {
	sum      domain.Summary
	status   cadence.Status
	archived bool
}

// world is what the views render: the last snapshot read and the moment it
// is judged at.
type world struct {
	now      time.Time
	st       styles
	limit    int
	rules    cadence.Rules
	loaded   bool
	active   []*entry // by name
	archived []*entry // by name
	byID     map[string]*entry
	due      []dueMemory
	today    []cadence.Status          // who to talk to, as the core ranks them
	notes    map[string]store.LastNote // what you last talked about with today's people
}

func (w *world) set(snap snapshot) {
	w.loaded = true
	w.byID = make(map[string]*entry, len(snap.active)+len(snap.archived))
	w.active = w.entries(snap.active, false)
	w.archived = w.entries(snap.archived, true)
	w.due = snap.due
}

func (w *world) entries(sums []domain.Summary, archived bool) []*entry {
	out := make([]*entry, len(sums))
	for i, s := range sums {
		e := &entry{sum: s, status: w.rules.Assess(s.Cadence(), w.now), archived: archived}
		out[i] = e
		w.byID[s.ID] = e
	}
	return out
}

var (
	_ tea.Model   = (*Model)(nil)
	_ help.KeyMap = KeyMap{}
)

// Model is the root of the TUI: it owns the focus, routes messages, knows
// the window size and keeps the status line. Create it with New.
type Model struct {
	ctx  context.Context
	opts Options
	keys KeyMap
	help help.Model
	w    world

	width, height int
	tab           tab
	back          tab // where esc returns to from Person
	today         todayView
	people        peopleView
	person        personView
	history       historyView
	plan          planView
	stats         statsView

	form      form // the open form, or nil
	discard   bool // esc was pressed on a changed form: y throws it away
	showHelp  bool
	helpTop   int // the first line of the key map shown, when it is scrolled
	status    string
	statusErr bool

	seq        int    // the latest load asked for; older answers are dropped
	todaySeq   int    // the same for Today's ranking
	todayLater string // the person to put the Today cursor on when it comes
	planSeq    int    // the same for the Plan view's plan
	planPrefer string // the person to put the Plan cursor on when it comes
	statsSeq   int    // the same for the Stats view's figures
	pending    string // the person to put the cursor on after the next load
	watcher    *store.Watcher
	poll       func() tea.Cmd
}

// New returns the root model. It does no I/O: Init asks for the data.
func New(opts Options) *Model {
	if opts.Core == nil {
		panic("tui: Options.Core is required")
	}
	rules := opts.Core.Rules()
	if opts.Limit <= 0 {
		opts.Limit = rules.Limit
	}
	if opts.PollEvery <= 0 {
		opts.PollEvery = time.Second
	}
	if opts.Now == nil {
		panic("tui: Options.Now is required")
	}
	st := newStyles(opts.Plain)
	h := help.New()
	if opts.Plain {
		h.Styles = help.Styles{}
	} else {
		h.Styles = help.DefaultDarkStyles()
	}
	m := &Model{
		ctx:     context.Background(),
		opts:    opts,
		keys:    DefaultKeyMap(),
		help:    h,
		w:       world{now: opts.Now(), st: st, limit: opts.Limit, rules: rules},
		width:   80,
		height:  24,
		people:  newPeopleView(st),
		history: newHistoryView(st),
	}
	every := opts.PollEvery
	m.poll = func() tea.Cmd {
		// The tick reads the clock, not Update: the moment the views judge
		// at is the one this message carries, so --now stays fixed.
		return tea.Tick(every, func(time.Time) tea.Msg { return pollMsg{now: opts.Now()} })
	}
	m.layout()
	m.syncKeys()
	return m
}

// Init starts watching the database for other writers, then reads the
// data: in that order, so that no write can fall between the two unseen.
func (m *Model) Init() tea.Cmd {
	return watchCmd(m.ctx, m.opts.Core.Store())
}

func (m *Model) close() {
	if m.watcher != nil {
		m.watcher.Close()
		m.watcher = nil
	}
}

// reload asks for a fresh snapshot.
func (m *Model) reload() tea.Cmd {
	m.seq++
	return loadCmd(m.ctx, m.opts.Core.Store(), m.seq, m.w.now)
}

// Update handles one message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	m.syncKeys()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return nil

	case tea.KeyPressMsg:
		return m.key(msg)

	case tea.PasteMsg:
		if m.form != nil {
			return m.form.paste(msg)
		}
		if m.people.filtering {
			m.people.paste(msg, &m.w)
		}
		if m.history.searching {
			m.history.input, _ = m.history.input.Update(msg)
			m.history.research()
		}
		return nil

	case notesMsg:
		if msg.seq == m.seq && msg.err == nil {
			m.w.notes = msg.notes
		}
		return nil

	case loadedMsg:
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
		cmds := []tea.Cmd{m.askToday(prefer)}
		if m.plan.wanted {
			cmds = append(cmds, m.askPlan(prefer))
		}
		if m.person.id != "" {
			cmds = append(cmds, loadPersonCmd(m.ctx, m.opts.Core.Store(), m.person.id))
		}
		if m.history.loaded || m.tab == tabHistory {
			cmds = append(cmds, loadHistoryCmd(m.ctx, m.opts.Core.Store(), m.history.limit))
		}
		if m.stats.loaded || m.tab == tabStats {
			cmds = append(cmds, m.loadStats())
		}
		return tea.Batch(cmds...)

	case todayMsg:
		if msg.seq != m.todaySeq {
			return nil
		}
		if msg.err != nil {
			m.setError(msg.err)
			return nil
		}
		m.w.today = msg.today.Suggestions
		m.today.refresh(&m.w, m.todayLater)
		m.todayLater = ""
		return loadNotesCmd(m.ctx, m.opts.Core.Store(), m.seq, m.w.today)

	case personLoadedMsg:
		if msg.id != m.person.id {
			return nil
		}
		if msg.err != nil {
			m.setError(msg.err)
			return nil
		}
		m.person.set(msg, &m.w)
		return nil

	case historyLoadedMsg:
		if msg.err != nil {
			m.setError(msg.err)
			return nil
		}
		m.history.set(msg)
		return nil

	case planMsg:
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

	case statsLoadedMsg:
		if msg.seq != m.statsSeq {
			return nil
		}
		if msg.err != nil {
			m.setError(msg.err)
			return nil
		}
		m.stats.set(msg.stats, &m.w)
		return nil

	case watchStartedMsg:
		if msg.err != nil {
			// No live updates, but the data still loads and the clock
			// still ticks.
			m.setError(msg.err)
			return tea.Batch(m.reload(), m.poll())
		}
		m.watcher = msg.w
		return tea.Batch(m.reload(), m.poll())

	case pollMsg:
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

	case changedMsg:
		next := m.poll()
		if msg.err != nil {
			m.setError(msg.err)
			return next
		}
		if msg.changed {
			return tea.Batch(m.reload(), next)
		}
		return next

	case savedMsg:
		if msg.err != nil {
			// The form stays open with what was typed, to try again, and
			// shows the problem itself.
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

	case hookMsg:
		if msg.problem != "" {
			m.setError(errors.New(msg.problem)) // the change stands; the hook is what failed
		}
		return nil
	}
	return nil
}

// refresh hands a new snapshot to the views that draw it straight, each
// keeping its cursor on the same person. Today, Plan and Stats wait for
// what loadedMsg asks the core for next (askToday, askPlan, loadStats).
func (m *Model) refresh() {
	m.people.refresh(&m.w, m.pending)
	m.pending = ""
}

// askToday asks the core whom to suggest today, as tend today ranks them;
// prefer is the person to put the cursor on when the answer comes.
func (m *Model) askToday(prefer string) tea.Cmd {
	m.todaySeq++
	m.todayLater = prefer
	return todayCmd(m.ctx, m.opts.Core, m.todaySeq, m.w.now, m.w.limit)
}

// askPlan asks the core for the plan, as tend plan makes it; prefer is
// the person to put the cursor on when it comes.
func (m *Model) askPlan(prefer string) tea.Cmd {
	m.planSeq++
	m.planPrefer = prefer
	return planCmd(m.ctx, m.opts.Core, m.planSeq, m.w.now, planDays, m.w.limit)
}

// loadStats asks the core for the Stats view's figures, as tend stats does.
func (m *Model) loadStats() tea.Cmd {
	m.statsSeq++
	return loadStatsCmd(m.ctx, m.opts.Core, m.statsSeq, m.w.now)
}

func (m *Model) setStatus(s string) { m.status, m.statusErr = s, false }

func (m *Model) setError(err error) {
	m.status, m.statusErr = termtext.Line(err.Error()), true
}

// layout hands out the space: a line of tabs and a rule above the view, a
// status line and a help line below it.
func (m *Model) layout() {
	h := max(1, m.height-4)
	m.today.setSize(m.width, h)
	m.people.setSize(m.width, h)
	m.person.setSize(m.width, h)
	m.history.setSize(m.width, h)
	m.plan.setSize(m.width, h)
	m.stats.setSize(m.width, h)
	m.help.SetWidth(m.width)
	if m.form != nil {
		m.form.setWidth(m.width)
	}
}

// key routes a key press: quitting first, then the open form, the People
// filter, the help screen, and last the view.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if matches(msg, k.ForceQuit) {
		return tea.Quit
	}
	switch {
	case m.form != nil:
		return m.formKey(msg)
	case m.showHelp:
		switch {
		case matches(msg, k.Quit):
			return tea.Quit
		case matches(msg, k.Help, k.Back):
			m.showHelp = false
		case matches(msg, k.Up):
			m.helpTop--
		case matches(msg, k.Down):
			m.helpTop++
		case matches(msg, k.PageUp):
			m.helpTop -= m.height / 2
		case matches(msg, k.PageDown):
			m.helpTop += m.height / 2
		}
		return nil
	case m.people.filtering:
		m.people.filterKey(msg, k, &m.w)
		return nil
	case m.history.searching:
		m.history.searchKey(msg, k)
		return nil
	}

	switch {
	case matches(msg, k.Quit):
		return tea.Quit
	case matches(msg, k.Help):
		m.showHelp, m.helpTop = true, 0
		return nil
	case matches(msg, k.NextTab):
		return m.switchTab(m.nextTab(1))
	case matches(msg, k.PrevTab):
		return m.switchTab(m.nextTab(-1))
	case matches(msg, k.tabKeys()...):
		for t, b := range k.tabKeys() {
			if matches(msg, b) {
				return m.switchTab(tab(t))
			}
		}
	case matches(msg, k.Back):
		m.status = ""
		switch {
		case m.tab == tabPeople && m.people.filtered():
			m.people.clearFilter(&m.w)
			return nil
		case m.tab == tabHistory && m.history.searched():
			m.history.clearSearch()
			return nil
		case m.tab == tabPerson:
			return m.switchTab(m.back)
		}
		return m.switchTab(tabToday)
	case matches(msg, k.Add):
		m.openForm(newPersonForm(m.w.st, nil))
		return nil
	case matches(msg, k.Filter):
		if m.tab == tabHistory {
			return m.history.startSearch()
		}
		return m.people.startFilter()
	case matches(msg, k.Archived):
		m.people.showArchived = !m.people.showArchived
		m.people.refresh(&m.w, "")
		if m.people.showArchived {
			m.setStatus("Showing archived people too (A hides them).")
		} else {
			m.setStatus("Archived people hidden.")
		}
		return nil
	}

	sel := m.selection()
	switch {
	case matches(msg, k.Open):
		if sel.id != "" {
			return m.openPerson(sel.id)
		}
		return nil
	case matches(msg, k.Log):
		m.openForm(newLogForm(m.w.st, sel.entry))
		return nil
	case matches(msg, k.Edit):
		f := newPersonForm(m.w.st, sel.entry)
		if m.tab == tabPerson && sel.entry != nil && !sel.entry.archived {
			// The rhythm hint said "press e": the form opens with it filled
			// in, to save or to change.
			if hint, ok := m.w.rules.RhythmHint(sel.entry.sum.Cadence(), m.w.now); ok {
				f.suggest(hint)
			}
		}
		m.openForm(f)
		return nil
	case matches(msg, k.Remember):
		m.openForm(newRememberForm(m.w.st, sel.entry))
		return nil
	case matches(msg, k.Snooze):
		m.openForm(newSnoozeForm(m.w.st, sel.entry, m.w.now))
		return nil
	case matches(msg, k.Undo):
		return undoCmd(m.ctx, m.opts.Core)
	case matches(msg, k.Unlog):
		m.openForm(newUnlogConfirm(sel.interaction, m.w.now.Location()))
		return nil
	case matches(msg, k.Amend):
		m.openForm(newAmendForm(m.w.st, sel.interaction, m.w.now.Location()))
		return nil
	case matches(msg, k.Archive):
		m.openForm(newArchiveConfirm(sel.entry))
		return nil
	case matches(msg, k.Restore):
		return restoreCmd(m.env(), sel.entry)
	case matches(msg, k.Done):
		return doneCmd(m.ctx, m.opts.Core, sel.memory.ID)
	}

	if cmd, ok := m.navigate(msg); ok {
		return cmd
	}
	if why := m.whyNot(msg); why != "" {
		m.setStatus(why)
	}
	return nil
}

// navigate moves the cursor of the current view.
func (m *Model) navigate(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	var v interface {
		move(delta int)
		pageSize() int
	}
	switch m.tab {
	case tabToday:
		v = &m.today
	case tabPeople:
		v = &m.people
	case tabPerson:
		v = &m.person
	case tabHistory:
		v = &m.history
	case tabPlan:
		v = &m.plan
	case tabStats:
		v = &m.stats
	}
	k := m.keys
	switch {
	case matches(msg, k.Up):
		v.move(-1)
	case matches(msg, k.Down):
		v.move(1)
	case matches(msg, k.PageUp):
		v.move(-v.pageSize())
	case matches(msg, k.PageDown):
		v.move(v.pageSize())
	case matches(msg, k.Home):
		v.move(-1 << 30)
	case matches(msg, k.End):
		v.move(1 << 30)
	default:
		return nil, false
	}
	if m.tab == tabHistory && m.history.wantsMore() {
		m.history.limit += historyPage
		return loadHistoryCmd(m.ctx, m.opts.Core.Store(), m.history.limit), true
	}
	return nil, true
}

func (m *Model) formKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if c, ok := m.form.(*confirmForm); ok {
		switch {
		case matches(msg, k.Yes):
			cmd, _ := c.submit(m.env())
			return cmd
		case matches(msg, k.No):
			m.form = nil
		}
		return nil
	}
	if m.discard {
		switch {
		case matches(msg, k.Yes):
			m.closeForm()
		case matches(msg, k.No):
			m.discard = false
			m.setStatus("")
		}
		return nil
	}
	switch {
	case matches(msg, k.Cancel):
		if m.form.changed() {
			m.discard = true
			m.setStatus("Throw away what you typed? y throws it away, n keeps editing.")
			return nil
		}
		m.closeForm()
		return nil
	case matches(msg, k.Save):
		cmd, err := m.form.submit(m.env())
		if err != nil {
			m.form.setErr(err) // shown once, in the form
			return nil
		}
		return cmd
	}
	return m.form.update(msg, k)
}

// env is what a form needs to turn its input into a write.
func (m *Model) env() env {
	return env{ctx: m.ctx, core: m.opts.Core, now: m.w.now, rules: m.w.rules}
}

func (m *Model) openForm(f form) {
	m.form = f
	m.form.setWidth(m.width)
	m.setStatus("")
}

func (m *Model) closeForm() {
	m.form, m.discard = nil, false
	m.setStatus("")
}

func (m *Model) nextTab(step int) tab {
	t := m.tab
	for range tabCount {
		t = (t + tab(step) + tabCount) % tabCount
		if t != tabPerson || m.person.id != "" {
			return t
		}
	}
	return m.tab
}

func (m *Model) switchTab(t tab) tea.Cmd {
	if t == tabPerson && m.person.id == "" {
		return nil
	}
	if t != m.tab {
		m.setStatus("") // what was said belongs to the view it was said in
	}
	if t == tabPerson && m.tab != tabPerson {
		m.back = m.tab
	}
	m.tab = t
	switch {
	case t == tabHistory && !m.history.loaded:
		if m.history.limit == 0 {
			m.history.limit = historyPage
		}
		return loadHistoryCmd(m.ctx, m.opts.Core.Store(), m.history.limit)
	case t == tabPlan && !m.plan.wanted:
		m.plan.wanted = true
		if m.w.loaded {
			return m.askPlan("")
		}
	case t == tabStats && !m.stats.loaded && m.w.loaded:
		return m.loadStats()
	}
	return nil
}

func (m *Model) openPerson(id string) tea.Cmd {
	if m.tab != tabPerson {
		m.back = m.tab
	}
	m.person.open(id)
	m.tab = tabPerson
	return loadPersonCmd(m.ctx, m.opts.Core.Store(), id)
}

// selection is what the cursor is on, wherever it is.
type selection struct {
	id          string             // a person's id, or ""
	entry       *entry             // that person, when known
	memory      domain.Memory      // an open memory under the cursor, if any
	interaction domain.Interaction // the interaction under the cursor, if any
}

func (m *Model) selection() selection {
	var s selection
	switch m.tab {
	case tabToday:
		s = m.today.selected()
	case tabPeople:
		s = m.people.selected()
	case tabPerson:
		s = m.person.selected()
	case tabHistory:
		s = m.history.selected()
	case tabPlan:
		s = m.plan.selected()
	case tabStats:
		s = m.stats.selected()
	}
	if s.id != "" && s.entry == nil {
		s.entry = m.w.byID[s.id]
	}
	return s
}

// syncKeys enables the keys that do something where the user is, so that
// help shows just those.
func (m *Model) syncKeys() {
	c := keyContext{mode: modeBrowse, tab: m.tab, hasPerson: m.person.id != ""}
	switch {
	case m.form != nil:
		c.mode = modeForm
		if _, ok := m.form.(*confirmForm); ok || m.discard {
			c.mode = modeConfirm
		}
	case m.showHelp:
		c.mode = modeHelp
	case m.people.filtering, m.history.searching:
		c.mode = modeFilter
	}
	sel := m.selection()
	c.hasItem = sel.id != "" && m.tab != tabPerson // enter opens someone from a list
	if sel.entry != nil {
		c.active = !sel.entry.archived
		c.archived = sel.entry.archived
	}
	c.memory = sel.memory.ID != "" && !sel.memory.Done()
	c.interaction = sel.interaction.ID != ""
	c.filtered = m.tab == tabPeople && m.people.filtered() || m.tab == tabHistory && m.history.searched()
	m.keys.enableFor(c)
}

// View draws the screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "tend"
	return v
}

func (m *Model) render() string {
	bodyHeight := max(1, m.height-4)
	var body string
	switch {
	case m.showHelp:
		body = m.helpScreen(bodyHeight)
	case m.form != nil:
		body = keepInView(m.form.view(m.w.st, m.width), bodyHeight)
	case !m.w.loaded:
		body = "Loading…"
	default:
		switch m.tab {
		case tabToday:
			body = m.today.render(&m.w)
		case tabPeople:
			body = m.people.render(&m.w)
		case tabPerson:
			body = m.person.render(&m.w)
		case tabHistory:
			body = m.history.render(&m.w)
		case tabPlan:
			body = m.plan.render(&m.w)
		case tabStats:
			body = m.stats.render(&m.w)
		}
	}
	lines := make([]string, 0, m.height)
	lines = append(lines, m.tabBar(), m.w.st.dim.Render(strings.Repeat("─", m.width)))
	bodyLines := strings.Split(body, "\n")
	for i := range bodyHeight {
		l := ""
		if i < len(bodyLines) {
			l = fit(bodyLines[i], m.width)
		}
		lines = append(lines, l)
	}
	lines = append(lines, m.footer()...)
	if m.height > 0 && len(lines) > m.height { // a tiny window: the top of it
		lines = lines[:m.height]
	}
	return strings.Join(lines, "\n")
}

// helpScreen is the whole key map, whatever is selected: this is the
// reference. Where it does not fit, ↑/↓ scroll it under its title.
func (m *Model) helpScreen(height int) string {
	st := m.w.st
	keys := strings.Split(fullHelp(m.help, DefaultKeyMap().FullHelp(), m.width), "\n")
	room := max(1, height-2)
	m.helpTop = clampInt(m.helpTop, 0, max(0, len(keys)-room))
	title := st.title.Render("Keys") + st.dim.Render(" (? or esc closes)")
	if len(keys) > room {
		title += st.dim.Render(" ↑/↓ scroll")
	}
	end := min(len(keys), m.helpTop+room)
	return title + "\n\n" + strings.Join(keys[m.helpTop:end], "\n")
}

// fullHelp lays the help columns out side by side as far as they fit, and
// the rest below, instead of cutting them off.
func fullHelp(h help.Model, groups [][]key.Binding, width int) string {
	h.SetWidth(0) // measure without cutting
	var blocks []string
	var row [][]key.Binding
	for _, g := range groups {
		try := append(slices.Clone(row), g)
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(try)) > width {
			blocks = append(blocks, h.FullHelpView(row))
			try = [][]key.Binding{g}
		}
		row = try
	}
	if len(row) > 0 {
		blocks = append(blocks, h.FullHelpView(row))
	}
	return strings.Join(blocks, "\n\n")
}

// tabBar shows the views, the current one in brackets, and the day. In a
// very narrow window the other views keep only their numbers.
func (m *Model) tabBar() string {
	if bar := m.tabs(false); widthOf(bar) <= m.width {
		return m.withDay(bar)
	}
	return fit(m.tabs(true), m.width)
}

func (m *Model) tabs(short bool) string {
	st := m.w.st
	var parts []string
	for t := range tabCount {
		label := " " + string(rune('1'+t)) + " " + t.String() + " "
		if short && t != m.tab {
			label = " " + string(rune('1'+t)) + " "
		}
		switch {
		case t == m.tab:
			parts = append(parts, st.tabActive.Render("["+strings.TrimSpace(label)+"]"))
		case t == tabPerson && m.person.id == "":
			parts = append(parts, st.dim.Render(label))
		default:
			parts = append(parts, st.tab.Render(label))
		}
	}
	return strings.Join(parts, " ")
}

func (m *Model) withDay(bar string) string {
	st := m.w.st
	day := m.w.now.Format("Mon 2 Jan 2006")
	if gap := m.width - widthOf(bar) - len(day) - 1; gap >= 1 {
		bar += strings.Repeat(" ", gap) + st.dim.Render(day)
	}
	return bar
}

// footer is the status line and the line of help under it. A status too
// long for one line takes the help line's place for as long as it is shown,
// so that what tend says is never cut.
func (m *Model) footer() []string {
	status := m.statusLine()
	helpLine := fit(m.help.ShortHelpView(m.keys.ShortHelp()), m.width)
	if ansi.StringWidth(status) <= m.width {
		return []string{status, helpLine}
	}
	plain := ansi.Strip(status)
	first := fitWords(plain, m.width+1) // the cut, without its ellipsis
	first = strings.TrimSuffix(first, "…")
	rest := strings.TrimSpace(plain[len(first):])
	style := m.w.st.info
	if m.statusErr {
		style = m.w.st.err
	}
	return []string{style.Render(first), style.Render(fitWords(rest, m.width))}
}

func (m *Model) statusLine() string {
	st := m.w.st
	switch {
	case m.statusErr && m.status != "":
		return st.err.Render("! " + m.status)
	case m.status != "":
		return st.info.Render(m.status)
	}
	return ""
}

// sortByDue orders people as the People view lists them, as tend list
// does (cadence.CompareDue): es is in name order, which ties keep.
func sortByDue(es []*entry) {
	slices.SortStableFunc(es, func(a, b *entry) int {
		return cadence.CompareDue(a.status.DueRatio, a.sum.Tier, b.status.DueRatio, b.sum.Tier)
	})
}
