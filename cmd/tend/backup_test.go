package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"github.com/tend-app/tend/internal/seal"
)

// wantMode fails unless path exists with exactly mode.
func wantMode(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Errorf("stat %s: %v, want it to exist", path, err)
		return
	}
	if got := info.Mode().Perm(); got != mode {
		t.Errorf("%s: mode %04o, want %04o", path, got, mode)
	}
}

// noTemporaryFiles fails if a backup left a temporary file in dir.
func noTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(dir, ".tend-backup-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left in %s: %v", dir, left)
	}
}

// peopleIn lists the names in the database file at path, read by tend.
func peopleIn(t *testing.T, path string) []string {
	t.Helper()
	h := &harness{t: t, db: path, env: []string{"TEND_NOW=2026-11-24T09:30:00Z"}}
	var list []struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(h.ok("list", "--json").stdout), &list); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range list {
		names = append(names, p.Name)
	}
	return names
}

func TestBackupNextToTheDatabase(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--note", "exam on Friday")
	h.ok("log", "ana", "--at", "2026-11-20")
	dir := filepath.Dir(h.db)
	want := filepath.Join(dir, "tend-2026-11-24.db")

	r := h.ok("backup")
	if !strings.HasPrefix(r.stdout, "Backed up to "+want+" (") {
		t.Errorf("backup printed %q, want it to name %s", r.stdout, want)
	}
	wantMode(t, want, 0o600)
	noTemporaryFiles(t, dir)
	if got := peopleIn(t, want); len(got) != 1 || got[0] != "Ana Lima" {
		t.Errorf("the backup holds %v, want Ana Lima", got)
	}

	// Never over an existing file without --force.
	before, _ := os.ReadFile(want)
	h.ok("add", "Ben Okafor")
	r = h.run("backup")
	if r.code != exitUsage || !strings.Contains(r.stderr, want+" already exists; add --force") {
		t.Errorf("a second backup: exit %d, stderr %q; want exit 2 asking for --force", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(want); !bytes.Equal(after, before) {
		t.Error("a refused backup changed the existing file")
	}
	h.ok("backup", "--force")
	if got := peopleIn(t, want); len(got) != 2 {
		t.Errorf("after --force the backup holds %v, want both people", got)
	}
	noTemporaryFiles(t, dir)
}

func TestBackupToAFileOrAFolder(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima")
	out := filepath.Join(t.TempDir(), "a folder with spaces")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}

	h.ok("backup", out)
	wantMode(t, filepath.Join(out, "tend-2026-11-24.db"), 0o600)

	file := filepath.Join(out, `it's "mine".db`)
	r := h.ok("backup", file, "--json")
	var got struct {
		File      string `json:"file"`
		Bytes     int64  `json:"bytes"`
		Encrypted bool   `json:"encrypted"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("backup --json printed %q: %v", r.stdout, err)
	}
	info, err := os.Stat(file)
	if err != nil || got.File != file || got.Bytes != info.Size() || got.Encrypted {
		t.Errorf("backup --json = %+v; want file %s, its size, not encrypted", got, file)
	}
	noTemporaryFiles(t, out)
}

func TestBackupRefusals(t *testing.T) {
	h := newHarness(t)
	if r := h.run("backup"); r.code != exitUsage || !strings.Contains(r.stderr, "no database at "+h.db+" yet") {
		t.Errorf("backup with no database: exit %d, stderr %q; want exit 2 saying there is nothing", r.code, r.stderr)
	}
	if _, err := os.Stat(h.db); err == nil {
		t.Error("backup with no database created one")
	}

	h.ok("add", "Ana Lima")
	h.ok("add", "Ben Okafor")
	before := h.snapshot()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"onto the database", []string{"backup", h.db, "--force"}, "is the database's own file"},
		{"two files", []string{"backup", "a.db", "b.db"}, "at most one FILE"},
		{"empty name", []string{"backup", ""}, "FILE name is empty"},
		{"standard output", []string{"backup", "-"}, "not standard output"},
		{"bad recipient", []string{"backup", "--recipient", "AGE-SECRET-KEY-1QQQ"}, "--recipient: not an age public key"},
		{"encrypt without a terminal", []string{"backup", "--encrypt"}, "no terminal to ask for a passphrase on: set TEND_PASSPHRASE"},
		{"into a missing folder", []string{"backup", filepath.Join(t.TempDir(), "nope", "x.db")}, "there is no folder"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := h.run(tc.args...)
			if r.code == 0 || !strings.Contains(r.stderr, tc.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want a failure, one line mentioning %q", r.code, r.stderr, tc.want)
			}
			if secret := "AGE-SECRET-KEY-1QQQ"; strings.Contains(r.stderr, secret) {
				t.Errorf("the error echoes what may be a secret key: %q", r.stderr)
			}
		})
	}
	if after := h.snapshot(); after != before {
		t.Errorf("a refused backup changed the database:\n%s", lineDiff(before, after))
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(h.db), "tend-*")); len(left) != 0 {
		t.Errorf("refused backups left %v", left)
	}
}

func TestBackupEncryptedForAKey(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--note", "her exam on Friday")
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	r := h.ok("backup", "--recipient", id.Recipient().String())
	sealedPath := filepath.Join(filepath.Dir(h.db), "tend-2026-11-24.db.age")
	if !strings.Contains(r.stdout, sealedPath) || !strings.Contains(r.stdout, "encrypted") {
		t.Errorf("backup --recipient printed %q, want %s, encrypted", r.stdout, sealedPath)
	}
	wantMode(t, sealedPath, 0o600)
	noTemporaryFiles(t, filepath.Dir(h.db))
	sealed, err := os.ReadFile(sealedPath)
	if err != nil {
		t.Fatal(err)
	}
	if !seal.IsSealed(sealed) {
		t.Fatalf("the encrypted backup starts %q, want an age header", sealed[:min(len(sealed), 30)])
	}
	for _, plain := range []string{"Ana Lima", "her exam", "SQLite format"} {
		if bytes.Contains(sealed, []byte(plain)) {
			t.Errorf("the encrypted backup holds %q in the clear", plain)
		}
	}

	pr, err := seal.Decrypt(bytes.NewReader(sealed), id)
	if err != nil {
		t.Fatalf("decrypt the backup: %v", err)
	}
	plain, err := io.ReadAll(pr)
	if err != nil {
		t.Fatal(err)
	}
	restored := filepath.Join(t.TempDir(), "restored.db")
	if err := os.WriteFile(restored, plain, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := peopleIn(t, restored); len(got) != 1 || got[0] != "Ana Lima" {
		t.Errorf("the decrypted backup holds %v, want Ana Lima", got)
	}

	other, _ := age.GenerateX25519Identity()
	if _, err := seal.Decrypt(bytes.NewReader(sealed), other); !errors.Is(err, seal.ErrNoKey) {
		t.Errorf("decrypt with another key = %v, want seal.ErrNoKey", err)
	}
}

func TestPassphraseComesFromTheEnvironment(t *testing.T) {
	a := newApp(system{Stdin: strings.NewReader(""), Environ: []string{passphraseEnv + "=open sesame"}})
	if p, err := a.passphrase(true); err != nil || p != "open sesame" {
		t.Errorf("passphrase() with %s set = %q, %v; want its value", passphraseEnv, p, err)
	}
	a = newApp(system{Stdin: strings.NewReader(""), Environ: []string{passphraseEnv + "="}})
	if _, err := a.passphrase(false); err == nil || exitCode(err) != exitUsage {
		t.Errorf("passphrase() with %s empty = %v, want a usage error", passphraseEnv, err)
	}
}

// TestBackupAsksForThePassphrase types the passphrase into the built binary
// in a real terminal (tmux): it is asked twice, never shown, and a mismatch
// writes nothing.
func TestBackupAsksForThePassphrase(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; .ci/run installs it")
	}
	b := newBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "tend.db")
	b.ok("--db", db, "add", "Ana Lima")
	out := filepath.Join(dir, "backup.db.age")

	runs := 0
	run := func(first, second string) (code string, screen string) {
		t.Helper()
		runs++
		exitFile := filepath.Join(dir, fmt.Sprintf("exit%d", runs))
		// A server of its own each time: a new one on the socket of one
		// just killed can find it still closing.
		s := &tmuxSession{t: t, socket: filepath.Join(dir, fmt.Sprintf("tmux%d.sock", runs))}
		command := strings.Join([]string{
			"env", "-i", "HOME=" + shellQuote(dir), "TERM=xterm-256color", "TZ=UTC", "TEND_NOW=2026-11-24T09:30:00Z",
			shellQuote(b.path), "--db", shellQuote(db), "backup", "--encrypt", shellQuote(out),
			"; echo $? >" + shellQuote(exitFile) + "; sleep 60",
		}, " ")
		s.tmux("new-session", "-d", "-s", "tend", "-x", "250", "-y", "10", command)
		defer exec.Command("tmux", "-S", s.socket, "kill-server").Run()
		s.waitFor("Passphrase:")
		s.text(first)
		s.keys("Enter")
		s.waitFor("The same passphrase again:")
		s.text(second)
		s.keys("Enter")
		deadline := time.Now().Add(60 * time.Second) // scrypt takes seconds on a slow machine
		for {
			if c, err := os.ReadFile(exitFile); err == nil && len(c) > 0 {
				return strings.TrimSpace(string(c)), s.screen()
			}
			if time.Now().After(deadline) {
				t.Fatalf("backup --encrypt did not finish; the screen:\n%s", s.screen())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}

	code, screen := run("correct horse", "correct hose")
	if code != "2" || !strings.Contains(screen, "the two passphrases differ") {
		t.Errorf("mismatched passphrases: exit %s; the screen:\n%s\nwant exit 2 saying they differ", code, screen)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("mismatched passphrases wrote a file")
	}

	code, screen = run("correct horse", "correct horse")
	if code != "0" || !strings.Contains(screen, "Backed up to "+out) {
		t.Fatalf("backup --encrypt: exit %s; the screen:\n%s", code, screen)
	}
	if strings.Contains(screen, "correct horse") {
		t.Errorf("the passphrase was shown on the screen:\n%s", screen)
	}
	wantMode(t, out, 0o600)
	sealed, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// Opening it at age's full scrypt cost takes many seconds under -race;
	// seal's tests open passphrase files at a lower cost, and the age tool
	// opens this one.
	if !bytes.HasPrefix(sealed, []byte("age-encryption.org/v1\n-> scrypt ")) || bytes.Contains(sealed, []byte("Ana Lima")) {
		t.Errorf("the backup starts %q, want an age file for a passphrase, with no plain text", sealed[:min(len(sealed), 40)])
	}
}
