package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// hostileValues are what an unlucky or hostile user gives a flag.
var hostileValues = []string{
	"", " ", "0", "-1", "99999999999999999999", "-99999999999999999999", "1e9",
	"\x00", "a\x00b", "\xff\xfe", "\x1b]0;pwned\x07", "9999-12-31", "1969-12-31", "0000-00-00",
	strings.Repeat("x", 100<<10),
}

// leaks are signs of Go or SQLite internals in what a user reads.
var leaks = []string{"goroutine", "panic", "strconv.", "runtime error", "SQLITE", "sqlite", "invalid argument", "nil pointer", "\x1b"}

// TestEveryFlagTakesHostileValues gives each flag of each command every
// hostile value: tend answers with exit 0 or 2 (1 where the value names a
// file that cannot be written), one short line on standard error and no
// panic, and never a Go or SQLite message.
func TestEveryFlagTakesHostileValues(t *testing.T) {
	t.Chdir(t.TempDir()) // --db=0 and the like make a database where tend runs
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--birthday", "1990-04-15")
	h.ok("log", "ana", "--at", "2026-11-01")
	h.ok("remember", "ana", "exam", "--on", "2026-12-01")
	dir := t.TempDir()
	importFile := filepath.Join(dir, "in.json")
	if err := os.WriteFile(importFile, []byte(h.ok("export", "json").stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	// The arguments each command needs to get as far as its flags.
	args := map[string][]string{
		"add": {"Zed"}, "log": {"ana"}, "show": {"ana"}, "edit": {"ana"}, "remember": {"ana", "a thing"},
		"done": {"01J0000000000000000000000A"}, "snooze": {"ana"}, "archive": {"ana"}, "restore": {"ana"},
		"rm": {"nobody-here"}, "history": nil, "export": {"json"}, "import": {"json", importFile},
		"backup": {filepath.Join(dir, "b.db")}, "completion": {"bash"},
	}
	namesFile := map[string]bool{"db": true, "output": true, "identity": true}
	root := newRootCmd(newApp(system{}))
	var cmds []*cobra.Command
	cmds = append(cmds, root)
	cmds = append(cmds, root.Commands()...)
	runs := 0
	for _, cmd := range cmds {
		path := strings.Fields(cmd.CommandPath())[1:]
		var flags []*pflag.Flag
		cmd.Flags().VisitAll(func(f *pflag.Flag) { flags = append(flags, f) })
		cmd.InheritedFlags().VisitAll(func(f *pflag.Flag) { flags = append(flags, f) })
		for _, f := range flags {
			if f.Name == "help" || (f.Name == "encrypt" && f.Value.Type() == "bool") {
				continue // help prints help; --encrypt would ask for a passphrase
			}
			values := hostileValues
			if testing.Short() {
				values = values[len(values)-6:]
			}
			for _, v := range values {
				line := append(append(append([]string{}, path...), args[cmd.Name()]...), "--"+f.Name+"="+v)
				if f.Name == "recipient" || f.Name == "identity" {
					line = append(line, "--json") // any flag that makes the command do its work
				}
				runs++
				code, stdout, stderr := runCaught(h, line)
				what := fmt.Sprintf("tend %.120q", strings.Join(line, " "))
				// The doctor exits 1 when it finds anything, by design; notify
				// when the machine has no notifier, as this one may not.
				if code != 0 && code != 2 && !(code == 1 && (namesFile[f.Name] || cmd.Name() == "doctor" || cmd.Name() == "notify")) {
					t.Errorf("%s: exit %d: %.300q", what, code, stderr)
				}
				if n := strings.Count(stderr, "\n"); n > 1 || len(stderr) > maxErrorLine+1 {
					t.Errorf("%s: %d lines, %d bytes on stderr: %.300q", what, n, len(stderr), stderr)
				}
				for _, leak := range leaks {
					if strings.Contains(stderr, leak) || (code != 0 && strings.Contains(stdout, leak)) {
						t.Errorf("%s: %q in %.300q", what, leak, stderr)
					}
				}
			}
		}
	}
	if runs < 100 {
		t.Fatalf("only %d runs: the command tree was not walked", runs)
	}
}

// runCaught runs tend and turns a panic into a failure that names it.
func runCaught(h *harness, args []string) (code int, stdout, stderr string) {
	h.t.Helper()
	var out, errb bytes.Buffer
	defer func() {
		if r := recover(); r != nil {
			h.t.Errorf("tend %.200q panicked: %v", strings.Join(args, " "), r)
			code = -1
		}
	}()
	code = run(append([]string{"--db", h.db}, args...), system{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Environ: h.env,
		Clock:    func() time.Time { return time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC) },
		Entropy:  h.entropy,
		Location: time.UTC,
	})
	return code, out.String(), errb.String()
}
