package tui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

func TestLogCallWithOneKeystroke(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	h.start(80, 24)
	h.press("2", "down") // Ana Lima
	before := len(h.interactions())
	h.press("l", "enter")
	list := h.interactions()
	if len(list) != before+1 {
		t.Fatalf("%d interactions after l enter, want %d", len(list), before+1)
	}
	in := list[0]
	if in.Via != cadence.Call || in.Direction != cadence.Out || !in.At.Equal(testNow) || in.People[0] != ids["Ana"] {
		t.Errorf("logged %s %s at %v with %v; want a call out, now, with Ana", in.Via, in.Direction, in.At, in.Names)
	}
	if h.m.form != nil {
		t.Error("the form is still open")
	}
	h.contains("Logged a call with Ana Lima, today at 09:30.")
	// The cursor stays on Ana, who has moved to the bottom.
	if got := h.cursorLine(); !strings.HasPrefix(got, "Ana Lima") {
		t.Errorf("cursor on %q, want Ana Lima", got)
	}
}

func TestLogEveryField(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.press("l")            // Ben, first in Today
	h.press("right")        // call → video
	h.press("tab", "space") // out → in
	h.press("tab")
	h.typeText("yesterday")
	h.press("tab")
	h.typeText("40")
	h.press("tab")
	h.typeText("his new flat")
	h.press("enter")
	in := h.interactions()[0]
	if in.Via != cadence.Video || in.Direction != cadence.In || in.Minutes != 40 || in.Note != "his new flat" ||
		!in.At.Equal(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("logged %+v; want a video call from Ben yesterday at noon, 40 minutes, with the note", in)
	}
	h.contains("Logged a video call from Ben Okafor, yesterday at 12:00.")
}

func TestLogChannelPickerPutsRealConversationsFirst(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.press("l")
	h.contains("real  in-person [call] video", "touch text email letter social gift")
	h.press("right", "right") // video, then text: the first touch
	h.contains("touch [text] email")
	// An alias typed in full picks its channel.
	h.press("backspace", "backspace", "backspace", "backspace")
	h.typeText("zoom")
	h.contains("in-person call [video]")
}

// TestFormValidation gives each form the bad input of the command line's
// own error tests and expects the command line's message. Where the command
// line names a flag ("--via: ", "--until "), the TUI names the field
// ("channel: ", "until "); the rest, msg below, is word for word what
// `tend` prints for the same input.
func TestFormValidation(t *testing.T) {
	t.Parallel()
	type tc struct {
		name  string
		keys  []string // keys that open the form and reach the field
		typed string   // typed there
		more  []string // keys after typing, before enter
		field string   // how the TUI names the field
		msg   string   // the command line's message after its flag
	}
	chars := func(s string) []string { return strings.Split(s, "") }
	tests := []tc{
		{"bad channel", []string{"l", "ctrl+u"}, "pigeon", nil, "channel: ",
			`unknown channel "pigeon" (want in-person, call, video, text, email, letter, social or gift)`},
		{"future when", []string{"l", "tab", "tab"}, "2026-12-01", nil, "when: ",
			`"2026-12-01" is in the future; log what has happened`},
		{"future when time", []string{"l", "tab", "tab"}, "2026-11-24T09:32:00Z", nil, "when: ",
			`"2026-11-24T09:32:00Z" is in the future; log what has happened`},
		{"unreadable when", []string{"l", "tab", "tab"}, "next blursday", nil, "when: ",
			`cannot read date "next blursday" (try 2026-11-20, yesterday, tuesday, 3d or "3 days ago")`},
		{"impossible when", []string{"l", "tab", "tab"}, "2026-02-30", nil, "when: ",
			`invalid date "2026-02-30": February has no day 30`},
		{"negative minutes", []string{"l", "tab", "tab", "tab"}, "-5", nil, "minutes ",
			`must be a positive number, not -5`},
		{"with no one of that name", []string{"l", "tab", "tab", "tab", "tab", "tab"}, "ben, zed", nil, "with: ",
			`no one called "zed"`},
		{"with more than one", []string{"l", "tab", "tab", "tab", "tab", "tab"}, "n", nil, "with: ",
			`"n" matches 3 people: Ana Lima, Ben Okafor, Chloé Martin; be more specific`},
		{"every unparsable", []string{"a"}, "Zoe", append([]string{"tab", "tab"}, chars("often")...), "every: ",
			`"often" is not a number of days (try 14, 14d or 2w)`},
		{"every zero", []string{"a"}, "Zoe", append([]string{"tab", "tab"}, chars("0")...), "every: ",
			`"0" must be between 1 and 3660 days`},
		{"every negative", []string{"a"}, "Zoe", append([]string{"tab", "tab"}, chars("-3")...), "every: ",
			`"-3" must be between 1 and 3660 days`},
		{"every too long", []string{"a"}, "Zoe", append([]string{"tab", "tab"}, chars("100000")...), "every: ",
			`"100000" must be between 1 and 3660 days`},
		{"empty name", []string{"a"}, "   ", nil, "",
			`name is empty`},
		{"duplicate name", []string{"a"}, "ana lima", nil, "",
			`"Ana Lima" is already someone in tend: give a name that tells them apart (a surname, a place), or archive the other first`},
		{"rename onto another", []string{"2", "down", "e", "ctrl+u"}, "Ben Okafor", nil, "",
			`"Ben Okafor" is already someone in tend: give a name that tells them apart (a surname, a place), or archive the other first`},
		{"unknown tier", []string{"a"}, "Zoe", append([]string{"tab", "ctrl+u"}, chars("boss")...), "tier: ",
			`unknown tier "boss" (want inner, close, regular or outer)`},
		{"impossible birthday", []string{"a"}, "Zoe", append([]string{"tab", "tab", "tab"}, chars("02-30")...), "birthday: ",
			`invalid date "02-30": February has no day 30`},
		{"bad important date", []string{"a"}, "Zoe", append([]string{"tab", "tab", "tab", "tab", "tab", "tab", "tab"}, chars("anniversary")...), "date ",
			`"anniversary": want LABEL=MM-DD, such as anniversary=06-01`},
		{"remember empty", []string{"m"}, "  ", nil, "",
			`nothing to remember: the text is empty`},
		{"remember unreadable on", []string{"m"}, "x", append([]string{"tab"}, chars("someday")...), "on: ",
			`cannot read date "someday" (try 2026-11-20, tomorrow, friday, 3d or "in 3 days")`},
		{"snooze past", []string{"s", "tab"}, "2026-11-01", nil, "until ",
			`"2026-11-01" is not in the future`},
		{"snooze unreadable", []string{"s", "tab"}, "blah", nil, "until: ",
			`cannot read date "blah" (try 2026-11-20, tomorrow, friday, 3d or "in 3 days")`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.seedTour()
			h.start(80, 24)
			before := h.snapshot()
			h.press(tc.keys...)
			h.typeText(tc.typed)
			h.press(tc.more...)
			h.press("enter")
			if h.m.form == nil {
				t.Fatal("the form closed on bad input")
			}
			want := tc.field + tc.msg
			shown := "! " + want[:min(len(want), 40)]
			if n := strings.Count(h.screen(), shown); n != 1 {
				t.Errorf("the problem %q is on the screen %d times, want once:\n%s", shown, n, h.screen())
			}
			if after := h.snapshot(); after != before {
				t.Errorf("bad input wrote to the database:\n%s\n---\n%s", before, after)
			}
			// A command to type in a shell means nothing inside the
			// full-screen view.
			for _, cmd := range []string{"tend add", "tend edit"} {
				if strings.Contains(h.screen(), cmd) {
					t.Errorf("the form tells a shell command, %q:\n%s", cmd, h.screen())
				}
			}
		})
	}
}

func TestEscWritesNothing(t *testing.T) {
	t.Parallel()
	forms := [][]string{
		{"l"}, {"a"}, {"2", "e"}, {"m"}, {"s"}, {"x"},
	}
	for _, keys := range forms {
		h := newHarness(t)
		h.seedTour()
		h.start(80, 24)
		before := h.snapshot()
		h.press(keys...)
		if h.m.form == nil {
			t.Fatalf("%v opened no form", keys)
		}
		h.typeText("Zed")
		typed := h.m.form.changed()
		h.press("esc")
		if typed {
			if h.m.form == nil {
				t.Fatalf("%v: esc threw away what was typed without asking", keys)
			}
			h.contains("Throw away what you typed?")
			h.press("n") // keep editing: nothing is lost
			if h.m.form == nil || !h.m.form.changed() {
				t.Fatalf("%v: n did not keep the form as typed", keys)
			}
			h.press("esc", "y")
		}
		if h.m.form != nil {
			t.Errorf("%v: esc left the form open", keys)
		}
		if h.m.status != "" || h.m.statusErr {
			t.Errorf("%v: %q (error %v) is left in the status line", keys, h.m.status, h.m.statusErr)
		}
		if after := h.snapshot(); after != before {
			t.Errorf("%v then esc wrote to the database", keys)
		}
	}
}

func TestEscClosesAnUntouchedFormAtOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.press("l", "esc")
	if h.m.form != nil {
		t.Fatalf("esc on an untouched form asked or stayed:\n%s", h.screen())
	}
}

func TestTypingOverAPickedChoiceReplacesIt(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.press("a", "tab") // the tier field, "regular" picked
	h.typeText("close")
	f := h.m.form.(*personForm)
	if got := f.tier.current(); got != "close" {
		t.Errorf("typing close over the picked tier gave %q, want close", got)
	}
}

// TestWriteErrorKeepsTheForm closes the database under the TUI: the write
// fails, the error is in the status line, nothing crashes, and the form
// keeps what was typed so the user can try again.
func TestWriteErrorKeepsTheForm(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.press("l", "tab", "tab", "tab")
	h.typeText("25")
	broken, err := store.Open(h.path, store.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	broken.Close()
	good := h.m.opts.Core
	h.m.opts.Core = core.New(broken, good.Rules())
	h.press("enter")
	if h.m.form == nil {
		t.Fatal("a failed write closed the form")
	}
	if n := strings.Count(h.screen(), "closed"); n != 1 {
		t.Errorf("the write error is on the screen %d times, want once in the form:\n%s", n, h.screen())
	}
	h.contains("! ", "25")
	h.m.opts.Core = good
	h.press("enter")
	if h.m.form != nil {
		t.Fatalf("the retry failed: %s", h.m.status)
	}
	if in := h.interactions()[0]; in.Minutes != 25 {
		t.Errorf("the retry logged %d minutes, want 25", in.Minutes)
	}
}

// TestAnotherWriterShowsUp logs from a second connection, as `tend log`
// from another shell would, and expects the TUI to show it after one poll
// with the cursor still on the same person and an open form untouched.
func TestAnotherWriterShowsUp(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	h.start(80, 24)
	h.press("2", "down", "down") // Chloé Martin, third
	if got := h.cursorLine(); !strings.HasPrefix(got, "Chloé Martin") {
		t.Fatalf("cursor on %q, want Chloé", got)
	}
	other, err := store.Open(h.path, store.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	// Ben, first in the list, is called: he drops to the bottom, and
	// Chloé moves up a row.
	if _, err := other.AddInteraction(t.Context(), domain.Interaction{People: []string{ids["Ben"]}, Via: cadence.Call, At: testNow}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(h.screen(), "today, call") {
		t.Fatal("the change shows before any poll")
	}
	h.send(pollMsg{now: testNow})
	h.contains("today, call")
	if got := h.cursorLine(); !strings.HasPrefix(got, "Chloé Martin") {
		t.Errorf("after the poll the cursor is on %q, want Chloé", got)
	}

	// An open form survives a poll with what was typed in it.
	h.press("l", "tab", "tab", "tab")
	h.typeText("15")
	if _, err := other.AddInteraction(t.Context(), domain.Interaction{People: []string{ids["Dev"]}, Via: cadence.Text, At: testNow}); err != nil {
		t.Fatal(err)
	}
	h.send(pollMsg{now: testNow})
	if h.m.form == nil {
		t.Fatal("a poll closed the form")
	}
	h.contains("Log a conversation with Chloé Martin", "minutes  15")
	// A poll with nothing new reads nothing.
	seq := h.m.seq
	h.send(pollMsg{now: testNow})
	if h.m.seq != seq {
		t.Error("a poll with no change reloaded")
	}
}

// TestFormInAShortWindow moves through the add form in a window too short
// for it: the focused field is always on screen, under the title, and a
// problem stays on the last line of the form.
func TestFormInAShortWindow(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 12)
	h.press("a")
	h.typeText("Zoe")
	labels := []string{"name", "tier", "every", "birthday", "phones", "emails", "tags", "dates", "notes"}
	for i, label := range labels {
		if i > 0 {
			h.press("tab")
		}
		screen := h.screen()
		if !strings.Contains(screen, "▸ "+label) {
			t.Fatalf("focus on %s, not on screen:\n%s", label, screen)
		}
		if !strings.Contains(screen, "Add someone") {
			t.Fatalf("focus on %s, the title is gone:\n%s", label, screen)
		}
	}
	h.golden("add_form_last_field_80x12")
	h.press("shift+tab")
	h.typeText("anniversary")
	h.press("enter")
	h.contains("▸ dates", "! date ")
	h.golden("add_form_problem_80x12")
}

// TestLogWithOthers logs a dinner with the selected person and two more,
// named as tend log names them: one interaction with all three.
func TestLogWithOthers(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	h.start(80, 24)
	h.press("2", "down") // Ana Lima
	before := len(h.interactions())
	h.press("l", "ctrl+u")
	h.typeText("irl")
	h.press("tab", "tab", "tab", "tab", "tab")
	h.typeText("ben, chloé, Ana Lima")
	h.press("enter")
	list := h.interactions()
	if len(list) != before+1 {
		t.Fatalf("%d interactions, want %d", len(list), before+1)
	}
	got := list[0].People
	slices.Sort(got)
	want := []string{ids["Ana"], ids["Ben"], ids["Chloé"]}
	slices.Sort(want)
	if !slices.Equal(got, want) || list[0].Via != cadence.InPerson {
		t.Errorf("logged %s with %v; want in-person with Ana, Ben and Chloé", list[0].Via, list[0].Names)
	}
	h.contains("Logged a meeting in person with Ana Lima, Ben Okafor and Chloé Martin, today at")
}

// TestLogMissedCall marks a call that did not connect in the log form: it
// is stored as missed and confirmed in the same words as tend log --missed.
func TestLogMissedCall(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.press("2", "down")                                // Ana Lima
	h.press("l", "tab", "right")                        // who: in
	h.press("tab", "tab", "tab", "tab", "tab", "right") // missed: yes
	h.contains("missed", "yes")
	h.press("enter")
	list := h.interactions()
	if in := list[0]; !in.Missed || in.Via != cadence.Call || in.Direction != cadence.In {
		t.Errorf("logged %+v; want a missed call from Ana", in)
	}
	h.contains("Logged a missed call from Ana Lima, today at")
	h.press("4") // history
	h.contains("missed")

	// c corrects it: the form shows it missed, and no puts it right.
	h.press("c")
	h.contains("Correct a missed call from Ana Lima")
	h.press("tab", "tab", "tab", "tab", "tab", "tab")
	if h.m.form == nil || !strings.Contains(h.cursorLine(), "yes") {
		t.Fatalf("the correction form does not show the call as missed:\n%s", h.screen())
	}
	h.press("left", "enter")
	if in := h.interactions()[0]; in.Missed || in.Via != cadence.Call {
		t.Errorf("corrected to %+v; want a call that connected", in)
	}

	h.press("2", "down", "l", "ctrl+u")
	h.typeText("text")
	h.press("tab", "tab", "tab", "tab", "tab", "tab", "right", "enter")
	h.contains("! missed: only a call or a video call can be missed, not text")
}

// TestLogWithSomeoneArchivedSaysSo: naming an archived person in "with"
// logs with them too, and the status line says they are archived and how
// they come back, as tend log says on stderr; with no one archived it
// says nothing of the kind.
func TestLogWithSomeoneArchivedSaysSo(t *testing.T) {
	for _, tc := range []struct {
		name, with, want string
	}{
		{"one archived", "dev", "Dev Patel is archived; restore them (u) to bring them back to the lists."},
		{"two archived", "dev, chloé", "Dev Patel and Chloé Martin are archived; restore them (u) to bring them back"},
		{"none archived", "ben", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			ids := h.seedTour()
			for _, name := range []string{"Dev", "Chloé"} {
				if name == "Chloé" && !strings.Contains(tc.with, "chloé") {
					continue
				}
				if _, err := h.s.UpdatePerson(context.Background(), ids[name], func(p *domain.Person) error { p.ArchivedAt = testNow; return nil }); err != nil {
					t.Fatal(err)
				}
			}
			h.start(80, 24)
			h.press("2", "down", "l") // Ana Lima
			h.press("tab", "tab", "tab", "tab", "tab")
			h.typeText(tc.with)
			h.press("enter")
			if h.m.form != nil {
				t.Fatalf("the form is still open:\n%s", h.screen())
			}
			if !strings.HasPrefix(h.m.status, "Logged a call with Ana Lima") {
				t.Errorf("status %q, want the log first", h.m.status)
			}
			if tc.want == "" {
				if strings.Contains(h.m.status, "archived") {
					t.Errorf("status %q speaks of someone archived", h.m.status)
				}
				return
			}
			if !strings.Contains(h.m.status, tc.want) {
				t.Errorf("status %q, want it to say %q", h.m.status, tc.want)
			}
			h.contains("archived; restore them (u) to bring them back")
			if h.m.statusErr {
				t.Error("the note is shown as an error; the log went through")
			}
		})
	}
}

// TestEditSavesOnlyWhatChanged: saving the edit form as it opened changes
// nothing, and a change to one field leaves the others as stored, even
// those a text input cannot show as they are (a tag with a comma, a date
// label with a tab, notes over several lines).
func TestEditSavesOnlyWhatChanged(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	stored := domain.Person{Name: "Pat Reyes", Tags: []string{"a,b"}, Phones: []string{"+1 555, 0100"},
		Notes: "first line\nsecond line", ImportantDates: []domain.ImportantDate{{Label: "l\tx", Date: cadence.MonthDay{Month: 1, Day: 2}}}}
	p, err := h.s.AddPerson(context.Background(), stored)
	if err != nil {
		t.Fatal(err)
	}
	h.start(80, 24)
	h.press("2", "e")
	h.contains("Edit Pat Reyes")
	h.press("enter")
	if h.m.status != "Nothing changed." {
		t.Errorf("status = %q, want %q", h.m.status, "Nothing changed.")
	}
	same := func(want domain.Person) {
		t.Helper()
		got := h.person(p.ID)
		if !slices.Equal(got.Tags, want.Tags) || !slices.Equal(got.Phones, want.Phones) || got.Notes != want.Notes ||
			!slices.Equal(got.ImportantDates, want.ImportantDates) || got.Tier != want.Tier {
			t.Errorf("stored %+v\nwant %+v", got, want)
		}
	}
	same(p)

	h.press("2", "e", "tab") // tier
	h.press("right")
	h.press("enter")
	want := p
	want.Tier = h.person(p.ID).Tier
	if want.Tier == p.Tier {
		t.Fatalf("the tier was not changed:\n%s", h.screen())
	}
	same(want)
}

// TestEditingANoteKeepsItsLines: a note of several lines, changed by one
// word in the edit form, keeps its line breaks and tabs, which the field
// shows as marks; a note that holds those marks itself keeps them, its
// lines shown with another pair.
func TestEditingANoteKeepsItsLines(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ stored, shown, saved string }{
		{"line one\nline\ttwo", "line one↵line⇥two", "line one\nline\ttwo three"},
		{"press ↵ then ⇥\nnext line", "press ↵ then ⇥⏎next line", "press ↵ then ⇥\nnext line three"},
	} {
		h := newHarness(t)
		p, err := h.s.AddPerson(context.Background(), domain.Person{Name: "Pat Reyes", Notes: c.stored})
		if err != nil {
			t.Fatal(err)
		}
		h.start(80, 24)
		h.press("2", "e")
		for range 8 {
			h.press("tab") // to notes
		}
		h.contains(c.shown)
		h.typeText(" three")
		h.press("enter")
		if got := h.person(p.ID).Notes; got != c.saved {
			t.Errorf("notes %q after adding a word = %q, want %q", c.stored, got, c.saved)
		}
	}
}

// TestFormInATinyWindow: however short the window, the field being typed
// into is on screen, before the title and the hints.
func TestFormInATinyWindow(t *testing.T) {
	t.Parallel()
	for _, height := range []int{5, 6, 7, 8} {
		h := newHarness(t)
		h.seedTour()
		h.start(30, height)
		h.press("2", "down", "l", "tab", "tab", "tab", "tab", "tab", "tab") // missed
		if !strings.Contains(h.screen(), "missed") {
			t.Errorf("a window %d rows tall does not show the field typed into:\n%s", height, h.screen())
		}
	}
}
