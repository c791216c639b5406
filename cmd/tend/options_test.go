package main

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// parse runs cmd on args with its work replaced, and reports the error
// its flags and arguments gave, if any. Tests of one command's options
// use it with a runF that keeps the options it was given.
func parse(t *testing.T, cmd *cobra.Command, args ...string) error {
	t.Helper()
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	return cmd.Execute()
}

func TestSnoozeOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		args    []string
		want    snoozeOptions
		wantErr string
	}{
		{"a week by default", []string{"ana"}, snoozeOptions{name: "ana", dur: "7d"}, ""},
		{"for", []string{"ana", "--for", "3d"}, snoozeOptions{name: "ana", dur: "3d"}, ""},
		{"until", []string{"ben", "--until", "friday"}, snoozeOptions{name: "ben", dur: "7d", until: "friday"}, ""},
		{"off, as JSON", []string{"ben", "--off", "--json"}, snoozeOptions{name: "ben", dur: "7d", off: true, json: true}, ""},
		{"both", []string{"ana", "--for", "3d", "--until", "friday"}, snoozeOptions{}, "give --for or --until, not both"},
		{"no name", nil, snoozeOptions{}, "one NAME"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got snoozeOptions
			ran := false
			cmd := newSnoozeCmd(newApp(system{}), func(o snoozeOptions) error { got, ran = o, true; return nil })
			err := parse(t, cmd, tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || ran {
					t.Fatalf("snooze %q: error %v (ran %v), want one saying %q and no run", tt.args, err, ran, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("snooze %q: options %+v, error %v; want %+v", tt.args, got, err, tt.want)
			}
		})
	}
}
