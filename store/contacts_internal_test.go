package store

import (
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
)

// TestParseContactsMissed reads person_history entries with and without
// the missed flag of migration 0005, by hand and by encoding/json.
func TestParseContactsMissed(t *testing.T) {
	at := time.Unix(1795512600, 0).UTC()
	tests := []struct {
		name    string
		list    string
		want    []cadence.Contact
		wantErr bool
	}{
		{"four elements, before 0005", `[[1795512600,"call","in","01A"]]`,
			[]cadence.Contact{{At: at, Via: cadence.Call, Direction: cadence.In}}, false},
		{"missed", `[[1795512600,"call","in","01A",1],[1795512600,"text","out","01B",0]]`,
			[]cadence.Contact{{At: at, Via: cadence.Call, Direction: cadence.In, Missed: true}, {At: at, Via: cadence.Text, Direction: cadence.Out}}, false},
		{"missed, an id JSON escapes", `[[1795512600,"video","out","01\"A",1]]`,
			[]cadence.Contact{{At: at, Via: cadence.Video, Direction: cadence.Out, Missed: true}}, false},
		{"a flag that is not 0 or 1", `[[1795512600,"call","in","01\"A",2]]`, nil, true},
		{"a flag of 2, no escapes", `[[1795512600,"call","in","01A",2]]`, nil, true},
		{"a flag of 10, no escapes", `[[1795512600,"call","in","01A",10]]`, nil, true},
		{"six elements", `[[1795512600,"call","in","01\"A",1,1]]`, nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []cadence.Contact
			err := parseContacts([]byte(tc.list), cadence.RealCount, func(c cadence.Contact) { got = append(got, c) })
			if (err != nil) != tc.wantErr {
				t.Fatalf("parseContacts(%s) error %v; want error %v", tc.list, err, tc.wantErr)
			}
			if !tc.wantErr && (len(got) != len(tc.want) || func() bool {
				for i := range got {
					if got[i] != tc.want[i] {
						return true
					}
				}
				return false
			}()) {
				t.Errorf("parseContacts(%s) = %+v; want %+v", tc.list, got, tc.want)
			}
		})
	}
}
