package domain

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/termtext"
)

// Person is someone in your life, as stored.
type Person struct {
	ID             string
	Name           string
	Tier           cadence.Tier
	Every          int // days between real conversations; 0 for the tier's default
	Birthday       cadence.MonthDay
	Phones         []string
	Emails         []string
	Tags           []string
	Aliases        []string // names they are also called by ("mum"), matched like their name
	Notes          string
	ImportantDates []ImportantDate
	CreatedAt      time.Time
	UpdatedAt      time.Time
	ArchivedAt     time.Time // zero while active
	SnoozedUntil   time.Time // zero when not snoozed

	// What address books add. A type is a comma-separated list of kinds
	// ("mobile", "work,fax"); a phone or e-mail with no known kind has no
	// entry.
	Org        string            // the organisation (vCard ORG)
	JobTitle   string            // the job title (vCard TITLE)
	PhoneTypes map[string]string // a phone of Phones → its kind
	EmailTypes map[string]string // an e-mail of Emails → its kind
	NameParts  NameParts         // the structured name, when the source gave one
	UID        string            // the address book's id for the person (vCard UID)
}

// NameParts is a structured name, as vCard's N and the first/last name
// columns of address books give it. tend shows Name; these are kept so that
// an address book gets its own structure back rather than a guess.
type NameParts struct {
	Family, Given, Additional, Prefix, Suffix string
}

// IsZero reports whether no part is known.
func (n NameParts) IsZero() bool { return n == NameParts{} }

// ImportantDate is a date that matters to someone: an anniversary, a name day.
type ImportantDate struct {
	Label string
	Date  cadence.MonthDay
}

// Archived reports whether the person has been let go.
func (p Person) Archived() bool { return !p.ArchivedAt.IsZero() }

// Interval is the number of days the person's rhythm allows between real
// conversations: their own, or their tier's.
func (p Person) Interval() int {
	if p.Every > 0 {
		return p.Every
	}
	return p.Tier.Every()
}

// MaxEvery is the longest rhythm accepted, in days: ten years.
const MaxEvery = cadence.MaxEvery

// Validate checks a person before it is written, and tidies what can be
// tidied (surrounding space, empty list entries, a missing tier).
func (p *Person) Validate() error {
	p.tidyName()
	if err := p.validate(); err != nil {
		return err
	}
	return p.checkControls(nil)
}

// ValidateChange checks a person changed from before: as Validate, except
// that text kept from before is not checked for control characters again.
func (p *Person) ValidateChange(before Person) error {
	if p.Name != before.Name {
		p.tidyName() // a name kept as it was stays as it was
	}
	if err := p.validate(); err != nil {
		return err
	}
	return p.checkControls(&before)
}

// TidyName writes a new name as it is kept: its words apart by one space
// (a tab, a line break, a no-break or other wide space, or several, become
// one), without the invisible characters that make two names that look the
// same differ: zero-width space, word joiner, byte-order mark, and the
// bidirectional embeddings, overrides and isolates. The joiners some
// scripts and emoji need (ZWJ, ZWNJ) and the direction marks stay.
func TidyName(s string) string {
	if !utf8.ValidString(s) {
		return strings.TrimSpace(s) // refused as it is, not mended
	}
	var b strings.Builder
	space := false
	for _, r := range strings.ReplaceAll(s, "\r\n", "\n") {
		switch {
		case r == '\u200b', r == '\u2060', r == '\ufeff', r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			continue
		case r == ' ', r == '\t', r == '\n', unicode.Is(unicode.Zs, r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tidyName tidies p's name, unless nothing would be left of it: then the
// name is refused as it was typed, for what it holds.
func (p *Person) tidyName() {
	if t := TidyName(p.Name); t != "" {
		p.Name = t
	}
}

func (p *Person) validate() error {
	p.Name = strings.TrimSpace(p.Name)
	if n := utf8.RuneCountInString(p.Name); n > MaxNameLength {
		return Errorf(ErrInvalid, "name is too long: %d characters, at most %d", n, MaxNameLength)
	}
	if err := ValidText("name", p.Name); err != nil {
		return err
	}
	if p.Name == "" {
		return Errorf(ErrInvalid, "name is empty")
	}
	if termtext.Blank(p.Name) {
		return Errorf(ErrInvalid, "name shows nothing: it holds only invisible characters (zero-width, bidirectional controls)")
	}
	if p.Tier == "" {
		p.Tier = cadence.DefaultTier
	}
	tier, err := cadence.ParseTier(string(p.Tier))
	if err != nil {
		return Errorf(ErrInvalid, "%v", err)
	}
	p.Tier = tier // "Close" is accepted, and the table holds "close"
	if err := validDate("birthday", p.Birthday); err != nil {
		return err
	}
	if p.Every < 0 || p.Every > MaxEvery {
		return Errorf(ErrInvalid, "every must be between 1 and %d days, not %d", MaxEvery, p.Every)
	}
	if err := ValidText("notes", p.Notes); err != nil {
		return err
	}
	for _, list := range []struct {
		field string
		items *[]string
	}{{"phone", &p.Phones}, {"email", &p.Emails}, {"tag", &p.Tags}, {"alias", &p.Aliases}} {
		if *list.items, err = tidyList(list.field, *list.items); err != nil {
			return err
		}
	}
	for i := range p.ImportantDates {
		d := &p.ImportantDates[i]
		d.Label = strings.TrimSpace(d.Label)
		if d.Label == "" || d.Date.IsZero() {
			return Errorf(ErrInvalid, "an important date needs a label and a date")
		}
		if err := ValidText("date label", d.Label); err != nil {
			return err
		}
		if err := validDate(d.Label, d.Date); err != nil {
			return err
		}
	}
	if p.ImportantDates == nil {
		p.ImportantDates = []ImportantDate{} // as a stored person reads back
	}
	return p.validateCard()
}

// validateCard checks and tidies the fields address books add.
func (p *Person) validateCard() error {
	n := &p.NameParts
	for _, f := range []struct {
		field string
		v     *string
	}{{"organisation", &p.Org}, {"job title", &p.JobTitle}, {"uid", &p.UID},
		{"family name", &n.Family}, {"given name", &n.Given}, {"additional name", &n.Additional},
		{"name prefix", &n.Prefix}, {"name suffix", &n.Suffix}} {
		*f.v = strings.TrimSpace(*f.v)
		if len(*f.v) > MaxNameLength*4 {
			return Errorf(ErrInvalid, "%s is too long: %d bytes, at most %d", f.field, len(*f.v), MaxNameLength*4)
		}
		if err := ValidText(f.field, *f.v); err != nil {
			return err
		}
	}
	var err error
	if p.PhoneTypes, err = tidyTypes("phone type", p.PhoneTypes, p.Phones); err != nil {
		return err
	}
	p.EmailTypes, err = tidyTypes("e-mail type", p.EmailTypes, p.Emails)
	return err
}

// tidyTypes keeps the types of the values the list holds, in lower case.
func tidyTypes(field string, types map[string]string, values []string) (map[string]string, error) {
	out := map[string]string{}
	for _, v := range values {
		t := strings.ToLower(strings.TrimSpace(types[v]))
		if t == "" {
			continue
		}
		if err := ValidText(field, t); err != nil {
			return nil, err
		}
		out[v] = t
	}
	return out, nil
}

// validDate refuses a date that could be written but not read back (02-30,
// month 13): one such row would make every listing of people fail.
func validDate(field string, d cadence.MonthDay) error {
	if d.IsZero() {
		return nil
	}
	if _, err := cadence.ParseMonthDay(d.String()); err != nil {
		return Errorf(ErrInvalid, "%s: %v", field, err)
	}
	return nil
}

// MinYear is the earliest year a date may name: earlier ones are typos
// (0990 for 1990), and no one tend keeps was born before it.
const MinYear = 1900

// CheckBirthday refuses a birthday with a year before MinYear or after
// now: someone not yet born. (A day and month without a year is always
// fine.) A day of slack lets a birthday of today pass in every time zone.
// It is checked where a birthday comes in, so that a person kept with one
// from before can still be snoozed or archived.
func CheckBirthday(d cadence.MonthDay, now time.Time) error {
	if d.Year == 0 {
		return nil
	}
	if d.Year < MinYear {
		return Errorf(ErrInvalid, "birthday: year %d is before %d", d.Year, MinYear)
	}
	// Days compared as calendar days where the user is (now's location):
	// born today is fine, tomorrow is not.
	born := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	y, m, day := now.Date()
	if born.After(time.Date(y, m, day, 0, 0, 0, 0, time.UTC)) {
		return Errorf(ErrInvalid, "birthday %s is in the future", d)
	}
	return nil
}

// MaxNameLength is the longest name accepted, in characters: far more than
// any real name, and short enough to show in a list.
const MaxNameLength = 200

// MaxTextBytes is the most any one text field holds (a note, a memory, a
// tag): a long letter is a few tens of kilobytes, and a bound keeps a
// runaway paste or a hostile file from filling the database.
const MaxTextBytes = 256 << 10

// validText refuses text that cannot be shown back as it was typed, and
// text too long to be anything but a mistake.
func ValidText(field, s string) error {
	if len(s) > MaxTextBytes {
		return Errorf(ErrInvalid, "%s is too long: %d KB, at most %d KB", field, (len(s)+1023)>>10, MaxTextBytes>>10)
	}
	if !utf8.ValidString(s) {
		return Errorf(ErrInvalid, "%s is not valid UTF-8", field)
	}
	if strings.ContainsRune(s, 0) {
		return Errorf(ErrInvalid, "%s contains a NUL byte", field)
	}
	return nil
}

// validNewText is validText for text coming in: a terminal would obey an
// escape sequence or take a carriage return as a move, so such text could
// not be shown back as it was typed.
func ValidNewText(field, s string) error {
	if err := ValidText(field, s); err != nil {
		return err
	}
	if r, ok := termtext.FirstControl(s); ok {
		return Errorf(ErrInvalid, "%s contains a control character (U+%04X); only newlines and tabs may be in text", field, r)
	}
	return nil
}

// checkControls refuses control characters in what p brings that old did
// not have, in every text a person holds: what tend shows, and what it
// writes out to other programs (an export, a vCard). Text stored before
// the rule (or by another program) is kept as it is, so that snoozing or
// archiving such a person still works; tend shows it safely whatever it
// holds.
func (p *Person) checkControls(old *Person) error {
	var was []personText
	if old != nil {
		was = old.texts()
	}
	for i, f := range p.texts() {
		for _, it := range f.values {
			if was != nil && slices.Contains(was[i].values, it) {
				continue
			}
			if err := ValidNewText(f.field, it); err != nil {
				return err
			}
		}
	}
	return nil
}

// personText is the text of one field of a person, as its values.
type personText struct {
	field  string
	values []string
}

// texts lists every text field of p, always in the same order.
func (p *Person) texts() []personText {
	n := p.NameParts
	var phoneKinds, emailKinds []string
	for _, k := range p.PhoneTypes {
		phoneKinds = append(phoneKinds, k)
	}
	for _, k := range p.EmailTypes {
		emailKinds = append(emailKinds, k)
	}
	return []personText{
		{"name", []string{p.Name}},
		{"notes", []string{p.Notes}},
		{"phone", p.Phones},
		{"email", p.Emails},
		{"tag", p.Tags},
		{"alias", p.Aliases},
		{"date label", labels(p)},
		{"organisation", []string{p.Org}},
		{"job title", []string{p.JobTitle}},
		{"uid", []string{p.UID}},
		{"name part", []string{n.Family, n.Given, n.Additional, n.Prefix, n.Suffix}},
		{"phone kind", phoneKinds},
		{"email kind", emailKinds},
	}
}

func labels(p *Person) []string {
	out := make([]string, len(p.ImportantDates))
	for i, d := range p.ImportantDates {
		out[i] = d.Label
	}
	return out
}

func tidyList(field string, items []string) ([]string, error) {
	out := []string{}
	seen := map[string]bool{}
	for _, it := range items {
		it = strings.TrimSpace(it)
		if err := ValidText(field, it); err != nil {
			return nil, err
		}
		if it == "" || seen[strings.ToLower(it)] {
			continue
		}
		seen[strings.ToLower(it)] = true
		out = append(out, it)
	}
	return out, nil
}
