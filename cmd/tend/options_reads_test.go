package main

import (
	"testing"

	"github.com/spf13/cobra"
)

// readCase is one command line of a table test of a command's options:
// the options it should give, or the error it should give instead.
type readCase[O any] struct {
	name    string
	args    []string
	want    O
	wantErr string
}

// checkReadOptions runs the cases as testOptions does.
func checkReadOptions[O any](t *testing.T, command string, build func(*app, func(O) error) *cobra.Command, tests []readCase[O]) {
	t.Helper()
	cases := make([]optionsCase[O], len(tests))
	for i, tt := range tests {
		cases[i] = optionsCase[O]{name: tt.name, args: tt.args, want: tt.want, wantErr: tt.wantErr}
	}
	testOptions(t, command, build, cases)
}

func TestShowOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "show", newShowCmd, []readCase[showOptions]{
		{"a name", []string{"ana"}, showOptions{name: "ana"}, ""},
		{"all, as JSON", []string{"ana lima", "--all", "--json"}, showOptions{name: "ana lima", all: true, json: true}, ""},
		{"no name", nil, showOptions{}, "one NAME"},
		{"two names", []string{"ana", "ben"}, showOptions{}, "one NAME"},
	})
}

func TestHistoryOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "history", newHistoryCmd, []readCase[historyOptions]{
		{"everyone", nil, historyOptions{}, ""},
		{"one person since", []string{"ana", "--since", "2w"}, historyOptions{name: "ana", since: "2w"}, ""},
		{"a limit, as JSON", []string{"--limit", "10", "--json"}, historyOptions{limit: 10, json: true}, ""},
		{"all", []string{"--limit", "0"}, historyOptions{}, ""},
		{"a negative limit", []string{"--limit", "-1"}, historyOptions{}, "--limit must be 0 (all) or more"},
		{"two names", []string{"ana", "ben"}, historyOptions{}, "at most one NAME"},
	})
}

func TestTodayOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "today", newTodayCmd, []readCase[todayOptions]{
		{"the settings' limit", nil, todayOptions{}, ""},
		{"a limit, brief", []string{"--limit", "10", "--brief"}, todayOptions{limit: 10, brief: true}, ""},
		{"as JSON", []string{"--json"}, todayOptions{json: true}, ""},
		{"no one", []string{"--limit", "0"}, todayOptions{}, "--limit must be at least 1"},
		{"an argument", []string{"ana"}, todayOptions{}, "no arguments"},
	})
}

func TestPlanOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "plan", newPlanCmd, []readCase[planOptions]{
		{"a week", nil, planOptions{days: 7}, ""},
		{"two weeks, three a day, as JSON", []string{"--days", "14", "--per-day", "3", "--json"}, planOptions{days: 14, perDay: 3, json: true}, ""},
		{"a year", []string{"--days", "366"}, planOptions{days: 366}, ""},
		{"too long", []string{"--days", "367"}, planOptions{}, "--days must be between 1 and 366"},
		{"no day", []string{"--days", "0"}, planOptions{}, "--days must be between 1 and 366"},
		{"no one a day", []string{"--per-day", "0"}, planOptions{}, "--per-day must be at least 1"},
	})
}

func TestStatsOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "stats", newStatsCmd, []readCase[statsOptions]{
		{"words", nil, statsOptions{}, ""},
		{"as JSON", []string{"--json"}, statsOptions{json: true}, ""},
	})
}

func TestDigestOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "digest", newDigestCmd, []readCase[digestOptions]{
		{"the day as text", nil, digestOptions{format: "text"}, ""},
		{"the week as html", []string{"--week", "--format", "html"}, digestOptions{week: true, format: "html"}, ""},
		{"as JSON", []string{"--json"}, digestOptions{format: "text", json: true}, ""},
		{"an unknown format", []string{"--format", "pdf"}, digestOptions{}, `--format "pdf": want text, markdown or html`},
		{"a format and JSON", []string{"--format", "html", "--json"}, digestOptions{}, "give --format or --json, not both"},
		{"an argument", []string{"week"}, digestOptions{}, "no arguments"},
	})
}

func TestNotifyOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "notify", newNotifyCmd, []readCase[notifyOptions]{
		{"send", nil, notifyOptions{}, ""},
		{"as JSON", []string{"--json"}, notifyOptions{json: true}, ""},
		{"an argument", []string{"now"}, notifyOptions{}, "no arguments"},
	})
}

func TestVersionOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "version", newVersionCmd, []readCase[versionOptions]{
		{"words", nil, versionOptions{}, ""},
		{"as JSON", []string{"--json"}, versionOptions{json: true}, ""},
		{"an argument", []string{"long"}, versionOptions{}, "no arguments"},
	})
}

func TestExportOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "export", newExportCmd, []readCase[exportOptions]{
		{"json to standard output", []string{"json"}, exportOptions{format: "json"}, ""},
		{"a name users reach for", []string{"VCF"}, exportOptions{format: "vcard"}, ""},
		{"to a file, replaced", []string{"csv", "-o", "people.csv", "--force"}, exportOptions{format: "csv", output: "people.csv", force: true}, ""},
		{"encrypted for two", []string{"json", "--encrypt", "--recipient", "age1a", "--recipient", "age1b"},
			exportOptions{format: "json", sealing: sealOptions{encrypt: true, recipients: []string{"age1a", "age1b"}}}, ""},
		{"a folder of cards", []string{"vcard", "--dir", "cards"}, exportOptions{format: "vcard", dir: "cards"}, ""},
		{"the calendar with the plan", []string{"ical", "--plan"}, exportOptions{format: "ics", plan: true}, ""},
		{"an unknown format", []string{"xml"}, exportOptions{}, `unknown export format "xml"`},
		{"a folder of json", []string{"json", "--dir", "out"}, exportOptions{}, "--dir writes a folder of vCards"},
		{"a folder and a file", []string{"vcard", "--dir", "out", "-o", "x.vcf"}, exportOptions{}, "does not go with -o"},
		{"the plan in a spreadsheet", []string{"csv", "--plan"}, exportOptions{}, "--plan is for export ics only"},
		{"no format", nil, exportOptions{}, "a format: json, vcard, csv or ics"},
	})
}

func TestImportOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "import", newImportCmd, []readCase[importOptions]{
		{"a file", []string{"json", "tend.json"}, importOptions{format: "json", file: "tend.json"}, ""},
		{"standard input, a dry run", []string{"VCF", "-", "--dry-run"}, importOptions{format: "vcard", file: "-", dryRun: true}, ""},
		{"encrypted, as JSON", []string{"json", "tend.json.age", "--identity", "key.txt", "--json"},
			importOptions{format: "json", file: "tend.json.age", identities: []string{"key.txt"}, json: true}, ""},
		{"friends.md", []string{"friends.md", "friends.md"}, importOptions{format: "friends", file: "friends.md"}, ""},
		{"an unknown format", []string{"xml", "x.xml"}, importOptions{}, `unknown import format "xml"`},
		{"no file", []string{"csv"}, importOptions{}, "a format (json, vcard, csv or friends) and a FILE"},
	})
}

func TestImportLogsOptions(t *testing.T) {
	t.Parallel()
	calls := func(a *app, runF func(logImportOptions) error) *cobra.Command {
		return newImportLogsCmd(a, "calls", runF)
	}
	messages := func(a *app, runF func(logImportOptions) error) *cobra.Command {
		return newImportLogsCmd(a, "messages", runF)
	}
	checkReadOptions(t, "import calls", calls, []readCase[logImportOptions]{
		{"a file", []string{"calls.xml"}, logImportOptions{kind: "calls", file: "calls.xml"}, ""},
		{"a region, a format, a dry run, as JSON", []string{"-", "--region", "DE", "--format", "termux", "--dry-run", "--json"},
			logImportOptions{kind: "calls", file: "-", region: "DE", format: "termux", dryRun: true, json: true}, ""},
		{"the person of the calls by name", []string{"calls", "--as", "ana"}, logImportOptions{kind: "calls", file: "calls", as: "ana"}, ""},
		{"you in a chat", []string{"calls", "--me", "Sam"}, logImportOptions{}, "unknown flag: --me"},
		{"no file", nil, logImportOptions{}, "a FILE, a DIR or - for standard input"},
	})
	checkReadOptions(t, "import messages", messages, []readCase[logImportOptions]{
		{"a chat with one person", []string{"chat.zip", "--as", "Ana Lima", "--me", "Sam"},
			logImportOptions{kind: "messages", file: "chat.zip", as: "Ana Lima", me: "Sam"}, ""},
	})
}

func TestBackupOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "backup", newBackupCmd, []readCase[backupOptions]{
		{"beside the database", nil, backupOptions{}, ""},
		{"to a file, replaced, as JSON", []string{"copy.db", "--force", "--json"}, backupOptions{file: "copy.db", force: true, json: true}, ""},
		{"a recipient encrypts", []string{"--recipient", "age1a"}, backupOptions{encrypt: true, recipients: []string{"age1a"}}, ""},
		{"restore", []string{"--restore", "old.db"}, backupOptions{restoring: true, restore: "old.db"}, ""},
		{"restore of nothing, said later", []string{"--restore", ""}, backupOptions{restoring: true}, ""},
		{"restore with a file", []string{"copy.db", "--restore", "old.db"}, backupOptions{}, "--restore takes only the backup FILE"},
		{"restore, encrypted", []string{"--restore", "old.db", "--encrypt"}, backupOptions{}, "--restore takes only the backup FILE"},
		{"to standard output", []string{"-"}, backupOptions{}, "backup writes a file, not standard output"},
		{"an empty name", []string{" "}, backupOptions{}, "the FILE name is empty"},
		{"two files", []string{"a.db", "b.db"}, backupOptions{}, "at most one FILE"},
	})
}

func TestDoctorOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "doctor", newDoctorCmd, []readCase[doctorOptions]{
		{"look", nil, doctorOptions{}, ""},
		{"fix, as JSON", []string{"--fix", "--json"}, doctorOptions{fix: true, json: true}, ""},
		{"an argument", []string{"tend.db"}, doctorOptions{}, "no arguments"},
	})
}

func TestConfigOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "config", newConfigCmd, []readCase[configOptions]{
		{"words", nil, configOptions{}, ""},
		{"as JSON", []string{"--json"}, configOptions{json: true}, ""},
		{"an argument", []string{"edit"}, configOptions{}, "no arguments"},
	})
}

func TestCompletionOptions(t *testing.T) {
	t.Parallel()
	checkReadOptions(t, "completion", newCompletionCmd, []readCase[completionOptions]{
		{"bash", []string{"bash"}, completionOptions{shell: "bash"}, ""},
		{"fish", []string{"fish"}, completionOptions{shell: "fish"}, ""},
		{"an unknown shell", []string{"tcsh"}, completionOptions{}, `unknown shell "tcsh"`},
		{"no shell", nil, completionOptions{}, "one shell: bash, zsh or fish"},
	})
}
