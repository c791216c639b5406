// Command tend keeps the people who matter to you and tells you, every day,
// the few to call.
package main

import (
	"os"
	"time"

	"golang.org/x/term"
)

func main() {
	isTerminal := term.IsTerminal(int(os.Stdout.Fd()))
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Environ(), isTerminal, time.Now))
}
