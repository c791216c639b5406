// Package datagen builds realistic, seeded, reproducible data for benchmarks and
// scale tests.
//
// Circle makes a circle of people with ten years of history: the tiers in
// roughly Dunbar's proportions, each person talked to at their tier's rhythm
// with irregular gaps, some of them drifting away, calls and texts the most
// common channels, dinners with several friends, things to remember and
// birthdays. The same seed, sizes and now always give the same data, to the
// byte: it reads no clock and no global randomness.
package datagen

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/oklog/ulid/v2"

	"github.com/tend-app/tend/cadence"
	"github.com/tend-app/tend/internal/domain"
)

// Years is how far back the history of a Circle reaches.
const Years = 10

// Data is a generated circle, as store-level records with their ids set.
type Data struct {
	Now          time.Time            // the moment the history leads up to
	People       []domain.Person      // in the order they were made
	Interactions []domain.Interaction // oldest first (by time, then id)
	Memories     []domain.Memory      // in the order they were made
}

// dunbar is the guideline size of each tier (cadence.Tier.Guideline), in the
// order of cadence.Tiers: 5, 10, 35 and 100 people (together the layers of
// 15, 50 and 150).
var dunbar = func() []int {
	var out []int
	for _, t := range cadence.Tiers() {
		out = append(out, t.Guideline())
	}
	return out
}()

// TierCounts splits n people over the tiers (closest first) in the
// proportions of their guideline sizes, 5:10:35:100, the rounding left over
// going to the outer tier.
// From five people on, the inner tier has at least one.
func TierCounts(n int) []int {
	total := 0
	for _, w := range dunbar {
		total += w
	}
	counts := make([]int, len(dunbar))
	left := n
	for i, w := range dunbar[:len(dunbar)-1] {
		c := int(math.Round(float64(n) * float64(w) / float64(total)))
		if i == 0 && n >= 5 {
			c = max(c, 1)
		}
		c = min(c, left)
		counts[i] = c
		left -= c
	}
	counts[len(counts)-1] = left
	return counts
}

// channelMix is how often each channel is used with someone of a tier, in
// parts of a hundred: calls and texts lead everywhere, the inner circle is
// met in person more, the outer one reached by e-mail and social messages.
var channelMix = map[cadence.Tier][]struct {
	via  cadence.Channel
	part int
}{
	cadence.Inner:   {{cadence.Text, 32}, {cadence.Call, 25}, {cadence.InPerson, 22}, {cadence.Video, 10}, {cadence.Social, 5}, {cadence.Email, 2}, {cadence.Gift, 2}, {cadence.Letter, 2}},
	cadence.Close:   {{cadence.Text, 34}, {cadence.Call, 25}, {cadence.InPerson, 15}, {cadence.Video, 10}, {cadence.Social, 7}, {cadence.Email, 5}, {cadence.Gift, 2}, {cadence.Letter, 2}},
	cadence.Regular: {{cadence.Text, 30}, {cadence.Call, 25}, {cadence.InPerson, 12}, {cadence.Video, 8}, {cadence.Social, 10}, {cadence.Email, 12}, {cadence.Gift, 2}, {cadence.Letter, 1}},
	cadence.Outer:   {{cadence.Text, 26}, {cadence.Call, 20}, {cadence.InPerson, 10}, {cadence.Video, 5}, {cadence.Social, 15}, {cadence.Email, 20}, {cadence.Gift, 1}, {cadence.Letter, 3}},
}

// inbound is the chance that they, not you, started an interaction on a
// channel: messages go both ways about evenly, meetings are more often
// your initiative.
var inbound = map[cadence.Channel]float64{
	cadence.Text: 0.5, cadence.Social: 0.5, cadence.Email: 0.45, cadence.Call: 0.4,
	cadence.Video: 0.4, cadence.InPerson: 0.35, cadence.Letter: 0.3, cadence.Gift: 0.3,
}

// memoriesPerPerson is the average number of memories of someone in a tier:
// the closer they are, the more they tell you.
var memoriesPerPerson = map[cadence.Tier]float64{
	cadence.Inner: 3, cadence.Close: 2, cadence.Regular: 0.6, cadence.Outer: 0.15,
}

const (
	day = 24 * time.Hour
	// foundersShare is the part of the people added on the first day, as
	// when someone starts by entering the friends they already have.
	foundersShare = 0.4
	// driftingShare is the part of the people whose contact faded some
	// time ago: they are the overdue ones today.
	driftingShare = 0.25
	// groupShare is the chance that a meeting in person or by video
	// includes other friends too.
	groupShare = 0.3
)

// person is what the generator knows of someone while it builds them.
type person struct {
	rec     domain.Person
	end     time.Time // their latest interaction
	weight  float64   // their share of all interactions
	count   int       // the interactions that are theirs
	founder bool      // added on the first day
}

// generator holds the random source and what has been made so far.
type generator struct {
	rng     *rand.Rand
	now     time.Time
	start   time.Time
	people  []*person
	circles map[cadence.Tier][]*person // founders still active, by tier: company for group meetings
}

// Circle builds people people and interactions interactions over the Years
// before now, deterministically for seed. With no people there are no
// interactions.
func Circle(seed int64, people, interactions int, now time.Time) Data {
	return CircleWith(seed, people, interactions, now, Options{})
}

// Options shape a circle beyond its size.
type Options struct {
	// Skew concentrates the history on a few people, as in real lives
	// where a partner or a best friend holds a good part of it: the person
	// at rank k of a random order has their share multiplied by
	// 1/k^Skew. 0 spreads it by rhythm alone; at 1, the busiest of 1,000
	// people holds about a seventh of all interactions.
	Skew float64
}

// CircleWith is Circle with options.
func CircleWith(seed int64, people, interactions int, now time.Time, opts Options) Data {
	now = now.UTC().Truncate(time.Second)
	g := &generator{
		// PCG with the seed in both halves of its state: any seed, even
		// 0, gives a well mixed stream.
		rng:     rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15)),
		now:     now,
		start:   now.AddDate(-Years, 0, 0),
		circles: map[cadence.Tier][]*person{},
	}
	d := Data{Now: now, People: []domain.Person{}, Interactions: []domain.Interaction{}, Memories: []domain.Memory{}}
	g.makePeople(people)
	if opts.Skew > 0 {
		g.skew(opts.Skew)
	}
	if len(g.people) > 0 {
		g.share(interactions)
		d.Interactions = g.makeInteractions(interactions)
	}
	for _, p := range g.people {
		d.People = append(d.People, p.rec)
	}
	d.Memories = g.makeMemories()
	return d
}

// makePeople makes n people with tiers in Dunbar proportions, shuffled so
// that tier has nothing to do with name or the order of creation.
func (g *generator) makePeople(n int) {
	var tiers []cadence.Tier
	for i, c := range TierCounts(n) {
		for range c {
			tiers = append(tiers, cadence.Tiers()[i])
		}
	}
	g.rng.Shuffle(len(tiers), func(i, j int) { tiers[i], tiers[j] = tiers[j], tiers[i] })
	names := g.names(n)
	for i := range n {
		p := g.makePerson(names[i], tiers[i])
		g.people = append(g.people, p)
		if p.founder && !p.rec.Archived() {
			g.circles[p.rec.Tier] = append(g.circles[p.rec.Tier], p)
		}
	}
}

func (g *generator) makePerson(name string, tier cadence.Tier) *person {
	r := g.rng
	p := &person{rec: domain.Person{Name: name, Tier: tier, Phones: []string{}, Emails: []string{}, Tags: []string{}, ImportantDates: []domain.ImportantDate{}}}
	rec := &p.rec
	rec.CreatedAt = g.start
	if r.Float64() < foundersShare {
		p.founder = true
	} else {
		rec.CreatedAt = g.between(g.start, g.now.Add(-7*day))
	}
	rec.ID = g.id(rec.CreatedAt)
	if r.Float64() < 0.05 {
		rec.Every = []int{14, 21, 45, 60, 180}[r.IntN(5)]
	}
	if r.Float64() < 0.75 {
		rec.Birthday = g.monthDay(r.Float64() < 0.5, 1950, 2008)
	}
	if (tier == cadence.Inner || tier == cadence.Close) && r.Float64() < 0.1 {
		rec.ImportantDates = append(rec.ImportantDates, domain.ImportantDate{Label: "anniversary", Date: g.monthDay(true, 2000, 2020)})
	}
	if r.Float64() < 0.6 {
		rec.Phones = append(rec.Phones, fmt.Sprintf("+1 555 %04d %04d", r.IntN(10000), r.IntN(10000)))
	}
	if r.Float64() < 0.4 {
		rec.Emails = append(rec.Emails, fmt.Sprintf("friend%06d@example.com", r.IntN(1_000_000)))
	}
	if (tier == cadence.Inner || tier == cadence.Close) && r.Float64() < 0.5 {
		rec.Tags = append(rec.Tags, "family")
	}
	for range r.IntN(3) {
		if t := tagWords[r.IntN(len(tagWords))]; !slices.Contains(rec.Tags, t) {
			rec.Tags = append(rec.Tags, t)
		}
	}
	if r.Float64() < 0.1 {
		rec.Notes = personNotes[r.IntN(len(personNotes))]
	}

	// Their latest interaction: recent for most, within about one rhythm;
	// for the drifting ones, one to four rhythms ago.
	every := float64(cmp.Or(rec.Every, tier.Every()))
	ago := r.Float64() * 1.2 * every
	if r.Float64() < driftingShare {
		ago = (1.2 + 2.8*r.Float64()) * every
	}
	p.end = g.now.Add(-time.Duration(ago * float64(day)))
	if tier != cadence.Inner && r.Float64() < 0.02 {
		rec.ArchivedAt = g.between(rec.CreatedAt, g.now)
		p.end = earliest(p.end, rec.ArchivedAt)
	}
	p.end = latest(p.end, rec.CreatedAt)
	if !rec.Archived() && r.Float64() < 0.01 {
		rec.SnoozedUntil = g.now.Add(time.Duration(1+r.IntN(14)) * day)
	}
	rec.UpdatedAt = latest(g.between(rec.CreatedAt, g.now), rec.ArchivedAt)

	// Their share of the history: their rhythm, how long they have been in
	// tend, and a personal factor (some friends simply talk more).
	years := max(p.end.Sub(rec.CreatedAt).Hours()/24/365, 1.0/365)
	p.weight = 365 / every * years * math.Exp(0.5*r.NormFloat64())
	return p
}

// skew multiplies the weights by a Zipf law over a random order of the
// people (drawn after they are made, so a circle's people are the same
// whatever the skew).
func (g *generator) skew(s float64) {
	order := g.rng.Perm(len(g.people))
	for rank, i := range order {
		g.people[i].weight *= math.Pow(float64(rank+1), -s)
	}
}

// share divides the interactions among the people by weight, rounding the
// running total so that the counts add up to m exactly.
func (g *generator) share(m int) {
	total := 0.0
	for _, p := range g.people {
		total += p.weight
	}
	cum, given := 0.0, 0
	for _, p := range g.people {
		cum += p.weight
		upto := int(math.Round(float64(m) * cum / total))
		p.count = upto - given
		given = upto
	}
}

// makeInteractions makes each person's interactions, spread at random over
// the time from their creation to their latest one (so the gaps are
// irregular, around their rhythm), and returns them all oldest first.
func (g *generator) makeInteractions(m int) []domain.Interaction {
	out := make([]domain.Interaction, 0, m)
	var at []time.Time
	for _, p := range g.people {
		if p.count == 0 {
			continue
		}
		at = at[:0]
		for range p.count - 1 {
			at = append(at, g.daytime(g.between(p.rec.CreatedAt, p.end)))
		}
		at = append(at, g.daytime(p.end))
		for _, t := range at {
			out = append(out, g.interaction(p, latest(earliest(t, g.now), p.rec.CreatedAt)))
		}
	}
	slices.SortFunc(out, func(a, b domain.Interaction) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out
}

func (g *generator) interaction(p *person, at time.Time) domain.Interaction {
	r := g.rng
	in := domain.Interaction{ID: g.id(at), People: []string{p.rec.ID}, At: at, Direction: cadence.Out}
	mix := channelMix[p.rec.Tier]
	n := r.IntN(100)
	for _, c := range mix {
		if n < c.part {
			in.Via = c.via
			break
		}
		n -= c.part
	}
	if r.Float64() < inbound[in.Via] {
		in.Direction = cadence.In
	}
	switch in.Via {
	case cadence.Call:
		in.Minutes = 3 + int(r.ExpFloat64()*20)
	case cadence.Video:
		in.Minutes = 10 + r.IntN(80)
	case cadence.InPerson:
		in.Minutes = 30 + r.IntN(180)
	}
	if r.Float64() < 0.3 {
		in.Minutes = 0 // not everyone notes how long
	}
	if r.Float64() < 0.2 {
		in.Note = interactionNotes[r.IntN(len(interactionNotes))]
	}
	if (in.Via == cadence.InPerson || in.Via == cadence.Video) && r.Float64() < groupShare {
		// Company from the same circle, among those there from the start
		// (so never before they were added) and not let go.
		circle := g.circles[p.rec.Tier]
		for range 1 + r.IntN(3) {
			if len(circle) == 0 {
				break
			}
			if o := circle[r.IntN(len(circle))]; !slices.Contains(in.People, o.rec.ID) {
				in.People = append(in.People, o.rec.ID)
			}
		}
	}
	return in
}

// makeMemories gives people things to remember, the closer the more; some
// with a day to bring them back on, most of the old ones done.
func (g *generator) makeMemories() []domain.Memory {
	r := g.rng
	out := []domain.Memory{}
	for _, p := range g.people {
		for range g.poisson(memoriesPerPerson[p.rec.Tier]) {
			created := g.between(latest(p.rec.CreatedAt, g.now.AddDate(-2, 0, 0)), g.now)
			m := domain.Memory{ID: g.id(created), PersonID: p.rec.ID, Text: memoryTexts[r.IntN(len(memoryTexts))], CreatedAt: created}
			if r.Float64() < 0.4 {
				due := created.Add(time.Duration(1+r.IntN(60)) * day)
				m.Due = time.Date(due.Year(), due.Month(), due.Day(), 0, 0, 0, 0, time.UTC)
				if due.Before(g.now.Add(-3*day)) && r.Float64() < 0.85 {
					m.DoneAt = earliest(due.Add(time.Duration(r.IntN(72))*time.Hour), g.now)
				}
			} else if created.Before(g.now.Add(-30*day)) && r.Float64() < 0.5 {
				m.DoneAt = earliest(created.Add(time.Duration(1+r.IntN(60))*day), g.now)
			}
			out = append(out, m)
		}
	}
	return out
}

// names returns n distinct names, first and last names paired at random; past
// every pairing, middle initials make more.
func (g *generator) names(n int) []string {
	pairs := len(firstNames) * len(lastNames)
	perm := g.rng.Perm(pairs)
	out := make([]string, n)
	for k := range n {
		c, round := perm[k%pairs], k/pairs
		first, last := firstNames[c%len(firstNames)], lastNames[c/len(firstNames)]
		switch {
		case round == 0:
			out[k] = first + " " + last
		case round <= 26:
			out[k] = fmt.Sprintf("%s %c. %s", first, 'A'+round-1, last)
		default:
			out[k] = fmt.Sprintf("%s %s %d", first, last, round)
		}
	}
	return out
}

// id makes a ULID for a record made at t, its random part from the seed.
func (g *generator) id(t time.Time) string {
	var u ulid.ULID
	if err := u.SetTime(ulid.Timestamp(t)); err != nil {
		panic(err) // only for times past the year 10889
	}
	var e [10]byte
	for i := range e {
		e[i] = byte(g.rng.Uint32())
	}
	u.SetEntropy(e[:]) // cannot fail: always 10 bytes
	return u.String()
}

// between returns a moment uniformly between a and b, to the second.
func (g *generator) between(a, b time.Time) time.Time {
	if !b.After(a) {
		return a
	}
	return a.Add(time.Duration(g.rng.Int64N(int64(b.Sub(a))))).Truncate(time.Second)
}

// daytime moves t to a waking hour of its day (UTC), when people talk.
func (g *generator) daytime(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 8, 0, 0, 0, time.UTC).Add(time.Duration(g.rng.IntN(14*3600)) * time.Second)
}

// monthDay returns a date that exists, with a year between from and to
// when withYear.
func (g *generator) monthDay(withYear bool, from, to int) cadence.MonthDay {
	m := time.Month(1 + g.rng.IntN(12))
	days := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1] // 28: no leap day to trip over
	d := cadence.MonthDay{Month: m, Day: 1 + g.rng.IntN(days)}
	if withYear {
		d.Year = from + g.rng.IntN(to-from+1)
	}
	return d
}

// poisson draws a small count with the given mean (Knuth's method, fine for
// the small means used here).
func (g *generator) poisson(mean float64) int {
	limit, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= g.rng.Float64()
		if p <= limit {
			return k
		}
		k++
	}
}

func earliest(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func latest(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
