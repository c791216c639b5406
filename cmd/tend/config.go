package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/config"
	"github.com/tend-app/tend/internal/domain"
)

// Settings reads the settings file once per command. A file tend cannot
// use is an error: tend refuses to guess what was meant.
func (a *app) Settings() (config.Settings, error) {
	if a.settings != nil {
		return *a.settings, nil
	}
	s, err := config.Load(config.Path(func(k string) string { return a.env[k] }))
	if err != nil {
		return config.Settings{}, err
	}
	a.settings = &s
	return s, nil
}

// Rules are the cadence's rules under the settings.
func (a *app) Rules() (cadence.Rules, error) {
	s, err := a.Settings()
	return s.Rules, err
}

// rhythm is the number of days the rules give p between real
// conversations: their own, their tags', or their tier's.
func rhythm(rules cadence.Rules, p domain.Person) int {
	days, _ := rules.Rhythm(cadence.Person{Tier: p.Tier, Every: p.Every, Tags: p.Tags})
	return days
}

type configOptions struct {
	json bool
}

// newConfigCmd builds tend config; a nil runF means runConfig.
func newConfigCmd(a *app, runF func(configOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts configOptions) error { return runConfig(a, opts) }
	}
	var opts configOptions
	cmd := &cobra.Command{
		Use:   "config",
		Short: "The settings in force, and where each comes from",
		Long: `Print the settings in force and where each comes from: the default, or
the settings file, $XDG_CONFIG_HOME/tend/config.toml (else
~/.config/tend/config.toml; TEND_CONFIG names another file).

The file is TOML, every key optional:

  limit = 5              # how many people today suggests
  quiet_days = 2         # days someone is left in peace after any contact
  days_ahead = 3         # days ahead a birthday or date moves someone up
  week_starts = "monday" # the first day of the week (digest --week)
  region = "GB"          # the default phone region, a country code

  [tiers.inner]          # and close, regular, outer
  every = "7d"           # the tier's rhythm, in quotes: "14", "14d" or "2w"
  guideline = 5          # how many people the tier is meant to hold

  [tags]                 # rhythms by tag: someone's own --every wins
  family = "14d"         # over their tags, their tags over their tier

A key tend does not know, or a value it cannot use, is an error that names
the line and the key, and every command that reads the settings refuses to
run until it is fixed. Of several tags with a rhythm, the shortest wins.`,
		Example: `  tend config
  tend config --json | jq -r '.settings[] | select(.from == "file") | .key'`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error { return runF(opts) },
	}
	addJSONFlag(cmd, &opts.json)
	return cmd
}

type settingJSON struct {
	Key   string `json:"key"`
	Value any    `json:"value"`
	From  string `json:"from"`
}

func runConfig(a *app, opts configOptions) error {
	s, err := a.Settings()
	if err != nil {
		return err
	}
	entries := s.Entries()
	if opts.json {
		out := struct {
			File     string        `json:"file"`
			Found    bool          `json:"found"`
			Settings []settingJSON `json:"settings"`
		}{File: s.File, Found: s.Found, Settings: []settingJSON{}}
		for _, e := range entries {
			out.Settings = append(out.Settings, settingJSON{Key: e.Key, Value: e.Value, From: e.From})
		}
		return a.printJSON(out)
	}
	var b strings.Builder
	switch {
	case s.Found:
		fmt.Fprintf(&b, "Settings from %s\n\n", oneLine(s.File))
	case s.File == "":
		b.WriteString("No settings file (set TEND_CONFIG, XDG_CONFIG_HOME or HOME): every setting is the default.\n\n")
	default:
		fmt.Fprintf(&b, "No settings file at %s: every setting is the default.\n\n", oneLine(s.File))
	}
	t := newTable("KEY", "VALUE", "FROM")
	for _, e := range entries {
		v := fmt.Sprint(e.Value)
		if v == "" {
			v = "(none)"
		}
		t.add(e.Key, v, e.From)
	}
	b.WriteString(t.String())
	_, err = fmt.Fprint(a.out, b.String())
	return err
}
