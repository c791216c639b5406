package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files with the current output")

// harness runs tend in-process against one database, with a fixed time zone
// and deterministic ids, and keeps a transcript of what it ran and printed.
type harness struct {
	t          *testing.T
	db         string
	env        []string
	entropy    io.Reader
	transcript strings.Builder
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	dir := t.TempDir()
	return &harness{
		t:       t,
		db:      filepath.Join(dir, "tend.db"),
		env:     []string{"HOME=" + dir, "TEND_NOW=2026-11-24T09:30:00Z"},
		entropy: rand.New(rand.NewSource(1)),
	}
}

type result struct {
	stdout, stderr string
	code           int
}

// run runs one command line. The real clock is never read: a test that
// forgets --now or TEND_NOW fails.
func (h *harness) run(args ...string) result {
	h.t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"--db", h.db}, args...), system{
		Stdin:   strings.NewReader(""),
		Stdout:  &stdout,
		Stderr:  &stderr,
		Environ: h.env,
		Clock: func() time.Time {
			h.t.Fatalf("tend %s read the real clock", strings.Join(args, " "))
			return time.Time{}
		},
		Entropy:  h.entropy,
		Location: h.loc(),
	})
	r := result{stdout.String(), stderr.String(), code}
	fmt.Fprintf(&h.transcript, "$ tend %s\n%s", shellJoin(args), r.stdout)
	if r.stderr != "" {
		// The database lives in a new temporary folder each run.
		fmt.Fprintf(&h.transcript, "[stderr] %s", strings.ReplaceAll(r.stderr, h.db, "$TEND_DB"))
	}
	fmt.Fprintf(&h.transcript, "[exit %d]\n\n", r.code)
	return r
}

// ok runs a command that must succeed.
func (h *harness) ok(args ...string) result {
	h.t.Helper()
	r := h.run(args...)
	if r.code != 0 {
		h.t.Fatalf("tend %s: exit %d, want 0; stderr: %s", shellJoin(args), r.code, r.stderr)
	}
	return r
}

// golden compares the transcript with testdata/NAME.golden.
func (h *harness) golden(name string) {
	h.t.Helper()
	compareGolden(h.t, name, h.transcript.String())
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test ./cmd/tend -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (rerun with -update if the change is intended)\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff shows the first lines where want and got part ways.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n want: %q\n  got: %q", i+1, wl, gl)
		}
	}
	return "(no difference in lines)"
}

func shellJoin(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = quoteArg(a)
		if a == "" {
			out[i] = `""`
		}
	}
	return strings.Join(out, " ")
}

func (h *harness) loc() *time.Location { return timeUTC() }

func timeUTC() *time.Location { return time.UTC }

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
