//go:build !race

// Package race tells tests whether the race detector is on: some checks
// (allocation counts through a sync.Pool, which drops items at random under
// the detector; nested builds that should reuse the race-built packages)
// depend on it.
package race

// Enabled is true in a binary built with -race.
const Enabled = false
