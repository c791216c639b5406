package store

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// triggerRecent is the query by which person_history's triggers recompute
// someone's recent list (and, with the real condition, the real one).
func triggerRecent(person, real string) string {
	limit := cadence.RecentCount
	if real != "" {
		limit = cadence.RealCount
	}
	return fmt.Sprintf(`SELECT json_array(CAST(strftime('%%s', ip.at) AS INTEGER), i.via, i.direction, ip.interaction_id, i.missed) AS e
		FROM interaction_people ip CROSS JOIN interactions i ON i.id = ip.interaction_id
		WHERE ip.person_id = %s%s
		ORDER BY ip.at DESC, ip.interaction_id DESC LIMIT %d`, person, real, limit)
}

// TestHistoryQueryPlans pins how SQLite runs the history queries: from the
// people, into an index range of each one's latest rows, never a scan of all
// interactions. A plan that reads all of history would make today slower
// with every call logged.
func TestHistoryQueryPlans(t *testing.T) {
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	where, args := PeopleFilter{Tier: cadence.Close}.where()
	tests := []struct {
		name   string
		query  string
		args   []any
		want   []string
		noSort bool // the order must come from an index, not a sort of all rows
	}{
		{
			name:  "people for summaries",
			query: peopleByNameQuery(where),
			args:  args,
			want:  []string{"SCAN p"},
		},
		{
			name:  "everyone's history, in one pass",
			query: historyQuery,
			want:  []string{"SCAN person_history"},
		},
		{
			name:   "ranking input, people and history side by side in id order",
			query:  cadenceQuery,
			noSort: true,
			want:   []string{"SCAN p USING COVERING INDEX people_cadence", "SEARCH h USING PRIMARY KEY (person_id=?)"},
		},
		{
			name:  "everyone by how overdue, from one index",
			query: overdueQuery(&defaultRules),
			args:  []any{internalNow.Unix(), 128, 0},
			want:  []string{"SCAN p USING COVERING INDEX people_overdue"},
		},
		{
			name:  "those a date or memory may move up, from the same index",
			query: movedUpQuery(&defaultRules),
			args:  []any{internalNow.Unix(), `["11-24"]`, `["01ID"]`},
			want:  []string{"SCAN p USING COVERING INDEX people_overdue"},
		},
		{
			name:  "everyone by how overdue under rhythms by tag, from the same index",
			query: overdueQuery(&tagRules),
			args:  []any{internalNow.Unix(), 128, 0},
			want:  []string{"SCAN p USING COVERING INDEX people_overdue"},
		},
		{
			name:  "one person's ranking input",
			query: cadenceRowQuery,
			args:  []any{1},
			want:  []string{"SEARCH p USING INTEGER PRIMARY KEY (rowid=?)", "SEARCH h USING PRIMARY KEY (person_id=?)"},
		},
		{
			name:  "one person's ranking input, joined, as today reads it",
			query: cadenceJoinedRowQuery,
			args:  []any{1},
			want:  []string{"SEARCH p USING INTEGER PRIMARY KEY (rowid=?)", "SEARCH h USING PRIMARY KEY (person_id=?)"},
		},
		{
			// In the index's own order, the walk stops at the first note:
			// ordered by i.id instead, SQLite sorts each run of equal times
			// and reads on to the next note to know the run has ended,
			// twice the lookups in interactions, more as history grows.
			name:   "a person's last note, newest first by their index",
			query:  lastNoteQuery,
			args:   []any{"01ID"},
			noSort: true,
			want: []string{
				"SEARCH ip USING COVERING INDEX interaction_people_person_at (person_id=?)",
				"SEARCH i USING INDEX sqlite_autoindex_interactions_1 (id=?)",
			},
		},
		{
			name:  "one person's open memories with a due date",
			query: personRemindersQuery,
			args:  []any{"01ID"},
			want:  []string{"SEARCH memories USING INDEX memories_person (person_id=?)"},
		},
		{
			name:   "open memories with a due date",
			query:  remindersQuery,
			noSort: true,
			want:   []string{"USING INDEX memories_open_due"},
		},
		{
			name:  "one person's history",
			query: historyQuery + ` WHERE person_id = ?`,
			args:  []any{"01ID"},
			want:  []string{"SEARCH person_history USING PRIMARY KEY (person_id=?)"},
		},
		{
			name:  "a person's recent interactions, as the triggers recompute them",
			query: triggerRecent("?", ""),
			args:  []any{"01ID"},
			want: []string{
				"SEARCH ip USING COVERING INDEX interaction_people_person_at (person_id=?)",
				"SEARCH i USING INDEX sqlite_autoindex_interactions_1 (id=?)",
			},
		},
		{
			name:  "a person's recent real conversations, as the triggers recompute them",
			query: triggerRecent("?", " AND ip.real = 1"),
			args:  []any{"01ID"},
			want: []string{
				"SEARCH ip USING COVERING INDEX interaction_people_person_real_at (person_id=? AND real=?)",
				"SEARCH i USING INDEX sqlite_autoindex_interactions_1 (id=?)",
			},
		},
		{
			name:  "events since",
			query: eventsQuery,
			args:  []any{"2026-08-26T00:00:00Z"},
			want:  []string{"SEARCH i USING INDEX interactions_at (at>?)", "SEARCH ip USING PRIMARY KEY (interaction_id=?)"},
		},
	}
	// The triggers' queries are checked here as they are written in the
	// migration that last made them (0005, which added the missed flag),
	// so a plan that reads all history cannot hide in a trigger.
	schema := strings.Join(strings.Fields(migrationNumbered(t, 5).sql), " ")
	for _, q := range []string{triggerRecent("NEW.person_id", ""), triggerRecent("NEW.person_id", " AND ip.real = 1")} {
		if !strings.Contains(schema, strings.Join(strings.Fields(q), " ")) {
			t.Errorf("migration 0005 lacks the query whose plan is checked:\n%s", q)
		}
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.db.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+tc.query, tc.args...)
			if err != nil {
				t.Fatalf("EXPLAIN QUERY PLAN: %v", err)
			}
			defer rows.Close()
			var steps []string
			for rows.Next() {
				var id, parent, unused int
				var detail string
				if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
					t.Fatal(err)
				}
				steps = append(steps, detail)
			}
			plan := strings.Join(steps, "\n")
			for _, w := range tc.want {
				if !strings.Contains(plan, w) {
					t.Errorf("plan lacks %q:\n%s", w, plan)
				}
			}
			for _, step := range steps {
				if tc.noSort && strings.Contains(step, "TEMP B-TREE") {
					t.Errorf("plan sorts in a temporary b-tree (%q):\n%s", step, plan)
				}
				if strings.HasPrefix(step, "SCAN ip") || strings.HasPrefix(step, "SCAN i ") || step == "SCAN i" {
					t.Errorf("plan scans interactions (%q):\n%s", step, plan)
				}
			}
		})
	}
}

var (
	defaultRules = cadence.DefaultRules()
	tagRules     = func() cadence.Rules {
		r := cadence.DefaultRules()
		r.Every[cadence.Close], r.TagEvery["family"] = 21, 14
		return r
	}()
)

// TestJoinedRowsWithANul reads people whose stored text holds a NUL, which
// only an old or hand-edited file can have: their joined rows do not split
// into the right number of fields, and they are read again column by
// column, in the same name order, with nothing lost.
func TestJoinedRowsWithANul(t *testing.T) {
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	ctx := t.Context()
	for _, name := range []string{"Cleo", "Ana", "Ben"} {
		if _, err := s.AddPerson(ctx, domain.Person{Name: name, Notes: "plain"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE people SET notes = 'a' || char(0) || 'b', every_days = 9 WHERE name = 'Ben'`); err != nil {
		t.Fatal(err)
	}
	for _, read := range []func() ([]domain.Person, error){
		func() ([]domain.Person, error) { return s.People(ctx, PeopleFilter{}) },
		func() ([]domain.Person, error) {
			sums, err := s.Summaries(ctx, PeopleFilter{})
			var people []domain.Person
			for _, sum := range sums {
				people = append(people, sum.Person)
			}
			return people, err
		},
	} {
		people, err := read()
		if err != nil || len(people) != 3 {
			t.Fatalf("read %d people, %v; want 3", len(people), err)
		}
		var names []string
		for _, p := range people {
			names = append(names, p.Name)
		}
		if strings.Join(names, ",") != "Ana,Ben,Cleo" {
			t.Errorf("order %v, want Ana, Ben, Cleo", names)
		}
		if ben := people[1]; ben.Notes != "a\x00b" || ben.Every != 9 || people[0].Notes != "plain" {
			t.Errorf("Ben read as %+v, Ana's notes %q", ben, people[0].Notes)
		}
	}
}

// TestRankByOverdueJoinedRowWithANul ranks someone whose name holds a NUL,
// which only an old or hand-edited file can have: the ranking reads them
// one at a time in one joined column, which then splits into a field too
// many, and reads them again column by column, name and all.
func TestRankByOverdueJoinedRowWithANul(t *testing.T) {
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	ctx := t.Context()
	for _, name := range []string{"Ana", "Ben"} {
		if _, err := s.AddPerson(ctx, domain.Person{Name: name, Tier: cadence.Inner, Tags: []string{"family"}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE people SET name = 'B' || char(0) || 'en' WHERE name = 'Ben'`); err != nil {
		t.Fatal(err)
	}
	at := internalNow.AddDate(0, 0, 30)
	want := []string{`"Ana" inner [family]`, `"B\x00en" inner [family]`}
	// One at a time, and, past the first, the rest read ahead in one
	// pass (eachRowAhead), whose row for Ben is read again on the same
	// connection while the pass is still reading.
	for _, oneByOne := range []int{oneByOneUpTo, 1} {
		s.oneByOneUpTo = oneByOne
		rank := defaultRules.NewRanking(at, 5)
		if _, err := s.RankByOverdue(ctx, at, rank); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, st := range rank.Result() {
			got = append(got, fmt.Sprintf("%q %s %v", st.Person.Name, st.Person.Tier, st.Person.Tags))
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("one by one up to %d: ranked %v; want %v", oneByOne, got, want)
		}
	}
	var all []string
	if err := s.EachCadence(ctx, func(p cadence.Person) error {
		all = append(all, fmt.Sprintf("%q %s %v", p.Name, p.Tier, p.Tags))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(all)
	if fmt.Sprint(all) != fmt.Sprint(want) {
		t.Errorf("EachCadence gave %v; want %v", all, want)
	}
}
