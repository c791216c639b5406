//go:build race

package store_test

// raceEnabled is set when the tests run with -race, which makes them
// many times slower: the longest sweeps take a sample then.
const raceEnabled = true
