// Package jsonx is the JSON codec of the generated request bodies (package
// api), of the facade's answers (package crisp) and of event data
// (packages events and webhook). It is encoding/json until a faster codec
// with the same behaviour is registered: packages crisp and events
// register the v1 API of github.com/go-json-experiment/json (the
// implementation of Go's encoding/json on its v2 engine, which is
// encoding/json itself from Go 1.27 or with GOEXPERIMENT=jsonv2), unless
// built with the crisp_stdjson tag. The registration keeps this package,
// and so package api, free of that dependency: the compiler builds it
// while it builds api (docs/benchmarks.md, "JSON codec").
//
// The equivalence is tested, not assumed: crisp/decoder_test.go decodes
// every answer example of openapi.yaml (and thousands of mutations) both
// ways, test/encoder_test.go encodes every request body example both ways.
package jsonx

import (
	"encoding/json"
	"sync/atomic"
)

// Fast reports that a fast codec is registered. Callers that need
// encoding/json's exact errors take the successes of Unmarshal only, and
// decide its failures with encoding/json (crisp's decodeEnvelope does).
var Fast bool

var (
	marshal   func(any) ([]byte, error)
	unmarshal func([]byte, any) error
)

// Register sets the fast codec. It is called from init functions only
// (packages crisp and events, with the same codec), before any other
// function of this package runs.
func Register(m func(any) ([]byte, error), u func([]byte, any) error) {
	marshal, unmarshal, Fast = m, u, true
}

// std forces encoding/json in Marshal (tests comparing the encoders).
var std atomic.Bool

// Marshal encodes a request body, as encoding/json.Marshal does.
func Marshal(v any) ([]byte, error) {
	if !Fast || std.Load() {
		return json.Marshal(v)
	}
	return marshal(v)
}

// Unmarshal decodes data into v, as encoding/json.Unmarshal does (see Fast
// for its errors).
func Unmarshal[T any](data []byte, v *T) error { return UnmarshalAny(data, v) }

// Decode decodes data into v with exactly the result and the error of
// encoding/json.Unmarshal: the fast codec decodes it, and what that
// refuses is decoded again by encoding/json from the zero value, so that
// errors keep encoding/json's types and texts (packages events and
// webhook use it).
func Decode[T any](data []byte, v *T) error {
	if Fast {
		if unmarshal(data, v) == nil {
			return nil
		}
		var zero T
		*v = zero
	}
	return json.Unmarshal(data, v)
}

// UnmarshalAny is Unmarshal for a value of any type.
func UnmarshalAny(data []byte, v any) error {
	if !Fast {
		return json.Unmarshal(data, v)
	}
	return unmarshal(data, v)
}

// UseStd makes Marshal encode with encoding/json, for tests that compare
// the two encoders; restore undoes it. Not for concurrent use with Marshal
// in other tests of the same process.
func UseStd() (restore func()) {
	std.Store(true)
	return func() { std.Store(false) }
}
