// Package jsonx is the JSON codec of the generated request bodies (package
// api) and of the facade's answers (package crisp): github.com/goccy/go-json,
// which encodes and decodes them as encoding/json does and faster, or
// encoding/json alone when built with the crisp_stdjson tag (for example
// with GOEXPERIMENT=jsonv2).
//
// The equivalence is tested, not assumed: crisp/decoder_test.go decodes
// every answer example of openapi.yaml (and thousands of mutations) both
// ways, test/encoder_test.go encodes every request body example both ways.
package jsonx

import (
	"encoding/json"
	"sync/atomic"
)

// std forces encoding/json in Marshal (tests comparing the encoders).
var std atomic.Bool

// Marshal encodes a request body, as encoding/json.Marshal does.
func Marshal(v any) ([]byte, error) {
	if !Fast || std.Load() {
		return json.Marshal(v)
	}
	return marshalFast(v)
}

// UseStd makes Marshal encode with encoding/json, for tests that compare
// the two encoders; restore undoes it. Not for concurrent use with Marshal
// in other tests of the same process.
func UseStd() (restore func()) {
	std.Store(true)
	return func() { std.Store(false) }
}
