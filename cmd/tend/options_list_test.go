package main

import (
	"strings"
	"testing"
)

func TestListOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		args    []string
		want    listOptions
		wantErr string
	}{
		{"everyone", nil, listOptions{}, ""},
		{"a tier, due", []string{"--tier", "inner", "--due"}, listOptions{tier: "inner", due: true}, ""},
		{"a tag, as JSON", []string{"--tag", "family", "--json"}, listOptions{tag: "family", json: true}, ""},
		{"archived", []string{"--archived"}, listOptions{archived: true}, ""},
		{"no such tier", []string{"--tier", "closest"}, listOptions{}, "--tier"},
		{"an argument", []string{"ana"}, listOptions{}, "no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got listOptions
			ran := false
			cmd := newListCmd(newApp(system{}), func(o listOptions) error { got, ran = o, true; return nil })
			err := parse(t, cmd, tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || ran {
					t.Fatalf("list %q: error %v (ran %v), want one saying %q and no run", tt.args, err, ran, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("list %q: options %+v, error %v; want %+v", tt.args, got, err, tt.want)
			}
		})
	}
}
