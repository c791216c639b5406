package store_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// shortWaits are the options of a store whose writes give up on a held
// lock in milliseconds.
func shortWaits() store.Options {
	return store.Options{Now: func() time.Time { return fixedNow }, NoticeAfter: 10 * time.Millisecond, WriteWait: 50 * time.Millisecond}
}

// holdWriteLock starts an import on its own store that holds the write
// lock of the file at path until release is called, as a long import does.
// release waits for the import to commit.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	s := openAt(t, path, &clock{t: fixedNow})
	started, stop, done := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	go func() {
		_, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
			if err := im.PutPerson(domain.Person{ID: "01HOLDERHOLDERHOLDERHOLDER", Name: "Holder"}); err != nil {
				return err
			}
			close(started)
			<-stop
			return nil
		})
		done <- err
	}()
	select {
	case <-started:
	case err := <-done:
		t.Fatalf("the import holding the lock failed: %v", err)
	}
	var released bool
	release = func() {
		if released {
			return
		}
		released = true
		close(stop)
		if err := <-done; err != nil {
			t.Errorf("the import holding the lock: %v", err)
		}
	}
	t.Cleanup(release)
	return release
}

// A write that meets a long import waits for it, says once that it waits,
// and then writes.
func TestWriteWaitsForAnotherWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	openAt(t, path, &clock{t: fixedNow}) // create the file
	release := holdWriteLock(t, path)

	waits := 0
	s, err := store.Open(path, store.Options{Now: func() time.Time { return fixedNow }, Waiting: func() {
		waits++
		release() // the import ends while the write waits
	}, NoticeAfter: 20 * time.Millisecond, WriteWait: time.Minute})
	if err != nil {
		t.Fatalf("Open while another tend writes = %v, want no error", err)
	}
	defer s.Close()
	ana, err := s.AddPerson(t.Context(), domain.Person{Name: "Ana"})
	if err != nil {
		t.Fatalf("AddPerson while an import holds the file = %v, want it to wait and succeed", err)
	}
	if _, err := s.AddInteraction(t.Context(), domain.Interaction{People: []string{ana.ID}, Via: cadence.Call, At: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if waits != 1 {
		t.Errorf("Waiting called %d times, want once", waits)
	}
	if n := len(mustPeople(t, s, store.PeopleFilter{})); n != 2 {
		t.Errorf("%d people, want the import's and the waiting write's", n)
	}
}

// A write that has waited as long as it will gives up in plain words, and
// writes nothing.
func TestWriteGivesUpInPlainWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tend.db")
	s := openWith(t, path, shortWaits())
	ana := mustAdd(t, s, "Ana")
	release := holdWriteLock(t, path)

	writes := map[string]func() error{
		"add": func() error {
			_, err := s.AddPerson(t.Context(), domain.Person{Name: "Ben"})
			return err
		},
		"log": func() error {
			_, err := s.AddInteraction(t.Context(), domain.Interaction{People: []string{ana.ID}, Via: cadence.Call, At: fixedNow})
			return err
		},
		"edit": func() error {
			_, err := s.UpdatePerson(t.Context(), ana.ID, func(p *domain.Person) error { p.Notes = "x"; return nil })
			return err
		},
		"import": func() error {
			_, err := s.Import(t.Context(), store.ImportOptions{}, func(im *store.Import) error {
				_, err := im.MatchPerson(domain.Person{Name: "Cy"})
				return err
			})
			return err
		},
	}
	for name, write := range writes {
		err := write()
		if !errors.Is(err, store.ErrBusy) {
			t.Errorf("%s while another tend writes: error %v, want ErrBusy", name, err)
			continue
		}
		msg := err.Error()
		for _, raw := range []string{"SQLITE", "locked", "(5)", "begin:"} {
			if strings.Contains(msg, raw) {
				t.Errorf("%s: message %q shows SQLite's words (%q)", name, msg, raw)
			}
		}
		if !strings.Contains(msg, "another tend") || !strings.Contains(msg, path) || !strings.Contains(msg, "nothing was written") {
			t.Errorf("%s: message %q, want one that names the file and says another tend is writing", name, msg)
		}
	}
	release()
	if n := len(mustPeople(t, s, store.PeopleFilter{})); n != 2 {
		t.Errorf("%d people after the refused writes, want 2 (Ana and the import's)", n)
	}
}

// A dry run takes no write lock: it runs beside a long import and counts
// what a real import would do, merges and all.
func TestDryRunImportBesideAWriter(t *testing.T) {
	// If the dry run needed the lock, it would fail at once.
	path := filepath.Join(t.TempDir(), "tend.db")
	s := openWith(t, path, shortWaits())

	ana := domain.Person{ID: "01AAAAAAAAAAAAAAAAAAAAAAAA", Name: "Ana", CreatedAt: ts("2026-01-01T00:00:00Z"), UpdatedAt: ts("2026-01-01T00:00:00Z")}
	ben := domain.Person{ID: "01BBBBBBBBBBBBBBBBBBBBBBBB", Name: "Ben", CreatedAt: ts("2026-01-01T00:00:00Z"), UpdatedAt: ts("2026-01-01T00:00:00Z")}
	call := domain.Interaction{ID: "01CCCCCCCCCCCCCCCCCCCCCCCC", People: []string{ana.ID, ben.ID}, Via: cadence.Call, At: ts("2026-03-01T18:00:00Z")}
	text := domain.Interaction{ID: "01CDCDCDCDCDCDCDCDCDCDCDCD", People: []string{ben.ID}, Via: cadence.Text, At: ts("2026-03-02T18:00:00Z")}
	exam := domain.Memory{ID: "01DDDDDDDDDDDDDDDDDDDDDDDD", PersonID: ana.ID, Text: "exam"}
	importAll(t, s, false, []domain.Person{ana, ben}, []domain.Interaction{call, text}, []domain.Memory{exam})
	before := everything(t, s)

	// The file: Ana newer, a new person, the call with one person fewer
	// (twice, the second time as it was), the text unchanged, a new
	// interaction, the memory changed and a new one.
	newer := ana
	newer.Notes, newer.UpdatedAt = "moved", ts("2026-02-01T00:00:00Z")
	cy := domain.Person{ID: "01EEEEEEEEEEEEEEEEEEEEEEEE", Name: "Cy"}
	fewer := call
	fewer.People = []string{ana.ID}
	video := domain.Interaction{ID: "01FFFFFFFFFFFFFFFFFFFFFFFF", People: []string{cy.ID, ana.ID}, Via: cadence.Video, At: ts("2026-04-01T18:00:00Z")}
	changed := exam
	changed.Text = "exam on Friday"
	job := domain.Memory{ID: "01GGGGGGGGGGGGGGGGGGGGGGGG", PersonID: cy.ID, Text: "new job"}
	people := []domain.Person{newer, cy}
	ins := []domain.Interaction{fewer, text, video, call}
	mems := []domain.Memory{changed, job}

	release := holdWriteLock(t, path)
	dry := importAll(t, s, true, people, ins, mems)
	if after := everything(t, s); after != before {
		t.Errorf("a dry run wrote:\n%s", after)
	}
	release()
	real := importAll(t, s, false, people, ins, mems)
	if !dry.DryRun || real.DryRun {
		t.Errorf("DryRun flags: dry %v, real %v", dry.DryRun, real.DryRun)
	}
	dry.DryRun = false
	if d := diff(dry, real); d != "" {
		t.Errorf("the dry run's counts differ from the import's: %s", d)
	}
	if real.New() != 3 || real.Updated() != 1 || len(real.Notes) != 2 {
		t.Errorf("import = %+v, want 3 new (Cy, the video, the job), Ana updated, and the call and the exam tend's, with a note each", real)
	}
}
