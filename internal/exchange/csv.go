package exchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// CSVColumns are the columns of `tend export csv`, in order. The first
// eleven, and aliases, are read back by ReadCSV; the others are worked out
// by tend (where each person stands today) and are passed over on import,
// so that an exported file, edited in a spreadsheet, imports again.
// aliases comes last, after the columns scripts had before it.
var CSVColumns = []string{
	"name", "tier", "every", "birthday", "phone", "email", "tags", "notes", "dates", "org", "job_title",
	"last_real_at", "last_real_via", "days_since_real", "due_ratio", "due", "id", "aliases",
}

// listSep joins the phones, e-mails and tags of one cell.
const listSep = "; "

// WriteCSV writes one row per person with where they stand at now under
// the rules: days since the last real conversation, the due ratio, and
// whether they are due, as tend list says them.
func WriteCSV(w io.Writer, people []domain.Summary, rules cadence.Rules, now time.Time) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	for _, sum := range people {
		p := sum.Person
		st := rules.Assess(sum.Cadence(), now)
		every := ""
		if p.Every > 0 {
			every = strconv.Itoa(p.Every)
		}
		lastAt, lastVia := "", ""
		if !sum.LastReal.IsZero() {
			lastAt, lastVia = Time(sum.LastReal.At), string(sum.LastReal.Via)
		}
		row := []string{
			p.Name, string(p.Tier), every, p.Birthday.String(),
			strings.Join(p.Phones, listSep), strings.Join(p.Emails, listSep), strings.Join(p.Tags, listSep), p.Notes,
			datesCell(p.ImportantDates), p.Org, p.JobTitle,
			lastAt, lastVia, strconv.Itoa(st.DaysSinceReal), strconv.FormatFloat(st.DueRatio, 'f', 2, 64),
			strconv.FormatBool(st.Due), p.ID, strings.Join(p.Aliases, listSep),
		}
		for i := range row {
			row[i] = defuseCell(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// formulaStart holds the characters a spreadsheet takes as the start of a
// formula (=, +, -, @) or strips before one (tab, carriage return): a
// note "=HYPERLINK(...)" would become a live link when the file is opened.
const formulaStart = "=+-@\t\r"

// defuseCell keeps a spreadsheet from evaluating a cell, the way
// spreadsheet-safe exporters do: a cell that starts with a formula
// character is written after an apostrophe, which spreadsheets show as
// text and do not display. So that ReadCSV can take the apostrophe off
// again without changing anything else, a cell that already starts with
// apostrophes followed by a formula character gets one more.
func defuseCell(s string) string {
	if looksLikeFormula(strings.TrimLeft(s, "'")) {
		return "'" + s
	}
	return s
}

// restoreCell undoes defuseCell: one apostrophe comes off a cell that
// starts with apostrophes followed by a formula character.
func restoreCell(s string) string {
	if strings.HasPrefix(s, "'") && looksLikeFormula(strings.TrimLeft(s, "'")) {
		return s[1:]
	}
	return s
}

func looksLikeFormula(s string) bool {
	return s != "" && strings.IndexByte(formulaStart, s[0]) >= 0
}

// datesCell writes important dates as the dates column holds them:
// "anniversary=2015-06-01; name day=--07-26".
func datesCell(dates []domain.ImportantDate) string {
	parts := make([]string, 0, len(dates))
	for _, d := range dates {
		label := strings.NewReplacer(";", ",", "=", "-").Replace(d.Label)
		parts = append(parts, label+"="+d.Date.String())
	}
	return strings.Join(parts, listSep)
}

func splitList(s, seps string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// sniffComma picks the separator the header row uses most.
func sniffComma(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte{'\n'})
	best, bestN := ',', bytes.Count(first, []byte{','})
	for _, c := range []rune{';', '\t'} {
		if n := bytes.Count(first, []byte{byte(c)}); n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// trimCutRune drops a rune cut in two at the end of b, as a sniffed
// start of a file may end.
func trimCutRune(b []byte) []byte {
	for i := 1; i <= utf8.UTFMax && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

func csvErr(err error) error {
	var ie *InputError
	if errors.As(err, &ie) {
		return err
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return inputErrorf(pe.Line, "", "%v", pe.Err)
	}
	return fmt.Errorf("read: %w", err)
}
