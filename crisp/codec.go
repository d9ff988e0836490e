//go:build !crisp_stdjson

package crisp

import (
	"github.com/crisp-go/crisp-go/internal/jsonx"
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// The facade and the generated client encode and decode JSON with the v1
// API of github.com/go-json-experiment/json: encoding/json's behaviour on
// its faster v2 engine (the engine of encoding/json from Go 1.27, where
// this package is an alias of encoding/json). Build with -tags
// crisp_stdjson for encoding/json alone. Why this codec:
// docs/benchmarks.md, "JSON codec".
func init() { jsonx.Register(jsonv1.Marshal, jsonv1.Unmarshal) }
