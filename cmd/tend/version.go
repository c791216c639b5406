package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/store"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// versionLine is what tend version and tend --version print after "tend".
func versionLine() string {
	return fmt.Sprintf("%s (%s, schema %d)", version, runtime.Version(), store.SchemaVersion())
}

func newVersionCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print tend's version",
		Args:  exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if a.json {
				return a.printJSON(map[string]any{"version": version, "go": runtime.Version(), "schema": store.SchemaVersion()})
			}
			_, err := fmt.Fprintf(a.out, "tend %s\n", versionLine())
			return err
		},
	}
	addJSONFlag(cmd, &a.json)
	return cmd
}
