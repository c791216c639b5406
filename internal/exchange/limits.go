package exchange

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// MaxRecordBytes bounds one record of a file (a CSV row, a JSON record or
// value, a friends.md line): every text field tend keeps is at most 256 KB,
// so a record many times that is a broken or hostile file. Refusing it as
// it streams in keeps memory small whatever the file's size.
const MaxRecordBytes = 4 << 20

// MaxVCardBytes bounds a vCard file, which is read whole and then held
// two or three times over while its cards are taken apart: 32 MB is a few
// thousand cards with a photo on each, and stays under 200 MB in memory.
const MaxVCardBytes = 32 << 20

// errRecordTooLong is what a recordLimiter returns past its bound.
var errRecordTooLong = errors.New("record too long")

// recordLimiter passes reads on until more than max bytes have been read
// since the last mark, the start of the record being read; then it
// fails, before a parser buffers the rest of an endless record.
type recordLimiter struct {
	r    io.Reader
	read int64 // bytes read so far
	mark int64 // where the current record starts
	max  int64
}

func (l *recordLimiter) Read(p []byte) (int, error) {
	if l.read-l.mark > l.max {
		return 0, errRecordTooLong
	}
	if room := l.max - (l.read - l.mark) + 1; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

// markAt starts a new record at offset off of the input.
func (l *recordLimiter) markAt(off int64) { l.mark = off }

// tooLong is the error for a record past the bound, at a line if known.
func tooLong(line int, what string) error {
	return inputErrorf(line, "", "%s is longer than %d MB, more than any record tend keeps", what, MaxRecordBytes>>20)
}

// readLimited reads all of r, refusing more than max bytes with the file
// kind named, so that a huge file is refused after max bytes, not after
// all of them.
func readLimited(r io.Reader, max int64, what string) ([]byte, error) {
	// Read in chunks and joined once: io.ReadAll's growing buffer leaves
	// its outgrown copies behind, twice the file in memory and more.
	var chunks [][]byte
	total := int64(0)
	for total <= max {
		chunk := make([]byte, 1<<20)
		n, err := io.ReadFull(r, chunk)
		chunks = append(chunks, chunk[:n])
		total += int64(n)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
	}
	if total > max {
		return nil, inputErrorf(0, "", "the file is larger than %d MB, more than %s tend reads; split it", max>>20, what)
	}
	return bytes.Join(chunks, nil), nil
}

// utf16Start reports whether a file starting with b is UTF-16, as
// fileToUTF8 tells it: its NUL bytes are half of its characters.
func utf16Start(b []byte) bool {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return true
	case len(b) >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0:
		return true
	case len(b) >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0:
		return true
	}
	return false
}
