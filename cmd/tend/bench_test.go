package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tend-app/tend/internal/datagen"
)

// Whole commands in-process, as the process runs them after start-up:
// parsing flags, opening the store, loading, ranking and printing. They run
// on 1,000 people with 50,000 interactions, generated the first time a
// benchmark asks (so `go test ./...` builds nothing). The store package's
// benchmarks cover the 10,000-person set; scripts/bench times the real
// processes on both.

var benchNow = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

var bench struct {
	once sync.Once
	dir  string
	path string
	name string // someone with a long history, for show and log
	err  error
}

// TestMain removes what tests share across the run: the benchmarks'
// database and the binary the end-to-end tests build.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, dir := range []string{bench.dir, binDir} {
		if dir != "" {
			os.RemoveAll(dir)
		}
	}
	os.Exit(code)
}

func benchDB(b *testing.B) string {
	b.Helper()
	bench.once.Do(func() {
		if bench.dir, bench.err = os.MkdirTemp("", "tend-cmd-bench-"); bench.err != nil {
			return
		}
		d := datagen.Circle(1, 1000, 50_000, benchNow)
		bench.path = filepath.Join(bench.dir, "tend.db")
		bench.err = datagen.WriteDB(context.Background(), bench.path, d)
		// The inner-tier person with the most interactions.
		count := map[string]int{}
		for _, in := range d.Interactions {
			for _, id := range in.People {
				count[id]++
			}
		}
		best := -1
		for _, p := range d.People {
			if !p.Archived() && count[p.ID] > best {
				best, bench.name = count[p.ID], p.Name
			}
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.path
}

func runBench(b *testing.B, db string, args ...string) {
	b.Helper()
	var errs strings.Builder
	code := run(append([]string{"--db", db}, args...), system{
		Stdin:    strings.NewReader(""),
		Stdout:   io.Discard,
		Stderr:   &errs,
		Environ:  []string{"HOME=" + b.TempDir(), "TEND_NOW=" + benchNow.Format(time.RFC3339)},
		Clock:    func() time.Time { return benchNow },
		Location: time.UTC,
	})
	if code != 0 {
		b.Fatalf("tend %s: exit %d: %s", strings.Join(args, " "), code, errs.String())
	}
}

// BenchmarkCommand runs tend's read commands and one log, whole.
func BenchmarkCommand(b *testing.B) {
	db := benchDB(b)
	for _, args := range [][]string{
		{"version"},
		{"today", "--json"},
		{"list", "--json"},
		{"plan", "--json"},
		{"show", bench.name, "--json"},
	} {
		b.Run(strings.Join(args[:1], " "), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				runBench(b, db, args...)
			}
		})
	}
	b.Run("log", func(b *testing.B) {
		// On a copy, so the read benchmarks see the data as generated.
		cp := filepath.Join(b.TempDir(), "copy.db")
		if err := copyFile(db, cp); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			runBench(b, cp, "log", bench.name, "--via", "call")
		}
	})
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o600)
}
