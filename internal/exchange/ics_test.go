package exchange_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
)

// TestICSParsesAsACalendar writes a calendar and reads it back with a real
// iCalendar parser (go-ical, with rrule-go for the recurrences), as a
// calendar app would.
func TestICSParsesAsACalendar(t *testing.T) {
	t.Parallel()
	people := []domain.Person{
		{ID: "P1", Name: "Ana Lima", Birthday: cadence.MonthDay{Month: 4, Day: 15},
			ImportantDates: []domain.ImportantDate{{Label: "anniversary", Date: cadence.MonthDay{Year: 2015, Month: 6, Day: 1}}}},
		{ID: "P2", Name: "Ben; Okafor, Jr.", Birthday: cadence.MonthDay{Year: 1992, Month: 2, Day: 29}},
		{ID: "P3", Name: "Cy"},
	}
	memories := []domain.Memory{
		{ID: "M1", PersonID: "P1", Text: "exam on Friday, ask how it went", Due: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)},
		{ID: "M2", PersonID: "P1", Text: "done already", Due: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), DoneAt: exportedAt},
		{ID: "M3", PersonID: "P3", Text: "no due day"},
		{ID: "M4", PersonID: "GONE", Text: "archived person", Due: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)},
	}
	var buf bytes.Buffer
	n, err := exchange.WriteICS(&buf, people, memories, exportedAt)
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Errorf("WriteICS wrote %d events, want 4", n)
	}
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line longer than 75 bytes: %q", line)
		}
	}
	cal, err := ical.NewDecoder(&buf).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the calendar: %v", err)
	}
	if v := cal.Props.Get(ical.PropVersion); v == nil || v.Value != "2.0" {
		t.Errorf("VERSION = %v", v)
	}
	events := map[string]ical.Event{}
	for _, e := range cal.Events() {
		uid, err := e.Props.Text(ical.PropUID)
		if err != nil {
			t.Fatal(err)
		}
		summary, _ := e.Props.Text(ical.PropSummary)
		events[summary] = e
		if _, err := e.Props.DateTime(ical.PropDateTimeStamp, time.UTC); err != nil {
			t.Errorf("%s: DTSTAMP: %v", uid, err)
		}
	}
	if len(events) != 4 {
		t.Fatalf("events = %v, want Ana's birthday and anniversary, Ben's birthday and the open memory", keys(events))
	}

	// occurrences lists an event's days in a range, through its RRULE.
	occurrences := func(summary string, from, to time.Time) []string {
		t.Helper()
		e, ok := events[summary]
		if !ok {
			t.Fatalf("no event %q among %v", summary, keys(events))
		}
		if start := e.Props.Get(ical.PropDateTimeStart); start.ValueType() != ical.ValueDate {
			t.Errorf("%s: DTSTART is %s, want an all-day DATE", summary, start.ValueType())
		}
		set, err := e.RecurrenceSet(time.UTC)
		if err != nil {
			t.Fatalf("%s: RRULE: %v", summary, err)
		}
		if set == nil {
			start, _ := e.DateTimeStart(time.UTC)
			return []string{start.Format(time.DateOnly)}
		}
		var out []string
		for _, d := range set.Between(from, to, true) {
			out = append(out, d.Format(time.DateOnly))
		}
		return out
	}
	from, to := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC)
	if got := occurrences("Ana Lima's birthday", from, to); strings.Join(got, " ") != "2026-04-15 2027-04-15 2028-04-15" {
		t.Errorf("Ana's birthday falls on %v", got)
	}
	if got := occurrences("Ana Lima: anniversary", from, to); strings.Join(got, " ") != "2026-06-01 2027-06-01 2028-06-01" {
		t.Errorf("the anniversary falls on %v", got)
	}
	// A 29 February birthday comes on the last day of February, as tend
	// counts it, and on the 29th in leap years.
	if got := occurrences("Ben; Okafor, Jr.'s birthday", from, to); strings.Join(got, " ") != "2026-02-28 2027-02-28 2028-02-29" {
		t.Errorf("the leap-day birthday falls on %v", got)
	}
	if got := occurrences("Ana Lima: exam on Friday, ask how it went", from, to); strings.Join(got, " ") != "2026-11-27" {
		t.Errorf("the memory falls on %v", got)
	}
	exam := events["Ana Lima: exam on Friday, ask how it went"]
	end, err := exam.DateTimeEnd(time.UTC)
	if err != nil || !end.Equal(time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("the memory ends %v (%v), want the next day: one all-day event", end, err)
	}
}

func keys(m map[string]ical.Event) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// A memory due on the last day a calendar can name (kept before --on was
// bounded) has no next day for DTEND: it is left out, and the calendar
// stays readable.
func TestICSLeavesOutADayWithNoNextDay(t *testing.T) {
	t.Parallel()
	people := []domain.Person{{ID: "P1", Name: "Ana"}}
	memories := []domain.Memory{
		{ID: "M1", PersonID: "P1", Text: "end of time", Due: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)},
		{ID: "M2", PersonID: "P1", Text: "exam", Due: time.Date(9999, 12, 30, 0, 0, 0, 0, time.UTC)},
	}
	var buf bytes.Buffer
	n, err := exchange.WriteICS(&buf, people, memories, exportedAt)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 || strings.Contains(buf.String(), "100000101") || !strings.Contains(buf.String(), "DTEND;VALUE=DATE:99991231") {
		t.Errorf("%d events:\n%s", n, buf.String())
	}
	if _, err := ical.NewDecoder(bytes.NewReader(buf.Bytes())).Decode(); err != nil {
		t.Errorf("the calendar does not parse: %v", err)
	}
}
