package cadence_test

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/datagen"
	"github.com/tend-app/tend/internal/words"
)

// The ranking benchmarks run on generated people (package gen), turned into
// cadence's input in memory: cadence alone, with no database. They are made
// the first time a benchmark asks, so `go test ./...` makes none.

var benchNow = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

var circles = struct {
	sync.Mutex
	people map[int][]cadence.Person
}{people: map[int][]cadence.Person{}}

// circle returns n generated people, with fifty interactions each over ten
// years, as the 1,000/50,000 and 10,000/1,000,000 sets have.
func circle(tb testing.TB, n int) []cadence.Person {
	tb.Helper()
	circles.Lock()
	defer circles.Unlock()
	if p, ok := circles.people[n]; ok {
		return p
	}
	p := datagen.Circle(1, n, 50*n, benchNow).Cadence()
	circles.people[n] = p
	return p
}

// TestRankingKeepsTheTop checks that Today with a limit, which keeps only
// the most pressing as it goes, gives the first of the full order.
func TestRankingKeepsTheTop(t *testing.T) {
	t.Parallel()
	people := circle(t, 1000)
	all := cadence.Today(people, benchNow, 0)
	if len(all) < 60 {
		t.Fatalf("only %d people due; the test needs more", len(all))
	}
	for _, limit := range []int{1, 3, 5, 50} {
		if got := cadence.Today(people, benchNow, limit); !reflect.DeepEqual(got, all[:limit]) {
			t.Errorf("Today(limit %d) is not the first %d of Today(no limit)", limit, limit)
		}
	}
	// People fed one at a time, in any order, rank the same.
	r := cadence.NewRanking(benchNow, 5)
	for i := len(people) - 1; i >= 0; i-- {
		r.Add(people[i])
	}
	if got := r.Result(); !reflect.DeepEqual(got, all[:5]) {
		t.Errorf("a Ranking fed in reverse order disagrees with Today")
	}
}

func BenchmarkToday(b *testing.B) {
	for _, n := range []int{1000, 10_000} {
		b.Run(fmt.Sprintf("%d-people", n), func(b *testing.B) {
			people := circle(b, n)
			b.ReportAllocs()
			for b.Loop() {
				cadence.Today(people, benchNow, cadence.DefaultLimit)
			}
		})
	}
}

func BenchmarkPlan(b *testing.B) {
	for _, n := range []int{1000, 10_000} {
		b.Run(fmt.Sprintf("%d-people", n), func(b *testing.B) {
			people := circle(b, n)
			b.ReportAllocs()
			for b.Loop() {
				cadence.Plan(people, benchNow, 7, cadence.DefaultLimit)
			}
		})
	}
}

// BenchmarkPlanWords is a plan as tend plan prints it: the reasons of
// everyone planned, and of those left for later, in words.
func BenchmarkPlanWords(b *testing.B) {
	for _, n := range []int{1000, 10_000} {
		b.Run(fmt.Sprintf("%d-people", n), func(b *testing.B) {
			people := circle(b, n)
			b.ReportAllocs()
			for b.Loop() {
				s := cadence.Plan(people, benchNow, 7, cadence.DefaultLimit)
				for _, d := range s.Days {
					for _, st := range d.People {
						words.Reasons(st.Reasons)
					}
				}
				for _, st := range s.Later {
					words.Reasons(st.Reasons)
				}
			}
		})
	}
}

func BenchmarkAssess(b *testing.B) {
	people := circle(b, 1000)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range people {
			cadence.Assess(p, benchNow)
		}
	}
}
