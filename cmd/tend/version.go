package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/core"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// versionLine is what tend version and tend --version print after "tend".
func versionLine() string {
	return fmt.Sprintf("%s (%s, schema %d)", version, runtime.Version(), core.SchemaVersion())
}

type versionOptions struct {
	json bool
}

// newVersionCmd builds tend version; a nil runF means runVersion.
func newVersionCmd(a *app, runF func(versionOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts versionOptions) error { return runVersion(a, opts) }
	}
	var opts versionOptions
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print tend's version",
		Args:  exactArgs(0, "no arguments"),
		RunE:  func(cmd *cobra.Command, args []string) error { return runF(opts) },
	}
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runVersion(a *app, opts versionOptions) error {
	if opts.json {
		return a.printJSON(map[string]any{"version": version, "go": runtime.Version(), "schema": core.SchemaVersion()})
	}
	_, err := fmt.Fprintf(a.out, "tend %s\n", versionLine())
	return err
}
