package exchange

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/oklog/ulid/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/when"
)

// The friends.md format of the `friends` command-line tool: four sections,
//
//	### Activities:
//	- 2018-01-04: Got lunch with **Grace Hopper** and **George Washington Carver**. @food
//	### Notes:
//	- 2018-06-15: **Grace Hopper** found out she's getting a building named after her. @navy
//	### Friends:
//	- Grace Hopper (a.k.a. The Admiral a.k.a. Amazing Grace) [Paris] @navy @science
//	### Locations:
//	- Paris (a.k.a. City of Light)
//
// Friends become people, with their tags, and their nicknames and location
// in the notes. Activities become in-person interactions with everyone in
// bold, the text as the note. Notes are added to the notes of the friends
// they name, dated. Locations are places, not people, and are only used to
// take the underscores off place names in the text.

var (
	friendsHeader = lazyRegexp(`^###\s*(Activities|Notes|Friends|Locations):\s*$`)
	friendsTag    = lazyRegexp(`(?:^|\s)@(\p{L}[\p{L}\p{N}]*(?:[:-]?[\p{L}\p{N}]+)*|\p{N}[\p{L}\p{N}]*(?:[:-]?[\p{L}\p{N}]+)*)`)
	friendsBold   = lazyRegexp(`\*\*([^*]+)\*\*`)
	friendsAKA    = lazyRegexp(`\s*\(a\.k\.a\.\s+([^)]*)\)`)
	friendsPlace  = lazyRegexp(`\s*\[([^\]]*)\]`)
	isoDate       = lazyRegexp(`^\d{4}-\d{2}-\d{2}$`)
)

type friendsEntry struct {
	line int
	text string
}

// ReadFriends reads a friends.md file. Dates are read as tend reads --at
// (YYYY-MM-DD is noon that day, in now's time zone, and phrases such as
// "yesterday" work); an entry with no date is dated today, as in the
// friends tool. Interactions get ids made from their line's text, so that
// importing the same file twice logs nothing twice. A line that fits no
// section is an *InputError naming it.
func ReadFriends(r io.Reader, t Target, now time.Time) error {
	start, r, err := peek(r)
	if err != nil {
		return err
	}
	if err := checkText(start, "a friends.md file"); err != nil {
		return err
	}
	sections := map[string][]friendsEntry{}
	section := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), MaxRecordBytes)
	n := 1
	for ; sc.Scan(); n++ {
		raw := strings.TrimRight(sc.Text(), " \t\r")
		if n == 1 {
			raw = strings.TrimPrefix(raw, "\uFEFF")
		}
		if strings.TrimSpace(raw) == "" {
			continue
		}
		if m := friendsHeader().FindStringSubmatch(raw); m != nil {
			section = m[1]
			continue
		}
		if section == "" {
			return inputErrorf(n, "", `expected a section header ("### Activities:", "### Notes:", "### Friends:" or "### Locations:")`)
		}
		text, ok := strings.CutPrefix(strings.TrimSpace(raw), "- ")
		if !ok || strings.TrimSpace(text) == "" {
			return inputErrorf(n, "", "expected an entry starting with \"- \" in the %s section", section)
		}
		sections[section] = append(sections[section], friendsEntry{line: n, text: strings.TrimSpace(text)})
	}
	if err := sc.Err(); errors.Is(err, bufio.ErrTooLong) {
		return tooLong(n, "the line")
	} else if err != nil {
		return fmt.Errorf("read: %w", err)
	}
	if len(sections) == 0 {
		return inputErrorf(0, "", `no friends.md sections in the file (want "### Friends:" and the like)`)
	}

	places := friendsPlaces(sections["Locations"])
	ids := map[string]string{} // a friend's name → their id in tend
	for _, e := range sections["Friends"] {
		p := parseFriend(e.text)
		id, err := t.MatchPerson(p)
		if err != nil {
			return placeErr(err, e.line, "")
		}
		ids[p.Name] = id
	}
	personID := func(name string, line int) (string, error) {
		if id, ok := ids[name]; ok {
			return id, nil
		}
		// Someone in bold who is not in the Friends section is still
		// someone: tend adds them rather than drop them from the activity.
		id, err := t.MatchPerson(domain.Person{Name: name})
		if err != nil {
			return "", placeErr(err, line, "")
		}
		ids[name] = id
		return id, nil
	}

	for _, e := range sections["Activities"] {
		day, text, at, err := friendsDated(e, now)
		if err != nil {
			return err
		}
		names := boldNames(text)
		if len(names) == 0 {
			t.Skip(domain.ImportSkip{Where: fmt.Sprintf("line %d", e.line), Reason: "the activity names no friend in **bold**"})
			continue
		}
		in := domain.Interaction{
			ID:        friendsID(day, e.text),
			Via:       cadence.InPerson,
			Direction: cadence.Out,
			At:        at,
			Note:      plainText(text, places),
		}
		for _, name := range names {
			id, err := personID(name, e.line)
			if err != nil {
				return err
			}
			in.People = append(in.People, id)
		}
		if err := t.PutInteraction(in); err != nil {
			return placeErr(err, e.line, "")
		}
	}

	kept := 0
	for _, e := range sections["Notes"] {
		_, text, at, err := friendsDated(e, now)
		if err != nil {
			return err
		}
		names := boldNames(text)
		if len(names) == 0 {
			t.Skip(domain.ImportSkip{Where: fmt.Sprintf("line %d", e.line), Reason: "the note names no friend in **bold**"})
			continue
		}
		note := at.Format(time.DateOnly) + ": " + plainText(text, places)
		for _, name := range names {
			if _, ok := ids[name]; !ok {
				if _, err := personID(name, e.line); err != nil {
					return err
				}
			}
			if _, err := t.MatchPerson(domain.Person{Name: name, Notes: note}); err != nil {
				return placeErr(err, e.line, "")
			}
		}
		kept++
	}
	switch {
	case kept == 1:
		t.Note(domain.ImportNote{Text: "1 entry of the Notes section kept in the notes of the people it names"})
	case kept > 1:
		t.Note(domain.ImportNote{Text: fmt.Sprintf("%d entries of the Notes section kept in the notes of the people they name", kept)})
	}
	return nil
}

// parseFriend reads "Name (a.k.a. Nick a.k.a. Nick) [Place] @tag @tag".
func parseFriend(s string) domain.Person {
	var p domain.Person
	for _, m := range friendsTag().FindAllStringSubmatch(s, -1) {
		p.Tags = append(p.Tags, m[1])
	}
	s = friendsTag().ReplaceAllString(s, "")
	var notes []string
	if m := friendsAKA().FindStringSubmatch(s); m != nil {
		for _, nick := range strings.Split(m[1], " a.k.a. ") {
			if nick = strings.TrimSpace(nick); nick != "" {
				p.Aliases = append(p.Aliases, nick)
			}
		}
		s = friendsAKA().ReplaceAllString(s, "")
	}
	if m := friendsPlace().FindStringSubmatch(s); m != nil {
		notes = append(notes, "Location: "+strings.TrimSpace(m[1])+".")
		s = friendsPlace().ReplaceAllString(s, "")
	}
	p.Name = strings.TrimSpace(s)
	p.Notes = strings.Join(notes, " ")
	return p
}

// friendsPlaces lists the names and aliases of the Locations section.
func friendsPlaces(entries []friendsEntry) []string {
	var out []string
	for _, e := range entries {
		s := e.text
		if m := friendsAKA().FindStringSubmatch(s); m != nil {
			for _, a := range strings.Split(m[1], " a.k.a. ") {
				out = append(out, strings.TrimSpace(a))
			}
			s = friendsAKA().ReplaceAllString(s, "")
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// friendsDated splits "DATE: text". A prefix that is a date tend reads
// dates the entry; an ISO date it cannot accept (2018-02-30, or one in the
// future) is an error; no date prefix at all means today.
func friendsDated(e friendsEntry, now time.Time) (day, text string, at time.Time, err error) {
	prefix, rest, ok := strings.Cut(e.text, ": ")
	if ok {
		if t, err := when.At(prefix, now); err == nil {
			return t.Format(time.DateOnly), strings.TrimSpace(rest), t, nil
		} else if isoDate().MatchString(strings.TrimSpace(prefix)) {
			return "", "", time.Time{}, inputErrorf(e.line, "", "date: %v", err)
		}
	}
	return now.Format(time.DateOnly), e.text, now, nil
}

// boldNames lists the friends an entry names, once each, in order.
func boldNames(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range friendsBold().FindAllStringSubmatch(text, -1) {
		name := strings.TrimSpace(m[1])
		if name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

// plainText takes the friends markup off a text: **Name** becomes Name and
// _Place_ becomes Place for the places the file lists.
func plainText(text string, places []string) string {
	text = friendsBold().ReplaceAllString(text, "$1")
	for _, p := range places {
		if p != "" {
			text = strings.ReplaceAll(text, "_"+p+"_", p)
		}
	}
	return text
}

// friendsID makes an interaction id from an entry: a ULID whose time is the
// entry's day and whose random part is a hash of its text. The same line
// always gets the same id, so a second import matches instead of adding.
func friendsID(day, text string) string {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil || d.Year() < 1970 {
		d = time.Unix(0, 0)
	}
	sum := sha256.Sum256([]byte(day + "\x00" + text))
	id, err := ulid.New(ulid.Timestamp(d), bytes.NewReader(sum[:]))
	if err != nil {
		// Only a time past the year 10889 fails; a hash alone will do then.
		return fmt.Sprintf("%X", sum[:13])
	}
	return id.String()
}
