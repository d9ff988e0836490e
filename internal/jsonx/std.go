//go:build crisp_stdjson

package jsonx

import "encoding/json"

// Fast reports that this build encodes and decodes with encoding/json
// alone (the crisp_stdjson build tag).
const Fast = false

func marshalFast(v any) ([]byte, error) { return json.Marshal(v) }

// Unmarshal decodes data into v with encoding/json.
func Unmarshal[T any](data []byte, v *T) error { return json.Unmarshal(data, v) }

// UnmarshalAny is Unmarshal for a value of any type (tests).
func UnmarshalAny(data []byte, v any) error { return json.Unmarshal(data, v) }
