package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tend never opens a network connection. Two tests hold it to that:
//
//   - TestNoNetworkPackages: `go list -deps` of the command names no package
//     whose purpose is talking over a network (HTTP, RPC, SMTP, TLS, SSH,
//     gRPC, websockets, golang.org/x/net but its HTML tokenizer). Package net itself is allowed,
//     and only through the importers listed in netImporters: the standard
//     library and two dependencies pull it in for types and parsing, and a
//     ban would ban cobra.
//   - TestBinaryCannotOpenSockets: whatever the import graph holds, the
//     linker keeps only code that can run. The built binary must hold no
//     function that dials, listens, resolves a name or makes a socket.

// networkPackages are import paths (and the trees below them) of network
// clients and servers.
var networkPackages = []string{
	"net/http", "net/rpc", "net/smtp", "crypto/tls",
	"golang.org/x/net", "golang.org/x/crypto/ssh",
	"google.golang.org/grpc", "github.com/gorilla/websocket", "nhooyr.io/websocket",
	"github.com/coder/websocket", "github.com/quic-go/quic-go",
}

// htmlPackages are the two packages of golang.org/x/net that are no
// network code: an HTML tokenizer (Google Takeout's Voice files) and its
// table of tag names. They import nothing beyond bytes and strings.
var htmlPackages = []string{"golang.org/x/net/html", "golang.org/x/net/html/atom"}

// netImporters are the packages allowed to import net, and why none of
// them connects anywhere:
var netImporters = map[string]string{
	// IP and IPMask flag types (net.ParseIP); cobra's flags come from here.
	"github.com/spf13/pflag": "parses IP flags",
	// Version 1 UUIDs read a MAC address with net.Interfaces; SQLite's
	// libc port imports uuid, and tend's ids are ULIDs.
	"github.com/google/uuid": "reads interface addresses for version 1 UUIDs",
	// Standard-library parsers that name net's types.
	"net/mail":      "parses addresses",
	"net/textproto": "parses MIME headers",
}

func TestNoNetworkPackages(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	deps := 0
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		pkg, imports := fields[0], fields[1:]
		deps++
		for _, banned := range networkPackages {
			if slices.Contains(htmlPackages, pkg) {
				break
			}
			if pkg == banned || strings.HasPrefix(pkg, banned+"/") {
				t.Errorf("tend depends on %s, a network package; who imports it: go mod why -m %s", pkg, pkg)
			}
		}
		if _, ok := netImporters[pkg]; !ok && slices.Contains(imports, "net") {
			t.Errorf("%s imports net: check that it never connects anywhere, then add it to netImporters with the reason", pkg)
		}
	}
	if deps < 50 {
		t.Fatalf("go list -deps named %d packages; the test is not reading its output right:\n%s", deps, out)
	}
}

// socketSymbols are the functions through which Go code reaches the
// network: any of them in the binary means some path could open a
// connection.
var socketSymbols = []string{
	"net.Dial", "net.(*Dialer).", "net.Listen", "net.(*ListenConfig).", "net.(*Resolver).",
	"net.LookupHost", "net.LookupIP", "net.socket", "net.(*sysDialer).", "net.(*netFD).connect",
	"syscall.Socket", "syscall.Connect", "syscall.Bind",
	"golang.org/x/sys/unix.Socket", "golang.org/x/sys/unix.Connect",
	// SQLite's C code runs on a Go port of libc; these are its sockets.
	"modernc.org/libc.Xsocket", "modernc.org/libc.Xconnect", "modernc.org/libc.Xgetaddrinfo",
}

func TestBinaryCannotOpenSockets(t *testing.T) {
	bin := tendBinary(t)
	out, err := exec.Command("go", "tool", "nm", bin).Output()
	if err != nil {
		t.Fatalf("go tool nm: %v", err)
	}
	symbols := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 3 {
			continue
		}
		symbols++
		name := fields[len(fields)-1]
		for _, s := range socketSymbols {
			if strings.HasPrefix(name, s) {
				t.Errorf("the tend binary holds %s, code that can open a network connection", name)
			}
		}
	}
	if symbols < 1000 {
		t.Fatalf("go tool nm listed %d symbols; the test is not reading its output right", symbols)
	}
}

// TestWrittenFilesArePrivate runs tend with a umask that lets everyone read
// everything, and checks that whatever it wrote is its owner's alone: the
// data folder, the database, its side files and backups.
func TestWrittenFilesArePrivate(t *testing.T) {
	b := newBinary(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "new folder", "tend")
	db := filepath.Join(data, "tend.db")
	open := func(args ...string) {
		t.Helper()
		cmd := exec.Command("sh", append([]string{"-c", `umask 000; exec "$0" "$@"`, b.path, "--db", db}, args...)...)
		cmd.Env = b.env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("tend %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	open("add", "Ana Lima", "--note", "private")
	open("log", "ana")
	open("backup")
	open("backup", filepath.Join(dir, "copy.db"))

	wantMode(t, data, 0o700)
	wantMode(t, filepath.Dir(data), 0o700)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s: mode %04o under umask 000, want no access for others", path, info.Mode().Perm())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(data); len(entries) < 2 {
		t.Errorf("the data folder holds %d files, want the database and its backup", len(entries))
	}
}

// TestErrorsDoNotEchoRecords checks that a refused write names what was
// wrong, not the whole record: a note can hold anything, and an error ends
// up in terminals, logs and bug reports.
func TestErrorsDoNotEchoRecords(t *testing.T) {
	const secret = "she told me about the diagnosis"
	h := newHarness(t)
	h.ok("add", "Ana Lima", "--note", secret)
	h.ok("add", "Ben Okafor")
	h.ok("log", "ana", "--at", "2026-11-20", "--note", secret)
	h.ok("remember", "ana", secret)

	importFile := filepath.Join(t.TempDir(), "bad.json")
	bad := `{"format": "tend", "version": 1, "people": [
		{"id": "01JAAAAAAAAAAAAAAAAAAAAAAA", "name": "Cara", "tier": "close", "notes": "` + secret + `",
		 "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"},
		{"id": "01JBBBBBBBBBBBBBBBBBBBBBBB", "name": "Dev", "tier": "bestie", "notes": "` + secret + `",
		 "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}],
		"interactions": [], "memories": []}`
	if err := os.WriteFile(importFile, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}

	for _, args := range [][]string{
		{"edit", "ana", "--name", "Ben Okafor"},                // name taken
		{"edit", "ana", "--tier", "bestie", "--note", secret},  // bad tier, with the note
		{"log", "ana", "--via", "pigeon", "--note", secret},    // bad channel, with the note
		{"log", "ana", "--at", "2027-01-01", "--note", secret}, // future, with the note
		{"add", "Ana Lima", "--note", secret},                  // duplicate, with the note
		{"remember", "nobody", secret},
		{"import", "json", importFile},
	} {
		r := h.run(args...)
		if r.code == 0 {
			t.Errorf("tend %s succeeded, want a refusal", shellJoin(args))
			continue
		}
		if strings.Contains(r.stderr, "diagnosis") {
			t.Errorf("tend %s: the error echoes the note: %q", shellJoin(args), r.stderr)
		}
		if strings.Contains(r.stderr, h.db) {
			t.Errorf("tend %s: the error names the database file for no reason: %q", shellJoin(args), r.stderr)
		}
	}
}
