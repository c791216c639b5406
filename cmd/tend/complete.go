package main

import (
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/words"
)

// The completions the shell scripts of tend completion ask for. They read
// the database, and say nothing when it cannot be opened: a completion
// must never print an error into the command line being typed.

// registerCompletions gives the commands under root their completions:
// names (and aliases) for NAME arguments, channels for --via, tiers for
// --tier, open memories for done.
func registerCompletions(a *app, root *cobra.Command) {
	names := completeNames(a)
	for _, c := range root.Commands() {
		switch c.Name() {
		case "log":
			c.ValidArgsFunction = names
		case "show", "edit", "snooze", "archive", "restore", "rm", "remember", "history":
			c.ValidArgsFunction = completeOneName(a)
		}
		for flag, fn := range map[string]cobra.CompletionFunc{
			"via": completeChannels, "tier": completeTiers, "with": names, "without": names,
		} {
			if c.Flags().Lookup(flag) != nil {
				c.RegisterFlagCompletionFunc(flag, fn) // only fails for an unknown flag, looked up just above
			}
		}
	}
}

// completionCore opens the database for a completion, or returns nil: a
// completion never creates the database, nor says why it cannot read it.
func completionCore(a *app) *core.Core {
	path, err := a.DBPath()
	if err != nil {
		return nil
	}
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	c, err := a.UnrankedCore()
	if err != nil {
		return nil
	}
	return c
}

// completeNames offers active people's names and aliases; after a comma
// (log ana,b<TAB>) it completes the last name of the list.
func completeNames(a *app) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		c := completionCore(a)
		if c == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		people, err := c.Candidates(a.ctx(), false)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		head := ""
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			head, toComplete = toComplete[:i+1], toComplete[i+1:]
		}
		want := domain.Fold(toComplete)
		var out []cobra.Completion
		offer := func(name, what string) {
			if strings.HasPrefix(domain.Fold(name), want) && !strings.ContainsAny(name, "\t\n") {
				out = append(out, cobra.CompletionWithDesc(head+name, what))
			}
		}
		for _, c := range people {
			offer(c.Name, "")
			for _, alias := range c.Aliases {
				offer(alias, "alias of "+c.Name)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeOneName offers names for a command that takes one NAME.
func completeOneName(a *app) cobra.CompletionFunc {
	names := completeNames(a)
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return names(cmd, args, toComplete)
	}
}

// completeOpenMemories offers the ids of open memories, with their text
// and whose they are, for done.
func completeOpenMemories(a *app) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		c := completionCore(a)
		if c == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		people, err := c.Candidates(a.ctx(), false)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, p := range people {
			open, err := c.OpenMemories(a.ctx(), p.ID)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			for _, m := range open {
				if strings.HasPrefix(strings.ToUpper(m.ID), strings.ToUpper(toComplete)) {
					out = append(out, cobra.CompletionWithDesc(m.ID, oneLine(p.Name+": "+clipArg(m.Text))))
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeChannels offers the channels, real conversations first.
func completeChannels(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	for _, c := range cadence.Channels() {
		what := "a touch"
		if c.Real() {
			what = "a real conversation"
		}
		out = append(out, cobra.CompletionWithDesc(string(c), what))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeTiers offers the tiers with their rhythm.
func completeTiers(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var out []cobra.Completion
	for _, t := range cadence.Tiers() {
		out = append(out, cobra.CompletionWithDesc(string(t), words.Every(t.Every())))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// clipArg shortens what the user typed for quoting it back.
func clipArg(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
