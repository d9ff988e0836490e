// Package build holds the programs `make bench-build` (scripts/bench-build)
// compiles to measure what importing package crisp costs a program: build
// time with only the standard library cached, build memory and binary
// size, next to a plain net/http program doing the same call. See
// docs/benchmarks.md, "Build cost".
package build
