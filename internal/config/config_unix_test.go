//go:build unix

package config

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadRefusesWhatIsNotAFile: a named pipe would wait for a writer for
// ever, holding a shell's prompt; a device such as /dev/zero would never
// end.
func TestLoadRefusesWhatIsNotAFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, "/dev/zero"} {
		if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "not a file") {
			t.Errorf("Load(%s) = %v, want it refused", path, err)
		}
	}
}
