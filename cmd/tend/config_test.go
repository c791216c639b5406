package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeConfig writes the settings file where tend looks for it under the
// harness's HOME, and returns its path.
func writeConfig(h *harness, text string) string {
	h.t.Helper()
	home := strings.TrimPrefix(h.env[0], "HOME=")
	path := filepath.Join(home, ".config", "tend", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		h.t.Fatal(err)
	}
	return path
}

// TestConfig shows the settings in force, and that every command follows
// them: a person's own rhythm over their tags', their tags' over their
// tier's, and today's limit.
func TestConfig(t *testing.T) {
	h := newHarness(t)
	h.ok("config")
	writeConfig(h, `limit = 2
quiet_days = 1
days_ahead = 5

[tiers.close]
every = "21d"
guideline = 12

[tags]
Family = "14d"
work = "60d"
`)
	h.ok("config")
	h.ok("config", "--json")
	h.ok("add", "Ana Lima", "--tier", "close", "--now", "2026-09-01")
	h.ok("add", "Ben Okafor", "--tier", "close", "--tag", "family", "--now", "2026-09-01")
	h.ok("add", "Chloé Martin", "--tier", "close", "--tag", "family", "--every", "45d", "--now", "2026-09-01")
	h.ok("add", "Dev Patel", "--tier", "close", "--tag", "work", "--tag", "family", "--now", "2026-09-01")
	h.ok("add", "Eli Cohen", "--birthday", "11-29", "--now", "2026-09-01")
	h.ok("log", "ana", "--at", "2026-11-01")
	h.ok("log", "ben", "--at", "2026-11-08")
	h.ok("log", "chloé", "--at", "2026-11-01")
	h.ok("log", "dev", "--at", "2026-11-08")
	h.ok("log", "eli", "--at", "2026-11-22") // two days ago: more than quiet_days
	h.ok("list")
	h.ok("today")
	h.ok("today", "--limit", "5")
	h.ok("plan", "--days", "2")
	h.ok("stats")
	home := strings.TrimPrefix(h.env[0], "HOME=")
	compareGolden(t, "config", strings.ReplaceAll(h.transcript.String(), home, "$HOME"))
}

func TestConfigRefused(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima")
	for _, tc := range []struct{ file, want string }{
		{"limit = 5\nlimt = 3\n", "config.toml line 2: limt: unknown key"},
		{"[tiers.close]\nevery = 14\n", "config.toml line 2: tiers.close.every: want a rhythm in quotes"},
		{"[tags]\nfamily = \"fortnightly\"\n", "config.toml line 2: tags.family: \"fortnightly\" is not a number of days"},
	} {
		writeConfig(h, tc.file)
		for _, args := range [][]string{{"today"}, {"config"}, {"add", "Ben Okafor"}} {
			r := h.run(args...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("tend %s with %q: exit %d, stderr %q; want exit 2 and one line holding %q", strings.Join(args, " "), tc.file, r.code, r.stderr, tc.want)
			}
		}
	}
	// Nothing was added while the file was refused.
	os.Remove(writeConfig(h, ""))
	if r := h.ok("list"); strings.Contains(r.stdout, "Ben") {
		t.Errorf("a refused add wrote:\n%s", r.stdout)
	}
	// TEND_CONFIG points elsewhere.
	other := filepath.Join(t.TempDir(), "other.toml")
	if err := os.WriteFile(other, []byte("limit = 9\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.env = append(h.env, "TEND_CONFIG="+other)
	if r := h.ok("config"); !strings.Contains(r.stdout, other) || !strings.Contains(r.stdout, "limit") || !strings.Contains(r.stdout, "9 ") {
		t.Errorf("TEND_CONFIG: %s", r.stdout)
	}
}

// TestEveryFigureFollowsTheSettings: how due someone is reads the same in
// list, show and the CSV export when a settings file changes their
// tier's rhythm (the export once used the defaults).
func TestEveryFigureFollowsTheSettings(t *testing.T) {
	h := newHarness(t)
	writeConfig(h, "[tiers.close]\nevery = \"7d\"\n")
	h.ok("add", "Ana Lima", "--tier", "close", "--now", "2026-09-01")
	h.ok("log", "ana", "--at", "2026-11-10")
	list := h.ok("list", "--json").stdout
	if !strings.Contains(list, `"due_ratio": 2,`) {
		t.Fatalf("list --json under close every 7 days, 14 days on:\n%s", list)
	}
	csv := h.ok("export", "csv").stdout
	if !strings.Contains(csv, ",14,2.00,true,") {
		t.Errorf("export csv does not say 14 days, 2.00 and due:\n%s", csv)
	}
	if show := h.ok("show", "ana", "--json").stdout; !strings.Contains(show, `"due_ratio": 2,`) {
		t.Errorf("show --json:\n%s", show)
	}
}
