package phonelog

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"modernc.org/sqlite"
)

// sqliteLimitLength is SQLITE_LIMIT_LENGTH, the longest string or blob.
const sqliteLimitLength = 0

var sqliteMagic = []byte("SQLite format 3\x00")

// IsSQLite reports whether the start of a file is that of a SQLite database.
func IsSQLite(head []byte) bool { return bytes.HasPrefix(head, sqliteMagic) }

// coreDataEpoch is 2001-01-01T00:00:00Z in Unix seconds: Core Data counts
// its dates from there.
const coreDataEpoch = 978307200

// callHistoryMax bounds a call history read from a pipe into a temporary
// file; a phone's is a few megabytes.
const callHistoryMax = 1 << 30

// ReadCallHistory reads CallHistory.storedata, the Core Data SQLite file in
// which iOS and macOS keep the calls of the phone, FaceTime and apps that
// ring like the phone (table ZCALLRECORD). The file is opened read-only
// and immutable, so nothing is ever written to it or beside it; when a
// -wal file lies beside it (a Mac's live copy), both are copied to a
// temporary folder first, so the calls only the -wal holds are read too.
func ReadCallHistory(r io.Reader, opts Options, emit Emit) error {
	path, done, err := callHistoryPath(r)
	if err != nil {
		return err
	}
	defer done()
	head := make([]byte, len(sqliteMagic))
	f, err := os.Open(path)
	if err != nil {
		return refuse("", "cannot open the call history: %s", plainOSError(err))
	}
	n, _ := io.ReadFull(f, head)
	f.Close()
	if !IsSQLite(head[:n]) {
		return refuse("", "not an iOS call history: not a SQLite database")
	}
	// A relative path would be read as the URI's host.
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	q := url.Values{}
	q.Set("mode", "ro")
	if !strings.HasSuffix(filepath.Dir(path), ".tend-callhistory") {
		q.Set("immutable", "1")
	}
	q.Add("_pragma", "query_only(1)")
	// No function the file's schema names may do more than compute.
	q.Add("_pragma", "trusted_schema(0)")
	db, err := sql.Open("sqlite", u.String()+"?"+q.Encode())
	if err != nil {
		return refuse("", "cannot open the call history")
	}
	defer db.Close()
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		return refuse("", "cannot open the call history")
	}
	defer conn.Close()
	// A value SQLite makes while reading (a hostile file's computed
	// column) may not grow past this: iOS writes a few bytes a field.
	if _, err := sqlite.Limit(conn, sqliteLimitLength, 1<<20); err != nil {
		return refuse("", "cannot open the call history")
	}

	cols, err := callColumns(ctx, conn)
	if err != nil {
		return err
	}
	if !cols["ZDATE"] {
		return refuse("", "not an iOS call history: its ZCALLRECORD table has no ZDATE column")
	}
	wanted := []string{"Z_PK", "ZDATE", "ZDURATION", "ZORIGINATED", "ZANSWERED", "ZADDRESS", "ZNAME", "ZCALLTYPE", "ZSERVICE_PROVIDER", "ZCALL_CATEGORY"}
	sel := make([]string, len(wanted))
	for i, c := range wanted {
		sel[i] = "NULL"
		if cols[c] {
			sel[i] = `"` + c + `"`
		}
	}
	rows, err := conn.QueryContext(ctx, `SELECT `+strings.Join(sel, ", ")+` FROM "ZCALLRECORD"`)
	if err != nil {
		return refuse("", "the call history cannot be read: it is damaged or cut short")
	}
	defer rows.Close()
	n = 0
	for rows.Next() {
		n++
		v := make([]any, len(wanted))
		ptrs := make([]any, len(wanted))
		for i := range v {
			ptrs[i] = &v[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return refuse(fmt.Sprintf("row %d", n), "the call history cannot be read: it is damaged")
		}
		where := fmt.Sprintf("row %d", n)
		if pk, ok := sqlNumber(v[0]); ok {
			where = fmt.Sprintf("call Z_PK %d", int64(pk))
		}
		rec, why := callRecord(v[1:])
		if why != "" {
			opts.skip(where, "%s", why)
			continue
		}
		rec.Where = where
		if err := emit(rec); err != nil {
			return err
		}
	}
	if rows.Err() != nil {
		return refuse(fmt.Sprintf("row %d", n+1), "the call history cannot be read further: it is damaged or cut short")
	}
	return nil
}

// callColumns checks the database is a call history and names the columns
// of its table of calls.
func callColumns(ctx context.Context, db *sql.Conn) (map[string]bool, error) {
	var name string
	err := db.QueryRowContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' AND upper(name) = 'ZCALLRECORD'`).Scan(&name)
	switch {
	case err == sql.ErrNoRows:
		return nil, refuse("", "a SQLite database, but not an iOS call history (it has no ZCALLRECORD table)")
	case err != nil:
		return nil, refuse("", "the call history cannot be read: it is damaged, cut short or not SQLite")
	}
	// table_xinfo names computed columns too (hidden 2 and 3): Core Data
	// never makes them, and reading one runs whatever it computes.
	rows, err := db.QueryContext(ctx, `SELECT upper(name), hidden FROM pragma_table_xinfo('`+name+`')`)
	if err != nil {
		return nil, refuse("", "the call history cannot be read: it is damaged or cut short")
	}
	defer rows.Close()
	cols := map[string]bool{}
	for rows.Next() {
		var c string
		var hidden int
		if rows.Scan(&c, &hidden) != nil {
			continue
		}
		if hidden == 2 || hidden == 3 {
			return nil, refuse("", "not an iOS call history: its column %s is computed, which Core Data never writes", clipName(c))
		}
		cols[c] = hidden == 0
	}
	if rows.Err() != nil {
		return nil, refuse("", "the call history cannot be read: it is damaged or cut short")
	}
	return cols, nil
}

// callRecord reads one row: date, duration, originated, answered, address,
// name, call type, service provider, call category, each as SQLite gave it
// (a number, text, a blob or NULL, whatever the column's declared type).
func callRecord(v []any) (Record, string) {
	date, duration, originated, answered, address, name, callType, provider, category := v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]
	var rec Record
	d, ok := sqlNumber(date)
	if !ok {
		return rec, fmt.Sprintf("ZDATE %s is not a time", sqlShow(date))
	}
	at, ok := coreDataTime(d)
	if !ok {
		return rec, fmt.Sprintf("ZDATE %s is not a time a phone could log", sqlShow(date))
	}
	rec.At = at
	secs := 0.0
	if duration != nil {
		if secs, ok = sqlNumber(duration); !ok || secs < 0 || secs > 1<<30 {
			return rec, fmt.Sprintf("ZDURATION %s is not a length of time", sqlShow(duration))
		}
	}
	out, ok := sqlNumber(originated)
	if !ok {
		return rec, fmt.Sprintf("ZORIGINATED %s says no direction", sqlShow(originated))
	}
	rec.In = out == 0
	isAnswered := secs > 0
	if a, ok := sqlNumber(answered); ok {
		isAnswered = a != 0
	}
	rec.Kind = Missed
	if isAnswered {
		rec.Kind, rec.Seconds = Answered, int(math.Round(secs))
	}
	addr := sqlText(address)
	addr = strings.TrimSuffix(strings.TrimPrefix(addr, "b'"), "'") // a Python-quoted blob, as some tools rewrote it
	if strings.Contains(addr, "@") {
		rec.Email = addr
	} else {
		rec.Number = addr
	}
	rec.Name = sqlText(name)
	rec.App, rec.Video = callApp(callType, provider, category)
	return rec, ""
}

// coreDataTime turns Core Data seconds into a time in UTC.
func coreDataTime(d float64) (time.Time, bool) {
	if math.IsNaN(d) || math.IsInf(d, 0) || math.Abs(d) > 1e11 {
		return time.Time{}, false
	}
	sec, frac := math.Modf(d)
	t := time.Unix(int64(sec)+coreDataEpoch, int64(frac*1e9)).UTC()
	return t, plausible(t)
}

// callApp tells the channel of a call: ZCALL_CATEGORY (newer: 1 audio, 2
// video) before ZCALLTYPE (1 phone, 8 FaceTime video, 16 FaceTime audio,
// 0 an app), and the provider's bundle id for the app.
func callApp(callType, provider, category any) (string, bool) {
	p := strings.ToLower(sqlText(provider))
	t, hasType := sqlNumber(callType)
	c, hasCategory := sqlNumber(category)
	video := hasCategory && c == 2 || !hasCategory && hasType && t == 8
	switch {
	case strings.Contains(p, "facetime"), p == "" && hasType && (t == 8 || t == 16):
		return "FaceTime", video
	case strings.Contains(p, "whatsapp"):
		return "WhatsApp", video
	case strings.Contains(p, "telegra"):
		return "Telegram", video
	case strings.Contains(p, "facebook"), strings.Contains(p, "messenger"):
		return "Messenger", video
	}
	return "phone", video
}

// sqlNumber reads a number SQLite gave as an integer, a real, or text or a
// blob holding one.
func sqlNumber(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, !math.IsNaN(x) && !math.IsInf(x, 0)
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case []byte, string:
		s := strings.TrimSpace(sqlText(x))
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
	}
	return 0, false
}

// sqlText reads text SQLite gave as text, a blob of UTF-8 bytes or a
// number.
func sqlText(v any) string {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case []byte:
		s = string(x)
	case int64:
		s = strconv.FormatInt(x, 10)
	case float64:
		s = strconv.FormatFloat(x, 'f', -1, 64)
	}
	if len(s) > 256 {
		s = s[:256]
	}
	return strings.TrimSpace(strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", ""), "\ufffd"))
}

func sqlShow(v any) string {
	if v == nil {
		return "(empty)"
	}
	s := sqlText(v)
	if !utf8.ValidString(s) {
		s = "?"
	}
	return strconv.Quote(clipName(s))
}

// callHistoryPath gives a path SQLite can open for what r reads: the file
// itself, a copy beside its -wal in a temporary folder, or the bytes of a
// pipe in a temporary file. done removes what was made.
func callHistoryPath(r io.Reader) (string, func(), error) {
	nothing := func() {}
	if f, ok := r.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			path := f.Name()
			wal, err := os.Stat(path + "-wal")
			if err != nil || !wal.Mode().IsRegular() || wal.Size() == 0 {
				return path, nothing, nil
			}
			dir, err := os.MkdirTemp("", "*.tend-callhistory")
			if err != nil {
				return "", nothing, refuse("", "cannot make a temporary copy of the call history: %s", plainOSError(err))
			}
			done := func() { os.RemoveAll(dir) }
			copyPath := filepath.Join(dir, "CallHistory.storedata")
			for _, suffix := range []string{"", "-wal"} {
				if err := copyFile(path+suffix, copyPath+suffix); err != nil {
					done()
					return "", nothing, refuse("", "cannot make a temporary copy of the call history: %s", plainOSError(err))
				}
			}
			return copyPath, done, nil
		}
	}
	tmp, err := os.CreateTemp("", "tend-callhistory-*.storedata")
	if err != nil {
		return "", nothing, refuse("", "cannot make a temporary copy of the call history: %s", plainOSError(err))
	}
	done := func() { tmp.Close(); os.Remove(tmp.Name()) }
	n, err := io.Copy(tmp, io.LimitReader(r, callHistoryMax+1))
	if err == nil {
		err = tmp.Close()
	}
	if err != nil {
		done()
		return "", nothing, refuse("", "cannot make a temporary copy of the call history: %s", plainOSError(err))
	}
	if n > callHistoryMax {
		done()
		return "", nothing, refuse("", "not an iOS call history: larger than %d GB", callHistoryMax>>30)
	}
	return tmp.Name(), done, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// plainOSError is an operating system's error without the path it
// repeats.
func plainOSError(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
