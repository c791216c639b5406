// Package tui is tend in a terminal: a Bubble Tea app over the same store
// and cadence engine as the command line.
//
// One root Model owns the focus, the routing of messages, the window size
// and the status line. The views (Today, People, Person, History, Plan and
// Stats) and the forms are small components of one shape (view.go) that
// render strings; the root sends a size to all of them and other messages
// only to the one on screen. Update never touches the database: every
// read and write is a tea.Cmd that returns a typed message (see data.go),
// and the answers say what they change (results.go). Update never reads
// the clock either: the moment the TUI works at is the one the last tick
// carried.
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
)

// Options configure the TUI.
type Options struct {
	// Core is tend's use cases over the open database, by the settings'
	// rules. The TUI does not close its store.
	Core *core.Core
	// Now is the clock: the only source of time the TUI uses. It returns the
	// fixed --now when one was given. It is read once by New and then by
	// the poll tick, whose message carries the moment to Update.
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
	today    []cadence.Status           // who to talk to, as the core ranks them
	day      core.Day                   // the memories due and the dates of the week beneath them
	notes    map[string]domain.LastNote // what you last talked about with today's people
}

func (w *world) set(snap snapshot) {
	w.loaded = true
	w.byID = make(map[string]*entry, len(snap.active)+len(snap.archived))
	w.active = w.entries(snap.active, false)
	w.archived = w.entries(snap.archived, true)
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
	back          tab            // where esc returns to from Person
	views         [tabCount]view // the views below, in the order of the tabs
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
	watcher    *core.Watcher
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
		ctx:    context.Background(),
		opts:   opts,
		keys:   DefaultKeyMap(),
		help:   h,
		w:      world{now: opts.Now(), st: st, limit: opts.Limit, rules: rules},
		width:  80,
		height: 24,
	}
	w, k := &m.w, &m.keys
	m.today = todayView{w: w, keys: k, ask: m.askToday}
	m.people = newPeopleView(w, k)
	m.person = personView{w: w, keys: k, load: m.loadPerson}
	m.history = newHistoryView(w, k, m.loadHistory)
	m.plan = planView{w: w, keys: k, ask: m.askPlan}
	m.stats = statsView{w: w, keys: k, ask: m.loadStats}
	m.views = [tabCount]view{&m.today, &m.people, &m.person, &m.history, &m.plan, &m.stats}
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
	return watchCmd(m.ctx, m.opts.Core)
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
	return loadCmd(m.ctx, m.opts.Core, m.seq)
}

// Update handles one message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	m.syncKeys()
	return m, cmd
}

// result is the answer of one of the root's commands: it knows what it
// changes in the model (results.go).
type result interface {
	apply(m *Model) tea.Cmd
}

// update routes a message: the window size to every view, keys and pastes
// to whatever has the keyboard, what a view says to the status line, and
// the answers of commands to where they belong.
func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		if m.form != nil {
			return m.form.Update(msg)
		}
		return m.active().Update(msg)
	case statusMsg:
		m.setStatus(string(msg))
	case result:
		return msg.apply(m)
	}
	return nil
}

// active is the view on screen.
func (m *Model) active() view { return m.views[m.tab] }

// refresh hands a new snapshot to the views that draw it straight, each
// keeping its cursor on the same person. Today, Plan and Stats wait for
// what the core answers (askToday, askPlan, loadStats).
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

func (m *Model) loadPerson(id string) tea.Cmd {
	return loadPersonCmd(m.ctx, m.opts.Core, id)
}

func (m *Model) loadHistory(limit int) tea.Cmd {
	return loadHistoryCmd(m.ctx, m.opts.Core, limit)
}

func (m *Model) setStatus(s string) { m.status, m.statusErr = s, false }

func (m *Model) setError(err error) {
	m.status, m.statusErr = termtext.Line(err.Error()), true
}

// layout hands out the space: a line of tabs and a rule above the view, a
// status line and a help line below it.
func (m *Model) layout() {
	h := max(1, m.height-4)
	for _, v := range m.views {
		v.SetSize(m.width, h)
	}
	m.help.SetWidth(m.width)
	if m.form != nil {
		m.form.SetSize(m.width, h)
	}
}

// key routes a key press: quitting first, then the open form, the help
// screen, the view when it is typing or the key is one of its own, and
// last the root's keys.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if matches(msg, m.keys.ForceQuit) {
		return tea.Quit
	}
	switch {
	case m.form != nil:
		return m.formKey(msg)
	case m.showHelp:
		return m.helpKey(msg)
	}
	if v := m.active(); typing(v) || matchesAny(msg, v.Keys()) {
		return v.Update(msg)
	}
	for _, c := range m.commands() {
		if matches(msg, *c.key) {
			return c.run()
		}
	}
	if why := m.whyNot(msg); why != "" {
		m.setStatus(why)
	}
	return nil
}

func typing(v view) bool {
	t, ok := v.(typist)
	return ok && t.typing()
}

// helpKey handles a key on the help screen: it scrolls, closes or quits.
func (m *Model) helpKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
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
}

// command is one of the root's keys and what it does.
type command struct {
	key *key.Binding
	run func() tea.Cmd
}

// commands are the root's keys, the same in every view: leaving, help,
// the views, and what can be done to whoever is under the cursor.
func (m *Model) commands() []command {
	k := &m.keys
	kit := formKit{st: m.w.st, keys: k}
	sel := m.selection()
	show := func(f func() form) func() tea.Cmd {
		return func() tea.Cmd {
			m.openForm(f())
			return nil
		}
	}
	cmds := []command{
		{&k.Quit, func() tea.Cmd { return tea.Quit }},
		{&k.Help, m.openHelp},
		{&k.NextTab, func() tea.Cmd { return m.switchTab(m.nextTab(1)) }},
		{&k.PrevTab, func() tea.Cmd { return m.switchTab(m.nextTab(-1)) }},
		{&k.Back, m.goBack},
		{&k.Add, show(func() form { return newPersonForm(kit, nil) })},
		{&k.Open, func() tea.Cmd { return m.openPerson(sel.id) }},
		{&k.Log, show(func() form { return newLogForm(kit, sel.entry) })},
		{&k.Edit, show(func() form { return m.editForm(sel) })},
		{&k.Remember, show(func() form { return newRememberForm(kit, sel.entry) })},
		{&k.Snooze, show(func() form { return newSnoozeForm(kit, sel.entry, m.w.now) })},
		{&k.Undo, func() tea.Cmd { return undoCmd(m.ctx, m.opts.Core) }},
		{&k.Unlog, show(func() form { return newUnlogConfirm(kit, sel.interaction, m.w.now.Location()) })},
		{&k.Amend, show(func() form { return newAmendForm(kit, sel.interaction, m.w.now.Location()) })},
		{&k.Archive, show(func() form { return newArchiveConfirm(kit, sel.entry) })},
		{&k.Restore, func() tea.Cmd { return restoreCmd(m.env(), sel.entry) }},
		{&k.Done, func() tea.Cmd { return doneCmd(m.ctx, m.opts.Core, sel.memory.ID) }},
	}
	for t, b := range k.tabKeys() {
		cmds = append(cmds, command{b, func() tea.Cmd { return m.switchTab(tab(t)) }})
	}
	return cmds
}

func (m *Model) openHelp() tea.Cmd {
	m.showHelp, m.helpTop = true, 0
	return nil
}

// goBack leaves Person for where it was opened from, and any other view
// for Today.
func (m *Model) goBack() tea.Cmd {
	m.status = ""
	if m.tab == tabPerson {
		return m.switchTab(m.back)
	}
	return m.switchTab(tabToday)
}

// editForm opens the person form on the selected person. In Person, where
// the rhythm hint says "press e", the form opens with it filled in, to
// save or to change.
func (m *Model) editForm(sel selection) form {
	f := newPersonForm(formKit{st: m.w.st, keys: &m.keys}, sel.entry)
	if m.tab == tabPerson && sel.entry != nil && !sel.entry.archived {
		if hint, ok := m.w.rules.RhythmHint(sel.entry.sum.Cadence(), m.w.now); ok {
			f.suggest(hint)
		}
	}
	return f
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
	return m.form.Update(msg)
}

// env is what a form needs to turn its input into a write.
func (m *Model) env() env {
	return env{ctx: m.ctx, core: m.opts.Core, now: m.w.now, rules: m.w.rules}
}

func (m *Model) openForm(f form) {
	m.form = f
	m.form.SetSize(m.width, max(1, m.height-4))
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

// switchTab puts view t on screen; a view with something to read the
// first time it is shown asks for it.
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
	if s, ok := m.active().(shower); ok {
		return s.shown()
	}
	return nil
}

func (m *Model) openPerson(id string) tea.Cmd {
	if id == "" {
		return nil
	}
	if m.tab != tabPerson {
		m.back = m.tab
	}
	m.person.open(id)
	m.tab = tabPerson
	return m.loadPerson(id)
}

// selection is what the cursor is on, wherever it is.
type selection struct {
	id          string             // a person's id, or ""
	entry       *entry             // that person, when known
	memory      domain.Memory      // an open memory under the cursor, if any
	interaction domain.Interaction // the interaction under the cursor, if any
	// byInteraction says the person is only the first of the people of the
	// interaction under the cursor (History): archiving them from there
	// was a surprise.
	byInteraction bool
}

func (m *Model) selection() selection {
	s := m.active().selected()
	if s.id != "" && s.entry == nil {
		s.entry = m.w.byID[s.id]
	}
	return s
}

// syncKeys enables the keys that do something where the user is, so that
// help shows just those: the root's, by what has the keyboard and what is
// selected, and the active view's own.
func (m *Model) syncKeys() {
	v := m.active()
	c := keyContext{mode: modeBrowse, home: m.tab == tabToday, hasPerson: m.person.id != ""}
	switch {
	case m.form != nil:
		c.mode = modeForm
		if _, ok := m.form.(*confirmForm); ok || m.discard {
			c.mode = modeConfirm
		}
	case m.showHelp:
		c.mode = modeHelp
	case typing(v):
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
	c.byInteraction = sel.byInteraction
	keys := v.Keys()
	if m.form != nil {
		keys = m.form.Keys()
	}
	m.keys.enableFor(c, keys)
}

// View draws the screen.
func (m *Model) View() tea.View {
	// The one sanitiser at the boundary: whatever a view drew, only its
	// colours reach the terminal, though every stored text is cleaned
	// where it is drawn too.
	v := tea.NewView(termtext.Styled(m.render()))
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
		body = keepInView(m.form.View(), bodyHeight)
	case !m.w.loaded:
		body = "Loading…"
	default:
		body = m.active().View()
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
// (core.List) does: by cadence.CompareDue, es in name order, which ties
// keep. TestPeopleOrderIsTheCoresList holds the two to the same order.
func sortByDue(es []*entry) {
	slices.SortStableFunc(es, func(a, b *entry) int {
		return cadence.CompareDue(a.status.DueRatio, a.sum.Tier, b.status.DueRatio, b.sum.Tier)
	})
}
