package main

import (
	"errors"
	"io/fs"
	"path/filepath"

	"github.com/tend-app/tend/internal/safefile"
)

// outputOptions are the safe writer's rules for a file a command writes:
// the database in use and its side files are never written.
func (a *app) outputOptions(force bool) (safefile.Options, error) {
	db, err := a.DBPath()
	if err != nil {
		return safefile.Options{}, err
	}
	if abs, err := filepath.Abs(db); err == nil {
		db = abs
	}
	return safefile.Options{Force: force, Protected: safefile.SideFiles(db)}, nil
}

// checkOutput says, before any work is done, whether the safe writer
// would write path.
func checkOutput(a *app, path string, force bool) error {
	opts, err := a.outputOptions(force)
	if err != nil {
		return err
	}
	_, err = safefile.Check(path, opts)
	return outputError(path, err)
}

// outputError words the safe writer's refusals as the user's to fix.
func outputError(path string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return usageErrorf("%s already exists; add --force to replace it, or name another FILE", path)
	case errors.Is(err, safefile.ErrRefused):
		return usageErrorf("%v", err)
	}
	return err
}
