package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/term"

	"github.com/tend-app/tend/internal/seal"
)

// passphraseEnv gives the passphrase of an encrypted file to a script or a
// test, where there is no terminal to ask on.
const passphraseEnv = "TEND_PASSPHRASE"

// passphrase returns the passphrase for an encrypted file: TEND_PASSPHRASE
// when it is set, else one typed on the terminal without echo. confirm asks
// twice, for a new file, so that a typo cannot lock its owner out.
func (a *app) passphrase(confirm bool) (string, error) {
	return a.askPassphrase(confirm, "give an age public key with --recipient")
}

// passphraseToOpen is the passphrase of an encrypted file to read; without
// a terminal, the way round it is the secret key, --identity.
func (a *app) passphraseToOpen() (string, error) {
	return a.askPassphrase(false, "give the age secret key file with --identity FILE")
}

func (a *app) askPassphrase(confirm bool, instead string) (string, error) {
	if p, ok := a.env[passphraseEnv]; ok {
		if p == "" {
			return "", usageErrorf("%s is set but empty", passphraseEnv)
		}
		return p, nil
	}
	// Standard input, not /dev/tty: tend run from a script or a test
	// without a passphrase must fail, not wait for someone to type.
	f, ok := a.stdin.(*os.File) // a terminal has a file descriptor to turn echo off on
	if !a.terminals.Stdin || !ok {
		return "", usageErrorf("no terminal to ask for a passphrase on: set %s, or %s", passphraseEnv, instead)
	}
	// Echo is off while the passphrase is typed; Ctrl-C (or a kill) then
	// would leave the terminal so, typing blind. It is put back first.
	fd := int(f.Fd())
	if state, err := term.GetState(fd); err == nil {
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		done := make(chan struct{})
		defer func() {
			signal.Stop(sigs)
			close(done)
		}()
		go func() {
			select {
			case <-sigs:
				term.Restore(fd, state)
				fmt.Fprintln(a.stderr)
				fmt.Fprintln(a.stderr, "tend: interrupted; nothing was written")
				os.Exit(130)
			case <-done:
			}
		}()
	}
	read := func(prompt string) (string, error) {
		fmt.Fprint(a.stderr, prompt)
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(a.stderr)
		if err != nil {
			return "", fmt.Errorf("read the passphrase: %w", err)
		}
		return string(b), nil
	}
	p, err := read("Passphrase: ")
	if err != nil {
		return "", err
	}
	if p == "" {
		return "", usageErrorf("the passphrase is empty")
	}
	if confirm {
		again, err := read("The same passphrase again: ")
		if err != nil {
			return "", err
		}
		if again != p {
			return "", usageErrorf("the two passphrases differ; nothing was written")
		}
	}
	return p, nil
}

// recipients are who a new encrypted file is for: the age public keys
// given, else a passphrase (age cannot seal one file for both).
func (a *app) recipients(keys []string) ([]seal.Recipient, error) {
	if len(keys) == 0 {
		p, err := a.passphrase(true)
		if err != nil {
			return nil, err
		}
		r, err := seal.Passphrase(p)
		if err != nil {
			return nil, usageErrorf("%v", err)
		}
		return []seal.Recipient{r}, nil
	}
	var out []seal.Recipient
	for _, k := range keys {
		r, err := seal.ParseRecipient(k)
		if err != nil {
			return nil, usageErrorf("--recipient: %v", err)
		}
		out = append(out, r)
	}
	return out, nil
}
