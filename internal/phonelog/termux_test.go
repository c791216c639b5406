package phonelog

import (
	"strings"
	"testing"
)

// TestTermuxCallKinds: a call of no second is no conversation, incoming or
// outgoing.
func TestTermuxCallKinds(t *testing.T) {
	t.Parallel()
	in := `[
 {"phone_number": "+491701234567", "type": "INCOMING", "date": "2026-11-20 18:00:00", "duration": "02:03"},
 {"phone_number": "+491701234567", "type": "INCOMING", "date": "2026-11-20 18:10:00", "duration": "00:00"},
 {"phone_number": "+491701234567", "type": "OUTGOING", "date": "2026-11-20 18:20:00", "duration": "00:00"},
 {"phone_number": "+491701234567", "type": "OUTGOING", "date": "2026-11-20 18:30:00", "duration": "00:07"},
 {"phone_number": "+491701234567", "type": "MISSED", "date": "2026-11-20 18:40:00", "duration": "00:00"}
]`
	recs, _, err := readAll(t, func(o Options, e Emit) error { return ReadTermuxCalls(strings.NewReader(in), o, e) })
	if err != nil {
		t.Fatal(err)
	}
	checkCalls(t, recs, []callWant{{Answered, true, 123}, {Missed, true, 0}, {Missed, false, 0}, {Answered, false, 7}, {Missed, true, 0}})
}
