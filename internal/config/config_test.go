package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
)

const everyKey = `# every key tend reads
limit = 7
quiet_days = 3
days_ahead = 5
week_starts = "Sunday"
region = "pt"

[tiers.inner]
every = "10d"
guideline = 4

[tiers.close]
every = "3w"
guideline = 12

[tiers.regular]
every = "60d"
guideline = 40

[tiers.outer]
every = "200"
guideline = 120

[tags]
Family = "14d"
"book club" = "2w"
`

func TestEveryKey(t *testing.T) {
	s, err := Parse("config.toml", []byte(everyKey))
	if err != nil {
		t.Fatal(err)
	}
	r := s.Rules
	checks := []struct {
		name      string
		got, want any
	}{
		{"limit", r.Limit, 7},
		{"quiet_days", r.QuietDays, 3},
		{"days_ahead", r.SoonDays, 5},
		{"week_starts", s.WeekStart, time.Sunday},
		{"region", s.Region, "PT"},
		{"inner every", r.TierEvery(cadence.Inner), 10},
		{"inner guideline", r.TierGuideline(cadence.Inner), 4},
		{"close every", r.TierEvery(cadence.Close), 21},
		{"close guideline", r.TierGuideline(cadence.Close), 12},
		{"regular every", r.TierEvery(cadence.Regular), 60},
		{"regular guideline", r.TierGuideline(cadence.Regular), 40},
		{"outer every", r.TierEvery(cadence.Outer), 200},
		{"outer guideline", r.TierGuideline(cadence.Outer), 120},
		{"tag family (folded)", r.TagEvery["family"], 14},
		{"tag book club", r.TagEvery["book club"], 14},
		{"tags", len(r.TagEvery), 2},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v; want %v", c.name, c.got, c.want)
		}
	}
	for _, e := range s.Entries() {
		if e.From != "file" {
			t.Errorf("%s comes from %s; want file", e.Key, e.From)
		}
	}
}

func TestDefaults(t *testing.T) {
	s, err := Load(filepath.Join(t.TempDir(), "none.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Found {
		t.Error("a missing file is found")
	}
	d := cadence.DefaultRules()
	if s.Rules.Limit != d.Limit || s.Rules.QuietDays != d.QuietDays || s.Rules.SoonDays != d.SoonDays || s.WeekStart != time.Monday || s.Region != "" {
		t.Errorf("defaults: %+v", s)
	}
	entries := s.Entries()
	if len(entries) != 13 {
		t.Errorf("%d entries; want 13", len(entries))
	}
	for _, e := range entries {
		if e.From != "default" {
			t.Errorf("%s comes from %s; want default", e.Key, e.From)
		}
	}
}

func TestByteOrderMark(t *testing.T) {
	s, err := Parse("c.toml", []byte("\uFEFFlimit = 3\n"))
	if err != nil || s.Rules.Limit != 3 {
		t.Errorf("a file that starts with a byte-order mark: limit %d, %v", s.Rules.Limit, err)
	}
}

func TestPartlySet(t *testing.T) {
	s, err := Parse("c.toml", []byte("[tiers.close]\nevery = \"21d\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	from := map[string]string{}
	for _, e := range s.Entries() {
		from[e.Key] = e.From
	}
	if from["tiers.close.every"] != "file" || from["tiers.close.guideline"] != "default" || from["limit"] != "default" {
		t.Errorf("sources: %v", from)
	}
	if s.Rules.TierEvery(cadence.Close) != 21 || s.Rules.TierGuideline(cadence.Close) != 10 {
		t.Errorf("close: every %d, guideline %d; want 21 and 10", s.Rules.TierEvery(cadence.Close), s.Rules.TierGuideline(cadence.Close))
	}
}

func TestBadFiles(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"unknown key", "limit = 5\nlimt = 6\n", "c.toml line 2: limt: unknown key"},
		{"unknown key in a tier", "[tiers.inner]\nevery = \"7d\"\nevry = \"8d\"\n", "c.toml line 3: tiers.inner.evry: unknown key"},
		{"unknown tier", "[tiers.boss]\nevery = \"7d\"\n", "c.toml line 1: tiers.boss: unknown key"},
		{"a word for a number", "limit = \"five\"\n", "c.toml line 1: limit: want a whole number"},
		{"a number for a rhythm", "[tiers.close]\nevery = 14\n", "c.toml line 2: tiers.close.every: want a rhythm in quotes"},
		{"a number for a tag", "[tags]\nfamily = 14\n", "c.toml line 2: tags.family: want a rhythm in quotes"},
		{"limit zero", "limit = 0\n", "c.toml line 1: limit: 0 is out of range (want 1 to 100)"},
		{"negative quiet days", "\nquiet_days = -1\n", "c.toml line 2: quiet_days: -1 is out of range (want 0 to 30)"},
		{"days ahead too far", "days_ahead = 400\n", "c.toml line 1: days_ahead: 400 is out of range (want 0 to 30)"},
		{"guideline zero", "[tiers.outer]\nguideline = 0\n", "c.toml line 2: tiers.outer.guideline: 0 is out of range"},
		{"a rhythm that is not", "[tiers.inner]\nevery = \"weekly\"\n", "c.toml line 2: tiers.inner.every: \"weekly\" is not a number of days"},
		{"an empty rhythm", "[tags]\nfamily = \"\"\n", "c.toml line 2: tags.family: empty"},
		{"a rhythm too long", "[tags]\nfamily = \"9999d\"\n", "c.toml line 2: tags.family: \"9999d\" must be between 1 and 3660 days"},
		{"a tag twice", "[tags]\nfamily = \"7d\"\nFamily = \"8d\"\n", "c.toml line 3: tags.Family: set twice: tags.family on line 2 and tags.Family on line 3"},
		{"a tag twice, once with spaces", "[tags]\nfamily = \"7d\"\n\" family\" = \"8d\"\n", "the tag \"family\" is set twice"},
		{"a key in two cases", "limit = 5\nLIMIT = 3\n", "c.toml line 2: LIMIT: set twice: limit on line 1 and LIMIT on line 2"},
		{"a tier in two cases", "[tiers.close]\nevery = \"3d\"\n[tiers.Close]\nevery = \"9d\"\n", "set twice: tiers.close.every on line 2 and tiers.Close.every on line 4"},
		{"a table in two cases", "[TAGS]\nfamily = \"3d\"\n[tags]\nfamily = \"5d\"\n", "c.toml line 4: tags.family: set twice: TAGS.family on line 2 and tags.family on line 4"},
		{"a tag without a name", "[tags]\n\" \" = \"7d\"\n", "c.toml line 2: tags.\" \": a tag needs a name"},
		{"a weekday abbreviated", "week_starts = \"mon\"\n", "c.toml line 1: week_starts: \"mon\" is not a day of the week"},
		{"UK", "region = \"UK\"\n", "c.toml line 1: region: \"UK\" is not a region code; the United Kingdom is \"GB\""},
		{"not a country", "region = \"ZZ\"\n", "c.toml line 1: region: \"ZZ\" is not a country code"},
		{"a key twice", "limit = 5\nlimit = 6\n", "c.toml line 2: limit: key limit is already defined"},
		{"not TOML", "limit =\n", "c.toml line 1: unexpected character"},
		{"an inline table", "tiers = { inner = { every = \"x\" } }\n", "c.toml line 1: tiers.inner.every: \"x\" is not a number of days"},
		{"a key over two lines", "[tags]\n\"a\\nb\" = \"x\"\n", "c.toml line 2: tags.\"a\\nb\": \"x\" is not a number of days"},
		{"an array of tables", "[[tags]]\na = \"1d\"\n", "c.toml line 1: tags: want a table"},
		{"a number too large", "limit = 99999999999999999999\n", "c.toml line 1: limit: "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("c.toml", []byte(tc.doc))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T); want a *config.Error", err, err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, tc.want) && !strings.Contains(msg, tc.want) {
				t.Errorf("error %q; want it to hold %q", msg, tc.want)
			}
			if strings.Contains(err.Error(), "struct") || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q speaks of Go or takes more than a line", err)
			}
		})
	}
}

func TestPath(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		name string
		env  func(string) string
		want string
	}{
		{"TEND_CONFIG first", env("TEND_CONFIG", "/x/c.toml", "XDG_CONFIG_HOME", "/cfg", "HOME", "/home/u"), "/x/c.toml"},
		{"XDG_CONFIG_HOME", env("XDG_CONFIG_HOME", "/cfg", "HOME", "/home/u"), "/cfg/tend/config.toml"},
		{"a relative XDG_CONFIG_HOME is ignored", env("XDG_CONFIG_HOME", "cfg", "HOME", "/home/u"), "/home/u/.config/tend/config.toml"},
		{"HOME", env("HOME", "/home/u"), "/home/u/.config/tend/config.toml"},
	}
	for _, tc := range tests {
		if got := Path(tc.env); got != tc.want {
			t.Errorf("%s: %q; want %q", tc.name, got, tc.want)
		}
	}
	if got := Path(env()); got != "" {
		t.Errorf("no HOME: %q; want none", got)
	}
	if s, err := Load(""); err != nil || s.Found {
		t.Errorf("Load of no file: %+v, %v; want the defaults", s, err)
	}
	if got := HooksDir("/cfg/tend/config.toml"); got != "/cfg/tend/hooks" {
		t.Errorf("HooksDir = %q", got)
	}
}

func TestLoadUnreadable(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir); err == nil { // a folder, not a file
		t.Error("reading a folder: no error")
	}
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte("limit = 3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Load(path)
	if err != nil || !s.Found || s.Rules.Limit != 3 {
		t.Errorf("Load: %+v, %v; want limit 3", s, err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, []byte(strings.Repeat("# a comment\n", 100_000)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "larger than 1 MB") {
		t.Errorf("Load of 1.2 MB = %v, want it refused", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(everyKey))
	f.Add([]byte("limit =\n"))
	f.Add([]byte("tiers = { inner = { every = \"x\" } }\n"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		s, err := Parse("c.toml", doc)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error over more than a line: %q", err)
			}
			return
		}
		if s.Rules.Limit < 1 || s.Rules.SoonDays < 0 || s.Rules.QuietDays < 0 {
			t.Errorf("accepted %+v", s.Rules)
		}
	})
}
