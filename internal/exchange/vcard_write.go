package exchange

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"
	"github.com/tend-app/tend/internal/domain"
)

// WriteVCard writes people as vCard 3.0, the version address books read
// most widely: names (N as the source gave it), aliases as NICKNAME, phones and e-mails with
// their kinds, birthday (--MM-DD without a year), organisation and job
// title, tags as CATEGORIES, notes, important dates as X-ABDATE with an
// Apple label (which Apple and Google contacts both read), the UID, and
// tend's own tier and rhythm as X-TEND-TIER and X-TEND-EVERY, which tend
// reads back. Lines are folded at 75 bytes as the standard asks.
func WriteVCard(w io.Writer, people []domain.Person) error {
	fw := newFoldWriter(w)
	enc := vcard.NewEncoder(fw)
	for _, p := range people {
		if err := enc.Encode(personCard(p)); err != nil {
			return err
		}
	}
	return fw.Flush()
}

// CardUID is the UID a person's card carries: the one their address book
// gave them, else tend's id. Either stays with the person.
func CardUID(p domain.Person) string {
	if p.UID != "" {
		return p.UID
	}
	return p.ID
}

func personCard(p domain.Person) vcard.Card {
	card := vcard.Card{}
	card.SetValue(vcard.FieldVersion, "3.0")
	card.SetValue(vcard.FieldProductID, "-//tend//tend//EN")
	card.SetValue(vcard.FieldUID, CardUID(p))
	card.SetValue(vcard.FieldFormattedName, p.Name)
	// N is required in 3.0. Without the structure a source gave, it is
	// left empty rather than guessed: readers show FN, and a guess is
	// wrong for many names (family name first, several family names).
	n := p.NameParts
	card.SetName(&vcard.Name{FamilyName: nPart(n.Family), GivenName: nPart(n.Given), AdditionalName: nPart(n.Additional),
		HonorificPrefix: nPart(n.Prefix), HonorificSuffix: nPart(n.Suffix)})
	card.SetValue(vcard.FieldRevision, p.UpdatedAt.UTC().Format("20060102T150405Z"))
	// One NICKNAME per alias, as CATEGORIES below: a joined list would
	// read back as one alias wherever one holds a comma.
	for _, alias := range p.Aliases {
		card.AddValue(vcard.FieldNickname, alias)
	}
	groups := 0 // item1, item2...: a property and its Apple label
	label := func(f *vcard.Field, custom string) {
		if custom != "" {
			groups++
			f.Group = fmt.Sprintf("item%d", groups)
			card.Add("X-ABLabel", &vcard.Field{Group: f.Group, Value: custom})
		}
	}
	for _, tel := range p.Phones {
		params, custom := typeParams(p.PhoneTypes[tel], phoneKinds)
		f := &vcard.Field{Value: tel, Params: params}
		label(f, custom)
		card.Add(vcard.FieldTelephone, f)
	}
	for _, e := range p.Emails {
		params, custom := typeParams(p.EmailTypes[e], emailKinds)
		if params == nil {
			params = vcard.Params{}
		}
		params["TYPE"] = append([]string{"INTERNET"}, params["TYPE"]...)
		f := &vcard.Field{Value: e, Params: params}
		label(f, custom)
		card.Add(vcard.FieldEmail, f)
	}
	if !p.Birthday.IsZero() {
		card.SetValue(vcard.FieldBirthday, p.Birthday.String())
	}
	if p.Org != "" {
		// The parts the source gave are joined with "; " (see orgText), and
		// written back as ORG's own parts.
		card.SetValue(vcard.FieldOrganization, p.Org)
	}
	if p.JobTitle != "" {
		card.SetValue(vcard.FieldTitle, p.JobTitle)
	}
	// One CATEGORIES per tag: go-vcard escapes commas inside a value, so
	// a joined list would read back elsewhere as one tag.
	for _, tag := range p.Tags {
		card.AddValue(vcard.FieldCategories, tag)
	}
	if p.Notes != "" {
		card.SetValue(vcard.FieldNote, p.Notes)
	}
	for _, d := range p.ImportantDates {
		groups++
		group := fmt.Sprintf("item%d", groups)
		label := d.Label
		if strings.EqualFold(label, "anniversary") {
			label = "_$!<Anniversary>!$_"
		}
		card.Add("X-ABDATE", &vcard.Field{Group: group, Value: d.Date.String()})
		card.Add("X-ABLabel", &vcard.Field{Group: group, Value: label})
	}
	if p.Tier != "" {
		card.SetValue("X-TEND-TIER", string(p.Tier))
	}
	if p.Every > 0 {
		card.SetValue("X-TEND-EVERY", fmt.Sprintf("%dd", p.Every))
	}
	if p.ID != "" {
		card.SetValue("X-TEND-ID", p.ID)
	}
	return card
}

// nPart is one part of N as go-vcard writes it, which escapes commas but
// not semicolons: a semicolon inside a part would split it.
func nPart(s string) string { return strings.ReplaceAll(s, ";", ",") }

// typeParams writes a kind ("work,fax") as TYPE parameters, and returns
// apart a word no TYPE has (a label of the user's own, "boat"), which goes
// in an Apple label beside the property.
func typeParams(kind string, known map[string]string) (vcard.Params, string) {
	var (
		types  []string
		custom []string
	)
	for _, k := range strings.Split(kind, ",") {
		k = strings.TrimSpace(k)
		switch {
		case k == "":
		case k == "mobile":
			types = append(types, "cell") // the word of vCard 3.0
		case known[k] == k:
			types = append(types, k)
		default:
			custom = append(custom, k)
		}
	}
	var params vcard.Params
	if len(types) > 0 {
		params = vcard.Params{"TYPE": types}
	}
	return params, strings.Join(custom, " ")
}

// foldWriter folds lines longer than 75 bytes (vCard and iCalendar both
// ask for it), never inside a UTF-8 character. Lines end in CRLF.
type foldWriter struct {
	w    *bufio.Writer
	line []byte
}

func newFoldWriter(w io.Writer) *foldWriter { return &foldWriter{w: bufio.NewWriter(w)} }

func (f *foldWriter) Write(p []byte) (int, error) {
	for _, b := range p {
		if b == '\n' {
			f.emit(bytes.TrimSuffix(f.line, []byte{'\r'}))
			f.line = f.line[:0]
			continue
		}
		f.line = append(f.line, b)
	}
	return len(p), nil
}

func (f *foldWriter) emit(line []byte) {
	const limit = 75
	first := true
	for len(line) > 0 {
		max := limit
		if !first {
			max = limit - 1 // the leading space counts
			f.w.WriteByte(' ')
		}
		cut := min(max, len(line))
		for cut < len(line) && cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		f.w.Write(line[:cut])
		f.w.WriteString("\r\n")
		line = line[cut:]
		first = false
	}
}

// Flush writes any unfinished line and flushes.
func (f *foldWriter) Flush() error {
	if len(f.line) > 0 {
		f.emit(f.line)
		f.line = f.line[:0]
	}
	return f.w.Flush()
}
