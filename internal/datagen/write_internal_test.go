package datagen

import "testing"

func TestCapitalize(t *testing.T) {
	for in, want := range map[string]string{"": "", "met Ana": "Met Ana", "élodie called": "Élodie called", "Ana": "Ana"} {
		if got := capitalize(in); got != want {
			t.Errorf("capitalize(%q) = %q; want %q", in, got, want)
		}
	}
}
