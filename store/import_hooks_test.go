package store

// SetBulkAfter lowers the number of new interactions after which an import
// drops and rebuilds the derived tables, so that tests can run the bulk path
// on a small file. It returns a function that puts the number back.
func SetBulkAfter(n int) (restore func()) {
	old := bulkAfter
	bulkAfter = n
	return func() { bulkAfter = old }
}
