//go:build crisp_stdjson

package crisp

import "encoding/json"

// fastDecoder reports that success answers are decoded with encoding/json
// alone (the crisp_stdjson build tag); see json_fast.go.
const fastDecoder = false

// unmarshalFast decodes data into v with encoding/json.
func unmarshalFast[T any](data []byte, v *T) error { return json.Unmarshal(data, v) }

// unmarshalFastAny is unmarshalFast for a value of any type (tests).
func unmarshalFastAny(data []byte, v any) error { return json.Unmarshal(data, v) }
