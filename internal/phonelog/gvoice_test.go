package phonelog

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestGVoiceSamples reads every file of the real Takeout Voice folder and
// checks what came out against testdata/gvoice.golden.
func TestGVoiceSamples(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(corpus, "gvoice", "wjcarpenter", "Calls")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("the real Voice samples are not here (%s): %v", dir, err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	sort.Strings(files)
	var b bytes.Buffer
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		fmt.Fprintf(&b, "== %s\n", name)
		f := Detect(data[:min(len(data), 8192)])
		if f == "" {
			fmt.Fprintf(&b, "not recognised\n")
			continue
		}
		fmt.Fprintf(&b, "format %s\n", f)
		for _, as := range []Format{GVoiceCalls, GVoiceTexts} {
			opts := Options{Title: name, Skip: func(w, r string) { fmt.Fprintf(&b, "  %s skip %s: %s\n", as, w, r) }}
			err = Read(as, bytes.NewReader(data), opts, func(r Record) error {
				fmt.Fprintf(&b, "  %s %s in=%v %ds num=%q name=%q byname=%v group=%v %s (%s)\n", r.At.Format(time.RFC3339), r.Kind, r.In, r.Seconds, r.Number, r.Name, r.ByName, r.Group, r.App, r.Where)
				return nil
			})
			if err != nil {
				fmt.Fprintf(&b, "  %s refused: %v\n", as, err)
			}
		}
	}
	golden(t, "testdata/gvoice.golden", b.Bytes())
}

func TestISODuration(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		secs int
		ok   bool
	}{
		{"", 0, true},
		{"PT0S", 0, true},
		{"PT22S", 22, true},
		{"PT1M", 60, true},
		{"PT2M27S", 147, true},
		{"PT29M46S", 1786, true},
		{"PT1H", 3600, true},
		{"PT1H2M3S", 3723, true},
		{"PT1.5S", 2, true},
		{"PT0,4S", 0, true},
		{"pt3m", 180, true},
		{"P1DT2H", 26 * 3600, true},
		{"P1W", 7 * 86400, true},
		{" PT5S ", 5, true},
		{"P", 0, false},
		{"PT", 0, false},
		{"T1M", 0, false},
		{"PT1M1M", 0, false},
		{"P1M", 0, false}, // a month is no length for a call
		{"P1Y", 0, false},
		{"PT-5S", 0, false},
		{"PT5", 0, false},
		{"PTS", 0, false},
		{"PT1HT2M", 0, false},
		{"00:01:00", 0, false},
		{"PT99999999999999999S", 0, false},
		{"PT1e9S", 0, false},
	} {
		secs, ok := isoDuration(c.in)
		if secs != c.secs || ok != c.ok {
			t.Errorf("isoDuration(%q) = %d, %v; want %d, %v", c.in, secs, ok, c.secs, c.ok)
		}
	}
}

func TestGVoiceTime(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"2016-11-22T09:57:49.000-08:00", "2016-11-22T17:57:49Z"},
		{"2021-01-21T17:33:43.242-08:00", "2021-01-22T01:33:43Z"},
		{"2014-05-16T19:54:27-07:00", "2014-05-17T02:54:27Z"},
		{"2014-05-16T19:54:27Z", "2014-05-16T19:54:27Z"},
		{"2020-03-29T02:30:00.000+05:45", "2020-03-28T20:45:00Z"},
		{"", ""},
		{"Nov 22, 2016, 9:57:49\u202fAM", ""},
		{"2016-11-22T09:57:49", ""}, // no zone: not a time Voice writes
		{"0001-01-01T00:00:00Z", ""},
		{"9999-12-31T23:59:59Z", ""},
	} {
		got, why := gvoiceTime(c.in)
		s := ""
		if why == "" {
			s = got.Format(time.RFC3339)
			if got.Location() != time.UTC {
				t.Errorf("gvoiceTime(%q) is not in UTC", c.in)
			}
		}
		if s != c.want {
			t.Errorf("gvoiceTime(%q) = %q (%s); want %q", c.in, s, why, c.want)
		}
	}
}

func TestGVoiceFileName(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, contact, kind, at string }{
		{"+17323215555 - Missed - 2016-11-22T17_57_49Z.html", "+17323215555", "Missed", "2016-11-22T17:57:49Z"},
		{" - Placed - 2013-07-29T20_56_11Z.html", "", "Placed", "2013-07-29T20:56:11Z"},
		{"+17323218888 - 2015-03-20T03_59_29Z.html", "+17323218888", "", "2015-03-20T03:59:29Z"},
		{"Takeout/Voice/Calls/Ana - Lima - Received - 2020-01-02T03_04_05Z.html", "Ana", "Received", "2020-01-02T03:04:05Z"},
		{"standard input", "", "", ""},
		{"", "", "", ""},
		{"x - Placed - yesterday.html", "x", "Placed", ""},
	} {
		n := parseGVoiceName(c.in)
		at := ""
		if !n.at.IsZero() {
			at = n.at.Format(time.RFC3339)
		}
		if n.contact != c.contact || n.kind != c.kind || at != c.at {
			t.Errorf("parseGVoiceName(%q) = %q %q %q; want %q %q %q", c.in, n.contact, n.kind, at, c.contact, c.kind, c.at)
		}
	}
}

// gvoiceCall is a call file as Takeout writes it, cut to what is read.
func gvoiceCall(kind, tel, name, published, duration, labels string) string {
	return `<?xml version="1.0" ?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>` + kind + `</title><style>.haudio > .fn {}</style></head>
<body><div class="haudio"><span class="album">Call Log for</span>
<span class="fn">` + kind + `</span>
<div class="contributor vcard">` + kind + `
<a class="tel" href="tel:` + tel + `"><span class="fn">` + name + `</span></a></div>
<abbr class="published" title="` + published + `">whenever</abbr>
<abbr class="duration" title="` + duration + `">(00:00:00)</abbr>
<div class="tags">Labels:
` + labels + `</div></div></body></html>`
}

func TestGVoiceCalls(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, title, file, want string
	}{
		{"placed", "", gvoiceCall("Placed call to", "+4917012345", "Ana", "2020-01-02T03:04:05.000+01:00", "PT1M5S", `<a rel="tag" href="http://www.google.com/voice#placed">Placed</a>`),
			"2020-01-02T02:04:05Z call in=false 65s num=\"+4917012345\" name=\"Ana\" byname=false"},
		{"received, no labels", "", gvoiceCall("Received call from", "+4917012345", "", "2020-01-02T03:04:05Z", "PT2S", ""),
			"2020-01-02T03:04:05Z call in=true 2s num=\"+4917012345\" name=\"\" byname=false"},
		{"voicemail is their missed call", "", gvoiceCall("Voicemail from", "+4917012345", "Ana", "2020-01-02T03:04:05Z", "PT22S", `<a rel="tag" href="#inbox">Inbox</a>, <a rel="tag" href="#voicemail">Voicemail</a>`),
			"2020-01-02T03:04:05Z missed call in=true 0s num=\"+4917012345\" name=\"Ana\" byname=false"},
		{"missed, number only in the file name", "+4917099 - Missed - 2020-01-02T03_04_05Z.html", gvoiceCall("Missed call from", "", "", "2020-01-02T03:04:05Z", "", ""),
			"2020-01-02T03:04:05Z missed call in=true 0s num=\"+4917099\" name=\"\" byname=false"},
		{"name only, from the file name", "Ana Lima - Placed - 2020-01-02T03_04_05Z.html", gvoiceCall("Placed call to", "", "", "2020-01-02T03:04:05Z", "PT3S", ""),
			"2020-01-02T03:04:05Z call in=false 3s num=\"\" name=\"Ana Lima\" byname=true"},
		{"a long name is kept whole", "", gvoiceCall("Placed call to", "", "Maria Fernanda Rodrigues da Silva Santos", "2020-01-02T03:04:05Z", "PT3S", ""),
			"2020-01-02T03:04:05Z call in=false 3s num=\"\" name=\"Maria Fernanda Rodrigues da Silva Santos\" byname=true"},
		{"kind only in the file name", "+49170 - Received - 2020-01-02T03_04_05Z.html", gvoiceCall("Anruf", "+49170", "", "2020-01-02T03:04:05Z", "PT3S", ""),
			"2020-01-02T03:04:05Z call in=true 3s num=\"+49170\" name=\"\" byname=false"},
		{"broken time, the file name's", "+49170 - Received - 2020-01-02T03_04_05Z.html", gvoiceCall("Received call from", "+49170", "", "yesterday", "PT3S", ""),
			"2020-01-02T03:04:05Z call in=true 3s num=\"+49170\" name=\"\" byname=false"},
		{"broken time, no file name", "", gvoiceCall("Received call from", "+49170", "", "yesterday", "PT3S", ""),
			"skip the call: time \"yesterday\" is not a time"},
		{"broken duration", "", gvoiceCall("Received call from", "+49170", "", "2020-01-02T03:04:05Z", "three minutes", ""),
			"skip the call: duration \"three minutes\" is not a length of time"},
		{"recorded", "", gvoiceCall("Recorded call with", "+49170", "A", "2020-01-02T03:04:05Z", "PT29M", `<a rel="tag" href="#recorded">Recorded</a>`),
			"skip the call: a recording, not a conversation"},
		{"unknown kind", "", gvoiceCall("Anruf", "+49170", "A", "2020-01-02T03:04:05Z", "PT29M", ""),
			"skip the call: not a call tend knows (\"Anruf\")"},
		{"name with control characters and newlines", "", gvoiceCall("Placed call to", "+49170", "A\x01\nB\u202e", "2020-01-02T03:04:05Z", "PT1S", ""),
			"2020-01-02T03:04:05Z call in=false 1s num=\"+49170\" name=\"A B\\u202e\" byname=false"},
		{"a text conversation read as calls", "", `<html><body><div class="hChatLog hfeed"><div class="message"></div></div></body></html>`,
			"skip the file: a text conversation, not a call: read it with tend import messages"},
		{"a name that closes itself", "", strings.Replace(gvoiceCall("Placed call to", "+49170", "", "2020-01-02T03:04:05Z", "PT1S", ""), `<span class="fn"></span>`, `<span class="fn"/>`, 1),
			"2020-01-02T03:04:05Z call in=false 1s num=\"+49170\" name=\"\" byname=false"},
		{"not Voice", "", `<html><body><p>hello</p></body></html>`, "refused: not a Google Voice call: no call in it"},
		{"empty", "", ``, "refused: not a Google Voice call: no call in it"},
		{"binary", "", "\x00\xff\xfe<div class=\"haudio\">\xff", "skip the call: not a call tend knows (\"\")"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			opts := Options{Title: c.title, Skip: func(w, r string) { got = append(got, "skip "+w+": "+r) }}
			err := ReadGVoiceCalls(strings.NewReader(c.file), opts, func(r Record) error {
				got = append(got, fmt.Sprintf("%s %s in=%v %ds num=%q name=%q byname=%v", r.At.Format(time.RFC3339), r.Kind, r.In, r.Seconds, r.Number, r.Name, r.ByName))
				if r.App != "Google Voice" || r.Group {
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

func TestGVoiceTexts(t *testing.T) {
	t.Parallel()
	msg := func(stamp, tel, fn string) string {
		return `<div class="message"><abbr class="dt" title="` + stamp + `">x</abbr>:
<cite class="sender vcard"><a class="tel" href="tel:` + tel + `">` + fn + `</a></cite>:
<q>never read</q></div> `
	}
	me := `<abbr class="fn" title="">Me</abbr>`
	them := func(n string) string { return `<span class="fn">` + n + `</span>` }
	page := func(title, body string) string {
		return `<?xml version="1.0" ?><html><head><title>` + title + `</title></head><body><div class="hChatLog hfeed">` + body + `</div></body></html>`
	}
	for _, c := range []struct {
		name, title, file, want string
	}{
		{"you first, then them", "", page("Me to\nAna", msg("2021-01-21T17:33:43.242-08:00", "+1555000", me)+msg("2021-01-21T17:34:00-08:00", "+1555777", them(""))),
			"2021-01-22T01:33:43Z message in=false num=\"+1555777\" name=\"Ana\" byname=false group=false\n2021-01-22T01:34:00Z message in=true num=\"+1555777\" name=\"Ana\" byname=false group=false"},
		{"only you, a name in the title", "Ana Lima - Text - 2021-01-22T01_33_43Z.html", page("Me to\nAna Lima", msg("2021-01-21T17:33:43Z", "+1555000", me)),
			"2021-01-21T17:33:43Z message in=false num=\"\" name=\"Ana Lima\" byname=true group=false"},
		{"only you, a number in the file name", "+1555777 - Text - 2021-01-22T01_33_43Z.html", page("Me to\n", msg("2021-01-21T17:33:43Z", "+1555000", me)),
			"2021-01-21T17:33:43Z message in=false num=\"+1555777\" name=\"\" byname=false group=false"},
		{"group", "Group Conversation - 2021-01-22T01_33_43Z.html", page("Group Conversation", `<div class="participants">Group conversation with: <cite class="sender vcard"><a class="tel" href="tel:+1"><span class="fn">A</span></a></cite></div>`+msg("2021-01-21T17:33:43Z", "+1", them("A"))),
			"2021-01-21T17:33:43Z message in=true num=\"+1\" name=\"A\" byname=false group=true"},
		{"a broken time is skipped", "", page("Ana", msg("later", "+1555777", them("Ana"))+msg("2021-01-21T17:33:43Z", "+1555777", them("Ana"))),
			"skip message 1: time \"later\" is not a time\n2021-01-21T17:33:43Z message in=true num=\"+1555777\" name=\"Ana\" byname=false group=false"},
		{"a call read as texts", "", gvoiceCall("Placed call to", "+1", "", "2020-01-02T03:04:05Z", "PT1S", ""),
			"skip the file: a call, not a text conversation: read it with tend import calls"},
		{"not Voice", "", `<html><body></body></html>`, "refused: not a Google Voice text conversation: no messages in it"},
		{"no messages", "", page("Ana", ""), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			opts := Options{Title: c.title, Skip: func(w, r string) { got = append(got, "skip "+w+": "+r) }}
			err := ReadGVoiceTexts(strings.NewReader(c.file), opts, func(r Record) error {
				got = append(got, fmt.Sprintf("%s %s in=%v num=%q name=%q byname=%v group=%v", r.At.Format(time.RFC3339), r.Kind, r.In, r.Number, r.Name, r.ByName, r.Group))
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

func TestGVoiceHostile(t *testing.T) {
	t.Parallel()
	// Deep nesting and a long run of tags: streamed, never held.
	deep := `<html><body><div class="haudio">` + strings.Repeat("<div>", 200000) + `<abbr class="published" title="2020-01-02T03:04:05Z"></abbr><a class="tel" href="tel:+1"></a><span class="fn">Placed call to</span>` + strings.Repeat("</div>", 200000)
	n := 0
	if err := ReadGVoiceCalls(strings.NewReader(deep), Options{}, func(Record) error { n++; return nil }); err != nil || n != 1 {
		t.Errorf("deep nesting: %v, %d records", err, n)
	}
	// One piece longer than the tokenizer may hold.
	huge := `<html><body><div class="haudio"><span class="fn">` + strings.Repeat("x", gvoiceMaxToken+10) + `</span></div></body></html>`
	err := ReadGVoiceCalls(strings.NewReader(huge), Options{}, func(Record) error { return nil })
	if _, ok := err.(*InputError); !ok || !strings.Contains(err.Error(), "longer than") {
		t.Errorf("a huge piece: %v", err)
	}
	// An attribute without end.
	err = ReadGVoiceTexts(strings.NewReader(`<html><div class="hChatLog"><div class="message"><abbr class="dt" title="2020`), Options{}, func(Record) error { return nil })
	if err != nil {
		t.Errorf("a cut file: %v", err)
	}
}

// TestGVoicePlacedCallOfNoTime: a placed call that lasted PT0S did not
// connect (you tried), as a call log's outgoing call of 0 seconds; one of
// some seconds did, and one with no duration at all is taken as it says.
func TestGVoicePlacedCallOfNoTime(t *testing.T) {
	t.Parallel()
	page := func(duration string) string {
		return `<html><head><title>Placed call to</title></head><body><div class="haudio">` +
			`<div class="contributor vcard">Placed call to <a class="tel" href="tel:+17323216666"><span class="fn"></span></a></div>` +
			`<abbr class="published" title="2011-09-03T13:12:00.000-07:00">Sep 3, 2011</abbr>` + duration +
			`<div class="tags">Labels: <a rel="tag" href="http://www.google.com/voice#placed">Placed</a></div></div></body></html>`
	}
	for _, tc := range []struct {
		duration string
		want     Kind
	}{
		{`<abbr class="duration" title="PT0S">(00:00:00)</abbr>`, Missed},
		{`<abbr class="duration" title="PT2M27S">(00:02:27)</abbr>`, Answered},
		{``, Answered},
	} {
		var got []Record
		err := ReadGVoiceCalls(strings.NewReader(page(tc.duration)), Options{}, func(r Record) error {
			got = append(got, r)
			return nil
		})
		if err != nil || len(got) != 1 || got[0].Kind != tc.want || got[0].In {
			t.Errorf("%q: %+v, %v; want one %s of yours", tc.duration, got, err, tc.want)
		}
	}
}
