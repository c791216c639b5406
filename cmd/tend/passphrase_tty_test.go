package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestCtrlCAtThePassphraseRestoresEcho presses Ctrl-C at the passphrase
// prompt in a real terminal (tmux) and checks, with stty, that the
// terminal echoes again afterwards.
func TestCtrlCAtThePassphraseRestoresEcho(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; .ci/run installs it")
	}
	bin := tendBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "tend.db")
	b := &binary{t: t, path: bin, env: []string{"HOME=" + dir, "TEND_NOW=2026-11-24T09:30:00Z"}}
	b.ok("--db", db, "add", "Ana Lima")
	stty := filepath.Join(dir, "stty")
	s := &tmuxSession{t: t, socket: filepath.Join(dir, "tmux.sock")}
	// The shell traps SIGINT so that it lives on to run stty after tend.
	script := "trap : INT; " + shellQuote(bin) + " --db " + shellQuote(db) + " backup --encrypt 2>&1 | tee " + shellQuote(filepath.Join(dir, "log")) + "; stty -a > " + shellQuote(stty+".tmp") + "; mv " + shellQuote(stty+".tmp") + " " + shellQuote(stty)
	command := "env -i HOME=" + shellQuote(dir) + " TERM=xterm TEND_NOW=2026-11-24T09:30:00Z sh -c " + shellQuote(script)
	s.tmux("new-session", "-d", "-s", "tend", "-x", "80", "-y", "24", command)
	t.Cleanup(func() { exec.Command("tmux", "-S", s.socket, "kill-server").Run() })
	// The prompt is waited for in tend's own output: the tmux server may
	// not answer yet in the first moments.
	waitFile(t, filepath.Join(dir, "log"), "Passphrase:")
	s.keys("C-c")
	waitFile(t, stty, "")
	out, _ := os.ReadFile(stty)
	if regexp.MustCompile(`(^|\s)-echo(\s|$)`).Match(out) || !regexp.MustCompile(`(^|\s)echo(\s|$)`).Match(out) {
		t.Errorf("after Ctrl-C at the passphrase prompt the terminal does not echo:\n%s", out)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*.age")); len(left) != 0 {
		t.Errorf("an interrupted backup wrote %v", left)
	}
}

// waitFile polls until the file at path exists and holds text, or fails
// after a deadline.
func waitFile(t *testing.T, path, text string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if b, err := os.ReadFile(path); err == nil && strings.Contains(string(b), text) {
			return
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(path)
			t.Fatalf("%s never held %q; it holds %q", path, text, b)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
