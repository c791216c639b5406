package main

import (
	"bufio"
	"io"
	"strconv"
	"time"

	"github.com/tend-app/tend/internal/core"
)

// writeListJSON writes what printJSONList writes of listed, as
// listedPersonJSON records, byte for byte (TestListJSONIsPrintJSON), from
// the people themselves: at ten thousand people, making their records and
// having encoding/json reflect over them and indent them again took as
// long as reading them.
func (a *app) writeListJSON(listed []core.Listed) error {
	if len(listed) == 0 {
		_, err := io.WriteString(a.stdout, "[]\n")
		return err
	}
	w := bufio.NewWriterSize(a.stdout, 64<<10)
	w.WriteString("[\n")
	var (
		b   []byte // one person at a time
		err error
	)
	for i := range listed {
		if b, err = appendListedJSON(b[:0], &listed[i]); err != nil {
			return err
		}
		if i < len(listed)-1 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		w.Write(b)
	}
	w.WriteString("]\n")
	return w.Flush()
}

// appendListedJSON appends one entry of list --json at its place in the
// list: as exchange.Person makes the record, indented two levels.
func appendListedJSON(b []byte, l *core.Listed) ([]byte, error) {
	const field, inner = "\n    ", "\n      "
	p := &l.Person
	var err error
	str := func(name, v string) {
		if err == nil {
			b = append(append(b, name...), ": "...)
			b, err = appendJSONString(b, v)
			b = append(b, ',')
		}
	}
	null := func(name string) { b = append(append(b, name...), ": null,"...) }
	when := func(name string, t time.Time) {
		b = append(append(b, name...), ": \""...)
		b = append(t.UTC().AppendFormat(b, time.RFC3339), "\","...)
	}
	optionalWhen := func(name string, t time.Time) {
		if t.IsZero() {
			null(name)
		} else {
			when(name, t)
		}
	}
	list := func(name string, items []string) {
		b = append(append(b, name...), ": "...)
		if len(items) == 0 {
			b = append(b, "[],"...)
			return
		}
		b = append(b, '[')
		for i, it := range items {
			if err != nil {
				return
			}
			b = append(b, inner...)
			b, err = appendJSONString(b, it)
			if i < len(items)-1 {
				b = append(b, ',')
			}
		}
		b = append(append(b, field...), "],"...)
	}
	// object appends {"k": "v", ...} of pairs at the depth of an array's
	// element.
	object := func(at string, pairs ...string) {
		b = append(b, '{')
		for i := 0; i < len(pairs) && err == nil; i += 2 {
			b = append(append(append(b, at...), "  "...), pairs[i]...)
			b = append(b, ": "...)
			b, err = appendJSONString(b, pairs[i+1])
			if i < len(pairs)-2 {
				b = append(b, ',')
			}
		}
		b = append(append(b, at...), '}')
	}
	typed := func(name string, values []string, types map[string]string) {
		b = append(append(b, name...), ": "...)
		n := 0
		for _, v := range values {
			if t := types[v]; t != "" {
				if n == 0 {
					b = append(b, '[')
				} else {
					b = append(b, ',')
				}
				b = append(b, inner...)
				object(inner, `"value"`, v, `"type"`, t)
				n++
			}
		}
		if n == 0 {
			b = append(b, "[],"...)
		} else {
			b = append(append(b, field...), "],"...)
		}
	}

	b = append(b, "  {"...)
	b = append(b, field...)
	str(`"id"`, p.ID)
	b = append(b, field...)
	str(`"name"`, p.Name)
	b = append(b, field...)
	str(`"tier"`, string(p.Tier))
	b = append(b, field...)
	if p.Every > 0 {
		b = append(strconv.AppendInt(append(b, `"every_days": `...), int64(p.Every), 10), ',')
	} else {
		null(`"every_days"`)
	}
	b = append(b, field...)
	if p.Birthday.IsZero() {
		null(`"birthday"`)
	} else {
		str(`"birthday"`, p.Birthday.String())
	}
	b = append(b, field...)
	list(`"phones"`, p.Phones)
	b = append(b, field...)
	list(`"emails"`, p.Emails)
	b = append(b, field...)
	list(`"tags"`, p.Tags)
	b = append(b, field...)
	list(`"aliases"`, p.Aliases)
	b = append(b, field...)
	str(`"notes"`, p.Notes)
	b = append(b, field...)
	when(`"created_at"`, p.CreatedAt)
	b = append(b, field...)
	when(`"updated_at"`, p.UpdatedAt)
	b = append(b, field...)
	optionalWhen(`"archived_at"`, p.ArchivedAt)
	b = append(b, field...)
	optionalWhen(`"snoozed_until"`, p.SnoozedUntil)
	b = append(b, field...)
	b = append(b, `"important_dates": `...)
	if len(p.ImportantDates) == 0 {
		b = append(b, "[],"...)
	} else {
		b = append(b, '[')
		for i, d := range p.ImportantDates {
			b = append(b, inner...)
			object(inner, `"label"`, d.Label, `"date"`, d.Date.String())
			if i < len(p.ImportantDates)-1 {
				b = append(b, ',')
			}
		}
		b = append(append(b, field...), "],"...)
	}
	b = append(b, field...)
	str(`"org"`, p.Org)
	b = append(b, field...)
	str(`"job_title"`, p.JobTitle)
	b = append(b, field...)
	typed(`"phone_types"`, p.Phones, p.PhoneTypes)
	b = append(b, field...)
	typed(`"email_types"`, p.Emails, p.EmailTypes)
	b = append(b, field...)
	if n := p.NameParts; n.IsZero() {
		null(`"name_parts"`)
	} else {
		b = append(b, `"name_parts": `...)
		object(field, `"family"`, n.Family, `"given"`, n.Given, `"additional"`, n.Additional, `"prefix"`, n.Prefix, `"suffix"`, n.Suffix)
		b = append(b, ',')
	}
	b = append(b, field...)
	str(`"uid"`, p.UID)
	b = append(b, field...)
	b = append(strconv.AppendInt(append(b, `"days_since_real": `...), int64(l.DaysSinceReal), 10), ',')
	b = append(append(b, field...), `"due_ratio": `...)
	if err != nil {
		return nil, err
	}
	if b, err = appendJSONFloat(b, l.DueRatio); err != nil {
		return nil, err
	}
	b = append(append(b, ','), field...)
	b = strconv.AppendBool(append(b, `"due": `...), l.Due)
	return append(b, "\n  }"...), nil
}
