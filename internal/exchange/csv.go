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

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/store"
)

// CSVColumns are the columns of `tend export csv`, in order. The first
// eleven are read back by ReadCSV; the others are worked out by tend (where
// each person stands today) and are passed over on import, so that an
// exported file, edited in a spreadsheet, imports again.
var CSVColumns = []string{
	"name", "tier", "every", "birthday", "phone", "email", "tags", "notes", "dates", "org", "job_title",
	"last_real_at", "last_real_via", "days_since_real", "due_ratio", "due", "id",
}

// listSep joins the phones, e-mails and tags of one cell.
const listSep = "; "

// WriteCSV writes one row per person with where they stand at now: days
// since the last real conversation, the due ratio, and whether they are due.
func WriteCSV(w io.Writer, people []store.Summary, now time.Time) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	for _, sum := range people {
		p := sum.Person
		st := cadence.Assess(sum.Cadence(), now)
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
			strconv.FormatBool(st.Due), p.ID,
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// datesCell writes important dates as the dates column holds them:
// "anniversary=2015-06-01; name day=--07-26".
func datesCell(dates []store.ImportantDate) string {
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

func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return inputErrorf(pe.Line, "", "%v", pe.Err)
	}
	return fmt.Errorf("read: %w", err)
}
