package core

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// Digest is the day, or the rest of the week, as a letter says it, before
// it is written in a format.
type Digest struct {
	From, To time.Time // the first and last day covered, at midnight
	Week     bool
	Days     []DigestDay
	Dates    []DigestDate
	Memories []domain.DueMemory // open memories due by To
	Owed     []DigestOwed
	Drifting []cadence.Status
	MoreDue  int // due, or moved up, but not in Days
}

// DigestDay is one day's calls.
type DigestDay struct {
	Date   time.Time
	People []DigestPerson
}

// DigestPerson is someone to call, with what you last talked about, or
// else what to remember.
type DigestPerson struct {
	cadence.Status
	Note     string   // the latest note, whole; "" when none
	Memories []string // their open memories, when there is no note
}

// DigestDate is a birthday or an important date in the days covered.
type DigestDate struct {
	Date  time.Time
	ID    string
	Name  string
	Label string // "birthday" or the important date's label
	Years int    // the age, or years since; 0 when the year is not known
}

// DigestOwed is someone waiting for your reply, for Days days: to their
// message, or, when Called, to their call you missed.
type DigestOwed struct {
	ID, Name string
	Days     int
	Called   bool // a call of theirs you missed
	Gift     bool // a gift of theirs
}

// Digest gathers the letter of the day at now, or with week the rest of
// the week that starts on weekStart (all of it on its first day): the
// calls as today, or plan day by day, sees them, the dates ahead, the
// memories due, who waits for a reply and who drifts.
func (c *Core) Digest(ctx context.Context, now time.Time, week bool, weekStart time.Weekday) (Digest, error) {
	rules := c.rules
	people, err := c.store.CadencePeople(ctx)
	if err != nil {
		return Digest{}, err
	}
	days := 1
	if week {
		days = WeekDays(now, weekStart)
	}
	l := Digest{From: dayStart(now), Week: week}
	l.To = l.From.AddDate(0, 0, days-1)

	plan := rules.Plan(people, now, days, rules.Limit)
	if !week {
		// Today exactly as tend today sees it; the plan's first day is the
		// same, and Later counts whoever else is due.
		plan.Days[0].People = rules.Today(people, now, rules.Limit)
		all := rules.Today(people, now, 0)
		l.MoreDue = len(all) - len(plan.Days[0].People)
	} else {
		l.MoreDue = len(plan.Later)
	}
	var listed []string
	for _, d := range plan.Days {
		for _, st := range d.People {
			listed = append(listed, st.Person.ID)
		}
	}
	notes, err := c.store.LastNotes(ctx, listed)
	if err != nil {
		return Digest{}, err
	}
	for _, d := range plan.Days {
		day := DigestDay{Date: d.Date}
		for _, st := range d.People {
			lp := DigestPerson{Status: st, Note: notes[st.Person.ID].Note}
			if lp.Note == "" {
				open, err := c.OpenMemories(ctx, st.Person.ID)
				if err != nil {
					return Digest{}, err
				}
				lp.Memories = make([]string, len(open))
				for i, m := range open {
					lp.Memories[i] = m.Text
				}
			}
			day.People = append(day.People, lp)
		}
		l.Days = append(l.Days, day)
	}

	// Dates: the week ahead for a day, as today's "This week" lists them
	// (a card takes days to arrive), and the rest of the week for a week.
	ahead := cadence.WeekDays - 1
	if week {
		ahead = days - 1
	}
	for _, p := range people {
		add := func(md cadence.MonthDay, label string) {
			if md.IsZero() {
				return
			}
			next := md.Next(now)
			if cadence.DaysBetween(now, next) > ahead {
				return
			}
			d := DigestDate{Date: next, ID: p.ID, Name: p.Name, Label: label}
			if md.Year > 0 && next.Year() > md.Year {
				d.Years = next.Year() - md.Year
			}
			l.Dates = append(l.Dates, d)
		}
		add(p.Birthday, "birthday")
		for _, d := range p.ImportantDates {
			add(d.Date, strings.TrimSpace(d.Label))
		}
		if owed, days := cadence.OwesReply(p, now); owed {
			l.Owed = append(l.Owed, DigestOwed{ID: p.ID, Name: p.Name, Days: days, Called: p.Last.Missed, Gift: p.Last.Via == cadence.Gift})
		}
		if st := rules.Assess(p, now); st.Drift != nil {
			l.Drifting = append(l.Drifting, st)
		}
	}
	slices.SortStableFunc(l.Dates, func(x, y DigestDate) int {
		return cmp.Or(x.Date.Compare(y.Date), cmp.Compare(strings.ToLower(x.Name), strings.ToLower(y.Name)))
	})
	slices.SortStableFunc(l.Owed, func(x, y DigestOwed) int {
		return cmp.Or(cmp.Compare(y.Days, x.Days), cmp.Compare(strings.ToLower(x.Name), strings.ToLower(y.Name)))
	})
	slices.SortStableFunc(l.Drifting, func(x, y cadence.Status) int {
		return cmp.Or(cmp.Compare(x.Person.Tier.Rank(), y.Person.Tier.Rank()), cmp.Compare(strings.ToLower(x.Person.Name), strings.ToLower(y.Person.Name)))
	})
	if l.Memories, err = c.store.DueMemories(ctx, l.To); err != nil {
		return Digest{}, err
	}
	return l, nil
}

// WeekDays is how many days a week's digest covers from now: up to the
// end of the week that starts on start, or the whole week on its first
// day.
func WeekDays(now time.Time, start time.Weekday) int {
	d := (int(start) - int(now.Weekday()) + 7) % 7
	if d == 0 {
		return 7
	}
	return d
}

func dayStart(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}
