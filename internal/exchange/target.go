package exchange

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/tend-app/tend/internal/domain"
)

// Target receives what a reader finds in a file, record by record.
// *store.Import is the one the program uses: it writes each record inside
// one transaction. Tests use a recorder.
type Target interface {
	// PutPerson merges a person who carries an id (tend's own JSON).
	PutPerson(domain.Person) error
	// MatchPerson adds a person from another tool, or merges them into the
	// one of the same name, and returns the id.
	MatchPerson(domain.Person) (string, error)
	// HasPerson reports whether an id names someone already put or in tend.
	HasPerson(id string) bool
	// PutInteraction merges an interaction by id.
	PutInteraction(domain.Interaction) error
	// PutMemory merges a memory by id.
	PutMemory(domain.Memory) error
	// Skip records something left out, and why.
	Skip(domain.ImportSkip)
	// Note records something the user should know, though nothing was
	// left out (two people of one name kept apart, a charset guessed).
	Note(domain.ImportNote)
}

// InputError is something wrong with the file being read, at a place in it.
// Every reader returns one for bad input, so the caller can tell bad input
// (the user's to fix) from a failure to write.
type InputError struct {
	Line   int    // 1-based line of the problem; 0 when not known
	Record string // the record, such as "people[3]" or "card 2"; "" for the whole file
	Err    error
}

func (e *InputError) Error() string {
	switch {
	case e.Record != "" && e.Line > 0:
		return fmt.Sprintf("%s (line %d): %v", e.Record, e.Line, e.Err)
	case e.Record != "":
		return fmt.Sprintf("%s: %v", e.Record, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	}
	return e.Err.Error()
}

func (e *InputError) Unwrap() error { return e.Err }

func inputErrorf(line int, record, format string, args ...any) error {
	return &InputError{Line: line, Record: record, Err: fmt.Errorf(format, args...)}
}

// placeErr puts an error from a Target at a place in the file when it is
// about the record (a store validation error), and leaves it alone when it
// is a failure to write, which is not the file's fault.
func placeErr(err error, line int, record string) error {
	if err == nil {
		return nil
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return err
	}
	if errors.Is(err, domain.ErrInvalid) || errors.Is(err, domain.ErrNameTaken) || errors.Is(err, domain.ErrNotFound) {
		return &InputError{Line: line, Record: record, Err: err}
	}
	return err
}

// sniffLen is how much of a file is looked at to tell text from binary.
const sniffLen = 8 << 10

// checkText refuses a file that is plainly not text (it holds NUL bytes,
// as images, archives and databases do), with a message saying so rather
// than a parser's complaint about byte 1.
func checkText(start []byte, what string) error {
	if len(start) == 0 {
		return nil
	}
	if i := bytes.IndexByte(start, 0); i >= 0 {
		return inputErrorf(0, "", "this is a binary file, not %s (a NUL byte at offset %d)", what, i)
	}
	return nil
}

// peek reads the start of r for sniffing and returns a reader that still
// yields all of r.
func peek(r io.Reader) ([]byte, io.Reader, error) {
	buf := make([]byte, sniffLen)
	n, err := io.ReadFull(r, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, nil, err
	}
	// A UTF-8 byte-order mark, which Windows programs write, is no part
	// of the text.
	buf = bytes.TrimPrefix(buf[:n], []byte("\xef\xbb\xbf"))
	return buf, io.MultiReader(bytes.NewReader(buf), r), nil
}

// validUTF8 reports whether b is text tend can store as it is.
func validUTF8(b []byte) bool { return utf8.Valid(b) }
