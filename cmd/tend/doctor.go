package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/words"
)

// The statuses of a doctor check, worst last.
const (
	statusOK      = "ok"
	statusWarning = "warning"
	statusProblem = "problem"
)

// doctorCheck is one line of the doctor's report.
type doctorCheck struct {
	Name     string   `json:"name"`
	Status   string   `json:"status"`
	Messages []string `json:"messages"`
}

// doctorReport is what `tend doctor --json` prints.
type doctorReport struct {
	Database      string        `json:"database"`
	Exists        bool          `json:"exists"`
	Healthy       bool          `json:"healthy"`
	SchemaVersion int           `json:"schema_version"`
	People        *int          `json:"people"`       // null when a damaged file cannot be counted
	Interactions  *int          `json:"interactions"` // likewise
	Checks        []doctorCheck `json:"checks"`
	Removed       []string      `json:"removed"` // leftover files --fix removed
}

type doctorOptions struct {
	fix  bool
	json bool
}

// newDoctorCmd builds tend doctor; a nil runF means runDoctor.
func newDoctorCmd(a *app, runF func(doctorOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts doctorOptions) error { return runDoctor(a, opts) }
	}
	var opts doctorOptions
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check the database: sound file, links, orphans, permissions, schema",
		Long: `Check the database and say, in plain words, whether all is well:

  integrity    SQLite's integrity_check: the file is not damaged
  links        foreign_key_check: every record points at one that exists
  orphans      no interaction without people, no memory or date of someone
               who does not exist
  permissions  only you can read the database, its side files (-wal, -shm),
               the backups beside it and its folder, and you can write it
  schema       the file's schema version is one this tend can open
  wal          a -wal file beside the database belongs to it (one left by
               a killed tend beside a backup copied over the file does not,
               and would damage it)
  leftovers    temporary files a killed backup or export left beside the
               database (plain copies of it among them)

The doctor only reads: it opens the file read-only (no checkpoint, no side
file made or changed) and never migrates or repairs it, so it is safe on a
file that tend refuses to open. --fix removes the leftover temporary
files, and nothing else.

Exit status: 0 when everything is fine, 1 when anything was found (a
warning included), so a script can run tend doctor || notify.`,
		Example: `  tend doctor
  tend doctor --fix
  tend doctor --json | jq '.checks[] | select(.status != "ok")'`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runF(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.fix, "fix", false, "remove the leftover temporary files it finds (nothing else)")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

func runDoctor(a *app, opts doctorOptions) error {
	path, err := a.DBPath()
	if err != nil {
		return err
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		// A device or a pipe: nothing of a database's to check, and the
		// folder's permissions are not the user's to change (/dev).
		return fmt.Errorf("%s is not a file (a device, a pipe or a socket), and tend keeps its database in a file", path)
	}
	r := diagnose(a, path)
	r.Removed = []string{}
	if opts.fix {
		removed, err := core.RemoveLeftovers(path)
		r.Removed = append(r.Removed, removed...)
		if err != nil {
			return err
		}
		if len(removed) > 0 {
			r = diagnose(a, path)
			r.Removed = removed
		}
	}
	if opts.json {
		if err := a.printJSON(r); err != nil {
			return err
		}
	} else if err := printDoctor(a, r); err != nil {
		return err
	}
	if r.Healthy {
		return nil
	}
	where := "see above"
	if opts.json {
		where = "see the checks in the JSON"
	}
	return fmt.Errorf("the doctor found %s (%s)", doctorFindings(r.Checks), where)
}

func diagnose(a *app, path string) doctorReport {
	r := doctorReport{Database: path, Checks: []doctorCheck{}}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// Nothing there to be wrong yet, unless the file went and its
		// -wal stayed: it may hold the latest changes, and tend makes no
		// new database beside it.
		if core.OrphanWAL(path) {
			r.Checks = append(r.Checks, checkProblem("file", fmt.Sprintf(
				"there is no database, but its -wal is still there (the file was moved or deleted while tend had it open, and it may hold the latest changes): put the database back, or move %s away", path+"-wal")))
			return r
		}
		r.Healthy = true
		return r
	case err != nil:
		r.Checks = append(r.Checks, checkProblem("file", fmt.Sprintf("cannot look at the database: %v", err)))
		return r
	case info.IsDir():
		r.Checks = append(r.Checks, checkProblem("file", "the database path is a folder, not a file"))
		return r
	}
	r.Exists = true

	// Permissions first, as they were found: opening the database may
	// tidy away a leftover -shm file.
	perms := checkPermissions(path)
	h, err := core.Examine(a.ctx(), path)
	if err != nil {
		r.Checks = append(r.Checks,
			checkProblem("integrity", fmt.Sprintf("cannot read it as a database (%v); it was left as it is: restore a backup with tend backup --restore FILE", rootCause(err))))
		r.Checks = append(r.Checks, perms, checkLeftovers(path))
		r.Healthy = false
		return r
	}
	r.SchemaVersion = h.SchemaVersion
	if h.Counted {
		r.People, r.Interactions = &h.People, &h.Interactions
	}

	// Examine made the doctor's one write, beside the file and never to
	// it: a mark that stops every write to a damaged file, taken off once
	// it is sound.
	if len(h.Damage) == 0 {
		r.Checks = append(r.Checks, checkOK("integrity", "the file is sound"))
	} else {
		msgs := []string{"the file is damaged; tend will not write to it. Restore your latest backup with tend backup --restore FILE (the damaged file is kept aside)"}
		r.Checks = append(r.Checks, checkProblem("integrity", append(msgs, h.Damage...)...))
	}
	switch {
	case len(h.Damage) > 0 || h.Foreign:
		// The other checks were not run; saying "ok" would be a lie.
	case len(h.BrokenLinks) == 0:
		r.Checks = append(r.Checks, checkOK("links", "every record points at one that exists"))
	default:
		var msgs []string
		for _, b := range h.BrokenLinks {
			msgs = append(msgs, fmt.Sprintf("%s in %s point at %s that do not exist", words.Plural(b.Rows, "row"), b.Table, b.Parent))
		}
		r.Checks = append(r.Checks, checkProblem("links", msgs...))
	}
	if h.Skipped == "" {
		if len(h.Orphans) == 0 {
			r.Checks = append(r.Checks, checkOK("orphans", "no rows that belong to nothing"))
		} else {
			var msgs []string
			for _, o := range h.Orphans {
				msgs = append(msgs, fmt.Sprintf("%d %s", o.Rows, o.What))
			}
			r.Checks = append(r.Checks, checkProblem("orphans", msgs...))
		}
	}
	r.Checks = append(r.Checks, perms)
	r.Checks = append(r.Checks, checkWAL(path, h.WAL))
	r.Checks = append(r.Checks, checkLeftovers(path))
	if h.Foreign {
		r.Checks = append(r.Checks, checkProblem("schema", "not a tend database: the file holds another program's tables (tend will not touch it)"))
	} else {
		r.Checks = append(r.Checks, checkSchema(h.SchemaVersion))
	}

	r.Healthy = true
	for _, c := range r.Checks {
		if c.Status != statusOK {
			r.Healthy = false
		}
	}
	return r
}

// checkWAL says what the -wal beside the database holds.
func checkWAL(path string, w domain.WALHealth) doctorCheck {
	wal := path + "-wal"
	switch {
	case w.Foreign:
		return checkProblem("wal", fmt.Sprintf("%s does not belong to the database: opened with it, the file would be damaged (the report above is of the file alone). Move it away before tend or any other program opens the file: mv %s %s",
			wal, quoteArg(wal), quoteArg(wal+".stale")))
	case w.Unread:
		return checkWarning("wal", fmt.Sprintf("%s holds changes not yet in the file, and there is no -shm beside it to read them without writing: the report above is of the file alone. Keep the -wal with the file; tend folds it in the next time it writes", wal))
	case w.Pending > 0:
		return checkOK("wal", fmt.Sprintf("%s holds recent changes not yet folded into the file; it belongs to it and is needed: copy the two together, or use tend backup", wal))
	}
	return checkOK("wal", "no changes wait beside the file")
}

// checkLeftovers reports the temporary files a killed tend left beside the
// database.
func checkLeftovers(path string) doctorCheck {
	left := core.Leftovers(path)
	if len(left) == 0 {
		return checkOK("leftovers", "no temporary files left beside the database")
	}
	msgs := []string{fmt.Sprintf("%s left by a tend that was stopped while writing (they may hold a plain copy of the database): tend doctor --fix removes them", words.Plural(len(left), "temporary file"))}
	return checkWarning("leftovers", append(msgs, left...)...)
}

func checkSchema(v int) doctorCheck {
	want := core.SchemaVersion()
	switch {
	case v == want:
		return checkOK("schema", fmt.Sprintf("version %d, the one this tend writes", v))
	case v == 0:
		return checkOK("schema", "an empty database: tend sets it up the first time it writes")
	case v < want:
		return checkOK("schema", fmt.Sprintf("version %d; tend will bring it to %d the next time it writes, keeping a copy beside it", v, want))
	}
	return checkProblem("schema", fmt.Sprintf("version %d is newer than this tend knows (%d): upgrade tend; it will not open the file until then", v, want))
}

// checkPermissions looks at the database, its side files, the backups next
// to it and its folder: tend makes them 0600 and 0700, but a copy, a
// restore or another program may not have.
func checkPermissions(path string) doctorCheck {
	var warnings, problems []string
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err == nil && info.Mode().Perm()&0o077 != 0 {
		warnings = append(warnings, fmt.Sprintf("other users can %s the folder %s (mode %04o): chmod 700 %s",
			openTo(info.Mode().Perm(), true), dir, info.Mode().Perm(), quoteArg(dir)))
	}
	live := []string{path, path + "-wal", path + "-shm", path + "-journal"}
	files := append([]string{}, live...)
	files = append(files, backupsBeside(path)...)
	for i, f := range files {
		info, err := os.Lstat(f)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		perm := info.Mode().Perm()
		if perm&0o077 != 0 {
			warnings = append(warnings, fmt.Sprintf("other users can %s %s (mode %04o): chmod 600 %s",
				openTo(perm, false), f, perm, quoteArg(f)))
		}
		// SQLite opens a file it may not write read-only without a word,
		// and gives a leftover -shm the database's mode: either stops every
		// write until it is fixed.
		if i < len(live) && perm&0o200 == 0 {
			problems = append(problems, fmt.Sprintf("%s is read-only (mode %04o), so tend cannot write: chmod 600 %s",
				f, perm, quoteArg(f)))
		}
	}
	switch {
	case len(problems) > 0:
		return checkProblem("permissions", append(problems, warnings...)...)
	case len(warnings) > 0:
		return checkWarning("permissions", warnings...)
	}
	return checkOK("permissions", "only you can read the database, its folder and the backups beside it")
}

// backupsBeside lists the plain copies of the database next to it: the
// ones tend backup names by default and the ones a migration keeps.
// Encrypted ones (.age) are left out: others reading them is no harm.
func backupsBeside(path string) []string {
	base := filepath.Base(path)
	stem, ext := backupNameParts(path)
	dir := filepath.Dir(path)
	var out []string
	for _, pattern := range []string{
		filepath.Join(dir, globEscape(base)+".v*.bak"),
		filepath.Join(dir, globEscape(stem)+"-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"+globEscape(ext)),
	} {
		found, _ := filepath.Glob(pattern)
		out = append(out, found...)
	}
	return out
}

// globEscape makes a file name match itself in filepath.Glob.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// openTo says what the group and other bits of perm let others do.
func openTo(perm fs.FileMode, dir bool) string {
	var can []string
	if perm&0o044 != 0 {
		if dir {
			can = append(can, "list")
		} else {
			can = append(can, "read")
		}
	}
	if perm&0o022 != 0 {
		can = append(can, "write")
	}
	if len(can) == 0 {
		return "enter" // only x bits: others can reach files inside by name
	}
	return strings.Join(can, " and ")
}

func checkOK(name, msg string) doctorCheck {
	return doctorCheck{Name: name, Status: statusOK, Messages: []string{msg}}
}

func checkWarning(name string, msgs ...string) doctorCheck {
	return doctorCheck{Name: name, Status: statusWarning, Messages: msgs}
}

func checkProblem(name string, msgs ...string) doctorCheck {
	return doctorCheck{Name: name, Status: statusProblem, Messages: msgs}
}

// rootCause is the innermost message of an error, without the "inspect
// PATH:" prefixes that the report already says.
func rootCause(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}

// doctorFindings counts the checks that are not ok, in words.
func doctorFindings(checks []doctorCheck) string {
	var problems, warnings int
	for _, c := range checks {
		switch c.Status {
		case statusProblem:
			problems++
		case statusWarning:
			warnings++
		}
	}
	var parts []string
	if problems > 0 {
		parts = append(parts, words.Plural(problems, "problem"))
	}
	if warnings > 0 {
		parts = append(parts, words.Plural(warnings, "warning"))
	}
	return strings.Join(parts, " and ")
}

func printDoctor(a *app, r doctorReport) error {
	var b strings.Builder
	if !r.Exists && r.Healthy {
		fmt.Fprintf(&b, "No database at %s yet: tend makes one the first time you add someone.\n", r.Database)
		_, err := fmt.Fprint(a.out, b.String())
		return err
	}
	fmt.Fprintf(&b, "%s %s", paint(styleTitle, "Database"), r.Database)
	switch {
	case r.People != nil && r.Interactions != nil:
		fmt.Fprintf(&b, " (%s, %s)", words.Count(*r.People, "person", "people"), words.Plural(*r.Interactions, "interaction"))
	case r.SchemaVersion > 0:
		b.WriteString(" (the people in it cannot be counted)")
	}
	b.WriteString("\n\n")
	for _, f := range r.Removed {
		fmt.Fprintf(&b, "Removed %s\n", f)
	}
	if len(r.Removed) > 0 {
		b.WriteString("\n")
	}
	for _, c := range r.Checks {
		label := map[string]string{statusOK: "ok", statusWarning: "WARNING", statusProblem: "PROBLEM"}[c.Status]
		for i, m := range c.Messages {
			if i == 0 {
				fmt.Fprintf(&b, "  %-8s %-12s %s\n", label, c.Name, m)
			} else {
				fmt.Fprintf(&b, "  %-8s %-12s %s\n", "", "", m)
			}
		}
	}
	if r.Healthy {
		b.WriteString("\nAll is well.\n")
	}
	_, err := fmt.Fprint(a.out, b.String())
	return err
}
