package exchange_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tend-app/tend/internal/exchange"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

// describe writes what a reader handed over, one person a block, for a
// golden file: the fields an import keeps, notes cut short.
func describe(r *recorder) string {
	var b strings.Builder
	for _, p := range r.people {
		fmt.Fprintf(&b, "  %s\n", p.Name)
		line := func(label, v string) {
			if v != "" {
				fmt.Fprintf(&b, "    %-9s %s\n", label, v)
			}
		}
		if !p.Birthday.IsZero() {
			line("birthday", p.Birthday.String())
		}
		line("tier", string(p.Tier))
		typed := func(values []string, types map[string]string) string {
			var out []string
			for _, v := range values {
				if t := types[v]; t != "" {
					v += " (" + t + ")"
				}
				out = append(out, v)
			}
			return strings.Join(out, " | ")
		}
		line("phones", typed(p.Phones, p.PhoneTypes))
		line("emails", typed(p.Emails, p.EmailTypes))
		line("tags", strings.Join(p.Tags, " | "))
		line("org", p.Org)
		line("title", p.JobTitle)
		if !p.NameParts.IsZero() {
			n := p.NameParts
			line("N", strings.Join([]string{n.Family, n.Given, n.Additional, n.Prefix, n.Suffix}, ";"))
		}
		line("uid", p.UID)
		for _, d := range p.ImportantDates {
			line("date", d.Label+" "+d.Date.String())
		}
		if p.Notes != "" {
			note := strings.ReplaceAll(p.Notes, "\n", "⏎")
			if utf8.RuneCountInString(note) > 50 {
				note = string([]rune(note)[:50]) + fmt.Sprintf("… (%d bytes)", len(p.Notes))
			}
			line("notes", note)
		}
	}
	for _, s := range r.skips {
		fmt.Fprintf(&b, "  skipped %s: %s\n", s.Where, s.Reason)
	}
	for _, n := range r.notes {
		fmt.Fprintf(&b, "  note %s: %s\n", n.Where, n.Text)
	}
	return b.String()
}

// goldenImport reads every file of a folder of the shared corpus and holds
// what came out to testdata/golden/NAME.
func goldenImport(t *testing.T, dir, ext, golden string, read func(*os.File, exchange.Target) error) {
	files, err := filepath.Glob(filepath.Join(dir, "*."+ext))
	if err != nil || len(files) == 0 {
		t.Fatalf("no files in %s: %v", dir, err)
	}
	slices.Sort(files)
	var b strings.Builder
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		r := newRecorder()
		err = read(f, r)
		f.Close()
		fmt.Fprintf(&b, "%s\n", filepath.Base(path))
		if err != nil {
			fmt.Fprintf(&b, "  refused: %v\n", err)
			continue
		}
		b.WriteString(describe(r))
	}
	path := filepath.Join("testdata", "golden", golden)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			g, w := "", ""
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got  %q\n want %q\n(go test ./internal/exchange -update rewrites it; check the diff)", path, i+1, g, w)
			}
		}
	}
}

func TestGoldenRealVCards(t *testing.T) {
	t.Parallel()
	goldenImport(t, sharedDir(t, "corpus", "real", "vcf"), "vcf", "real-vcf.txt",
		func(f *os.File, tg exchange.Target) error { return exchange.ReadVCard(f, tg) })
}

func TestGoldenCorpusVCards(t *testing.T) {
	t.Parallel()
	goldenImport(t, sharedDir(t, "corpus", "vcf"), "vcf", "corpus-vcf.txt",
		func(f *os.File, tg exchange.Target) error { return exchange.ReadVCard(f, tg) })
}
