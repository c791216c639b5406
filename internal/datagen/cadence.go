package datagen

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// Cadence returns the cadence engine's input for everyone active, as
// store.Summaries would give it from a database holding d (TestCadence
// checks that they agree), but computed in memory: the ranking benchmarks
// can then measure cadence alone, on any number of people, without building
// a database first.
func (d Data) Cadence() []cadence.Person {
	index := make(map[string]int, len(d.People))
	var out []cadence.Person
	for _, p := range d.People {
		if p.Archived() {
			continue
		}
		index[p.ID] = len(out)
		// As the store gives someone with no history yet; the loop below
		// adds theirs.
		out = append(out, domain.Summary{Person: p, Recent: []cadence.Contact{}, RecentReal: []time.Time{}}.Cadence())
	}

	// Newest first, ties by id descending: the order of the store's queries.
	// seen counts each person's interactions so far, which tells whether an
	// inbound one is among their latest cadence.RecentCount.
	seen := make([]int, len(out))
	for k := len(d.Interactions) - 1; k >= 0; k-- {
		in := d.Interactions[k]
		c := cadence.Contact{At: in.At, Via: in.Via, Direction: in.Direction, Missed: in.Missed}
		for _, id := range in.People {
			i, ok := index[id]
			if !ok {
				continue
			}
			p := &out[i]
			if p.Last.IsZero() {
				p.Last = c
			}
			if c.Conversation() {
				if p.LastReal.IsZero() {
					p.LastReal = c
				}
				if len(p.RecentReal) < cadence.RealCount {
					p.RecentReal = append(p.RecentReal, in.At)
				}
			}
			if len(p.Recent) < cadence.RecentCount {
				p.Recent = append(p.Recent, c)
			}
			// The store looks past the recent ones only a year and a day
			// back from the latest: an older message is never asked for.
			if in.Direction == cadence.In && p.LastIn.IsZero() &&
				(seen[i] < cadence.RecentCount || !in.At.Before(p.Recent[0].At.AddDate(0, 0, -(cadence.OneSidedDays+1)))) {
				p.LastIn = c
			}
			seen[i]++
		}
	}

	var memories []int
	for k, m := range d.Memories {
		if _, ok := index[m.PersonID]; ok && !m.Done() && !m.Due.IsZero() {
			memories = append(memories, k)
		}
	}
	slices.SortStableFunc(memories, func(a, b int) int {
		ma, mb := d.Memories[a], d.Memories[b]
		if c := ma.Due.Compare(mb.Due); c != 0 {
			return c
		}
		return ma.CreatedAt.Compare(mb.CreatedAt)
	})
	for _, k := range memories {
		m := d.Memories[k]
		p := &out[index[m.PersonID]]
		p.Reminders = append(p.Reminders, cadence.Reminder{Text: m.Text, Due: m.Due})
	}

	slices.SortFunc(out, func(a, b cadence.Person) int {
		if c := cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}
