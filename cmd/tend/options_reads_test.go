package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// readCase is one command line of a table test of a command's options:
// the options it should give, or the error it should give instead.
type readCase[O any] struct {
	name    string
	args    []string
	want    O
	wantErr string
}

// checkReadOptions runs each case through the command build makes, with its
// work replaced by a function that keeps the options.
func checkReadOptions[O any](t *testing.T, command string, build func(a *app, runF func(O) error) *cobra.Command, tests []readCase[O]) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got O
			ran := false
			cmd := build(newApp(system{}), func(o O) error { got, ran = o, true; return nil })
			err := parse(t, cmd, tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || ran {
					t.Fatalf("%s %q: error %v (ran %v), want one saying %q and no run", command, tt.args, err, ran, tt.wantErr)
				}
				return
			}
			if err != nil || !ran || !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("%s %q: options %+v, error %v (ran %v); want %+v", command, tt.args, got, err, ran, tt.want)
			}
		})
	}
}

func TestShowOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "show", newShowCmd, []readCase[showOptions]{
		{"a name", []string{"ana"}, showOptions{name: "ana"}, ""},
		{"all, as JSON", []string{"ana lima", "--all", "--json"}, showOptions{name: "ana lima", all: true, json: true}, ""},
		{"no name", nil, showOptions{}, "one NAME"},
		{"two names", []string{"ana", "ben"}, showOptions{}, "one NAME"},
	})
}

func TestHistoryOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "history", newHistoryCmd, []readCase[historyOptions]{
		{"everyone", nil, historyOptions{}, ""},
		{"one person since", []string{"ana", "--since", "2w"}, historyOptions{name: "ana", since: "2w"}, ""},
		{"a limit, as JSON", []string{"--limit", "10", "--json"}, historyOptions{limit: 10, json: true}, ""},
		{"all", []string{"--limit", "0"}, historyOptions{}, ""},
		{"a negative limit", []string{"--limit", "-1"}, historyOptions{}, "--limit must be 0 (all) or more"},
		{"two names", []string{"ana", "ben"}, historyOptions{}, "at most one NAME"},
	})
}
