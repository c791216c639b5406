package domain

// ImportSkip is something an import left out, with the reason.
type ImportSkip struct {
	Where  string // the record, card or line, as the reader of the file names it
	Reason string
	Count  int // how many things this entry stands for; 0 means 1
	// Unit is what one of them is, when it is not the format's own unit
	// (a card, a row): a whole file of a folder of cards is a "file".
	Unit string
}

// N is the number of things the skip stands for.
func (s ImportSkip) N() int { return max(s.Count, 1) }

// ImportNote is something an import did that the user should know,
// though nothing was left out: two people of one name kept apart, a
// charset guessed, the columns a spreadsheet was read by.
type ImportNote struct {
	Where string // the record, card or line; "" for the whole file
	Text  string
}

// ImportOptions tune an import.
type ImportOptions struct {
	// DryRun runs the whole import and throws its writes away, so that the
	// counts are exactly those that a real import would give. It reads the
	// database and writes nothing to it, so it takes no write lock and
	// runs beside another tend's import.
	DryRun bool
	// Source names what is imported (a file name) in the words undo shows.
	Source string
	// BulkAfter is the number of new interactions after which the import
	// rebuilds the derived tables instead of updating them; zero for the
	// store's own.
	BulkAfter int
}

// ImportCounts counts what an import did with one kind of record.
type ImportCounts struct {
	New     int // not in tend before: added
	Matched int // already in tend, by id or (people from other tools) by name
	Updated int // of the matched, those the import changed
}

// ImportResult says what an import did, or with DryRun would have done.
type ImportResult struct {
	People       ImportCounts
	Interactions ImportCounts
	Memories     ImportCounts
	Skipped      []ImportSkip
	Notes        []ImportNote
	DryRun       bool
}

// New is the number of records added, of every kind.
func (r ImportResult) New() int { return r.People.New + r.Interactions.New + r.Memories.New }

// Matched is the number of records tend already had, of every kind.
func (r ImportResult) Matched() int {
	return r.People.Matched + r.Interactions.Matched + r.Memories.Matched
}

// Updated is the number of matched records the import changed.
func (r ImportResult) Updated() int {
	return r.People.Updated + r.Interactions.Updated + r.Memories.Updated
}

// SkippedCount is the number of things left out.
func (r ImportResult) SkippedCount() int {
	n := 0
	for _, s := range r.Skipped {
		n += s.N()
	}
	return n
}
