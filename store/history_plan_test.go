package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tend-app/tend/cadence"
)

// TestHistoryQueryPlans pins how SQLite runs the history queries: from the
// people, into an index range of each one's latest rows, never a scan of all
// interactions. A plan that reads all of history would make today slower
// with every call logged.
func TestHistoryQueryPlans(t *testing.T) {
	s := openInternal(t, filepath.Join(t.TempDir(), "tend.db"))
	where, args := PeopleFilter{Tier: cadence.Close}.where()
	tests := []struct {
		name  string
		query string
		args  []any
		want  []string
	}{
		{
			name:  "recent interactions and real conversations",
			query: fmt.Sprintf(recentQuery, cadence.RecentCount-1, cadence.RealCount-1, where),
			args:  append(args, args...),
			want: []string{
				"SEARCH ip USING COVERING INDEX interaction_people_person_at (person_id=? AND at>?)",
				"SEARCH ip USING COVERING INDEX interaction_people_person_real_at (person_id=? AND real=? AND at>?)",
				"SEARCH i USING INDEX sqlite_autoindex_interactions_1 (id=?)",
			},
		},
		{
			name:  "their latest message",
			query: lastInQuery,
			args:  []any{"01ID", "2025-11-23T00:00:00Z"},
			want:  []string{"SEARCH ip USING COVERING INDEX interaction_people_person_at (person_id=? AND at>?)"},
		},
		{
			name:  "events since",
			query: eventsQuery,
			args:  []any{"2026-08-26T00:00:00Z"},
			want:  []string{"SEARCH i USING INDEX interactions_at (at>?)", "SEARCH ip USING PRIMARY KEY (interaction_id=?)"},
		},
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
				if strings.HasPrefix(step, "SCAN ip") || strings.HasPrefix(step, "SCAN i ") || step == "SCAN i" {
					t.Errorf("plan scans interactions (%q):\n%s", step, plan)
				}
			}
		})
	}
}
