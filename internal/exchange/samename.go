package exchange

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/tend-app/tend/store"
)

// Two records of one name in one file are one person only when something
// says so: the same UID, or (when either has none) a phone or e-mail in
// common. Otherwise they are two people, and since a name is unique in
// tend the second is added as "Name (2)", with a note saying so, rather
// than merged into the first without a word. Matching against the people
// tend already has stays by UID, then by name (see store.Import).

// nameGuard remembers the people of each name a file has given so far.
type nameGuard struct {
	byName map[string][]*seenPerson // name key → the people of that name, as first read
	taken  map[string]bool          // name keys given out, the renamed ones included
}

type seenPerson struct {
	where  string // the record that first gave the name
	name   string // the name the person was handed over with
	uid    string
	phones []string // as digits
	emails []string // in lower case
}

func newNameGuard() *nameGuard {
	return &nameGuard{byName: map[string][]*seenPerson{}, taken: map[string]bool{}}
}

// place settles the name p is handed over with. A second person of a name
// already read gets a name of their own, and a note says so.
func (g *nameGuard) place(p *store.Person, where string) (store.ImportNote, bool) {
	key := strings.ToLower(strings.TrimSpace(p.Name))
	cur := &seenPerson{where: where, name: p.Name, uid: strings.TrimSpace(p.UID), emails: lowerAll(p.Emails)}
	for _, ph := range p.Phones {
		if d := digits(ph); len(d) >= 5 { // a short code is no evidence
			cur.phones = append(cur.phones, d)
		}
	}
	for _, s := range g.byName[key] {
		if s.samePerson(cur) {
			p.Name = s.name
			s.absorb(cur)
			return store.ImportNote{}, false
		}
	}
	first := len(g.byName[key]) == 0
	g.byName[key] = append(g.byName[key], cur)
	if first && !g.taken[key] {
		g.taken[key] = true
		return store.ImportNote{}, false
	}
	base := strings.TrimSpace(p.Name)
	for n := 2; ; n++ {
		name := fmt.Sprintf("%s (%d)", base, n)
		if k := strings.ToLower(name); !g.taken[k] {
			g.taken[k] = true
			p.Name, cur.name = name, name
			break
		}
	}
	why := "nothing else in common"
	if other := g.byName[key][0]; other.uid != "" && cur.uid != "" {
		why = "another UID"
	}
	return store.ImportNote{Where: where, Text: fmt.Sprintf("a second %q, with %s than %s: added as %q, not merged",
		base, why, g.byName[key][0].where, p.Name)}, true
}

func (s *seenPerson) samePerson(o *seenPerson) bool {
	if s.uid != "" && o.uid != "" {
		return s.uid == o.uid
	}
	for _, ph := range o.phones {
		if slices.Contains(s.phones, ph) {
			return true
		}
	}
	for _, e := range o.emails {
		if slices.Contains(s.emails, e) {
			return true
		}
	}
	return false
}

// absorb adds what a record of the same person brings, so that a third
// record matching only the second is still the same person.
func (s *seenPerson) absorb(o *seenPerson) {
	s.phones = append(s.phones, o.phones...)
	s.emails = append(s.emails, o.emails...)
	if s.uid == "" {
		s.uid = o.uid
	}
}

func lowerAll(list []string) []string {
	out := make([]string, 0, len(list))
	for _, s := range list {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// digits keeps the digits of a phone number, the extension and what
// follows it left out: "+44 (0)20 7946-0958" and "+4402079460958" agree.
func digits(phone string) string {
	phone, _, _ = strings.Cut(phone, ";")
	var b strings.Builder
	for _, r := range phone {
		if unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
