package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/procgroup"
)

// notifyTimeout is how long a notifier may take before tend gives up on it.
const notifyTimeout = 10 * time.Second

// A notifier is a program that shows a desktop notification, and how to
// give it a title and a text: always as arguments of their own, never inside
// a script or a shell line.
type notifier struct {
	name string
	args func(title, text string) []string
}

var notifiers = map[string]notifier{
	"notify-send": {"notify-send", func(title, text string) []string {
		// The desktop's notification servers read the body as markup:
		// a name holding "<b>" or "AT&T" is text.
		return []string{"--app-name=tend", "--", title, markupEscaper.Replace(text)}
	}},
	// The script is fixed; the title and the text arrive as argv.
	"osascript": {"osascript", func(title, text string) []string {
		return []string{"-e", "on run argv", "-e", "display notification (item 2 of argv) with title (item 1 of argv)", "-e", "end run", title, text}
	}},
	"termux-notification": {"termux-notification", func(title, text string) []string {
		return []string{"--title", title, "--content", text}
	}},
}

// markupEscaper writes text for the body markup of freedesktop
// notifications.
var markupEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// notifierOrder is the order the notifiers are looked for on goos: the
// system's own first.
func notifierOrder(goos string) []string {
	switch goos {
	case "darwin":
		return []string{"osascript", "notify-send", "termux-notification"}
	case "android":
		return []string{"termux-notification", "notify-send", "osascript"}
	}
	return []string{"notify-send", "termux-notification", "osascript"}
}

// errNoNotifier says what would work when no notifier is on PATH.
var errNoNotifier = errors.New("no notifier on PATH: tend uses notify-send on Linux (from libnotify), osascript on macOS or termux-notification on Android (from Termux:API)")

type notifyOptions struct {
	json bool
}

// newNotifyCmd builds tend notify; a nil runF means runNotify.
func newNotifyCmd(a *app, runF func(notifyOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts notifyOptions) error { return runNotify(a, opts) }
	}
	var opts notifyOptions
	cmd := &cobra.Command{
		Use:   "notify",
		Short: "Send today's line as a desktop notification",
		Long: `Send the line of tend today --brief as a desktop notification, through
the program the system has for it, found on PATH: notify-send on Linux,
osascript on macOS, termux-notification on Android. When no one is due
and nothing is to be remembered, nothing is sent.

tend runs the program itself, with the text as an argument of its own:
no shell reads it. A notifier that fails is an error (exit 1).`,
		Example: `  tend notify
  # every morning at nine, from crontab -e (a desktop session needs DISPLAY or
  # DBUS_SESSION_BUS_ADDRESS in cron's environment):
  0 9 * * * tend notify`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error { return runF(opts) },
	}
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runNotify(a *app, opts notifyOptions) error {
	// The line first: a bad --now is bad input whatever the machine has.
	line, err := todayBrief(a)
	if err != nil {
		return err
	}
	tool, path, err := findNotifier(a.env["PATH"], runtime.GOOS)
	if err != nil {
		return err
	}
	if line != "" {
		if err := sendNotification(a, tool, path, "tend", line); err != nil {
			return err
		}
	}
	if opts.json {
		return a.printJSON(map[string]any{"sent": line != "", "tool": tool.name, "text": line})
	}
	return nil
}

// findNotifier finds the first notifier on the PATH given, in goos's order.
func findNotifier(pathList, goos string) (notifier, string, error) {
	for _, name := range notifierOrder(goos) {
		if p := lookPath(pathList, name); p != "" {
			return notifiers[name], p, nil
		}
	}
	return notifier{}, "", errNoNotifier
}

// lookPath finds an executable file named name in the folders of pathList,
// as exec.LookPath does with the process's own PATH; tend looks in the
// PATH of the environment it was given. Relative folders are passed over.
func lookPath(pathList, name string) string {
	for _, dir := range filepath.SplitList(pathList) {
		if dir == "" || !filepath.IsAbs(dir) {
			continue
		}
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
			return p
		}
	}
	return ""
}

func sendNotification(a *app, tool notifier, path, title, text string) error {
	ctx, cancel := context.WithTimeout(a.ctx(), notifyTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, tool.args(title, text)...)
	procgroup.Own(cmd) // stopped, it stops what it started too
	cmd.Env = a.environ()
	cmd.Stdin = nil
	cmd.Stdout = io.Discard
	var stderr limitedBuffer
	cmd.Stderr = &stderr
	cmd.WaitDelay = time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("%s did not finish within %s", tool.name, notifyTimeout)
		}
		if msg := stderr.String(); msg != "" {
			return fmt.Errorf("%s failed (%v): %s", tool.name, err, oneLine(msg))
		}
		return fmt.Errorf("%s failed: %v", tool.name, err)
	}
	return nil
}

// limitedBuffer keeps the first few hundred bytes written to it: enough of
// a program's complaint for one line.
type limitedBuffer struct{ b []byte }

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := 300 - len(l.b); room > 0 {
		l.b = append(l.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (l *limitedBuffer) String() string { return string(l.b) }
