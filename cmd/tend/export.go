package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/store"
)

// exportFormats are the formats export writes, with the names users reach
// for first.
var exportFormats = map[string]string{
	"json": "json", "vcard": "vcard", "vcf": "vcard", "csv": "csv", "ics": "ics", "ical": "ics", "icalendar": "ics",
}

func newExportCmd(a *app) *cobra.Command {
	var (
		output  string
		dir     string
		sealing sealOptions
	)
	cmd := &cobra.Command{
		Use:   "export json|vcard|csv|ics",
		Short: "Write your people out: everything as JSON, or as vCard, CSV or a calendar",
		Long: `Write tend's data to standard output, or with -o to a file (mode 0600,
replaced in one step, so an interrupted export never leaves half a file).

  json   everything: people (archived too), interactions, memories and dates,
         in the interchange format that tend import json reads back exactly
  vcard  active people as vCard 3.0, for address books; with --dir, one
         file per person in a folder (as khard and vdirsyncer keep them),
         named by the person's UID: only changed cards are rewritten, and
         cards tend wrote for people no longer in tend are removed
  csv    active people, one row each, with where they stand today
  ics    birthdays and important dates (yearly, all day) and open memories
         with a due day, for calendar apps`,
		Example: `  tend export json -o tend-backup.json
  tend export json | ssh laptop tend import json -
  tend export vcard > people.vcf
  tend export vcard --dir ~/.contacts/tend    # then: vdirsyncer sync
  tend export ics -o ~/calendars/tend.ics
  tend export json --encrypt -o tend.json.age      # tend import json reads it back`,
		Args:      exactArgs(1, "a format: json, vcard, csv or ics"),
		ValidArgs: []string{"json", "vcard", "csv", "ics"},
		RunE: func(cmd *cobra.Command, args []string) error {
			format, ok := exportFormats[strings.ToLower(args[0])]
			if !ok {
				return usageErrorf("unknown export format %q (want json, vcard, csv or ics)", args[0])
			}
			if dir != "" {
				if format != "vcard" {
					return usageErrorf("--dir writes a folder of vCards: it goes with export vcard, not %s", format)
				}
				if output != "" || sealing.encrypt || len(sealing.recipients) > 0 {
					return usageErrorf("--dir writes a folder: it does not go with -o, --encrypt or --recipient")
				}
				return runExportDir(a, dir)
			}
			return runExport(a, format, output, sealing)
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to `FILE` (mode 0600, atomically) instead of standard output")
	cmd.Flags().StringVar(&dir, "dir", "", "vcard: write one file per person into `DIR`, keeping it in step")
	sealing.register(cmd)
	return cmd
}

func runExport(a *app, format, output string, so sealOptions) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	// Ask for the passphrase before anything is read or written.
	wrap, err := so.sealer(a)
	if err != nil {
		return err
	}
	s, err := a.Store()
	if err != nil {
		return err
	}
	var count exportCount
	write := wrap(func(w io.Writer) error {
		switch format {
		case "json":
			return exportJSON(a, s, w, &count)
		case "vcard":
			people, err := s.People(a.ctx(), store.PeopleFilter{})
			if err != nil {
				return err
			}
			count.people = len(people)
			return exchange.WriteVCard(w, people)
		case "csv":
			sums, err := s.Summaries(a.ctx(), store.PeopleFilter{})
			if err != nil {
				return err
			}
			count.people = len(sums)
			return exchange.WriteCSV(w, sums, now)
		default:
			people, err := s.People(a.ctx(), store.PeopleFilter{})
			if err != nil {
				return err
			}
			var memories []store.Memory
			err = s.EachMemory(a.ctx(), func(m store.Memory) error {
				memories = append(memories, m)
				return nil
			})
			if err != nil {
				return err
			}
			count.events, err = exchange.WriteICS(w, people, memories, now)
			return err
		}
	})
	if output == "" {
		bw := bufio.NewWriterSize(a.stdout, 64<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	if err := writeFileAtomic(output, write); err != nil {
		return err
	}
	_, err = fmt.Fprintf(a.out, "Exported %s to %s.\n", count.text(format), output)
	return err
}

// runExportDir keeps a folder of vCards in step with tend's active people.
func runExportDir(a *app, dir string) error {
	s, err := a.Store()
	if err != nil {
		return err
	}
	people, err := s.People(a.ctx(), store.PeopleFilter{})
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
		return cadence.Count(c.events, "event", "events")
	}
	parts := []string{cadence.Count(c.people, "person", "people")}
	if format == "json" {
		parts = append(parts, cadence.Count(c.interactions, "interaction", "interactions"), cadence.Count(c.memories, "memory", "memories"))
	}
	return joinAnd(parts)
}

func joinAnd(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// exportJSON streams the interchange document: everyone (archived too),
// then every interaction and memory, one at a time.
func exportJSON(a *app, s *store.Store, w io.Writer, count *exportCount) error {
	now, err := a.Now()
	if err != nil {
		return err
	}
	people, err := s.AllPeople(a.ctx())
	if err != nil {
		return err
	}
	jw := exchange.NewJSONWriter(w, now)
	for _, p := range people {
		if err := jw.Person(exchange.Person(p)); err != nil {
			return err
		}
	}
	count.people = len(people)
	err = s.EachInteraction(a.ctx(), func(in store.Interaction) error {
		count.interactions++
		return jw.Interaction(exchange.Interaction(in))
	})
	if err != nil {
		return err
	}
	err = s.EachMemory(a.ctx(), func(m store.Memory) error {
		count.memories++
		return jw.Memory(exchange.Memory(m))
	})
	if err != nil {
		return err
	}
	return jw.Close()
}

// writeFileAtomic writes a file through a temporary file in the same
// folder, synced and then renamed over the target, so that readers see
// the old file or the whole new one, never a part. The file is 0600: it
// holds private notes about people.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return usageErrorf("-o %s: is a directory", path)
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return usageErrorf("-o %s: no folder %s", path, dir)
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// The rename is durable once the folder is synced; a failure here
	// leaves a complete file, so it is not reported.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
