package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestExportVCardDir keeps a folder of vCards in step: one file per
// person named by a UID that stays, only changed files rewritten, files of
// people gone removed, and files tend did not write never touched.
func TestExportVCardDir(t *testing.T) {
	h := newHarness(t)
	dir := filepath.Join(t.TempDir(), "contacts")
	h.ok("add", "Ana Lima", "--tier", "close", "--phone", "+44 7700 900123")
	h.ok("add", "Ben Okafor")
	card := "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:5f3e\r\nFN:Cleo\r\nN:;Cleo;;;\r\nORG:Bike Shop\r\nEND:VCARD\r\n"
	h.runIn(card, "import", "vcard", "-")

	r := h.ok("export", "vcard", "--dir", dir)
	if !strings.Contains(r.stdout, "Exported 3 people to "+dir+": 3 written, 0 unchanged, 0 removed.") {
		t.Errorf("first export said %q", r.stdout)
	}
	files := listDir(t, dir)
	if len(files) != 3 || !slices.Contains(files, "5f3e.vcf") {
		t.Fatalf("files %q, want three, Cleo's named by her UID", files)
	}
	info, _ := os.Stat(filepath.Join(dir, "5f3e.vcf"))
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	// A file of someone else's, holding a UID tend does not have.
	foreign := filepath.Join(dir, "mine.vcf")
	mine := "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:x-1\r\nFN:Mine\r\nEND:VCARD\r\n"
	if err := os.WriteFile(foreign, []byte(mine), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(filepath.Join(dir, "5f3e.vcf"))

	h.ok("edit", "ana", "--tier", "inner")
	h.ok("rm", "ben", "--yes")
	r = h.ok("export", "vcard", "--dir", dir)
	if !strings.Contains(r.stdout, "Exported 2 people to "+dir+": 1 written, 1 unchanged, 1 removed.") {
		t.Errorf("second export said %q", r.stdout)
	}
	after, _ := os.Stat(filepath.Join(dir, "5f3e.vcf"))
	if !after.ModTime().Equal(before.ModTime()) || after.Sys() == nil {
		t.Errorf("Cleo's unchanged card was rewritten")
	}
	if got, _ := os.ReadFile(foreign); string(got) != mine {
		t.Errorf("a file tend did not write was changed")
	}
	files = listDir(t, dir)
	if len(files) != 3 {
		t.Errorf("files %q, want Ana's, Cleo's and mine.vcf", files)
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".tmp") {
			t.Errorf("a temporary file was left: %s", f)
		}
	}

	// The folder reads back, the file of someone else's included.
	other := newHarness(t)
	r = other.ok("import", "vcard", dir)
	if !strings.Contains(r.stdout, "3 new, 0 matched") {
		t.Errorf("import of the folder said %q", r.stdout)
	}
	show := other.ok("show", "ana").stdout
	if !strings.Contains(show, "inner") || !strings.Contains(show, "+44 7700 900123") {
		t.Errorf("Ana came back as\n%s", show)
	}
	if !strings.Contains(other.ok("show", "cleo").stdout, "Bike Shop") {
		t.Errorf("Cleo lost her organisation")
	}

	// A card of someone else's under the name tend would write is left alone.
	if err := os.WriteFile(filepath.Join(dir, "5f3e.vcf"), []byte(card), 0o600); err != nil {
		t.Fatal(err)
	}
	r = h.ok("export", "vcard", "--dir", dir)
	if !strings.Contains(r.stdout, "left alone: Cleo: 5f3e.vcf was not written by tend for them") {
		t.Errorf("export over a foreign card said %q", r.stdout)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "5f3e.vcf")); string(got) != card {
		t.Errorf("the foreign card was overwritten")
	}
}

func TestExportVCardDirBadUsage(t *testing.T) {
	h := newHarness(t)
	file := filepath.Join(t.TempDir(), "f")
	os.WriteFile(file, nil, 0o600)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "json", "--dir", "x"}, "--dir writes a folder of vCards: it goes with export vcard, not json"},
		{[]string{"export", "vcard", "--dir", "x", "-o", "y"}, "--dir writes a folder: it does not go with -o"},
		{[]string{"export", "vcard", "--dir", file}, "is a file, not a folder"},
	} {
		r := h.run(tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("tend %s: exit %d, %q; want 2 and %q", strings.Join(tc.args, " "), r.code, r.stderr, tc.want)
		}
	}
	empty := t.TempDir()
	if r := h.run("import", "vcard", empty); r.code != 2 || !strings.Contains(r.stderr, "no .vcf file in the folder") {
		t.Errorf("import of an empty folder: %d %q", r.code, r.stderr)
	}
}

// TestKhardReadsTheFolder has khard, an address book for the terminal,
// read the folder tend wrote. It skips where khard is not installed.
func TestKhardReadsTheFolder(t *testing.T) {
	khard, err := exec.LookPath("khard")
	if err != nil {
		t.Skip("khard is not installed (apt-get install khard)")
	}
	h := newHarness(t)
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "contacts")
	h.ok("add", "Ana Lima", "--tier", "close", "--phone", "+44 7700 900123", "--email", "ana@example.org", "--birthday", "1990-04-15")
	h.runIn("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:5f3e\r\nFN:安藤 ロイド\r\nN:安藤;ロイド;;;\r\nORG:Bike Shop\r\n"+
		"TEL;TYPE=CELL:+81 90 1234\r\nEND:VCARD\r\n", "import", "vcard", "-")
	h.ok("export", "vcard", "--dir", dir)
	conf := filepath.Join(tmp, "khard.conf")
	os.WriteFile(conf, []byte("[addressbooks]\n[[tend]]\npath = "+dir+"\n[general]\ndefault_action = list\n"), 0o600)
	khardRun := func(args ...string) string {
		cmd := exec.Command(khard, append([]string{"-c", conf}, args...)...)
		cmd.Env = append(os.Environ(), "HOME="+tmp, "XDG_CONFIG_HOME="+tmp, "XDG_CACHE_HOME="+tmp)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("khard %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	list := khardRun("list", "--parsable")
	for _, want := range []string{"5f3e\t", "Ana Lima", "ロイド"} {
		if !strings.Contains(list, want) {
			t.Errorf("khard list lacks %q:\n%s", want, list)
		}
	}
	ana := khardRun("show", "--format", "yaml", "Ana")
	for _, want := range []string{"Formatted name: Ana Lima", "+44 7700 900123", "ana@example.org", "Birthday: '1990-04-15'"} {
		if !strings.Contains(ana, want) {
			t.Errorf("khard show Ana lacks %q:\n%s", want, ana)
		}
	}
	roido := khardRun("show", "--format", "yaml", "Bike")
	for _, want := range []string{"Last name: 安藤", "First name: ロイド", "- Bike Shop", "cell: +81 90 1234"} {
		if !strings.Contains(roido, want) {
			t.Errorf("khard show lacks %q:\n%s", want, roido)
		}
	}
}

// TestExportVCardDirClearsAKilledExportsCard: a part of a card that an
// export killed halfway left in the folder is gone after the next export.
func TestExportVCardDirClearsAKilledExportsCard(t *testing.T) {
	h := newHarness(t)
	dir := filepath.Join(t.TempDir(), "contacts")
	h.ok("add", "Ana Lima")
	h.ok("export", "vcard", "--dir", dir)
	part := filepath.Join(dir, ".tend-3663714937.tmp")
	if err := os.WriteFile(part, []byte("BEGIN:VCARD\r\nFN:Vik Quispe\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h.ok("export", "vcard", "--dir", dir)
	if _, err := os.Stat(part); err == nil {
		t.Errorf("the part of a card a killed export left is still there")
	}
	if files := listDir(t, dir); len(files) != 1 {
		t.Errorf("files %q, want Ana's card alone", files)
	}
}
