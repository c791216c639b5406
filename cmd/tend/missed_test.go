package main

import (
	"encoding/json"
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
