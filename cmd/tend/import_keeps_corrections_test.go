package main

import (
	"encoding/json"
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
