package main

import (
	"io"

	"github.com/spf13/cobra"
)

type completionOptions struct {
	shell string
}

// newCompletionCmd builds tend completion; a nil runF means
// runCompletion, for the command line the command is part of.
func newCompletionCmd(a *app, runF func(completionOptions) error) *cobra.Command {
	var cmd *cobra.Command
	if runF == nil {
		runF = func(opts completionOptions) error { return runCompletion(cmd.Root(), a.stdout, opts) }
	}
	var opts completionOptions
	cmd = &cobra.Command{
		Use:   "completion bash|zsh|fish",
		Short: "Print a shell completion script",
		Example: `  source <(tend completion bash)
  tend completion zsh > "${fpath[1]}/_tend"
  tend completion fish > ~/.config/fish/completions/tend.fish`,
		ValidArgs: []string{"bash", "zsh", "fish"},
		Args:      exactArgs(1, "one shell: bash, zsh or fish"),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch args[0] {
			case "bash", "zsh", "fish":
				opts.shell = args[0]
				return runF(opts)
			}
			return usageErrorf("unknown shell %q (want bash, zsh or fish)", args[0])
		},
	}
	return cmd
}

// runCompletion writes the completion script of root for the shell.
func runCompletion(root *cobra.Command, w io.Writer, opts completionOptions) error {
	switch opts.shell {
	case "zsh":
		return root.GenZshCompletion(w)
	case "fish":
		return root.GenFishCompletion(w, true)
	}
	return root.GenBashCompletionV2(w, true)
}
