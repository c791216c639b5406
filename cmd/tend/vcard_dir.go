package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/words"
)

// A folder of vCards, one file per person, named after the person's UID:
// khard reads it, vdirsyncer syncs it with a CardDAV server. tend writes
// only what changed and removes only files it wrote itself (their cards
// carry X-TEND-ID), so the folder can hold other contacts too.

// dirResult counts what an export to a folder did.
type dirResult struct {
	written, unchanged, removed int
	leftAlone                   []string // why each person was not written
}

// maxCardFile is the most of a file in the folder read to find its UID:
// a card with a photo is some hundred kilobytes.
const maxCardFile = 16 << 20

// exportVCardDir writes the people's cards into dir.
func exportVCardDir(dir string, people []domain.Person) (dirResult, error) {
	var res dirResult
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return res, usageErrorf("--dir %s: is a file, not a folder", dir)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return res, fmt.Errorf("--dir %s: %w", dir, err)
	}
	// What is in the folder: who wrote each card, and for whom.
	type onDisk struct{ uid, tendID string }
	present := map[string]onDisk{}
	foreignUID := map[string]string{} // a UID in a card tend did not write → its file
	entries, err := os.ReadDir(dir)
	if err != nil {
		return res, fmt.Errorf("--dir %s: %w", dir, err)
	}
	for _, e := range entries {
		if ok, _ := filepath.Match(cardTempPattern, e.Name()); ok && e.Type().IsRegular() {
			// A card an export killed halfway was writing: part of a card,
			// with someone's details, in a folder that may be synced.
			os.Remove(filepath.Join(dir, e.Name()))
			continue
		}
		if !e.Type().IsRegular() || !exchange.IsCardFile(e.Name()) {
			continue
		}
		data, err := readHead(filepath.Join(dir, e.Name()))
		if err != nil {
			return res, fmt.Errorf("--dir %s: %w", dir, err)
		}
		uid, tendID := exchange.CardIDs(data)
		present[e.Name()] = onDisk{uid, tendID}
		if tendID == "" && uid != "" {
			foreignUID[uid] = e.Name()
		}
	}

	files, clash := exchange.CardFiles(people)
	for _, p := range clash {
		res.leftAlone = append(res.leftAlone, fmt.Sprintf("%s: another person holds the UID %s", p.Name, exchange.CardUID(p)))
	}
	keep := map[string]bool{}
	for _, f := range files {
		keep[f.Name] = true
		if other, ok := foreignUID[f.UID]; ok && other != f.Name {
			res.leftAlone = append(res.leftAlone, fmt.Sprintf("%s: %s holds the same UID and was not written by tend", f.Person.Name, other))
			continue
		}
		if d, ok := present[f.Name]; ok && d.tendID != f.Person.ID {
			res.leftAlone = append(res.leftAlone, fmt.Sprintf("%s: %s was not written by tend for them", f.Person.Name, f.Name))
			continue
		}
		var buf bytes.Buffer
		if err := exchange.WriteVCard(&buf, []domain.Person{f.Person}); err != nil {
			return res, err
		}
		path := filepath.Join(dir, f.Name)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, buf.Bytes()) {
			res.unchanged++
			continue
		}
		if err := writeCardFile(path, buf.Bytes()); err != nil {
			// Said of the folder, with how far it got: the temporary
			// file's name tells the user nothing.
			why := err
			var pe *fs.PathError
			if errors.As(err, &pe) {
				why = pe.Err
			}
			if errors.Is(err, syscall.ENOSPC) {
				why = errors.New("the disk it is on is full")
			}
			return res, fmt.Errorf("--dir %s: %v; %d of %d cards written, the others left as they were", dir, why, res.written, len(files))
		}
		res.written++
	}
	// Cards tend wrote for someone it no longer exports (deleted, archived,
	// or now under another UID) go; nothing else is touched.
	for name, d := range present {
		if d.tendID == "" || keep[name] {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return res, fmt.Errorf("--dir %s: %w", dir, err)
		}
		res.removed++
	}
	return res, nil
}

// readHead reads a card file, or its first maxCardFile bytes.
func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxCardFile))
}

// cardTempPattern names the card writeCardFile is writing.
const cardTempPattern = ".tend-*.tmp"

// writeCardFile writes a card whole under a hidden temporary name in the
// folder (which card readers pass over) and renames it into place, so a
// reader or a sync sees the old card or the new one, never part of one.
func writeCardFile(path string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), cardTempPattern)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// text is the summary line of an export to a folder.
func (r dirResult) text(dir string, people int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Exported %s to %s: %d written, %d unchanged, %d removed.\n",
		words.Count(people, "person", "people"), dir, r.written, r.unchanged, r.removed)
	for _, why := range r.leftAlone {
		fmt.Fprintf(&b, "  left alone: %s\n", why)
	}
	return b.String()
}
