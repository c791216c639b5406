package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binDir    string // removed by TestMain
	binPath   string
	buildErr  error
)

// tendBinary builds the tend binary once per test run.
func tendBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary; skipped with -short")
	}
	buildOnce.Do(func() {
		binDir, buildErr = os.MkdirTemp("", "tend-e2e-")
		if buildErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "tend")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

type binary struct {
	t    *testing.T
	path string
	env  []string
}

func newBinary(t *testing.T) *binary {
	dir := t.TempDir()
	return &binary{t: t, path: tendBinary(t), env: []string{
		"HOME=" + dir,
		"XDG_DATA_HOME=" + filepath.Join(dir, "data"),
		"TZ=UTC",
		"TEND_NOW=2026-11-24T09:30:00Z",
		"PATH=" + os.Getenv("PATH"),
	}}
}

func (b *binary) run(args ...string) (stdout, stderr string, code int) {
	b.t.Helper()
	cmd := exec.Command(b.path, args...)
	cmd.Env = b.env
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code = cmd.ProcessState.ExitCode()
	if err != nil && code < 0 {
		b.t.Fatalf("tend %v: %v", args, err)
	}
	return out.String(), errb.String(), code
}

func (b *binary) ok(args ...string) string {
	b.t.Helper()
	out, errb, code := b.run(args...)
	if code != 0 {
		b.t.Fatalf("tend %s: exit %d: %s", strings.Join(args, " "), code, errb)
	}
	return out
}

// TestEndToEnd drives the built binary as a user would, on a fresh
// database in the default location.
func TestEndToEnd(t *testing.T) {
	b := newBinary(t)
	b.ok("add", "Ana Lima", "--tier", "close", "--now", "2026-09-01")
	b.ok("log", "ana", "--via", "phone", "--at", "2026-10-12T18:00:00Z")

	dbFile := filepath.Join(strings.TrimPrefix(b.env[1], "XDG_DATA_HOME="), "tend", "tend.db")
	info, err := os.Stat(dbFile)
	if err != nil {
		t.Fatalf("the database is not in the default place: %v", err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("database mode = %o, want 600", mode)
	}
	if dirInfo, err := os.Stat(filepath.Dir(dbFile)); err != nil || dirInfo.Mode().Perm() != 0o700 {
		t.Errorf("data folder mode = %v (%v), want 700", dirInfo.Mode().Perm(), err)
	}

	var today []struct {
		Name          string   `json:"name"`
		DaysSinceReal int      `json:"days_since_real"`
		DueRatio      float64  `json:"due_ratio"`
		Reasons       []string `json:"reasons"`
	}
	if err := json.Unmarshal([]byte(b.ok("today", "--json")), &today); err != nil {
		t.Fatal(err)
	}
	if len(today) != 1 || today[0].Name != "Ana Lima" || today[0].DaysSinceReal != 43 || today[0].DueRatio != 1.43 {
		t.Errorf("today --json = %+v, want Ana Lima 43 days, ratio 1.43", today)
	}
	// Not a terminal: no arguments prints today, without colour codes.
	if out := b.ok(); !strings.Contains(out, "43 days since your last call") || strings.Contains(out, "\x1b[") {
		t.Errorf("tend with no arguments printed %q", out)
	}
	if _, errb, code := b.run("log", "nobody"); code != 2 || !strings.Contains(errb, `no one called "nobody"`) {
		t.Errorf("log nobody: exit %d, stderr %q; want exit 2 naming the query", code, errb)
	}
	if out := b.ok("version"); !strings.HasPrefix(out, "tend ") {
		t.Errorf("version printed %q", out)
	} else if flag := b.ok("--version"); flag != out {
		t.Errorf("--version printed %q, version %q: want the same line", flag, out)
	}
	if out := b.ok("completion", "bash"); !strings.Contains(out, "bash completion") {
		t.Errorf("completion bash does not look like a bash completion script")
	}
}

// TestConcurrentLogs starts eight processes at once, each logging fifty
// times, against one database: every interaction must be recorded and no
// process may fail with "database is locked".
func TestConcurrentLogs(t *testing.T) {
	b := newBinary(t)
	b.ok("add", "Ana", "--now", "2026-09-01")
	const workers, each = 8, 50
	var wg sync.WaitGroup
	errs := make(chan string, workers*each)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				_, errb, code := b.run("log", "ana", "--via", "text", "--note", fmt.Sprintf("w%d-%d", w, i))
				if code != 0 {
					errs <- fmt.Sprintf("worker %d log %d: exit %d: %s", w, i, code, errb)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	var history []json.RawMessage
	if err := json.Unmarshal([]byte(b.ok("history", "--json")), &history); err != nil {
		t.Fatal(err)
	}
	if len(history) != workers*each {
		t.Errorf("history has %d interactions, want %d", len(history), workers*each)
	}
}
