// Command tendgen writes generated data (package gen) to a tend database, an
// interchange JSON file or a friends.md file, for benchmarks and scale tests:
//
//	go run ./cmd/tendgen -people 1000 -interactions 50000 -seed 1 -db out.db
//	go run ./cmd/tendgen -people 1000 -interactions 50000 -json out.json -friends out.md
//
// The same flags always write the same data; -now pins the day the history
// leads up to (by default, today).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tend-app/tend/internal/datagen"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "tendgen:", err)
		os.Exit(1)
	}
}

func run() error {
	var (
		people       = flag.Int("people", 1000, "how many people")
		interactions = flag.Int("interactions", 50000, "how many interactions, over ten years")
		seed         = flag.Int64("seed", 1, "random seed")
		nowFlag      = flag.String("now", "", "the day the history leads up to, YYYY-MM-DD or RFC 3339 (default today)")
		dbPath       = flag.String("db", "", "write a new tend database here")
		jsonPath     = flag.String("json", "", "write interchange JSON here")
		friendsPath  = flag.String("friends", "", "write a friends.md file here")
		skew         = flag.Float64("skew", 0, "concentrate the history on a few people (Zipf exponent; 1 gives the busiest of 1,000 about a seventh)")
	)
	flag.Parse()
	if *dbPath == "" && *jsonPath == "" && *friendsPath == "" {
		return errors.New("nothing to write: give -db, -json or -friends")
	}
	// This is a command, not the library: defaulting to today's date is
	// fine here, and midnight keeps a day's runs identical.
	now := time.Now().UTC().Truncate(24 * time.Hour)
	if *nowFlag != "" {
		t, err := time.Parse(time.DateOnly, *nowFlag)
		if err != nil {
			if t, err = time.Parse(time.RFC3339, *nowFlag); err != nil {
				return fmt.Errorf("-now: want YYYY-MM-DD or RFC 3339, not %q", *nowFlag)
			}
		}
		now = t
	}

	start := time.Now()
	d := datagen.CircleWith(*seed, *people, *interactions, now, datagen.Options{Skew: *skew})
	fmt.Fprintf(os.Stderr, "tendgen: generated %d people, %d interactions, %d memories in %v\n",
		len(d.People), len(d.Interactions), len(d.Memories), time.Since(start).Round(time.Millisecond))

	if *jsonPath != "" {
		if err := writeFile(*jsonPath, func(w io.Writer) error { return datagen.WriteJSON(w, d) }); err != nil {
			return err
		}
	}
	if *friendsPath != "" {
		if err := writeFile(*friendsPath, func(w io.Writer) error { return datagen.WriteFriends(w, d) }); err != nil {
			return err
		}
	}
	if *dbPath != "" {
		start = time.Now()
		if err := datagen.WriteDB(context.Background(), *dbPath, d); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "tendgen: wrote %s in %v\n", *dbPath, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
