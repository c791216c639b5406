package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/colorprofile"

	"github.com/tend-app/tend/internal/config"
	"github.com/tend-app/tend/store"
)

// app carries what every command needs: the I/O streams, the environment,
// the clock and a lazily opened store. Nothing in the commands is global.
type app struct {
	stdin      io.Reader
	stdout     io.Writer // raw standard output, for JSON
	out        io.Writer // standard output with colours fitted to the terminal
	stderr     io.Writer
	env        map[string]string
	isTerminal bool // standard output is a terminal
	clock      func() time.Time
	entropy    io.Reader
	loc        *time.Location

	// Global flags.
	dbPath  string
	nowFlag string
	json    bool
	noColor bool

	now      time.Time // fixed on first use, so one command sees one moment
	store    *store.Store
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
		stdin: sys.Stdin, stdout: sys.Stdout, out: sys.Stdout, stderr: sys.Stderr,
		env: env, isTerminal: sys.IsTerminal, clock: sys.Clock, entropy: sys.Entropy, loc: loc,
	}
}

// setUp runs after flags are parsed: it fits colours to the output.
func (a *app) setUp() {
	w := &colorprofile.Writer{Forward: a.stdout, Profile: colorprofile.NoTTY}
	if a.isTerminal {
		w.Profile = colorprofile.Env(a.environ())
		if a.noColor || a.env["NO_COLOR"] != "" {
			w.Profile = colorprofile.Ascii
		}
	}
	a.out = w
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

func parseNow(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(loc), nil
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, loc); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("cannot read %q (want RFC 3339, such as 2026-11-24T09:00:00Z, or YYYY-MM-DD)", s)
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

// Store opens the database on first use.
func (a *app) Store() (*store.Store, error) {
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
	s, err := store.Open(path, store.Options{Now: a.clockFunc(now), Entropy: a.entropy})
	if err != nil {
		return nil, err
	}
	a.store = s
	return s, nil
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

// usageError is bad input from the user: exit code 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}
