package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// installHook writes a hook script under the harness's HOME and returns
// the folder it is in.
func installHook(h *harness, name, body string) string {
	h.t.Helper()
	if _, err := os.Stat("/bin/sh"); err != nil {
		h.t.Skip("no /bin/sh for a hook script")
	}
	home := strings.TrimPrefix(h.env[0], "HOME=")
	dir := filepath.Join(home, ".config", "tend", "hooks")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"+body+"\n"), 0o700); err != nil {
		h.t.Fatal(err)
	}
	return dir
}

// TestHooksHearEveryChange runs a real hook that appends what it reads to
// a file, and reads back what each command told it.
func TestHooksHearEveryChange(t *testing.T) {
	h := newHarness(t)
	got := filepath.Join(t.TempDir(), "changes")
	installHook(h, "after-change", `cat >> "`+got+`"`)
	installHook(h, "after-import", `{ cat; echo; } >> "`+got+`.import"`)

	h.ok("add", "Ana Lima", "--tier", "close")
	h.ok("log", "ana", "--note", "dinner")
	h.ok("edit", "ana", "--tier", "inner")
	r := h.ok("remember", "ana", "exam", "--on", "friday", "--json")
	var m struct{ ID string }
	if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
		t.Fatal(err)
	}
	h.ok("remember", "--edit", m.ID, "exam on Friday")
	h.ok("done", m.ID)
	r = h.ok("log", "ana", "--via", "video", "--note", "dinner", "--json")
	var in struct{ ID string }
	if err := json.Unmarshal([]byte(r.stdout), &in); err != nil {
		t.Fatal(err)
	}
	h.ok("amend", in.ID, "--minutes", "20")
	h.ok("unlog", in.ID)
	h.ok("undo")
	h.ok("forget", m.ID)
	h.ok("snooze", "ana", "--for", "3d")
	h.ok("archive", "ana")
	h.ok("restore", "ana")
	h.ok("rm", "ana", "--yes")
	// Reads and refused commands change nothing, and are not heard.
	h.ok("today")
	h.run("log", "nobody")

	f, err := os.Open(got)
	if err != nil {
		t.Fatalf("the hook never ran: %v", err)
	}
	defer f.Close()
	var kinds []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var c struct {
			Hook    string
			Kind    string
			At      string
			DB      string
			Records []struct{ Type, ID string }
			Old     map[string]any
			New     map[string]any
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		kinds = append(kinds, c.Kind)
		if c.Hook != "after-change" || c.DB != h.db || c.At != "2026-11-24T09:30:00Z" || len(c.Records) == 0 {
			t.Errorf("%s: %s", c.Kind, sc.Text())
		}
		switch c.Kind {
		case "add":
			if c.Old != nil || c.New["name"] != "Ana Lima" {
				t.Errorf("add: old %v, new %v", c.Old, c.New)
			}
		case "log":
			if c.New["note"] != "dinner" || len(c.Records) != 2 || c.Records[0].Type != "interaction" {
				t.Errorf("log: %s", sc.Text())
			}
		case "edit":
			if c.Old["tier"] != "close" || c.New["tier"] != "inner" {
				t.Errorf("edit: old %v, new %v", c.Old["tier"], c.New["tier"])
			}
		case "done":
			if c.Old["done_at"] != nil || c.New["done_at"] == nil {
				t.Errorf("done: %s", sc.Text())
			}
		case "archive":
			if c.Old["archived_at"] != nil || c.New["archived_at"] == nil {
				t.Errorf("archive: %s", sc.Text())
			}
		case "rm":
			if c.Old["name"] != "Ana Lima" || c.New != nil {
				t.Errorf("rm: %s", sc.Text())
			}
		case "amend":
			if c.Old["minutes"] != nil || c.New["minutes"] != 20.0 {
				t.Errorf("amend: old %v, new %v", c.Old["minutes"], c.New["minutes"])
			}
		case "unlog", "forget":
			if c.Old == nil || c.New != nil {
				t.Errorf("%s: %s", c.Kind, sc.Text())
			}
		case "undo":
			// It put back the video call unlog removed, with Ana in it.
			if !strings.Contains(fmt.Sprint(c.New["description"]), "video") || len(c.Records) != 2 ||
				c.Records[0].Type != "interaction" || c.Records[0].ID != in.ID || c.Records[1].Type != "person" {
				t.Errorf("undo: %s", sc.Text())
			}
		}
	}
	if want := "add log edit remember remember done log amend unlog undo forget snooze archive restore rm"; strings.Join(kinds, " ") != want {
		t.Errorf("the hook heard %v; want %s", kinds, want)
	}

	// An import: after-import with the counts; a dry run is not heard.
	file := filepath.Join(t.TempDir(), "people.csv")
	if err := os.WriteFile(file, []byte("name,tier\nBen Okafor,inner\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.ok("import", "csv", file, "--dry-run")
	h.ok("import", "csv", file)
	imp, err := os.ReadFile(got + ".import")
	if err != nil {
		t.Fatalf("after-import never ran: %v", err)
	}
	if n := strings.Count(string(imp), `"hook":"after-import"`); n != 1 || !strings.Contains(string(imp), `"format":"csv"`) {
		t.Errorf("after-import heard:\n%s", imp)
	}
}

func TestHookFailureLeavesTheChange(t *testing.T) {
	h := newHarness(t)
	installHook(h, "after-change", "echo the hook is sad >&2; exit 1")
	r := h.run("add", "Ana Lima")
	if r.code != 0 || !strings.Contains(r.stdout, "Added Ana Lima") {
		t.Fatalf("add with a failing hook: exit %d, %q", r.code, r.stdout)
	}
	if r.stderr != "the hook is sad\ntend: hook after-change failed: exit status 1 (the change stands)\n" {
		t.Errorf("stderr %q", r.stderr)
	}
	if !strings.Contains(h.ok("list").stdout, "Ana Lima") {
		t.Error("the change was undone")
	}
	// A refused command runs no hook, and keeps its own exit code.
	if r := h.run("add", "Ana Lima"); r.code != exitUsage || strings.Contains(r.stderr, "hook") {
		t.Errorf("a refused add: exit %d, %q", r.code, r.stderr)
	}
}

func TestHookFolderOthersCanWrite(t *testing.T) {
	h := newHarness(t)
	ran := filepath.Join(t.TempDir(), "ran")
	dir := installHook(h, "after-change", `touch "`+ran+`"`)
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	r := h.run("add", "Ana Lima")
	if r.code != 0 || r.stderr != "tend: hook after-change not run: the folder "+dir+" can be changed by others (chmod go-w)\n" {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(ran); err == nil {
		t.Error("a hook ran from a folder others can write")
	}
}

// TestFullScreenChangesReachTheHooks: a change made in the full-screen
// view runs the after-change hook with its kind and person, and a hook
// that fails comes back as one line for the status line, its output kept
// off the screen.
func TestFullScreenChangesReachTheHooks(t *testing.T) {
	h := newHarness(t)
	got := filepath.Join(t.TempDir(), "changes")
	installHook(h, "after-change", `cat >> "`+got+`"; echo "chatter a hook prints"`)
	a := newApp(system{Environ: h.env, Stderr: io.Discard, Stdout: io.Discard})
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	after := a.tuiChanged(func() time.Time { return now })
	if problem := after("log", "01M86E81E0ABYZR1S1G9JMY5HZ"); problem != "" {
		t.Errorf("a hook that works reported %q", problem)
	}
	heard, err := os.ReadFile(got)
	if err != nil {
		t.Fatalf("the hook never ran: %v", err)
	}
	var c struct {
		Hook, Kind, At string
		Records        []struct{ Type, ID string }
	}
	if err := json.Unmarshal(heard, &c); err != nil {
		t.Fatalf("%q: %v", heard, err)
	}
	if c.Hook != "after-change" || c.Kind != "log" || c.At != "2026-11-24T09:30:00Z" ||
		len(c.Records) != 1 || c.Records[0].ID != "01M86E81E0ABYZR1S1G9JMY5HZ" {
		t.Errorf("the hook heard %s", heard)
	}
	installHook(h, "after-change", "exit 3")
	if problem := after("edit", ""); !strings.HasPrefix(problem, "hook after-change") {
		t.Errorf("a failing hook reported %q, want one line about the hook", problem)
	}
}

// TestHooksHearOnlyWhatWasWritten: an edit that changes nothing and an
// import that writes nothing run no hook; an import that writes names its
// file in full, for a hook that runs in its own folder; a hook sees the
// moment --now gave.
func TestHooksHearOnlyWhatWasWritten(t *testing.T) {
	h := newHarness(t)
	got := filepath.Join(t.TempDir(), "changes")
	installHook(h, "after-change", `{ cat; echo "now=$TEND_NOW"; } >> "`+got+`"`)
	installHook(h, "after-import", `cat >> "`+got+`.import"`)
	h.ok("add", "Ana Lima", "--tier", "close", "--now", "2026-11-20T08:00:00Z")
	h.ok("edit", "ana", "--tier", "close") // already close
	read := func(path string) string {
		data, _ := os.ReadFile(path)
		return string(data)
	}
	if n := strings.Count(read(got), `"kind":"edit"`); n != 0 {
		t.Errorf("an edit that changed nothing ran the hook %d times:\n%s", n, read(got))
	}
	if !strings.Contains(read(got), "now=2026-11-20T08:00:00Z") {
		t.Errorf("the hook did not see the command's moment as TEND_NOW:\n%s", read(got))
	}

	dir := t.TempDir()
	file := filepath.Join(dir, "people.csv")
	if err := os.WriteFile(file, []byte("name,tier\nBen Okafor,inner\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	h.ok("import", "csv", "people.csv")
	h.ok("import", "csv", "people.csv") // nothing new
	imports := read(got + ".import")
	if n := strings.Count(imports, `"kind":"import"`); n != 1 {
		t.Errorf("after-import ran %d times for one import that wrote and one that did not:\n%s", n, imports)
	}
	if !strings.Contains(imports, `"file":"`+file+`"`) {
		t.Errorf("after-import was not given the file in full (%s):\n%s", file, imports)
	}
}

// TestHooksOfARelativeSettingsFile: TEND_CONFIG may be relative to where
// tend runs; its hooks run all the same.
func TestHooksOfARelativeSettingsFile(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh for a hook script")
	}
	h := newHarness(t)
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll(filepath.Join("cfg", "hooks"), 0o700); err != nil {
		t.Fatal(err)
	}
	ran := filepath.Join(dir, "ran")
	if err := os.WriteFile(filepath.Join("cfg", "hooks", "after-change"), []byte("#!/bin/sh\ntouch "+ran+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	h.env = append(h.env, "TEND_CONFIG=cfg/config.toml")
	if r := h.ok("add", "Ana Lima"); r.stderr != "" {
		t.Errorf("stderr %q", r.stderr)
	}
	if _, err := os.Stat(ran); err != nil {
		t.Errorf("the hook of a relative TEND_CONFIG did not run: %v", err)
	}
}
