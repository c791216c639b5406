package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// standIn writes an executable script named name into a new folder that
// records its arguments, one a line, in the file it returns, and exits
// with code.
func standIn(t *testing.T, name string, code int) (dir, record string) {
	t.Helper()
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh for a stand-in notifier")
	}
	dir = t.TempDir()
	record = filepath.Join(dir, "args")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + record + "'\nexit " + string(rune('0'+code)) + "\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, record
}

// notifySent runs tend notify with a stand-in notify-send on PATH, and
// returns the arguments it was given, one a line.
func notifySent(h *harness) string {
	h.t.Helper()
	dir, record := standIn(h.t, "notify-send", 0)
	h.env = append(h.env, "PATH="+dir)
	h.ok("notify")
	got, err := os.ReadFile(record)
	if err != nil {
		h.t.Fatalf("notify-send was not run: %v", err)
	}
	return string(got)
}

func TestNotify(t *testing.T) {
	h := newHarness(t)
	seedMonth(h)
	// A name no shell should read: it would create a file if one did.
	pwned := filepath.Join(t.TempDir(), "pwned")
	hostile := "$(touch${IFS}" + pwned + ")`touch${IFS}" + pwned + "`\"';"
	h.ok("add", hostile+" Zed", "--tier", "inner", "--now", "2025-01-01")
	got := notifySent(h)
	line := strings.TrimSuffix(h.ok("today", "--brief").stdout, "\n")
	want := "--app-name=tend\n--\ntend\n" + line + "\n"
	if got != want {
		t.Errorf("notify-send got:\n%s\nwant:\n%s", got, want)
	}
	if !strings.Contains(line, "$(touch${IFS}") { // cut short, as every name on the line
		t.Errorf("the brief line %q lacks the hostile name", line)
	}
	if _, err := os.Stat(pwned); err == nil {
		t.Error("a shell read the text of the notification")
	}
	if r := h.ok("notify", "--json"); !strings.Contains(r.stdout, `"sent": true`) || !strings.Contains(r.stdout, `"tool": "notify-send"`) {
		t.Errorf("notify --json: %s", r.stdout)
	}
}

func TestNotifyNothingDue(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima")
	h.ok("log", "ana")
	dir, record := standIn(t, "notify-send", 0)
	h.env = append(h.env, "PATH="+dir)
	if r := h.ok("notify"); r.stdout != "" || r.stderr != "" {
		t.Errorf("nothing due: stdout %q, stderr %q", r.stdout, r.stderr)
	}
	if _, err := os.Stat(record); err == nil {
		t.Error("nothing due, yet notify-send was run")
	}
	if r := h.ok("notify", "--json"); !strings.Contains(r.stdout, `"sent": false`) {
		t.Errorf("notify --json: %s", r.stdout)
	}
}

func TestNotifyNoNotifier(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--now", "2020-01-01")
	h.env = append(h.env, "PATH="+t.TempDir()+":relative/bin")
	r := h.run("notify")
	if r.code != exitFailure || !strings.Contains(r.stderr, "notify-send on Linux") || !strings.Contains(r.stderr, "osascript on macOS") || !strings.Contains(r.stderr, "termux-notification on Android") {
		t.Errorf("no notifier: exit %d, %q", r.code, r.stderr)
	}
}

func TestNotifyFails(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--now", "2020-01-01")
	dir, _ := standIn(t, "notify-send", 3)
	h.env = append(h.env, "PATH="+dir)
	if r := h.run("notify"); r.code != exitFailure || !strings.Contains(r.stderr, "notify-send failed") {
		t.Errorf("a failing notifier: exit %d, %q", r.code, r.stderr)
	}
}

func TestNotifierOrder(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"notify-send", "osascript", "termux-notification"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "not-executable"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for goos, want := range map[string]string{"linux": "notify-send", "darwin": "osascript", "android": "termux-notification"} {
		tool, path, err := findNotifier(dir, goos)
		if err != nil || tool.name != want || path != filepath.Join(dir, want) {
			t.Errorf("%s: %s at %s, %v; want %s", goos, tool.name, path, err, want)
		}
	}
	if p := lookPath(dir, "not-executable"); p != "" {
		t.Errorf("a file without the x bit was taken: %s", p)
	}
	// osascript gets the text as argv, after a fixed script.
	args := notifiers["osascript"].args("tend", `"; do shell script "rm -rf ~"`)
	if args[len(args)-1] != `"; do shell script "rm -rf ~"` || !strings.Contains(strings.Join(args, " "), "on run argv") {
		t.Errorf("osascript args: %q", args)
	}
}

// TestNotifySendReadsText: notify-send's body is markup to the desktop's
// notification servers, so a name's <, > and & reach it escaped; the line
// itself, and --json, keep them as they are.
func TestNotifySendReadsText(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "<b>Bo</b>&co Lee", "--tier", "inner", "--now", "2025-01-01")
	got := notifySent(h)
	if want := "1 to call: &lt;b&gt;Bo&lt;/b&gt;&amp;co\n"; !strings.HasSuffix(got, want) {
		t.Errorf("notify-send got %q; want the body ending %q", got, want)
	}
	if r := h.ok("today", "--brief"); r.stdout != "1 to call: <b>Bo</b>&co\n" {
		t.Errorf("today --brief = %q; want the name as it is", r.stdout)
	}
}
