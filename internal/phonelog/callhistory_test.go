package phonelog

import (
	"bytes"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// callHistorySchema is ZCALLRECORD as recent iOS writes it, cut to what
// is read and a few columns beside.
const callHistorySchema = `CREATE TABLE ZCALLRECORD (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER,
	ZANSWERED INTEGER, ZCALLTYPE INTEGER, ZCALL_CATEGORY INTEGER, ZORIGINATED INTEGER, ZREAD INTEGER,
	ZDATE TIMESTAMP, ZDURATION FLOAT, ZADDRESS VARCHAR, ZISO_COUNTRY_CODE VARCHAR, ZLOCATION VARCHAR,
	ZNAME VARCHAR, ZSERVICE_PROVIDER VARCHAR, ZUNIQUE_ID VARCHAR);
CREATE TABLE Z_PRIMARYKEY (Z_ENT INTEGER PRIMARY KEY, Z_NAME VARCHAR, Z_SUPER INTEGER, Z_MAX INTEGER);
CREATE TABLE Z_METADATA (Z_VERSION INTEGER PRIMARY KEY, Z_UUID VARCHAR(255), Z_PLIST BLOB)`

// makeCallHistory writes a SQLite file of the schema and statements given.
func makeCallHistory(t *testing.T, schema string, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "CallHistory.storedata")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range append(strings.Split(schema, ";"), stmts...) {
		if strings.TrimSpace(s) == "" {
			continue
		}
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return path
}

// 2026-11-20T18:00:00Z in Core Data seconds.
const cd0 = 1795197600 - coreDataEpoch

func readCallHistoryFile(t *testing.T, path string) (string, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []string
	opts := Options{Skip: func(w, r string) { got = append(got, "skip "+w+": "+r) }}
	err = ReadCallHistory(f, opts, func(r Record) error {
		if r.At.Location() != time.UTC || r.Where == "" {
			t.Errorf("record %+v", r)
		}
		got = append(got, fmt.Sprintf("%s %s in=%v video=%v %ds num=%q email=%q name=%q %s", r.At.Format(time.RFC3339Nano), r.Kind, r.In, r.Video, r.Seconds, r.Number, r.Email, r.Name, r.App))
		return nil
	})
	return strings.Join(got, "\n"), err
}

func TestReadCallHistory(t *testing.T) {
	t.Parallel()
	ins := func(values string) string {
		return `INSERT INTO ZCALLRECORD (Z_PK, ZDATE, ZDURATION, ZORIGINATED, ZANSWERED, ZADDRESS, ZNAME, ZCALLTYPE, ZSERVICE_PROVIDER, ZCALL_CATEGORY) VALUES (` + values + `)`
	}
	for _, c := range []struct {
		name string
		rows []string
		want string
	}{
		{"phone calls both ways, answered and not", []string{
			ins(fmt.Sprintf(`1, %d.25, 125.6, 0, 1, '+1 (555) 010-0100', 'Ana', 1, 'com.apple.Telephony', 1`, cd0)),
			ins(fmt.Sprintf(`2, %d, 0, 0, 0, '+15550100100', NULL, 1, 'com.apple.Telephony', 1`, cd0+60)),
			ins(fmt.Sprintf(`3, %d, 0, 1, 0, '0170 1234567', NULL, 1, 'com.apple.Telephony', NULL`, cd0+120)),
		}, "2026-11-20T18:00:00.25Z call in=true video=false 126s num=\"+1 (555) 010-0100\" email=\"\" name=\"Ana\" phone\n" +
			"2026-11-20T18:01:00Z missed call in=true video=false 0s num=\"+15550100100\" email=\"\" name=\"\" phone\n" +
			"2026-11-20T18:02:00Z missed call in=false video=false 0s num=\"0170 1234567\" email=\"\" name=\"\" phone"},
		{"FaceTime video and audio, by category, type and provider", []string{
			ins(fmt.Sprintf(`1, %d, 60, 1, 1, 'ana@example.org', NULL, 8, 'com.apple.FaceTime', 2`, cd0)),
			ins(fmt.Sprintf(`2, %d, 60, 1, 1, 'ana@example.org', NULL, 16, 'com.apple.FaceTime', 1`, cd0+60)),
			ins(fmt.Sprintf(`3, %d, 60, 1, 1, '+15550100100', NULL, 8, NULL, NULL`, cd0+120)),
			ins(fmt.Sprintf(`4, %d, 60, 1, 1, '+15550100100', NULL, 0, 'net.whatsapp.WhatsApp', 2`, cd0+180)),
		}, "2026-11-20T18:00:00Z call in=false video=true 60s num=\"\" email=\"ana@example.org\" name=\"\" FaceTime\n" +
			"2026-11-20T18:01:00Z call in=false video=false 60s num=\"\" email=\"ana@example.org\" name=\"\" FaceTime\n" +
			"2026-11-20T18:02:00Z call in=false video=true 60s num=\"+15550100100\" email=\"\" name=\"\" FaceTime\n" +
			"2026-11-20T18:03:00Z call in=false video=true 60s num=\"+15550100100\" email=\"\" name=\"\" WhatsApp"},
		{"the address as a blob, numbers as text", []string{
			ins(fmt.Sprintf(`1, '%d', '61', '1', '1', X'2B31353535303130303130', X'416E61', '1', NULL, NULL`, cd0)),
			ins(fmt.Sprintf(`2, %d, 5, 1, 1, X'62272B3135353530313030313027', NULL, 1, NULL, NULL`, cd0)),
		}, "2026-11-20T18:00:00Z call in=false video=false 61s num=\"+1555010010\" email=\"\" name=\"Ana\" phone\n" +
			"2026-11-20T18:00:00Z call in=false video=false 5s num=\"+1555010010\" email=\"\" name=\"\" phone"},
		{"hostile rows are skipped with their key", []string{
			ins(`1, NULL, 1, 1, 1, '+1', NULL, 1, NULL, NULL`),
			ins(`2, 'yesterday', 1, 1, 1, '+1', NULL, 1, NULL, NULL`),
			ins(`3, -1e12, 1, 1, 1, '+1', NULL, 1, NULL, NULL`),
			ins(`4, 1e300, 1, 1, 1, '+1', NULL, 1, NULL, NULL`),
			ins(fmt.Sprintf(`5, %d, 'long', 1, 1, '+1', NULL, 1, NULL, NULL`, cd0)),
			ins(fmt.Sprintf(`6, %d, -5, 1, 1, '+1', NULL, 1, NULL, NULL`, cd0)),
			ins(fmt.Sprintf(`7, %d, 5, NULL, 1, '+1', NULL, 1, NULL, NULL`, cd0)),
			ins(fmt.Sprintf(`8, %d, 5, 'out', 1, '+1', NULL, 1, NULL, NULL`, cd0)),
			ins(fmt.Sprintf(`9, %d, 5, 1, NULL, NULL, NULL, NULL, NULL, NULL`, cd0)),
			ins(fmt.Sprintf(`10, %d, 5, 1, 'yes', X'FF00FE', X'FFFE', 'x', 42, 'y'`, cd0)),
		}, "skip call Z_PK 1: ZDATE (empty) is not a time\n" +
			"skip call Z_PK 2: ZDATE \"yesterday\" is not a time\n" +
			"skip call Z_PK 3: ZDATE \"-1000000000000\" is not a time a phone could log\n" +
			"skip call Z_PK 4: ZDATE \"100000000000000000000000000000…\" is not a time a phone could log\n" +
			"skip call Z_PK 5: ZDURATION \"long\" is not a length of time\n" +
			"skip call Z_PK 6: ZDURATION \"-5\" is not a length of time\n" +
			"skip call Z_PK 7: ZORIGINATED (empty) says no direction\n" +
			"skip call Z_PK 8: ZORIGINATED \"out\" says no direction\n" +
			"2026-11-20T18:00:00Z call in=false video=false 5s num=\"\" email=\"\" name=\"\" phone\n" +
			"2026-11-20T18:00:00Z call in=false video=false 5s num=\"\ufffd\" email=\"\" name=\"\ufffd\" phone"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := readCallHistoryFile(t, makeCallHistory(t, callHistorySchema, c.rows...))
			if err != nil {
				got += "\nrefused: " + err.Error()
			}
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestCallHistoryRefused(t *testing.T) {
	t.Parallel()
	good := makeCallHistory(t, callHistorySchema, fmt.Sprintf(`INSERT INTO ZCALLRECORD (Z_PK, ZDATE, ZORIGINATED) VALUES (1, %d, 1)`, cd0))
	data, _ := os.ReadFile(good)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o600)
		return p
	}
	for _, c := range []struct{ name, path, want string }{
		{"another SQLite database", makeCallHistory(t, `CREATE TABLE people (id INTEGER, name TEXT)`), "a SQLite database, but not an iOS call history (it has no ZCALLRECORD table)"},
		{"a call table without dates", makeCallHistory(t, `CREATE TABLE ZCALLRECORD (Z_PK INTEGER PRIMARY KEY, ZADDRESS TEXT)`), "its ZCALLRECORD table has no ZDATE column"},
		{"a computed column", makeCallHistory(t, `CREATE TABLE ZCALLRECORD (Z_PK INTEGER PRIMARY KEY, ZDATE TIMESTAMP, ZORIGINATED INTEGER, ZADDRESS AS (printf('%.*c', 2000000, 'x')))`,
			fmt.Sprintf(`INSERT INTO ZCALLRECORD (Z_PK, ZDATE, ZORIGINATED) VALUES (1, %d, 1)`, cd0)), "its column ZADDRESS is computed"},
		{"a stored address of 2 MB", makeCallHistory(t, callHistorySchema,
			fmt.Sprintf(`INSERT INTO ZCALLRECORD (Z_PK, ZDATE, ZORIGINATED, ZADDRESS) VALUES (1, %d, 1, zeroblob(2000000))`, cd0)), "cannot be read"},
		{"not SQLite", write("text", []byte("hello, not a database")), "not an iOS call history: not a SQLite database"},
		{"empty", write("empty", nil), "not a SQLite database"},
		{"cut to its header", write("header", data[:100]), "cannot be read"},
		{"cut short", write("short", data[:len(data)/2]), "cannot be read"},
		{"the header then noise", write("noise", append(append([]byte{}, data[:16]...), bytes.Repeat([]byte{0xff}, 8192)...)), "cannot be read"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := readCallHistoryFile(t, c.path)
			if _, ok := err.(*InputError); !ok || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") || strings.Contains(strings.ToLower(err.Error()), "sqlite_") {
				t.Errorf("got %q, error %v; want an *InputError with %q", got, err, c.want)
			}
		})
	}
}

// TestCallHistoryUntouched: the file is opened read-only and immutable:
// not a byte of it changes, nothing is made beside it, and a file that is
// read-only, in a read-only folder, or locked by a writer is read all
// the same.
func TestCallHistoryUntouched(t *testing.T) {
	t.Parallel()
	path := makeCallHistory(t, callHistorySchema, fmt.Sprintf(`INSERT INTO ZCALLRECORD (Z_PK, ZDATE, ZORIGINATED, ZANSWERED, ZDURATION, ZADDRESS) VALUES (1, %d, 1, 1, 60, '+1555')`, cd0))
	// A writer holds the file's exclusive lock, as the phone's call
	// service would.
	lock, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	lock.SetMaxOpenConns(1)
	if _, err := lock.Exec(`BEGIN EXCLUSIVE`); err != nil {
		t.Fatal(err)
	}
	if _, err := lock.Exec(`UPDATE ZCALLRECORD SET ZNAME = NULL`); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	os.Chmod(path, 0o400)
	os.Chmod(filepath.Dir(path), 0o500)
	defer os.Chmod(filepath.Dir(path), 0o700)
	entriesBefore, _ := os.ReadDir(filepath.Dir(path))
	got, err := readCallHistoryFile(t, path)
	if err != nil || !strings.Contains(got, "call in=false") {
		t.Errorf("got %q, %v", got, err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the call history changed")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != len(entriesBefore) {
		t.Errorf("files beside the call history: %v", entries)
	}
}

// TestCallHistoryWAL: the calls a Mac's live -wal holds are read, from a
// copy; the file and its -wal stay as they were.
func TestCallHistoryWAL(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "CallHistory.storedata")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(wal)")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	for _, s := range append(strings.Split(callHistorySchema, ";"), `PRAGMA wal_autocheckpoint=0`,
		fmt.Sprintf(`INSERT INTO ZCALLRECORD (Z_PK, ZDATE, ZORIGINATED, ZANSWERED, ZDURATION, ZADDRESS) VALUES (1, %d, 1, 1, 60, '+1555')`, cd0)) {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	// The process that writes it is still running: the -wal stays.
	defer db.Close()
	wal, err := os.ReadFile(path + "-wal")
	if err != nil || len(wal) == 0 {
		t.Skipf("no -wal to read (%v)", err)
	}
	main, _ := os.ReadFile(path)
	got, err := readCallHistoryFile(t, path)
	if err != nil || !strings.Contains(got, "num=\"+1555\"") {
		t.Errorf("the call in the -wal was not read: %q, %v", got, err)
	}
	main2, _ := os.ReadFile(path)
	wal2, _ := os.ReadFile(path + "-wal")
	if !bytes.Equal(main, main2) || !bytes.Equal(wal, wal2) {
		t.Error("the call history or its -wal changed")
	}
}

// TestCallHistoryRelativePath: a file named relative to the working
// folder (tend import calls CallHistory.storedata), with the characters a
// URI gives meaning to in its name.
func TestCallHistoryRelativePath(t *testing.T) {
	path := makeCallHistory(t, callHistorySchema, fmt.Sprintf(`INSERT INTO ZCALLRECORD (Z_PK, ZDATE, ZORIGINATED) VALUES (1, %d, 0)`, cd0))
	t.Chdir(filepath.Dir(path))
	for _, name := range []string{"CallHistory.storedata", "a b?c#d%20e&mode=rw.storedata"} {
		if name != "CallHistory.storedata" {
			if err := os.Rename("CallHistory.storedata", name); err != nil {
				t.Fatal(err)
			}
		}
		got, err := readCallHistoryFile(t, name)
		if err != nil || !strings.Contains(got, "missed call in=true") {
			t.Errorf("%s: %q, %v", name, got, err)
		}
	}
}

// TestCallHistoryFromAPipe: standard input is copied to a temporary file,
// read, and removed.
func TestCallHistoryFromAPipe(t *testing.T) {
	t.Parallel()
	path := makeCallHistory(t, callHistorySchema, fmt.Sprintf(`INSERT INTO ZCALLRECORD (Z_PK, ZDATE, ZORIGINATED) VALUES (1, %d, 0)`, cd0))
	data, _ := os.ReadFile(path)
	n := 0
	if err := ReadCallHistory(bytes.NewReader(data), Options{}, func(Record) error { n++; return nil }); err != nil || n != 1 {
		t.Errorf("%v, %d records", err, n)
	}
	if Detect(data[:min(len(data), 64<<10)]) != IOSCalls {
		t.Error("the call history is not detected")
	}
	other, _ := os.ReadFile(makeCallHistory(t, `CREATE TABLE people (id INTEGER)`))
	if Detect(other) != "" || !IsSQLite(other) {
		t.Error("another SQLite file is taken for a call history")
	}
}

func TestCoreDataTime(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   float64
		want string
	}{
		{0, "2001-01-01T00:00:00Z"},
		{cd0, "2026-11-20T18:00:00Z"},
		{cd0 + 0.5, "2026-11-20T18:00:00.5Z"},
		{-978307200, "1970-01-01T00:00:00Z"},
		{-978307201, ""},
		{7e9, ""},
		{1e20, ""},
	} {
		got, ok := coreDataTime(c.in)
		s := ""
		if ok {
			s = got.Format(time.RFC3339Nano)
		}
		if s != c.want {
			t.Errorf("coreDataTime(%v) = %q; want %q", c.in, s, c.want)
		}
	}
}

// TestCallHistoryMutated reads a thousand call histories with bytes
// changed at random (the fuzzer's engine is slow on SQLite's code): no
// panic, no error but an *InputError of one line, no record not whole.
func TestCallHistoryMutated(t *testing.T) {
	t.Parallel()
	seed, _ := os.ReadFile(makeCallHistory(t, "PRAGMA page_size=512;"+callHistorySchema,
		fmt.Sprintf(`INSERT INTO ZCALLRECORD (Z_PK, ZDATE, ZDURATION, ZORIGINATED, ZANSWERED, ZADDRESS, ZNAME, ZCALLTYPE, ZCALL_CATEGORY) VALUES (1, %d.5, 61, 0, 1, X'2B31', 'Ana', 8, 2)`, cd0),
		fmt.Sprintf(`INSERT INTO ZCALLRECORD (Z_PK, ZDATE, ZORIGINATED, ZADDRESS) VALUES (2, %d, 1, 'ana@example.org')`, cd0)))
	r := rand.New(rand.NewPCG(1, 2))
	n := 1000
	if testing.Short() {
		n = 100
	}
	for range n {
		data := bytes.Clone(seed)
		for range 1 + r.IntN(8) {
			data[r.IntN(len(data))] = byte(r.IntN(256))
		}
		if r.IntN(10) == 0 {
			data = data[:r.IntN(len(data))]
		}
		fuzzRead(t, data, func(r *bytes.Reader, o Options, e Emit) error { return ReadCallHistory(r, o, e) })
	}
}

// TestCallHistoryOddWAL: a -wal beside the file that is a device or a
// folder is no -wal: it is not copied (a copy of /dev/zero never ends).
func TestCallHistoryOddWAL(t *testing.T) {
	t.Parallel()
	path := makeCallHistory(t, callHistorySchema, fmt.Sprintf(`INSERT INTO ZCALLRECORD (Z_PK, ZDATE, ZORIGINATED) VALUES (1, %d, 0)`, cd0))
	if err := os.Symlink("/dev/zero", path+"-wal"); err != nil {
		t.Skip(err)
	}
	got, err := readCallHistoryFile(t, path)
	if err != nil || !strings.Contains(got, "missed call") {
		t.Errorf("%q, %v", got, err)
	}
}
