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

// corpus is where the real samples are, relative to this package.
const corpus = "../../../shared/corpus/real/logs"

// TestRealSamples reads every real sample and checks the summary of what
// came out against testdata/samples.golden.
func TestRealSamples(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("the real samples are not here (%s): %v", corpus, err)
	}
	files, _ := filepath.Glob(filepath.Join(corpus, "*", "*"))
	sort.Strings(files)
	var b bytes.Buffer
	for _, path := range files {
		name := filepath.Base(path)
		if strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".org") || strings.HasSuffix(name, ".vcf") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		rel, _ := filepath.Rel(corpus, path)
		fmt.Fprintf(&b, "== %s\n", rel)
		f := Detect(data[:min(len(data), 8192)])
		if IsZip(data) {
			fmt.Fprintf(&b, "zip\n")
			rc, title, err := OpenChatZip(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				fmt.Fprintf(&b, "refused: %v\n", err)
				continue
			}
			var tb bytes.Buffer
			tb.ReadFrom(rc)
			data, f = tb.Bytes(), WhatsApp
			_ = title
		}
		if f == "" {
			fmt.Fprintf(&b, "not recognised\n")
			continue
		}
		fmt.Fprintf(&b, "format %s\n", f)
		opts := Options{Title: name, Me: "Dmitry S", Skip: func(w, r string) { fmt.Fprintf(&b, "  skip %s: %s\n", w, r) }}
		if strings.Contains(name, "chatminer") || strings.Contains(name, "chatanalytics") || strings.Contains(name, "whatstk") {
			opts.Me = ""
			opts.Known = func(n string) bool { return n == "Bob" || n == "B" || n == "John Doe" || n == "Author 2" }
		}
		err = Read(f, bytes.NewReader(data), opts, func(r Record) error {
			fmt.Fprintf(&b, "  %s %s in=%v video=%v %ds num=%q name=%q group=%v %s\n", r.At.Format(time.RFC3339), r.Kind, r.In, r.Video, r.Seconds, r.Number, r.Name, r.Group, r.App)
			return nil
		})
		if err != nil {
			fmt.Fprintf(&b, "refused: %v\n", err)
		}
	}
	golden(t, "testdata/samples.golden", b.Bytes())
}
