package main

import (
	"bytes"
	"encoding/csv"
	"strings"

	"github.com/spf13/pflag"
)

// stringArrayVar defines a repeatable string flag that behaves as pflag's
// StringArrayVar with no default. pflag's own value writes its default as
// CSV when the flag is defined, through a fresh 4 kB buffer each time: with
// some 25 such flags, building the command tree on every start of tend
// cost 100 kB and a tenth of a millisecond before any command ran.
func stringArrayVar(fl *pflag.FlagSet, p *[]string, name, usage string) {
	*p = nil
	fl.Var(&stringArray{value: p}, name, usage)
	// pflag leaves "[]" out of the help only for its own slice types; for
	// any other value an empty default is what says "no default".
	fl.Lookup(name).DefValue = ""
}

// stringArray is pflag's stringArrayValue: the first value given replaces
// the default, each further one is appended, none is split at commas.
type stringArray struct {
	value   *[]string
	changed bool
}

func (s *stringArray) Set(v string) error {
	if !s.changed {
		*s.value = []string{v}
		s.changed = true
	} else {
		*s.value = append(*s.value, v)
	}
	return nil
}

func (s *stringArray) Append(v string) error {
	*s.value = append(*s.value, v)
	return nil
}

func (s *stringArray) Replace(vs []string) error {
	*s.value = append([]string{}, vs...)
	return nil
}

func (s *stringArray) GetSlice() []string { return append([]string{}, *s.value...) }

func (s *stringArray) Type() string { return "stringArray" }

// String is the values as CSV in brackets, as pflag writes them (and
// GetStringArray reads them back).
func (s *stringArray) String() string {
	if len(*s.value) == 0 {
		return "[]"
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(*s.value) // into memory: cannot fail
	w.Flush()
	return "[" + strings.TrimSuffix(b.String(), "\n") + "]"
}
