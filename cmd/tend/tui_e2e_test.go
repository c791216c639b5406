package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// tmuxSession runs the built binary in a detached tmux session on a server
// of its own, so that the test never touches the user's tmux.
type tmuxSession struct {
	t      *testing.T
	socket string
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p", "-t", "tend") }

// waitFor polls the screen until it shows text, or fails after a deadline.
func (s *tmuxSession) waitFor(text string) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		screen := s.screen()
		if strings.Contains(screen, text) {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the TUI never showed %q; the screen:\n%s", text, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *tmuxSession) keys(keys ...string) {
	s.tmux(append([]string{"send-keys", "-t", "tend"}, keys...)...)
}
func (s *tmuxSession) text(text string) { s.tmux("send-keys", "-t", "tend", "-l", text) }

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// TestTUIEndToEnd opens the TUI of the built binary in a real terminal
// (tmux), adds a person and logs a call with keystrokes, quits with q, and
// checks the database through tend show --json.
func TestTUIEndToEnd(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; .ci/run installs it")
	}
	bin := tendBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "tend.db")
	exitFile := filepath.Join(dir, "exit")
	s := &tmuxSession{t: t, socket: filepath.Join(dir, "tmux.sock")}

	command := strings.Join([]string{
		"env", "-i", "HOME=" + shellQuote(dir), "TERM=xterm-256color", "TZ=UTC",
		"TEND_NOW=2026-11-24T09:30:00Z", "NO_COLOR=1",
		shellQuote(bin), "--db", shellQuote(db), "2>" + shellQuote(filepath.Join(dir, "stderr")),
		"; echo $? >" + shellQuote(exitFile),
	}, " ")
	s.tmux("new-session", "-d", "-s", "tend", "-x", "80", "-y", "24", command)
	t.Cleanup(func() {
		exec.Command("tmux", "-S", s.socket, "kill-server").Run()
	})

	s.waitFor("Press a to add the first person")
	s.keys("a")
	s.waitFor("Add someone")
	s.text("Ana Lima")
	s.keys("Enter")
	s.waitFor("Added Ana Lima (regular, every 180 days).")
	s.keys("l")
	s.waitFor("Log a conversation with Ana Lima")
	s.keys("Enter") // the defaults: a call, now
	s.waitFor("Logged a call with Ana Lima, today at 09:30.")
	s.keys("q")

	deadline := time.Now().Add(10 * time.Second)
	for {
		code, err := os.ReadFile(exitFile)
		if err == nil {
			if strings.TrimSpace(string(code)) != "0" {
				stderr, _ := os.ReadFile(filepath.Join(dir, "stderr"))
				t.Fatalf("tend exited with %s: %s", strings.TrimSpace(string(code)), stderr)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("q did not quit; the screen:\n%s", s.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}

	b := newBinary(t)
	var shown struct {
		Name         string `json:"name"`
		Interactions []struct {
			Via       string `json:"via"`
			Direction string `json:"direction"`
			At        string `json:"at"`
		} `json:"interactions"`
	}
	out := b.ok("--db", db, "show", "Ana Lima", "--json")
	if err := json.Unmarshal([]byte(out), &shown); err != nil {
		t.Fatalf("show --json: %v\n%s", err, out)
	}
	if shown.Name != "Ana Lima" || len(shown.Interactions) != 1 {
		t.Fatalf("show --json = %s; want Ana Lima with one interaction", out)
	}
	if in := shown.Interactions[0]; in.Via != "call" || in.Direction != "out" || in.At != "2026-11-24T09:30:00Z" {
		t.Errorf("the logged interaction is %+v; want a call out at 2026-11-24T09:30:00Z", in)
	}
}

// TestTUIOnAReadOnlyDatabase: the full-screen view opens a database its
// user may not write (the file, or its folder), reads it, refuses a write
// in its status line, and leaves nothing beside it. Run as root, the
// binary runs as nobody (runuser).
func TestTUIOnAReadOnlyDatabase(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; .ci/run installs it")
	}
	runuser, err := exec.LookPath("runuser")
	if os.Geteuid() != 0 || err != nil {
		t.Skip("needs root and runuser to run the view as another user")
	}
	b := newBinary(t)
	for _, folderToo := range []bool{false, true} {
		dir := t.TempDir()
		for d := dir; d != filepath.Dir(d) && strings.HasPrefix(d, os.TempDir()) && d != os.TempDir(); d = filepath.Dir(d) {
			os.Chmod(d, 0o711)
		}
		data := filepath.Join(dir, "data")
		db := filepath.Join(data, "tend.db")
		b.ok("--db", db, "add", "Ana Lima", "--tier", "inner", "--now", "2026-09-01")
		bin := filepath.Join(dir, "tend")
		if err := copyExecutable(b.path, bin); err != nil {
			t.Fatal(err)
		}
		os.Chmod(db, 0o644)
		if folderToo {
			if err := os.Chown(db, nobody, nobody); err != nil {
				t.Skipf("cannot hand the file to nobody: %v", err)
			}
			os.Chmod(data, 0o755) // root's: nobody may not make files in it
		} else {
			os.Chown(data, nobody, nobody) // nobody's folder, root's file
		}
		s := &tmuxSession{t: t, socket: filepath.Join(dir, "tmux.sock")}
		command := strings.Join([]string{runuser, "-u", "nobody", "--", "env", "-i", "HOME=/tmp", "TERM=xterm-256color", "TZ=UTC",
			"TEND_NOW=2026-11-24T09:30:00Z", "NO_COLOR=1", shellQuote(bin), "--db", shellQuote(db), "; sleep 30"}, " ")
		s.tmux("new-session", "-d", "-s", "tend", "-x", "100", "-y", "24", command)
		s.waitFor("Ana Lima")
		s.keys("l")
		s.waitFor("Log a conversation with Ana Lima")
		s.keys("Enter")
		s.waitFor("cannot write to")
		s.keys("q")
		exec.Command("tmux", "-S", s.socket, "kill-server").Run()
		if entries, _ := os.ReadDir(data); len(entries) != 1 {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("folder too read-only %v: the folder holds %v, want the database alone", folderToo, names)
		}
	}
}
