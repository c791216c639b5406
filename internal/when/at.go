package when

import (
	"fmt"
	"time"
)

// Slack is how far ahead of now a logged moment may be, for clocks that
// disagree by a little.
const Slack = time.Minute

// At reads when something happened, for logging it. A day without a time
// is taken as noon that day, or as now if noon has not come yet today. A
// moment more than Slack after now is an error: only what has happened can
// be logged.
func At(s string, now time.Time) (time.Time, error) {
	m, err := Past(s, now)
	if err != nil {
		return time.Time{}, err
	}
	at := m.Time
	if m.DateOnly {
		// Noon on the clock: twelve hours after midnight is 11:00 or 13:00
		// on a day the clocks change.
		y, mo, d := m.Time.Date()
		at = time.Date(y, mo, d, 12, 0, 0, 0, m.Time.Location())
		if at.After(now) && !m.Time.After(now) {
			at = now
		}
	}
	if at.After(now.Add(Slack)) {
		return time.Time{}, fmt.Errorf("%q is in the future; log what has happened", s)
	}
	return at, nil
}
