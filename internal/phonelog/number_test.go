package phonelog

import "testing"

func TestNormalize(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		region, raw string
		want        Address
	}{
		{"DE", "0170 1234567", Address{Phone, "+491701234567"}},
		{"DE", "+49 170 1234567", Address{Phone, "+491701234567"}},
		{"DE", "(0170) 123-4567", Address{Phone, "+491701234567"}},
		{"DE", "0049 170 1234567", Address{Phone, "+491701234567"}},
		{"DE", "\u202a+49\u00a0170\u00a01234567\u202c", Address{Phone, "+491701234567"}},
		{"US", "(555) 555-4545", Address{Phone, "+15555554545"}},
		{"US", "5555554545", Address{Phone, "+15555554545"}},
		{"US", "1-555-555-5655", Address{Phone, "+15555555655"}},
		{"US", "+1 (555) 010-0100", Address{Phone, "+15550100100"}},
		{"AT", "06612341234", Address{Phone, "+436612341234"}},
		{"AT", "+436612341234", Address{Phone, "+436612341234"}},
		{"US", "tel:+17323215555", Address{Phone, "+17323215555"}},
		{"", "+49 170 1234567", Address{Phone, "+491701234567"}},
		{"", "0170 1234567", Address{Phone, "01701234567"}},
		{"DE", "-1", Address{Hidden, ""}},
		{"DE", "-2", Address{Hidden, ""}},
		{"DE", "", Address{Hidden, ""}},
		{"DE", "insert-address-token", Address{Hidden, ""}},
		{"DE", "UNKNOWN_CALLER", Address{Hidden, ""}},
		{"US", "7535", Address{ShortCode, "7535"}},
		{"DE", "22 22", Address{ShortCode, "2222"}},
		{"DE", "Google", Address{Alpha, "google"}},
		{"DE", "ServiRed", Address{Alpha, "servired"}},
		{"DE", "Ana@Example.org", Address{Email, "ana@example.org"}},
		{"EG", "+٢٠ ١٠٠ ١٢٣ ٤٥٦٧", Address{Phone, "+201001234567"}},
	} {
		got := NewNormalizer(tc.region).Normalize(tc.raw)
		if got != tc.want {
			t.Errorf("Normalize(%q) in %q = %+v, want %+v", tc.raw, tc.region, got, tc.want)
		}
	}
}

func TestRegionFromEnv(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "de_DE.UTF-8"}, "DE"},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_ALL": "pt_BR.utf8"}, "BR"},
		{map[string]string{"LC_MESSAGES": "fr_CA@euro", "LANG": "en_US"}, "CA"},
		{map[string]string{"LANG": "C.UTF-8"}, ""},
		{map[string]string{"LANG": "POSIX"}, ""},
		{map[string]string{}, ""},
		{map[string]string{"LANG": "en_XX.UTF-8"}, ""},
	} {
		got := RegionFromEnv(func(k string) string { return tc.env[k] })
		if got != tc.want {
			t.Errorf("RegionFromEnv(%v) = %q, want %q", tc.env, got, tc.want)
		}
	}
}
