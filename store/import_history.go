package store

import (
	"slices"
	"strconv"
	"strings"

	"github.com/tend-app/tend/cadence"
)

// While a big import runs with the triggers of the interaction tables off,
// person_history is brought up to date at the end (restoreDerived). For
// someone whose row the triggers would have to rebuild from the indexes,
// that is a few random reads of three b-trees for each of their entries,
// seconds for ten thousand people. But most people of a big import are
// new to tend (a whole history brought to a new machine), and the import
// holds every interaction it adds to them: their row is worked out here, as
// the interactions go by, and written once. Everyone else, and anyone an
// import touches in another way than by adding an interaction, is rebuilt
// by the triggers as before (TestBulkImportWritesHistoryAsTheTriggers holds
// both ways to what the triggers write).

// historyEntry is one interaction in a list of person_history, which holds
// each as the JSON array [at in Unix seconds, via, direction, id].
type historyEntry struct {
	unix int64
	at   string // as stored
	via  string
	dir  string
	id   string
}

// newer orders entries as every read of history does: by time, then by id.
func (e historyEntry) newer(than historyEntry) bool {
	if e.unix != than.unix {
		return e.unix > than.unix
	}
	return e.id > than.id
}

// personLists are the lists of person_history for one person, newest first.
type personLists struct {
	recent, real []historyEntry
	lastIn       historyEntry // id "" when none
}

// keep puts e into list, newest first, keeping the newest n.
func keep(list []historyEntry, e historyEntry, n int) []historyEntry {
	i := slices.IndexFunc(list, func(x historyEntry) bool { return e.newer(x) })
	if i < 0 {
		if len(list) >= n {
			return list
		}
		return append(list, e)
	}
	list = slices.Insert(list, i, e)
	return list[:min(len(list), n)]
}

func (l *personLists) add(e historyEntry, real bool) {
	l.recent = keep(l.recent, e, cadence.RecentCount)
	if real {
		l.real = keep(l.real, e, cadence.RealCount)
	}
	if e.dir == string(cadence.In) && (l.lastIn.id == "" || e.newer(l.lastIn)) {
		l.lastIn = e
	}
}

// historyJSON writes a list as the triggers' json_group_array of
// json_array(...) does, for the values plainJSON lets through.
func historyJSON(list []historyEntry) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, e := range list {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		b.WriteString(strconv.FormatInt(e.unix, 10))
		for _, s := range []string{e.via, e.dir, e.id} {
			b.WriteString(`,"`)
			b.WriteString(s)
			b.WriteByte('"')
		}
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.String()
}

// plainJSON reports whether s is written in JSON as it is, between quotes,
// by SQLite and by historyJSON alike: printable ASCII other than the quote
// and the backslash. Anything else is left to the triggers.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// trackAdded notes interactions the import has just added, for the people
// whose row of person_history it works out itself.
func (im *Import) trackAdded(ins []Interaction) {
	if im.lists == nil {
		return
	}
	for _, in := range ins {
		year := in.At.Year()
		plain := plainJSON(in.ID) && year >= 1 && year <= 9999
		e := historyEntry{unix: in.At.Unix(), at: formatTime(in.At), via: string(in.Via), dir: string(in.Direction), id: in.ID}
		for _, pid := range in.People {
			if im.hadHistory[pid] || im.rebuild[pid] {
				continue
			}
			if !plain || !plainJSON(pid) {
				im.rebuild[pid] = true
				delete(im.lists, pid)
				continue
			}
			l := im.lists[pid]
			if l == nil {
				l = &personLists{}
				im.lists[pid] = l
			}
			l.add(e, in.Via.Real())
		}
	}
}

// needRebuild notes people whose history the import changes in another way
// than by adding to it: the triggers rebuild their row.
func (im *Import) needRebuild(ids ...string) {
	if im.lists == nil {
		return
	}
	for _, id := range ids {
		im.rebuild[id] = true
		delete(im.lists, id)
	}
}

// ownHistory reports whether the import works out id's row of
// person_history itself, and writes it if so.
func (im *Import) ownHistory(id string) bool {
	l, ok := im.lists[id]
	if !ok || im.rebuild[id] || len(l.recent) == 0 {
		return false
	}
	_, known := im.people[id]
	return known
}
