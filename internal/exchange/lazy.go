package exchange

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles expr the first time it is used. Every tend command
// links this package, and compiling its expressions when the program
// starts cost each command a millisecond, mostly in memory first touched;
// only an import uses them.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
