// Package procgroup starts a program of the user's (a hook, a notifier) in
// a process group of its own, so that stopping it when its time is up
// stops what it started too: a shell script's children would otherwise
// run on, orphaned, holding tend's output open for whoever reads it.
package procgroup
