//go:build !crisp_stdjson

package crisp

import gojson "github.com/goccy/go-json"

// fastDecoder reports that success answers are decoded with
// github.com/goccy/go-json, which decodes them as encoding/json does (see
// decoder_test.go), about four times faster. Only its successes are kept:
// for any input it refuses, encoding/json decides (decodeBody). Build with
// the crisp_stdjson tag to decode with encoding/json alone (for example
// with GOEXPERIMENT=jsonv2).
const fastDecoder = true

// unmarshalFast decodes data into v.
func unmarshalFast[T any](data []byte, v *T) error { return gojson.UnmarshalOf(data, v) }

// unmarshalFastAny is unmarshalFast for a value of any type (tests).
func unmarshalFastAny(data []byte, v any) error { return gojson.Unmarshal(data, v) }
