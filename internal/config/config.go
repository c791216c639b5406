// Package config reads tend's settings file, config.toml: each tier's
// rhythm and guideline size, rhythms by tag, today's limit, the quiet days,
// how far ahead a date counts, the first day of the week and the default
// phone region.
//
// It is strict: an unknown key, a value of the wrong kind or out of range
// is an error that names the key and its line, and nothing is guessed.
// A missing file is no error: every setting is then its default.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"golang.org/x/text/language"

	"github.com/tend-app/tend/cadence"
)

// Settings are the settings in force: the defaults, and what the file set.
type Settings struct {
	// Rules are the cadence's numbers: rhythms, guidelines, limit, days.
	Rules cadence.Rules
	// WeekStart is the first day of the week.
	WeekStart time.Weekday
	// Region is the default phone region, an ISO 3166 country code such as
	// "GB", or "" for none.
	Region string
	// File is the settings file, read or not.
	File string
	// Found says whether the file exists and was read.
	Found bool

	set map[string]bool // the keys the file set
}

// The limits of each number, so that a typing slip is refused, not obeyed.
const (
	maxLimit     = 100
	maxQuietDays = 30
	maxDaysAhead = 30
	maxGuideline = 10000
)

// Default returns the settings in force when there is no file.
func Default() Settings {
	return Settings{Rules: cadence.DefaultRules(), WeekStart: time.Monday, set: map[string]bool{}}
}

// Error is a settings file tend will not use: one line naming the file,
// the line and the key.
type Error struct {
	File string
	Line int    // 0 when unknown
	Key  string // "" when the file cannot be read as TOML at all
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, " line %d", e.Line)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Path is where the settings file is: $TEND_CONFIG when set, else
// $XDG_CONFIG_HOME/tend/config.toml, else ~/.config/tend/config.toml.
// getenv reads the environment. With none of the three set, there is no
// settings file: "".
func Path(getenv func(string) string) string {
	if p := getenv("TEND_CONFIG"); p != "" {
		return p
	}
	base := getenv("XDG_CONFIG_HOME")
	if base == "" || !filepath.IsAbs(base) { // the XDG spec says to ignore a relative one
		home := getenv("HOME")
		if home == "" {
			return ""
		}
		base = filepath.Join(home, ".config")
	}
	return filepath.Join(base, "tend", "config.toml")
}

// HooksDir is the folder of hooks beside the settings file: hooks/ in the
// folder that holds config.toml.
func HooksDir(file string) string { return filepath.Join(filepath.Dir(file), "hooks") }

// Load reads the settings file at path; a missing file, or none (""),
// gives the defaults.
func Load(path string) (Settings, error) {
	s := Default()
	s.File = path
	if path == "" {
		return s, nil
	}
	doc, err := readSettings(path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return s, fmt.Errorf("read settings %s: %w", path, err)
	}
	s.Found = true
	if err := s.parse(doc); err != nil {
		return s, err
	}
	return s, nil
}

// maxSettings is the most of a settings file read: a few lines are all
// it holds, and /dev/zero given as one would fill the memory.
const maxSettings = 1 << 20

// readSettings reads the file at path, if it is a file: a named pipe would
// hold the shell's prompt for ever, waiting for a writer.
func readSettings(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		if info.IsDir() {
			return nil, errors.New("it is a folder, not a file")
		}
		return nil, errors.New("it is not a file (a device, a pipe or a socket)")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := io.ReadAll(io.LimitReader(f, maxSettings+1))
	if err == nil && len(doc) > maxSettings {
		return nil, errors.New("it is larger than 1 MB; a settings file holds a few lines")
	}
	return doc, err
}

// Parse reads settings from the text of a file named name, for tests and
// for Load.
func Parse(name string, doc []byte) (Settings, error) {
	s := Default()
	s.File, s.Found = name, true
	err := s.parse(doc)
	return s, err
}

// fileTier is one [tiers.NAME] table.
type fileTier struct {
	Every     *string `toml:"every"`
	Guideline *int64  `toml:"guideline"`
}

// file is config.toml as written.
type file struct {
	Limit      *int64  `toml:"limit"`
	QuietDays  *int64  `toml:"quiet_days"`
	DaysAhead  *int64  `toml:"days_ahead"`
	WeekStarts *string `toml:"week_starts"`
	Region     *string `toml:"region"`
	Tiers      struct {
		Inner   *fileTier `toml:"inner"`
		Close   *fileTier `toml:"close"`
		Regular *fileTier `toml:"regular"`
		Outer   *fileTier `toml:"outer"`
	} `toml:"tiers"`
	Tags map[string]string `toml:"tags"`
}

// wants says what each key takes, for an error about a value of the wrong
// kind.
func wants(key string) string {
	switch {
	case key == "week_starts":
		return "a day of the week in quotes, such as \"monday\""
	case key == "region":
		return "a country code in quotes, such as \"GB\""
	case strings.HasSuffix(key, ".every"), strings.HasPrefix(key, "tags."):
		return "a rhythm in quotes, such as \"14d\" or \"2w\""
	case strings.HasPrefix(key, "tiers.") && strings.Count(key, ".") == 1:
		return "a table of every and guideline"
	case key == "tiers" || key == "tags":
		return "a table"
	}
	return "a whole number"
}

func (s *Settings) parse(doc []byte) error {
	// A byte-order mark is how some editors start a UTF-8 file; it says
	// nothing about the settings.
	doc = bytes.TrimPrefix(doc, []byte("\uFEFF"))
	var f file
	dec := toml.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return s.decodeError(err)
	}
	lines := keyLines(doc)
	fail := func(key, format string, args ...any) error {
		return &Error{File: s.File, Line: lines[key], Key: key, Msg: fmt.Sprintf(format, args...)}
	}
	// Keys are read ignoring case (LIMIT is limit, [tiers.Close] is
	// [tiers.close]): one written twice in two ways would leave the last
	// in force without a word.
	if first, again, ok := sameKeyTwice(lines); ok {
		return fail(again, "set twice: %s on line %d and %s on line %d are one setting (names are read ignoring case); keep one", first, lines[first], again, lines[again])
	}
	number := func(key string, v *int64, lo, hi int, dst *int) error {
		if v == nil {
			return nil
		}
		if *v < int64(lo) || *v > int64(hi) {
			return fail(key, "%d is out of range (want %d to %d)", *v, lo, hi)
		}
		*dst = int(*v)
		s.set[key] = true
		return nil
	}
	rhythm := func(key, v string, dst *int) error {
		n, err := cadence.ParseEvery(v)
		if err != nil {
			return fail(key, "%v", err)
		}
		if n == 0 {
			return fail(key, "empty (want a rhythm such as \"14d\" or \"2w\")")
		}
		*dst = n
		s.set[key] = true
		return nil
	}
	if err := number("limit", f.Limit, 1, maxLimit, &s.Rules.Limit); err != nil {
		return err
	}
	if err := number("quiet_days", f.QuietDays, 0, maxQuietDays, &s.Rules.QuietDays); err != nil {
		return err
	}
	if err := number("days_ahead", f.DaysAhead, 0, maxDaysAhead, &s.Rules.SoonDays); err != nil {
		return err
	}
	if f.WeekStarts != nil {
		d, ok := parseWeekday(*f.WeekStarts)
		if !ok {
			return fail("week_starts", "%q is not a day of the week (want monday, tuesday, ... or sunday)", *f.WeekStarts)
		}
		s.WeekStart = d
		s.set["week_starts"] = true
	}
	if f.Region != nil {
		r, err := parseRegion(*f.Region)
		if err != nil {
			return fail("region", "%v", err)
		}
		s.Region = r
		s.set["region"] = true
	}
	tiers := map[cadence.Tier]*fileTier{
		cadence.Inner: f.Tiers.Inner, cadence.Close: f.Tiers.Close,
		cadence.Regular: f.Tiers.Regular, cadence.Outer: f.Tiers.Outer,
	}
	for _, t := range cadence.Tiers() {
		ft := tiers[t]
		if ft == nil {
			continue
		}
		key := "tiers." + string(t)
		if ft.Every != nil {
			every := s.Rules.Every[t]
			if err := rhythm(key+".every", *ft.Every, &every); err != nil {
				return err
			}
			s.Rules.Every[t] = every
		}
		guideline := s.Rules.Guideline[t]
		if err := number(key+".guideline", ft.Guideline, 1, maxGuideline, &guideline); err != nil {
			return err
		}
		s.Rules.Guideline[t] = guideline
	}
	for _, tag := range slices.Sorted(maps.Keys(f.Tags)) {
		key := dotted("tags", tag)
		name := strings.ToLower(strings.TrimSpace(tag))
		if name == "" {
			return fail(key, "a tag needs a name")
		}
		if _, dup := s.Rules.TagEvery[name]; dup {
			return fail(key, "the tag %q is set twice (tags are matched ignoring case)", name)
		}
		var every int
		if err := rhythm(key, f.Tags[tag], &every); err != nil {
			return err
		}
		s.Rules.TagEvery[name] = every
	}
	return nil
}

// decodeError turns the TOML library's error into one line that names the
// line and the key, in words that do not speak of Go.
func (s *Settings) decodeError(err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) && len(strict.Errors) > 0 {
		e := strict.Errors[0]
		row, _ := e.Position()
		return &Error{File: s.File, Line: row, Key: keyName(e.Key()), Msg: "unknown key (see: tend config --help)"}
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		key := keyName(de.Key())
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if key != "" && strings.HasPrefix(msg, "cannot ") || strings.Contains(msg, "struct field") || strings.Contains(msg, "Go ") {
			msg = "want " + wants(key)
		}
		return &Error{File: s.File, Line: row, Key: key, Msg: msg}
	}
	return &Error{File: s.File, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
}

func keyName(k toml.Key) string { return dotted(k...) }

// dotted writes a key as TOML does: its parts joined by dots, each part
// that is not a bare key in quotes (so a key of any text stays one line).
func dotted(parts ...string) string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p
		if p == "" || strings.ContainsFunc(p, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
		}) {
			out[i] = strconv.Quote(p)
		}
	}
	return strings.Join(out, ".")
}

// sameKeyTwice finds two keys of lines that differ only in case, the
// later one second.
func sameKeyTwice(lines map[string]int) (first, again string, ok bool) {
	seen := map[string]string{}
	for _, key := range slices.Sorted(maps.Keys(lines)) {
		k := strings.ToLower(key)
		other, dup := seen[k]
		if !dup {
			seen[k] = key
			continue
		}
		if lines[other] > lines[key] {
			return key, other, true
		}
		return other, key, true
	}
	return "", "", false
}

// keyLines maps every key of the document, dotted from its table, to the
// line it is on, for errors found after decoding.
func keyLines(doc []byte) map[string]int {
	lines := map[string]int{}
	p := unstable.Parser{}
	p.Reset(doc)
	var table []string
	var walk func(prefix []string, n *unstable.Node)
	walk = func(prefix []string, n *unstable.Node) {
		key, line := slices.Clone(prefix), 0
		for it := n.Key(); it.Next(); {
			k := it.Node()
			key = append(key, string(k.Data))
			if line == 0 && k.Raw.Length > 0 {
				line = p.Shape(k.Raw).Start.Line
			}
		}
		lines[dotted(key...)] = line
		if v := n.Value(); v != nil && v.Kind == unstable.InlineTable {
			for it := v.Children(); it.Next(); {
				walk(key, it.Node())
			}
		}
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = table[:0]
			for it := e.Key(); it.Next(); {
				table = append(table, string(it.Node().Data))
			}
		case unstable.KeyValue:
			walk(table, e)
		}
	}
	return lines
}

// parseWeekday reads a day of the week by its English name, ignoring case.
func parseWeekday(s string) (time.Weekday, bool) {
	name := strings.ToLower(strings.TrimSpace(s))
	for d := time.Sunday; d <= time.Saturday; d++ {
		if name == strings.ToLower(d.String()) {
			return d, true
		}
	}
	return 0, false
}

// parseRegion reads a country code such as "GB" (any case): two letters
// that ISO 3166 gives to a country.
func parseRegion(s string) (string, error) {
	code := strings.ToUpper(strings.TrimSpace(s))
	if code == "UK" {
		return "", errors.New(`"UK" is not a region code; the United Kingdom is "GB"`)
	}
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		return "", fmt.Errorf("%q is not a country code (want two letters, such as \"GB\" or \"PT\")", s)
	}
	r, err := language.ParseRegion(code)
	if err != nil || !r.IsCountry() {
		return "", fmt.Errorf("%q is not a country code (want two letters, such as \"GB\" or \"PT\")", s)
	}
	return r.String(), nil
}

// Entry is one setting in force, and where it comes from.
type Entry struct {
	Key   string
	Value any    // an int or a string
	From  string // "default" or "file"
}

// Entries lists every setting in force, in the order the file documents
// them, rhythms by tag last.
func (s Settings) Entries() []Entry {
	var out []Entry
	add := func(key string, v any) {
		from := "default"
		if s.set[key] {
			from = "file"
		}
		out = append(out, Entry{Key: key, Value: v, From: from})
	}
	add("limit", s.Rules.Limit)
	add("quiet_days", s.Rules.QuietDays)
	add("days_ahead", s.Rules.SoonDays)
	add("week_starts", strings.ToLower(s.WeekStart.String()))
	add("region", s.Region)
	for _, t := range cadence.Tiers() {
		add("tiers."+string(t)+".every", strconv.Itoa(s.Rules.TierEvery(t))+"d")
		add("tiers."+string(t)+".guideline", s.Rules.TierGuideline(t))
	}
	for _, tag := range slices.Sorted(maps.Keys(s.Rules.TagEvery)) {
		out = append(out, Entry{Key: dotted("tags", tag), Value: strconv.Itoa(s.Rules.TagEvery[tag]) + "d", From: "file"})
	}
	return out
}
