package store_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// TestSourceKeysBulk writes enough source keys for the index by
// interaction to be dropped and made again, and reads them back: every
// key, the index there at the end, a second write of the same keys a
// no-op, and an interaction deleted taking its keys with it.
func TestSourceKeysBulk(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p, err := s.AddPerson(ctx, domain.Person{Name: "Ana"})
	if err != nil {
		t.Fatal(err)
	}
	const n = 25_000
	var ids []string
	write := func() {
		_, err := s.Import(ctx, store.ImportOptions{}, func(im *store.Import) error {
			newID := im.NewIDs()
			var keys []domain.SourceKey
			for i := 0; i < n; i++ {
				if i%5 == 0 && len(ids) < n/5 {
					id := newID()
					ids = append(ids, id)
					in := domain.Interaction{ID: id, People: []string{p.ID}, Via: cadence.Text, At: time.Unix(1.7e9+int64(i), 0)}
					if err := im.PutInteraction(in); err != nil {
						return err
					}
				}
				keys = append(keys, domain.SourceKey{Key: int64(i*7919 - n), Interaction: ids[i/5]})
			}
			return im.PutSourceKeys(keys)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	write()
	write()
	_, err = s.Import(ctx, store.ImportOptions{DryRun: true}, func(im *store.Import) error {
		keys := make([]int64, n)
		for i := range keys {
			keys[i] = int64(i*7919 - n)
		}
		known, list, err := im.SourceKeys(keys)
		if err != nil {
			return err
		}
		if len(known) != n || len(list) != n/5 {
			t.Errorf("%d keys known for %d interactions, want %d for %d", len(known), len(list), n, n/5)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+s.Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	count := func(q string) int {
		var c int
		if err := db.QueryRow(q).Scan(&c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	if c := count(`SELECT count(*) FROM sqlite_schema WHERE name = 'interaction_sources_interaction'`); c != 1 {
		t.Errorf("the index by interaction is not there after a bulk write")
	}
	if c := count(`SELECT count(*) FROM interaction_sources`); c != n {
		t.Errorf("%d source keys stored, want %d", c, n)
	}
	if err := s.DeletePerson(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if c := count(`SELECT count(*) FROM interaction_sources`); c != 0 {
		t.Errorf("%d source keys left after their interactions were deleted", c)
	}
}
