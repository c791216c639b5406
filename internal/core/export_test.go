package core_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/phonelog"
)

// TestExportThenImportIsTheSame exports every format, and checks that
// JSON read back into an empty database holds everything, and reading it
// again changes nothing.
func TestExportThenImportIsTheSame(t *testing.T) {
	t.Parallel()
	_, c, now := circleCore(t)
	ctx := t.Context()
	active, err := c.ActivePeople(ctx)
	if err != nil || len(active) != 53 {
		t.Fatalf("%d active people, %v", len(active), err)
	}
	var doc bytes.Buffer
	n, err := c.Export(ctx, &doc, core.Export{Format: core.ExportJSON, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if n != (core.Exported{People: 60, Interactions: 900}) {
		t.Errorf("exported %+v, want 60 people and 900 interactions", n)
	}
	for _, tt := range []struct {
		format string
		plan   bool
		want   core.Exported
		holds  string
	}{
		{core.ExportVCard, false, core.Exported{People: 53}, "BEGIN:VCARD"},
		{core.ExportCSV, false, core.Exported{People: 53}, "name,"},
		{core.ExportICS, false, core.Exported{}, "BEGIN:VCALENDAR"},
		{core.ExportICS, true, core.Exported{}, "SUMMARY:"},
	} {
		var b bytes.Buffer
		got, err := c.Export(ctx, &b, core.Export{Format: tt.format, Now: now, Plan: tt.plan})
		if err != nil {
			t.Fatalf("%s: %v", tt.format, err)
		}
		if tt.plan && got.Events == 0 {
			t.Errorf("ics with the plan has no events")
		}
		got.Events = 0
		if got != tt.want || !strings.Contains(b.String(), tt.holds) {
			t.Errorf("%s (plan %v): %+v, holds %q: %v; want %+v", tt.format, tt.plan, got, tt.holds, strings.Contains(b.String(), tt.holds), tt.want)
		}
	}
	if _, err := c.Export(ctx, &bytes.Buffer{}, core.Export{Format: "xml"}); err == nil {
		t.Error("export xml: no error")
	}

	into, _ := emptyCore(t)
	seen := 0
	watch := func(t exchange.Target) exchange.Target { seen++; return t }
	dry, err := into.Import(ctx, core.ImportFile{Format: core.ImportJSON, From: bytes.NewReader(doc.Bytes()), Source: "doc.json", DryRun: true, Now: now, Watch: watch})
	if err != nil {
		t.Fatal(err)
	}
	if !dry.DryRun || dry.People.New != 60 || dry.Interactions.New != 900 || seen != 1 {
		t.Fatalf("dry run: %+v (watched %d)", dry, seen)
	}
	if lists, _ := into.Lists(ctx); len(lists.Active) != 0 {
		t.Fatalf("a dry run wrote %d people", len(lists.Active))
	}
	res, err := into.Import(ctx, core.ImportFile{Format: core.ImportJSON, From: bytes.NewReader(doc.Bytes()), Source: "doc.json", Now: now})
	if err != nil || res.New() != 960 {
		t.Fatalf("import: %+v, %v", res, err)
	}
	again, err := into.Import(ctx, core.ImportFile{Format: core.ImportJSON, From: bytes.NewReader(doc.Bytes()), Source: "doc.json", Now: now})
	if err != nil || again.New() != 0 || again.Updated() != 0 || again.Matched() != 960 {
		t.Fatalf("import again: %+v, %v", again, err)
	}
	if _, err := into.Import(ctx, core.ImportFile{Format: core.ImportJSON, From: strings.NewReader("{"), Source: "bad.json", Now: now}); err == nil {
		t.Error("a broken file imported")
	}

	// A folder of cards, as export vcard wrote them.
	dir := t.TempDir()
	var cards bytes.Buffer
	if _, err := c.Export(ctx, &cards, core.Export{Format: core.ExportVCard}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "all.vcf"), cards.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	fromDir, err := into.Import(ctx, core.ImportFile{Format: core.ImportVCard, Dir: os.DirFS(dir), Source: dir, DryRun: true})
	if err != nil || fromDir.People.Matched != 53 || fromDir.People.New != 0 {
		t.Errorf("a folder of the same cards: %+v, %v", fromDir, err)
	}
}

// TestImportLogsGivesWhatTheReaderLeftOut checks the orchestration of a
// log import: the reader's skips reach the result, and a dry run writes
// nothing.
func TestImportLogsGivesWhatTheReaderLeftOut(t *testing.T) {
	t.Parallel()
	s, _ := testCircle(t)
	ctx := t.Context()
	c := core.New(s, cadence.DefaultRules())
	skip := domain.ImportSkip{Where: "calls.xml: line 3", Reason: "a draft", Count: 4}
	res, sum, err := c.ImportLogs(ctx, core.LogImport{DryRun: true, Region: "DE", Read: func(imp *phonelog.Importer) ([]domain.ImportSkip, error) {
		if imp == nil {
			t.Error("no importer")
		}
		return []domain.ImportSkip{skip}, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if !res.DryRun || res.SkippedCount() != 4 || len(res.Skipped) != 1 || res.Skipped[0] != skip || sum.Calls != 0 {
		t.Errorf("result %+v, summary %+v", res, sum)
	}
}
