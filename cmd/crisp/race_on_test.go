//go:build race

package main

// raceEnabled reports a test binary built with -race: the tool under test
// is then built with -race too.
const raceEnabled = true
