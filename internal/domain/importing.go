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
