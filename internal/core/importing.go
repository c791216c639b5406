package core

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/phonelog"
	"github.com/tend-app/tend/store"
)

// Import formats.
const (
	ImportJSON    = "json"    // tend's interchange format, merged by id
	ImportVCard   = "vcard"   // an address book, or a folder of one card per contact
	ImportCSV     = "csv"     // a spreadsheet with a header row
	ImportFriends = "friends" // the friends.md file of the friends tool
)

// ImportFile says what to import: a file, or a folder of vCards.
type ImportFile struct {
	Format string    // one of the Import formats
	From   io.Reader // the file; unread when Dir is set
	Dir    fs.FS     // a folder of vCards (Format vcard)
	// Source names what is imported (a file name) in the words undo shows.
	Source string
	DryRun bool
	Now    time.Time // what friends.md's dates without a year are read against
	// Watch, when set, is handed the import's target and returns the one
	// the reader writes to: a progress bar counts records through it.
	Watch func(exchange.Target) exchange.Target
}

// Import reads a file into tend, all or nothing: one bad record rejects
// the whole file and nothing is written. With DryRun the result is what a
// real import would do, and nothing is written either way.
func (c *Core) Import(ctx context.Context, f ImportFile) (domain.ImportResult, error) {
	return c.store.Import(ctx, store.ImportOptions{DryRun: f.DryRun, Source: f.Source}, func(im *store.Import) error {
		if f.Dir != nil {
			return exchange.ReadVCardDir(f.Dir, im)
		}
		var t exchange.Target = im
		if f.Watch != nil {
			t = f.Watch(im)
		}
		switch f.Format {
		case ImportJSON:
			return exchange.ReadJSON(f.From, t)
		case ImportVCard:
			return exchange.ReadVCard(f.From, t)
		case ImportCSV:
			return exchange.ReadCSV(f.From, t)
		case ImportFriends:
			return exchange.ReadFriends(f.From, t, f.Now)
		}
		return fmt.Errorf("no import format %q", f.Format)
	})
}

// LogImport says how to import phone and chat logs.
type LogImport struct {
	DryRun bool
	Region string   // where numbers without a country code are from
	As     []string // the ids of the one person a chat is with; none to match by name or number
	// Read reads the files into the importer, and gives the records it
	// left out, by reason.
	Read func(*phonelog.Importer) ([]domain.ImportSkip, error)
}

// ImportLogs matches calls and messages to people and logs what they
// become, all or nothing, and says what it read.
func (c *Core) ImportLogs(ctx context.Context, li LogImport) (domain.ImportResult, phonelog.Summary, error) {
	var sum phonelog.Summary
	res, err := c.store.Import(ctx, store.ImportOptions{DryRun: li.DryRun}, func(im *store.Import) error {
		imp, err := phonelog.NewImporter(im, phonelog.ImportOptions{Region: li.Region, As: li.As})
		if err != nil {
			return err
		}
		skips, err := li.Read(imp)
		if err != nil {
			return err
		}
		if sum, err = imp.Finish(); err != nil {
			return err
		}
		for _, sk := range skips {
			im.Skip(sk)
		}
		return nil
	})
	return res, sum, err
}
