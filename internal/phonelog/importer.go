package phonelog

import (
	"cmp"
	"encoding/binary"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// Target is where an Importer writes: a store import in progress.
type Target interface {
	People() ([]domain.Person, error)
	SourceKeys(keys []int64) (map[int64]int32, []domain.Sourced, error)
	PutSourceKeys(keys []domain.SourceKey) error
	CallsBetween(from, to time.Time) ([]domain.LoggedCall, error)
	MoveInteraction(id string, at time.Time) error
	PutInteraction(domain.Interaction) error
	NewIDs() func() string
	CountMatched(n int)
}

// Summary counts what an import read and what became of it.
type Summary struct {
	Calls, Messages int // records read that matched someone
	NewCalls        int // calls logged
	NewMissed       int // of them, missed calls
	NewTouches      int // touches logged for runs of messages
	Extended        int // touches tend had, moved to a newer last message
	Known           int // calls and messages tend had from an earlier import
	HandLogged      int // calls that were already logged by hand
	Duplicates      int // records the file held twice
	Unknown         int // records with a number, address or name tend does not know
	Ambiguous       int // records whose name or number belongs to several people
	Hidden          int // private and unknown callers
	Service         int // short codes and alphanumeric senders
	Groups          int // records of group chats and group MMS, left out

	// Strangers are the numbers and names not in tend, the most frequent
	// first: for the dry run's list, never for the database.
	Strangers []Stranger
	// Shared are the numbers and addresses of more than one active person
	// in tend, whose records are left out: a call on a family's landline
	// was with one of them, and the log does not say which.
	Shared []Shared
}

// Shared is a number or address several people in tend have.
type Shared struct {
	Party string   // the number in international form, or the e-mail
	Names []string // the people who have it
	Count int      // the records left out
}

// Stranger is a number or chat name tend does not know.
type Stranger struct {
	Party  string // the number in international form, the e-mail, or the chat name
	Name   string // the name the phone or app had for them
	ByName bool   // Party is the name a chat knows them by, not a number or address
	Count  int
}

// Importer matches records to people and writes what they become.
type Importer struct {
	t     Target
	newID func() string
	norm  *Normalizer
	phone map[string][]string
	email map[string][]string
	names []domain.Candidate
	as    []string

	archived map[string]bool    // by person id
	nameOf   map[string]string  // by person id
	shared   map[string]*Shared // by party

	sets    [][]string     // the people of each record, interned
	setOf   map[string]int // joined ids → index in sets
	items   []item
	strange map[string]*Stranger
	sum     Summary
}

// item is a matched record, kept small: a million messages are held at once.
type item struct {
	at    int64 // Unix seconds
	key   int64
	set   int32
	secs  int32
	kind  Kind
	in    bool
	video bool
	app   uint8
}

var apps = []string{"", "phone", "SMS", "WhatsApp", "Telegram", "Google Voice", "FaceTime", "Messenger"}

func appIndex(app string) uint8 {
	for i, a := range apps {
		if a == app {
			return uint8(i)
		}
	}
	return 0
}

// ImportOptions tune an Importer.
type ImportOptions struct {
	Region string   // for numbers written without a country code
	As     []string // person ids a one-to-one chat is with (--as)
}

// NewImporter loads everyone from t to match records against.
func NewImporter(t Target, opts ImportOptions) (*Importer, error) {
	im := &Importer{t: t, norm: NewNormalizer(opts.Region), phone: map[string][]string{}, email: map[string][]string{},
		as: opts.As, setOf: map[string]int{}, strange: map[string]*Stranger{},
		archived: map[string]bool{}, nameOf: map[string]string{}, shared: map[string]*Shared{}}
	im.newID = t.NewIDs()
	people, err := t.People()
	if err != nil {
		return nil, err
	}
	for _, p := range people {
		for _, ph := range p.Phones {
			a := im.norm.Normalize(ph)
			switch a.Kind {
			case Phone, ShortCode:
				im.phone[a.Key] = appendOnce(im.phone[a.Key], p.ID)
			case Email:
				im.email[a.Key] = appendOnce(im.email[a.Key], p.ID)
			}
		}
		for _, e := range p.Emails {
			k := strings.ToLower(strings.TrimSpace(e))
			im.email[k] = appendOnce(im.email[k], p.ID)
		}
		im.names = append(im.names, domain.Candidate{ID: p.ID, Name: p.Name, Aliases: p.Aliases})
		im.nameOf[p.ID], im.archived[p.ID] = p.Name, !p.ArchivedAt.IsZero()
	}
	return im, nil
}

// onlyOne narrows the people who have a record's number or address to the
// one active person among them, or counts the record as shared and
// returns nil.
func (im *Importer) onlyOne(found []string, party string) []string {
	var active []string
	for _, id := range found {
		if !im.archived[id] {
			active = append(active, id)
		}
	}
	if len(active) == 1 {
		return active
	}
	if len(active) == 0 {
		active = found
	}
	sh := im.shared[party]
	if sh == nil {
		sh = &Shared{Party: plain(party)}
		for _, id := range active {
			sh.Names = append(sh.Names, im.nameOf[id])
		}
		im.shared[party] = sh
	}
	sh.Count++
	return nil
}

func appendOnce(ids []string, id string) []string {
	if slices.Contains(ids, id) {
		return ids
	}
	return append(ids, id)
}

// Known reports whether a chat author's name is someone in tend (exactly
// or ignoring case): readers use it to tell the partner from you.
func (im *Importer) Known(name string) bool {
	return len(domain.MatchName(name, im.names)) == 1
}

// Add takes one record.
func (im *Importer) Add(r Record) error {
	if r.Group {
		im.sum.Groups++
		return nil
	}
	people, party := im.who(r)
	if people == nil {
		return nil
	}
	if r.Kind == Message {
		im.sum.Messages++
	} else {
		im.sum.Calls++
	}
	// The identity of the record in its source: the same call read from
	// two backups, or from a backup and Termux, is the same key.
	h := fnv.New64a()
	h.Write([]byte(party))
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(r.At.Unix()))
	h.Write(b[:])
	switch {
	case r.Kind != Message:
		h.Write([]byte("|call"))
	case r.In:
		h.Write([]byte("|msg-in"))
	default:
		h.Write([]byte("|msg-out"))
	}
	im.items = append(im.items, item{
		at: r.At.Unix(), key: int64(h.Sum64()), set: int32(im.intern(people)), secs: int32(min(r.Seconds, 1<<30)),
		kind: r.Kind, in: r.In, video: r.Video, app: appIndex(r.App),
	})
	return nil
}

// who finds the people a record is with, and the party its key is made
// of; nil when it is no one tend knows (counted).
func (im *Importer) who(r Record) ([]string, string) {
	if len(im.as) > 0 && r.ByName {
		return im.as, "as:" + strings.Join(im.as, ",")
	}
	var addr Address
	if r.Number != "" || !r.ByName {
		addr = im.norm.Normalize(r.Number)
	}
	if r.Email != "" {
		addr = Address{Kind: Email, Key: strings.ToLower(strings.TrimSpace(r.Email))}
	}
	var found []string
	party := ""
	switch addr.Kind {
	case Phone:
		found, party = im.phone[addr.Key], addr.Key
	case Email:
		found, party = im.email[addr.Key], addr.Key
	case ShortCode, Alpha:
		if ids := im.phone[addr.Key]; len(ids) > 0 && addr.Kind == ShortCode {
			found, party = ids, addr.Key
			break
		}
		im.sum.Service++
		return nil, ""
	case Hidden:
		if !r.ByName {
			im.sum.Hidden++
			return nil, ""
		}
	}
	if len(found) > 1 {
		if found = im.onlyOne(found, party); found == nil {
			return nil, ""
		}
	}
	if len(found) == 0 && r.ByName {
		matched := domain.MatchName(r.Name, im.names)
		if len(matched) == 0 {
			matched = domain.MatchAlias(r.Name, im.names)
		}
		for _, c := range matched {
			found = append(found, c.ID)
		}
		if len(found) > 1 {
			im.sum.Ambiguous++
			return nil, ""
		}
		if len(found) == 1 {
			party = "person:" + found[0]
		}
	}
	if len(found) == 0 {
		im.sum.Unknown++
		key := party
		byName := false
		if r.ByName && len(im.as) == 0 && (key == "" || strings.HasPrefix(key, "person:")) {
			key, byName = r.Name, true
		}
		s := im.strange[key]
		if s == nil {
			if len(im.strange) >= 100_000 {
				return nil, "" // counted, not listed
			}
			s = &Stranger{Party: plain(key), ByName: byName}
			im.strange[key] = s
		}
		s.Count++
		if s.Name == "" && r.Name != key {
			s.Name = plain(r.Name) // it is printed, and it came from a file
		}
		return nil, ""
	}
	return found, party
}

func (im *Importer) intern(people []string) int {
	k := people[0] // almost always the one person: no string to build
	if len(people) > 1 {
		k = strings.Join(people, ",")
	}
	if i, ok := im.setOf[k]; ok {
		return i
	}
	im.sets = append(im.sets, slices.Clone(people))
	im.setOf[k] = len(im.sets) - 1
	return len(im.sets) - 1
}

// handWindow is how far apart a call logged by hand and the same call in
// the log may be: the hand-logged one is often the time the call ended,
// or a rounded time.
const handWindow = 10 * time.Minute

// Finish writes what the records become, and returns the summary.
func (im *Importer) Finish() (Summary, error) {
	items := im.items
	im.items = nil
	slices.SortFunc(items, func(a, b item) int {
		return cmp.Or(cmp.Compare(a.set, b.set), cmp.Compare(a.at, b.at), cmp.Compare(a.key, b.key))
	})
	// Duplicates inside the file (and across files read together) collapse.
	items = slices.CompactFunc(items, func(a, b item) bool {
		if a.key == b.key {
			im.sum.Duplicates++
			return true
		}
		return false
	})
	keys := make([]int64, len(items))
	for i, it := range items {
		keys[i] = it.key
	}
	known, have, err := im.t.SourceKeys(keys)
	if err != nil {
		return im.sum, err
	}
	keys = nil
	hand, err := im.handLogged(items, known)
	if err != nil {
		return im.sum, err
	}

	var links []domain.SourceKey
	for i := 0; i < len(items); {
		it := items[i]
		if it.kind != Message {
			if err := im.call(i, it, known, hand, &links); err != nil {
				return im.sum, err
			}
			i++
			continue
		}
		// A run: this person's messages from one side, one after the
		// other, with no message of the other side between.
		j := i + 1
		for j < len(items) && items[j].set == it.set && items[j].kind == Message && items[j].in == it.in {
			j++
		}
		if err := im.run(items[i:j], known, have, &links); err != nil {
			return im.sum, err
		}
		i = j
	}
	items = nil
	if err := im.t.PutSourceKeys(links); err != nil {
		return im.sum, err
	}
	im.sum.Strangers = im.strangers()
	for _, sh := range im.shared {
		im.sum.Shared = append(im.sum.Shared, *sh)
	}
	slices.SortFunc(im.sum.Shared, func(a, b Shared) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Party, b.Party)) })
	return im.sum, nil
}

// onRecord is a call of tend's that a call of the log is.
type onRecord struct {
	id    string
	again bool // an earlier import wrote it, under another key
}

// handLogged pairs calls of the log with the calls tend has, in one query
// before anything is written. A call logged by hand is the same person,
// missed or not alike, within handWindow of the call (its start to its
// end); each stands for one call of the log. A call an earlier import
// wrote is the same person, side and second: read again under another key
// (the number read in another region, or written otherwise in another
// backup), it is the same call.
func (im *Importer) handLogged(items []item, known map[int64]int32) (map[int]onRecord, error) {
	hand := map[int]onRecord{}
	var from, to int64
	for _, it := range items {
		if it.kind == Message {
			continue
		}
		if from == 0 || it.at < from {
			from = it.at
		}
		to = max(to, it.at+int64(it.secs))
	}
	if from == 0 {
		return hand, nil
	}
	calls, err := im.t.CallsBetween(time.Unix(from, 0).Add(-handWindow), time.Unix(to, 0).Add(handWindow))
	if err != nil || len(calls) == 0 {
		return hand, err
	}
	byPerson := map[string][]domain.LoggedCall{}
	for _, c := range calls {
		byPerson[c.Person] = append(byPerson[c.Person], c)
	}
	used := map[string]bool{}
	for i, it := range items {
		if it.kind == Message {
			continue
		}
		if _, ok := known[it.key]; ok {
			continue
		}
		start := time.Unix(it.at, 0).Add(-handWindow)
		end := time.Unix(it.at+int64(it.secs), 0).Add(handWindow)
		mine := byPerson[im.sets[it.set][0]]
		for _, c := range mine {
			if !used[c.ID] && c.Sourced && c.At.Unix() == it.at && c.In == it.in && c.Missed == (it.kind == Missed) {
				used[c.ID] = true
				hand[i] = onRecord{id: c.ID, again: true}
				break
			}
		}
		if _, ok := hand[i]; ok {
			continue
		}
		for _, c := range mine {
			if !used[c.ID] && !c.Sourced && c.Missed == (it.kind == Missed) && !c.At.Before(start) && !c.At.After(end) {
				used[c.ID] = true
				hand[i] = onRecord{id: c.ID}
				break
			}
		}
	}
	return hand, nil
}

func (im *Importer) call(i int, it item, known map[int64]int32, hand map[int]onRecord, links *[]domain.SourceKey) error {
	if _, ok := known[it.key]; ok {
		im.sum.Known++
		im.t.CountMatched(1)
		return nil
	}
	if c, ok := hand[i]; ok {
		if c.again {
			im.sum.Known++
		} else {
			im.sum.HandLogged++
		}
		im.t.CountMatched(1)
		*links = append(*links, domain.SourceKey{Key: it.key, Interaction: c.id})
		return nil
	}
	in := domain.Interaction{
		ID: im.newID(), People: im.sets[it.set], Via: cadence.Call, Direction: direction(it.in),
		At: time.Unix(it.at, 0).UTC(), Note: chatNote(it.app),
	}
	if it.video {
		in.Via = cadence.Video
	}
	if it.kind == Answered && it.secs > 0 {
		in.Minutes = min(int(it.secs+59)/60, 24*60*7)
	}
	if it.kind == Missed {
		in.Missed = true
		im.sum.NewMissed++
	}
	if err := im.t.PutInteraction(in); err != nil {
		return err
	}
	im.sum.NewCalls++
	*links = append(*links, domain.SourceKey{Key: it.key, Interaction: in.ID})
	return nil
}

// run writes one touch for a run of messages from one side, or extends the
// touch an earlier import wrote for part of the same run.
func (im *Importer) run(run []item, known map[int64]int32, touches []domain.Sourced, links *[]domain.SourceKey) error {
	var have domain.Sourced
	fresh := 0
	for _, it := range run {
		if i, ok := known[it.key]; ok {
			if s := touches[i]; s.At.After(have.At) {
				have = s
			}
		} else {
			fresh++
		}
	}
	im.sum.Known += len(run) - fresh
	last := time.Unix(run[len(run)-1].at, 0).UTC()
	if fresh == 0 {
		im.t.CountMatched(1)
		return nil
	}
	id := have.ID
	switch {
	case id != "":
		im.t.CountMatched(1)
		if last.After(have.At) {
			if err := im.t.MoveInteraction(id, last); err != nil {
				return err
			}
			im.sum.Extended++
		}
	default:
		in := domain.Interaction{
			ID: im.newID(), People: im.sets[run[0].set], Via: cadence.Text, Direction: direction(run[0].in),
			At: last, Note: chatNote(run[0].app),
		}
		if err := im.t.PutInteraction(in); err != nil {
			return err
		}
		id = in.ID
		im.sum.NewTouches++
	}
	for _, it := range run {
		if _, ok := known[it.key]; !ok {
			*links = append(*links, domain.SourceKey{Key: it.key, Interaction: id})
		}
	}
	return nil
}

func direction(in bool) cadence.Direction {
	if in {
		return cadence.In
	}
	return cadence.Out
}

// chatNote names the app a touch or call came through, where the channel
// alone does not say it.
func chatNote(app uint8) string {
	switch a := apps[app]; a {
	case "WhatsApp", "Telegram", "FaceTime", "Messenger":
		return a
	}
	return ""
}

func (im *Importer) strangers() []Stranger {
	out := make([]Stranger, 0, len(im.strange))
	for _, s := range im.strange {
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b Stranger) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Party, b.Party))
	})
	return out
}

// Region is the region numbers are read in.
func (im *Importer) Region() string { return im.norm.Region }
