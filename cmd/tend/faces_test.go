package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// wiring are the files that put the program together: they alone open the
// store and build the core over it.
var wiring = []string{"app.go", "tui.go"}

// TestFacesCallTheCore holds both faces to the one core: no file of the
// command line but the wiring, and no file of the full-screen view,
// imports the store or reaches for it through the core.
func TestFacesCallTheCore(t *testing.T) {
	t.Parallel()
	var files []string
	for _, glob := range []string{"*.go", "../../tui/*.go"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	checked := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") || slices.Contains(wiring, file) {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == "github.com/tend-app/tend/store" {
				t.Errorf("%s imports the store: a face calls the core", file)
			}
		}
		for _, call := range []string{"a.Store()", "a.ReadStore()", ".Store()"} {
			if strings.Contains(string(src), call) {
				t.Errorf("%s calls %s: a face calls the core", file, call)
			}
		}
	}
	if checked < 40 {
		t.Fatalf("checked %d files; the faces have more", checked)
	}
}
