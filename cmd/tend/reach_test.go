package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// seedMonth fills the database with a hand-built month, as of Tuesday
// 2026-11-24 09:30 UTC, that gives every part of a digest something to say:
//
//   - Ana Lima (close), born 1989-11-27, last called in October with a
//     note that holds markup; her exam is due on Friday.
//   - Ana Bell (regular), never called: two Anas on the brief line.
//   - Ben Okafor (inner) texted four days ago: waiting for your reply.
//   - Chloé Martin (close) is drifting, and has an open memory but no note.
//   - Dev Patel (regular) has an anniversary tomorrow, 11 years.
//   - Eli Cohen (outer) was never called; Fay Dunn (inner) has a memory
//     that came due yesterday; Gus Berg (inner) is snoozed until Friday.
//   - Hugo Silva (close) has his birthday today, year unknown.
func seedMonth(h *harness) {
	h.t.Helper()
	h.ok("add", "Ana Lima", "--tier", "close", "--birthday", "1989-11-27", "--now", "2026-06-01")
	h.ok("log", "ana lima", "--at", "2026-10-12T18:00:00Z", "--note", "exam next week <b>nervous</b> & *tired*\nsecond line")
	h.ok("remember", "ana lima", "exam on Friday", "--on", "friday")
	h.ok("add", "Ana Bell", "--now", "2025-01-01")
	h.ok("add", "Ben Okafor", "--tier", "inner", "--now", "2026-06-01")
	h.ok("log", "ben", "--via", "in-person", "--at", "2026-11-10", "--note", "dinner at Rosa's")
	h.ok("log", "ben", "--via", "text", "--in", "--at", "2026-11-20")
	h.ok("add", "Chloé Martin", "--tier", "close", "--now", "2026-06-01")
	for _, at := range []string{"2026-09-19", "2026-09-29", "2026-10-15", "2026-11-09"} {
		h.ok("log", "chloé", "--via", "in-person", "--at", at)
	}
	h.ok("remember", "chloé", "new flat in Porto")
	h.ok("add", "Dev Patel", "--date", "anniversary=2015-11-25", "--now", "2025-01-01")
	h.ok("log", "dev", "--at", "2026-08-01")
	h.ok("add", "Eli Cohen", "--tier", "outer", "--now", "2025-06-01")
	h.ok("add", "Fay Dunn", "--tier", "inner", "--now", "2026-06-01")
	h.ok("log", "fay", "--at", "2026-11-19", "--note", "job interview on Monday")
	h.ok("remember", "fay", "ask about the interview", "--on", "2026-11-23")
	h.ok("add", "Gus Berg", "--tier", "inner", "--now", "2026-06-01")
	h.ok("log", "gus", "--via", "video", "--at", "2026-11-01")
	h.ok("snooze", "gus", "--until", "friday")
	h.ok("add", "Hugo Silva", "--tier", "close", "--birthday", "11-24", "--now", "2026-06-01")
	h.ok("log", "hugo", "--at", "2026-11-20")
}

// TestBriefAndDigest holds the line for prompts and the morning letter in
// every format on the hand-built month.
func TestBriefAndDigest(t *testing.T) {
	h := newHarness(t)
	seedMonth(h)
	h.ok("today", "--brief")
	h.ok("today", "--brief", "--limit", "2")
	h.ok("today", "--brief", "--now", "2026-11-28")
	h.ok("today")
	h.ok("digest")
	h.ok("digest", "--format", "markdown")
	h.ok("digest", "--format", "html")
	h.ok("digest", "--json")
	h.ok("digest", "--week")
	h.ok("digest", "--week", "--now", "2026-11-30", "--format", "markdown")
	h.golden("reach")
}

func TestBriefNothingDue(t *testing.T) {
	h := newHarness(t)
	if r := h.ok("today", "--brief"); r.stdout != "" || r.stderr != "" {
		t.Errorf("no database yet: stdout %q, stderr %q; want nothing at all", r.stdout, r.stderr)
	}
	h.ok("add", "Ana Lima", "--tier", "close")
	h.ok("log", "ana")
	if r := h.ok("today", "--brief"); r.stdout != "" || r.stderr != "" {
		t.Errorf("no one due: stdout %q, stderr %q; want nothing", r.stdout, r.stderr)
	}
	h.ok("remember", "ana", "call the bank", "--on", "today")
	if r := h.ok("today", "--brief"); r.stdout != "1 to remember\n" {
		t.Errorf("a memory due: %q; want 1 to remember", r.stdout)
	}
	// --json is today's JSON.
	brief, today := h.ok("today", "--brief", "--json"), h.ok("today", "--json")
	if brief.stdout != today.stdout {
		t.Errorf("today --brief --json:\n%s\nwant today --json:\n%s", brief.stdout, today.stdout)
	}
}

func TestDigestHTMLEscapes(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Zoë <script>alert(1)</script>", "--tier", "inner", "--now", "2026-01-01")
	h.ok("log", "zoë", "--at", "2026-10-01", "--note", `"quoted" & <img src=x onerror=alert(2)>`)
	r := h.ok("digest", "--format", "html")
	for _, bad := range []string{"<script>", "<img", "onerror=alert(2)>"} {
		if strings.Contains(r.stdout, bad) {
			t.Errorf("digest --format html holds %q unescaped:\n%s", bad, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, "Zoë &lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(r.stdout, "&amp; &lt;img src=x") {
		t.Errorf("digest --format html did not escape the name or the note:\n%s", r.stdout)
	}
	m := h.ok("digest", "--format", "markdown")
	if strings.Contains(m.stdout, "<script>") || !strings.Contains(m.stdout, `\<script\>`) {
		t.Errorf("digest --format markdown did not escape the name:\n%s", m.stdout)
	}
	if r := h.run("digest", "--format", "pdf"); r.code != exitUsage || !strings.Contains(r.stderr, "want text, markdown or html") {
		t.Errorf("digest --format pdf: exit %d, %q", r.code, r.stderr)
	}
}

func TestDigestJSONShape(t *testing.T) {
	h := newHarness(t)
	seedMonth(h)
	var d map[string]json.RawMessage
	if err := json.Unmarshal([]byte(h.ok("digest", "--week", "--json").stdout), &d); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range d {
		keys = append(keys, k)
	}
	want := "dates days drifting from memories more_due owed to"
	if got := strings.Join(sortedStrings(keys), " "); got != want {
		t.Errorf("digest --json keys = %s; want %s", got, want)
	}
	var days []struct {
		Date   string `json:"date"`
		People []map[string]any
	}
	if err := json.Unmarshal(d["days"], &days); err != nil {
		t.Fatal(err)
	}
	// Tuesday to Sunday, the week starting on Monday.
	if len(days) != 6 || days[0].Date != "2026-11-24" || days[5].Date != "2026-11-29" {
		t.Errorf("days: %+v; want Tue 24 to Sun 29 Nov", days)
	}
	for _, d := range days {
		for _, p := range d.People {
			if _, ok := p["open_memories"].([]any); !ok {
				t.Errorf("%v: open_memories is not a list", p["name"])
			}
		}
	}
}

func sortedStrings(ss []string) []string {
	out := append([]string{}, ss...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestDigestSaysAMemoryOnce: a memory that is someone's reason to call is
// said once under them, with its day, not again as one to remember.
func TestDigestSaysAMemoryOnce(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--tier", "close", "--now", "2026-04-01")
	h.ok("remember", "ana", "the exam", "--on", "2026-05-10", "--now", "2026-05-01")
	for _, format := range []string{"text", "markdown", "html"} {
		out := h.ok("digest", "--now", "2026-06-15", "--format", format).stdout
		head, _, _ := strings.Cut(out, "Memories due")
		if n := strings.Count(head, "the exam"); n != 1 {
			t.Errorf("digest --format %s names the memory %d times under Ana:\n%s", format, n, out)
		}
	}
}

// TestBriefStaysShort: whatever the limit and the names, the prompt line
// names five people at most, each cut short.
func TestBriefStaysShort(t *testing.T) {
	h := newHarness(t)
	for i := range 12 {
		h.ok("add", fmt.Sprintf("%s%02d Lee", strings.Repeat("Bartholomew", 5), i), "--tier", "inner", "--now", "2025-01-01")
	}
	line := strings.TrimSuffix(h.ok("today", "--brief", "--limit", "100").stdout, "\n")
	if !strings.HasPrefix(line, "12 to call: ") || !strings.HasSuffix(line, ", 7 more") || len([]rune(line)) > 160 {
		t.Errorf("brief line of %d characters: %q; want 12 to call, five names cut short, and 7 more", len([]rune(line)), line)
	}
}

// TestDigestSaysACallWasACall: someone whose call you missed is waiting
// for you to call back, in the letter as in today, not for a reply to
// something they wrote.
func TestDigestSaysACallWasACall(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Frank Chen", "--now", "2026-10-01")
	h.ok("log", "frank", "--missed", "--in", "--at", "2026-10-18 11:00", "--now", "2026-10-20")
	out := h.ok("digest", "--now", "2026-10-23").stdout
	if !strings.Contains(out, "Frank Chen called 5 days ago") || strings.Contains(out, "wrote") {
		t.Errorf("digest:\n%s\nwant Frank Chen called 5 days ago", out)
	}
	if js := h.ok("digest", "--now", "2026-10-23", "--json").stdout; !strings.Contains(js, `"called": true`) {
		t.Errorf("digest --json does not say it was a call:\n%s", js)
	}
}

// TestDigestLooksAWeekAhead: the letter of a day lists the birthdays and
// dates of the week ahead, as today's "This week" does, not only the
// three days that move someone up.
func TestDigestLooksAWeekAhead(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Robert Chen", "--birthday", "1956-11-30", "--now", "2026-01-01")
	h.ok("add", "Priya Nair", "--birthday", "12-02", "--now", "2026-01-01")
	h.ok("log", "robert,priya", "--at", "2026-11-20")
	out := h.ok("digest", "--now", "2026-11-24").stdout
	if !strings.Contains(out, "Robert Chen") || strings.Contains(out, "Priya Nair") {
		t.Errorf("digest on 24 November:\n%s\nwant Robert's birthday on the 30th, and not Priya's on 2 December", out)
	}
	if today := h.ok("today", "--now", "2026-11-24").stdout; !strings.Contains(today, "Robert Chen") {
		t.Errorf("today's This week does not list Robert either:\n%s", today)
	}
}

// TestBriefGivesUpAtOnce: while another program holds the database locked
// whole, the prompt line gives up in a moment with one plain line, where
// a command waits busy_timeout's ten seconds.
func TestBriefGivesUpAtOnce(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--tier", "inner", "--now", "2025-01-01")
	db, err := sql.Open("sqlite", "file:"+h.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{"PRAGMA locking_mode = EXCLUSIVE", "BEGIN EXCLUSIVE", "UPDATE people SET notes = notes"} {
		if _, err := conn.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	start := time.Now()
	r := h.run("today", "--brief")
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("today --brief under another program's lock took %v", took)
	}
	if r.code != exitFailure || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 || strings.Contains(r.stderr, "SQLITE") {
		t.Errorf("today --brief under a lock: exit %d, stderr %q; want exit 1 and one plain line", r.code, r.stderr)
	}
}
