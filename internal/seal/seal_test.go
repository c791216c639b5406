package seal

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/armor"
)

func init() {
	// scrypt at age's default cost takes seconds, many more under -race;
	// the format is the same at any cost.
	passphraseWorkFactor = 10
}

var plain = []byte("SQLite format 3\x00 Ana Lima, who told you about her exam on Friday\n")

func seal(t *testing.T, recipients ...Recipient) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := Encrypt(&buf, recipients...)
	if err != nil {
		t.Fatalf("Encrypt = %v", err)
	}
	if _, err := w.Write(plain); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("Close = %v", err)
	}
	return buf.Bytes()
}

func open(t *testing.T, sealed []byte, identities ...Identity) ([]byte, error) {
	t.Helper()
	r, err := Decrypt(bytes.NewReader(sealed), identities...)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func mustPassphrase(t *testing.T, p string) (Recipient, Identity) {
	t.Helper()
	r, err := Passphrase(p)
	if err != nil {
		t.Fatal(err)
	}
	id, err := PassphraseIdentity(p)
	if err != nil {
		t.Fatal(err)
	}
	return r, id
}

func TestPassphraseRoundTrip(t *testing.T) {
	r, id := mustPassphrase(t, "correct horse battery staple")
	sealed := seal(t, r)
	if bytes.Contains(sealed, []byte("Ana Lima")) {
		t.Fatal("the sealed file holds the plain text")
	}
	if !IsSealed(sealed) {
		t.Errorf("IsSealed(a sealed file) = false")
	}
	got, err := open(t, sealed, id)
	if err != nil || !bytes.Equal(got, plain) {
		t.Errorf("Decrypt = %q, %v; want the plain text back", got, err)
	}

	_, wrong := mustPassphrase(t, "correct horse battery stapler")
	if _, err := open(t, sealed, wrong); !errors.Is(err, ErrNoKey) {
		t.Errorf("Decrypt with a wrong passphrase = %v, want ErrNoKey", err)
	}
}

func TestKeyRoundTrip(t *testing.T) {
	alice, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	bob, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseRecipient("  " + alice.Recipient().String() + "\n")
	if err != nil {
		t.Fatalf("ParseRecipient(alice's public key) = %v", err)
	}
	sealed := seal(t, r)
	ids, err := ParseIdentities(strings.NewReader("# created: today\n" + alice.String() + "\n"))
	if err != nil {
		t.Fatalf("ParseIdentities = %v", err)
	}
	if got, err := open(t, sealed, ids...); err != nil || !bytes.Equal(got, plain) {
		t.Errorf("Decrypt with alice's key = %q, %v; want the plain text back", got, err)
	}
	if _, err := open(t, sealed, bob); !errors.Is(err, ErrNoKey) {
		t.Errorf("Decrypt with bob's key = %v, want ErrNoKey", err)
	}
	_, id := mustPassphrase(t, "x")
	if _, err := open(t, sealed, id); !errors.Is(err, ErrNoKey) {
		t.Errorf("Decrypt a key-sealed file with a passphrase = %v, want ErrNoKey", err)
	}
}

func TestDecryptArmored(t *testing.T) {
	r, id := mustPassphrase(t, "pass")
	var buf bytes.Buffer
	aw := armor.NewWriter(&buf)
	w, err := Encrypt(aw, r)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(plain)
	w.Close()
	aw.Close()
	if !IsSealed(buf.Bytes()) {
		t.Errorf("IsSealed(an armored file) = false")
	}
	if got, err := open(t, buf.Bytes(), id); err != nil || !bytes.Equal(got, plain) {
		t.Errorf("Decrypt(armored) = %q, %v; want the plain text back", got, err)
	}
}

func TestTamperedFileFailsToRead(t *testing.T) {
	r, id := mustPassphrase(t, "pass")
	sealed := seal(t, r)
	sealed[len(sealed)-5] ^= 1
	got, err := open(t, sealed, id)
	if err == nil {
		t.Fatalf("reading an altered file gave %q and no error, want an error", got)
	}
}

func TestIsSealed(t *testing.T) {
	tests := []struct {
		name string
		head string
		want bool
	}{
		{"binary", "age-encryption.org/v1\n-> scrypt", true},
		{"armored", "-----BEGIN AGE ENCRYPTED FILE-----\nYWdl", true},
		{"armored after a blank line", "\n-----BEGIN AGE ENCRYPTED FILE-----\n", true},
		{"sqlite", "SQLite format 3\x00", false},
		{"json", `{"format": "tend", "version": 1}`, false},
		{"empty", "", false},
		{"a prefix of the header", "age-encryption.org/v", false},
	}
	for _, tc := range tests {
		if got := IsSealed([]byte(tc.head)); got != tc.want {
			t.Errorf("%s: IsSealed(%q) = %v, want %v", tc.name, tc.head, got, tc.want)
		}
	}
}

func TestBadInputs(t *testing.T) {
	secret, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"", "ssh-ed25519 AAAA", "age1notakey", secret.String()} {
		_, err := ParseRecipient(key)
		if err == nil {
			t.Errorf("ParseRecipient(%q) = nil error, want one", key)
			continue
		}
		if key != "" && strings.Contains(err.Error(), key) {
			t.Errorf("ParseRecipient error %q quotes the key, which may be a secret one", err)
		}
	}
	if _, err := Passphrase(""); err == nil {
		t.Error("Passphrase(\"\") = nil error, want one")
	}
	if _, err := Encrypt(io.Discard); err == nil {
		t.Error("Encrypt with no recipients = nil error, want one")
	}
	_, id := mustPassphrase(t, "pass")
	if _, err := Decrypt(strings.NewReader("SQLite format 3\x00"), id); err == nil || errors.Is(err, ErrNoKey) {
		t.Errorf("Decrypt(a plain file) = %v, want an error that is not ErrNoKey", err)
	}
}
