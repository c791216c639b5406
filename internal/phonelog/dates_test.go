package phonelog

import (
	"strings"
	"testing"
	"time"
)

// TestWhatsAppDateLayouts reads one line of every date layout seen in the
// samples and in the parsers' own tests, each at 14:56 on 18 March 2022
// (or 13:55 on 6 March 2018, for the 12-hour ones), beside a second line
// that fixes the file's order of day and month.
func TestWhatsAppDateLayouts(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		line string
		want string
	}{
		{"18/03/2022, 14:56 - Ana: x", "2022-03-18T14:56:00Z"},
		{"3/18/22, 14:56 - Ana: x", "2022-03-18T14:56:00Z"},
		{"18.03.22 14:56 - Ana: x", "2022-03-18T14:56:00Z"},
		{"18.03.2022, 14:56 - Ana: x", "2022-03-18T14:56:00Z"},
		{"18-03-2022 14:56 - Ana: x", "2022-03-18T14:56:00Z"},
		{"2022-03-18 14:56 - Ana: x", "2022-03-18T14:56:00Z"},
		{"2022/03/18, 14:56 - Ana: x", "2022-03-18T14:56:00Z"},
		{"[3/18/22, 14:56:01] Ana: x", "2022-03-18T14:56:01Z"},
		{"[3/18/22 14:56:00] Ana: x", "2022-03-18T14:56:00Z"},
		{"[3/18/22 14.56.01] Ana: x", "2022-03-18T14:56:01Z"},
		{"[14:56:01, 3/18/22] Ana: x", "2022-03-18T14:56:01Z"},
		{"[\u200f18\u200f/3\u200f/2022\u060c 14:56:01] Ana: x", "2022-03-18T14:56:01Z"},
		{"[١٨\u200f/٣\u200f/٢٠٢٢\u060c ٢:٥٦:٠٠\u00a0م] Ana: x", "2022-03-18T14:56:00Z"},
		{"[3/18/2565 BE, 14:56:01] Ana: x", "2022-03-18T14:56:01Z"},
		{"[3/18/R4, 14:56:01] Ana: x", "2022-03-18T14:56:01Z"},
		{"\u200e[18.3.2022, 14.56.00] Ana: \u200eimage omitted", "2022-03-18T14:56:00Z"},
		{"3/6/18, 1:55\u202fPM - Ana: x", "2018-03-06T13:55:00Z"},
		{"3/6/2018 1:55 p.\u00a0m. - Ana: x", "2018-03-06T13:55:00Z"},
		{"[3/6/18 1:55:00 p. m.] Ana: x", "2018-03-06T13:55:00Z"},
		{"[3/6/18 12:05:00 AM] Ana: x", "2018-03-06T00:05:00Z"},
		{"13.6.2018 klo 21.25.15 - Ana: x", "2018-06-13T21:25:15Z"},
		{"13. 6. 2018. 21:25:15 - Ana: x", "2018-06-13T21:25:15Z"},
		{"[2019-12-24, 12:23] Ana: x", "2019-12-24T12:23:00Z"},
	} {
		// A second line by you, the same but where the first one leaves
		// the order of day and month open (3/6/18): then one with the
		// 30th of a month settles it as month first.
		decide := strings.Replace(tc.line, "Ana: ", "Me: ", 1)
		if strings.Contains(tc.line, "3/6/") {
			decide = strings.Replace(strings.Replace(decide, "3/6/", "3/30/", 1), "12:05", "12:06", 1)
		}
		var got []Record
		err := ReadWhatsApp(strings.NewReader(tc.line+"\n"+decide+"\n"), Options{Me: "Me"}, func(r Record) error {
			got = append(got, r)
			return nil
		})
		if err != nil || len(got) != 2 {
			t.Errorf("%q: %d records, err %v", tc.line, len(got), err)
			continue
		}
		if s := got[0].At.Format(time.RFC3339); s != tc.want {
			t.Errorf("%q read as %s, want %s", tc.line, s, tc.want)
		}
		if !got[0].In || got[1].In || got[0].Name != "Ana" {
			t.Errorf("%q: directions or partner wrong: %+v", tc.line, got)
		}
	}
}

func TestWhatsAppLocalTime(t *testing.T) {
	t.Parallel()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone data")
	}
	var got []Record
	err = ReadWhatsApp(strings.NewReader("18/07/2022, 14:56 - Ana: x\n"), Options{Location: berlin, Known: func(n string) bool { return n == "Ana" }}, func(r Record) error {
		got = append(got, r)
		return nil
	})
	if err != nil || len(got) != 1 || got[0].At.Format(time.RFC3339) != "2022-07-18T12:56:00Z" {
		t.Errorf("got %+v, %v; want 12:56 UTC (14:56 in Berlin in summer)", got, err)
	}
}

func TestTermuxDateLayouts(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"2026-11-20 18:00:00", "2026-11-20T18:00:00Z"},
		{"2026-11-20 24:05:11", "2026-11-20T00:05:11Z"}, // Java kk before 2021
		{"2021-11-01 10:00", "2021-11-01T10:00:00Z"},    // termux-sms-list before 2021-11
		{"٢٠٢٦-١١-٢٠ ١٨:٠٠:٠٠", "2026-11-20T18:00:00Z"},
	} {
		got, why := termuxTime(tc.in, time.UTC)
		if why != "" || got.Format(time.RFC3339) != tc.want {
			t.Errorf("termuxTime(%q) = %v %q, want %s", tc.in, got, why, tc.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2026-13-01 10:00:00", "20/11/2026 10:00", "0001-01-01 00:00:00", "1969-12-31 23:59:59", "9999-01-01 10:00"} {
		if _, why := termuxTime(bad, time.UTC); why == "" {
			t.Errorf("termuxTime(%q) accepted", bad)
		}
	}
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{{"00:00", 0, true}, {"02:45", 165, true}, {"01:02:03", 3723, true}, {"", 0, true}, {"5", 0, false}, {"a:b", 0, false}} {
		got, ok := termuxDuration(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("termuxDuration(%q) = %d %v", tc.in, got, ok)
		}
	}
}

func TestSBRTimes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"1312563906092", "2011-08-05T17:05:06Z"},
		{"1485921084", "2017-02-01T03:51:24Z"},
		{" 1485921084000 ", "2017-02-01T03:51:24Z"},
	} {
		got, why := sbrTime(tc.in)
		if why != "" || got.Format(time.RFC3339) != tc.want {
			t.Errorf("sbrTime(%q) = %v %q, want %s", tc.in, got, why, tc.want)
		}
	}
	for _, bad := range []string{"bad", "today", "", "0", "-5", "99999999999999999", "99999999999"} {
		if _, why := sbrTime(bad); why == "" {
			t.Errorf("sbrTime(%q) accepted", bad)
		}
	}
}

func TestTelegramTimesAndIDs(t *testing.T) {
	t.Parallel()
	in := `{"name": "Bob", "type": "personal_chat", "id": 4294967303, "messages": [
		{"id": 1, "type": "message", "date": "2019-07-05T16:55:32", "from_id": 7, "text": "bad \x01 escape"},
		{"id": 2, "type": "message", "date": "2019-07-05T16:55:32", "date_unixtime": "1691719862", "from_id": "user1", "text": ""},
		{"id": 3, "type": "service", "date_unixtime": "1691719900", "actor_id": "user7", "action": "phone_call", "discard_reason": "missed"},
		{"id": 4, "type": "service", "date_unixtime": "1691719990", "actor_id": "user1", "action": "phone_call", "duration_seconds": 56, "discard_reason": "hangup"},
		{"id": 5, "type": "message", "date": "not a date", "from_id": "user7"},
		{"id": 6, "type": "message", "date": "0001-01-01T00:00:00", "from_id": "user7"},
		{"id": 7, "type": "message", "date_unixtime": "99999999999", "from_id": "user7"}
	]}`
	var got []Record
	var skips []string
	err := ReadTelegram(strings.NewReader(in), Options{Skip: func(w, r string) { skips = append(skips, w+": "+r) }}, func(r Record) error {
		got = append(got, r)
		return nil
	})
	if err != nil || len(got) != 4 || len(skips) != 3 {
		t.Fatalf("got %d records, skips %q, err %v", len(got), skips, err)
	}
	want := []struct {
		at   string
		kind Kind
		in   bool
		secs int
	}{
		{"2019-07-05T16:55:32Z", Message, true, 0},  // the old numeric id, the shifted chat id
		{"2023-08-11T02:11:02Z", Message, false, 0}, // date_unixtime wins
		{"2023-08-11T02:11:40Z", Missed, true, 0},
		{"2023-08-11T02:13:10Z", Answered, false, 56},
	}
	for i, w := range want {
		r := got[i]
		if r.At.Format(time.RFC3339) != w.at || r.Kind != w.kind || r.In != w.in || r.Seconds != w.secs || r.Name != "Bob" {
			t.Errorf("record %d = %+v, want %+v", i, r, w)
		}
	}
}

func TestWhoIsPartner(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		authors []string
		chat    string
		opts    Options
		want    string
		fails   bool
	}{
		{[]string{"Ana", "Sam"}, "ana", Options{}, "Ana", false},
		{[]string{"Ana", "Sam"}, "", Options{Me: "sam"}, "Ana", false},
		{[]string{"Ana", "Sam"}, "", Options{Partner: "Ana"}, "Ana", false},
		{[]string{"Ana", "Sam"}, "", Options{Known: func(n string) bool { return n == "Sam" }}, "Sam", false},
		{[]string{"Ana", "Sam"}, "", Options{Known: func(string) bool { return true }}, "", true},
		{[]string{"Ana", "Sam"}, "", Options{}, "", true},
		{[]string{"Sam"}, "Ana", Options{}, "", false}, // only you wrote
		{[]string{"Ana"}, "", Options{}, "", true},
		{nil, "", Options{}, "", false},
	} {
		got, err := whoIsPartner(tc.authors, tc.chat, tc.opts)
		if got != tc.want || (err != nil) != tc.fails {
			t.Errorf("whoIsPartner(%q, %q) = %q, %v", tc.authors, tc.chat, got, err)
		}
	}
}

// TestWhatsAppNotices: what WhatsApp writes on its own is not a message.
// iOS writes a changed security code under the partner's name, opened by
// two direction marks; a group is a group even when one other person
// wrote in it.
func TestWhatsAppNotices(t *testing.T) {
	t.Parallel()
	read := func(chat string, opts Options) []Record {
		t.Helper()
		var got []Record
		if err := ReadWhatsApp(strings.NewReader(chat), opts, func(r Record) error {
			got = append(got, r)
			return nil
		}); err != nil {
			t.Fatalf("ReadWhatsApp: %v", err)
		}
		return got
	}
	ios := "[3/18/22, 14:56:01] Ana: \u200eMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\n" +
		"[3/27/22, 21:41:55] Me: see you\n" +
		"[3/27/22, 21:42:10] Ana: \u200eimage omitted\n" +
		"[4/28/22, 20:17:30] Ana: \u200e\u200eYour security code with Ana changed. \u200eTap to learn more.\n" +
		"[1/7/23, 23:32:30] Ana: \u200e\u200eIhre Sicherheitsnummer für Ana hat sich geändert.\n"
	got := read(ios, Options{Me: "Me"})
	if len(got) != 2 || got[0].In || !got[1].In || got[1].At.Format(time.RFC3339) != "2022-03-27T21:42:10Z" {
		t.Errorf("iOS chat with security notices: got %+v; want your message and Ana's photo, the notices left out", got)
	}

	group := "11/01/2023, 16:11 - Ana created group \"Family\"\n" +
		"11/01/2023, 16:11 - Ana added you\n" +
		"11/01/2023, 16:26 - Ana: hello all\n" +
		"11/01/2023, 16:57 - Me: hi\n"
	for _, opts := range []Options{{Me: "Me"}, {Title: "WhatsApp Chat with Family.txt"}} {
		got = read(group, opts)
		if len(got) != 2 || !got[0].Group || !got[1].Group {
			t.Errorf("a group of two writers, %+v: got %+v; want two messages of a group", opts, got)
		}
	}

	oneToOne := "23/03/2022, 13:31 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\n" +
		"23/03/2022, 13:32 - Ana changed their phone number to a new number. Tap to message or add the new number.\n" +
		"23/03/2022, 13:35 - Ana: hi\n" +
		"23/03/2022, 13:36 - Me: hello\n"
	got = read(oneToOne, Options{Me: "Me"})
	if len(got) != 2 || got[0].Group || got[0].Name != "Ana" || !got[0].In {
		t.Errorf("a one-to-one chat with notices: got %+v; want Ana's message and yours, not a group", got)
	}
}

// TestReadSkipsAByteOrderMark: a UTF-8 byte-order mark before an XML or
// JSON log, as Windows programs write one, is read past.
func TestReadSkipsAByteOrderMark(t *testing.T) {
	t.Parallel()
	const bom = "\xef\xbb\xbf"
	for _, tc := range []struct {
		format Format
		data   string
	}{
		{SBRCalls, "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<?xml-stylesheet type=\"text/xsl\" href=\"calls.xsl\"?>\n" +
			`<calls count="1"><call number="+15550100" duration="60" date="1700000000000" type="1" /></calls>`},
		{Telegram, `{"name": "Bob", "type": "personal_chat", "id": 1, "messages": [{"id": 1, "type": "message", "date": "2023-11-14T22:13:20", "date_unixtime": "1700000000", "from": "Bob", "from_id": "user2", "text": "hi"}]}`},
	} {
		var got []Record
		err := Read(tc.format, strings.NewReader(bom+tc.data), Options{Me: "Me", Known: func(string) bool { return true }}, func(r Record) error {
			got = append(got, r)
			return nil
		})
		if err != nil || len(got) != 1 {
			t.Errorf("%s with a byte-order mark: %d records, %v; want the one record", tc.format, len(got), err)
		}
	}
}

// TestReadLeavesOutTheFuture: a record after the moment of the import (a
// phone's clock set wrong) is left out, and said; one a few seconds after,
// for clocks that disagree, is kept.
func TestReadLeavesOutTheFuture(t *testing.T) {
	t.Parallel()
	now := time.Unix(1700000000, 0).UTC()
	calls := `<calls count="3">` +
		`<call number="+15550100" duration="60" date="1699990000000" type="1" />` +
		`<call number="+15550100" duration="60" date="1700000030000" type="1" />` +
		`<call number="+15550100" duration="60" date="1700500000000" type="1" />` +
		`</calls>`
	var got []Record
	var skipped []string
	opts := Options{Now: now, Skip: func(where, reason string) { skipped = append(skipped, where+": "+reason) }}
	if err := Read(SBRCalls, strings.NewReader(calls), opts, func(r Record) error {
		got = append(got, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(skipped) != 1 || !strings.Contains(skipped[0], "after the moment of the import") {
		t.Errorf("read %d, skipped %q; want 2 read and the one a week ahead left out", len(got), skipped)
	}
}
