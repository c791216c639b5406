// Command import-scale checks that tend imports a big interchange file in
// time and memory: it writes a JSON export of 10,000 people and 1,000,000
// interactions, builds tend, imports the file into an empty database, and
// reports the wall time and peak memory (the child's maximum resident set
// size) of the import, then of importing the same file again (every record
// matched) and of exporting it back. During the first import it runs
// `tend log` once (-log-after seconds in) and reports what that sees: how
// long it waited for the import and what it said. It also reports a dry
// run of the file beside a second import, which must not wait at all.
//
//	go run ./cmd/import-scale                 # the full 10k / 1M run
//	go run ./cmd/import-scale -people 1000 -interactions 50000
//	go run ./cmd/import-scale -bin /tmp/tend-old   # measure another build
//
// It is a script, not a test: the numbers depend on the machine, and on
// what else runs on it (it prints the load average before and after). The
// goal is under 20 s and under 300 MB for the first import on 2 cores.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/oklog/ulid/v2"

	"github.com/tend-app/tend/internal/exchange"
)

func main() {
	people := flag.Int("people", 10_000, "people in the generated file")
	interactions := flag.Int("interactions", 1_000_000, "interactions in the generated file")
	memories := flag.Int("memories", 20_000, "memories in the generated file")
	keep := flag.String("keep", "", "keep the files in this folder instead of a temporary one")
	shuffled := flag.Bool("shuffle", false, "write interactions in random order instead of oldest first, as export does")
	limitSec := flag.Float64("max-seconds", 20, "fail if the first import takes longer")
	limitMB := flag.Float64("max-mb", 300, "fail if the first import's peak memory is higher")
	flag.StringVar(&binFlag, "bin", "", "the tend binary to measure (default: build ./cmd/tend)")
	flag.Float64Var(&logAfter, "log-after", 3, "run `tend log` this many seconds into the first import")
	flag.Parse()
	if err := run(*people, *interactions, *memories, *shuffled, *keep, *limitSec, *limitMB); err != nil {
		fmt.Fprintln(os.Stderr, "import-scale:", err)
		os.Exit(1)
	}
}

var (
	binFlag  string
	logAfter float64
)

func run(nPeople, nInteractions, nMemories int, shuffled bool, keep string, limitSec, limitMB float64) error {
	dir := keep
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "tend-scale-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	} else if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	file := filepath.Join(dir, "scale.json")
	start := time.Now()
	if err := generate(file, nPeople, nInteractions, nMemories, shuffled); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	fmt.Printf("generated %s: %d people, %d interactions, %d memories, %.0f MB in %.1fs\n",
		file, nPeople, nInteractions, nMemories, float64(info.Size())/1e6, time.Since(start).Seconds())

	bin := binFlag
	if bin == "" {
		bin = filepath.Join(dir, "tend")
		build := exec.Command("go", "build", "-o", bin, "./cmd/tend")
		build.Stdout, build.Stderr = os.Stdout, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build tend (run this from the module root): %w", err)
		}
	}
	fmt.Printf("load average before: %s\n", loadAverage())

	// One person in the database before the import, for `tend log` to
	// log a call with while the import holds the file.
	db := filepath.Join(dir, "scale.db")
	os.Remove(db)
	if _, err := measure(bin, db, "add", "Bench Log"); err != nil {
		return err
	}
	var log measurement
	var logErr error
	first, err := measureDuring(bin, db, []string{"import", "json", file}, func() {
		log, logErr = measure(bin, db, "log", "bench log")
	})
	if err != nil {
		return err
	}
	report("import into an almost empty db", first)
	if logErr != nil {
		fmt.Printf("%-32s %6.1fs wall, failed: %v\n", fmt.Sprintf("tend log %gs into it:", logAfter), log.wall.Seconds(), logErr)
	} else {
		report(fmt.Sprintf("tend log %gs into it", logAfter), log)
	}

	var dry measurement
	var dryErr error
	again, err := measureDuring(bin, db, []string{"import", "json", file}, func() {
		dry, dryErr = measure(bin, db, "import", "json", "--dry-run", file)
	})
	if err != nil {
		return err
	}
	report("import again (all matched)", again)
	if dryErr != nil {
		fmt.Printf("%-32s %6.1fs wall, failed: %v\n", "a dry run beside it:", dry.wall.Seconds(), dryErr)
	} else {
		report("a dry run beside it", dry)
	}
	export, err := measure(bin, db, "export", "json", "-o", filepath.Join(dir, "back.json"))
	if err != nil {
		return err
	}
	report("export json", export)

	fmt.Printf("load average after: %s\n", loadAverage())
	if first.wall.Seconds() > limitSec || first.peakMB > limitMB {
		return fmt.Errorf("the first import took %.1fs and %.0f MB; the limits are %.0fs and %.0f MB",
			first.wall.Seconds(), first.peakMB, limitSec, limitMB)
	}
	fmt.Printf("ok: within %.0fs and %.0f MB\n", limitSec, limitMB)
	return nil
}

type measurement struct {
	wall   time.Duration
	cpu    time.Duration // user + system: less at the mercy of other work on the machine
	peakMB float64
	output string
}

// measure runs tend and reads its peak resident memory from the kernel's
// accounting of the finished child (getrusage), which needs no
// /usr/bin/time and counts every page the process ever held.
func measure(bin, db string, args ...string) (measurement, error) {
	cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
	cmd.Env = append(os.Environ(), "TEND_NOW=2026-11-24T09:30:00Z")
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	m := measurement{wall: time.Since(start), output: strings.TrimSpace(out.String())}
	if err != nil {
		return m, fmt.Errorf("tend %s: %v\n%s", strings.Join(args, " "), err, m.output)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.peakMB = float64(ru.Maxrss) / 1024 // Linux reports KiB
	}
	m.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return m, nil
}

// measureDuring measures tend with args, and runs during logAfter seconds
// after it starts.
func measureDuring(bin, db string, args []string, during func()) (measurement, error) {
	type result struct {
		m   measurement
		err error
	}
	done := make(chan result, 1)
	go func() {
		m, err := measure(bin, db, args...)
		done <- result{m, err}
	}()
	select {
	case r := <-done:
		during() // the command ended first: there is nothing to run beside
		return r.m, r.err
	case <-time.After(time.Duration(logAfter * float64(time.Second))):
		during()
	}
	r := <-done
	return r.m, r.err
}

// loadAverage is the first three fields of /proc/loadavg, or "unknown".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}

func report(what string, m measurement) {
	fmt.Printf("%-32s %6.1fs wall  %6.1fs cpu  peak %5.0f MB\n", what+":", m.wall.Seconds(), m.cpu.Seconds(), m.peakMB)
	for _, l := range strings.Split(m.output, "\n") {
		fmt.Printf("    %s\n", l)
	}
}

// generate writes a deterministic export: people with a few fields each,
// interactions mostly with one person and sometimes with two or three,
// spread over ten years, and memories.
func generate(path string, nPeople, nInteractions, nMemories int, shuffled bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(1, 2))
	entropy := &rngReader{rng}
	base := time.Date(2016, 11, 24, 0, 0, 0, 0, time.UTC)
	id := func(t time.Time) string { return ulid.MustNew(ulid.Timestamp(t), entropy).String() }
	str := func(s string) *string { return &s }

	jw := exchange.NewJSONWriter(bw, time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC))
	tiers := []string{"inner", "close", "regular", "outer"}
	ids := make([]string, nPeople)
	for i := range ids {
		created := base.Add(time.Duration(rng.IntN(365*24)) * time.Hour)
		ids[i] = id(created)
		rec := exchange.PersonRecord{
			ID: ids[i], Name: fmt.Sprintf("Person %05d", i), Tier: tiers[rng.IntN(len(tiers))],
			Phones: []string{fmt.Sprintf("+44 7700 %06d", i)}, Emails: []string{fmt.Sprintf("p%d@example.org", i)},
			Tags: []string{"scale"}, Notes: "generated for the scale test",
			CreatedAt: exchange.Time(created), UpdatedAt: exchange.Time(created),
			ImportantDates: []exchange.ImportantDateRecord{},
		}
		if i%3 == 0 {
			rec.Birthday = str(fmt.Sprintf("--%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28)))
		}
		if err := jw.Person(rec); err != nil {
			return err
		}
	}
	// tend export json writes interactions oldest first; so does this.
	ats := make([]time.Time, nInteractions)
	for i := range ats {
		ats[i] = base.Add(time.Duration(rng.Int64N(int64(10 * 365 * 24 * time.Hour))))
	}
	if !shuffled {
		slices.SortFunc(ats, func(a, b time.Time) int { return a.Compare(b) })
	}
	vias := []string{"call", "call", "in-person", "video", "text", "text", "email"}
	for i, at := range ats {
		n := 1
		if r := rng.IntN(10); r == 0 {
			n = 3
		} else if r < 3 {
			n = 2
		}
		people := make([]string, 0, n)
		for len(people) < n {
			p := ids[rng.IntN(len(ids))]
			if !contains(people, p) {
				people = append(people, p)
			}
		}
		rec := exchange.InteractionRecord{
			ID: id(at), People: people, Via: vias[rng.IntN(len(vias))], Direction: "out",
			At: exchange.Time(at.Truncate(time.Second)), Note: "talked about the weather",
		}
		if i%2 == 1 {
			rec.Direction = "in"
		}
		if err := jw.Interaction(rec); err != nil {
			return err
		}
	}
	for i := 0; i < nMemories; i++ {
		at := base.Add(time.Duration(rng.Int64N(int64(10 * 365 * 24 * time.Hour))))
		rec := exchange.MemoryRecord{ID: id(at), Person: ids[rng.IntN(len(ids))], Text: "ask about the exam"}
		if i%2 == 0 {
			rec.Due = str(at.AddDate(0, 0, 7).Format(time.DateOnly))
		}
		if err := jw.Memory(rec); err != nil {
			return err
		}
	}
	if err := jw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// rngReader feeds ULIDs from the seeded generator, so the file is the same
// on every run.
type rngReader struct{ r *rand.Rand }

func (r *rngReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r.r.Uint32())
	}
	return len(p), nil
}

var _ io.Reader = (*rngReader)(nil)
