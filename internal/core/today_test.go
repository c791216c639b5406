package core_test

import (
	"testing"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/core"
)

// TestTodayAndMoreDueFollowTheRules checks today's list against ranking
// everyone, and that those due beyond it are counted by the same rules:
// the settings' rhythms, not the defaults (which "N more are due" once
// used).
func TestTodayAndMoreDueFollowTheRules(t *testing.T) {
	t.Parallel()
	s, now := testCircle(t)
	ctx := t.Context()
	eager := cadence.DefaultRules()
	for _, tier := range cadence.Tiers() {
		eager.Every[tier] = 2 // everyone talked to every other day
	}
	eager.Limit = 3
	everyone, err := s.CadencePeople(ctx)
	if err != nil {
		t.Fatal(err)
	}
	one := cadence.DefaultRules()
	one.Limit = 1
	for name, rules := range map[string]cadence.Rules{"default": cadence.DefaultRules(), "every other day": eager, "one a day": one} {
		c := core.New(s, rules)
		today, err := c.Today(ctx, now, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := rules.Today(everyone, now, rules.Limit)
		if len(today.Suggestions) != len(want) || today.Ranked == 0 || today.Ranked > len(everyone) {
			t.Fatalf("%s: %d suggested after ranking %d, want %d of %d", name, len(today.Suggestions), today.Ranked, len(want), len(everyone))
		}
		for i := range want {
			if today.Suggestions[i].Person.ID != want[i].Person.ID {
				t.Errorf("%s: suggestion %d is %s, want %s", name, i, today.Suggestions[i].Person.Name, want[i].Person.Name)
			}
		}
		due := 0
		for _, p := range everyone {
			if rules.Suggested(p, now) {
				due++
			}
		}
		more, err := c.MoreDue(ctx, now, today)
		if err != nil {
			t.Fatal(err)
		}
		if more != due-len(want) {
			t.Errorf("%s: %d more due, want %d", name, more, due-len(want))
		}
		if name != "every other day" {
			continue
		}
		// The defaults would count fewer: the test tells the rules apart.
		byDefault := 0
		for _, p := range everyone {
			if cadence.Suggested(p, now) {
				byDefault++
			}
		}
		if !today.Cut || more == 0 || byDefault == due {
			t.Errorf("%s: cut %v, %d more due, %d due by these rules and %d by the defaults: the test shows nothing",
				name, today.Cut, more, due, byDefault)
		}
	}
}
