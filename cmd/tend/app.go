package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/colorprofile"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/config"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/store"
)

// app carries what every command needs: the I/O streams, the environment,
// the clock and a lazily opened store. Nothing in the commands is global.
type app struct {
	stdin     io.Reader
	stdout    io.Writer // standard output for data (JSON, exports): made safe on a terminal
	out       io.Writer // standard output for people: colours fitted, stored text made safe
	tty       io.Writer // standard output as it is, for the TUI, which draws the screen itself
	stderr    io.Writer
	env       map[string]string
	terminals terminals
	clock     func() time.Time
	entropy   io.Reader
	loc       *time.Location

	// Global flags.
	dbPath  string
	nowFlag string
	noColor bool

	now      time.Time // fixed on first use, so one command sees one moment
	store    *store.Store
	flushers []*termtext.Writer
	// quietWait keeps the store from saying on stderr that a write waits
	// for another tend: the TUI owns the terminal.
	quietWait bool
	// quietMissing keeps a read from saying on stderr that there is no
	// database yet: a prompt line says nothing when there is nothing.
	quietMissing bool
	// readWait, when set, is how long a read waits for a program holding
	// the whole file locked: a prompt line gives up at once.
	readWait time.Duration
	settings *config.Settings // read on first use
	changes  []change         // what the command wrote, for the hooks
}

func newApp(sys system) *app {
	loc := sys.Location
	if loc == nil {
		loc = time.Local
	}
	env := map[string]string{}
	for _, kv := range sys.Environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	return &app{
		stdin: sys.Stdin, stdout: sys.Stdout, out: sys.Stdout, tty: sys.Stdout, stderr: sys.Stderr,
		env: env, terminals: sys.Terminals, clock: sys.Clock, entropy: sys.Entropy, loc: loc,
	}
}

// setUp runs after flags are parsed: it fits colours to the output, and
// puts the one sanitiser (internal/termtext) between tend and the
// terminal. Text for people passes tend's own colours and nothing else;
// data on a terminal passes no escape at all. Data in a pipe or a file is
// left exactly as written, so an export reads back the same.
func (a *app) setUp() {
	w := &colorprofile.Writer{Forward: a.tty, Profile: colorprofile.NoTTY}
	if a.terminals.Stdout {
		w.Profile = colorprofile.Env(a.environ())
		if a.plain() {
			w.Profile = colorprofile.Ascii
		}
	}
	out := termtext.NewWriter(w, true)
	a.out, a.flushers = out, append(a.flushers, out)
	if a.terminals.Stdout {
		data := termtext.NewWriter(a.tty, false)
		a.stdout, a.flushers = data, append(a.flushers, data)
	}
}

// plain says colour is not wanted: --no-color, or NO_COLOR set.
func (a *app) plain() bool { return a.noColor || a.env["NO_COLOR"] != "" }

// flush sends what the sanitisers still hold (an incomplete sequence at
// the very end of the output).
func (a *app) flush() {
	for _, f := range a.flushers {
		f.Flush()
	}
}

func (a *app) environ() []string {
	var out []string
	for k, v := range a.env {
		out = append(out, k+"="+v)
	}
	return out
}

// Now is the moment the command runs at: --now, else TEND_NOW, else the
// clock, in the user's time zone, where days are counted.
func (a *app) Now() (time.Time, error) {
	if !a.now.IsZero() {
		return a.now, nil
	}
	raw, source := a.nowFlag, "--now"
	if raw == "" {
		raw, source = a.env["TEND_NOW"], "TEND_NOW"
	}
	if raw == "" {
		a.now = a.clock().In(a.loc)
		return a.now, nil
	}
	t, err := parseNow(raw, a.loc)
	if err != nil {
		return time.Time{}, usageErrorf("%s: %v", source, err)
	}
	a.now = t
	return t, nil
}

// The range --now may name. Every id tend makes holds the moment it was
// made, which cannot be before 1970; and a clock two centuries out is a
// typo, not a plan.
var (
	minNow = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	maxNow = time.Date(2201, 1, 1, 0, 0, 0, 0, time.UTC)
)

func parseNow(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse(time.RFC3339, s)
	if err == nil {
		t = t.In(loc)
	} else if d, derr := time.ParseInLocation(time.DateOnly, s, loc); derr == nil {
		// A day alone stands for its noon, as a day alone does for --at:
		// what is logged "now" then reads 12:00, not midnight.
		t = time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, loc)
	} else {
		var y, m, d int
		if n, _ := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); n == 3 && len(s) == len(time.DateOnly) && m >= 1 && m <= 12 && d >= 1 {
			if last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); d > last {
				return time.Time{}, fmt.Errorf("%q: %s %d has no day %d", s, time.Month(m), y, d)
			}
		}
		return time.Time{}, fmt.Errorf("cannot read %q (want RFC 3339, such as 2026-11-24T09:00:00Z, or YYYY-MM-DD)", s)
	}
	if t.Before(minNow) || !t.Before(maxNow) {
		return time.Time{}, fmt.Errorf("%q is out of range: tend runs at moments from 1970 to 2200", s)
	}
	return t, nil
}

// clockFunc is the clock for work that outlives a moment, such as the
// TUI and the store's created_at stamps: fixed at now when --now or
// TEND_NOW was given, the real clock otherwise.
func (a *app) clockFunc(now time.Time) func() time.Time {
	if a.nowFlag != "" || a.env["TEND_NOW"] != "" {
		return func() time.Time { return now }
	}
	return func() time.Time { return a.clock().In(a.loc) }
}

// Store opens the database for a command that writes: the file is
// created, or migrated, only when the command writes, so a command refused
// before that creates and changes nothing.
func (a *app) Store() (*store.Store, error) { return a.openStore(store.WriteLater) }

// Core opens the database for a command that may write, and returns the
// use cases over it, by the settings' rules.
func (a *app) Core() (*core.Core, error) { return a.coreOver(a.Store) }

// corePerson is Core, and the one person name refers to, looking among
// scope's people first: where most commands that change someone start.
func (a *app) corePerson(name string, scope domain.Scope) (*core.Core, domain.Person, error) {
	c, err := a.Core()
	if err != nil {
		return nil, domain.Person{}, err
	}
	p, err := c.FindPerson(a.ctx(), name, scope)
	return c, p, err
}

// ReadCore is Core for a command that only reads (see ReadStore).
func (a *app) ReadCore() (*core.Core, error) { return a.coreOver(a.ReadStore) }

// UnrankedCore and ReadUnrankedCore are Core and ReadCore for a command
// that ranks no one (history, most exports, an import, a backup): they do
// not read the settings, so a broken settings file does not stop them,
// and the core they give ranks by the default rules.
func (a *app) UnrankedCore() (*core.Core, error) { return a.unranked(a.Store) }

func (a *app) ReadUnrankedCore() (*core.Core, error) { return a.unranked(a.ReadStore) }

func (a *app) unranked(open func() (*store.Store, error)) (*core.Core, error) {
	s, err := open()
	if err != nil {
		return nil, err
	}
	return core.New(s, cadence.DefaultRules()), nil
}

func (a *app) coreOver(open func() (*store.Store, error)) (*core.Core, error) {
	rules, err := a.Rules()
	if err != nil {
		return nil, err
	}
	s, err := open()
	if err != nil {
		return nil, err
	}
	return core.New(s, rules), nil
}

// ReadStore opens the database for a command that only reads: nothing is
// created or changed, and when there is no database yet it says so on
// standard error and reads an empty one.
func (a *app) ReadStore() (*store.Store, error) {
	s, err := a.openStore(store.ReadOnly)
	if err == nil && s.Missing() && !a.quietMissing {
		fmt.Fprintf(a.stderr, "No database at %s yet: tend add NAME makes one.\n", oneLine(s.Path()))
	}
	return s, err
}

func (a *app) openStore(mode store.Mode) (*store.Store, error) {
	if a.store != nil {
		return a.store, nil
	}
	now, err := a.Now()
	if err != nil {
		return nil, err
	}
	path, err := a.DBPath()
	if err != nil {
		return nil, err
	}
	s, err := store.Open(path, store.Options{Now: a.clockFunc(now), Entropy: a.entropy, Mode: mode, Waiting: a.waitNotice(), ReadWait: a.readWait})
	if err != nil {
		return nil, err
	}
	a.store = s
	return s, nil
}

// waitNotice is what a write that has to wait for another tend's write
// (a long import) tells a person at a terminal, once, so that a command
// that seems to hang says why. A script's stderr gets nothing: the command
// waits and succeeds, or fails with a message.
func (a *app) waitNotice() func() {
	if a.quietWait || !a.terminals.Stderr {
		return nil
	}
	return func() { fmt.Fprintln(a.stderr, "tend: waiting for another tend to finish writing…") }
}

// DBPath is --db, else TEND_DB, else tend.db in the XDG data folder
// ($XDG_DATA_HOME, falling back to ~/.local/share).
func (a *app) DBPath() (string, error) {
	if a.dbPath != "" {
		return a.dbPath, nil
	}
	if p := a.env["TEND_DB"]; p != "" {
		return p, nil
	}
	base := a.env["XDG_DATA_HOME"]
	if base == "" || !filepath.IsAbs(base) { // the spec says to ignore a relative one
		home := a.env["HOME"]
		if home == "" {
			return "", errors.New("cannot find a place for the database: set --db, TEND_DB or HOME")
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "tend", "tend.db"), nil
}

func (a *app) close() {
	if a.store != nil {
		a.store.Close()
	}
}

func (a *app) ctx() context.Context { return context.Background() }

// printJSON writes v as one indented JSON value on standard output.
func (a *app) printJSON(v any) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printJSONList prints n values as printJSON prints a slice of them, one
// at a time, so that a long list is never held whole, as values or as
// text: elem gives the i-th.
func (a *app) printJSONList(n int, elem func(i int) any) error {
	if n == 0 {
		_, err := io.WriteString(a.stdout, "[]\n")
		return err
	}
	w := bufio.NewWriterSize(a.stdout, 64<<10)
	var one bytes.Buffer
	enc := json.NewEncoder(&one)
	enc.SetIndent("  ", "  ")
	enc.SetEscapeHTML(false)
	w.WriteString("[\n")
	for i := range n {
		one.Reset()
		if err := enc.Encode(elem(i)); err != nil {
			return err
		}
		w.WriteString("  ")
		w.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
		if i < n-1 {
			w.WriteString(",")
		}
		w.WriteString("\n")
	}
	w.WriteString("]\n")
	return w.Flush()
}

// usageError is bad input from the user: exit code 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}
