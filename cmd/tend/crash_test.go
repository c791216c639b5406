package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tend-app/tend/internal/datagen"
)

// TestImportSurvivesKill kills `tend import json` at pseudo-random moments
// and checks that the database is always sound and holds either nothing of
// the file or all of it: an import is one transaction.
func TestImportSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("imports a large file twenty times; skipped with -short")
	}
	bin := tendBinary(t)
	dir := t.TempDir()
	const now = "2026-11-24T09:30:00Z"
	env := []string{
		"HOME=" + dir,
		"XDG_DATA_HOME=" + filepath.Join(dir, "data"),
		"TZ=UTC",
		"TEND_NOW=" + now,
		"PATH=" + os.Getenv("PATH"),
	}
	run := func(args ...string) (string, string, int) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		code := cmd.ProcessState.ExitCode()
		if err != nil && code < 0 {
			t.Fatalf("tend %v: %v", args, err)
		}
		return out.String(), errb.String(), code
	}
	ok := func(args ...string) string {
		t.Helper()
		out, errb, code := run(args...)
		if code != 0 {
			t.Fatalf("tend %s: exit %d: %s", strings.Join(args, " "), code, errb)
		}
		return out
	}

	// The file to import, generated once: smaller than a big circle (2,000
	// people, 100,000 interactions take seconds to import) so twenty kills
	// stay well under a minute.
	at, err := time.Parse(time.RFC3339, now)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "circle.json")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := datagen.WriteJSON(f, datagen.Circle(7, 1000, 30000, at)); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	// A small base database.
	base := filepath.Join(dir, "base.db")
	for _, name := range []string{"Ada Quill", "Bram Otter", "Cleo Marsh"} {
		ok("--db", base, "add", name)
	}

	count := func(db string) int {
		t.Helper()
		n := 0
		for _, extra := range [][]string{nil, {"--archived"}} {
			args := append([]string{"--db", db, "list", "--json"}, extra...)
			var people []json.RawMessage
			if err := json.Unmarshal([]byte(ok(args...)), &people); err != nil {
				t.Fatalf("tend %v: %v", args, err)
			}
			n += len(people)
		}
		return n
	}
	check := func(db string) {
		t.Helper()
		out, errb, code := run("--db", db, "doctor", "--json")
		var rep struct {
			Healthy bool `json:"healthy"`
			Checks  []struct {
				Name   string `json:"name"`
				Status string `json:"status"`
			} `json:"checks"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("doctor --json: %v\n%s%s", err, out, errb)
		}
		integrity := ""
		for _, c := range rep.Checks {
			if c.Name == "integrity" {
				integrity = c.Status
			}
		}
		if code != 0 || integrity != "ok" {
			t.Fatalf("doctor: exit %d, integrity %q\n%s%s", code, integrity, out, errb)
		}
	}
	copyBase := func(name string) string {
		t.Helper()
		sub := filepath.Join(dir, name)
		if err := os.Mkdir(sub, 0o700); err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(sub, "tend.db")
		in, err := os.Open(base)
		if err != nil {
			t.Fatal(err)
		}
		defer in.Close()
		out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(out, in); err != nil {
			t.Fatal(err)
		}
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
		return dst
	}

	baseCount := count(base)

	// One full import, timed, gives the span to spread the kills over and
	// the count a whole import leaves.
	full := copyBase("full")
	start := time.Now()
	ok("--db", full, "import", "json", file)
	span := time.Since(start)
	fullCount := count(full)
	check(full)
	if fullCount <= baseCount {
		t.Fatalf("a full import left %d people, the base had %d", fullCount, baseCount)
	}
	t.Logf("full import: %v; people %d before, %d after", span, baseCount, fullCount)

	rng := rand.New(rand.NewSource(1))
	var none, all, finished int
	for i := range 20 {
		db := copyBase(fmt.Sprintf("kill%02d", i))
		delay := time.Duration(rng.Int63n(int64(span) + 1))
		cmd := exec.Command(bin, "--db", db, "import", "json", file)
		cmd.Env = env
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if err == nil {
			finished++
		}
		check(db)
		switch n := count(db); n {
		case baseCount:
			none++
		case fullCount:
			all++
		default:
			t.Fatalf("kill %d after %v: %d people; want %d (nothing imported) or %d (all of it)", i, delay, n, baseCount, fullCount)
		}
	}
	t.Logf("20 kills: %d left nothing imported, %d everything (%d had exited before the kill)", none, all, finished)
}
