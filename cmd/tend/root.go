package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tend-app/tend/internal/config"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/termtext"
	"github.com/tend-app/tend/internal/when"
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
	Stdin     io.Reader
	Stdout    io.Writer
	Stderr    io.Writer
	Terminals terminals // which of the three are terminals
	Environ   []string
	Clock     func() time.Time // the only clock tend reads
	Location  *time.Location   // where days are counted; time.Local when nil
	Entropy   io.Reader        // randomness for new ids; crypto/rand when nil
}

// terminals says which of the standard streams are terminals. main asks
// the operating system once; tests say it either way. Everything that
// depends on it (the full-screen view, colours, the sanitiser for data, a
// passphrase prompt, a progress bar, a notice that a write waits) asks
// here, not the streams themselves.
type terminals struct{ Stdin, Stdout, Stderr bool }

// run executes tend with the given arguments and returns the exit code. It
// is main without the process: tests call it directly.
func run(args []string, sys system) int {
	a := newApp(sys)
	defer a.close()
	root := newRootCmdFor(a, commandNamed(args))
	root.SetArgs(args)
	root.SetIn(sys.Stdin)
	root.SetOut(sys.Stdout)
	root.SetErr(sys.Stderr)
	err := root.Execute()
	a.flush()
	// Whatever was written stands, whether or not printing it failed.
	a.runHooks()
	if err == nil {
		return exitOK
	}
	if a.store != nil {
		err = a.store.Explain(err) // whatever path an SQLite error took
	}
	fmt.Fprintln(sys.Stderr, "tend: "+errorLine(err))
	return exitCode(err)
}

// echoLimit is how much of what someone typed an error quotes back, in
// characters: enough to recognise it, and a 100 KB argument still gives a
// short line.
const echoLimit = 60

// errorLineLimit bounds the whole error line, whatever built it.
const errorLineLimit = 300

// quoted matches a Go-quoted string (%q) in an error: what it echoes.
// Compiled when an error is first shown, not at every start of tend.
var quoted = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"(?:[^"\\]|\\.)*"`) })

// errorLine is err as the one line the user sees: on one line, safe for a
// terminal, each echoed value cut to echoLimit characters, and the whole
// cut to errorLineLimit.
func errorLine(err error) string {
	line := quoted().ReplaceAllStringFunc(errorText(err), func(q string) string {
		v, uerr := strconv.Unquote(q)
		if uerr != nil || utf8.RuneCountInString(v) <= echoLimit {
			return q
		}
		return strconv.Quote(termtext.Cut(v, echoLimit))
	})
	return termtext.Cut(oneLine(line), errorLineLimit)
}

// errorText is err in words, and where the core says what was not found
// or refused, the command that would put it right: the core names none.
func errorText(err error) string {
	var noOne *domain.NoOneError
	if errors.As(err, &noOne) {
		switch {
		case noOne.MentionedBy != "":
			return err.Error() + fmt.Sprintf(" (to call them that: tend edit %s --alias %s)", quoteArg(domain.OneName(noOne.MentionedBy)), quoteArg(strings.TrimSpace(noOne.Query)))
		case noOne.Addable:
			// Quoted for the shell it will be pasted into, not for Go.
			return err.Error() + fmt.Sprintf(" (add them with: tend add %s)", quoteArg(strings.TrimSpace(noOne.Query)))
		}
	}
	var unknown *domain.UnknownIDError
	switch {
	case errors.As(err, &unknown) && unknown.Kind == "interaction":
		return err.Error() + " (tend history lists them)"
	case errors.As(err, &unknown) && unknown.Kind == "memory":
		return err.Error() + " (tend show NAME lists them)"
	case errors.Is(err, domain.ErrEmptyMemory):
		return err.Error() + " (tend forget removes it)"
	}
	return err.Error()
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
		errors.Is(err, domain.ErrInvalid),
		errors.Is(err, domain.ErrNotFound),
		errors.Is(err, domain.ErrNameTaken):
		return exitUsage
	}
	return exitFailure
}

// oneLine keeps text on one line however it was built (an error, a table
// cell), and safe to show on a terminal.
func oneLine(s string) string {
	return termtext.Line(s)
}

// commands are tend's commands, by name, in the order help lists them.
var commands = []struct {
	name  string
	build func(*app) *cobra.Command
}{
	{"add", func(a *app) *cobra.Command { return newAddCmd(a, nil) }},
	{"log", func(a *app) *cobra.Command { return newLogCmd(a, nil) }},
	{"today", func(a *app) *cobra.Command { return newTodayCmd(a, nil) }},
	{"plan", func(a *app) *cobra.Command { return newPlanCmd(a, nil) }},
	{"list", func(a *app) *cobra.Command { return newListCmd(a, nil) }},
	{"show", func(a *app) *cobra.Command { return newShowCmd(a, nil) }},
	{"edit", func(a *app) *cobra.Command { return newEditCmd(a, nil) }},
	{"remember", func(a *app) *cobra.Command { return newRememberCmd(a, nil) }},
	{"done", func(a *app) *cobra.Command { return newDoneCmd(a, nil) }},
	{"undo", func(a *app) *cobra.Command { return newUndoCmd(a, nil) }},
	{"unlog", func(a *app) *cobra.Command { return newUnlogCmd(a, nil) }},
	{"amend", func(a *app) *cobra.Command { return newAmendCmd(a, nil) }},
	{"forget", func(a *app) *cobra.Command { return newForgetCmd(a, nil) }},
	{"snooze", func(a *app) *cobra.Command { return newSnoozeCmd(a, nil) }},
	{"archive", func(a *app) *cobra.Command { return newArchiveCmd(a, nil) }},
	{"restore", func(a *app) *cobra.Command { return newRestoreCmd(a, nil) }},
	{"rm", func(a *app) *cobra.Command { return newRmCmd(a, nil) }},
	{"history", func(a *app) *cobra.Command { return newHistoryCmd(a, nil) }},
	{"export", func(a *app) *cobra.Command { return newExportCmd(a, nil) }},
	{"import", func(a *app) *cobra.Command { return newImportCmd(a, nil) }},
	{"stats", func(a *app) *cobra.Command { return newStatsCmd(a, nil) }},
	{"backup", func(a *app) *cobra.Command { return newBackupCmd(a, nil) }},
	{"doctor", func(a *app) *cobra.Command { return newDoctorCmd(a, nil) }},
	{"config", func(a *app) *cobra.Command { return newConfigCmd(a, nil) }},
	{"digest", func(a *app) *cobra.Command { return newDigestCmd(a, nil) }},
	{"notify", func(a *app) *cobra.Command { return newNotifyCmd(a, nil) }},
	{"version", func(a *app) *cobra.Command { return newVersionCmd(a, nil) }},
	{"completion", func(a *app) *cobra.Command { return newCompletionCmd(a, nil) }},
}

// allCommands asks newRootCmdFor for every command; noCommand for none.
const (
	allCommands = ""
	noCommand   = "\x00none"
)

// commandNamed is the one command args run, when that is certain without
// the others: building every command and its flags is a fifth of what
// `tend version` costs, and a prompt that runs tend each time pays it.
// Whatever may list, complete or suggest commands (help, completion, a
// name tend does not have, anything unusual before the name) gets all of
// them (allCommands).
func commandNamed(args []string) string {
	for _, arg := range args {
		if arg == "-h" || arg == "--help" {
			return allCommands
		}
	}
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--db" || arg == "--now":
			i++ // their value
		case strings.HasPrefix(arg, "--db=") || strings.HasPrefix(arg, "--now=") || arg == "--no-color":
		case strings.HasPrefix(arg, "-"):
			return allCommands
		default:
			for _, c := range commands {
				if c.name == arg && arg != "completion" {
					return arg
				}
			}
			return allCommands
		}
	}
	return noCommand // tend alone: the TUI or today, from the root command itself
}

func newRootCmd(a *app) *cobra.Command { return newRootCmdFor(a, allCommands) }

// newRootCmdFor builds tend's command line with only the command named, or
// all of them (allCommands), or none (noCommand).
func newRootCmdFor(a *app, only string) *cobra.Command {
	var today todayOptions // tend alone prints today where there is no terminal
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
				return unknownCommand(cmd, args[0])
			}
			return nil
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			a.setUp()
			if err := emptyWhen(cmd); err != nil {
				return err
			}
			return nulInPath(cmd, a)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if a.terminals.Stdout {
				return runTUI(a)
			}
			return runToday(a, today)
		},
	}
	flags := root.PersistentFlags()
	flags.StringVar(&a.dbPath, "db", "", "database file (env TEND_DB; default $XDG_DATA_HOME/tend/tend.db)")
	flags.StringVar(&a.nowFlag, "now", "", "act as if it were this moment: RFC 3339 or YYYY-MM-DD (env TEND_NOW)")
	flags.BoolVar(&a.noColor, "no-color", false, "no colours (also NO_COLOR)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageError{fmt.Errorf("%w (see: %s --help)", plainFlagError(err), cmd.CommandPath())}
	})
	for _, c := range commands {
		if only == allCommands || only == c.name {
			root.AddCommand(c.build(a))
		}
	}
	registerCompletions(a, root)
	addJSONFlag(root, &today.json)
	root.Version = versionLine()
	root.SuggestionsMinimumDistance = 2
	root.SetVersionTemplate("tend {{.Version}}\n")
	root.SetHelpCommand(newHelpCmd(root))
	return root
}

// unknownCommand is the error for a command tend does not have, with the
// commands it may have meant.
func unknownCommand(root *cobra.Command, name string) error {
	if s := root.SuggestionsFor(name); len(s) > 0 {
		return usageErrorf("unknown command %q; did you mean %s? (see: tend --help)", name, orList(s))
	}
	return usageErrorf("unknown command %q (see: tend --help)", name)
}

// orList joins words as "a", "a or b", "a, b or c".
func orList(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// newHelpCmd is cobra's help command, except that help on a command tend
// does not have is an error (exit 2) that says what it may have meant,
// rather than the general help and success.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Help about any command",
		Example: `  tend help
  tend help log`,
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 {
				return unknownCommand(root, strings.Join(args, " "))
			}
			return target.Help()
		},
	}
}

// addJSONFlag gives --json to a command that prints data, kept in the
// command's own options.
func addJSONFlag(cmd *cobra.Command, json *bool) {
	cmd.Flags().BoolVar(json, "json", false, "print JSON for scripts")
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

// plainFlagError says what is wrong with a flag's value in plain words;
// pflag's own message ends in strconv's ("strconv.ParseInt: parsing ...:
// value out of range").
func plainFlagError(err error) error {
	var invalid *pflag.InvalidValueError
	if !errors.As(err, &invalid) {
		return err
	}
	name, value := "--"+invalid.GetFlag().Name, strconv.Quote(termtext.Cut(invalid.GetValue(), echoLimit))
	switch invalid.GetFlag().Value.Type() {
	case "int", "int64", "int32", "uint", "uint64":
		if errors.Is(err, strconv.ErrRange) {
			return fmt.Errorf("%s: %s is far too large a number", name, value)
		}
		return fmt.Errorf("%s: %s is not a whole number", name, value)
	case "bool":
		return fmt.Errorf("%s takes no value, or true or false, not %s", name, value)
	}
	return fmt.Errorf("%s: %s is not a valid value", name, value)
}

// whenFlags take a WHEN; none of them has a meaning when given empty.
var whenFlags = []string{"at", "on", "until", "since", "for"}

// emptyWhen refuses a WHEN flag given as "" (a variable that was not set,
// say): taking it as "not given" would log now, or snooze a week, when
// the user meant something else.
func emptyWhen(cmd *cobra.Command) error {
	for _, name := range whenFlags {
		if name == "on" && cmd.Name() == "remember" && cmd.Flags().Changed("edit") {
			continue // remember --edit ID --on "" takes the day away, as its help says
		}
		f := cmd.Flags().Lookup(name)
		if f != nil && f.Changed && strings.TrimSpace(f.Value.String()) == "" {
			return usageErrorf("--%s is empty: give a day or a time, such as yesterday, 3d or 2026-11-20", name)
		}
	}
	return nil
}

// ahead reads a WHEN that looks ahead (--on, --until), no further than
// when.MaxDays: "9999-12-31" is refused like "99999d", and a day past
// the last year a calendar can hold never reaches a file.
func ahead(flag, s string, now time.Time) (when.Moment, error) {
	m, err := when.Future(s, now)
	if err != nil {
		return when.Moment{}, usageErrorf("--%s: %v", flag, err)
	}
	if m.Time.After(now.AddDate(0, 0, when.MaxDays)) {
		return when.Moment{}, usageErrorf("--%s: %q is too far ahead (at most %d days, about 100 years)", flag, s, when.MaxDays)
	}
	return m, nil
}

// fileFlags name files.
var fileFlags = []string{"db", "output", "identity"}

// nulInPath refuses a file name holding a NUL byte, which no file system
// allows: the system's answer ("invalid argument") says nothing useful.
func nulInPath(cmd *cobra.Command, a *app) error {
	for _, name := range fileFlags {
		if f := cmd.Flags().Lookup(name); f != nil && strings.ContainsRune(f.Value.String(), 0) {
			return usageErrorf("--%s: a file name cannot hold a NUL byte", name)
		}
	}
	if strings.ContainsRune(a.env["TEND_DB"], 0) {
		return usageErrorf("TEND_DB: a file name cannot hold a NUL byte")
	}
	// --db "" (an unset shell variable, --db "$DB") would otherwise read
	// as no --db, and open the default database in silence.
	if f := cmd.Flags().Lookup("db"); f != nil && f.Changed && strings.TrimSpace(f.Value.String()) == "" {
		return usageErrorf("--db is empty: name the database file, or leave --db out for the default")
	}
	return nil
}
