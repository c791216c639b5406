package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// heavyInitialisers are packages that do seconds' worth of work, in
// start-up terms, as soon as they are linked: every run of tend would pay
// for them, `tend version` and a shell prompt's `tend today` included.
var heavyInitialisers = map[string]string{
	"github.com/nyaruka/phonenumbers": "decodes all its metadata at init (4.5 ms, 35,000 allocations); " +
		"internal/phonelog reads numbers by rules generated from it (go generate ./internal/phonelog)",
	"google.golang.org/protobuf":         "registers its types at init; only the phone-number library brought it in",
	"golang.org/x/text/language/display": "builds its name tables at init (0.6 ms, 3,000 allocations)",
}

func TestNoHeavyInitialisers(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 {
		t.Fatalf("go list -deps named %d packages; the test is not reading its output right:\n%s", len(deps), out)
	}
	for heavy, why := range heavyInitialisers {
		if i := slices.IndexFunc(deps, func(pkg string) bool { return pkg == heavy || strings.HasPrefix(pkg, heavy+"/") }); i >= 0 {
			t.Errorf("tend links %s, which %s; who imports it: go mod why %s", heavy, why, deps[i])
		}
	}
}

// Start-up allocation bounds for `tend version`, over all package
// initialisers. Allocations, unlike times, do not change with the load of
// the machine: the same binary makes the same ones. Measured at 1,300
// allocations and 210 kB after the phone-number metadata left start-up
// (39,900 and 2.9 MB before); the bounds leave room for small additions
// and catch a heavy initialiser coming back.
const (
	maxInitAllocs = 5000
	maxInitBytes  = 1 << 20
)

func TestStartupInitialisersStaySmall(t *testing.T) {
	bin := tendBinary(t)
	cmd := exec.Command(bin, "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("tend version: %v\n%s", err, stderr.Bytes())
	}
	trace := stderr.String()
	type pkgInit struct {
		pkg           string
		bytes, allocs int
	}
	var inits []pkgInit
	sc := bufio.NewScanner(strings.NewReader(trace))
	for sc.Scan() {
		// init github.com/x/y @0.41 ms, 0.096 ms clock, 4112 bytes, 3 allocs
		f := strings.Fields(sc.Text())
		if len(f) != 11 || f[0] != "init" || f[8] != "bytes," || f[10] != "allocs" {
			continue
		}
		b, err1 := strconv.Atoi(f[7])
		n, err2 := strconv.Atoi(f[9])
		if err1 != nil || err2 != nil {
			t.Fatalf("cannot read the init trace line %q", sc.Text())
		}
		inits = append(inits, pkgInit{f[1], b, n})
	}
	if len(inits) < 20 {
		t.Fatalf("read %d init trace lines; GODEBUG=inittrace=1 printed:\n%s", len(inits), trace)
	}
	allocs, total := 0, 0
	for _, in := range inits {
		allocs += in.allocs
		total += in.bytes
	}
	if allocs > maxInitAllocs || total > maxInitBytes {
		slices.SortFunc(inits, func(a, b pkgInit) int { return b.allocs - a.allocs })
		var top strings.Builder
		for _, in := range inits[:min(8, len(inits))] {
			fmt.Fprintf(&top, "\n  %s: %d allocations, %d bytes", in.pkg, in.allocs, in.bytes)
		}
		t.Errorf("package initialisers make %d allocations of %d bytes in all (at most %d and %d): a heavy one is back; the largest:%s",
			allocs, total, maxInitAllocs, maxInitBytes, top.String())
	}
	t.Logf("%d package initialisers: %d allocations, %d bytes", len(inits), allocs, total)
}
