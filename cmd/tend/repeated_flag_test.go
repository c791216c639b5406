package main

import (
	"slices"
	"testing"

	"github.com/spf13/pflag"
)

// TestStringArrayIsPflags gives stringArrayVar's flag and pflag's
// StringArrayVar the same command lines and wants the same values, the
// same text of the value and the same help.
func TestStringArrayIsPflags(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"--tag", "a"},
		{"--tag", "a,b", "--tag", `c "d"`, "--tag=", "--tag", "e\nf"},
		{"--tag=x", "--tag=x"},
	} {
		var ours, theirs []string
		a := pflag.NewFlagSet("ours", pflag.ContinueOnError)
		stringArrayVar(a, &ours, "tag", "a tag; repeat for more")
		b := pflag.NewFlagSet("theirs", pflag.ContinueOnError)
		b.StringArrayVar(&theirs, "tag", nil, "a tag; repeat for more")
		if err := a.Parse(args); err != nil {
			t.Fatal(err)
		}
		if err := b.Parse(args); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ours, theirs) || (ours == nil) != (theirs == nil) {
			t.Errorf("%q: got %q, pflag %q", args, ours, theirs)
		}
		if got, want := a.Lookup("tag").Value.String(), b.Lookup("tag").Value.String(); got != want {
			t.Errorf("%q: value text %q, pflag %q", args, got, want)
		}
		if got, want := a.Lookup("tag").Value.Type(), b.Lookup("tag").Value.Type(); got != want {
			t.Errorf("type %q, pflag %q", got, want)
		}
		gotArr, err1 := a.GetStringArray("tag")
		wantArr, err2 := b.GetStringArray("tag")
		if err1 != nil || err2 != nil || !slices.Equal(gotArr, wantArr) {
			t.Errorf("%q: GetStringArray %q %v, pflag %q %v", args, gotArr, err1, wantArr, err2)
		}
		if got, want := a.FlagUsages(), b.FlagUsages(); got != want {
			t.Errorf("help %q, pflag %q", got, want)
		}
	}
}
