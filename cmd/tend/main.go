// Command tend keeps the people who matter to you and tells you, every day,
// the few to call.
package main

import (
	"os"
	"time"

	"golang.org/x/term"
)

func main() {
	os.Exit(run(os.Args[1:], system{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Terminals: terminals{
			Stdin:  term.IsTerminal(int(os.Stdin.Fd())),
			Stdout: term.IsTerminal(int(os.Stdout.Fd())),
			Stderr: term.IsTerminal(int(os.Stderr.Fd())),
		},
		Environ: os.Environ(),
		Clock:   time.Now,
	}))
}
