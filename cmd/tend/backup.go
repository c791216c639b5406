package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/seal"
	"github.com/tend-app/tend/internal/words"
)

type backupOptions struct {
	restoring  bool   // --restore was given, even empty
	restore    string // the backup to put back
	file       string
	force      bool
	encrypt    bool
	recipients []string
	json       bool
}

// newBackupCmd builds tend backup; a nil runF means runBackup, or
// runRestore with --restore.
func newBackupCmd(a *app, runF func(backupOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts backupOptions) error {
			if opts.restoring {
				return runRestore(a, opts)
			}
			return runBackup(a, opts)
		}
	}
	var opts backupOptions
	cmd := &cobra.Command{
		Use:   "backup [FILE]",
		Short: "Write a complete copy of the database, safely while tend is in use",
		Long: `Write a copy of the whole database to FILE. It is safe while other tend
commands write (the TUI, a script logging calls): the copy holds one moment
of the database, complete, and only you can read it (mode 0600). It is
written under a temporary name and renamed at the end, so FILE is never
half written.

Without FILE, the copy goes next to the database, named after today
(tend-2026-11-24.db); when FILE is a folder, that name is used inside it.
An existing file is never replaced unless you add --force.

A plain copy is a tend database itself: tend --db FILE reads it, and
tend backup --restore FILE puts it back in place of the database: it
checks the copy first (sound, a tend database of a schema this tend
knows), keeps the current file aside under a name with the date and time
(tend.db.before-restore-...), moves its -wal and -shm with it, so that no
stale side file is read with the restored copy, and refuses while another
tend has the database open. Do not copy a backup over the file by hand.

--encrypt writes an age-encrypted file instead (tend-2026-11-24.db.age by
default), for a passphrase that tend asks for twice on the terminal, or
reads from the TEND_PASSPHRASE environment variable in scripts.
--recipient encrypts it for an age public key instead of a passphrase
(repeat it for several keys; it implies --encrypt). The age tool opens it:
  age -d -o tend.db tend-2026-11-24.db.age`,
		Example: `  tend backup
  tend backup --restore ~/Backups/tend-2026-11-24.db
  tend backup ~/Backups/
  tend backup --encrypt /media/usb/tend.db.age
  TEND_PASSPHRASE=... tend backup --encrypt --force nightly.db.age
  tend backup --recipient age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("backup takes at most one FILE (see: tend backup --help)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.file = args[0]
				switch {
				case strings.TrimSpace(opts.file) == "":
					return usageErrorf("the FILE name is empty")
				case opts.file == "-":
					// A database is not a stream: it is written whole,
					// then renamed into place.
					return usageErrorf("backup writes a file, not standard output: name a FILE (or use tend export json for a stream)")
				}
			}
			if len(opts.recipients) > 0 {
				opts.encrypt = true
			}
			if cmd.Flags().Changed("restore") {
				if len(args) > 0 || opts.encrypt || opts.force {
					return usageErrorf("--restore takes only the backup FILE (see: tend backup --help)")
				}
				opts.restoring = true
			}
			return runF(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.force, "force", false, "replace FILE if it exists")
	cmd.Flags().StringVar(&opts.restore, "restore", "", "put the backup `FILE` in place of the database, keeping the current one aside")
	cmd.Flags().BoolVar(&opts.encrypt, "encrypt", false, "write an age-encrypted file, for a passphrase (env "+passphraseEnv+")")
	stringArrayVar(cmd.Flags(), &opts.recipients, "recipient", "encrypt for this age public `KEY` (age1...) instead of a passphrase")
	addJSONFlag(cmd, &opts.json)
	return cmd
}

// backupJSON is what `tend backup --json` prints.
type backupJSON struct {
	File      string `json:"file"`
	Bytes     int64  `json:"bytes"`
	Encrypted bool   `json:"encrypted"`
}

func runBackup(a *app, opts backupOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	dbPath, err := a.DBPath()
	if err != nil {
		return err
	}
	// Opening a missing database would create an empty one, and back that
	// up: say so instead.
	if _, err := os.Stat(dbPath); errors.Is(err, fs.ErrNotExist) {
		return usageErrorf("no database at %s yet: nothing to back up", dbPath)
	}
	dst := backupPath(opts.file, dbPath, now, opts.encrypt)
	// Checked before the passphrase is asked for: typing it twice only to
	// be told the file exists would be rude. Backup checks again, safely.
	if err := checkOutput(a, dst, opts.force); err != nil {
		return err
	}
	bo := domain.BackupOptions{Replace: opts.force}
	if opts.encrypt {
		recipients, err := a.recipients(opts.recipients)
		if err != nil {
			return err
		}
		bo.Seal = func(w io.Writer, plain io.Reader) error {
			sw, err := seal.Encrypt(w, recipients...)
			if err != nil {
				return err
			}
			if _, err := io.Copy(sw, plain); err != nil {
				return err
			}
			return sw.Close()
		}
	}
	// A backup only reads: it works on a read-only file or folder (a
	// snapshot, a read-only mount), as export does.
	c, err := a.ReadUnrankedCore()
	if err != nil {
		return err
	}
	size, err := c.Backup(a.ctx(), dst, bo)
	if err := outputError(dst, err); err != nil {
		return err
	}
	if abs, err := filepath.Abs(dst); err == nil {
		dst = abs
	}
	if opts.json {
		return a.printJSON(backupJSON{File: dst, Bytes: size, Encrypted: opts.encrypt})
	}
	how := "only you can read it"
	if opts.encrypt {
		how = "encrypted with age"
	}
	_, err = fmt.Fprintf(a.out, "Backed up to %s (%s, %s).\n", dst, humanBytes(size), how)
	return err
}

// restoreJSON is what `tend backup --restore --json` prints.
type restoreJSON struct {
	Database     string `json:"database"`
	From         string `json:"from"`
	Aside        string `json:"aside"`
	People       int    `json:"people"`
	Interactions int    `json:"interactions"`
}

func runRestore(a *app, opts backupOptions) error {
	file := opts.restore
	if strings.TrimSpace(file) == "" {
		return usageErrorf("--restore needs the backup FILE")
	}
	now, err := a.Now()
	if err != nil {
		return err
	}
	dbPath, err := a.DBPath()
	if err != nil {
		return err
	}
	if abs, err := filepath.Abs(dbPath); err == nil {
		dbPath = abs
	}
	res, err := core.Restore(a.ctx(), dbPath, file, now)
	if err != nil {
		return err
	}
	if abs, err := filepath.Abs(file); err == nil {
		file = abs
	}
	if opts.json {
		return a.printJSON(restoreJSON{Database: dbPath, From: file, Aside: res.Aside, People: res.Health.People, Interactions: res.Health.Interactions})
	}
	_, err = fmt.Fprintf(a.out, "Restored %s to %s (%s, %s).\n", file, dbPath,
		words.Count(res.Health.People, "person", "people"), words.Plural(res.Health.Interactions, "interaction"))
	if err == nil && res.Aside != "" {
		_, err = fmt.Fprintf(a.out, "The file it replaced is kept as %s.\n", res.Aside)
	}
	return err
}

// backupNameParts splits the database's file name into the stem and the
// extension a backup beside it is named with (stem-YYYY-MM-DD.ext);
// doctor looks for backups by the same parts.
func backupNameParts(dbPath string) (stem, ext string) {
	base := filepath.Base(dbPath)
	ext = filepath.Ext(base)
	stem = strings.TrimSuffix(base, ext)
	if ext == "" {
		ext = ".db"
	}
	return stem, ext
}

// backupPath is where the copy goes: FILE, or inside FILE when it is a
// folder, or next to the database, named after the database and the day.
func backupPath(file, dbPath string, now time.Time, encrypted bool) string {
	stem, ext := backupNameParts(dbPath)
	name := stem + "-" + now.Format(time.DateOnly) + ext
	if encrypted {
		name += ".age"
	}
	switch {
	case file == "":
		return filepath.Join(filepath.Dir(dbPath), name)
	case strings.HasSuffix(file, string(filepath.Separator)):
		return filepath.Join(file, name)
	}
	if info, err := os.Stat(file); err == nil && info.IsDir() {
		return filepath.Join(file, name)
	}
	return file
}

// humanBytes is a size for people: 84 KB, 3.2 MB.
func humanBytes(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%d KB", (n+1<<9)>>10)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
}
