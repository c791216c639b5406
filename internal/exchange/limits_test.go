package exchange_test

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/internal/exchange"
)

// endless yields head, then fill repeated until size bytes, without ever
// holding them: a 200 MB file that costs nothing to make.
type endless struct {
	head     string
	fill     byte
	size, at int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.at >= e.size {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && e.at < e.size {
		if e.at < int64(len(e.head)) {
			p[n] = e.head[e.at]
		} else {
			p[n] = e.fill
		}
		n++
		e.at++
	}
	return n, nil
}

// TestHugeInputIsRefusedEarly: a 200 MB record, or 200 MB of binary, is
// refused after a bounded part of it was read, not after all of it.
func TestHugeInputIsRefusedEarly(t *testing.T) {
	t.Parallel()
	const size = 200 << 20
	friends := func(r io.Reader, t exchange.Target) error {
		return exchange.ReadFriends(r, t, time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC))
	}
	tests := []struct {
		name    string
		read    func(io.Reader, exchange.Target) error
		in      *endless
		maxRead int64
		want    string
	}{
		{"csv cell", exchange.ReadCSV, &endless{head: "name,notes\nAna,\"", fill: 'y', size: size}, 5 << 20, "line 2: the row is longer than 4 MB"},
		{"csv line", exchange.ReadCSV, &endless{head: "name,notes\nAna,", fill: 'y', size: size}, 5 << 20, "line 2: the row is longer than 4 MB"},
		{"json string", exchange.ReadJSON, &endless{head: `{"format":"tend","version":1,"people":[{"id":"01JP0000000000000000000001","name":"`, fill: 'z', size: size}, 5 << 20, "people[0]: the record is longer than 4 MB"},
		{"json unknown key", exchange.ReadJSON, &endless{head: `{"format":"tend","version":1,"x":"`, fill: 'z', size: size}, 5 << 20, "the record is longer than 4 MB"},
		{"friends line", friends, &endless{head: "### Friends:\n- Ana ", fill: 'm', size: size}, 5 << 20, "line 2: the line is longer than 4 MB"},
		{"vcard", exchange.ReadVCard, &endless{head: "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nNOTE:", fill: 'n', size: size}, 34 << 20, "larger than 32 MB"},
		{"csv binary", exchange.ReadCSV, &endless{head: strings.Repeat("\x89", 346) + "\x00", fill: 0xAB, size: size}, 64 << 10, "NUL byte at offset 346"},
		{"vcard binary", exchange.ReadVCard, &endless{head: strings.Repeat("\x89", 346) + "\x00", fill: 0xAB, size: size}, 64 << 10, "NUL byte at offset 346"},
		{"json binary", exchange.ReadJSON, &endless{head: strings.Repeat("\x89", 346) + "\x00", fill: 0xAB, size: size}, 64 << 10, "NUL byte at offset 346"},
		{"friends binary", friends, &endless{head: strings.Repeat("\x89", 346) + "\x00", fill: 0xAB, size: size}, 64 << 10, "NUL byte at offset 346"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.read(tc.in, newRecorder())
			var ie *exchange.InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want an *InputError mentioning %q", err, tc.want)
			}
			if tc.in.at > tc.maxRead {
				t.Errorf("read %d MB of the 200 before refusing, want at most %d KB", tc.in.at>>20, tc.maxRead>>10)
			}
		})
	}
}
