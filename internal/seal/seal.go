// Package seal encrypts and decrypts whole files with age
// (https://age-encryption.org), so that a backup or an export of tend can be
// kept where others might read it: a cloud folder, a USB stick. A sealed
// file is an ordinary age file, and the age tool opens it too.
//
// Asking for a passphrase is the caller's business (a terminal, an
// environment variable): this package takes it as a string.
package seal

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// Recipient is who can open a sealed file: the holder of a passphrase, or of
// the secret key behind a public key.
type Recipient = age.Recipient

// Identity opens sealed files: a passphrase, or a secret key.
type Identity = age.Identity

// ErrNoKey means none of the identities given opens the file: a wrong
// passphrase, or a key the file was not sealed for.
var ErrNoKey = errors.New("wrong passphrase or key")

// passphraseWorkFactor is scrypt's cost for a new passphrase file, as a
// power of two: age's own default, about a second on a laptop. Tests lower
// it.
var passphraseWorkFactor = 18

// Passphrase returns the recipient for a passphrase. A file sealed for it
// can be sealed for no one else as well.
func Passphrase(passphrase string) (Recipient, error) {
	if passphrase == "" {
		return nil, errors.New("the passphrase is empty")
	}
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, err
	}
	r.SetWorkFactor(passphraseWorkFactor)
	return r, nil
}

// PassphraseIdentity returns the identity that opens a file sealed with
// Passphrase(passphrase).
func PassphraseIdentity(passphrase string) (Identity, error) {
	if passphrase == "" {
		return nil, errors.New("the passphrase is empty")
	}
	return age.NewScryptIdentity(passphrase)
}

// ParseRecipient reads an age public key: age1... (X25519) or age1pq1...
// (post-quantum hybrid), as age-keygen prints them.
func ParseRecipient(key string) (Recipient, error) {
	key = strings.TrimSpace(key)
	var (
		r   Recipient
		err error
	)
	switch {
	case strings.HasPrefix(key, "age1pq1"):
		r, err = age.ParseHybridRecipient(key)
	case strings.HasPrefix(key, "age1"):
		r, err = age.ParseX25519Recipient(key)
	default:
		// Not quoted: it may be a secret key pasted in the wrong place.
		return nil, errors.New("not an age public key (want age1..., as age-keygen prints it)")
	}
	if err != nil {
		// age's message quotes the key; a message of ours does not echo
		// key material, whatever was pasted.
		return nil, errors.New("not a valid age public key (a typo, or only part of it?)")
	}
	return r, nil
}

// ParseIdentities reads age secret keys, one a line, as in a file that
// age-keygen wrote; lines starting with # are comments.
func ParseIdentities(r io.Reader) ([]Identity, error) {
	return age.ParseIdentities(r)
}

// Encrypt returns a writer that seals what is written to it for the
// recipients, onto w. Close it to finish the file; that does not close w.
func Encrypt(w io.Writer, recipients ...Recipient) (io.WriteCloser, error) {
	if len(recipients) == 0 {
		return nil, errors.New("seal: no one to seal the file for")
	}
	return age.Encrypt(w, recipients...)
}

// Decrypt returns a reader of what r holds sealed, opened with the first of
// the identities that fits. An armored file (-----BEGIN AGE ENCRYPTED
// FILE-----) is read too. The content is checked as it is read: a reader
// of a damaged or altered file fails, it never yields wrong bytes.
func Decrypt(r io.Reader, identities ...Identity) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(len(armorHeader))
	var src io.Reader = br
	if bytes.HasPrefix(head, []byte(armorHeader)) {
		src = armor.NewReader(br)
	}
	out, err := age.Decrypt(src, identities...)
	if err != nil {
		var none *age.NoIdentityMatchError
		if errors.As(err, &none) {
			return nil, ErrNoKey
		}
		return nil, fmt.Errorf("open sealed file: %w", err)
	}
	return out, nil
}

const (
	binaryHeader = "age-encryption.org/v1\n"
	armorHeader  = "-----BEGIN AGE ENCRYPTED FILE-----"
)

// HeaderLen is how many bytes of a file IsSealed needs to see (past any
// blank lines before an armored file).
const HeaderLen = len(armorHeader)

// IsSealed reports whether head, the start of a file, is the start of an
// age file, binary or armored: an importer peeks at it to know whether to
// ask for a passphrase.
func IsSealed(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n") // armor may follow blank lines
	return bytes.HasPrefix(head, []byte(binaryHeader)) || bytes.HasPrefix(head, []byte(armorHeader))
}
