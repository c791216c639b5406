package main

import (
	"bytes"
	"math"
	"testing"
)

// TestPlanJSONIsPrintJSON checks that plan's own JSON writer writes what
// encoding/json, through printJSON, writes of the same plan: strings that
// need escaping (quotes, control characters, HTML's characters, line
// separators, bad UTF-8, non-ASCII), floats of every size, and empty,
// missing and null lists.
func TestPlanJSONIsPrintJSON(t *testing.T) {
	text := func(s string) *string { return &s }
	person := func(name string, ratio, priority float64, reasons []string) suggestionJSON {
		return suggestionJSON{ID: "01J" + name, Name: name, Tier: "close", EveryDays: 30, DaysSinceReal: 43,
			DueRatio: ratio, Priority: priority, Reasons: reasons, LastNote: name + " note"}
	}
	withLast := person("Ana", 1.43, 2.43, []string{"43 days since your last call", "close: every 30 days"})
	withLast.LastRealAt, withLast.LastRealVia = text("2026-10-12T18:00:00Z"), text("call")
	tricky := []string{`say "hi"`, `back\slash`, "tab\there", "line\nbreak", "\r\b\f\x00\x1f\x7f", "<b>&amp;</b>",
		"\u2028\u2029", "bad \xff\xfe utf-8", "Zoë Åström 李雷 🎂", ""}
	var people []suggestionJSON
	for i, s := range tricky {
		people = append(people, person(s, float64(i)/7, float64(i)*1e20, []string{s, "after " + s}))
	}
	for _, f := range []float64{0, math.Copysign(0, -1), 1e-7, 1e-6, 0.5, 1, 123456.78, 1e20, 1e21, 1e22, -3.25, 5e-324, math.MaxFloat64} {
		people = append(people, person("F", f, -f, []string{}))
	}
	people = append(people, person("Nil reasons", 1, 1, nil))
	date := "2026-11-24"
	plans := map[string][]planDayJSON{
		"a plan":      {{Date: &date, People: []suggestionJSON{withLast}}, {Date: text("2026-11-25"), People: people}, {People: []suggestionJSON{}}},
		"null people": {{Date: &date}, {People: nil}},
		"no days":     {},
		"nil":         nil,
	}
	for name, days := range plans {
		var want, got bytes.Buffer
		if err := (&app{stdout: &want}).printJSON(days); err != nil {
			t.Fatalf("%s: printJSON: %v", name, err)
		}
		if err := (&app{stdout: &got}).writePlanJSON(days); err != nil {
			t.Fatalf("%s: writePlanJSON: %v", name, err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: writePlanJSON wrote\n%s\nprintJSON writes\n%s", name, got.String(), want.String())
		}
	}
	// What encoding/json refuses, the writer refuses too, and writes nothing.
	var out bytes.Buffer
	bad := []planDayJSON{{Date: &date, People: []suggestionJSON{person("NaN", math.NaN(), 1, nil)}}}
	if err := (&app{stdout: &out}).writePlanJSON(bad); err == nil || out.Len() > 0 {
		t.Errorf("writePlanJSON of NaN: error %v, wrote %q; want an error and nothing", err, out.String())
	}
}
