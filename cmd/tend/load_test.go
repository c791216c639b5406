package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tend-app/tend/store"
)

// loadSecondsEnv sets how long TestLoad runs. The issue asks for 20
// seconds; CI sets fewer (.ci/run) to stay within its time on two cores.
const loadSecondsEnv = "TEND_LOAD_SECONDS"

func loadDuration(t *testing.T) time.Duration {
	t.Helper()
	raw := os.Getenv(loadSecondsEnv)
	if raw == "" {
		return 20 * time.Second
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > 600 {
		t.Fatalf("%s=%q: want a number of seconds from 1 to 600", loadSecondsEnv, raw)
	}
	return time.Duration(n) * time.Second
}

// loadWorker is what one of the processes' drivers did, to be checked
// against the database afterwards.
type loadWorker struct {
	name     string // the person this worker edits and logs with
	adds     []string
	logs     int
	edits    int
	lastNote string // the note of its last edit
	todays   int
	backups  []string
	failures []string
}

// TestLoad runs 16 workers, each starting tend processes one after another
// against one database for TEND_LOAD_SECONDS (20 by default): log, add,
// edit and today --json in turn; beside them, a backup a second. Meanwhile
// a reader in this process polls the database as the TUI does. Afterwards:
// no command failed, every write is there, every today --json was valid
// JSON, and every backup is a sound database.
func TestLoad(t *testing.T) {
	b := newBinary(t)
	duration := loadDuration(t)
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o700); err != nil { // the doctor checks the backups' folder too
		t.Fatal(err)
	}
	db := filepath.Join(dir, "tend.db")
	const workers = 16
	b.ok("--db", db, "add", "Ana Lima", "--tier", "close", "--now", "2026-09-01")
	ws := make([]*loadWorker, workers)
	for i := range ws {
		ws[i] = &loadWorker{name: fmt.Sprintf("Worker %02d", i)}
		b.ok("--db", db, "add", ws[i].name, "--now", "2026-09-01")
	}

	tend := func(args ...string) (string, string, error) {
		cmd := exec.Command(b.path, append([]string{"--db", db}, args...)...)
		cmd.Env = b.env
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		return out.String(), errb.String(), err
	}

	ctx, stop := context.WithCancel(t.Context())
	defer stop()
	readerDone := make(chan string, 1)
	go func() { readerDone <- pollLikeTheTUI(ctx, db) }()

	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	for wi, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				var args []string
				switch i % 4 {
				case 0:
					// With Ana too: one interaction, two people.
					args = []string{"log", w.name + ",Ana Lima", "--via", "text", "--note", fmt.Sprintf("%s log %d", w.name, i)}
				case 1:
					args = []string{"add", fmt.Sprintf("W%02d P%04d", wi, i), "--tier", "outer"}
				case 2:
					args = []string{"edit", w.name, "--note", fmt.Sprintf("edit %d", i)}
				case 3:
					args = []string{"today", "--json"}
				}
				out, errb, err := tend(args...)
				if err != nil {
					w.failures = append(w.failures, fmt.Sprintf("tend %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(errb)))
					continue
				}
				switch args[0] {
				case "log":
					w.logs++
				case "add":
					w.adds = append(w.adds, args[1])
				case "edit":
					w.edits++
					w.lastNote = args[3]
				case "today":
					w.todays++
					var today []suggestionJSON
					if err := json.Unmarshal([]byte(out), &today); err != nil {
						w.failures = append(w.failures, fmt.Sprintf("today --json printed invalid JSON (%v): %q", err, out))
					}
				}
			}
		}()
	}
	// Beside the 16, a backup a second, as a user's cron job might take
	// one while they work.
	backer := &loadWorker{name: "backups"}
	ws = append(ws, backer)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; time.Now().Before(deadline); i++ {
			file := filepath.Join(dir, fmt.Sprintf("backup-%03d.db", i))
			if _, errb, err := tend("backup", file); err != nil {
				backer.failures = append(backer.failures, fmt.Sprintf("tend backup: %v: %s", err, strings.TrimSpace(errb)))
			} else {
				backer.backups = append(backer.backups, file)
			}
			time.Sleep(time.Second)
		}
	}()
	wg.Wait()
	stop()
	if msg := <-readerDone; msg != "" {
		t.Error(msg)
	}

	var adds, logs, edits, todays, backups int
	for _, w := range ws {
		for _, f := range w.failures {
			t.Error(f)
		}
		adds += len(w.adds)
		logs += w.logs
		edits += w.edits
		todays += w.todays
		backups += len(w.backups)
	}
	t.Logf("%s, %d workers: %d logs, %d adds, %d edits, %d today --json, %d backups",
		duration, workers, logs, adds, edits, todays, backups)
	if logs == 0 || adds == 0 || edits == 0 || todays == 0 || backups == 0 {
		t.Fatalf("some kind of command never ran: %d logs, %d adds, %d edits, %d today, %d backups", logs, adds, edits, todays, backups)
	}

	// Every write is there.
	var people []struct {
		Name  string `json:"name"`
		Notes string `json:"notes"`
	}
	if err := json.Unmarshal([]byte(b.ok("--db", db, "list", "--json")), &people); err != nil {
		t.Fatal(err)
	}
	if want := 1 + workers + adds; len(people) != want {
		t.Errorf("list has %d people, want %d (1 + %d workers + %d adds): writes were lost", len(people), want, workers, adds)
	}
	notes := map[string]string{}
	for _, p := range people {
		notes[p.Name] = p.Notes
	}
	for _, w := range ws {
		for _, name := range w.adds {
			if _, ok := notes[name]; !ok {
				t.Errorf("%s was added but is not in the list", name)
			}
		}
		if w.edits > 0 && notes[w.name] != w.lastNote {
			t.Errorf("%s's note is %q, want their last edit %q", w.name, notes[w.name], w.lastNote)
		}
	}
	var history []struct {
		Names []string `json:"names"`
	}
	if err := json.Unmarshal([]byte(b.ok("--db", db, "history", "--json")), &history); err != nil {
		t.Fatal(err)
	}
	if len(history) != logs {
		t.Errorf("history has %d interactions, want the %d logged: writes were lost", len(history), logs)
	}
	for _, in := range history {
		if len(in.Names) != 2 {
			t.Errorf("an interaction has people %v, want a worker and Ana Lima", in.Names)
			break
		}
	}
	for _, w := range ws {
		for _, bak := range w.backups {
			out, errb, code := b.run("--db", bak, "doctor", "--json")
			var rep doctorReport
			json.Unmarshal([]byte(out), &rep)
			if code != 0 || !rep.Healthy || rep.People == nil || *rep.People < 1+workers || *rep.People > len(people) {
				t.Errorf("backup %s taken under load: exit %d, %+v, %s; want a sound copy of 17 to %d people",
					filepath.Base(bak), code, rep, errb, len(people))
			}
		}
	}
	if out, errb, code := b.run("--db", db, "doctor"); code != 0 {
		t.Errorf("doctor after the load: exit %d\n%s%s", code, out, errb)
	}
}

// pollLikeTheTUI polls the database until ctx ends, as the TUI does: it
// asks whether anything changed and reloads when it has. It returns what
// went wrong, or "".
func pollLikeTheTUI(ctx context.Context, db string) string {
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	s, err := store.Open(db, store.Options{Now: func() time.Time { return now }})
	if err != nil {
		return fmt.Sprintf("reader: open: %v", err)
	}
	defer s.Close()
	w, err := s.Watch(ctx)
	if err != nil {
		return fmt.Sprintf("reader: watch: %v", err)
	}
	defer w.Close()
	reloads, last := 0, 0
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			if reloads == 0 {
				return "reader: saw no change in the whole run"
			}
			return ""
		case <-tick.C:
		}
		changed, err := w.Changed(ctx)
		if ctx.Err() != nil {
			continue
		}
		if err != nil {
			return fmt.Sprintf("reader: %v", err)
		}
		if !changed {
			continue
		}
		sums, err := s.Summaries(ctx, store.PeopleFilter{})
		if ctx.Err() != nil {
			continue
		}
		if err != nil {
			return fmt.Sprintf("reader: reload: %v", err)
		}
		if len(sums) < last {
			return fmt.Sprintf("reader: %d people after %d: people vanished", len(sums), last)
		}
		last = len(sums)
		reloads++
	}
}
