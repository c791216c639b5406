package datagen_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/datagen"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/store"
)

var now = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

func TestTierCounts(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want []int
	}{
		{0, []int{0, 0, 0, 0}},
		{3, []int{0, 0, 1, 2}},
		{150, []int{5, 10, 35, 100}},
		{1000, []int{33, 67, 233, 667}},
		{10000, []int{333, 667, 2333, 6667}},
	} {
		if got := datagen.TierCounts(tc.n); !slices.Equal(got, tc.want) {
			t.Errorf("TierCounts(%d) = %v, want %v", tc.n, got, tc.want)
		}
	}
}

func TestCircleIsReproducible(t *testing.T) {
	a := datagen.Circle(7, 300, 5000, now)
	b := datagen.Circle(7, 300, 5000, now)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different data")
	}
	c := datagen.Circle(8, 300, 5000, now)
	if reflect.DeepEqual(a.People, c.People) {
		t.Fatal("another seed gave the same people")
	}
}

func TestCircleShape(t *testing.T) {
	d := datagen.Circle(1, 1000, 50000, now)
	if len(d.People) != 1000 || len(d.Interactions) != 50000 {
		t.Fatalf("got %d people and %d interactions, want 1000 and 50000", len(d.People), len(d.Interactions))
	}
	names := map[string]bool{}
	tiers := map[cadence.Tier]int{}
	birthdays := 0
	for _, p := range d.People {
		if names[strings.ToLower(p.Name)] {
			t.Errorf("name %q twice", p.Name)
		}
		names[strings.ToLower(p.Name)] = true
		tiers[p.Tier]++
		if !p.Birthday.IsZero() {
			birthdays++
		}
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
	}
	if want := datagen.TierCounts(1000); tiers[cadence.Inner] != want[0] || tiers[cadence.Outer] != want[3] {
		t.Errorf("tiers %v, want %v", tiers, want)
	}
	if birthdays < 600 || birthdays > 900 {
		t.Errorf("%d of 1000 have a birthday, want about 750", birthdays)
	}

	via := map[cadence.Channel]int{}
	in, groups := 0, 0
	first := now.AddDate(-datagen.Years, 0, 0)
	for i, x := range d.Interactions {
		via[x.Via]++
		if x.Direction == cadence.In {
			in++
		}
		if len(x.People) > 1 {
			groups++
		}
		if x.At.Before(first) || x.At.After(now) {
			t.Fatalf("interaction at %v, outside the ten years before %v", x.At, now)
		}
		if i > 0 && x.At.Before(d.Interactions[i-1].At) {
			t.Fatalf("interactions out of order at %d", i)
		}
	}
	// Calls and texts lead; every channel is used.
	for _, c := range cadence.Channels() {
		if via[c] == 0 {
			t.Errorf("no %s at all", c)
		}
		if c != cadence.Call && c != cadence.Text && (via[c] > via[cadence.Call] || via[c] > via[cadence.Text]) {
			t.Errorf("%s (%d) more common than calls (%d) or texts (%d)", c, via[c], via[cadence.Call], via[cadence.Text])
		}
	}
	if in < 15000 || in > 30000 {
		t.Errorf("%d of 50000 inbound, want about 40%%", in)
	}
	if groups < 500 || groups > 5000 {
		t.Errorf("%d group interactions, want a few per cent", groups)
	}
	due := 0
	for _, m := range d.Memories {
		if !m.Due.IsZero() {
			due++
		}
	}
	if len(d.Memories) == 0 || due == 0 {
		t.Errorf("%d memories, %d with a due date; want some of each", len(d.Memories), due)
	}
}

// TestCadence checks the in-memory cadence input against what the store
// gives for the same data, so the ranking benchmarks rank what tend ranks.
func TestCadence(t *testing.T) {
	d := datagen.Circle(3, 300, 8000, now)
	path := filepath.Join(t.TempDir(), "tend.db")
	ctx := context.Background()
	if err := datagen.WriteDB(ctx, path, d); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sums, err := s.Summaries(ctx, store.PeopleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := d.Cadence()
	if len(got) != len(sums) {
		t.Fatalf("%d people in memory, %d in the store", len(got), len(sums))
	}
	for i, sum := range sums {
		if want := sum.Cadence(); !reflect.DeepEqual(got[i], want) {
			t.Fatalf("person %d (%s):\n got %+v\nwant %+v", i, want.Name, got[i], want)
		}
	}
	// The data is meant to give today something to say.
	if len(cadence.Today(got, now, 0)) == 0 {
		t.Error("no one due today")
	}
}

func TestWriteJSON(t *testing.T) {
	d := datagen.Circle(1, 50, 400, now)
	var buf bytes.Buffer
	if err := datagen.WriteJSON(&buf, d); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Format       string            `json:"format"`
		Version      int               `json:"version"`
		People       []json.RawMessage `json:"people"`
		Interactions []json.RawMessage `json:"interactions"`
		Memories     []json.RawMessage `json:"memories"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc.Format != "tend" || doc.Version != 1 || len(doc.People) != 50 || len(doc.Interactions) != 400 || len(doc.Memories) != len(d.Memories) {
		t.Errorf("got format %q version %d with %d people, %d interactions, %d memories",
			doc.Format, doc.Version, len(doc.People), len(doc.Interactions), len(doc.Memories))
	}

	// tend imports it whole, as it would its own export.
	s, err := store.Open(filepath.Join(t.TempDir(), "tend.db"), store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
		return exchange.ReadJSON(bytes.NewReader(buf.Bytes()), im)
	})
	if err != nil {
		t.Fatalf("import the written JSON: %v", err)
	}
	if res.People.New != 50 || res.Interactions.New != 400 || res.Memories.New != len(d.Memories) || res.SkippedCount() != 0 {
		t.Errorf("import of the written JSON: %+v, want everything new and nothing skipped", res)
	}
}

func TestWriteFriends(t *testing.T) {
	d := datagen.Circle(1, 50, 400, now)
	var buf bytes.Buffer
	if err := datagen.WriteFriends(&buf, d); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	var headers []string
	activities := 0
	section := ""
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		switch {
		case strings.HasPrefix(line, "### "):
			headers = append(headers, line)
			section = line
		case line == "":
		case !strings.HasPrefix(line, "- "):
			t.Fatalf("line %d is neither a header nor an item: %q", i+1, line)
		case section == "### Activities:":
			activities++
			if _, err := time.Parse("2006-01-02", line[2:12]); err != nil || line[12] != ':' {
				t.Fatalf("line %d does not start with a date: %q", i+1, line)
			}
		}
	}
	want := []string{"### Activities:", "### Notes:", "### Friends:", "### Locations:"}
	if !slices.Equal(headers, want) {
		t.Errorf("headers %q, want %q", headers, want)
	}
	if activities < 390 { // only interactions with archived people alone are left out
		t.Errorf("%d activities of 400", activities)
	}
	if !strings.Contains(out, "on the phone") || !strings.Contains(out, "Texted **") {
		t.Error("no calls or texts told in words")
	}

	// tend's friends.md reader takes it whole.
	s, err := store.Open(filepath.Join(t.TempDir(), "tend.db"), store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
		return exchange.ReadFriends(strings.NewReader(out), im, now)
	})
	if err != nil {
		t.Fatalf("import the written friends.md: %v", err)
	}
	active := 0
	for _, p := range d.People {
		if !p.Archived() {
			active++
		}
	}
	if res.People.New != active || res.Interactions.New != activities {
		t.Errorf("import of the written friends.md: %d people and %d interactions new, want %d and %d",
			res.People.New, res.Interactions.New, active, activities)
	}
}

func TestSkewConcentratesTheHistory(t *testing.T) {
	now := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	busiest := func(d datagen.Data) int {
		n := map[string]int{}
		most := 0
		for _, in := range d.Interactions {
			for _, p := range in.People {
				n[p]++
				most = max(most, n[p])
			}
		}
		return most
	}
	even := datagen.Circle(1, 1000, 50000, now)
	skewed := datagen.CircleWith(1, 1000, 50000, now, datagen.Options{Skew: 1})
	if len(skewed.Interactions) != len(even.Interactions) || len(skewed.People) != len(even.People) {
		t.Fatalf("skew changed the sizes: %d/%d people, %d/%d interactions",
			len(skewed.People), len(even.People), len(skewed.Interactions), len(even.Interactions))
	}
	e, s := busiest(even), busiest(skewed)
	if s < 50000/20 || s < 3*e {
		t.Errorf("the busiest person has %d interactions skewed and %d even; want a twentieth of all at least, and three times the even", s, e)
	}
	for i := range even.People {
		if even.People[i].Name != skewed.People[i].Name || even.People[i].Tier != skewed.People[i].Tier {
			t.Fatalf("person %d differs: %q %s against %q %s", i, skewed.People[i].Name, skewed.People[i].Tier, even.People[i].Name, even.People[i].Tier)
		}
	}
}
