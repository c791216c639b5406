package main

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// optionsCase is one run of a command's flags and arguments: the options
// they give (want, or check when the options hold more than can be
// written out), or the error they give and no run.
type optionsCase[O any] struct {
	name    string
	args    []string
	want    O
	check   func(O) bool
	wantErr string
}

// testOptions runs each case through the command build makes, with its
// work replaced by one that keeps the options.
func testOptions[O any](t *testing.T, command string, build func(*app, func(O) error) *cobra.Command, tests []optionsCase[O]) {
	t.Helper()
	for _, tt := range tests {
		t.Run(command+"/"+tt.name, func(t *testing.T) {
			t.Parallel()
			var got O
			ran := false
			cmd := build(newApp(system{}), func(o O) error { got, ran = o, true; return nil })
			err := parse(t, cmd, tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || ran {
					t.Fatalf("%s %q: error %v (ran %v), want one saying %q and no run", command, tt.args, err, ran, tt.wantErr)
				}
				return
			}
			if err != nil || !ran {
				t.Fatalf("%s %q: error %v (ran %v)", command, tt.args, err, ran)
			}
			if tt.check != nil {
				if !tt.check(got) {
					t.Fatalf("%s %q: options %+v", command, tt.args, got)
				}
			} else if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("%s %q: options %+v; want %+v", command, tt.args, got, tt.want)
			}
		})
	}
}

func TestAddOptions(t *testing.T) {
	t.Parallel()
	testOptions(t, "add", newAddCmd, []optionsCase[addOptions]{
		{name: "a name alone", args: []string{"Ana Lima"}, check: func(o addOptions) bool { return o.name == "Ana Lima" && len(o.person.set) == 0 && !o.json }},
		{name: "flags, as JSON", args: []string{"Ben", "--tier", "inner", "--tag", "a", "--tag", "b", "--date", "x=06-01", "--json"}, check: func(o addOptions) bool {
			return o.name == "Ben" && o.json && o.person.tier == "inner" && slices.Equal(o.person.tags, []string{"a", "b"}) &&
				o.person.set["tier"] && o.person.set["tag"] && o.person.set["date"] && !o.person.set["json"]
		}},
		{name: "a bad tier", args: []string{"Ben", "--tier", "best"}, wantErr: "best"},
		{name: "a bad date", args: []string{"Ben", "--date", "x"}, wantErr: "--date"},
		{name: "a bad birthday", args: []string{"Ben", "--birthday", "13-45"}, wantErr: "--birthday:"},
		{name: "no name", args: nil, wantErr: "one NAME"},
		{name: "no edit flags", args: []string{"Ben", "--add-tag", "x"}, wantErr: "unknown flag"},
	})
}

func TestEditOptions(t *testing.T) {
	t.Parallel()
	testOptions(t, "edit", newEditCmd, []optionsCase[editOptions]{
		{name: "a new name", args: []string{"ana", "--name", "Ana Lima-Souza"}, check: func(o editOptions) bool {
			return o.name == "ana" && o.newName == "Ana Lima-Souza" && o.person.set["name"]
		}},
		{name: "one item of a list", args: []string{"ana", "--add-tag", "school", "--rm-phone", "123", "--json"}, check: func(o editOptions) bool {
			return o.json && slices.Equal(*o.person.add["tag"], []string{"school"}) && slices.Equal(*o.person.rm["phone"], []string{"123"})
		}},
		{name: "a birthday cleared", args: []string{"ana", "--birthday", ""}, check: func(o editOptions) bool { return o.person.set["birthday"] && o.person.birthday == "" }},
		{name: "nothing", args: []string{"ana"}, wantErr: "nothing to change"},
		{name: "only --json", args: []string{"ana", "--json"}, wantErr: "nothing to change"},
		{name: "an empty item", args: []string{"ana", "--add-tag", " "}, wantErr: "--add-tag needs a value"},
		{name: "an empty note", args: []string{"ana", "--add-note", " "}, wantErr: "--add-note needs some text"},
		{name: "a bad every", args: []string{"ana", "--every", "often"}, wantErr: "--every:"},
	})
}

func TestLogOptions(t *testing.T) {
	t.Parallel()
	testOptions(t, "log", newLogCmd, []optionsCase[logOptions]{
		{name: "a call, now", args: []string{"ana"}, want: logOptions{names: []string{"ana"}, via: "call"}},
		{name: "everything", args: []string{"ana,ben", "chloé", "--via", "video", "--in", "--at", "yesterday", "--minutes", "40", "--note", "hi", "--json"},
			want: logOptions{names: []string{"ana,ben", "chloé"}, via: "video", inbound: true, at: "yesterday", minutes: 40, note: "hi", json: true}},
		{name: "missed", args: []string{"ana", "--missed", "--in"}, want: logOptions{names: []string{"ana"}, via: "call", missed: true, inbound: true}},
		{name: "no name", args: nil, wantErr: "log needs a NAME"},
		{name: "a bad channel", args: []string{"ana", "--via", "pigeon"}, wantErr: "--via:"},
		{name: "a missed text", args: []string{"ana", "--missed", "--via", "text"}, wantErr: "--missed is for a call or a video call, not text"},
		{name: "a missed call with minutes", args: []string{"ana", "--missed", "--minutes", "5"}, wantErr: "--minutes is for a call that connected"},
		{name: "minutes below zero", args: []string{"ana", "--minutes", "-5"}, wantErr: "--minutes must be a positive number, not -5"},
	})
}

func TestDoneOptions(t *testing.T) {
	t.Parallel()
	testOptions(t, "done", newDoneCmd, []optionsCase[doneOptions]{
		{name: "an id", args: []string{"01JD8X4T"}, want: doneOptions{id: "01JD8X4T"}},
		{name: "a name and a number, as JSON", args: []string{"ana", "2", "--json"}, want: doneOptions{name: "ana", nth: 2, json: true}},
		{name: "not a number", args: []string{"ana", "first"}, wantErr: `"first" is not a memory's number`},
		{name: "zero", args: []string{"ana", "0"}, wantErr: `"0" is not a memory's number`},
		{name: "nothing", args: nil, wantErr: "done takes a MEMORY-ID"},
		{name: "too much", args: []string{"ana", "1", "2"}, wantErr: "done takes a MEMORY-ID"},
	})
}

func TestUndoOptions(t *testing.T) {
	t.Parallel()
	testOptions(t, "undo", newUndoCmd, []optionsCase[undoOptions]{
		{name: "the latest", args: nil, want: undoOptions{}},
		{name: "the list, as JSON", args: []string{"--list", "--json"}, want: undoOptions{list: true, json: true}},
		{name: "an argument", args: []string{"ana"}, wantErr: "no arguments"},
	})
}

func TestUnlogOptions(t *testing.T) {
	t.Parallel()
	testOptions(t, "unlog", newUnlogCmd, []optionsCase[unlogOptions]{
		{name: "an id", args: []string{"01M86E"}, want: unlogOptions{id: "01M86E"}},
		{name: "as JSON", args: []string{"01M86E", "--json"}, want: unlogOptions{id: "01M86E", json: true}},
		{name: "no id", args: nil, wantErr: "one interaction ID"},
	})
}

func TestAmendOptions(t *testing.T) {
	t.Parallel()
	testOptions(t, "amend", newAmendCmd, []optionsCase[amendOptions]{
		{name: "channel and minutes", args: []string{"01M86E", "--via", "video", "--minutes", "40"},
			want: amendOptions{id: "01M86E", via: "video", minutes: 40, set: map[string]bool{"via": true, "minutes": true}}},
		{name: "no note, as JSON", args: []string{"01M86E", "--note", "", "--json"},
			want: amendOptions{id: "01M86E", set: map[string]bool{"note": true}, json: true}},
		{name: "people", args: []string{"01M86E", "--with", "ben", "--without", "chloé,dan"},
			want: amendOptions{id: "01M86E", with: []string{"ben"}, without: []string{"chloé,dan"}, set: map[string]bool{"with": true, "without": true}}},
		{name: "nothing", args: []string{"01M86E"}, wantErr: "nothing to change"},
		{name: "only --json", args: []string{"01M86E", "--json"}, wantErr: "nothing to change"},
		{name: "in and out", args: []string{"01M86E", "--in", "--out"}, wantErr: "give --in or --out, not both"},
		{name: "a bad channel", args: []string{"01M86E", "--via", "pigeon"}, wantErr: "--via:"},
		{name: "minutes below zero", args: []string{"01M86E", "--minutes", "-1"}, wantErr: "--minutes must be a positive number"},
	})
}

func TestForgetOptions(t *testing.T) {
	t.Parallel()
	testOptions(t, "forget", newForgetCmd, []optionsCase[forgetOptions]{
		{name: "an id", args: []string{"01M86E"}, want: forgetOptions{id: "01M86E"}},
		{name: "as JSON", args: []string{"01M86E", "--json"}, want: forgetOptions{id: "01M86E", json: true}},
		{name: "two ids", args: []string{"a", "b"}, wantErr: "one memory ID"},
	})
}

func TestArchiveRestoreRmOptions(t *testing.T) {
	t.Parallel()
	testOptions(t, "archive", newArchiveCmd, []optionsCase[archiveOptions]{
		{name: "a name", args: []string{"old colleague"}, want: archiveOptions{name: "old colleague"}},
		{name: "as JSON", args: []string{"ben", "--json"}, want: archiveOptions{name: "ben", json: true}},
		{name: "no name", args: nil, wantErr: "one NAME"},
	})
	testOptions(t, "restore", newRestoreCmd, []optionsCase[restoreOptions]{
		{name: "a name", args: []string{"old colleague"}, want: restoreOptions{name: "old colleague"}},
		{name: "as JSON", args: []string{"ben", "--json"}, want: restoreOptions{name: "ben", json: true}},
		{name: "two names", args: []string{"ana", "ben"}, wantErr: "one NAME"},
	})
	testOptions(t, "rm", newRmCmd, []optionsCase[rmOptions]{
		{name: "confirmed", args: []string{"Test Person", "--yes"}, want: rmOptions{name: "Test Person", yes: true}},
		{name: "as JSON", args: []string{"ben", "--yes", "--json"}, want: rmOptions{name: "ben", yes: true, json: true}},
		{name: "not confirmed", args: []string{"ben"}, wantErr: "add --yes to confirm"},
	})
}

func TestRememberOptions(t *testing.T) {
	t.Parallel()
	testOptions(t, "remember", newRememberCmd, []optionsCase[rememberOptions]{
		{name: "words", args: []string{"ben", "started", "a", "new", "job"}, want: rememberOptions{name: "ben", text: "started a new job"}},
		{name: "a day, as JSON", args: []string{"ana", "exam on Friday", "--on", "friday", "--json"},
			want: rememberOptions{name: "ana", text: "exam on Friday", on: "friday", onSet: true, json: true}},
		{name: "an edit of the day", args: []string{"--edit", "01M86E", "--on", ""}, want: rememberOptions{edit: "01M86E", editing: true, onSet: true}},
		{name: "an edit of the text", args: []string{"--edit", "01M86E", "exam", "moved"}, want: rememberOptions{edit: "01M86E", editing: true, text: "exam moved"}},
		{name: "no text", args: []string{"ana"}, wantErr: "remember takes a NAME and the TEXT"},
		{name: "an edit of nothing", args: []string{"--edit", "01M86E"}, wantErr: "nothing to change"},
	})
}
