package phonelog

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

func TestReadMessenger(t *testing.T) {
	t.Parallel()
	thread := func(participants, messages string, rest string) string {
		return `{"participants": [` + participants + `], "messages": [` + messages + `]` + rest + `}`
	}
	two := `{"name": "Ana Lima"}, {"name": "Sam"}`
	for _, c := range []struct {
		name string
		me   string
		file string
		want string
	}{
		{"a one-to-one thread, newest first, the title names them", "",
			thread(two, `{"sender_name": "Sam", "timestamp_ms": 1700000100000, "content": "SECRET"},
				{"sender_name": "Ana Lima", "timestamp_ms": 1700000000000, "content": "SECRET", "is_unsent": true}`, `, "title": "Ana Lima", "thread_type": "Regular"`),
			"2023-11-14T22:15:00Z message in=false 0s name=\"Ana Lima\" group=false (message 1)\n2023-11-14T22:13:20Z message in=true 0s name=\"Ana Lima\" group=false (message 2)"},
		{"calls: answered with a length, else missed", "Sam",
			thread(two, `{"sender_name": "Ana Lima", "timestamp_ms": 1700000000000, "type": "Call", "call_duration": 125, "content": "Ana called you."},
				{"sender_name": "Sam", "timestamp_ms": 1700000200000, "type": "Call", "call_duration": 0},
				{"sender_name": "Sam", "timestamp_ms": 1700000300000, "type": "Call"}`, ``),
			"2023-11-14T22:13:20Z call in=true 125s name=\"Ana Lima\" group=false (message 1)\n2023-11-14T22:16:40Z missed call in=false 0s name=\"Ana Lima\" group=false (message 2)\n2023-11-14T22:18:20Z missed call in=false 0s name=\"Ana Lima\" group=false (message 3)"},
		{"mojibake in names is decoded", "",
			thread(`{"name": "Jos\u00c3\u00a9 M\u00c3\u00bcller"}, {"name": "Sam"}`, `{"sender_name": "Jos\u00c3\u00a9 M\u00c3\u00bcller", "timestamp_ms": 1700000000000}`, `, "title": "Jos\u00c3\u00a9 M\u00c3\u00bcller"`),
			"2023-11-14T22:13:20Z message in=true 0s name=\"José Müller\" group=false (message 1)"},
		{"a group: more than two participants", "",
			thread(two+`, {"name": "Ben"}`, `{"sender_name": "Ben", "timestamp_ms": 1700000000000}, {"sender_name": "Ben", "timestamp_ms": 1700000000000, "type": "Subscribe"}`, `, "title": "Friends"`),
			"2023-11-14T22:13:20Z message in=false 0s name=\"Friends\" group=true (message 1)"},
		{"a group by its thread type", "",
			thread(two, `{"sender_name": "Ana Lima", "timestamp_ms": 1700000000000}`, `, "thread_type": "RegularGroup"`),
			"2023-11-14T22:13:20Z message in=false 0s name=\"\" group=true (message 1)"},
		{"bad times and senders are skipped", "",
			thread(two, `{"sender_name": "Ana Lima", "timestamp_ms": "soon"},
				{"sender_name": "Ana Lima"},
				{"sender_name": "Ana Lima", "timestamp_ms": -5},
				{"sender_name": "Ana Lima", "timestamp_ms": 99999999999999999},
				{"sender_name": "Ana Lima", "timestamp_ms": 1.5e12},
				{"timestamp_ms": 1700000000000},
				{"sender_name": "Ana Lima", "timestamp_ms": 1700000000000, "type": "Call", "call_duration": "long"},
				"not an object",
				{"sender_name": "Ana Lima", "timestamp_ms": 1700000000}`, `, "title": "Ana Lima"`),
			"skip message 1: timestamp_ms \"soon\" is not a time\nskip message 2: no timestamp_ms\nskip message 3: timestamp_ms -5 is not a time\nskip message 4: timestamp_ms 99999999999999999 is not a time\nskip message 5: timestamp_ms \"1.5e12\" is not a time\nskip message 6: no sender_name\nskip message 7: call_duration \"\\\"long\\\"\" is not a length of time\nskip message 8: not a message (not a JSON object)\n2023-11-14T22:13:20Z message in=true 0s name=\"Ana Lima\" group=false (message 9)"},
		{"no participants: the writers, and --me", "Jane Doe",
			`{"messages": [{"sender_name": "John Doe", "timestamp_ms": 1579294140000}, {"sender_name": "Jane Doe", "timestamp_ms": 1577186580000}]}`,
			"2020-01-17T20:49:00Z message in=true 0s name=\"John Doe\" group=false (message 1)\n2019-12-24T11:23:00Z message in=false 0s name=\"John Doe\" group=false (message 2)"},
		{"who is who cannot be told", "",
			`{"messages": [{"sender_name": "John Doe", "timestamp_ms": 1579294140000}, {"sender_name": "Jane Doe", "timestamp_ms": 1577186580000}]}`,
			"refused: cannot tell which of \"John Doe\" and \"Jane Doe\" is you; say your name as the chat shows it with --me"},
		{"a byte-order mark first", "", "\ufeff" + thread(two, ``, `, "title": "Ana Lima"`), ""},
		{"not an object", "", `[{"sender_name": "A"}]`, "refused: not a Messenger export: it is not a JSON object"},
		{"no messages", "", `{"participants": []}`, "refused: not a Messenger export: no messages"},
		{"messages not a list", "", `{"messages": {}}`, "refused: not a Messenger export: messages is not a list"},
		{"participants the wrong kind", "", `{"participants": "Ana", "messages": []}`, "refused: not a Messenger export: participants holds the wrong kind of value"},
		{"cut short", "", thread(two, `{"sender_name": "Ana Lima", "timestamp_ms": 17`, ``)[:60], "refused: broken JSON: it ends too early"},
		{"empty", "", ``, "refused: not a Messenger export: it is empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			opts := Options{Me: c.me, Skip: func(w, r string) { got = append(got, "skip "+w+": "+r) }}
			err := ReadMessenger(strings.NewReader(c.file), opts, func(r Record) error {
				got = append(got, fmt.Sprintf("%s %s in=%v %ds name=%q group=%v (%s)", r.At.Format(time.RFC3339), r.Kind, r.In, r.Seconds, r.Name, r.Group, r.Where))
				if r.App != "Messenger" || !r.ByName || r.Number != "" || r.At.Location() != time.UTC {
					t.Errorf("record %+v", r)
				}
				return nil
			})
			if err != nil {
				got = append(got, "refused: "+err.Error())
			}
			if strings.Join(got, "\n") != c.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), c.want)
			}
		})
	}
}

func TestFixMojibake(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"Jos\u00c3\u00a9", "José"},
		{"\u00f0\u009f\u0098\u00a2", "😢"},
		{"Café", "Café"}, // real Latin-1 text that is not UTF-8 bytes stays
		{"日本", "日本"},
		{"\u00c3", "\u00c3"},
		{"", ""},
	} {
		if got := fixMojibake(c.in); got != c.want {
			t.Errorf("fixMojibake(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestMessengerMe(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		threads [][]string
		want    string
	}{
		{[][]string{{"Ana", "Sam"}, {"Ben", "Sam"}}, "Sam"},
		{[][]string{{"Ana", "Sam"}, {"Ana", "Sam"}}, ""}, // one thread in two files
		{[][]string{{"Ana", "Sam"}}, ""},
		{[][]string{{"Ana", "Sam"}, {"Ana", "Sam", "Ben"}}, ""}, // Ana and Sam in both
		{[][]string{{"Ana", "Sam"}, {"Ben", "Sam", "Cy"}, {"Sam", "Dee"}, nil}, "Sam"},
		{nil, ""},
	} {
		if got := MessengerMe(c.threads); got != c.want {
			t.Errorf("MessengerMe(%q) = %q; want %q", c.threads, got, c.want)
		}
	}
	if got := MessengerParticipants(strings.NewReader("\ufeff" + `{"x": [1, {"y": 2}], "participants": [{"name": "Jos\u00c3\u00a9"}, {"name": "Sam"}], "messages": [`)); strings.Join(got, ",") != "José,Sam" {
		t.Errorf("MessengerParticipants = %q", got)
	}
}

func TestMessengerHostile(t *testing.T) {
	t.Parallel()
	deep := `{"participants": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `, "messages": []}`
	err := ReadMessenger(strings.NewReader(deep), Options{}, func(Record) error { return nil })
	if _, ok := err.(*InputError); !ok {
		t.Errorf("deep nesting: %v", err)
	}
	// A long thread is held as small records, never its text.
	var b strings.Builder
	b.WriteString(`{"participants": [{"name": "Ana"}, {"name": "Sam"}], "title": "Ana", "messages": [`)
	for i := range 50000 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"sender_name": "Ana", "timestamp_ms": %d, "content": "%s"}`, 1700000000000+i*1000, strings.Repeat("x", 100))
	}
	b.WriteString("]}")
	n := 0
	if err := ReadMessenger(strings.NewReader(b.String()), Options{}, func(Record) error { n++; return nil }); err != nil || n != 50000 {
		t.Errorf("a long thread: %v, %d records", err, n)
	}
}

func TestStringClipper(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", fbMaxString) // two bytes each
	for _, c := range []struct{ in, want string }{
		{`{"a": "short", "b": ["x\"y", "\\"]}`, `{"a": "short", "b": ["x\"y", "\\"]}`},
		{`["` + strings.Repeat("x", fbMaxString+10) + `", 1]`, `["` + strings.Repeat("x", fbMaxString) + `", 1]`},
		{`["` + long + `"]`, `["` + long[:fbMaxString] + `"]`},
		{`["` + strings.Repeat("x", fbMaxString-1) + `\u00e9\u00e9", 2]`, `["` + strings.Repeat("x", fbMaxString-1) + `\u00e9", 2]`},
		{`["` + strings.Repeat("x", fbMaxString-1) + `\"\"x", 3]`, `["` + strings.Repeat("x", fbMaxString-1) + `\"", 3]`},
	} {
		var b strings.Builder
		if _, err := io.Copy(&b, newStringClipper(strings.NewReader(c.in), fbMaxString)); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("clipped %.40q... to %d bytes, want %d", c.in, b.Len(), len(c.want))
		}
		if !json.Valid([]byte(b.String())) {
			t.Errorf("%.40q... is not valid JSON once clipped", c.in)
		}
	}
}
