//go:build !crisp_stdjson

package events

import (
	"github.com/crisp-go/crisp-go/internal/jsonx"
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// Event data is decoded with the codec of package crisp (see
// crisp/codec.go): encoding/json's behaviour on the v2 engine of
// github.com/go-json-experiment/json, faster and with fewer allocations.
// Build with -tags crisp_stdjson for encoding/json alone.
func init() { jsonx.Register(jsonv1.Marshal, jsonv1.Unmarshal) }
