package cadence

import (
	"strings"
	"testing"
)

func TestParseEvery(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in      string
		want    int
		wantErr string
	}{
		{"", 0, ""},
		{"  ", 0, ""},
		{"14", 14, ""},
		{"14d", 14, ""},
		{"14D", 14, ""},
		{"2w", 14, ""},
		{" 3w ", 21, ""},
		{"3660", 3660, ""},
		{"3661", 0, "between 1 and 3660"},
		{"523w", 3661 - 0, "between 1 and 3660"},
		{"0", 0, "between 1 and 3660"},
		{"0d", 0, "between 1 and 3660"},
		{"-3", 0, "between 1 and 3660"},
		{"+3", 0, "not a number"},
		{"often", 0, "not a number"},
		{"2m", 0, "not a number"},
		{"9223372036854775807w", 0, "between 1 and 3660"},
		{"99999999999999999999", 0, "not a number"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseEvery(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), `"`+tc.in+`"`) {
					t.Fatalf("ParseEvery(%q) = %d, %v; want an error quoting the input and saying %q", tc.in, got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("ParseEvery(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
			}
		})
	}
}
