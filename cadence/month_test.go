package cadence_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	// The month reads as the faces print it, so it is written outside
	// cadence, through internal/words; dot-imported, it reads as cadence's
	// own tests do.
	. "github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/words"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// monthEvent is one interaction of the hand-built month.
type monthEvent struct {
	who string
	Contact
}

// monthPerson builds what cadence knows of someone at a moment from their
// whole history, as the store does: the latest interactions, the latest
// real conversations, the latest they started.
func monthPerson(base Person, events []monthEvent, at time.Time) Person {
	p := base
	var mine []Contact
	for _, e := range events {
		if e.who == base.ID && !e.At.After(at) {
			mine = append(mine, e.Contact)
		}
	}
	slices.SortStableFunc(mine, func(a, b Contact) int { return b.At.Compare(a.At) })
	for _, c := range mine {
		if p.Last.IsZero() {
			p.Last = c
		}
		if len(p.Recent) < RecentCount {
			p.Recent = append(p.Recent, c)
		}
		if c.Conversation() {
			if p.LastReal.IsZero() {
				p.LastReal = c
			}
			if len(p.RecentReal) < RealCount {
				p.RecentReal = append(p.RecentReal, c.At)
			}
		}
		if c.Direction == In && p.LastIn.IsZero() {
			p.LastIn = c
		}
	}
	return p
}

// TestMonthGolden reads a real-looking circle every morning of March 2027,
// as a user would: today's list and the week's plan, then in the evening
// they call the first person suggested, and life adds what it adds (a
// text, a missed call, a dinner). testdata/month.golden holds every
// morning; go test ./cadence -update rewrites it, and every change of it
// is read by eye.
func TestMonthGolden(t *testing.T) {
	t.Parallel()
	day := func(m time.Month, d, h int) time.Time { return time.Date(2027, m, d, h, 0, 0, 0, time.UTC) }
	person := func(id, name string, tier Tier, added time.Time, f ...func(*Person)) Person {
		p := Person{ID: id, Name: name, Tier: tier, CreatedAt: added}
		for _, fn := range f {
			fn(&p)
		}
		return p
	}
	birthday := func(y int, m time.Month, d int) func(*Person) {
		return func(p *Person) { p.Birthday = MonthDay{Year: y, Month: m, Day: d} }
	}
	long := day(time.January, 1, 9).AddDate(-2, 0, 0)
	people := []Person{
		person("mum", "Mum", Inner, long, birthday(0, time.March, 12)),
		person("dad", "Dad", Inner, long),
		person("jo", "Jo Brandt", Inner, long, birthday(0, time.March, 8)),
		person("maya", "Maya Cruz", Close, long, birthday(1992, time.March, 20)),
		person("tom", "Tom Baker", Close, long, func(p *Person) {
			p.Reminders = []Reminder{{Text: "ask how the interview went", Due: time.Date(2027, 3, 10, 0, 0, 0, 0, time.UTC)}}
		}),
		person("gran", "Grandma Rose", Close, long, birthday(1937, time.March, 15)),
		person("priya", "Priya Shah", Close, long),
		person("lena", "Lena Vogel", Close, long),
		person("sam", "Sam Okoro", Close, long, func(p *Person) { p.SnoozedUntil = day(time.March, 15, 0) }),
		person("ben", "Ben Adler", Regular, long),
		person("helen", "Dr. Helen Park", Regular, long),
		person("ruth", "Ruth van Dijk", Regular, long, func(p *Person) {
			p.ImportantDates = []Dated{{Label: "wedding anniversary", Date: MonthDay{Year: 2015, Month: time.March, Day: 22}}}
		}),
		person("dan", "Dan Moreau", Outer, long),
		person("anja", "Anja Berg", Outer, day(time.February, 1, 9)),
	}
	ev := func(who string, at time.Time, via Channel, dir Direction, missed ...bool) monthEvent {
		return monthEvent{who: who, Contact: Contact{At: at, Via: via, Direction: dir, Missed: len(missed) > 0 && missed[0]}}
	}
	events := []monthEvent{
		// Before the month.
		ev("mum", day(time.February, 24, 18), Call, Out),
		ev("dad", day(time.February, 22, 18), Call, Out),
		ev("jo", day(time.February, 26, 20), Video, In),
		ev("maya", day(time.January, 20, 19), InPerson, Out),
		ev("tom", day(time.February, 14, 19), Call, Out),
		ev("gran", day(time.February, 10, 11), Call, Out),
		ev("priya", day(time.February, 5, 19), Call, In),
		ev("lena", day(time.January, 15, 19), Call, Out),
		ev("sam", day(time.January, 2, 19), Call, Out),
		ev("ben", day(time.February, 1, 19), Call, Out),
		ev("helen", day(time.January, 10, 12), InPerson, Out),
		ev("ruth", day(time.February, 20, 12), Call, Out),
		ev("dan", day(time.January, 3, 19), Call, Out),
		// Dad: calls that grow inside his week are no drift.
		ev("dad", day(time.February, 26, 18), Call, Out),
		// During the month, whatever tend says.
		ev("lena", day(time.March, 2, 19), Call, Out, true),
		ev("lena", day(time.March, 4, 19), Call, Out, true),
		ev("priya", day(time.March, 4, 21), Text, In),
		ev("ben", day(time.March, 6, 10), Call, In, true),
		ev("tom", day(time.March, 9, 20), Text, Out),
		ev("mum", day(time.March, 12, 8), Call, Out), // her birthday, answered in the morning
		ev("maya", day(time.March, 14, 20), Text, In),
		ev("jo", day(time.March, 21, 19), InPerson, Out),
		ev("helen", day(time.March, 24, 20), Email, In),
	}

	var b strings.Builder
	for d := 1; d <= 31; d++ {
		morning := day(time.March, d, 9)
		now := make([]Person, len(people))
		for i, p := range people {
			now[i] = monthPerson(p, events, morning)
		}
		fmt.Fprintf(&b, "== %s\n", morning.Format("Mon 2 Jan"))
		today := Today(now, morning, DefaultLimit)
		if len(today) == 0 {
			b.WriteString("today: no one is due\n")
		}
		for i, st := range today {
			fmt.Fprintf(&b, "%d. %s (%s): %s\n", i+1, st.Person.Name, st.Person.Tier, strings.Join(words.Reasons(st.Reasons), " · "))
		}
		if all := Today(now, morning, 0); len(all) > len(today) {
			fmt.Fprintf(&b, "   %d more due\n", len(all)-len(today))
		}
		plan := Plan(now, morning, 7, DefaultLimit)
		if got, want := statusIDs(plan.Days[0].People), statusIDs(today); !slices.Equal(got, want) {
			t.Errorf("%s: plan's first day %q, today %q", morning.Format("2 Jan"), got, want)
		}
		for _, pd := range plan.Days[1:] {
			if len(pd.People) > 0 {
				var names []string
				for _, st := range pd.People {
					names = append(names, st.Person.Name)
				}
				fmt.Fprintf(&b, "   plan %s: %s\n", pd.Date.Format("Mon 2"), strings.Join(names, ", "))
			}
		}
		if len(plan.Later) > 0 {
			fmt.Fprintf(&b, "   later: %d\n", len(plan.Later))
		}
		// In the evening the first suggestion gets a call.
		if len(today) > 0 {
			first := today[0].Person
			events = append(events, ev(first.ID, day(time.March, d, 19), Call, Out))
			fmt.Fprintf(&b, "   evening: called %s\n", first.Name)
		}
		b.WriteString("\n")
	}
	compareMonth(t, b.String())
}

func compareMonth(t *testing.T, got string) {
	t.Helper()
	path := filepath.Join("testdata", "month.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (go test ./cadence -update writes it): %v", path, err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("month differs from %s at line %d:\n got: %s\nwant: %s", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("month differs from %s in length: %d lines, want %d", path, len(gl), len(wl))
	}
}

func statusIDs(ss []Status) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Person.ID
	}
	return out
}
