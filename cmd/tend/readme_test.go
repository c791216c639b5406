package main

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// readmePath is the README, from here.
const readmePath = "../../README.md"

// readmeNow is the moment every example of the README was made at.
const readmeNow = "2026-11-24T09:30:00Z"

// notRun marks a console block the README test leaves alone: it is put on
// the line before the block's fence, with the reason after it.
const notRun = "<!-- not run:"

// TestReadmeExamples runs the README's console examples, in the order the
// README gives them, against one database, and compares what each command
// prints with what the README shows: the README tells one story, and its
// output cannot drift from what tend says. `$ cat FILE` writes the lines
// shown as FILE, so an example can import a file the reader sees; a pipe
// into another program runs that program, and is skipped where it is
// missing. go test ./cmd/tend -run TestReadmeExamples -update rewrites the
// outputs in the README.
func TestReadmeExamples(t *testing.T) {
	lines := readReadme(t)
	r := newReadmeRunner(t)
	out, changed := r.run(lines, 0)
	if changed && *update {
		writeReadme(t, out)
	}
}

// screenAfter is the number of console blocks of the README that build the
// database its screen of the full-screen view shows: the tour and undo.
const screenAfter = 2

// TestReadmeScreen opens the full-screen view of the built binary in tmux,
// 80 columns by 24 lines, on the database the README's tour built, and
// compares the screen with the one the README shows. -update writes it.
func TestReadmeScreen(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; .ci/run installs it")
	}
	bin := tendBinary(t) // built before the runner leaves cmd/tend
	lines := readReadme(t)
	r := newReadmeRunner(t)
	r.run(lines, screenAfter)

	start := -1
	for i := 0; i+1 < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "```" && strings.HasPrefix(lines[i+1], "[1 Today]") {
			start = i + 1
			break
		}
	}
	if start < 0 {
		t.Fatal("README.md shows no screen of the full-screen view (a block starting with [1 Today])")
	}
	end := start
	for end < len(lines) && strings.TrimSpace(lines[end]) != "```" {
		end++
	}
	want := strings.Join(lines[start:end], "\n")

	s := &tmuxSession{t: t, socket: filepath.Join(r.home, "tmux.sock")}
	command := strings.Join([]string{
		"env", "-i", "HOME=" + shellQuote(r.home), "TERM=xterm-256color", "TZ=UTC", "TEND_NOW=" + readmeNow,
		shellQuote(bin), "--db", shellQuote(r.db),
	}, " ")
	s.tmux("new-session", "-d", "-s", "tend", "-x", "80", "-y", "24", command)
	t.Cleanup(func() { exec.Command("tmux", "-S", s.socket, "kill-server").Run() })

	// The view draws before its data has come: wait for the screen the
	// README shows; after a while, take a screen with the data on it as
	// it is, to show how it differs.
	var got string
	deadline := time.Now().Add(10 * time.Second)
	for {
		got = plainScreen(s.screen())
		if got == want || time.Now().After(deadline) && strings.Contains(got, "This week") {
			break
		}
		if time.Now().After(deadline.Add(5 * time.Second)) {
			t.Fatalf("the full-screen view never showed its data; the screen:\n%s", got)
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.keys("q")
	if got == want {
		return
	}
	if *update {
		out := append(append(append([]string{}, lines[:start]...), strings.Split(got, "\n")...), lines[end:]...)
		writeReadme(t, out)
		return
	}
	t.Errorf("README.md:%d: the screen differs\n%s", start+1, lineDiff(want, got))
}

// plainScreen is a captured screen as the README shows it: no spaces at
// the ends of lines, and one blank line where the screen has several.
func plainScreen(screen string) string {
	var out []string
	for _, l := range strings.Split(screen, "\n") {
		l = strings.TrimRight(l, " ")
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

func readReadme(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(readmeOrigin, readmePath))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(raw), "\n")
}

func writeReadme(t *testing.T, lines []string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(readmeOrigin, readmePath), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// newReadmeRunner makes a home folder and a working folder, and moves the
// test into the working one, where the examples' files are written.
func newReadmeRunner(t *testing.T) *readmeRunner {
	home := t.TempDir()
	work := t.TempDir()
	t.Chdir(work)
	db := filepath.Join(home, ".local", "share", "tend", "tend.db")
	return &readmeRunner{t: t, home: home, work: work, db: db, entropy: rand.New(rand.NewSource(1))}
}

// run runs the console blocks of the README in order, the first stopAfter
// of them when it is not 0, and returns the README with the real output,
// and whether any output differed.
func (r *readmeRunner) run(lines []string, stopAfter int) (out []string, changed bool) {
	blocks := 0
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		if strings.TrimSpace(lines[i]) != "```console" || (i > 0 && strings.HasPrefix(strings.TrimSpace(lines[i-1]), notRun)) {
			if strings.HasPrefix(strings.TrimSpace(lines[i]), "```") && strings.TrimSpace(lines[i]) != "```" {
				// Skip over any other fenced block whole, so that a
				// "```console" inside it is not taken for a fence.
				for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "```" {
					i++
					out = append(out, lines[i])
				}
			}
			continue
		}
		if stopAfter > 0 && blocks == stopAfter {
			return out, changed
		}
		start := i + 1
		end := start
		for end < len(lines) && strings.TrimSpace(lines[end]) != "```" {
			end++
		}
		block, ok := r.runBlock(start+1, lines[start:end])
		changed = changed || !ok
		blocks++
		out = append(out, block...)
		i = end - 1
	}
	return out, changed
}

type readmeRunner struct {
	t       *testing.T
	home    string
	work    string
	db      string
	entropy *rand.Rand
}

// readmeOrigin is cmd/tend, the folder tests start in, found before the
// README test changes folder.
var readmeOrigin, _ = os.Getwd()

// runBlock runs the commands of one console block (its lines without the
// fences; first is the README line of the first) and returns the block
// with each command's real output, and whether it was already so.
func (r *readmeRunner) runBlock(first int, block []string) ([]string, bool) {
	r.t.Helper()
	var out []string
	same := true
	for i := 0; i < len(block); {
		line := block[i]
		if !strings.HasPrefix(line, "$ ") {
			r.t.Errorf("README.md:%d: a console block line that is neither a command nor its output: %q", first+i, line)
			out = append(out, line)
			i++
			continue
		}
		j := i + 1
		for j < len(block) && !strings.HasPrefix(block[j], "$ ") {
			j++
		}
		want := make([]string, j-i-1)
		for k, l := range block[i+1 : j] {
			want[k] = strings.TrimRight(l, " ")
		}
		// The blank lines that part one command from the next are not
		// output.
		gap := 0
		for len(want) > 0 && want[len(want)-1] == "" {
			want = want[:len(want)-1]
			gap++
		}
		got, checked := r.command(first+i, strings.TrimPrefix(line, "$ "), want)
		out = append(out, line)
		if !checked {
			got = want
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			same = false
			if !*update {
				r.t.Errorf("README.md:%d: $ %s\n%s", first+i, strings.TrimPrefix(line, "$ "), lineDiff(strings.Join(want, "\n"), strings.Join(got, "\n")))
			}
		}
		out = append(out, got...)
		for range gap {
			out = append(out, "")
		}
		i = j
	}
	return out, same
}

// command runs one command line and returns its output as lines; checked
// is false where it could not be run here (a program that is missing).
func (r *readmeRunner) command(at int, line string, want []string) (got []string, checked bool) {
	r.t.Helper()
	stages, err := splitPipeline(stripComment(line))
	if err != nil {
		r.t.Fatalf("README.md:%d: %v", at, err)
	}
	for i, words := range stages {
		for k, w := range words {
			if w == "~" || strings.HasPrefix(w, "~/") {
				words[k] = r.home + strings.TrimPrefix(w, "~")
			}
		}
		stages[i] = words
	}
	if len(stages) == 1 && stages[0][0] == "cat" && len(stages[0]) == 2 {
		body := strings.Join(want, "\n") + "\n"
		if err := os.MkdirAll(filepath.Dir(stages[0][1]), 0o700); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(stages[0][1], []byte(body), 0o600); err != nil {
			r.t.Fatal(err)
		}
		return want, true
	}
	var data []byte
	for i, words := range stages {
		if words[0] == "tend" {
			data = r.tend(words[1:], data)
			continue
		}
		if !readmeFilters[words[0]] {
			r.t.Fatalf("README.md:%d: %s is not a program the README test runs (only tend, cat FILE, and %s in a pipe)", at, words[0], "sed, head, tail, grep and jq")
		}
		if _, err := exec.LookPath(words[0]); err != nil {
			r.t.Logf("README.md:%d: %s is not here; the example is not checked", at, words[0])
			return nil, false
		}
		cmd := exec.Command(words[0], words[1:]...)
		cmd.Stdin = bytes.NewReader(data)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		b, err := cmd.Output()
		if err != nil && i == len(stages)-1 && len(b) == 0 {
			r.t.Errorf("README.md:%d: %s: %v: %s", at, words[0], err, stderr.String())
		}
		data = b
	}
	text := strings.TrimRight(string(data), "\n")
	text = strings.ReplaceAll(text, r.home, "/home/you")
	text = strings.ReplaceAll(text, r.work+"/", "")
	if text == "" {
		return nil, true
	}
	// Spaces at the end of a line are invisible in the README, and editors
	// take them off: they are not compared.
	got = strings.Split(text, "\n")
	for i := range got {
		got[i] = strings.TrimRight(got[i], " ")
	}
	return got, true
}

// readmeFilters are the programs an example may pipe tend's output into:
// text filters that read standard input and touch nothing else.
var readmeFilters = map[string]bool{"sed": true, "head": true, "tail": true, "grep": true, "jq": true}

// tend runs tend in-process, at the README's moment, in a home folder of
// its own, and returns what it printed, standard output then standard
// error.
func (r *readmeRunner) tend(args []string, stdin []byte) []byte {
	var stdout, stderr bytes.Buffer
	run(append([]string{"--db", r.db}, args...), system{
		Stdin:   bytes.NewReader(stdin),
		Stdout:  &stdout,
		Stderr:  &stderr,
		Environ: []string{"HOME=" + r.home, "TEND_NOW=" + readmeNow},
		Clock: func() time.Time {
			r.t.Fatalf("tend %s read the real clock", strings.Join(args, " "))
			return time.Time{}
		},
		Entropy:  r.entropy,
		Location: time.UTC,
	})
	return append(stdout.Bytes(), stderr.Bytes()...)
}

// stripComment drops a shell comment: a # after a space, outside quotes.
func stripComment(line string) string {
	var quote rune
	for i, c := range line {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '#' && i > 0 && (line[i-1] == ' ' || line[i-1] == '\t'):
			return strings.TrimRight(line[:i], " \t")
		}
	}
	return line
}

// splitPipeline splits a command line into the words of each command of a
// pipe, as a POSIX shell does for quotes and backslashes (nothing else).
func splitPipeline(line string) ([][]string, error) {
	var (
		stages [][]string
		words  []string
		word   strings.Builder
		inWord bool
		quote  rune
		escape bool
	)
	flush := func() {
		if inWord {
			words = append(words, word.String())
			word.Reset()
			inWord = false
		}
	}
	for _, c := range line {
		switch {
		case escape:
			word.WriteRune(c)
			escape = false
		case quote == '\'':
			if c == '\'' {
				quote = 0
			} else {
				word.WriteRune(c)
			}
		case quote == '"':
			switch c {
			case '"':
				quote = 0
			case '\\':
				escape = true
			default:
				word.WriteRune(c)
			}
		case c == '\'' || c == '"':
			quote, inWord = c, true
		case c == '\\':
			escape, inWord = true, true
		case c == ' ' || c == '\t':
			flush()
		case c == '|':
			flush()
			if len(words) == 0 {
				return nil, fmt.Errorf("an empty command in a pipe: %q", line)
			}
			stages = append(stages, words)
			words = nil
		default:
			word.WriteRune(c)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("an unclosed quote: %q", line)
	}
	flush()
	if len(words) == 0 {
		return nil, fmt.Errorf("an empty command: %q", line)
	}
	return append(stages, words), nil
}

func TestSplitPipeline(t *testing.T) {
	for _, tc := range []struct {
		line string
		want [][]string
	}{
		{`tend add "Ana Lima" --tier close`, [][]string{{"tend", "add", "Ana Lima", "--tier", "close"}}},
		{`tend show ana | sed -n '/Remember/,/^$/p'`, [][]string{{"tend", "show", "ana"}, {"sed", "-n", "/Remember/,/^$/p"}}},
		{`tend today --json | jq -r '.[] | "\(.name)"'`, [][]string{{"tend", "today", "--json"}, {"jq", "-r", `.[] | "\(.name)"`}}},
		{`tend log ana --note "a \"quoted\" word"`, [][]string{{"tend", "log", "ana", "--note", `a "quoted" word`}}},
		{`tend edit ana --note ""`, [][]string{{"tend", "edit", "ana", "--note", ""}}},
	} {
		got, err := splitPipeline(tc.line)
		if err != nil || fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.want) {
			t.Errorf("splitPipeline(%s) = %q, %v; want %q", tc.line, got, err, tc.want)
		}
	}
	for _, bad := range []string{`tend log "ana`, `| head`, ``} {
		if _, err := splitPipeline(bad); err == nil {
			t.Errorf("splitPipeline(%s): no error", bad)
		}
	}
	if got := stripComment(`tend log ana --at 2026-10-12   # a call, back then`); got != "tend log ana --at 2026-10-12" {
		t.Errorf("stripComment = %q", got)
	}
	if got := stripComment(`tend log ana --note "#1 fan"`); got != `tend log ana --note "#1 fan"` {
		t.Errorf("stripComment = %q", got)
	}
}
