package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/seal"
)

// sealOptions are the flags that encrypt what a command writes.
type sealOptions struct {
	encrypt    bool
	recipients []string
}

func (o *sealOptions) register(cmd *cobra.Command) {
	cmd.Flags().BoolVar(&o.encrypt, "encrypt", false, "encrypt with age, for a passphrase (env "+passphraseEnv+")")
	stringArrayVar(cmd.Flags(), &o.recipients, "recipient", "encrypt for this age public `KEY` (age1...) instead of a passphrase; repeat for more")
}

// sealer returns how to wrap a writing function so that what it writes is
// sealed, or leaves it as it is when no encryption was asked for. It asks
// for the passphrase at once, before anything is read or written.
func (o *sealOptions) sealer(a *app) (func(func(io.Writer) error) func(io.Writer) error, error) {
	if !o.encrypt && len(o.recipients) == 0 {
		return func(write func(io.Writer) error) func(io.Writer) error { return write }, nil
	}
	recipients, err := a.recipients(o.recipients)
	if err != nil {
		return nil, err
	}
	return func(write func(io.Writer) error) func(io.Writer) error {
		return func(w io.Writer) error {
			sw, err := seal.Encrypt(w, recipients...)
			if err != nil {
				return fmt.Errorf("encrypt: %w", err)
			}
			if err := write(sw); err != nil {
				return err
			}
			if err := sw.Close(); err != nil {
				return fmt.Errorf("encrypt: %w", err)
			}
			return nil
		}
	}, nil
}

// unsealed returns in as it is, or, when it starts like an age file, a
// reader of what it holds, opened with the identity files given or else a
// passphrase.
func unsealed(a *app, name string, in io.ReadCloser, identityFiles []string) (io.ReadCloser, error) {
	br := bufio.NewReader(in)
	head, _ := br.Peek(seal.HeaderLen + 8)
	rest := struct {
		io.Reader
		io.Closer
	}{br, in}
	if !seal.IsSealed(head) {
		return rest, nil
	}
	var ids []seal.Identity
	for _, file := range identityFiles {
		f, err := os.Open(file)
		if err != nil {
			return nil, usageErrorf("--identity: %v", err)
		}
		found, err := seal.ParseIdentities(f)
		f.Close()
		if err != nil {
			return nil, usageErrorf("--identity %s: %v", file, err)
		}
		ids = append(ids, found...)
	}
	if len(ids) == 0 {
		p, err := a.passphraseToOpen()
		if err != nil {
			return nil, err
		}
		id, err := seal.PassphraseIdentity(p)
		if err != nil {
			return nil, usageErrorf("%v", err)
		}
		ids = append(ids, id)
	}
	r, err := seal.Decrypt(br, ids...)
	if errors.Is(err, seal.ErrNoKey) {
		return nil, usageErrorf("import %s: it is encrypted, and the passphrase or key does not open it", name)
	}
	if err != nil {
		return nil, usageErrorf("import %s: %v", name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&openedReader{r: r, name: name}, in}, nil
}

// openedReader reads what an age file holds. age finds a file cut short
// or changed only as it reads, past the header: that is bad input, as a
// plain file cut short is (exit 2), and said in plain words.
type openedReader struct {
	r    io.Reader
	name string
}

func (o *openedReader) Read(p []byte) (int, error) {
	n, err := o.r.Read(p)
	if err != nil && err != io.EOF {
		err = usageErrorf("import %s: the encrypted file is cut short or damaged (is it truncated?)", o.name)
	}
	return n, err
}
