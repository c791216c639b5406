package main

import (
	"testing"
)

func TestCommandNamed(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, noCommand},
		{[]string{"--db", "x.db"}, noCommand},
		{[]string{"--no-color", "--now=2026-01-01"}, noCommand},
		{[]string{"version"}, "version"},
		{[]string{"today", "--json"}, "today"},
		{[]string{"--db", "today", "list"}, "list"}, // a database called today
		{[]string{"--db=x.db", "--now", "2026-01-01", "log", "ana"}, "log"},
		{[]string{"log", "--help"}, allCommands},
		{[]string{"-h"}, allCommands},
		{[]string{"help", "log"}, allCommands},
		{[]string{"completion", "bash"}, allCommands},
		{[]string{"__complete", "lo"}, allCommands},
		{[]string{"lgo"}, allCommands}, // suggestions need every name
		{[]string{"--json", "today"}, allCommands},
		{[]string{"--version"}, allCommands},
		{[]string{"--", "log"}, allCommands},
	} {
		if got := commandNamed(tc.args); got != tc.want {
			t.Errorf("commandNamed(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

// TestCommandsAreNamedAsBuilt: a command is found by the name it is built
// with, and built alone it is the command the whole tree holds.
func TestCommandsAreNamedAsBuilt(t *testing.T) {
	all := newRootCmd(newApp(system{}))
	for _, c := range commands {
		alone := newRootCmdFor(newApp(system{}), c.name)
		var found int
		for _, sub := range alone.Commands() {
			if sub.Name() == c.name {
				found++
			}
		}
		if found != 1 {
			t.Errorf("built alone, %q gives %d commands of that name", c.name, found)
			continue
		}
		whole, _, err := all.Find([]string{c.name})
		if err != nil || whole.Name() != c.name {
			t.Errorf("the whole tree has no command %q: %v", c.name, err)
			continue
		}
		single, _, _ := alone.Find([]string{c.name})
		if single.UsageString() != whole.UsageString() {
			t.Errorf("%s built alone reads differently:\n%s\nin the whole tree:\n%s", c.name, single.UsageString(), whole.UsageString())
		}
	}
	if len(all.Commands()) != len(commands) {
		t.Errorf("the tree has %d commands, the table %d", len(all.Commands()), len(commands))
	}
}
