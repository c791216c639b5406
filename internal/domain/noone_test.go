package domain_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/tend-app/tend/internal/domain"
)

func TestNoOneErrorSaysWhatWasFound(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("z", domain.ClipLength+5)
	for _, tc := range []struct {
		err  domain.NoOneError
		want string
	}{
		{domain.NoOneError{Query: "zed", Addable: true}, `no one called "zed"`},
		{domain.NoOneError{Query: "dad", MentionedBy: "Richard  Hale"}, `no one called "dad", but Richard Hale's notes mention it`},
		{domain.NoOneError{Query: "hal", Guesses: []string{"Hale"}}, `no one called "hal"; did you mean Hale?`},
		{domain.NoOneError{Query: "a", Guesses: []string{"A1", "A2", "A3", "A4", "A5", "A6"}}, `no one called "a"; did you mean A1, A2, A3, A4 or 2 more?`},
		{domain.NoOneError{Query: long}, `no one called "` + domain.Clip(long) + `"`},
	} {
		err := error(&tc.err)
		if got := err.Error(); got != tc.want {
			t.Errorf("%+v says %q, want %q", tc.err, got, tc.want)
		}
		if !errors.Is(err, domain.ErrNotFound) || strings.Contains(err.Error(), "tend ") {
			t.Errorf("%+v is not ErrNotFound, or names a command", tc.err)
		}
	}
}
