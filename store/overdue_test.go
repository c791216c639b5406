package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, on a machine without them

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/datagen"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// TestRankByOverdueRanksAsEveryone checks that ranking what RankByOverdue
// gives, which stops early, keeps exactly whom ranking everyone keeps: on
// generated circles, on each day of a year and a half (every birthday and
// memory coming up and going by), at several times of day in zones with
// and without daylight saving, for several limits. It also checks that the
// early stop does stop early, which is the point of it. It does so under
// the default rules and under rules a user set: other rhythms by tier and
// by tag, quiet days and days ahead.
func TestRankByOverdueRanksAsEveryone(t *testing.T) {
	custom := cadence.DefaultRules()
	custom.Every[cadence.Inner], custom.Every[cadence.Close], custom.Every[cadence.Outer] = 10, 21, 200
	custom.TagEvery["family"], custom.TagEvery["work"] = 14, 120
	custom.QuietDays, custom.SoonDays = 4, 9
	ruleSets := []cadence.Rules{cadence.DefaultRules(), custom}
	base := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	days := 540
	if testing.Short() || raceEnabled {
		days = 60
	}
	zones := []*time.Location{time.UTC}
	for _, name := range []string{"America/New_York", "Australia/Lord_Howe", "Pacific/Kiritimati", "Pacific/Pago_Pago"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		zones = append(zones, loc)
	}
	for _, seed := range []int64{1, 2} {
		path := filepath.Join(t.TempDir(), "tend.db")
		if err := datagen.WriteDB(context.Background(), path, datagen.Circle(seed, 300, 6000, base)); err != nil {
			t.Fatal(err)
		}
		s, err := store.Open(path, store.Options{Now: func() time.Time { return base }})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var everyone []cadence.Person
		err = s.EachCadence(t.Context(), func(p cadence.Person) error {
			everyone = append(everyone, cloneCadence(p))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		given, checks := 0, 0
		for day := -30; day < days; day++ {
			// A zone and a time of day in turn: early, mid-morning and
			// late, so that days in the zone and in UTC differ.
			loc := zones[(day+30)%len(zones)]
			hour := []int{0, 9, 23}[(day+30)%3]
			at := time.Date(base.Year(), base.Month(), base.Day()+day, hour, 59, 0, 0, loc)
			for k, rules := range ruleSets {
				want := rules.Today(everyone, at, 12)
				for _, limit := range []int{1, 5, 12} {
					r := rules.NewRanking(at, limit)
					n, err := s.RankByOverdue(t.Context(), at, r)
					if err != nil {
						t.Fatal(err)
					}
					if got, want := r.Result(), want[:min(limit, len(want))]; !reflect.DeepEqual(got, want) {
						t.Fatalf("seed %d, rules %d, %s, limit %d:\n got %v\nwant %v", seed, k, at, limit, statusNames(got), statusNames(want))
					}
					if limit == 5 && k == 0 {
						given += n
						checks++
					}
				}
			}
		}
		// (The average is printed with -v.)
		t.Logf("seed %d: RankByOverdue gave %.1f of %d people on average for 5 places", seed, float64(given)/float64(checks), len(everyone))
		if avg := float64(given) / float64(checks); avg > 0.25*float64(len(everyone)) {
			t.Errorf("seed %d: RankByOverdue gave on average %.1f of %d people for 5 places; it should stop far earlier", seed, avg, len(everyone))
		}
	}
}

// TestRankByOverdueMovedUp checks the people whom only a date or memories
// bring to the top, though they are among the least overdue, and a ranking
// that needs more than the first page of the most overdue.
func TestRankByOverdueMovedUp(t *testing.T) {
	s := openTest(t)
	ctx := t.Context()
	now := fixedNow
	called := func(name string, daysAgo int) domain.Person {
		p := mustAdd(t, s, name)
		mustLog(t, s, cadence.Call, now.AddDate(0, 0, -daysAgo), p)
		return mustPerson(t, s, p.ID)
	}
	remember := func(p domain.Person, n int) {
		for i := range n {
			if _, err := s.AddMemory(ctx, domain.Memory{PersonID: p.ID, Text: "ask about it", Due: now.AddDate(0, 0, -i)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Regular friends, every 90 days: 4.00 and, filling pages, 3.50.
	for i := range 8 {
		called(fmt.Sprintf("Overdue %d", i), 360)
	}
	for i := range 200 {
		called(fmt.Sprintf("Filler %03d", i), 315)
	}
	// Talked 9 days ago (0.10), far below the others' ceilings, and moved
	// up to 4.60.
	birthday := called("Birthday Tomorrow", 9)
	tomorrow := now.AddDate(0, 0, 1)
	birthday.Birthday = cadence.MonthDay{Month: tomorrow.Month(), Day: tomorrow.Day()}
	if _, err := s.UpdatePerson(ctx, birthday.ID, func(p *domain.Person) error { p.Birthday = birthday.Birthday; return nil }); err != nil {
		t.Fatal(err)
	}
	remember(birthday, 7)
	remember(called("Nine Memories", 9), 9)
	dated := called("Anniversary Soon", 9)
	soon := now.AddDate(0, 0, 2)
	if _, err := s.UpdatePerson(ctx, dated.ID, func(p *domain.Person) error {
		p.ImportantDates = []domain.ImportantDate{{Label: "anniversary", Date: cadence.MonthDay{Year: 2015, Month: soon.Month(), Day: soon.Day()}}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	remember(dated, 7)

	checkRankByOverdue(t, s, now, 3, 5, 150, 0)
	// Past the people read one at a time, the rest in one pass, whether the
	// ranking fills (3) or not (0).
	inOnePass := openWith(t, s.Path(), store.Options{Now: func() time.Time { return now }, OneByOneUpTo: 2})
	checkRankByOverdue(t, inOnePass, now, 3, 150, 0)
	r := cadence.NewRanking(now, 3)
	if _, err := s.RankByOverdue(ctx, now, r); err != nil {
		t.Fatal(err)
	}
	if names := statusNames(r.Result()); !slices.Equal(names, []string{"Anniversary Soon", "Birthday Tomorrow", "Nine Memories"}) {
		t.Errorf("top 3 = %v; want those moved up", names)
	}
}

// checkRankByOverdue checks that ranking what RankByOverdue gives keeps
// whom ranking everyone keeps, at now.
func checkRankByOverdue(t *testing.T, s *store.Store, now time.Time, limits ...int) {
	t.Helper()
	var everyone []cadence.Person
	if err := s.EachCadence(t.Context(), func(p cadence.Person) error { everyone = append(everyone, cloneCadence(p)); return nil }); err != nil {
		t.Fatal(err)
	}
	for _, limit := range limits {
		r := cadence.NewRanking(now, limit)
		if _, err := s.RankByOverdue(t.Context(), now, r); err != nil {
			t.Fatal(err)
		}
		if got, want := r.Result(), cadence.Today(everyone, now, limit); !reflect.DeepEqual(got, want) {
			t.Fatalf("RankByOverdue at %s, limit %d:\n got %v\nwant %v", now, limit, statusNames(got), statusNames(want))
		}
	}
}

func cloneCadence(p cadence.Person) cadence.Person {
	p.Recent, p.RecentReal = slices.Clone(p.Recent), slices.Clone(p.RecentReal)
	return p
}

func statusNames(ss []cadence.Status) []string {
	out := []string{}
	for _, s := range ss {
		out = append(out, s.Person.Name)
	}
	return out
}

// TestRankByOverdueDateTodayLeads: people with a birthday or date today
// lead today's list whatever their priority, so the fast path must give
// them before the very overdue; and someone owed an answer or with a
// memory due inside the quiet days is found as ranking everyone finds them.
func TestRankByOverdueDateTodayLeads(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	s := openTest(t)
	ctx := t.Context()
	add := func(name string, tier cadence.Tier, added time.Time, f func(*domain.Person)) domain.Person {
		p := domain.Person{Name: name, Tier: tier}
		if f != nil {
			f(&p)
		}
		got, err := s.AddPerson(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	for i := range 20 { // very overdue: priorities far above a birthday's
		p := add(fmt.Sprintf("Overdue %02d", i), cadence.Inner, now, nil)
		if _, err := s.AddInteraction(ctx, domain.Interaction{People: []string{p.ID}, Via: cadence.Call, At: now.AddDate(0, 0, -200-i)}); err != nil {
			t.Fatal(err)
		}
	}
	gran := add("Grandma", cadence.Outer, now, func(p *domain.Person) { p.Birthday = cadence.MonthDay{Year: 1936, Month: 11, Day: 24} })
	jo := add("Jo", cadence.Inner, now, func(p *domain.Person) {
		p.ImportantDates = []domain.ImportantDate{{Label: "anniversary", Date: cadence.MonthDay{Month: 11, Day: 24}}}
	})
	tom := add("Tom", cadence.Close, now, nil)
	if _, err := s.AddInteraction(ctx, domain.Interaction{People: []string{tom.ID}, Via: cadence.Text, At: now.AddDate(0, 0, -1)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMemory(ctx, domain.Memory{PersonID: tom.ID, Text: "interview", Due: now}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []domain.Person{gran, jo} {
		if _, err := s.AddInteraction(ctx, domain.Interaction{People: []string{p.ID}, Via: cadence.Call, At: now.AddDate(0, 0, -3)}); err != nil {
			t.Fatal(err)
		}
	}
	checkRankByOverdue(t, s, now, 1, 2, 3, 5)
	r := cadence.NewRanking(now, 2)
	if _, err := s.RankByOverdue(ctx, now, r); err != nil {
		t.Fatal(err)
	}
	if got := statusNames(r.Result()); !slices.Equal(got, []string{"Jo", "Grandma"}) {
		t.Errorf("today with a limit of 2 = %v; want Jo and Grandma, whose day it is, inner first", got)
	}
}

// TestEachCadenceUnder checks that reading people for rules with no rhythm
// by tag leaves out only their tags, and for rules with one, nothing.
func TestEachCadenceUnder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	base := time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)
	if err := datagen.WriteDB(context.Background(), path, datagen.Circle(3, 200, 4000, base)); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{Now: func() time.Time { return base }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	read := func(each func(func(cadence.Person) error) error) []cadence.Person {
		var out []cadence.Person
		if err := each(func(p cadence.Person) error { out = append(out, cloneCadence(p)); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	all := read(func(fn func(cadence.Person) error) error { return s.EachCadence(t.Context(), fn) })
	if !slices.ContainsFunc(all, func(p cadence.Person) bool { return len(p.Tags) > 0 }) {
		t.Fatal("no one has tags; the test needs some")
	}
	tagged := cadence.DefaultRules()
	tagged.TagEvery["family"] = 14
	if got := read(func(fn func(cadence.Person) error) error { return s.EachCadenceUnder(t.Context(), &tagged, fn) }); !reflect.DeepEqual(got, all) {
		t.Errorf("EachCadenceUnder, rhythms by tag: not what EachCadence reads")
	}
	plain := cadence.DefaultRules()
	got := read(func(fn func(cadence.Person) error) error { return s.EachCadenceUnder(t.Context(), &plain, fn) })
	if len(got) != len(all) {
		t.Fatalf("EachCadenceUnder read %d people; EachCadence %d", len(got), len(all))
	}
	for i := range got {
		want := all[i]
		want.Tags = []string{}
		if !reflect.DeepEqual(got[i], want) {
			t.Fatalf("EachCadenceUnder, no rhythm by tag:\n got %+v\nwant %+v", got[i], want)
		}
	}
}
