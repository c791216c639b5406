package store_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oklog/ulid/v2"

	"github.com/tend-app/tend/internal/domain"
	"github.com/tend-app/tend/internal/exchange"
	"github.com/tend-app/tend/internal/phonelog"
	"github.com/tend-app/tend/store"
)

// The import benchmarks run whole imports into a new database, each
// iteration its own: 100,000 interactions of tend's JSON from 1,000 people
// (past the size at which an import rebuilds its indexes), and 100,000
// messages of SMS Backup & Restore against 1,000 people with numbers. They
// are a tenth of cmd/import-scale's and scripts/bench-logs' files, with
// the same shape, so a profile of them shows where those spend their time:
//
//	go test ./store -run '^$' -bench Import -benchtime 3x -cpuprofile cpu.out

const (
	benchImportPeople = 1000
	benchImportCount  = 100_000
)

func BenchmarkImportJSON(b *testing.B) {
	file := benchJSONFile(b, benchImportPeople, benchImportCount)
	b.SetBytes(int64(len(file)))
	b.ReportAllocs()
	for b.Loop() {
		s := openBench(b, filepath.Join(b.TempDir(), "tend.db"))
		res, err := s.Import(b.Context(), store.ImportOptions{Source: "bench.json"}, func(im *store.Import) error {
			return exchange.ReadJSON(bytes.NewReader(file), im)
		})
		if err != nil {
			b.Fatal(err)
		}
		if res.Interactions.New != benchImportCount {
			b.Fatalf("imported %d interactions, want %d", res.Interactions.New, benchImportCount)
		}
	}
}

func BenchmarkImportMessages(b *testing.B) {
	people, file := benchSBRFile(b, benchImportPeople, benchImportCount)
	b.SetBytes(int64(len(file)))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		s := openBench(b, filepath.Join(b.TempDir(), "tend.db"))
		if _, err := s.Import(b.Context(), store.ImportOptions{}, func(im *store.Import) error {
			for _, p := range people {
				if _, err := im.MatchPerson(p); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		var sum phonelog.Summary
		_, err := s.Import(b.Context(), store.ImportOptions{}, func(im *store.Import) error {
			imp, err := phonelog.NewImporter(im, phonelog.ImportOptions{Region: "DE"})
			if err != nil {
				return err
			}
			if err := phonelog.Read(phonelog.SBRMessages, bytes.NewReader(file), phonelog.Options{Known: imp.Known}, imp.Add); err != nil {
				return err
			}
			sum, err = imp.Finish()
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		if sum.NewTouches == 0 {
			b.Fatalf("no touches logged: %+v", sum)
		}
	}
}

// benchJSONFile is an export as tend writes it: people, then interactions
// oldest first (mostly with one person, some with two or three), with
// ULIDs of their times.
func benchJSONFile(b *testing.B, nPeople, nInteractions int) []byte {
	b.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	entropy := ulid.Monotonic(rand.NewChaCha8([32]byte{1}), 0)
	base := time.Date(2016, 11, 24, 0, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	jw := exchange.NewJSONWriter(&buf, benchNow)
	ids := make([]string, nPeople)
	tiers := []string{"inner", "close", "regular", "outer"}
	for i := range ids {
		created := base.Add(time.Duration(i) * time.Hour)
		ids[i] = ulid.MustNew(ulid.Timestamp(created), entropy).String()
		if err := jw.Person(exchange.PersonRecord{ID: ids[i], Name: fmt.Sprintf("Person %05d", i), Tier: tiers[i%4],
			Phones: []string{fmt.Sprintf("+44 7700 %06d", i)}, CreatedAt: exchange.Time(created), UpdatedAt: exchange.Time(created),
			ImportantDates: []exchange.ImportantDateRecord{}}); err != nil {
			b.Fatal(err)
		}
	}
	ats := make([]time.Time, nInteractions)
	for i := range ats {
		ats[i] = base.Add(time.Duration(rng.Int64N(int64(10 * 365 * 24 * time.Hour)))).Truncate(time.Second)
	}
	slices.SortFunc(ats, func(a, b time.Time) int { return a.Compare(b) })
	vias := []string{"call", "call", "in-person", "video", "text", "text", "email"}
	for i, at := range ats {
		people := []string{ids[rng.IntN(nPeople)]}
		for range rng.IntN(3) {
			if p := ids[rng.IntN(nPeople)]; !slices.Contains(people, p) {
				people = append(people, p)
			}
		}
		if err := jw.Interaction(exchange.InteractionRecord{ID: ulid.MustNew(ulid.Timestamp(at), entropy).String(), People: people,
			Via: vias[rng.IntN(len(vias))], Direction: []string{"in", "out"}[i%2], At: exchange.Time(at), Note: "talked about the weather"}); err != nil {
			b.Fatal(err)
		}
	}
	if err := jw.Close(); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// benchSBRFile is an SMS Backup & Restore file of messages, as
// scripts/bench-logs writes them: numbers in the spellings phones use, a
// fifth of them strangers and short codes, messages in runs from one side.
// people are those the numbers belong to.
func benchSBRFile(b *testing.B, nPeople, nMessages int) ([]domain.Person, []byte) {
	b.Helper()
	rng := rand.New(rand.NewPCG(3, 4))
	nums := make([]string, nPeople)
	people := make([]domain.Person, nPeople)
	for i := range nums {
		nums[i] = fmt.Sprintf("151%07d", 1000000+i*7919%9000000)
		people[i] = domain.Person{Name: fmt.Sprintf("Person %05d", i), Phones: []string{"+49 " + nums[i][:3] + " " + nums[i][3:]}}
	}
	spell := func(n string) string {
		return []string{"+49" + n, "0" + n, "+49 " + n[:3] + " " + n[3:], "(0" + n[:3] + ") " + n[3:6] + "-" + n[6:]}[rng.IntN(4)]
	}
	words := strings.Fields("hey ok see you later thanks love the dinner was great call me when you can")
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"%d\">\n", nMessages)
	t := int64(1_600_000_000_000)
	for i := 0; i < nMessages; {
		num := spell(nums[rng.IntN(nPeople)])
		if x := rng.IntN(20); x >= 16 {
			num = fmt.Sprintf("+4930%07d", rng.IntN(10_000_000))
		} else if x == 15 {
			num = "DHL"
		}
		side := 1 + rng.IntN(2)
		for range 1 + rng.IntN(11) {
			if i == nMessages {
				break
			}
			i++
			t += 1000 + rng.Int64N(59_000)
			if rng.IntN(2) == 0 {
				side = 3 - side
			}
			body := make([]string, 2+rng.IntN(23))
			for k := range body {
				body[k] = words[rng.IntN(len(words))]
			}
			fmt.Fprintf(&buf, `  <sms protocol="0" address="%s" date="%d" type="%d" subject="null" body="%s" toa="null" sc_toa="null" `+
				`service_center="null" read="1" status="-1" locked="0" date_sent="0" sub_id="1" readable_date="whatever" contact_name="Friend" />`+"\n",
				num, t, side, strings.Join(body, " "))
		}
	}
	buf.WriteString("</smses>\n")
	return people, buf.Bytes()
}
