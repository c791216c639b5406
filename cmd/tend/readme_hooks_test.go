package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeCalendarHookKeepsTheFileCurrent runs the README's after-change
// hook line that writes the calendar file, as written there, through two
// changes: the second must rewrite the file the first wrote (export -o
// refuses an existing file without --force).
func TestReadmeCalendarHookKeepsTheFileCurrent(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`(?m)^tend export ics --plan .*-o ~/calendars/tend\.ics$`).Find(readme)
	if line == nil {
		t.Fatal("README has no after-change hook line writing ~/calendars/tend.ics")
	}
	b := newBinary(t)
	home := strings.TrimPrefix(b.env[0], "HOME=")
	hooks := filepath.Join(home, ".config", "tend", "hooks")
	for _, dir := range []string{hooks, filepath.Join(home, "calendars"), filepath.Join(home, "bin")} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	// The hook runs "tend" from PATH: this build.
	if err := os.Symlink(b.path, filepath.Join(home, "bin", "tend")); err != nil {
		t.Fatal(err)
	}
	for i, e := range b.env {
		if strings.HasPrefix(e, "PATH=") {
			b.env[i] = "PATH=" + filepath.Join(home, "bin") + ":" + strings.TrimPrefix(e, "PATH=")
		}
	}
	if err := os.WriteFile(filepath.Join(hooks, "after-change"), []byte("#!/bin/sh\n"+string(line)+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	ics := filepath.Join(home, "calendars", "tend.ics")
	b.ok("add", "Ana Lima", "--tier", "close", "--birthday", "11-27")
	first, err := os.ReadFile(ics)
	if err != nil {
		t.Fatalf("the hook wrote no calendar after the first change: %v", err)
	}
	if _, stderr, code := b.run("add", "Ben Okafor", "--tier", "inner", "--birthday", "11-28"); code != 0 || strings.Contains(stderr, "hook") {
		t.Errorf("the second change: exit %d, stderr %q; want the hook to rewrite the file", code, stderr)
	}
	second, _ := os.ReadFile(ics)
	if string(second) == string(first) || !strings.Contains(string(second), "Ben Okafor") {
		t.Errorf("the calendar was not rewritten after the second change:\n%s", second)
	}
}
