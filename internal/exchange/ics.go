package exchange

import (
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// WriteICS writes an iCalendar file of the people's birthdays and important
// dates, as yearly all-day events, and of the open memories that have a due
// day, as one-day events. Memories of people not in people are left out.
// stamp is the DTSTAMP of every event and fixes the year a date without a
// year starts repeating from. UIDs are stable, so a calendar that imports a
// newer export updates its events instead of doubling them. It returns the
// number of events written.
func WriteICS(w io.Writer, people []domain.Person, memories []domain.Memory, stamp time.Time) (int, error) {
	return WriteICSPlan(w, people, memories, nil, stamp)
}

// A Call is a suggested call on a day, for a calendar: tend plan's.
type Call struct {
	PersonID string
	Name     string
	Day      time.Time // only its year, month and day count
	Reasons  []string
}

// WriteICSPlan is WriteICS with the suggested calls as all-day events
// besides. A call's UID is made of the person and the day, so that the same
// call in a later export updates the event instead of adding a copy.
func WriteICSPlan(w io.Writer, people []domain.Person, memories []domain.Memory, calls []Call, stamp time.Time) (int, error) {
	events := 0
	fw := newFoldWriter(w)
	out := func(line string) { io.WriteString(fw, line+"\r\n") }
	dtstamp := stamp.UTC().Format("20060102T150405Z")

	out("BEGIN:VCALENDAR")
	out("VERSION:2.0")
	out("PRODID:-//tend//tend//EN")
	out("CALSCALE:GREGORIAN")
	out("X-WR-CALNAME:tend")
	yearly := func(uid, summary string, d cadence.MonthDay) {
		start, rule := firstOccurrence(d, stamp.Year())
		events++
		out("BEGIN:VEVENT")
		out("UID:" + uid)
		out("DTSTAMP:" + dtstamp)
		out("DTSTART;VALUE=DATE:" + start.Format("20060102"))
		out("DTEND;VALUE=DATE:" + start.AddDate(0, 0, 1).Format("20060102"))
		out("RRULE:" + rule)
		out("SUMMARY:" + icsText(summary))
		out("TRANSP:TRANSPARENT")
		out("END:VEVENT")
	}
	names := map[string]string{}
	for _, p := range people {
		names[p.ID] = p.Name
		if !p.Birthday.IsZero() {
			yearly("birthday-"+p.ID+"@tend", p.Name+"'s birthday", p.Birthday)
		}
		for _, d := range p.ImportantDates {
			h := fnv.New64a()
			fmt.Fprintf(h, "%s\x00%s", d.Label, d.Date)
			yearly(fmt.Sprintf("date-%s-%016x@tend", p.ID, h.Sum64()), p.Name+": "+d.Label, d.Date)
		}
	}
	for _, m := range memories {
		name, ok := names[m.PersonID]
		// A day whose next day is past year 9999 (kept before tend bounded
		// --on) has no DTEND a calendar can read.
		if !ok || m.Due.IsZero() || m.Done() || m.Due.AddDate(0, 0, 1).Year() > 9999 {
			continue
		}
		events++
		out("BEGIN:VEVENT")
		out("UID:memory-" + m.ID + "@tend")
		out("DTSTAMP:" + dtstamp)
		out("DTSTART;VALUE=DATE:" + m.Due.Format("20060102"))
		out("DTEND;VALUE=DATE:" + m.Due.AddDate(0, 0, 1).Format("20060102"))
		out("SUMMARY:" + icsText(name+": "+m.Text))
		out("DESCRIPTION:" + icsText("Remembered in tend. Mark it done with: tend done "+m.ID))
		out("TRANSP:TRANSPARENT")
		out("END:VEVENT")
	}
	for _, c := range calls {
		day := time.Date(c.Day.Year(), c.Day.Month(), c.Day.Day(), 0, 0, 0, 0, time.UTC)
		events++
		out("BEGIN:VEVENT")
		out("UID:call-" + c.PersonID + "-" + day.Format("20060102") + "@tend")
		out("DTSTAMP:" + dtstamp)
		out("DTSTART;VALUE=DATE:" + day.Format("20060102"))
		out("DTEND;VALUE=DATE:" + day.AddDate(0, 0, 1).Format("20060102"))
		out("SUMMARY:" + icsText("Call "+c.Name))
		if len(c.Reasons) > 0 {
			out("DESCRIPTION:" + icsText(strings.Join(c.Reasons, " · ")))
		}
		out("TRANSP:TRANSPARENT")
		out("END:VEVENT")
	}
	out("END:VCALENDAR")
	return events, fw.Flush()
}

// firstOccurrence is where a yearly date starts and the rule it repeats
// by. A date with a year starts that year (a birthday repeats from the
// birth); one without starts in year. 29 February repeats on the last day
// of February, as tend counts it in the years without one.
func firstOccurrence(d cadence.MonthDay, year int) (time.Time, string) {
	if d.Year > 0 {
		year = d.Year
	}
	if d.Month == time.February && d.Day == 29 {
		for !isLeap(year) {
			year--
		}
		return time.Date(year, d.Month, d.Day, 0, 0, 0, 0, time.UTC), "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
	}
	return time.Date(year, d.Month, d.Day, 0, 0, 0, 0, time.UTC), "FREQ=YEARLY"
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// icsText escapes a TEXT value.
var icsEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

func icsText(s string) string { return icsEscaper.Replace(s) }
