package main

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
)

// writePlanJSON writes what printJSON writes of days, byte for byte
// (TestPlanJSONIsPrintJSON), without reflection and without a second pass
// to indent it: at ten thousand people a plan holds thousands, and
// encoding/json spent as long on them as the plan itself.
func (a *app) writePlanJSON(days []planDayJSON) error {
	// About 450 bytes a person: made once at its size, the buffer of a
	// few megabytes is not copied as it grows.
	size := 1024
	for _, d := range days {
		size += 128 + 512*len(d.People)
	}
	b := make([]byte, 0, size)
	var err error
	if days == nil {
		b = append(b, "null"...)
	} else if len(days) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, "[\n"...)
		for i, d := range days {
			b = append(b, "  {\n    \"date\": "...)
			if d.Date == nil {
				b = append(b, "null"...)
			} else if b, err = appendJSONString(b, *d.Date); err != nil {
				return err
			}
			b = append(b, ",\n    \"people\": "...)
			if b, err = appendSuggestions(b, d.People, "    "); err != nil {
				return err
			}
			b = append(b, "\n  }"...)
			if i < len(days)-1 {
				b = append(b, ',')
			}
			b = append(b, '\n')
		}
		b = append(b, ']')
	}
	b = append(b, '\n')
	_, err = a.stdout.Write(b)
	return err
}

// appendSuggestions appends ss as an indented array whose closing bracket
// is at indent.
func appendSuggestions(b []byte, ss []suggestionJSON, indent string) ([]byte, error) {
	switch {
	case ss == nil:
		return append(b, "null"...), nil
	case len(ss) == 0:
		return append(b, "[]"...), nil
	}
	in, field := indent+"  ", indent+"    "
	b = append(b, "[\n"...)
	var err error
	for i, s := range ss {
		b = append(b, in...)
		b = append(b, "{\n"...)
		str := func(name, v string, last bool) {
			if err != nil {
				return
			}
			b = append(append(append(b, field...), name...), ": "...)
			b, err = appendJSONString(b, v)
			if !last {
				b = append(b, ",\n"...)
			}
		}
		optional := func(name string, v *string) {
			if v != nil {
				str(name, *v, false)
				return
			}
			b = append(append(append(b, field...), name...), ": null,\n"...)
		}
		number := func(name string, v int) {
			b = append(append(append(b, field...), name...), ": "...)
			b = append(strconv.AppendInt(b, int64(v), 10), ",\n"...)
		}
		float := func(name string, v float64) {
			if err != nil {
				return
			}
			b = append(append(append(b, field...), name...), ": "...)
			b, err = appendJSONFloat(b, v)
			b = append(b, ",\n"...)
		}
		str(`"id"`, s.ID, false)
		str(`"name"`, s.Name, false)
		str(`"tier"`, s.Tier, false)
		number(`"every_days"`, s.EveryDays)
		optional(`"last_real_at"`, s.LastRealAt)
		optional(`"last_real_via"`, s.LastRealVia)
		number(`"days_since_real"`, s.DaysSinceReal)
		float(`"due_ratio"`, s.DueRatio)
		float(`"priority"`, s.Priority)
		b = append(append(b, field...), `"reasons": `...)
		switch {
		case s.Reasons == nil:
			b = append(b, "null"...)
		case len(s.Reasons) == 0:
			b = append(b, "[]"...)
		default:
			b = append(b, "[\n"...)
			for j, r := range s.Reasons {
				b = append(append(b, field...), "  "...)
				if b, err = appendJSONString(b, r); err != nil {
					return nil, err
				}
				if j < len(s.Reasons)-1 {
					b = append(b, ',')
				}
				b = append(b, '\n')
			}
			b = append(append(b, field...), ']')
		}
		b = append(b, ",\n"...)
		str(`"last_note"`, s.LastNote, true)
		if err != nil {
			return nil, err
		}
		b = append(append(append(b, '\n'), in...), '}')
		if i < len(ss)-1 {
			b = append(b, ',')
		}
		b = append(b, '\n')
	}
	return append(append(b, indent...), ']'), nil
}

// appendJSONString appends s as printJSON writes it: printable ASCII as it
// is, anything else as encoding/json escapes it (without HTML escaping).
func appendJSONString(b []byte, s string) ([]byte, error) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return appendEncoded(b, s)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"'), nil
}

// appendJSONFloat appends f as encoding/json writes a float64: in the
// usual range, its shortest decimal form; anything else as encoding/json
// says (an exponent, or an error for NaN and infinities).
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if abs := math.Abs(f); abs == 0 || abs >= 1e-6 && abs < 1e21 {
		return strconv.AppendFloat(b, f, 'f', -1, 64), nil
	}
	return appendEncoded(b, f)
}

// appendEncoded appends v as printJSON's encoder writes it.
func appendEncoded(b []byte, v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...), nil
}
