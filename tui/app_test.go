package tui

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/store"
)

// sizes are the windows every screen is drawn at: the classic terminal and
// a narrow one, where columns are dropped instead of wrapped.
var sizes = []struct{ w, h int }{{80, 24}, {50, 24}}

func TestEmptyDatabaseSaysHowToStart(t *testing.T) {
	t.Parallel()
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			h := newHarness(t).start(sz.w, sz.h)
			h.contains("Press a to add the first person")
			h.golden(fmt.Sprintf("empty_%dx%d", sz.w, sz.h))
			h.press("2")
			h.contains("Press a to add the first person")
		})
	}
}

func TestScreens(t *testing.T) {
	t.Parallel()
	screens := []struct {
		name string
		keys []string
	}{
		{"today", nil},
		{"people", []string{"2"}},
		{"person", []string{"2", "down", "enter"}}, // Ana Lima
		{"history", []string{"4"}},
		{"help", []string{"?"}},
		{"log", []string{"l"}},
		{"add", []string{"a"}},
		{"edit", []string{"2", "e"}},
		{"remember", []string{"m"}},
		{"snooze", []string{"s"}},
		{"archive", []string{"x"}},
		{"filter", []string{"2", "/", "c", "h"}},
		{"today_memory", []string{"down", "down"}},
	}
	for _, sz := range sizes {
		for _, sc := range screens {
			name := fmt.Sprintf("%s_%dx%d", sc.name, sz.w, sz.h)
			t.Run(name, func(t *testing.T) {
				h := newHarness(t)
				h.seedTour()
				h.start(sz.w, sz.h)
				h.press(sc.keys...)
				h.golden(name)
			})
		}
	}
}

func TestTodayShowsSuggestionsMemoriesAndBirthdays(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.contains(
		"Tuesday 24 November: 2 people to talk to",
		"1. Ben Okafor", "inner", "14 days ago, in-person",
		"birthday on Friday · Ben wrote 4 days ago, you have not answered",
		"2. Ana Lima", "43 days ago, call",
		"Remember", "Ana Lima: exam on Friday · due yesterday",
		"This week", "Ben Okafor: birthday, Friday 27 Nov (turns 36)",
	)
	if got := h.cursorLine(); !strings.Contains(got, "Ben Okafor") {
		t.Errorf("the cursor starts on %q, want the first suggestion", got)
	}
}

func TestTabsAndNumberKeys(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	steps := []struct {
		key  string
		want tab
	}{
		{"tab", tabPeople}, {"tab", tabHistory}, // Person is skipped until someone is opened
		{"tab", tabPlan}, {"tab", tabStats}, {"tab", tabToday}, {"shift+tab", tabStats},
		{"shift+tab", tabPlan}, {"shift+tab", tabHistory}, {"2", tabPeople}, {"3", tabPeople},
		{"enter", tabPerson}, {"esc", tabPeople}, {"3", tabPerson}, {"1", tabToday}, {"4", tabHistory},
		{"5", tabPlan}, {"6", tabStats}, {"tab", tabToday}, {"shift+tab", tabStats},
		{"3", tabPerson}, {"tab", tabHistory}, {"6", tabStats}, {"shift+tab", tabPlan},
		{"esc", tabToday}, {"5", tabPlan}, {"esc", tabToday}, {"2", tabPeople}, {"esc", tabToday},
		{"4", tabHistory}, {"esc", tabToday}, {"esc", tabToday},
	}
	for i, s := range steps {
		h.press(s.key)
		if h.m.tab != s.want {
			t.Fatalf("step %d (%s): on %v, want %v", i, s.key, h.m.tab, s.want)
		}
	}
}

func TestQuestionMarkOpensAndClosesTheHelp(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.press("?")
	if !h.m.showHelp {
		t.Fatal("? did not open the help")
	}
	h.press("?")
	if h.m.showHelp {
		t.Fatal("? did not close the help")
	}
	h.press("?", "?", "l") // then the keys work again: l opens the log form
	if _, ok := h.m.form.(*logForm); !ok {
		t.Fatalf("after ? ? the l key did not open the log form:\n%s", h.screen())
	}
}

func TestAKeyThatCannotActSaysWhy(t *testing.T) {
	t.Parallel()
	cases := []struct {
		keys []string
		want string
	}{
		{[]string{"/"}, "/ filters People and searches History: press 2 or 4 first."},
		{[]string{"A"}, "A works in People: press 2 first."},
		{[]string{"3"}, "No one is open yet: choose someone and press enter."},
		{[]string{"u"}, "u restores an archived person; Ben Okafor is not archived."},
		{[]string{"d"}, "d marks a memory done: move the cursor onto an open memory first."},
		{[]string{"c"}, "c acts on the interaction under the cursor, in History (4) or on someone's timeline (3)."},
		{[]string{"2", "X"}, "X acts on the interaction under the cursor, in History (4) or on someone's timeline (3)."},
		{[]string{"4", "G", "e", "esc"}, ""}, // e works on History's people: no complaint
	}
	for _, c := range cases {
		t.Run(strings.Join(c.keys, " "), func(t *testing.T) {
			h := newHarness(t)
			h.seedTour()
			h.start(80, 24)
			h.press(c.keys...)
			if h.m.status != c.want {
				t.Errorf("status = %q, want %q", h.m.status, c.want)
			}
		})
	}
}

func TestPeopleFilterIsFuzzyAndEscClearsIt(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.press("2", "/")
	h.typeText("cmt") // Chloé MarTin, fuzzily
	h.contains("1 of 4", "Chloé Martin")
	if s := h.screen(); strings.Contains(s, "Ana Lima") {
		t.Errorf("the filter lets Ana Lima through:\n%s", s)
	}
	h.press("enter") // keep the filter, give the keys back
	h.press("enter") // open the one match
	if h.m.tab != tabPerson || !strings.Contains(h.screen(), "Chloé Martin  regular") {
		t.Fatalf("enter did not open Chloé:\n%s", h.screen())
	}
	h.press("esc", "esc") // back to People, then clear the filter
	h.contains("Ana Lima", "Ben Okafor", "Dev Patel")
	if h.m.people.filtered() {
		t.Error("esc did not clear the filter")
	}
}

// TestPeopleFilterFoldsAccents: /chloe finds Chloé first, as tend log
// chloe does, and an accent typed finds her too.
func TestPeopleFilterFoldsAccents(t *testing.T) {
	t.Parallel()
	for _, typed := range []string{"chloe", "CHLOÉ", "martin"} {
		h := newHarness(t)
		h.seedTour()
		h.start(80, 24)
		h.press("2", "/")
		h.typeText(typed)
		if len(h.m.people.rows) == 0 || h.m.people.rows[0].sum.Name != "Chloé Martin" {
			t.Errorf("/%s: first row is not Chloé Martin:\n%s", typed, h.screen())
		}
	}
}

// TestPeopleFilterFindsAliases: /mama finds Mum, as tend log mama does.
func TestPeopleFilterFindsAliases(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	if _, err := h.s.AddPerson(context.Background(), domain.Person{Name: "Mum", Aliases: []string{"mama"}}); err != nil {
		t.Fatal(err)
	}
	h.start(80, 24)
	h.press("2", "/")
	h.typeText("mama")
	if len(h.m.people.rows) != 1 || h.m.people.rows[0].sum.Name != "Mum" {
		t.Errorf("/mama does not find Mum alone:\n%s", h.screen())
	}
}

func TestPeopleSortedByDueWithBar(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.press("2")
	var order []string
	for _, l := range strings.Split(h.screen(), "\n") {
		for _, n := range []string{"Ana Lima", "Ben Okafor", "Chloé Martin", "Dev Patel"} {
			if strings.Contains(l, n) {
				order = append(order, n)
			}
		}
	}
	want := []string{"Ben Okafor", "Ana Lima", "Chloé Martin", "Dev Patel"}
	if strings.Join(order, ",") != strings.Join(want, ",") {
		t.Errorf("people in order %v, want %v", order, want)
	}
	h.contains("██████████ 2.00 !!", "██████████ 1.43 !!", "█░░░░░░░░░ 0.08")
}

func TestNarrowWindowKeepsTheLastTalkInShort(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(50, 20)
	h.press("2")
	s := h.screen()
	if strings.Contains(s, "LAST REAL CONVERSATION") || strings.Contains(s, "█") {
		t.Errorf("at 50 columns the bar and the long last talk should be dropped:\n%s", s)
	}
	h.contains("2.00 !!", "inner", "LAST REAL", "Ben Okafor           inner   2.00 !! 14 days ago", "never")
	// Growing the window brings them back.
	h.width, h.height = 100, 30
	h.send(windowSize(100, 30))
	h.contains("LAST REAL CONVERSATION", "██████████ 2.00 !!")
}

func TestArchivedHiddenUnlessToggled(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	h.start(80, 24)
	h.press("2", "end", "x")
	h.contains("Archive Dev Patel?")
	h.press("y")
	if !h.person(ids["Dev"]).Archived() {
		t.Fatal("y did not archive Dev Patel")
	}
	h.contains("Archived Dev Patel.")
	if strings.Contains(h.screen(), "Dev Patel  ") {
		t.Errorf("an archived person is listed:\n%s", h.screen())
	}
	h.press("A")
	h.contains("Dev Patel (archived)")
	h.press("end")
	if got := h.cursorLine(); !strings.HasPrefix(got, "Dev Patel (archived)") {
		t.Fatalf("cursor on %q, want Dev Patel", got)
	}
	h.press("u")
	if h.person(ids["Dev"]).Archived() {
		t.Fatal("u did not restore Dev Patel")
	}
	h.contains("Restored Dev Patel.")
}

func TestArchiveNeedsConfirmation(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	before := h.snapshot()
	h.press("x", "n")
	h.press("x", "esc")
	if h.m.form != nil {
		t.Fatal("the question is still open")
	}
	if after := h.snapshot(); after != before {
		t.Errorf("saying no wrote something:\n%s\n%s", before, after)
	}
}

func TestDoneMarksTheMemory(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.press("down", "down") // Today: the memory under the suggestions
	if got := h.cursorLine(); !strings.Contains(got, "exam on Friday") {
		t.Fatalf("cursor on %q, want the memory", got)
	}
	h.press("d")
	h.contains("Done: exam on Friday")
	if strings.Contains(h.screen(), "Remember") {
		t.Errorf("a done memory is still in Today:\n%s", h.screen())
	}
	// It shows as done in the person's view.
	h.press("2", "g", "down", "enter")
	h.contains("[x] exam on Friday")
}

func TestRememberWithADay(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	h.start(80, 24)
	h.press("2", "end", "m") // Dev Patel
	h.typeText("new job at the bakery")
	h.press("tab")
	h.typeText("friday")
	h.press("enter")
	h.contains("Remembered for Dev Patel, for Fri 27 Nov 2026: new job at the bakery")
	h.press("enter")
	h.contains("[ ] new job at the bakery · due Fri 27 Nov 2026", "Remember · 1 open")
	ms, err := h.s.Memories(t.Context(), ids["Dev"])
	if err != nil || len(ms) != 1 || ms[0].Due.Format("2006-01-02") != "2026-11-27" {
		t.Errorf("memories = %+v, %v; want one due 2026-11-27", ms, err)
	}
}

func TestSnoozeAWeek(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	h.start(80, 24)
	h.press("s", "enter") // Ben, the default: a week
	got := h.person(ids["Ben"]).SnoozedUntil
	if want := "2026-12-01T00:00:00Z"; got.UTC().Format("2006-01-02T15:04:05Z") != want {
		t.Errorf("snoozed until %v, want %s", got, want)
	}
	h.contains("Snoozed Ben Okafor until Tue 1 Dec 2026.")
	if got := h.cursorLine(); strings.Contains(got, "Ben Okafor") && strings.Contains(got, "1.") {
		t.Errorf("Ben is still suggested: %q", got)
	}
	// Waking up is offered to someone snoozed.
	h.press("2", "s")
	h.contains("wake up")
}

func TestSnoozeChoices(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		keys  []string
		typed string
		want  string
	}{
		{[]string{"left", "left"}, "", "2026-11-25"},
		{[]string{"left"}, "", "2026-11-27"},
		{[]string{"tab"}, "friday", "2026-11-27"},
		{[]string{"tab"}, "2026-12-24", "2026-12-24"},
	} {
		h := newHarness(t)
		ids := h.seedTour()
		h.start(80, 24)
		h.press("s")
		h.press(tc.keys...)
		h.typeText(tc.typed)
		h.press("enter")
		if got := h.person(ids["Ben"]).SnoozedUntil.Format("2006-01-02"); got != tc.want {
			t.Errorf("%v %q: snoozed until %s, want %s", tc.keys, tc.typed, got, tc.want)
		}
	}
}

func TestEditChangesOnlyWhatWasTyped(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	h.start(80, 24)
	h.press("2", "e")                // Ben
	h.press("tab", "right", "right") // inner → regular
	h.press("enter")
	p := h.person(ids["Ben"])
	if p.Tier != cadence.Regular || p.Birthday.String() != "1990-11-27" || strings.Join(p.Tags, ",") != "family" {
		t.Errorf("after edit: tier %s, birthday %s, tags %v; want regular, 1990-11-27, [family]", p.Tier, p.Birthday, p.Tags)
	}
	h.contains("Updated Ben Okafor (regular, every 180 days).")
}

func TestAddPersonWithEveryField(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.start(80, 24)
	h.press("a")
	h.typeText("Zoë O'Brien")
	h.press("tab", "left") // regular → close
	h.press("tab")
	h.typeText("2w")
	h.press("tab")
	h.typeText("1990-04-15")
	h.press("tab", "tab", "tab", "tab")
	h.typeText("anniversary=2015-06-01")
	h.press("enter")
	h.contains("Added Zoë O'Brien (close, every 14 days).")
	if h.m.tab != tabPeople || !strings.HasPrefix(h.cursorLine(), "Zoë O'Brien") {
		t.Errorf("after adding, on %v with the cursor on %q; want People, on Zoë", h.m.tab, h.cursorLine())
	}
	h.press("enter")
	h.contains("birthday    15 April 1990", "anniversary 1 June 2015")
}

func TestHistoryLoadsMoreNearTheEnd(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	h.start(80, 24)
	for i := range historyPage + 10 {
		h.clock = testNow
		if _, err := h.s.AddInteraction(t.Context(), interactionFor(ids["Dev"], i)); err != nil {
			t.Fatal(err)
		}
	}
	h.press("4")
	if n := len(h.m.history.items); n != historyPage {
		t.Fatalf("history read %d, want a first page of %d", n, historyPage)
	}
	h.press("end")
	if n := len(h.m.history.items); n != historyPage+13 {
		t.Fatalf("after end, history holds %d, want all %d", n, historyPage+13)
	}
}

func TestQuit(t *testing.T) {
	t.Parallel()
	for _, k := range []string{"q", "ctrl+c"} {
		h := newHarness(t).start(80, 24)
		h.press(k)
		if !h.quit {
			t.Errorf("%s did not quit", k)
		}
	}
	// In a form q is a letter; ctrl+c still quits.
	h := newHarness(t).start(80, 24)
	h.press("a", "q")
	if h.quit {
		t.Error("q quit from inside a form")
	}
	h.press("ctrl+c")
	if !h.quit {
		t.Error("ctrl+c did not quit from a form")
	}
}

func TestPersonTimelineScrolls(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	for i := range 40 {
		if _, err := h.s.AddInteraction(t.Context(), interactionFor(ids["Dev"], i)); err != nil {
			t.Fatal(err)
		}
	}
	h.start(80, 24)
	h.press("2", "end", "enter") // Dev Patel, last in People
	h.contains("Dev Patel  outer", "Timeline · 40 interactions", "text 0")
	h.press("end")
	h.contains("text 39")
	if s := h.screen(); strings.Contains(s, "Dev Patel  outer") || !strings.HasPrefix(h.cursorLine(), "2026-11-22 17:30") {
		t.Errorf("end should scroll to the oldest interaction, cursor on %q:\n%s", h.cursorLine(), s)
	}
	h.press("g")
	h.contains("Dev Patel  outer")
}

func TestTinyWindowNeverOverflows(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	for _, sz := range []struct{ w, h int }{{30, 6}, {20, 3}, {120, 40}} {
		h.width, h.height = sz.w, sz.h
		if h.m == nil {
			h.start(sz.w, sz.h)
		} else {
			h.send(windowSize(sz.w, sz.h))
		}
		for _, k := range []string{"1", "2", "4", "5", "end", "6", "end", "?", "down", "esc", "l", "esc", "a", "esc"} {
			h.press(k)
			h.screen() // checks every line fits and the height is the window's
		}
	}
}

func TestALongStatusIsNotCut(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(50, 24)
	h.m.setStatus("Logged a meeting in person with Ana Lima, Ben Okafor and Chloé Martin, today at 09:30.")
	lines := strings.Split(strings.TrimSuffix(h.screen(), "\n"), "\n")
	got := strings.Join(strings.Fields(strings.Join(lines[len(lines)-2:], " ")), " ")
	if got != "Logged a meeting in person with Ana Lima, Ben Okafor and Chloé Martin, today at 09:30." {
		t.Errorf("the status reads %q across its two lines", got)
	}
}

func TestTodaySaysWhatIsBelowTheFold(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 12)
	h.contains("more lines (j or ↓)")
	h.press("G") // the last item: the end of the view is on screen
	h.contains("This week")
	if strings.Contains(h.screen(), "more lines") {
		t.Errorf("at the end the view still says there is more:\n%s", h.screen())
	}
}

// TestListsSayWhatIsBelowTheFold: People and History say how many more
// rows are below, as Today does, and nothing once at the end.
func TestListsSayWhatIsBelowTheFold(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	for i := range 20 {
		p, err := h.s.AddPerson(context.Background(), domain.Person{Name: fmt.Sprintf("Person %02d", i)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := h.s.AddInteraction(context.Background(), domain.Interaction{People: []string{p.ID, ids["Ana"]}, Via: cadence.Text,
			At: testNow.Add(-time.Duration(i+1) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	h.start(80, 14)
	for _, view := range []string{"2", "4"} {
		h.press(view)
		h.contains("more lines (j or ↓)")
		h.press("G")
		if strings.Contains(h.screen(), "more lines") {
			t.Errorf("view %s at its end still says there is more:\n%s", view, h.screen())
		}
	}
}

func TestPeopleFilterByTag(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.press("2", "/")
	h.typeText("#FAMILY")
	h.contains("1 of 4", "Ben Okafor")
	if s := h.screen(); strings.Contains(s, "Ana Lima") {
		t.Errorf("#family lets Ana Lima through:\n%s", s)
	}
	h.press("ctrl+u")
	h.typeText("#family ana")
	h.contains("0 of 4")
}

func TestHistorySearchAndTheWholeNote(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ids := h.seedTour()
	long := "we talked about her new job at the observatory, the move to Porto in spring, and the dog, who is fine"
	if _, err := h.s.AddInteraction(t.Context(), domain.Interaction{
		People: []string{ids["Ana"]}, Via: cadence.Call, At: testNow.Add(-time.Hour), Note: long,
	}); err != nil {
		t.Fatal(err)
	}
	h.start(80, 24)
	h.press("4")
	h.contains("─ note", "the move to Porto in spring,", "and the dog, who is fine")
	h.press("/")
	h.typeText("rosa")
	h.contains("1 of ", "dinner at Rosa's")
	if strings.Contains(h.screen(), "observatory") {
		t.Errorf("the search for rosa lets the call through:\n%s", h.screen())
	}
	h.typeText("zzz")
	h.contains("0 of ", "no interaction matches")
	for range 3 {
		h.press("backspace")
	}
	h.press("enter", "esc") // keep the search, then drop it
	if h.m.history.searched() || h.m.tab != tabHistory {
		t.Errorf("esc did not clear the search first (searched %v, on %v)", h.m.history.searched(), h.m.tab)
	}
}

func TestPersonTimelineShowsTheWholeNoteUnderTheCursor(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	p, err := h.s.AddPerson(t.Context(), domain.Person{Name: "Iris Vale", Tier: cadence.Close})
	if err != nil {
		t.Fatal(err)
	}
	note := "she is moving to Porto in spring and wants the old bookshelf, ask about the dates"
	if _, err := h.s.AddInteraction(t.Context(), domain.Interaction{People: []string{p.ID}, Via: cadence.Call, At: testNow.Add(-time.Hour), Note: note}); err != nil {
		t.Fatal(err)
	}
	h.start(50, 24)
	h.open(p.ID)
	h.contains("she is moving to Porto in spring and", "ask about the dates")
}

// Stored text that a terminal would obey (from a database written before
// input refused it) is drawn as text: no escape of its own and no
// reordering control reaches the screen.
func TestStoredControlsAreDrawnAsText(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	p, err := h.s.AddPerson(t.Context(), domain.Person{Name: "Zed", Notes: "n"})
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", h.path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE people SET name = ?, notes = ? WHERE id = ?`,
		"Zed\x1b]0;pwned\x07\u202eX", "\x1b]52;c;aGk=\x07\x1b[2J", p.ID); err != nil {
		t.Fatal(err)
	}
	h.start(100, 30)
	for _, keys := range [][]string{nil, {"2"}, {"enter"}} {
		h.press(keys...)
		content := h.m.View().Content
		for _, bad := range []string{"\x1b]", "\x1b[2J", "\x07", "\u202e"} {
			if strings.Contains(content, bad) {
				t.Errorf("after %v the screen holds %q", keys, bad)
			}
		}
	}
	h.contains("Zed␛]0;pwned␇X")
}

// TestPeopleFilterKeepsTheDueOrder: the matches stay in the list's order,
// the most due first, and the cursor goes to the best match.
func TestPeopleFilterKeepsTheDueOrder(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	h.press("2", "/")
	h.typeText("a") // in every name
	var order []string
	for _, l := range strings.Split(h.screen(), "\n") {
		for _, n := range []string{"Ana Lima", "Ben Okafor", "Chloé Martin", "Dev Patel"} {
			if strings.Contains(l, n) {
				order = append(order, n)
			}
		}
	}
	if got, want := strings.Join(order, ","), "Ben Okafor,Ana Lima,Chloé Martin,Dev Patel"; got != want {
		t.Errorf("filtered in order %s, want the due order %s", got, want)
	}
	if got := h.cursorLine(); !strings.HasPrefix(got, "Ana Lima") {
		t.Errorf("cursor on %q, want the best match, Ana Lima", got)
	}
}

// TestAChangeHereTellsTheHooks: a log saved in the full-screen view is
// handed to AfterChange with its kind and person, after the write, and a
// hook's trouble shows in the status line without undoing the change.
func TestAChangeHereTellsTheHooks(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seedTour()
	h.start(80, 24)
	var heard []string
	h.m.opts.AfterChange = func(kind, id string) string {
		heard = append(heard, kind+" "+id)
		return "hook after-change exited with status 3"
	}
	before := len(h.interactions())
	h.press("l", "enter")
	if len(h.interactions()) != before+1 {
		t.Fatal("the log was not written")
	}
	if len(heard) != 1 || !strings.HasPrefix(heard[0], "log ") || strings.TrimPrefix(heard[0], "log ") == "" {
		t.Errorf("AfterChange heard %q, want one log with its person", heard)
	}
	if !h.m.statusErr || !strings.Contains(h.m.status, "hook after-change exited with status 3") {
		t.Errorf("status %q (error %v), want the hook's trouble", h.m.status, h.m.statusErr)
	}
}

// TestPeopleAreInListOrder: the People view lists people as tend list
// does, by cadence.CompareDue over the store's name order, which ties of
// how due they are keep.
func TestPeopleAreInListOrder(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	for _, name := range []string{"Zoe", "Eve", "Émile", "adam", "Ädam"} {
		if _, err := h.s.AddPerson(t.Context(), domain.Person{Name: name, Tier: cadence.Close}); err != nil {
			t.Fatal(err)
		}
	}
	h.start(80, 24)
	h.press("2")
	sums, err := h.s.Summaries(t.Context(), store.PeopleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, s := range sums {
		want = append(want, s.Name)
	}
	for _, e := range h.m.people.rows {
		got = append(got, e.sum.Name)
	}
	if !slices.Equal(got, want) {
		t.Errorf("People lists %q, want %q (tend list's order)", got, want)
	}
}
