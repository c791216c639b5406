package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
)

// TestEncryptedExportImportsBack seals an export for a public key and reads
// it back into an empty database with the secret key; a wrong key is
// refused and writes nothing. (A passphrase costs seconds of scrypt, so the
// key is a public one here; seal's own tests cover passphrases.)
func TestEncryptedExportImportsBack(t *testing.T) {
	key, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	other, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key.txt")
	otherFile := filepath.Join(dir, "other.txt")
	os.WriteFile(keyFile, []byte(key.String()+"\n"), 0o600)
	os.WriteFile(otherFile, []byte(other.String()+"\n"), 0o600)

	from := newHarness(t)
	seed(from)
	sealed := filepath.Join(dir, "tend.json.age")
	from.ok("export", "json", "--recipient", key.Recipient().String(), "-o", sealed)
	raw, err := os.ReadFile(sealed)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(raw), "age-encryption.org/v1\n") || strings.Contains(string(raw), "Ana Lima") {
		t.Fatalf("export --recipient did not write an age file (starts %q)", raw[:min(len(raw), 30)])
	}

	to := newHarness(t)
	r := to.run("import", "json", sealed, "--identity", otherFile)
	if r.code != exitUsage || !strings.Contains(r.stderr, "does not open it") {
		t.Errorf("import with the wrong key: exit %d, stderr %q; want exit 2 saying the key does not open it", r.code, r.stderr)
	}
	if got := strings.TrimSpace(to.ok("list", "--json").stdout); got != "[]" {
		t.Errorf("a refused import wrote people: %s", got)
	}
	to.ok("import", "json", sealed, "--identity", keyFile)
	if got, want := to.ok("list", "--json").stdout, from.ok("list", "--json").stdout; got != want {
		t.Errorf("the people read back differ:\n%s", lineDiff(want, got))
	}
	if got, want := to.ok("history", "--json").stdout, from.ok("history", "--json").stdout; got != want {
		t.Errorf("the history read back differs:\n%s", lineDiff(want, got))
	}
}

// TestEncryptedImportRefusals: an encrypted file with no passphrase to
// hand points to --identity (the secret key), not --recipient; one cut
// short is bad input (exit 2), as a plain file cut short is, and writes
// nothing.
func TestEncryptedImportRefusals(t *testing.T) {
	key, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key.txt")
	os.WriteFile(keyFile, []byte(key.String()+"\n"), 0o600)
	from := newHarness(t)
	seed(from)
	sealed := filepath.Join(dir, "tend.json.age")
	from.ok("export", "json", "--recipient", key.Recipient().String(), "-o", sealed)

	to := newHarness(t)
	r := to.run("import", "json", sealed)
	if r.code != exitUsage || !strings.Contains(r.stderr, "--identity") || strings.Contains(r.stderr, "--recipient") {
		t.Errorf("import of an encrypted file with no terminal: exit %d, stderr %q; want exit 2 pointing to --identity", r.code, r.stderr)
	}

	raw, _ := os.ReadFile(sealed)
	cut := filepath.Join(dir, "cut.json.age")
	os.WriteFile(cut, raw[:len(raw)-40], 0o600)
	r = to.run("import", "json", cut, "--identity", keyFile)
	if r.code != exitUsage || !strings.Contains(r.stderr, "cut short") {
		t.Errorf("import of a truncated encrypted file: exit %d, stderr %q; want exit 2 saying it is cut short", r.code, r.stderr)
	}
	if got := strings.TrimSpace(to.ok("list", "--json").stdout); got != "[]" {
		t.Errorf("a refused import wrote people: %s", got)
	}
}
