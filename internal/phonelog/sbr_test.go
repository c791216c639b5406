package phonelog

import (
	"io"
	"strings"
	"testing"
	"time"
)

func readAll(t *testing.T, read func(Options, Emit) error) ([]Record, []string, error) {
	t.Helper()
	var recs []Record
	var skips []string
	err := read(Options{Skip: func(w, r string) { skips = append(skips, w+": "+r) }}, func(r Record) error {
		recs = append(recs, r)
		return nil
	})
	return recs, skips, err
}

func TestSBRSurrogatesAndTimes(t *testing.T) {
	t.Parallel()
	in := `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="3">
  <sms address="+4915112345678" date="1485921084" type="1" body="hi &#55357;&#56832;" contact_name="Ana &#55357;&#56832;" />
  <sms address="+4915112345678" date="1485921085000" type="2" body="&#55357; alone" />
  <sms address="+4915112345678" date="bad" type="2" body="x" />
  <sms address="+4915112345678" date="1485921086000" type="3" body="draft" />
</smses>`
	recs, skips, err := readAll(t, func(o Options, e Emit) error { return ReadSBRMessages(strings.NewReader(in), o, e) })
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || len(skips) != 2 {
		t.Fatalf("got %d records, skips %q", len(recs), skips)
	}
	if recs[0].Name != "Ana 😀" {
		t.Errorf("name = %q, want the emoji whole", recs[0].Name)
	}
	if !recs[0].At.Equal(time.Unix(1485921084, 0)) || !recs[1].At.Equal(time.Unix(1485921085, 0)) {
		t.Errorf("times %v %v: seconds and milliseconds not told apart", recs[0].At, recs[1].At)
	}
	if !recs[0].In || recs[1].In {
		t.Errorf("directions wrong: %+v", recs)
	}
	if !strings.Contains(skips[0], `date "bad"`) || !strings.Contains(skips[0], "line 5") {
		t.Errorf("skip = %q, want the bad date and its line", skips[0])
	}
}

func TestSBRCalls(t *testing.T) {
	t.Parallel()
	in := `<calls count="9">
  <call number="+43691234123" duration="59" date="1312563906092" type="1" />
  <call number="06612341234" duration="22" date="1312541215834" type="2" />
  <call number="+4366234123" duration="0" date="1312473751975" type="2" />
  <call number="+436612341234" duration="0" date="1312471300072" type="3" />
  <call number="+436612341234" duration="0" date="1312471300072" type="5" />
  <call number="+436612341234" duration="0" date="1312471300072" type="6" />
  <call number="+436612341234" duration="0" date="1312471300072" type="42" />
  <call number="+436612341234" duration="0" date="1312471300072" type="1" />
  <call number="+436612341234" duration="0" date="1312471300072" type="7" />
</calls>`
	recs, skips, err := readAll(t, func(o Options, e Emit) error { return ReadSBRCalls(strings.NewReader(in), o, e) })
	if err != nil {
		t.Fatal(err)
	}
	if len(skips) != 2 {
		t.Errorf("skips %q, want the blocked call and type 42", skips)
	}
	checkCalls(t, recs, []callWant{{Answered, true, 59}, {Answered, false, 22}, {Missed, false, 0}, {Missed, true, 0}, {Missed, true, 0},
		{Missed, true, 0},    // incoming of no second: answered and gone, no conversation
		{Answered, true, 0}}) // answered on another device, which keeps the length
}

// callWant is what a call record should be read as.
type callWant struct {
	kind Kind
	in   bool
	secs int
}

// checkCalls compares the call records read with what they should be.
func checkCalls(t *testing.T, recs []Record, want []callWant) {
	t.Helper()
	if len(recs) != len(want) {
		t.Fatalf("got %d records, want %d", len(recs), len(want))
	}
	for i, w := range want {
		if recs[i].Kind != w.kind || recs[i].In != w.in || recs[i].Seconds != w.secs {
			t.Errorf("record %d = %+v, want %+v", i, recs[i], w)
		}
	}
}

func TestSBRRefused(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"messages as calls": `<smses count="1"><sms address="1" date="1" type="1"/></smses>`,
		"truncated":         `<calls count="1"><call number="1" date="1312563906092" type="1"`,
		"not xml":           `{"calls": []}`,
		"empty":             ``,
		"html":              `<html><body>calls</body></html>`,
	} {
		_, _, err := readAll(t, func(o Options, e Emit) error { return ReadSBRCalls(strings.NewReader(in), o, e) })
		if _, ok := err.(*InputError); !ok {
			t.Errorf("%s: err = %v, want an *InputError", name, err)
		}
	}
}

// TestSBRScannerAcrossReads reads a file through reads of every small
// size, so that every tag, value and reference is split somewhere.
func TestSBRScannerAcrossReads(t *testing.T) {
	t.Parallel()
	src := "<?xml version='1.0' encoding='UTF-8'?>\n<!-- a comment -->\n<smses count=\"2\">\n" +
		`  <sms address="+4915112345678" date="1485921085000" type="1" body="x &lt; y" contact_name="A&#55357;&#56832;&#xD83D;&#xDE00;&amp;&#65;&#27;&#xD83D;" />` + "\n" +
		`  <mms msg_box='2' address="+4915112345678" date="1485921086000"><parts><part text="&#55357;"/></parts></mms>` + "\n</smses>\n"
	for size := 1; size < 40; size++ {
		var names []string
		err := ReadSBRMessages(&chunked{s: src, n: size}, Options{}, func(r Record) error {
			names = append(names, r.Name)
			return nil
		})
		if err != nil || len(names) != 2 || names[0] != "A😀😀&A\ufffd\ufffd" {
			t.Fatalf("reads of %d: %q, %v", size, names, err)
		}
	}
}

func TestSBRBroken(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`<smses><sms address="1" date="1" type="1"></smses>`,
		`<smses><sms address="1" date="1" type="1"/>`,
		`<smses><sms address="1<" date="1" type="1"/></smses>`,
		`<smses><sms address=1 date="1" type="1"/></smses>`,
		`<smses><sms address="1"date="1" type="1"/></smses>`,
		`<smses></smses><smses></smses>`,
		`<smses></smses>trailing`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><smses></smses>`,
		`<smses><sms address="1" date="1" type="1"`,
	} {
		err := ReadSBRMessages(strings.NewReader(in), Options{}, func(Record) error { return nil })
		if _, ok := err.(*InputError); !ok {
			t.Errorf("%q: err = %v, want refused", in, err)
		}
	}
}

type chunked struct {
	s string
	n int
}

func (c *chunked) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	k := min(c.n, len(p), len(c.s))
	copy(p, c.s[:k])
	c.s = c.s[k:]
	return k, nil
}
