package store

import "time"

// SetWriteWait shortens how long a write waits for another writer before
// it says so (notice) and before it gives up (total), so that tests of a
// held lock run in milliseconds. It returns a function that puts them back.
func SetWriteWait(notice, total time.Duration) (restore func()) {
	oldNotice, oldTotal := noticeAfter, writeWait
	noticeAfter, writeWait = notice, total
	return func() { noticeAfter, writeWait = oldNotice, oldTotal }
}
