package phonelog

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fuzzRead reads data with read and checks what every reader promises:
// no panic, an *InputError or nil, and records that are whole.
func fuzzRead(t *testing.T, data []byte, read func(*bytes.Reader, Options, Emit) error) {
	opts := Options{Skip: func(w, r string) {
		if w == "" || r == "" {
			t.Errorf("a skip without a position or reason: %q %q", w, r)
		}
	}, Me: "Me"}
	err := read(bytes.NewReader(data), opts, func(r Record) error {
		if r.At.IsZero() || r.Kind < Answered || r.Kind > Message || r.Where == "" || r.Seconds < 0 {
			t.Errorf("a record that is not whole: %+v", r)
		}
		if r.At.Location() != time.UTC {
			t.Errorf("a time not in UTC: %v", r.At)
		}
		return nil
	})
	if err != nil {
		if _, ok := err.(*InputError); !ok {
			t.Errorf("error %v (%T) is not an *InputError", err, err)
		}
		if strings.ContainsRune(err.Error(), '\n') || !utf8.ValidString(err.Error()) {
			t.Errorf("error is not one line of text: %q", err.Error())
		}
	}
}

func FuzzSBR(f *testing.F) {
	f.Add([]byte(`<calls count="1"><call number="+43691234123" duration="59" date="1312563906092" type="1" /></calls>`))
	f.Add([]byte(`<?xml version='1.0'?><smses><sms address="Google" date="1485921084" type="1" body="&#55357;&#56832;"/><mms msg_box="1" address="1~2" date="1"><parts><part/></parts></mms></smses>`))
	f.Add([]byte(`<smses count="1"><sms address="+1" date="bad" type="1" body="x"`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, func(r *bytes.Reader, o Options, e Emit) error { return ReadSBRCalls(r, o, e) })
		fuzzRead(t, data, func(r *bytes.Reader, o Options, e Emit) error { return ReadSBRMessages(r, o, e) })
	})
}

func FuzzTermux(f *testing.F) {
	f.Add([]byte(`[{"name": "A", "phone_number": "+491701234567", "type": "INCOMING", "date": "2026-11-20 24:00:00", "duration": "01:02:03"}]`))
	f.Add([]byte(`{"1": [{"threadid": 1, "type": "inbox", "number": "7535", "received": "2021-11-01 10:00", "body": "x"}]}`))
	f.Add([]byte(`{"error": "Call log is no longer permitted by Google"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, func(r *bytes.Reader, o Options, e Emit) error { return ReadTermuxCalls(r, o, e) })
		fuzzRead(t, data, func(r *bytes.Reader, o Options, e Emit) error { return ReadTermuxMessages(r, o, e) })
	})
}

func FuzzTelegram(f *testing.F) {
	f.Add([]byte(`{"name": "Bob", "type": "personal_chat", "id": 7, "messages": [{"id": 1, "type": "message", "date": "2019-07-05T16:55:32", "from_id": "user7", "text": "\x01"},
		{"id": 2, "type": "service", "date_unixtime": "1691719862", "actor_id": "user1", "action": "phone_call", "duration_seconds": 56}]}`))
	f.Add([]byte(`{"personal_information": {"user_id": 1}, "contacts": {"list": [{"user_id": 7, "phone_number": "+4917"}]}, "chats": {"list": [{"name": "G", "type": "private_group", "id": 4294967303, "messages": []}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, func(r *bytes.Reader, o Options, e Emit) error { return ReadTelegram(r, o, e) })
	})
}

func FuzzWhatsApp(f *testing.F) {
	for _, s := range []string{
		"18/03/2022, 14:56 - Ana: Hello\n18/03/2022, 14:57 - Me: Hi\n",
		"\u200e[3/18/22, 14:56:01] Ana: \u200eMessages and calls are end-to-end encrypted.\r\n[3/27/22, 21:41:35] Me: Hello\r\n",
		"[\u200f18\u200f/3\u200f/2022\u060c 14:56:01] Ana: x\n[١٨\u200f/٣\u200f/٢٠٢٢\u060c ٢:٥٦:٠٠\u00a0م] Me: y\n",
		"[14:56:01, 3/18/22] Ana: x\n[3/18/2565 BE, 14:56:01] Me: y\n[3/18/R4, 14:56:01] Me: z\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, func(r *bytes.Reader, o Options, e Emit) error { return ReadWhatsApp(r, o, e) })
	})
}

func FuzzGVoice(f *testing.F) {
	f.Add([]byte(gvoiceCall("Placed call to", "+4917012345", "Ana", "2020-01-02T03:04:05.000+01:00", "PT1M5S", `<a rel="tag" href="#placed">Placed</a>`)))
	f.Add([]byte(`<html><title>Me to` + "\n" + `Ana</title><div class="hChatLog hfeed"><div class="participants"></div><div class="message"><abbr class="dt" title="2021-01-21T17:33:43.242-08:00">x</abbr><cite class="sender vcard"><a class="tel" href="tel:+1"><abbr class="fn">Me</abbr></a></cite><q>x</q></div></div></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, func(r *bytes.Reader, o Options, e Emit) error {
			o.Title = "+1555 - Missed - 2020-01-02T03_04_05Z.html"
			return ReadGVoiceCalls(r, o, e)
		})
		fuzzRead(t, data, func(r *bytes.Reader, o Options, e Emit) error { return ReadGVoiceTexts(r, o, e) })
	})
}

func FuzzMessenger(f *testing.F) {
	f.Add([]byte("\ufeff" + `{"participants": [{"name": "Jos\u00c3\u00a9"}, {"name": "Me"}], "messages": [{"sender_name": "Jos\u00c3\u00a9", "timestamp_ms": 1415147732056, "content": "x"},
		{"sender_name": "Me", "timestamp_ms": 1415147681489, "type": "Call", "call_duration": 61}], "title": "Jos\u00c3\u00a9", "thread_type": "Regular"}`))
	f.Add([]byte(`{"messages": [{"sender_name": "A", "timestamp_ms": "1"}, 7, {"type": "Subscribe"}], "participants": [{"name": "A"}, {"name": "B"}, {"name": "C"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, func(r *bytes.Reader, o Options, e Emit) error { return ReadMessenger(r, o, e) })
		MessengerParticipants(bytes.NewReader(data))
		if json.Valid(data) {
			// A small limit, so that the fuzzer's short inputs are cut.
			clipped, _ := io.ReadAll(newStringClipper(bytes.NewReader(data), 3))
			if !json.Valid(clipped) {
				t.Errorf("valid JSON is not valid once its strings are clipped: %q", clipped)
			}
		}
	})
}

func FuzzCallHistory(f *testing.F) {
	// Small pages keep the seeds small; the mutator then reaches the
	// schema, the table and the rows.
	schema := "PRAGMA page_size=512;" + callHistorySchema
	for _, rows := range [][]string{
		{fmt.Sprintf(`INSERT INTO ZCALLRECORD (Z_PK, ZDATE, ZDURATION, ZORIGINATED, ZANSWERED, ZADDRESS, ZCALLTYPE, ZCALL_CATEGORY) VALUES (1, %d.5, 61, 0, 1, X'2B31', 8, 2)`, cd0),
			`INSERT INTO ZCALLRECORD (Z_PK, ZDATE, ZORIGINATED) VALUES (2, 'x', NULL)`},
		nil,
	} {
		path := filepath.Join(f.TempDir(), "seed.storedata")
		db, err := sql.Open("sqlite", "file:"+path)
		if err != nil {
			f.Fatal(err)
		}
		for _, stmt := range append(strings.Split(schema, ";"), rows...) {
			if _, err := db.Exec(stmt); err != nil {
				f.Fatal(err)
			}
		}
		db.Close()
		data, _ := os.ReadFile(path)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, func(r *bytes.Reader, o Options, e Emit) error { return ReadCallHistory(r, o, e) })
		Detect(data)
	})
}

func FuzzDetect(f *testing.F) {
	f.Add([]byte(`<?xml version='1.0'?><!-- x --><calls>`))
	f.Add([]byte(`[{"phone_number": "1"}]`))
	f.Add([]byte(`<?xml version="1.0" ?><!DOCTYPE html><html><head><style>.haudio {}</style></head><body><div class="haudio">`))
	f.Add([]byte("\ufeff" + `{"participants": [{"name": "A"}], "messages": [{"sender_name": "A", "timestamp_ms": 1}]}`))
	f.Add([]byte("SQLite format 3\x00\x10\x00 CREATE TABLE ZCALLRECORD"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Detect(data) // must not panic
	})
}
