package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissedCalls logs calls that did not connect, both ways, and reads
// them back in history, show, today, JSON and the interchange file.
func TestMissedCalls(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--tier", "close", "--now", "2026-09-01")
	h.ok("log", "ana", "--at", "2026-10-01")
	h.ok("log", "ana", "--missed", "--at", "2026-11-18")
	h.ok("log", "ana", "--missed", "--via", "video", "--at", "2026-11-20")
	h.ok("add", "Ben Okafor", "--tier", "close", "--now", "2026-09-01")
	h.ok("log", "ben", "--at", "2026-11-01")
	h.ok("log", "ben", "--missed", "--in", "--at", "2026-11-21")
	h.ok("add", "Chloé Martin", "--tier", "close", "--now", "2026-09-01")
	h.ok("log", "chloé", "--at", "2026-10-01")
	h.ok("log", "chloé", "--missed", "--at", "2026-11-23T18:00:00Z")
	h.ok("history")
	h.ok("show", "ana")
	h.ok("today")
	// Ben's missed call does not reset his clock: 23 days since the call.
	h.ok("list", "--json")
	h.golden("missed")

	var logged map[string]any
	if err := json.Unmarshal([]byte(h.ok("log", "ben", "--missed", "--in", "--json").stdout), &logged); err != nil {
		t.Fatal(err)
	}
	if logged["missed"] != true {
		t.Errorf("log --json: missed = %v, want true", logged["missed"])
	}
	var connected map[string]any
	if err := json.Unmarshal([]byte(h.ok("log", "ben", "--json").stdout), &connected); err != nil {
		t.Fatal(err)
	}
	if _, ok := connected["missed"]; ok {
		t.Errorf("log --json of a call that connected has a missed key: %v", connected)
	}

	// A call that did not connect is a call: --missed with a text is refused.
	if r := h.run("log", "ana", "--missed", "--via", "text"); r.code != 2 || !strings.Contains(r.stderr, "--missed is for a call or a video call, not text") {
		t.Errorf("log --missed --via text: exit %d, stderr %q; want 2 and a plain reason", r.code, r.stderr)
	}

	if r := h.run("log", "ana", "--missed", "--minutes", "5"); r.code != 2 || !strings.Contains(r.stderr, "--minutes is for a call that connected") {
		t.Errorf("log --missed --minutes 5: exit %d, stderr %q; want 2 and a plain reason", r.code, r.stderr)
	}

	// The flag goes through export and import unchanged.
	file := filepath.Join(t.TempDir(), "tend.json")
	h.ok("export", "json", "-o", file)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), `"missed":true`); n != 5 {
		t.Errorf("export has %d missed interactions, want 5:\n%s", n, data)
	}
	other := newHarness(t)
	other.ok("import", "json", file)
	if got, want := other.ok("history").stdout, h.ok("history").stdout; got != want {
		t.Errorf("history after import:\n%s\nwant:\n%s", got, want)
	}
	// A missed text is no such thing: the file is refused, with the record.
	bad := filepath.Join(t.TempDir(), "bad.json")
	text := strings.Replace(string(data), `"via":"call","direction":"in","at":"2026-11-21T12:00:00Z"`, `"via":"text","direction":"in","at":"2026-11-21T12:00:00Z"`, 1)
	if text == string(data) {
		t.Fatal("the export does not hold Ben's missed call as expected")
	}
	if err := os.WriteFile(bad, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := newHarness(t).run("import", "json", bad); r.code != 2 || !strings.Contains(r.stderr, "missed is only for a call or a video call, not text") {
		t.Errorf("import of a missed text: exit %d, stderr %q; want 2 and the reason", r.code, r.stderr)
	}
}

// TestDoneMemorySaysDone: a memory marked done says when, not how long
// ago it was due.
func TestDoneMemorySaysDone(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Tom Baker", "--now", "2026-09-01")
	h.ok("remember", "tom", "ask how the interview went", "--on", "2026-11-13", "--now", "2026-11-01")
	var ms []map[string]any
	if err := json.Unmarshal([]byte(h.ok("show", "tom", "--json").stdout), &struct {
		Memories *[]map[string]any `json:"memories"`
	}{&ms}); err != nil || len(ms) != 1 {
		t.Fatalf("show --json: %d memories, %v", len(ms), err)
	}
	h.ok("done", ms[0]["id"].(string))
	out := h.ok("show", "tom").stdout
	if !strings.Contains(out, "[x] ask how the interview went  done Tue 24 Nov 2026") || strings.Contains(out, "due Fri 13 Nov") {
		t.Errorf("show after done:\n%s\nwant the memory done on 24 Nov, with no due day", out)
	}
}

// TestAmendMissed puts right whether a call connected, both ways, and
// refuses what log refuses.
func TestAmendMissed(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--tier", "close", "--now", "2026-09-01")
	h.ok("log", "ana", "--at", "2026-10-01")
	var missed struct{ ID string }
	if err := json.Unmarshal([]byte(h.ok("log", "ana", "--missed", "--at", "2026-11-20", "--json").stdout), &missed); err != nil {
		t.Fatal(err)
	}
	since := func() string {
		var people []struct {
			DaysSinceReal int `json:"days_since_real"`
		}
		if err := json.Unmarshal([]byte(h.ok("list", "--json").stdout), &people); err != nil || len(people) != 1 {
			t.Fatalf("list --json: %v, %d people", err, len(people))
		}
		return fmt.Sprint(people[0].DaysSinceReal)
	}
	if got := since(); got != "54" {
		t.Fatalf("before: %s days since the last real conversation, want 54 (the missed call is not one)", got)
	}

	r := h.ok("amend", missed.ID, "--missed=false")
	if !strings.Contains(r.stdout, "missed → connected") {
		t.Errorf("amend --missed=false said %q; want it to say missed → connected", r.stdout)
	}
	if got := since(); got != "4" {
		t.Errorf("after --missed=false: %s days since the last real conversation, want 4", got)
	}
	if r := h.ok("amend", missed.ID, "--missed", "--json"); !strings.Contains(r.stdout, `"missed": true`) {
		t.Errorf("amend --missed --json: %s; want missed true", r.stdout)
	}
	if got := since(); got != "54" {
		t.Errorf("after --missed: %s days, want 54 again", got)
	}
	if r := h.run("amend", missed.ID, "--via", "text"); r.code != 2 || !strings.Contains(r.stderr, "--missed is for a call or a video call, not text") {
		t.Errorf("amend of a missed call to a text: exit %d, stderr %q; want 2 and a plain reason", r.code, r.stderr)
	}
	if r := h.run("amend", missed.ID, "--minutes", "5"); r.code != 2 || !strings.Contains(r.stderr, "--minutes is for a call that connected") {
		t.Errorf("amend of a missed call with minutes: exit %d, stderr %q; want 2 and a plain reason", r.code, r.stderr)
	}
	h.ok("amend", missed.ID, "--missed=false", "--via", "text")
	h.ok("undo")
	if r := h.ok("history", "--json"); !strings.Contains(r.stdout, `"missed": true`) {
		t.Errorf("undo did not put the missed call back: %s", r.stdout)
	}
	// Removed, it is named as history names it.
	if r := h.ok("unlog", missed.ID); !strings.HasPrefix(r.stdout, "Removed a missed call to Ana Lima,") {
		t.Errorf("unlog said %q; want it to say a missed call was removed", r.stdout)
	}
}
