package cadence

import (
	"slices"
	"testing"
)

// TestDefaultRulesAreTheConstants checks that ranking under DefaultRules
// is ranking under the package's functions.
func TestDefaultRulesAreTheConstants(t *testing.T) {
	t.Parallel()
	r := DefaultRules()
	for _, tier := range Tiers() {
		if r.TierEvery(tier) != tier.Every() || r.TierGuideline(tier) != tier.Guideline() {
			t.Errorf("%s: every %d, guideline %d; want %d and %d", tier, r.TierEvery(tier), r.TierGuideline(tier), tier.Every(), tier.Guideline())
		}
	}
	if r.Limit != DefaultLimit || r.QuietDays != QuietDays || r.SoonDays != SoonDays {
		t.Errorf("limit %d, quiet %d, soon %d; want the constants", r.Limit, r.QuietDays, r.SoonDays)
	}
	ana := friend("Ana", Close, 43)
	if got, want := r.Assess(ana, now).Reasons, Assess(ana, now).Reasons; !sameReasons(got, want) {
		t.Errorf("reasons %+v; want %+v", got, want)
	}
}

func TestRulesRhythm(t *testing.T) {
	t.Parallel()
	r := DefaultRules()
	r.Every[Close] = 21
	r.TagEvery["family"] = 14
	r.TagEvery["work"] = 60
	r.TagEvery["book club"] = 14
	tagged := func(every int, tags ...string) Person {
		p := friend("Ana Lima", Close, 30)
		p.Every, p.Tags = every, tags
		return p
	}
	tests := []struct {
		name    string
		p       Person
		days    int
		from    string
		reasons []Reason
	}{
		{"the tier as set", tagged(0), 21, "close", []Reason{since(30, Call), rhythm("close", 21)}},
		{"a tag over the tier", tagged(0, "Family"), 14, "family", []Reason{since(30, Call), rhythm("family", 14)}},
		{"a longer tag over the tier too", tagged(0, "work"), 60, "work", nil},
		{"the shortest of two tags", tagged(0, "work", "family"), 14, "family", []Reason{since(30, Call), rhythm("family", 14)}},
		{"a tie to the first tag by name", tagged(0, "family", "book club"), 14, "book club", []Reason{since(30, Call), rhythm("book club", 14)}},
		{"their own over any tag", tagged(45, "family"), 45, "", nil},
		{"their own when due", tagged(30, "family"), 30, "", []Reason{since(30, Call), ownEvery(30)}},
		{"a tag with no rhythm", tagged(0, "climbing"), 21, "close", []Reason{since(30, Call), rhythm("close", 21)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			days, from := r.Rhythm(tc.p)
			if days != tc.days || from != tc.from {
				t.Errorf("Rhythm = %d from %q; want %d from %q", days, from, tc.days, tc.from)
			}
			st := r.Assess(tc.p, now)
			if st.Interval != tc.days {
				t.Errorf("Interval = %d; want %d", st.Interval, tc.days)
			}
			if !sameReasons(st.Reasons, tc.reasons) {
				t.Errorf("reasons %+v; want %+v", st.Reasons, tc.reasons)
			}
		})
	}
}

func TestRulesDaysAndLimit(t *testing.T) {
	t.Parallel()
	r := DefaultRules()
	r.QuietDays, r.SoonDays = 5, 7
	quiet := friend("Ben", Inner, 4) // due, but in touch 4 days ago
	if got := Assess(quiet, now).Left; !got.IsZero() {
		t.Errorf("default rules: left out %+v; want suggested", got)
	}
	if got := r.Assess(quiet, now).Left; got != (Left{Kind: ReasonQuiet, Days: 4}) {
		t.Errorf("five quiet days: left out %+v; want talked 4 days ago", got)
	}
	bday := friend("Chloé", Outer, 30)
	bday.Birthday = md(11, 30) // six days ahead
	if Assess(bday, now).Boosted {
		t.Error("default rules: a birthday six days ahead boosts")
	}
	st := r.Assess(bday, now)
	if !st.Boosted || !slices.ContainsFunc(st.Reasons, func(r Reason) bool { return sameReason(r, dateSoonOn("birthday", 6, date(2026, 11, 30))) }) {
		t.Errorf("seven days ahead: boosted %v, reasons %+v; want the birthday on Monday", st.Boosted, st.Reasons)
	}
	if !r.DateSoon(bday.Birthday, now) || DateSoon(bday.Birthday, now) {
		t.Error("DateSoon does not follow the rules")
	}
	if got := len(r.SoonMonthDays(now)); got != 8 {
		t.Errorf("SoonMonthDays: %d days; want 8", got)
	}
	if got, want := r.MaxPriority(0, bday, now), MaxPriority(0, bday, now)+dateBoost; got != want {
		t.Errorf("MaxPriority = %v; want %v", got, want)
	}
	r.Guideline[Inner] = 3
	if got := r.Summarize(nil, nil, now).Tiers[0].Guideline; got != 3 {
		t.Errorf("Summarize: inner guideline %d; want 3", got)
	}
	people := []Person{friend("Dev", Regular, 100), friend("Eli", Regular, 200)}
	if got := r.NewRanking(now, 1).Rules().QuietDays; got != 5 {
		t.Errorf("Ranking.Rules: quiet days %d; want 5", got)
	}
	if got := r.Today(people, now, 1); len(got) != 1 || got[0].Person.Name != "Eli" {
		t.Errorf("Today: %v; want Eli alone", got)
	}
	r.Every[Regular] = 365
	if got := r.Plan(people, now, 7, 5); len(got.Days[0].People) != 0 {
		t.Errorf("Plan with a rhythm of a year: %d people today; want none", len(got.Days[0].People))
	}
}

func TestMinEvery(t *testing.T) {
	t.Parallel()
	r := DefaultRules()
	if got := r.MinEvery(Close); got != 30 {
		t.Errorf("no tags: %d; want 30", got)
	}
	r.TagEvery["family"] = 14
	if got := r.MinEvery(Close); got != 14 {
		t.Errorf("with family every 14: %d; want 14", got)
	}
	if got := r.MinEvery(Inner); got != 7 {
		t.Errorf("inner: %d; want 7", got)
	}
}
