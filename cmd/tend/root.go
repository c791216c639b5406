package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/config"
	"github.com/tend-app/tend/store"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // I/O, database
	exitUsage   = 2 // bad usage or input
)

// system is what tend takes from the process it runs in. Tests build one
// with buffers, a fixed environment and a clock of their own.
type system struct {
	Stdin      io.Reader
	Stdout     io.Writer
	Stderr     io.Writer
	Environ    []string
	IsTerminal bool             // standard output is a terminal
	Clock      func() time.Time // the only clock tend reads
	Location   *time.Location   // where days are counted; time.Local when nil
	Entropy    io.Reader        // randomness for new ids; crypto/rand when nil
}

// run executes tend with the given arguments and returns the exit code. It
// is main without the process: tests call it directly.
func run(args []string, sys system) int {
	a := newApp(sys)
	defer a.close()
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetIn(sys.Stdin)
	root.SetOut(sys.Stdout)
	root.SetErr(sys.Stderr)
	err := root.Execute()
	// Whatever was written stands, whether or not printing it failed.
	a.runHooks()
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(sys.Stderr, "tend: "+oneLine(err.Error()))
	return exitCode(err)
}

// exitCode decides, in one place, which errors are the user's input (2) and
// which are failures (1).
func exitCode(err error) int {
	var (
		usage    *usageError
		settings *config.Error
	)
	switch {
	case errors.As(err, &usage), errors.As(err, &settings),
		errors.Is(err, store.ErrInvalid),
		errors.Is(err, store.ErrNotFound),
		errors.Is(err, store.ErrNameTaken):
		return exitUsage
	}
	return exitFailure
}

// oneLine keeps text on one line however it was built: an error, a table
// cell.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "tend",
		Short: "Keep in touch with the people who matter",
		Long: `tend keeps the people in your life and remembers when you last really
talked: a call, a video call or meeting in person (a text is only a touch).
It ranks everyone by tier and time since that conversation and tells you the
few people to call today, with the reasons.

With no command, tend opens the TUI when its output is a terminal, and
prints today's suggestions otherwise.`,
		Example: `  tend add "Ana Lima" --tier close --birthday 04-15
  tend log ana                      # a call, now
  tend log ana,ben --via in-person --at yesterday --note "dinner"
  tend today
  tend show ana --json | jq .memories`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErrorf("unknown command %q (see: tend --help)", args[0])
			}
			return nil
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			a.setUp()
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if a.isTerminal {
				return runTUI(a)
			}
			return runToday(a, todayOptions{})
		},
	}
	flags := root.PersistentFlags()
	flags.StringVar(&a.dbPath, "db", "", "database file (env TEND_DB; default $XDG_DATA_HOME/tend/tend.db)")
	flags.StringVar(&a.nowFlag, "now", "", "act as if it were this moment: RFC 3339 or YYYY-MM-DD (env TEND_NOW)")
	flags.BoolVar(&a.noColor, "no-color", false, "no colours (also NO_COLOR)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageError{fmt.Errorf("%w (see: %s --help)", err, cmd.CommandPath())}
	})
	root.AddCommand(
		newAddCmd(a),
		newLogCmd(a),
		newTodayCmd(a),
		newPlanCmd(a),
		newListCmd(a),
		newShowCmd(a),
		newEditCmd(a),
		newRememberCmd(a),
		newDoneCmd(a),
		newSnoozeCmd(a),
		newArchiveCmd(a),
		newRestoreCmd(a),
		newRmCmd(a),
		newHistoryCmd(a),
		newExportCmd(a),
		newImportCmd(a),
		newStatsCmd(a),
		newBackupCmd(a),
		newDoctorCmd(a),
		newConfigCmd(a),
		newDigestCmd(a),
		newNotifyCmd(a),
		newVersionCmd(a),
		newCompletionCmd(a),
	)
	addJSONFlag(a, root)
	return root
}

// addJSONFlag gives --json to a command that prints data.
func addJSONFlag(a *app, cmd *cobra.Command) {
	cmd.Flags().BoolVar(&a.json, "json", false, "print JSON for scripts")
}

// exactArgs is cobra.ExactArgs with a usage error and a plain message.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageErrorf("%s takes %s (see: %s --help)", cmd.CommandPath(), what, cmd.CommandPath())
		}
		return nil
	}
}
