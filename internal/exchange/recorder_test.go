package exchange_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/tend-app/tend/internal/domain"
)

// recorder is a Target that keeps what a reader hands it, so the readers
// can be tested without a database. Names are matched as the store does:
// ignoring case.
type recorder struct {
	people       []domain.Person
	byName       map[string]int
	interactions []domain.Interaction
	memories     []domain.Memory
	skips        []domain.ImportSkip
	notes        []domain.ImportNote
	known        map[string]bool
}

func newRecorder() *recorder {
	return &recorder{byName: map[string]int{}, known: map[string]bool{}}
}

func (r *recorder) PutPerson(p domain.Person) error {
	r.people = append(r.people, p)
	r.known[p.ID] = true
	return nil
}

func (r *recorder) MatchPerson(p domain.Person) (string, error) {
	key := strings.ToLower(strings.TrimSpace(p.Name))
	if i, ok := r.byName[key]; ok {
		return r.people[i].ID, nil
	}
	p.ID = fmt.Sprintf("P%03d", len(r.people)+1)
	r.byName[key] = len(r.people)
	r.people = append(r.people, p)
	r.known[p.ID] = true
	return p.ID, nil
}

func (r *recorder) HasPerson(id string) bool { return r.known[id] }

func (r *recorder) PutInteraction(in domain.Interaction) error {
	r.interactions = append(r.interactions, in)
	return nil
}

func (r *recorder) PutMemory(m domain.Memory) error {
	r.memories = append(r.memories, m)
	return nil
}

func (r *recorder) Skip(s domain.ImportSkip) { r.skips = append(r.skips, s) }

func (r *recorder) Note(n domain.ImportNote) { r.notes = append(r.notes, n) }

func (r *recorder) person(t *testing.T, name string) domain.Person {
	t.Helper()
	for _, p := range r.people {
		if p.Name == name {
			return p
		}
	}
	var got []string
	for _, p := range r.people {
		got = append(got, fmt.Sprintf("%q", p.Name))
	}
	t.Fatalf("no person named %q; got %s", name, strings.Join(got, ", "))
	return domain.Person{}
}

// sharedDir finds ../shared/NAME beside the module, or skips the test.
func sharedDir(t *testing.T, parts ...string) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(append([]string{filepath.Dir(file), "..", "..", "..", "shared"}, parts...)...)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("test data %s is not here (it lives in ../shared beside the module): %v", dir, err)
	}
	return dir
}

type (
	storeSkip = domain.ImportSkip
	storeNote = domain.ImportNote
)
