package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/safefile"
	"github.com/tend-app/tend/internal/words"
)

// exportFormats are the formats export writes, with the names users reach
// for first.
var exportFormats = map[string]string{
	"json": "json", "vcard": "vcard", "vcf": "vcard", "csv": "csv", "ics": "ics", "ical": "ics", "icalendar": "ics",
}

type exportOptions struct {
	format  string
	output  string
	force   bool
	dir     string
	sealing sealOptions
	plan    bool
}

// newExportCmd builds tend export; a nil runF means runExport, or
// runExportDir for a folder of cards.
func newExportCmd(a *app, runF func(exportOptions) error) *cobra.Command {
	if runF == nil {
		runF = func(opts exportOptions) error {
			if opts.dir != "" {
				return runExportDir(a, opts.dir)
			}
			return runExport(a, opts)
		}
	}
	var opts exportOptions
	cmd := &cobra.Command{
		Use:   "export json|vcard|csv|ics",
		Short: "Write your people out: everything as JSON, or as vCard, CSV or a calendar",
		Long: `Write tend's data to standard output, or with -o to a file (mode 0600,
written whole and then named in one step, so an interrupted export never
leaves half a file). An existing file is replaced only with --force; the
database itself, its side files, folders and devices are never written.

  json   everything: people (archived too), interactions, memories and dates,
         in the interchange format that tend import json reads back exactly
  vcard  active people as vCard 3.0, for address books; with --dir, one
         file per person in a folder (as khard and vdirsyncer keep them),
         named by the person's UID: only changed cards are rewritten, and
         cards tend wrote for people no longer in tend are removed
  csv    active people, one row each, with where they stand today
  ics    birthdays and important dates (yearly, all day) and open memories
         with a due day, for calendar apps; with --plan, the calls tend plan
         suggests for the coming week too, as all-day events whose ids stay
         the same from one export to the next (same person, same day)`,
		Example: `  tend export json -o tend-backup.json
  tend export json | ssh laptop tend import json -
  tend export vcard > people.vcf
  tend export vcard --dir ~/.contacts/tend    # then: vdirsyncer sync
  tend export ics -o ~/calendars/tend.ics
  tend export ics --plan -o ~/calendars/tend.ics
  tend export json --encrypt -o tend.json.age      # tend import json reads it back`,
		Args:      exactArgs(1, "a format: json, vcard, csv or ics"),
		ValidArgs: []string{"json", "vcard", "csv", "ics"},
		RunE: func(cmd *cobra.Command, args []string) error {
			format, ok := exportFormats[strings.ToLower(args[0])]
			if !ok {
				return usageErrorf("unknown export format %q (want json, vcard, csv or ics)", args[0])
			}
			opts.format = format
			if opts.dir != "" {
				if format != "vcard" {
					return usageErrorf("--dir writes a folder of vCards: it goes with export vcard, not %s", format)
				}
				if opts.output != "" || opts.force || opts.sealing.encrypt || len(opts.sealing.recipients) > 0 {
					return usageErrorf("--dir writes a folder: it does not go with -o, --force, --encrypt or --recipient")
				}
				return runF(opts)
			}
			if opts.plan && format != "ics" {
				return usageErrorf("--plan is for export ics only")
			}
			return runF(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.plan, "plan", false, "ics: add the coming week's suggested calls")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to `FILE` (mode 0600, atomically) instead of standard output (- is standard output)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "replace FILE if it exists")
	cmd.Flags().StringVar(&opts.dir, "dir", "", "vcard: write one file per person into `DIR`, keeping it in step")
	opts.sealing.register(cmd)
	return cmd
}

func runExport(a *app, opts exportOptions) error {
	format, output, force := opts.format, opts.output, opts.force
	now, err := a.Now()
	if err != nil {
		return err
	}
	if output == "-" {
		output = ""
	}
	if output != "" {
		// Checked before the passphrase is asked for and before anything
		// is read; the writer checks again.
		if err := checkOutput(a, output, force); err != nil {
			return err
		}
	}
	// Ask for the passphrase before anything is read or written.
	wrap, err := opts.sealing.sealer(a)
	if err != nil {
		return err
	}
	// Only a spreadsheet (where each one stands) and the plan's calls
	// rank anyone, by the settings' rules.
	open := a.ReadUnrankedCore
	if format == core.ExportCSV || (format == core.ExportICS && opts.plan) {
		open = a.ReadCore
	}
	c, err := open()
	if err != nil {
		return err
	}
	var count exportCount
	write := wrap(func(w io.Writer) error {
		n, err := c.Export(a.ctx(), w, core.Export{Format: format, Now: now, Plan: opts.plan})
		count = exportCount{people: n.People, interactions: n.Interactions, memories: n.Memories, events: n.Events}
		return err
	})
	if output == "" {
		bw := bufio.NewWriterSize(a.stdout, 64<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	if err := writeOutput(a, output, force, write); err != nil {
		return err
	}
	_, err = fmt.Fprintf(a.out, "Exported %s to %s.\n", count.text(format), output)
	return err
}

// runExportDir keeps a folder of vCards in step with tend's active people.
func runExportDir(a *app, dir string) error {
	c, err := a.ReadUnrankedCore()
	if err != nil {
		return err
	}
	people, err := c.ActivePeople(a.ctx())
	if err != nil {
		return err
	}
	res, err := exportVCardDir(dir, people)
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(a.out, res.text(dir, len(people)))
	return err
}

// exportCount is what an export wrote, to confirm it when writing a file.
type exportCount struct{ people, interactions, memories, events int }

func (c exportCount) text(format string) string {
	if format == "ics" {
		return words.Count(c.events, "event", "events")
	}
	parts := []string{words.Count(c.people, "person", "people")}
	if format == "json" {
		parts = append(parts, words.Count(c.interactions, "interaction", "interactions"), words.Count(c.memories, "memory", "memories"))
	}
	return words.And(parts)
}

// writeOutput writes a file through the one safe writer: never the
// database or its side files, never a device or a folder, never over an
// existing file without --force, whole or not at all, 0600.
func writeOutput(a *app, path string, force bool, write func(io.Writer) error) error {
	opts, err := a.outputOptions(force)
	if err != nil {
		return err
	}
	return outputError(path, safefile.Write(path, opts, write))
}
