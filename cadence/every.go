package cadence

import (
	"fmt"
	"strconv"
	"strings"
)

// MaxEvery is the longest rhythm accepted, in days: ten years.
const MaxEvery = 3660

// ParseEvery reads a rhythm in days: 14, 14d or 2w. An empty string is 0,
// meaning the tier's own rhythm.
func ParseEvery(s string) (int, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" {
		return 0, nil
	}
	unit := 1
	switch {
	case strings.HasSuffix(t, "d"):
		t = strings.TrimSuffix(t, "d")
	case strings.HasSuffix(t, "w"):
		t, unit = strings.TrimSuffix(t, "w"), 7
	}
	n, err := strconv.Atoi(t)
	if err != nil || strings.HasPrefix(t, "+") {
		return 0, fmt.Errorf("%q is not a number of days (try 14, 14d or 2w)", s)
	}
	if n <= 0 || n > MaxEvery || n*unit > MaxEvery {
		return 0, fmt.Errorf("%q must be between 1 and %d days", s, MaxEvery)
	}
	return n * unit, nil
}
