package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAnOldExportKeepsLaterCorrections: a JSON export imported again after
// amend and remember --edit corrected its records leaves the corrections,
// and says which records the file holds otherwise.
func TestAnOldExportKeepsLaterCorrections(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Ana Lima")
	var in, m struct{ ID string }
	json.Unmarshal([]byte(h.ok("log", "ana", "--at", "2d", "--note", "first", "--json").stdout), &in)
	json.Unmarshal([]byte(h.ok("remember", "ana", "exam", "--on", "friday", "--json").stdout), &m)
	old := filepath.Join(t.TempDir(), "old.json")
	h.ok("export", "json", "-o", old)
	h.ok("amend", in.ID, "--via", "video", "--note", "fixed")
	h.ok("remember", "--edit", m.ID, "exam moved")
	out := h.ok("import", "json", old).stdout
	if !strings.Contains(out, "tend's kept") {
		t.Errorf("import of the old export:\n%s\nwant notes that tend's records were kept", out)
	}
	hist := h.ok("history", "--json").stdout
	if !strings.Contains(hist, `"note": "fixed"`) && !strings.Contains(hist, `"note":"fixed"`) {
		t.Errorf("history after importing the old export:\n%s\nwant the amended note", hist)
	}
	if show := h.ok("show", "ana").stdout; !strings.Contains(show, "exam moved") {
		t.Errorf("show after importing the old export:\n%s\nwant the edited memory", show)
	}
}

// TestAFileThatListsPeopleLastHasNoFalseNotes: a file whose people come
// after its interactions and memories, whose person tend knows under
// another id (matched by name), imported twice, says nothing was kept
// otherwise: the records are the same.
func TestAFileThatListsPeopleLastHasNoFalseNotes(t *testing.T) {
	a, b := newHarness(t), newHarness(t)
	a.ok("add", "Ana Lima")
	b.env = append(b.env, "TEND_NOW=2026-11-24T09:30:05Z")
	b.ok("add", "Ana Lima")
	a.ok("log", "ana", "--at", "2d", "--note", "a call")
	a.ok("remember", "ana", "exam")
	file := filepath.Join(t.TempDir(), "a.json")
	a.ok("export", "json", "-o", file)
	var d map[string]any
	raw, _ := os.ReadFile(file)
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	reordered := `{"format": "tend", "version": 1, "exported_at": ` + mustJSON(t, d["exported_at"]) +
		`, "interactions": ` + mustJSON(t, d["interactions"]) + `, "memories": ` + mustJSON(t, d["memories"]) +
		`, "people": ` + mustJSON(t, d["people"]) + `}`
	if err := os.WriteFile(file, []byte(reordered), 0o600); err != nil {
		t.Fatal(err)
	}
	b.ok("import", "json", file)
	if out := b.ok("import", "json", file).stdout; strings.Contains(out, "tend's kept") {
		t.Errorf("the same file imported again:\n%s\nwant no note of records kept otherwise", out)
	}
	// A real difference is still said, the person listed later or not.
	var in []struct{ ID string }
	json.Unmarshal([]byte(b.ok("history", "--json").stdout), &in)
	b.ok("amend", in[0].ID, "--note", "fixed in b")
	if out := b.ok("import", "json", file).stdout; !strings.Contains(out, "interaction "+in[0].ID) {
		t.Errorf("the file again after an amend:\n%s\nwant a note that tend's interaction was kept", out)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
