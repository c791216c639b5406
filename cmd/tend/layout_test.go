package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLayoutIsTheREADMEs holds the tree to what the README says of it: the
// code folders at the top are exactly the declared four (and internal/
// for the rest), and every package is named in the README's Development
// section, so a newcomer who reads it sees the whole tree.
func TestLayoutIsTheREADMEs(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	_, dev, ok := strings.Cut(string(readme), "## Development\n")
	if !ok {
		t.Fatal("README has no Development section")
	}
	root := filepath.Dir(readmePath)
	var top []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != root || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		dir, _ := filepath.Rel(root, filepath.Dir(path))
		dir = filepath.ToSlash(dir)
		first, _, _ := strings.Cut(dir, "/")
		if !slices.Contains(top, first) {
			top = append(top, first)
		}
		if !strings.Contains(dev, dir+"/") {
			t.Errorf("package %s/ is not named in the README's Development section", dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(top)
	if want := []string{"cadence", "cmd", "internal", "store", "tui"}; !slices.Equal(top, want) {
		t.Errorf("code folders at the top: %v, want %v", top, want)
	}
}
