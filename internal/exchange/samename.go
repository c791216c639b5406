package exchange

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/tend-app/tend/internal/domain"
)

// Two records of one name in one file are one person only when something
// says so: the same UID, or (when either has none) a phone or e-mail in
// common. Otherwise they are two people, and since a name is unique in
// tend the second is added as "Name (2)", with a note saying so, rather
// than merged into the first without a word. Matching against the people
// tend already has stays by UID, then by name (see store.Import).

// nameGuard remembers the people of each name a file has given so far,
// indexed so that a file of many cards of one name costs no more than any
// other.
type nameGuard struct {
	byName map[string]*sameName // name key → the people of that name
	taken  map[string]bool      // name keys given out, the renamed ones included
}

// sameName is the people of one name in a file.
type sameName struct {
	first *seenPerson
	next  int                    // the number the next rename tries
	uid   map[string]*seenPerson // by UID
	// by phone (as digits) and e-mail (in lower case): anyone's, and the
	// first without a UID, which a card with a UID may still be
	any, noUID map[string]*seenPerson
}

type seenPerson struct {
	where string // the record that first gave the name
	name  string // the name the person was handed over with
	uid   string
}

func newNameGuard() *nameGuard {
	return &nameGuard{byName: map[string]*sameName{}, taken: map[string]bool{}}
}

// place settles the name p is handed over with. A second person of a name
// already read gets a name of their own, and a note says so.
func (g *nameGuard) place(p *domain.Person, where string) (domain.ImportNote, bool) {
	key := strings.ToLower(strings.TrimSpace(p.Name))
	uid := strings.TrimSpace(p.UID)
	var keys []string // phones and e-mails, told apart by a prefix
	for _, ph := range p.Phones {
		if d := digits(ph); len(d) >= 5 { // a short code is no evidence
			keys = append(keys, "tel:"+d)
		}
	}
	for _, e := range lowerAll(p.Emails) {
		keys = append(keys, "mail:"+e)
	}
	group := g.byName[key]
	if group == nil {
		group = &sameName{next: 2, uid: map[string]*seenPerson{}, any: map[string]*seenPerson{}, noUID: map[string]*seenPerson{}}
		g.byName[key] = group
	}
	same := group.uid[uid]
	if uid == "" {
		same = nil
	}
	for _, k := range keys {
		if same != nil {
			break
		}
		if uid == "" {
			same = group.any[k]
		} else {
			same = group.noUID[k]
		}
	}
	cur := same
	if cur == nil {
		cur = &seenPerson{where: where, name: p.Name, uid: uid}
	}
	if uid != "" && group.uid[uid] == nil {
		group.uid[uid] = cur
	}
	for _, k := range keys {
		if group.any[k] == nil {
			group.any[k] = cur
		}
		if uid == "" && cur.uid == "" && group.noUID[k] == nil {
			group.noUID[k] = cur
		}
	}
	if same != nil {
		p.Name = same.name
		why := "e-mail or phone"
		if uid != "" && same.uid == uid {
			why = "UID"
		}
		return domain.ImportNote{Where: where, Text: fmt.Sprintf("merged with %s: the same name and %s", same.where, why)}, true
	}
	if group.first == nil && !g.taken[key] {
		group.first = cur
		g.taken[key] = true
		return domain.ImportNote{}, false
	}
	first := group.first
	if first == nil {
		// The name was given out as another's rename ("Ana (2)" read after
		// a second Ana): this one is renamed in turn.
		first = &seenPerson{where: "another record", name: p.Name}
		group.first = first
	}
	base := strings.TrimSpace(p.Name)
	for ; ; group.next++ {
		name := fmt.Sprintf("%s (%d)", base, group.next)
		if k := strings.ToLower(name); !g.taken[k] {
			g.taken[k] = true
			p.Name, cur.name = name, name
			group.next++
			break
		}
	}
	why := "nothing else in common"
	if first.uid != "" && uid != "" {
		why = "another UID"
	}
	return domain.ImportNote{Where: where, Text: fmt.Sprintf("a second %q, with %s than %s: kept apart as %q, not merged",
		base, why, first.where, p.Name)}, true
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
