// Package hooks runs the user's own programs after tend changes something:
// executables named after-change or after-import in the hooks folder beside
// the settings file, given the change as JSON on standard input.
//
// A hook runs only from a folder, and as a file, that only the user can
// change: owned by them and writable by no one else. A hook that fails, or
// runs past its time, is reported; the change it follows stands.
package hooks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/tend-app/tend/internal/procgroup"
)

// The hooks tend runs.
const (
	AfterChange = "after-change"
	AfterImport = "after-import"
)

// DefaultTimeout is how long a hook may run before it is stopped.
const DefaultTimeout = 10 * time.Second

// Runner runs the hooks of one folder.
type Runner struct {
	Dir     string        // the hooks folder; "" for none
	Env     []string      // the hooks' environment
	Stderr  io.Writer     // where hooks write, and where problems are reported
	Timeout time.Duration // DefaultTimeout when 0
}

// Run runs the hook called name with payload on its standard input, if the
// folder holds one, and waits for it. Whatever goes wrong is reported on
// Stderr, as one line that starts "tend: hook NAME", and is not returned:
// a hook never undoes or fails the change it follows.
func (r Runner) Run(ctx context.Context, name string, payload []byte) {
	if err := r.run(ctx, name, payload); err != nil {
		fmt.Fprintf(r.Stderr, "tend: hook %s %s\n", name, oneLine(err.Error()))
	}
}

// errNoHook says there is no hook to run, which is no problem.
var errNoHook = errors.New("no hook")

func (r Runner) run(ctx context.Context, name string, payload []byte) error {
	if nested(r.Env) {
		// This tend was started by a hook: a hook that runs tend to change
		// something would otherwise start itself again, without end.
		return nil
	}
	path, err := r.find(name)
	if errors.Is(err, errNoHook) {
		return nil
	}
	if err != nil {
		return err
	}
	timeout := r.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path)
	procgroup.Own(cmd) // stopped, it stops what it started too
	cmd.Dir = r.Dir
	cmd.Env = append(append([]string{}, r.Env...), "TEND_HOOK="+name)
	cmd.Stdin = bytes.NewReader(payload)
	// A hook's output is talk, never data: it goes where tend talks.
	cmd.Stdout, cmd.Stderr = r.Stderr, r.Stderr
	cmd.WaitDelay = time.Second
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("was stopped after %s (the change stands)", timeout)
		}
		if why := notStarted(path, err); why != "" {
			return fmt.Errorf("not run: %s (the change stands)", why)
		}
		return fmt.Errorf("failed: %v (the change stands)", err)
	}
	return nil
}

// notStarted says in words why the hook at path could not be started, or
// "" when it was started and failed.
func notStarted(path string, err error) string {
	var pathErr *fs.PathError
	if !errors.As(err, &pathErr) {
		return ""
	}
	switch {
	case errors.Is(err, syscall.ENOEXEC):
		return path + " is not a program: a script needs a first line such as #!/bin/sh"
	case errors.Is(err, fs.ErrNotExist):
		if line, ok := interpreter(path); ok {
			return path + " names a program that is not there on its first line, " + line
		}
		return path + " could not be started: " + pathErr.Err.Error()
	}
	return path + " could not be started: " + pathErr.Err.Error()
}

// interpreter is the #! line of the script at path.
func interpreter(path string) (string, bool) {
	f, err := os.Open(path)
	if err != nil {
		return "", false
	}
	defer f.Close()
	var head [256]byte
	n, _ := io.ReadFull(f, head[:])
	line, _, _ := strings.Cut(string(head[:n]), "\n")
	if !strings.HasPrefix(line, "#!") {
		return "", false
	}
	return strings.TrimSpace(line), true
}

// nested reports whether env is that of a tend a hook started: TEND_HOOK
// is set.
func nested(env []string) bool {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "TEND_HOOK="); ok && v != "" {
			return true
		}
	}
	return false
}

// find returns the path of the hook called name, errNoHook when there is
// none, or why it will not run.
func (r Runner) find(name string) (string, error) {
	if r.Dir == "" {
		return "", errNoHook
	}
	dir, err := os.Stat(r.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return "", errNoHook
	}
	if err != nil {
		return "", fmt.Errorf("not run: %v", err)
	}
	if !dir.IsDir() {
		return "", fmt.Errorf("not run: %s is a file, where tend looks for a folder of hooks", r.Dir)
	}
	path := filepath.Join(r.Dir, name)
	hook, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		if target, lerr := os.Readlink(path); lerr == nil {
			// A link to a hook moved away: said, not passed over in silence.
			return "", fmt.Errorf("not run: %s links to %s, which is not there", path, target)
		}
		return "", errNoHook
	}
	if err != nil {
		return "", fmt.Errorf("not run: %v", err)
	}
	if why := unsafe(dir); why != "" {
		return "", fmt.Errorf("not run: the folder %s %s", r.Dir, why)
	}
	if !hook.Mode().IsRegular() {
		return "", fmt.Errorf("not run: %s is not a file", path)
	}
	if why := unsafe(hook); why != "" {
		return "", fmt.Errorf("not run: %s %s", path, why)
	}
	if hook.Mode()&0o100 == 0 {
		return "", fmt.Errorf("not run: %s is not executable (chmod u+x)", path)
	}
	return path, nil
}

// unsafe says why someone other than the user could change fi, or "".
func unsafe(fi fs.FileInfo) string {
	if !ownedByUser(fi) {
		return "is not yours"
	}
	if fi.Mode().Perm()&0o022 != 0 {
		return "can be changed by others (chmod go-w)"
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
