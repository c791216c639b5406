package exchange

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/tend-app/tend/internal/domain"
)

// A folder of vCards (a "vdir", as khard, vdirsyncer and Evolution keep
// contacts) holds one card per file, named after its UID.

// IsCardFile reports whether a file name in a folder of vCards is a card:
// *.vcf, not hidden (temporary files of tend and of sync tools are).
func IsCardFile(name string) bool {
	return strings.EqualFold(strings.TrimPrefix(pathExt(name), "."), "vcf") && !strings.HasPrefix(name, ".")
}

func pathExt(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ""
}

// ReadVCardDir reads every card file at the top of a folder, in name
// order, into t as one import: people of one name are kept apart across
// files, a card or a file that cannot be read is skipped with its file,
// position and reason, and the folder is an *InputError only when no card
// in it could be read.
func ReadVCardDir(dir fs.FS, t Target) error {
	entries, err := fs.ReadDir(dir, ".")
	if err != nil {
		return fmt.Errorf("read the folder: %w", err)
	}
	v := newVCardReader(t)
	files := 0
	for _, e := range entries {
		if !e.Type().IsRegular() || !IsCardFile(e.Name()) {
			continue
		}
		files++
		data, err := readCardFile(dir, e.Name())
		if err == nil {
			err = v.file(data, e.Name()+": ")
		}
		var ie *InputError
		if errors.As(err, &ie) {
			if ie.Record == "" {
				// The whole file, not one card of it (a binary file, one
				// too large): the summary says so.
				ie.Record = e.Name()
				v.failWhole(ie, "file")
			} else {
				ie.Record = e.Name() + ": " + ie.Record
				v.fail(ie)
			}
			continue
		}
		if err != nil {
			return err
		}
	}
	if files == 0 {
		return inputErrorf(0, "", "no .vcf file in the folder")
	}
	return v.finish()
}

// readCardFile reads one file of the folder as ReadVCard reads a file: a
// binary file is refused at its first bytes, and one past MaxVCardBytes
// after that many, each an *InputError that leaves the file out.
func readCardFile(dir fs.FS, name string) ([]byte, error) {
	f, err := dir.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	defer f.Close()
	data, err := readVCardFile(f)
	var ie *InputError
	if err != nil && !errors.As(err, &ie) {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return data, err
}

// safeFileUID is a UID that can be a file name as it is.
var safeFileUID = lazyRegexp(`^[A-Za-z0-9][A-Za-z0-9._@+-]{0,120}$`)

// CardFileName is the file a card of this UID is kept in: the UID itself
// (less a urn:uuid: prefix) where it is a plain name, else a hash of it,
// so that the name stays the same for as long as the UID does.
func CardFileName(uid string) string {
	plain := uid
	if len(plain) > 9 && strings.EqualFold(plain[:9], "urn:uuid:") {
		plain = plain[9:]
	}
	if safeFileUID().MatchString(plain) {
		return plain + ".vcf"
	}
	sum := sha256.Sum256([]byte(uid))
	return hex.EncodeToString(sum[:12]) + ".vcf"
}

// CardIDs reads the UID and tend's X-TEND-ID of the first card in a file,
// to tell the files tend wrote (and for whom) from the others.
func CardIDs(data []byte) (uid, tendID string) {
	data, err := fileToUTF8(data)
	if err != nil {
		return "", ""
	}
	for _, ll := range unfoldVCard(data) {
		l, ok := parseVLine(ll.text, ll.line)
		if !ok {
			continue
		}
		switch l.name {
		case "UID":
			if uid == "" {
				uid = strings.TrimSpace(unescapeText(canonical(l.value)))
			}
		case "X-TEND-ID":
			if tendID == "" {
				tendID = strings.TrimSpace(l.value)
			}
		case "END":
			return uid, tendID
		}
	}
	return uid, tendID
}

// CardFile is one person's card as a file of a folder of vCards.
type CardFile struct {
	Name   string // the file name, from CardFileName
	UID    string
	Person domain.Person
}

// CardFiles names each person's file. Two people whose cards would share
// a file (one UID held twice) keep the first; the others are returned
// apart.
func CardFiles(people []domain.Person) (files []CardFile, clash []domain.Person) {
	taken := map[string]bool{}
	for _, p := range people {
		uid := CardUID(p)
		name := CardFileName(uid)
		if taken[strings.ToLower(name)] {
			clash = append(clash, p)
			continue
		}
		taken[strings.ToLower(name)] = true
		files = append(files, CardFile{Name: name, UID: uid, Person: p})
	}
	slices.SortFunc(files, func(a, b CardFile) int { return strings.Compare(a.Name, b.Name) })
	return files, clash
}
