package main

import (
	"fmt"

	"github.com/tend-app/tend/internal/domain"
)

// Archived people are found by every command. Where acting on them makes
// no sense (snoozing, archiving again), the command says they are archived
// and how to bring them back; where it does (a log, a memory, an edit), it
// goes through with a note on stderr.

// archivedError refuses to act on someone archived, naming them as typed.
func archivedError(p domain.Person, typed string) error {
	return usageErrorf("%s is archived (tend restore %s)", oneLine(p.Name), quoteArg(typed))
}

// noteArchived tells, on stderr, that the people just acted on include
// someone archived.
func noteArchived(a *app, people ...domain.Person) {
	for _, p := range people {
		if p.Archived() {
			fmt.Fprintf(a.stderr, "Note: %s is archived; tend restore %s brings them back to the lists.\n", oneLine(p.Name), quoteArg(p.Name))
		}
	}
}
