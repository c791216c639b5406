package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// realLogs is where the real call-log and message samples are, from here.
const realLogs = "../../../shared/corpus/real/logs"

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// sbrCalls writes an SMS Backup & Restore call log of the given <call>
// lines.
func sbrCalls(calls ...string) string {
	return "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<calls count=\"" + fmt.Sprint(len(calls)) + "\">\n" +
		strings.Join(calls, "\n") + "\n</calls>\n"
}

func sbrSMS(msgs ...string) string {
	return "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"" + fmt.Sprint(len(msgs)) + "\">\n" +
		strings.Join(msgs, "\n") + "\n</smses>\n"
}

func call(number string, unix int64, typ, secs int) string {
	return fmt.Sprintf(`  <call number="%s" duration="%d" date="%d000" type="%d" contact_name="(Unknown)" />`, number, secs, unix, typ)
}

func sms(number string, unix int64, typ int, body string) string {
	return fmt.Sprintf(`  <sms protocol="0" address="%s" date="%d000" type="%d" subject="null" body="%s" read="1" status="-1" contact_name="Phone Name" />`, number, unix, typ, body)
}

// 2026-11-20T18:00:00Z and on.
const t0 = int64(1795197600)

func historyJSON(t *testing.T, h *harness) []map[string]any {
	t.Helper()
	var out []map[string]any
	if err := json.Unmarshal([]byte(h.ok("history", "--json").stdout), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func logHarness(t *testing.T) *harness {
	h := newHarness(t)
	h.env = append(h.env, "LANG=de_DE.UTF-8")
	h.ok("add", "Ana Lima", "--phone", "0170 1234567")
	h.ok("add", "Ben Okafor", "--phone", "+49 151 2345678", "--email", "ben@example.org")
	return h
}

// TestImportCallsTranscript imports call logs and message histories made
// for the purpose, in every format, and shows what tend says and logs.
func TestImportCallsTranscript(t *testing.T) {
	h := logHarness(t)
	dir := t.TempDir()
	calls := writeFile(t, dir, "calls-1.xml", sbrCalls(
		call("+49 170 1234567", t0, 1, 125),    // Ana called, 2 min 5 s
		call("(0170) 123-4567", t0+3600, 2, 0), // you tried her: no answer
		call("01512345678", t0+7200, 2, 600),   // you called Ben, 10 min
		call("+49 30 9999999", t0+7300, 1, 60), // a stranger
		call("-1", t0+7400, 1, 60),             // a private number
		call("+49 170 1234567", t0, 1, 125),    // the first call again
		call("+49 170 1234567", t0+9000, 3, 0), // Ana's missed call
		`  <call number="0170 1234567" duration="1" date="bad" type="1" />`,
	))
	h.ok("import", "calls", calls, "--dry-run")
	h.ok("import", "calls", calls)
	h.ok("import", "calls", calls)
	termux := `[
  {"name": "Ana Lima", "phone_number": "+491701234567", "type": "INCOMING", "date": "2026-11-20 18:00:00", "duration": "02:05", "sim_id": "1"},
  {"name": "UNKNOWN_CALLER", "phone_number": "+4915123456780", "type": "OUTGOING", "date": "2026-11-22 24:05:11", "duration": "01:02:03"},
  {"name": "Ben Okafor", "phone_number": "+4915123456 78", "type": "OUTGOING", "date": "2026-11-23 09:00:00", "duration": "01:02:03"}
]`
	h.runIn(termux, "import", "calls", "-")
	h.runIn("[]\n", "import", "messages", "-") // Termux with nothing to tell
	msgs := writeFile(t, dir, "sms-1.xml", sbrSMS(
		sms("0170 1234567", t0+100, 1, "first"),
		sms("0170 1234567", t0+200, 1, "second"),
		sms("+491701234567", t0+300, 2, "answer"),
		sms("7535", t0+400, 1, "your code"),
		sms("Google", t0+500, 1, "G-123"),
		`  <mms date="1795198200000" msg_box="1" address="+491701234567~+4915123456780" m_type="132" contact_name="Ana, Ben"><parts/></mms>`,
		sms("0170 1234567", t0+600, 3, "a draft"),
	))
	h.ok("import", "messages", msgs)
	whatsapp := writeFile(t, dir, "WhatsApp Chat with Ben Okafor.txt",
		"20/11/2026, 19:01 - Messages and calls are end-to-end encrypted.\n"+
			"20/11/2026, 19:02 - Ben Okafor: Hello\n"+
			"20/11/2026, 19:03 - Ben Okafor: are you there\nsecond line\n"+
			"21/11/2026, 08:00 - Sam: yes\n"+
			"21/11/2026, 08:01 - Ben Okafor: Missed voice call\n")
	h.ok("import", "messages", whatsapp, "--json")
	h.ok("import", "calls", dir) // the folder: only the call log is read again
	h.ok("history")
	compareGolden(t, "import_logs", strings.ReplaceAll(h.transcript.String(), dir, "$DIR"))
}

func TestImportLogsRealSamples(t *testing.T) {
	if _, err := os.Stat(realLogs); err != nil {
		t.Skipf("the real samples are not here (%s): %v", realLogs, err)
	}
	h := newHarness(t)
	h.env = append(h.env, "LANG=en_US.UTF-8")
	h.ok("add", "John Stuart", "--phone", "5555550001")
	h.ok("add", "Cindy Lauper", "--phone", "+1 555 555 0013")
	h.ok("add", "Robot Dog", "--phone", "555-555-4455")
	h.ok("add", "Robot Cat", "--phone", "(555) 555-4545")
	h.ok("add", "Max Mustermann", "--phone", "+49 176 2345678")
	h.ok("add", "Elon Musk")
	h.ok("add", "Bob")
	h.ok("import", "calls", filepath.Join(realLogs, "sbr", "mcb__calls-test-00.xml"))
	h.ok("import", "calls", filepath.Join(realLogs, "sbr", "mcb__calls-test-01.xml"))
	h.ok("import", "calls", filepath.Join(realLogs, "sbr", "mcb__calls.xml"))
	h.ok("import", "messages", filepath.Join(realLogs, "sbr", "khasmek__sms.xml"))
	h.ok("import", "messages", filepath.Join(realLogs, "sbr", "sbm__sms-and-mms.xml"))
	h.ok("import", "messages", filepath.Join(realLogs, "whatsapp", "whatsjson__ios__RU.zip"), "--me", "Dmitry S")
	h.ok("import", "messages", filepath.Join(realLogs, "whatsapp", "whatsjson__ios__German.txt"), "--me", "Dmitry S")
	h.ok("import", "messages", filepath.Join(realLogs, "telegram", "chatanalytics__DM_2A_7M.json"))
	h.ok("import", "messages", filepath.Join(realLogs, "telegram", "chatanalytics__DM_2A_7M.json"), "--dry-run")
	h.ok("import", "messages", filepath.Join(realLogs, "telegram"), "--me", "Author 1", "--dry-run")
	h.run("import", "messages", filepath.Join(realLogs, "sbr", "shruggie__malformed.xml"))
	h.ok("add", "Alice")
	h.ok("import", "messages", filepath.Join(realLogs, "messenger", "chatanalytics__2A_7M.json"))
	h.ok("import", "calls", filepath.Join(realLogs, "gvoice"), "--dry-run")
	h.ok("history")
	h.golden("import_logs_real")
}

// TestImportLogsTwiceAndOverlapping: the same file twice, and a later
// backup that repeats the earlier one, add only what is new; a run of
// messages a later backup continues moves its touch, not a second one.
func TestImportLogsTwiceAndOverlapping(t *testing.T) {
	h := logHarness(t)
	dir := t.TempDir()
	a := writeFile(t, dir, "a.xml", sbrCalls(call("01701234567", t0, 1, 60), call("01701234567", t0+600, 2, 60)))
	b := writeFile(t, dir, "b.xml", sbrCalls(call("+491701234567", t0+600, 2, 60), call("01701234567", t0+1200, 1, 60)))
	h.ok("import", "calls", a)
	if n := len(historyJSON(t, h)); n != 2 {
		t.Fatalf("after one import: %d interactions, want 2", n)
	}
	h.ok("import", "calls", a)
	h.ok("import", "calls", b)
	if n := len(historyJSON(t, h)); n != 3 {
		t.Fatalf("after the same file again and an overlapping one: %d interactions, want 3", n)
	}

	m1 := writeFile(t, dir, "m1.xml", sbrSMS(sms("01701234567", t0+3000, 1, "a"), sms("01701234567", t0+3100, 1, "b")))
	m2 := writeFile(t, dir, "m2.xml", sbrSMS(sms("01701234567", t0+3100, 1, "b"), sms("01701234567", t0+3200, 1, "c"), sms("01701234567", t0+3300, 2, "d")))
	h.ok("import", "messages", m1)
	h.ok("import", "messages", m2)
	h.ok("import", "messages", m2)
	hist := historyJSON(t, h)
	var texts []string
	for _, in := range hist {
		if in["via"] == "text" {
			texts = append(texts, fmt.Sprintf("%s %s", in["direction"], in["at"]))
		}
	}
	want := []string{"out 2026-11-20T18:55:00Z", "in 2026-11-20T18:53:20Z"}
	if strings.Join(texts, "; ") != strings.Join(want, "; ") {
		t.Errorf("touches = %q, want %q (one touch per side, the first moved to its last message)", texts, want)
	}
}

// TestImportCallsAgainInAnotherRegion: the same log read again with its
// numbers read in another region (a cron job's locale, --region once) is
// the same calls, not new ones.
func TestImportCallsAgainInAnotherRegion(t *testing.T) {
	h := logHarness(t)
	f := writeFile(t, t.TempDir(), "calls.xml", sbrCalls(call("01701234567", t0, 1, 60), call("01701234567", t0+600, 3, 0)))
	h.ok("import", "calls", f) // region DE, from LANG
	h.ok("import", "calls", f, "--region", "US")
	h.env = append(h.env, "LANG=C")
	out := h.ok("import", "calls", f).stdout
	if n := len(historyJSON(t, h)); n != 2 {
		t.Errorf("%d interactions after three reads of one log of two calls, want 2:\n%s", n, out)
	}
}

// TestImportCallsOnASharedNumber: a number two active people have leaves
// its calls out and says so, naming both; an archived one's old number
// does not count.
func TestImportCallsOnASharedNumber(t *testing.T) {
	h := logHarness(t)
	h.ok("add", "Carla Lima", "--phone", "+49 170 1234567") // Ana's number: the family landline
	h.ok("add", "Old Phone", "--phone", "+49 151 2345678")
	h.ok("archive", "old phone")
	f := writeFile(t, t.TempDir(), "calls.xml", sbrCalls(call("01701234567", t0, 1, 60), call("01512345678", t0+600, 1, 60)))
	out := h.ok("import", "calls", f).stdout
	if !strings.Contains(out, "1 record with +491701234567, which Ana Lima and Carla Lima have: left out") {
		t.Errorf("the summary does not name the shared number and both people:\n%s", out)
	}
	hist := historyJSON(t, h)
	if len(hist) != 1 || fmt.Sprint(hist[0]["names"]) != "[Ben Okafor]" {
		t.Errorf("history = %v, want Ben's call alone", hist)
	}
}

// TestImportCallsLoggedByHand: a call logged by hand and the same call in
// the log are one; a missed call only ever meets a missed call.
func TestImportCallsLoggedByHand(t *testing.T) {
	h := logHarness(t)
	h.ok("log", "ana", "--at", "2026-11-20T18:05:00Z")
	h.ok("log", "ana", "--missed", "--in", "--at", "2026-11-21T18:02:00Z")
	dir := t.TempDir()
	f := writeFile(t, dir, "calls.xml", sbrCalls(
		call("01701234567", t0, 1, 240),         // the call logged by hand, four minutes early
		call("01701234567", t0+86400, 3, 0),     // her missed call, logged by hand
		call("01701234567", t0+86400+120, 2, 0), // you called back, no answer: new
		call("01701234567", t0+300, 1, 60),      // a second call near the first: new
	))
	out := h.ok("import", "calls", f).stdout
	if !strings.Contains(out, "2 already logged by hand") || !strings.Contains(out, "2 new") {
		t.Errorf("output does not say two calls were logged by hand and two are new:\n%s", out)
	}
	if n := len(historyJSON(t, h)); n != 4 {
		t.Errorf("%d interactions, want 4", n)
	}
}

// TestImportLogsKeepNoTextNorStrangers scans every text column of every
// table after imports of messages and calls: no message text, no number
// and no name of anyone not in tend is there.
func TestImportLogsKeepNoTextNorStrangers(t *testing.T) {
	h := logHarness(t)
	dir := t.TempDir()
	f := writeFile(t, dir, "sms.xml", sbrSMS(
		sms("01701234567", t0, 1, "SECRETBODYTEXT"),
		sms("+49 30 8887776", t0+60, 1, "OTHERSECRET"),
		`  <sms address="+4930 8887776" date="1795197700000" type="1" body="x" contact_name="Stranger Danger" />`,
	))
	h.ok("import", "messages", f)
	calls := writeFile(t, dir, "calls.xml", sbrCalls(call("+49 30 8887776", t0, 1, 60)))
	h.ok("import", "calls", calls)
	chat := writeFile(t, dir, "chat.txt", "20/11/2026, 19:02 - Ana Lima: CHATSECRET\n20/11/2026, 19:04 - Sam: yo\n")
	h.ok("import", "messages", chat)
	other := writeFile(t, dir, "other.txt", "20/11/2026, 19:03 - Zed Unknown: CHATSECRET\n20/11/2026, 19:04 - Sam: yo\n")
	h.ok("import", "messages", other, "--me", "Sam")
	voice := filepath.Join(dir, "Takeout", "Voice", "Calls")
	os.MkdirAll(voice, 0o700)
	writeFile(t, voice, "Stranger Danger - Voicemail - 2026-11-20T18_10_00Z.html", gvoiceCallFile("Voicemail from", "+49308887776", "Stranger Danger",
		"2026-11-20T19:10:00.000+01:00", "PT20S", "voicemail", `<span class="full-text">VOICEMAILSECRET</span>`))
	writeFile(t, voice, "Ana Lima - Text - 2026-11-20T18_20_00Z.html", gvoiceTextFile("Ana Lima",
		gvoiceMessage("2026-11-20T19:20:00.000+01:00", "+491701234567", "Ana Lima", "VOICESECRET"),
		gvoiceMessage("2026-11-20T19:21:00.000+01:00", "+4917099999", "", "VOICESECRET")))
	writeFile(t, voice, "+49308887776 - Text - 2026-11-20T18_30_00Z.html", gvoiceTextFile("",
		gvoiceMessage("2026-11-20T19:30:00.000+01:00", "+49308887776", "Stranger Danger", "VOICESECRET")))
	h.ok("import", "calls", filepath.Join(dir, "Takeout"))
	h.ok("import", "messages", filepath.Join(dir, "Takeout"))
	inbox := filepath.Join(dir, "messages", "inbox")
	os.MkdirAll(filepath.Join(inbox, "analima_1"), 0o700)
	os.MkdirAll(filepath.Join(inbox, "stranger_2"), 0o700)
	writeFile(t, inbox, "analima_1/message_1.json", `{"participants": [{"name": "Ana Lima"}, {"name": "Sam Q"}], "messages": [
		{"sender_name": "Ana Lima", "timestamp_ms": 1795199400000, "content": "MESSENGERSECRET"},
		{"sender_name": "Sam Q", "timestamp_ms": 1795199460000, "type": "Call", "call_duration": 61, "content": "MESSENGERSECRET"}],
		"title": "Ana", "thread_type": "Regular"}`)
	writeFile(t, inbox, "stranger_2/message_1.json", `{"participants": [{"name": "Stranger Danger"}, {"name": "Sam Q"}], "messages": [
		{"sender_name": "Stranger Danger", "timestamp_ms": 1795199400000, "content": "MESSENGERSECRET"}], "title": "Stranger Danger"}`)
	ios := callHistoryFile(t, t.TempDir(), fmt.Sprintf(`%d, 60, 0, 1, '+49 30 8887776', 1, 'com.apple.Telephony'`, t0-978307200+900),
		fmt.Sprintf(`%d, 60, 0, 1, 'stranger@example.org', 16, 'com.apple.FaceTime'`, t0-978307200+960))
	h.ok("import", "calls", ios)
	before := len(historyJSON(t, h))
	h.ok("import", "messages", inbox)
	if n := len(historyJSON(t, h)) - before; n != 2 {
		t.Errorf("Messenger: %d interactions, want 2 (Ana's message and your call): you were not found as the one in every thread", n)
	}

	db, err := sql.Open("sqlite", "file:"+h.db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tables, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table'`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		tables.Scan(&n)
		names = append(names, n)
	}
	tables.Close()
	var all bytes.Buffer
	for _, table := range names {
		rows, err := db.Query(`SELECT * FROM "` + table + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			for _, v := range vals {
				fmt.Fprintf(&all, "%v\n", v)
			}
		}
		rows.Close()
	}
	if all.Len() == 0 {
		t.Fatal("read nothing from the database")
	}
	for _, secret := range []string{"SECRETBODYTEXT", "OTHERSECRET", "CHATSECRET", "8887776", "Stranger", "Zed", "Phone Name",
		"VOICEMAILSECRET", "VOICESECRET", "MESSENGERSECRET", "stranger@"} {
		if bytes.Contains(all.Bytes(), []byte(secret)) {
			t.Errorf("%q reached the database", secret)
		}
	}
	for _, side := range []string{"", "-wal"} {
		raw, _ := os.ReadFile(h.db + side)
		for _, secret := range []string{"SECRETBODYTEXT", "CHATSECRET", "Stranger Danger", "VOICEMAILSECRET", "VOICESECRET", "MESSENGERSECRET", "stranger@"} {
			if bytes.Contains(raw, []byte(secret)) {
				t.Errorf("%q is in the bytes of %s", secret, filepath.Base(h.db+side))
			}
		}
	}
	if n := len(historyJSON(t, h)); n != 7 {
		t.Errorf("%d interactions, want 7 (Ana's text, her chat message and your answer, her Voice text and yours, her Messenger message and your call)", n)
	}
}

// gvoiceCallFile is a call of Google Takeout's Voice folder, as Takeout
// writes it.
func gvoiceCallFile(kind, tel, name, published, duration, label, transcript string) string {
	return `<?xml version="1.0" ?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>` + kind + "\n" + name + `</title><style type="text/css">.haudio > .fn { display: none; }</style></head>
<body><div class="haudio"><span class="album">Call Log for
</span>
<span class="fn">` + kind + "\n" + name + `</span>
<div class="contributor vcard">` + kind + `
<a class="tel" href="tel:` + tel + `"><span class="fn">` + name + `</span></a></div>
<abbr class="published" title="` + published + `">whenever</abbr>
` + transcript + `
<abbr class="duration" title="` + duration + `">(00:00:00)</abbr>
<div class="tags">Labels:
<a rel="tag" href="http://www.google.com/voice#` + label + `">Label</a></div></div></body></html>`
}

func gvoiceTextFile(title string, messages ...string) string {
	return `<?xml version="1.0" ?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>` + title + `</title></head>
<body><div class="hChatLog hfeed">
` + strings.Join(messages, " ") + `</div>
<div class="tags">Labels:
<a rel="tag" href="http://www.google.com/voice#sms">Text</a></div></body></html>`
}

// gvoiceMessage is one message of a text conversation; an empty name is
// you.
func gvoiceMessage(at, tel, name, text string) string {
	fn := `<abbr class="fn" title="">Me</abbr>`
	if name != "" {
		fn = `<span class="fn">` + name + `</span>`
	}
	return `<div class="message"><abbr class="dt" title="` + at + `">whenever</abbr>:
<cite class="sender vcard"><a class="tel" href="tel:` + tel + `">` + fn + `</a></cite>:
<q>` + text + `</q></div>`
}

// callHistoryFile writes an iOS CallHistory.storedata with the calls given
// (Core Data seconds, duration, originated, answered, address, call type).
func callHistoryFile(t *testing.T, dir string, calls ...string) string {
	t.Helper()
	path := filepath.Join(dir, "CallHistory.storedata")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := []string{`CREATE TABLE ZCALLRECORD (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZANSWERED INTEGER,
		ZCALLTYPE INTEGER, ZORIGINATED INTEGER, ZDATE TIMESTAMP, ZDURATION FLOAT, ZADDRESS VARCHAR, ZNAME VARCHAR,
		ZSERVICE_PROVIDER VARCHAR, ZUNIQUE_ID VARCHAR)`}
	for _, c := range calls {
		stmts = append(stmts, `INSERT INTO ZCALLRECORD (ZDATE, ZDURATION, ZORIGINATED, ZANSWERED, ZADDRESS, ZCALLTYPE, ZSERVICE_PROVIDER) VALUES (`+c+`)`)
	}
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestImportCallHistory reads an iPhone's call history: phone and
// FaceTime calls, strangers counted, the file never changed.
func TestImportCallHistory(t *testing.T) {
	h := logHarness(t)
	dir := t.TempDir()
	cd := t0 - 978307200 // Core Data seconds count from 2001
	path := callHistoryFile(t, dir,
		fmt.Sprintf(`%d.4, 125.2, 0, 1, '+49 170 1234567', 1, 'com.apple.Telephony'`, cd),
		fmt.Sprintf(`%d, 0, 0, 0, X'2B343931373031323334353637', 1, 'com.apple.Telephony'`, cd+3600),
		fmt.Sprintf(`%d, 0, 1, 0, '0170 1234567', 1, 'com.apple.Telephony'`, cd+7200),
		fmt.Sprintf(`%d, 600, 1, 1, 'ben@example.org', 8, 'com.apple.FaceTime'`, cd+10800),
		fmt.Sprintf(`%d, 60, 1, 1, '+49 30 8887776', 1, 'com.apple.Telephony'`, cd+14400),
		fmt.Sprintf(`'soon', 60, 1, 1, '+49 30 8887776', 1, 'com.apple.Telephony'`),
	)
	before, _ := os.ReadFile(path)
	h.ok("import", "calls", path, "--dry-run")
	h.ok("import", "calls", path)
	h.ok("import", "calls", dir)
	data, _ := os.ReadFile(path)
	h.runIn(string(data), "import", "calls", "-", "--json")
	h.run("import", "messages", path)
	other := filepath.Join(dir, "other.db")
	db, _ := sql.Open("sqlite", "file:"+other)
	db.Exec(`CREATE TABLE notes (id INTEGER, body TEXT)`)
	db.Close()
	h.run("import", "calls", other)
	h.run("import", "calls", other, "--format", "ios-calls")
	h.run("import", "calls", writeFile(t, dir, "cut.storedata", string(before[:len(before)/3])), "--format", "ios")
	h.ok("history")
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the call history changed")
	}
	compareGolden(t, "import_callhistory", strings.ReplaceAll(h.transcript.String(), dir, "$DIR"))
}

// TestImportGVoice reads a Takeout Voice folder: its calls with import
// calls, its texts with import messages, each passing over the other.
func TestImportGVoice(t *testing.T) {
	h := logHarness(t)
	dir := t.TempDir()
	voice := filepath.Join(dir, "Takeout", "Voice", "Calls")
	os.MkdirAll(voice, 0o700)
	writeFile(t, voice, "Ana Lima - Received - 2026-11-20T18_00_00Z.html", gvoiceCallFile("Received call from", "+491701234567", "Ana Lima",
		"2026-11-20T19:00:00.000+01:00", "PT2M5S", "received", ""))
	writeFile(t, voice, "Ana Lima - Voicemail - 2026-11-21T18_00_00Z.html", gvoiceCallFile("Voicemail from", "+491701234567", "Ana Lima",
		"2026-11-21T19:00:00.000+01:00", "PT20S", "voicemail", ""))
	writeFile(t, voice, " - Placed - 2026-11-22T18_00_00Z.html", gvoiceCallFile("Placed call to", "", "", "2026-11-22T18:00:00Z", "PT1S", "placed", ""))
	writeFile(t, voice, "Ben Okafor - Recorded - 2026-11-22T18_00_00Z.html", gvoiceCallFile("Recorded call with", "+491512345678", "Ben Okafor",
		"2026-11-22T19:00:00.000+01:00", "PT20M", "recorded", ""))
	writeFile(t, voice, "Ben Okafor - Text - 2026-11-23T08_00_00Z.html", gvoiceTextFile("Ben Okafor",
		gvoiceMessage("2026-11-23T09:00:00.000+01:00", "+491512345678", "Ben Okafor", "hi"),
		gvoiceMessage("2026-11-23T09:01:00.000+01:00", "+491512345678", "Ben Okafor", "there"),
		gvoiceMessage("2026-11-23T09:05:00.000+01:00", "+491709999", "", "hello")))
	writeFile(t, dir, "Takeout/archive_browser.html", "<html><body>Takeout</body></html>")
	h.ok("import", "calls", filepath.Join(dir, "Takeout"), "--dry-run")
	h.ok("import", "calls", filepath.Join(dir, "Takeout"))
	h.ok("import", "calls", voice)
	h.ok("import", "messages", voice)
	h.ok("import", "messages", filepath.Join(voice, "Ben Okafor - Text - 2026-11-23T08_00_00Z.html"))
	h.run("import", "messages", filepath.Join(voice, "Ana Lima - Received - 2026-11-20T18_00_00Z.html"))
	h.run("import", "calls", filepath.Join(dir, "Takeout", "archive_browser.html"), "--format", "gvoice")
	h.ok("history")
	compareGolden(t, "import_gvoice", strings.ReplaceAll(h.transcript.String(), dir, "$DIR"))
}

// TestImportLogsRefused: input that is not what it claims is refused with
// exit 2 and one line, and nothing is written.
func TestImportLogsRefused(t *testing.T) {
	h := logHarness(t)
	dir := t.TempDir()
	good := call("01701234567", t0, 1, 60)
	for _, tc := range []struct {
		name, kind, file, body string
		args                   []string
		want                   string
	}{
		{"random text", "calls", "x.txt", "hello there\n", nil, "not a call log tend can read"},
		{"messages given to calls", "calls", "sms.xml", sbrSMS(sms("0170", t0, 1, "x")), nil, "read it with tend import messages"},
		{"calls given to messages", "messages", "calls.xml", sbrCalls(good), nil, "read it with tend import calls"},
		{"truncated XML after a good record", "calls", "t.xml", "<calls count=\"2\">\n" + good + "\n<call number=\"1\" date=\"1", nil, "broken XML"},
		{"Termux error object", "calls", "e.json", `{"error": "Call log is no longer permitted by Google"}`, nil, "printed an error"},
		{"Termux broken JSON", "calls", "b.json", `[{"phone_number": "0170", "type": "INCOMING", "date": "2026-11-20 18:00:00", "duration": "00:10"}, {`, nil, "broken JSON"},
		{"Telegram not JSON", "messages", "result.json", `{"name": "Ana", "type": "personal_chat", "id": 1, "messages": [nope]}`, nil, "broken JSON"},
		{"WhatsApp with two strangers", "messages", "chat.txt", "20/11/2026, 19:02 - Q: a\n20/11/2026, 19:03 - R: b\n", nil, "--me"},
		{"forced format that does not fit", "calls", "calls.xml", sbrCalls(good), []string{"--format", "termux"}, "not termux-call-log output"},
		{"unknown format", "calls", "calls.xml", sbrCalls(good), []string{"--format", "whatsapp"}, "unknown format"},
		{"bad region", "calls", "calls.xml", sbrCalls(good), []string{"--region", "XX"}, "not a region"},
		{"empty", "calls", "empty.xml", "", nil, "the input is empty"},
		{"only space", "messages", "space.json", " \n", nil, "the input is empty"},
		{"zip without a chat", "messages", "chat.zip", "PK\x03\x04 broken", nil, "zip"},
		{"not Voice, read as Voice", "calls", "index.html", "<html><body><p>hi</p></body></html>", []string{"--format", "gvoice"}, "not a Google Voice call"},
		{"Messenger cut short", "messages", "message_1.json", `{"participants": [{"name": "Q"}], "messages": [{"sender_name": "Q", "timestamp_ms": 1700000000000}, {`, nil, "broken JSON"},
		{"Messenger with two strangers", "messages", "message_2.json", `{"messages": [{"sender_name": "Q", "timestamp_ms": 1700000000000}, {"sender_name": "R", "timestamp_ms": 1700000000000}]}`, nil, "--me"},
		{"Messenger participants not a list", "messages", "message_3.json", `{"participants": 7, "messages": [], "timestamp_ms": 1}`, []string{"--format", "facebook"}, "wrong kind of value"},
		{"text read as a call history", "calls", "t.storedata", "hello", []string{"--format", "ios-calls"}, "not a SQLite database"},
		{"a SQLite header and noise", "calls", "n.storedata", "SQLite format 3\x00" + strings.Repeat("\xff", 5000), nil, "not an iOS call history"},
	} {
		f := writeFile(t, dir, tc.file, tc.body)
		r := h.run(append([]string{"import", tc.kind, f}, tc.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
			t.Errorf("%s: exit %d, stderr %q; want exit 2 and one line with %q", tc.name, r.code, r.stderr, tc.want)
		}
	}
	if n := len(historyJSON(t, h)); n != 0 {
		t.Errorf("refused imports wrote %d interactions", n)
	}
}

// TestImportLogsHostileNames: a name in a file with control characters, as
// a reference or raw, neither refuses the file nor reaches the terminal.
func TestImportLogsHostileNames(t *testing.T) {
	h := logHarness(t)
	f := writeFile(t, t.TempDir(), "calls.xml", sbrCalls(
		`  <call number="030 1234567" duration="5" date="1795197600000" type="1" contact_name="Evil&#27;[31mRED&#10;second`+"\x07"+`" />`,
		call("01701234567", t0, 1, 60),
	))
	out := h.ok("import", "calls", f, "--dry-run").stdout
	if strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, "Evil") || !strings.Contains(out, "1 new") {
		t.Errorf("dry run output:\n%q", out)
	}
}

// TestImportRegionFromTheSettings: with no --region, the settings file's
// region reads a national number, before the locale's.
func TestImportRegionFromTheSettings(t *testing.T) {
	h := newHarness(t)
	h.env = append(h.env, "LANG=en_US.UTF-8")
	h.ok("add", "Ana Lima", "--phone", "+49 170 1234567")
	writeConfig(h, "region = \"DE\"\n")
	dir := t.TempDir()
	calls := writeFile(t, dir, "calls-1.xml", sbrCalls(call("0170 1234567", t0, 1, 125)))
	out := h.ok("import", "calls", calls).stdout
	if !strings.Contains(out, "numbers read in region DE (from the settings file)") || !strings.Contains(out, "1 new") {
		t.Errorf("import with region DE in the settings:\n%s", out)
	}
}

// TestAChatNameThatIsAnAlias: the partner of a chat is found by an alias
// the user gave them, but the user's own name in the chat ("Sam"), which
// is someone's alias, does not make that someone the partner: tend asks
// who the user is, as it did before aliases counted.
func TestAChatNameThatIsAnAlias(t *testing.T) {
	h := newHarness(t)
	h.ok("add", "Samantha Reyes", "--alias", "Sam")
	chat := writeFile(t, t.TempDir(), "chat.txt", "11/20/26, 12:00 - Sam: Hi Ben\n11/20/26, 12:01 - Ben: hey Sam\n11/21/26, 09:00 - Sam: lunch?\n")
	if r := h.run("import", "messages", chat); r.code != exitUsage || !strings.Contains(r.stderr, "--me") {
		t.Errorf("a chat of Sam and Ben, Sam an alias: exit %d, stderr %q; want tend to ask who the user is", r.code, r.stderr)
	}
	h.ok("import", "messages", chat, "--me", "Ben")
	hist := historyJSON(t, h)
	if len(hist) != 3 || fmt.Sprint(hist[0]["names"]) != "[Samantha Reyes]" || hist[1]["direction"] != "out" {
		t.Errorf("history = %v, want three touches with Samantha (hers, Ben's, hers), found by her alias", hist)
	}
}
