package words

import "time"

// Remembered confirms a memory kept: "Remembered for Ana, for Fri 27 Nov
// 2026: exam". name and text are as the face shows them; due is the day
// it comes back, or zero.
func Remembered(name, text string, due time.Time) string {
	day := ""
	if !due.IsZero() {
		day = ", for " + due.Format("Mon 2 Jan 2006")
	}
	return "Remembered for " + name + day + ": " + text
}
