package store_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// fixedNow is the moment every test store starts at. It has a fraction of a
// second on purpose: the store keeps whole seconds.
var fixedNow = time.Date(2026, 11, 24, 9, 30, 0, 123456789, time.UTC)

// clock is a settable clock for a test store.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// seeded returns a deterministic stream of bytes for the random part of ids.
func seeded(seed uint64) io.Reader {
	var s [32]byte
	binary.LittleEndian.PutUint64(s[:], seed)
	return rand.NewChaCha8(s)
}

// openTest opens a new store in a temporary folder with a clock fixed at
// fixedNow and deterministic ids. It is closed when the test ends.
func openTest(t *testing.T) *store.Store {
	t.Helper()
	s, _ := openTestClock(t)
	return s
}

// openTestClock is openTest with a clock the test can move.
func openTestClock(t *testing.T) (*store.Store, *clock) {
	t.Helper()
	c := &clock{t: fixedNow}
	return openAt(t, filepath.Join(t.TempDir(), "tend.db"), c), c
}

func openAt(t *testing.T, path string, c *clock) *store.Store {
	t.Helper()
	return openWith(t, path, store.Options{Now: c.Now})
}

// openWith is openAt with options of the test's own; ids come from the
// same seeded source.
func openWith(t *testing.T, path string, opts store.Options) *store.Store {
	t.Helper()
	opts.Entropy = seeded(1)
	s, err := store.Open(path, opts)
	if err != nil {
		t.Fatalf("Open(%q) = %v, want no error", path, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func mustAddPerson(t *testing.T, s *store.Store, p domain.Person) domain.Person {
	t.Helper()
	got, err := s.AddPerson(t.Context(), p)
	if err != nil {
		t.Fatalf("AddPerson(%q) = %v, want no error", p.Name, err)
	}
	return got
}

func mustAdd(t *testing.T, s *store.Store, name string) domain.Person {
	t.Helper()
	return mustAddPerson(t, s, domain.Person{Name: name})
}

func mustLog(t *testing.T, s *store.Store, via cadence.Channel, at time.Time, people ...domain.Person) domain.Interaction {
	t.Helper()
	in := domain.Interaction{Via: via, At: at}
	for _, p := range people {
		in.People = append(in.People, p.ID)
	}
	got, err := s.AddInteraction(t.Context(), in)
	if err != nil {
		t.Fatalf("AddInteraction(%s at %s) = %v, want no error", via, at, err)
	}
	return got
}

func mustArchive(t *testing.T, s *store.Store, p domain.Person) domain.Person {
	t.Helper()
	got, err := s.UpdatePerson(t.Context(), p.ID, func(p *domain.Person) error {
		p.ArchivedAt = fixedNow
		return nil
	})
	if err != nil {
		t.Fatalf("archive %q: %v", p.Name, err)
	}
	return got
}

func mustPerson(t *testing.T, s *store.Store, id string) domain.Person {
	t.Helper()
	p, err := s.Person(t.Context(), id)
	if err != nil {
		t.Fatalf("Person(%s) = %v, want no error", id, err)
	}
	return p
}

func mustPeople(t *testing.T, s *store.Store, f store.PeopleFilter) []domain.Person {
	t.Helper()
	ps, err := s.People(t.Context(), f)
	if err != nil {
		t.Fatalf("People(%+v) = %v, want no error", f, err)
	}
	return ps
}

func mustInteractions(t *testing.T, s *store.Store, f store.InteractionFilter) []domain.Interaction {
	t.Helper()
	ins, err := s.Interactions(t.Context(), f)
	if err != nil {
		t.Fatalf("Interactions(%+v) = %v, want no error", f, err)
	}
	return ins
}

// wantErr fails unless err wraps target.
func wantErr(t *testing.T, what string, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Errorf("%s: error = %v, want one wrapping %q", what, err, target)
	}
}

func names(ps []domain.Person) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

func ids(ins []domain.Interaction) []string {
	out := []string{}
	for _, in := range ins {
		out = append(out, in.ID)
	}
	return out
}

func join(ss []string) string { return "[" + strings.Join(ss, ", ") + "]" }

// diff lists the exported fields of two structs of one type that differ,
// each as "Field: got …, want …", so that a failure says exactly what is
// off (nil and empty lists differ too). It is "" when they are equal.
func diff(got, want any) string {
	g, w := reflect.ValueOf(got), reflect.ValueOf(want)
	if g.Type() != w.Type() || g.Kind() != reflect.Struct {
		return fmt.Sprintf("got %#v, want %#v", got, want)
	}
	var out []string
	for i := range g.NumField() {
		f := g.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		a, b := g.Field(i).Interface(), w.Field(i).Interface()
		if !reflect.DeepEqual(a, b) {
			out = append(out, fmt.Sprintf("%s: got %#v, want %#v", f.Name, show(a), show(b)))
		}
	}
	return strings.Join(out, "; ")
}

// show prints times readably inside diff.
func show(v any) any {
	if t, ok := v.(time.Time); ok {
		return t.String()
	}
	return v
}
