package datagen

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/tend-app/tend/store"
)

// Load writes d into s through the store's import, in one transaction with
// prepared statements: a million interactions take seconds, not the hours
// that a transaction per record (AddInteraction) would. Loading the same
// data twice adds nothing the second time.
func Load(ctx context.Context, s *store.Store, d Data) (store.ImportResult, error) {
	return s.Import(ctx, store.ImportOptions{}, func(im *store.Import) error {
		for _, p := range d.People {
			if err := im.PutPerson(p); err != nil {
				return fmt.Errorf("load person %s: %w", p.ID, err)
			}
		}
		for _, in := range d.Interactions {
			if err := im.PutInteraction(in); err != nil {
				return fmt.Errorf("load interaction %s: %w", in.ID, err)
			}
		}
		for _, m := range d.Memories {
			if err := im.PutMemory(m); err != nil {
				return fmt.Errorf("load memory %s: %w", m.ID, err)
			}
		}
		return nil
	})
}

// WriteDB writes d to a new tend database at path, on a store whose clock
// is d.Now, so that created_at and new ids never depend on when it ran.
func WriteDB(ctx context.Context, path string, d Data) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s exists; WriteDB writes only new databases", path)
	}
	s, err := store.Open(path, store.Options{Now: func() time.Time { return d.Now }})
	if err != nil {
		return err
	}
	if _, err := Load(ctx, s, d); err != nil {
		s.Close()
		return err
	}
	return s.Close()
}
