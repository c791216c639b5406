package store_test

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// histLog logs an interaction daysAgo days before fixedNow (to the second),
// minutes after the day's hour so that several on one day keep their order.
func histLog(t *testing.T, s *store.Store, via cadence.Channel, dir cadence.Direction, daysAgo, minutes int, people ...domain.Person) domain.Interaction {
	t.Helper()
	in := domain.Interaction{Via: via, Direction: dir,
		At: fixedNow.Truncate(time.Second).AddDate(0, 0, -daysAgo).Add(time.Duration(minutes) * time.Minute)}
	for _, p := range people {
		in.People = append(in.People, p.ID)
	}
	got, err := s.AddInteraction(t.Context(), in)
	if err != nil {
		t.Fatalf("AddInteraction(%s %s %d days ago) = %v, want no error", via, dir, daysAgo, err)
	}
	return got
}

func histContacts(ins ...domain.Interaction) []cadence.Contact {
	out := []cadence.Contact{}
	for _, in := range ins {
		out = append(out, cadence.Contact{At: in.At, Via: in.Via, Direction: in.Direction})
	}
	return out
}

func histTimes(ins ...domain.Interaction) []time.Time {
	out := []time.Time{}
	for _, in := range ins {
		out = append(out, in.At)
	}
	return out
}

func TestSummariesRecentHistory(t *testing.T) {
	s := openTest(t)
	ana, ben, cy, dee, eve := mustAdd(t, s, "Ana"), mustAdd(t, s, "Ben"), mustAdd(t, s, "Cy"), mustAdd(t, s, "Dee"), mustAdd(t, s, "Eve")
	fin := mustAdd(t, s, "Fin")
	const in, out = cadence.In, cadence.Out

	// Ana: ten real calls and four texts; Recent is the five newest of all,
	// RecentReal the eight newest calls.
	var anaCalls []domain.Interaction
	for d := 100; d >= 10; d -= 10 {
		anaCalls = append(anaCalls, histLog(t, s, cadence.Call, out, d, 0, ana))
	}
	t1 := histLog(t, s, cadence.Text, in, 8, 0, ana)
	t2 := histLog(t, s, cadence.Text, in, 6, 0, ana)
	t3 := histLog(t, s, cadence.Text, out, 4, 0, ana)
	t4 := histLog(t, s, cadence.Text, in, 2, 0, ana)
	slices.Reverse(anaCalls) // newest first

	// Ben: five of yours lately; his only message is older, found by the
	// extra look-up. An older one still is past the look-up's year.
	histLog(t, s, cadence.Email, in, 800, 0, ben)
	benIn := histLog(t, s, cadence.Email, in, 300, 0, ben)
	var benOut []domain.Interaction
	for d := 50; d >= 10; d -= 10 {
		benOut = append(benOut, histLog(t, s, cadence.Call, out, d, 0, ben))
	}
	slices.Reverse(benOut)

	// Cy: five of yours, and his only message is over a year and a day
	// before the latest of them: not looked for.
	histLog(t, s, cadence.Text, in, 1+367, 0, cy)
	var cyOut []domain.Interaction
	for d := 5; d >= 1; d-- {
		cyOut = append(cyOut, histLog(t, s, cadence.Text, out, d, 0, cy))
	}
	slices.Reverse(cyOut)

	// Fin: as Cy, but his message is exactly a year and a day before: found.
	finIn := histLog(t, s, cadence.Text, in, 1+366, 0, fin)
	var finOut []domain.Interaction
	for d := 5; d >= 1; d-- {
		finOut = append(finOut, histLog(t, s, cadence.Text, out, d, 0, fin))
	}
	slices.Reverse(finOut)

	// Dee: six interactions at one moment (a tie), and a dinner with Eve.
	var deeTie []domain.Interaction
	for range 6 {
		deeTie = append(deeTie, histLog(t, s, cadence.Text, in, 3, 0, dee))
	}
	dinner := histLog(t, s, cadence.InPerson, out, 1, 0, dee, eve)
	slices.SortFunc(deeTie, func(a, b domain.Interaction) int { return cmp.Compare(b.ID, a.ID) })

	sums := mustSummaries(t, s, store.PeopleFilter{})
	tests := []struct {
		name       string
		recent     []cadence.Contact
		recentReal []time.Time
		lastIn     cadence.Contact
	}{
		{"Ana", histContacts(t4, t3, t2, t1, anaCalls[0]), histTimes(anaCalls[:8]...), histContacts(t4)[0]},
		{"Ben", histContacts(benOut...), histTimes(benOut...), histContacts(benIn)[0]},
		{"Cy", histContacts(cyOut...), []time.Time{}, cadence.Contact{}},
		{"Fin", histContacts(finOut...), []time.Time{}, histContacts(finIn)[0]},
		{"Dee", histContacts(dinner, deeTie[0], deeTie[1], deeTie[2], deeTie[3]), histTimes(dinner), histContacts(deeTie[0])[0]},
		{"Eve", histContacts(dinner), histTimes(dinner), cadence.Contact{}},
	}
	for _, tc := range tests {
		sum := sums[tc.name]
		if !slices.Equal(sum.Recent, tc.recent) {
			t.Errorf("%s: Recent = %+v, want %+v", tc.name, sum.Recent, tc.recent)
		}
		if !slices.EqualFunc(sum.RecentReal, tc.recentReal, time.Time.Equal) {
			t.Errorf("%s: RecentReal = %v, want %v", tc.name, sum.RecentReal, tc.recentReal)
		}
		if sum.LastIn != tc.lastIn {
			t.Errorf("%s: LastIn = %+v, want %+v", tc.name, sum.LastIn, tc.lastIn)
		}
		if got := sum.Cadence(); !slices.Equal(got.Recent, sum.Recent) || got.LastIn != sum.LastIn || len(got.RecentReal) != len(sum.RecentReal) {
			t.Errorf("%s: Cadence() does not carry the history: %+v", tc.name, got)
		}
	}
	// The latest of Recent is the summary's Last, tie-break included.
	for name, sum := range sums {
		if len(sum.Recent) > 0 && sum.Recent[0] != sum.Last {
			t.Errorf("%s: Recent[0] = %+v, want Last %+v", name, sum.Recent[0], sum.Last)
		}
	}
}

func TestSummariesRecentHistoryFilters(t *testing.T) {
	s := openTest(t)
	ana := mustAddPerson(t, s, domain.Person{Name: "Ana", Tier: cadence.Inner})
	ben := mustAddPerson(t, s, domain.Person{Name: "Ben", Tier: cadence.Close})
	gone := mustAddPerson(t, s, domain.Person{Name: "Gone", Tier: cadence.Inner})
	histLog(t, s, cadence.Call, cadence.In, 3, 0, ana, ben, gone)
	mustArchive(t, s, gone)
	nobody := mustAdd(t, s, "Nobody")

	inner := mustSummaries(t, s, store.PeopleFilter{Tier: cadence.Inner})
	if len(inner) != 1 || len(inner["Ana"].Recent) != 1 || len(inner["Ana"].RecentReal) != 1 {
		t.Errorf("Summaries(inner) = %+v, want Ana with her call", inner)
	}
	archived := mustSummaries(t, s, store.PeopleFilter{Archived: true, Tier: cadence.Inner})
	if len(archived) != 1 || archived["Gone"].LastIn.IsZero() {
		t.Errorf("Summaries(archived inner) = %+v, want Gone with the call", archived)
	}
	all := mustSummaries(t, s, store.PeopleFilter{})
	if sum := all[nobody.Name]; sum.Recent == nil || len(sum.Recent) != 0 || sum.RecentReal == nil || !sum.LastIn.IsZero() {
		t.Errorf("Nobody: Recent %#v, RecentReal %#v, LastIn %+v; want empty lists and no message", sum.Recent, sum.RecentReal, sum.LastIn)
	}
}

func TestEvents(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	if got, err := s.Events(ctx, fixedNow.AddDate(0, 0, -91)); err != nil || got == nil || len(got) != 0 {
		t.Fatalf("Events on an empty database = %#v, %v; want [] and no error", got, err)
	}
	ana, ben := mustAdd(t, s, "Ana"), mustAdd(t, s, "Ben")
	histLog(t, s, cadence.Call, cadence.Out, 100, 0, ana) // before since
	edge := histLog(t, s, cadence.Text, cadence.In, 91, 0, ben)
	dinner := histLog(t, s, cadence.InPerson, cadence.Out, 30, 0, ana, ben)
	last := histLog(t, s, cadence.Email, cadence.In, 1, 0, ana)

	got, err := s.Events(ctx, edge.At)
	if err != nil {
		t.Fatalf("Events = %v, want no error", err)
	}
	want := []cadence.Event{
		{At: edge.At, Via: cadence.Text, Direction: cadence.In, People: []string{ben.ID}},
		{At: dinner.At, Via: cadence.InPerson, Direction: cadence.Out, People: sortedIDs(ana.ID, ben.ID)},
		{At: last.At, Via: cadence.Email, Direction: cadence.In, People: []string{ana.ID}},
	}
	if len(got) != len(want) {
		t.Fatalf("Events = %+v, want %+v", got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if !g.At.Equal(w.At) || g.Via != w.Via || g.Direction != w.Direction || !slices.Equal(g.People, w.People) {
			t.Errorf("Events[%d] = %+v, want %+v", i, g, w)
		}
	}
}

func sortedIDs(ids ...string) []string {
	slices.Sort(ids)
	return ids
}

// TestDayCountsEqualCountingEachEvent keeps DayCounts, which SQLite sums
// up, equal to counting what Events reads one by one, in zones whose
// offsets change inside the ninety days, by half an hour, or by 45 minutes,
// with interactions a second either side of local midnights.
func TestDayCountsEqualCountingEachEvent(t *testing.T) {
	zones := []string{"UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "America/St_Johns"}
	s, _ := openTestClock(t)
	ctx := t.Context()
	ana, ben := mustAdd(t, s, "Ana"), mustAdd(t, s, "Ben")
	now := fixedNow.Truncate(time.Second)
	var moments []time.Time
	for _, name := range zones {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatalf("zone %s: %v", name, err)
		}
		for d := 0; d <= 95; d += 5 {
			y, m, day := now.In(loc).AddDate(0, 0, -d).Date()
			midnight := time.Date(y, m, day, 0, 0, 0, 0, loc)
			moments = append(moments, midnight.Add(-time.Second), midnight)
		}
	}
	r := rand.New(rand.NewPCG(7, 11))
	for range 300 {
		moments = append(moments, now.Add(-time.Duration(r.Int64N(int64(96*24*time.Hour)))))
	}
	channels := []cadence.Channel{cadence.Call, cadence.Text, cadence.InPerson, cadence.Video, cadence.Email}
	for i, at := range moments {
		if at.After(now) {
			continue
		}
		in := domain.Interaction{At: at, Via: channels[i%len(channels)], Direction: []cadence.Direction{cadence.In, cadence.Out}[i%2], People: []string{ana.ID}}
		if i%3 == 0 {
			in.People = append(in.People, ben.ID)
		}
		if in.Via == cadence.Call && i%4 == 0 {
			in.Missed = true
		}
		if _, err := s.AddInteraction(ctx, in); err != nil {
			t.Fatalf("AddInteraction(%v) = %v", at, err)
		}
	}
	for _, name := range zones {
		loc, _ := time.LoadLocation(name)
		at := now.In(loc)
		since := cadence.ActivitySince(at)
		events, err := s.Events(ctx, since)
		if err != nil {
			t.Fatalf("%s: Events = %v", name, err)
		}
		counts, err := s.DayCounts(ctx, since, at)
		if err != nil {
			t.Fatalf("%s: DayCounts = %v", name, err)
		}
		perDay := func(cs []cadence.DayCount) map[cadence.DayCount]int {
			m := map[cadence.DayCount]int{}
			for _, c := range cs {
				n := c.N
				c.N = 0
				m[c] += n
			}
			return m
		}
		want, got := perDay(cadence.CountDays(events, at)), perDay(counts)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: DayCounts = %v\nwant %v", name, got, want)
		}
		if g, w := cadence.ActivityOf(counts, at), cadence.ActivityOf(cadence.CountDays(events, at), at); g != w {
			t.Errorf("%s: activity %+v, want %+v", name, g, w)
		}
		if len(events) < 100 {
			t.Errorf("%s: only %d events in the window; the test would prove little", name, len(events))
		}
	}
}
