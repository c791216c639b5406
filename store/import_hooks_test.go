package store

// SetBulkAfter lowers the number of new interactions after which an import
// drops and rebuilds the derived tables, so that tests can run the bulk path
// on a small file. It returns a function that puts the number back.
func SetBulkAfter(n int) (restore func()) {
	old := bulkAfter
	bulkAfter = n
	return func() { bulkAfter = old }
}

// SetOneByOneUpTo lowers the number of people RankByOverdue reads one at a
// time before it reads the rest in one pass, so that tests can run that
// path on a few people. It returns a function that puts the number back.
func SetOneByOneUpTo(n int) (restore func()) {
	old := oneByOneUpTo
	oneByOneUpTo = n
	return func() { oneByOneUpTo = old }
}
