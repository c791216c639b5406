package hooks

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hookDir makes a hooks folder holding a script called name with body.
func hookDir(t *testing.T, name, body string) (string, string) {
	t.Helper()
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh for a hook script")
	}
	dir := filepath.Join(t.TempDir(), "hooks")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

func TestRunGivesTheChange(t *testing.T) {
	out := filepath.Join(t.TempDir(), "got")
	dir, _ := hookDir(t, AfterChange, `cat > "$OUT"; printf '%s' "$TEND_HOOK" > "$OUT.name"; echo said something`)
	var stderr bytes.Buffer
	r := Runner{Dir: dir, Env: []string{"OUT=" + out}, Stderr: &stderr}
	r.Run(t.Context(), AfterChange, []byte(`{"kind":"log"}`))
	got, err := os.ReadFile(out)
	if err != nil || string(got) != `{"kind":"log"}` {
		t.Errorf("the hook read %q, %v", got, err)
	}
	if name, _ := os.ReadFile(out + ".name"); string(name) != AfterChange {
		t.Errorf("TEND_HOOK = %q", name)
	}
	if stderr.String() != "said something\n" {
		t.Errorf("stderr %q; want the hook's own output", stderr.String())
	}
	// No hook of that name, or no folder at all: nothing happens.
	stderr.Reset()
	r.Run(t.Context(), AfterImport, nil)
	Runner{Dir: filepath.Join(dir, "none"), Stderr: &stderr}.Run(t.Context(), AfterChange, nil)
	Runner{Stderr: &stderr}.Run(t.Context(), AfterChange, nil)
	if stderr.Len() != 0 {
		t.Errorf("no hook: %q", stderr.String())
	}
}

func TestRunRefuses(t *testing.T) {
	tests := []struct {
		name  string
		setUp func(dir, path string)
		want  string
	}{
		{"a folder others can write", func(dir, _ string) { os.Chmod(dir, 0o770) }, "not run: the folder " + "DIR can be changed by others (chmod go-w)"},
		{"a world-writable folder", func(dir, _ string) { os.Chmod(dir, 0o707) }, "can be changed by others"},
		{"a hook others can write", func(_, path string) { os.Chmod(path, 0o720) }, "PATH can be changed by others (chmod go-w)"},
		{"a hook that is not executable", func(_, path string) { os.Chmod(path, 0o600) }, "PATH is not executable (chmod u+x)"},
		{"a folder for a hook", func(_, path string) { os.Remove(path); os.Mkdir(path, 0o700) }, "PATH is not a file"},
		{"a file for the folder", func(dir, _ string) { os.RemoveAll(dir); os.WriteFile(dir, nil, 0o600) }, "DIR is a file, where tend looks for a folder of hooks"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "ran")
			dir, path := hookDir(t, AfterChange, `touch "`+out+`"`)
			tc.setUp(dir, path)
			var stderr bytes.Buffer
			Runner{Dir: dir, Stderr: &stderr}.Run(t.Context(), AfterChange, nil)
			want := strings.NewReplacer("DIR", dir, "PATH", path).Replace(tc.want)
			got := stderr.String()
			if !strings.HasPrefix(got, "tend: hook after-change not run: ") || !strings.Contains(got, want) || strings.Count(got, "\n") != 1 {
				t.Errorf("stderr %q; want one line holding %q", got, want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("the hook ran")
			}
		})
	}
}

func TestRunReportsFailure(t *testing.T) {
	dir, _ := hookDir(t, AfterImport, "exit 3")
	var stderr bytes.Buffer
	Runner{Dir: dir, Stderr: &stderr}.Run(t.Context(), AfterImport, []byte("{}"))
	if got := stderr.String(); got != "tend: hook after-import failed: exit status 3 (the change stands)\n" {
		t.Errorf("stderr %q", got)
	}
}

func TestRunStopsAtTheTimeout(t *testing.T) {
	dir, _ := hookDir(t, AfterChange, "exec sleep 30")
	var stderr bytes.Buffer
	start := time.Now()
	Runner{Dir: dir, Stderr: &stderr, Timeout: 200 * time.Millisecond}.Run(t.Context(), AfterChange, nil)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("a hook past its time held tend for %s", took)
	}
	if got := stderr.String(); !strings.Contains(got, "was stopped after 200ms") {
		t.Errorf("stderr %q", got)
	}
}

// TestRunStopsWhatTheHookStarted: stopped at its time, a hook's children
// are stopped with it, and do not hold tend's output open after.
func TestRunStopsWhatTheHookStarted(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	dir, _ := hookDir(t, AfterChange, `sleep 30 & echo $! > "`+pidFile+`"; wait`)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	start := time.Now()
	Runner{Dir: dir, Stderr: w, Timeout: 300 * time.Millisecond}.Run(t.Context(), AfterChange, nil)
	w.Close()
	// Whoever reads tend's output sees its end once tend is done, not
	// when the hook's sleep would have ended.
	if _, err := io.ReadAll(r); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the hook's child held tend's output open for %s", took)
	}
	pid, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatalf("the hook did not start its child: %v", err)
	}
	if stat, err := os.ReadFile("/proc/" + strings.TrimSpace(string(pid)) + "/stat"); err == nil && !strings.Contains(string(stat), ") Z ") {
		t.Errorf("the hook's child is still running: %s", stat)
	}
}

// TestRunNoHookInAHook: a tend that a hook started (TEND_HOOK is set) runs
// no hook, so a hook that runs tend does not start itself again.
func TestRunNoHookInAHook(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ran")
	dir, _ := hookDir(t, AfterChange, `touch "`+out+`"`)
	var stderr bytes.Buffer
	Runner{Dir: dir, Env: []string{"TEND_HOOK=after-change"}, Stderr: &stderr}.Run(t.Context(), AfterChange, nil)
	if _, err := os.Stat(out); err == nil {
		t.Error("a hook ran inside a hook")
	}
	Runner{Dir: dir, Env: []string{"TEND_HOOK="}, Stderr: &stderr}.Run(t.Context(), AfterChange, nil)
	if _, err := os.Stat(out); err != nil {
		t.Errorf("with TEND_HOOK empty, the hook did not run: %v (%s)", err, stderr.String())
	}
}

// TestRunSaysALinkLeadsNowhere: a hook that is a link to a file moved away
// is said, not passed over as no hook.
func TestRunSaysALinkLeadsNowhere(t *testing.T) {
	dir, path := hookDir(t, AfterChange, "true")
	os.Remove(path)
	if err := os.Symlink(filepath.Join(dir, "moved-away"), path); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	var stderr bytes.Buffer
	Runner{Dir: dir, Stderr: &stderr}.Run(t.Context(), AfterChange, nil)
	if got := stderr.String(); !strings.Contains(got, "not run: "+path+" links to ") || !strings.Contains(got, "which is not there") {
		t.Errorf("stderr %q; want the link said to lead nowhere", got)
	}
}

// TestRunSaysWhyAHookDidNotStart: a script with no #! line, or one naming
// a program that is not there, is said in words, not as fork/exec's.
func TestRunSaysWhyAHookDidNotStart(t *testing.T) {
	for _, tc := range []struct{ script, want string }{
		{"echo no first line\n", "is not a program: a script needs a first line such as #!/bin/sh"},
		{"#!/nonexistent/interp\necho x\n", "names a program that is not there on its first line, #!/nonexistent/interp"},
	} {
		dir, path := hookDir(t, AfterChange, "")
		if err := os.WriteFile(path, []byte(tc.script), 0o700); err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		Runner{Dir: dir, Stderr: &stderr}.Run(t.Context(), AfterChange, nil)
		got := stderr.String()
		if !strings.HasPrefix(got, "tend: hook after-change not run: "+path) || !strings.Contains(got, tc.want) || strings.Contains(got, "fork/exec") {
			t.Errorf("stderr %q; want it to say %q", got, tc.want)
		}
	}
}
