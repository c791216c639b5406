package datagen

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
)

// WriteJSON writes d as tend's interchange JSON (what `tend export json`
// writes and `tend import json` reads), exported at d.Now, through
// exchange's writer: one record at a time, so a million interactions never
// stand in memory as one JSON value.
func WriteJSON(w io.Writer, d Data) error {
	j := exchange.NewJSONWriter(w, d.Now)
	for _, p := range d.People {
		if err := j.Person(exchange.Person(p)); err != nil {
			return err
		}
	}
	for _, in := range d.Interactions {
		if err := j.Interaction(exchange.Interaction(in)); err != nil {
			return err
		}
	}
	for _, m := range d.Memories {
		if err := j.Memory(exchange.Memory(m)); err != nil {
			return err
		}
	}
	return j.Close()
}

// WriteFriends writes d as a friends.md file, the format of the `friends`
// command-line tool (github.com/JacobEvelyn/friends), for comparing tend with
// it on the same data. The format has days but no times, no tiers and no
// directions, so those are told in words (“**Ana Lima** called me.”), and
// archived people and done memories are left out. Sections and their order
// follow what `friends clean` writes: activities and notes newest first,
// friends and locations in alphabetical order, no blank line after a header.
func WriteFriends(w io.Writer, d Data) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	names := map[string]string{}
	var friends []int
	for i, p := range d.People {
		if p.Archived() {
			continue
		}
		names[p.ID] = p.Name
		friends = append(friends, i)
	}
	used := map[string]bool{}

	bw.WriteString("### Activities:\n")
	for i := len(d.Interactions) - 1; i >= 0; i-- {
		in := d.Interactions[i]
		var who []string
		for _, id := range in.People {
			if n, ok := names[id]; ok {
				who = append(who, "**"+n+"**")
			}
		}
		if len(who) == 0 {
			continue
		}
		text, place := activityText(in.Via, in.Direction, who, i)
		if place != "" {
			used[place] = true
		}
		if in.Note != "" {
			text += " " + capitalize(in.Note) + "."
		}
		fmt.Fprintf(bw, "- %s: %s\n", in.At.Format("2006-01-02"), text)
	}

	bw.WriteString("\n### Notes:\n")
	notes := slices.Clone(d.Memories)
	slices.SortStableFunc(notes, func(a, b domain.Memory) int { return b.CreatedAt.Compare(a.CreatedAt) })
	for _, m := range notes {
		n, ok := names[m.PersonID]
		if !ok || m.Done() {
			continue
		}
		fmt.Fprintf(bw, "- %s: **%s**: %s.\n", m.CreatedAt.Format("2006-01-02"), n, m.Text)
	}

	bw.WriteString("\n### Friends:\n")
	slices.SortFunc(friends, func(a, b int) int {
		return cmp.Compare(strings.ToLower(d.People[a].Name), strings.ToLower(d.People[b].Name))
	})
	for _, i := range friends {
		p := d.People[i]
		line := "- " + p.Name
		for _, t := range p.Tags {
			line += " @" + t
		}
		bw.WriteString(line + "\n")
	}

	bw.WriteString("\n### Locations:\n")
	var locs []string
	for l := range used {
		locs = append(locs, l)
	}
	slices.Sort(locs)
	for _, l := range locs {
		fmt.Fprintf(bw, "- %s\n", l)
	}
	return bw.Flush()
}

// activityText tells an interaction the way people write friends.md, with
// the words a reader can take the channel from (“on the phone”, “video
// call”, “texted”). k picks among the phrasings, so the same data always
// gives the same text. A place is named for some meetings.
func activityText(via cadence.Channel, dir cadence.Direction, who []string, k int) (text, place string) {
	all := joinAnd(who)
	in := dir == cadence.In
	switch via {
	case cadence.InPerson:
		if k%3 == 0 {
			place = places[k%len(places)]
			return fmt.Sprintf("Met %s in _%s_.", all, place), place
		}
		if len(who) > 1 {
			return fmt.Sprintf("Got dinner with %s.", all), ""
		}
		if in {
			return fmt.Sprintf("%s invited me for coffee.", all), ""
		}
		return fmt.Sprintf("Got lunch with %s.", all), ""
	case cadence.Call:
		if in {
			return fmt.Sprintf("%s called me on the phone.", all), ""
		}
		return fmt.Sprintf("Talked to %s on the phone.", all), ""
	case cadence.Video:
		return fmt.Sprintf("Video call with %s.", all), ""
	case cadence.Text:
		if in {
			return fmt.Sprintf("%s texted me.", all), ""
		}
		return fmt.Sprintf("Texted %s.", all), ""
	case cadence.Email:
		if in {
			return fmt.Sprintf("Got an email from %s.", all), ""
		}
		return fmt.Sprintf("Emailed %s.", all), ""
	case cadence.Letter:
		return fmt.Sprintf("Sent %s a card.", all), ""
	case cadence.Social:
		return fmt.Sprintf("Messaged %s on Instagram.", all), ""
	default:
		return fmt.Sprintf("Sent %s a gift.", all), ""
	}
}

func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
