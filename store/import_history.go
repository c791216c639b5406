package store

import (
	"strconv"
	"strings"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
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
// each as the JSON array [at in Unix seconds, via, direction, id, missed]
// (missed 1 for a call that did not connect, else 0).
type historyEntry struct {
	unix   int64
	id     string
	via    cadence.Channel
	in     bool // the direction: they started it
	missed bool
}

// newer orders entries as every read of history does: by time, then by id.
func (e *historyEntry) newer(than *historyEntry) bool {
	if e.unix != than.unix {
		return e.unix > than.unix
	}
	return e.id > than.id
}

// historyOf is what a bulk import knows of one person's history.
type historyOf struct {
	had     bool // a row of person_history when the import began
	rebuild bool // the triggers rebuild the row (see needRebuild)
	// The lists of the row, newest first, for a person the import works
	// out the row of: arrays, so that a million interactions allocate
	// nothing here.
	recent  [cadence.RecentCount]historyEntry
	real    [cadence.RealCount]historyEntry
	nRecent int
	nReal   int
	lastIn  historyEntry // id "" when none
}

// keep puts e into list[:n], newest first, keeping the newest len(list),
// and returns the new length.
func keep(list []historyEntry, n int, e *historyEntry) int {
	i := n
	for i > 0 && e.newer(&list[i-1]) {
		i--
	}
	if i == len(list) {
		return n // older than all of a full list
	}
	n = min(n+1, len(list))
	copy(list[i+1:n], list[i:n-1])
	list[i] = *e
	return n
}

func (h *historyOf) add(e *historyEntry) {
	h.nRecent = keep(h.recent[:], h.nRecent, e)
	if e.via.Real() && !e.missed {
		h.nReal = keep(h.real[:], h.nReal, e)
	}
	if e.in && (h.lastIn.id == "" || e.newer(&h.lastIn)) {
		h.lastIn = *e
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
		b.WriteString(`,"`)
		b.WriteString(string(e.via))
		b.WriteString(`","`)
		b.WriteString(direction(e.in))
		b.WriteString(`","`)
		b.WriteString(e.id)
		if e.missed {
			b.WriteString(`",1]`)
		} else {
			b.WriteString(`",0]`)
		}
	}
	b.WriteByte(']')
	return b.String()
}

func direction(in bool) string {
	if in {
		return string(cadence.In)
	}
	return string(cadence.Out)
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

// state is what the import knows of id's history, made on first use.
func (im *Import) state(id string) *historyOf {
	h := im.history[id]
	if h == nil {
		h = &historyOf{}
		im.history[id] = h
	}
	return h
}

// trackAdded notes interactions the import has just added, for the people
// whose row of person_history it works out itself.
func (im *Import) trackAdded(ins []domain.Interaction) {
	if im.history == nil {
		return
	}
	for i := range ins {
		in := &ins[i]
		year := in.At.Year()
		plain := plainJSON(in.ID) && year >= 1 && year <= 9999
		e := historyEntry{unix: in.At.Unix(), id: in.ID, via: in.Via, in: in.Direction == cadence.In, missed: in.Missed}
		for _, pid := range in.People {
			h := im.state(pid)
			switch {
			case h.had || h.rebuild:
			case !plain || !plainJSON(pid):
				h.rebuild = true
			default:
				h.add(&e)
			}
		}
	}
}

// needRebuild notes people whose history the import changes in another way
// than by adding to it: the triggers rebuild their row.
func (im *Import) needRebuild(ids ...string) {
	if im.history == nil {
		return
	}
	for _, id := range ids {
		im.state(id).rebuild = true
	}
}

// ownHistory returns the row of person_history of id when the import works
// it out itself, and nil when the triggers must rebuild it.
func (im *Import) ownHistory(id string) *historyOf {
	h := im.history[id]
	if h == nil || h.had || h.rebuild || h.nRecent == 0 {
		return nil
	}
	if _, known := im.people[id]; !known {
		return nil
	}
	return h
}
