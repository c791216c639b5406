package main

import (
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"testing"
)

// readCommands are the files of the commands that read, export, import
// and look after the database: they call the core, and only app.go and
// tui.go, which wire the program together, open the store.
var readCommands = []string{
	"show.go", "history.go", "today.go", "plan.go", "planjson.go", "stats.go", "digest.go", "notify.go",
	"export.go", "vcard_dir.go", "import.go", "importlogs.go", "backup.go", "doctor.go",
	"config.go", "version.go", "completion.go", "complete.go", "json.go",
}

func TestReadCommandsCallTheCore(t *testing.T) {
	t.Parallel()
	for _, file := range readCommands {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == "github.com/tend-app/tend/store" {
				t.Errorf("%s imports the store: it should call the core", file)
			}
		}
		for _, call := range []string{"a.Store()", "a.ReadStore()", ".Store()"} {
			if strings.Contains(string(src), call) {
				t.Errorf("%s calls %s: it should call the core", file, call)
			}
		}
	}
}
