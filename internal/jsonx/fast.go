//go:build !crisp_stdjson

package jsonx

import gojson "github.com/goccy/go-json"

// Fast reports that this build encodes and decodes with
// github.com/goccy/go-json (see the package documentation).
const Fast = true

func marshalFast(v any) ([]byte, error) { return gojson.Marshal(v) }

// Unmarshal decodes data into v. Callers that need encoding/json's exact
// errors take its successes only, and decide its failures with
// encoding/json (crisp's decodeBody does).
func Unmarshal[T any](data []byte, v *T) error { return gojson.UnmarshalOf(data, v) }

// UnmarshalAny is Unmarshal for a value of any type (tests).
func UnmarshalAny(data []byte, v any) error { return gojson.Unmarshal(data, v) }
