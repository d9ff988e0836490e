package crisptest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"sync"

	crispgo "github.com/crisp-go/crisp-go"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// spec is the loaded OpenAPI document with what the server derives from it.
type spec struct {
	doc    *openapi3.T
	router routers.Router
	// ops maps an operationId to its operation.
	ops map[string]*Operation
}

// Operation describes one operation of the specification.
type Operation struct {
	// ID is the operationId.
	ID string
	// Method and Path are the HTTP method and the path template (relative
	// to /v1).
	Method, Path string
	// Tiers are the token tiers the route accepts (x-crisp-tiers).
	Tiers []string
	// Deprecated reports a deprecated route.
	Deprecated bool
	// Status and Example are the success status and the example answer
	// (the whole envelope) the server sends by default.
	Status  int
	Example json.RawMessage

	op *openapi3.Operation
	// params are the path item's and the operation's parameters.
	params openapi3.Parameters
}

var (
	loadOnce  sync.Once
	loaded    *spec
	loadError error
)

// loadSpec parses the embedded openapi.yaml once per process.
func loadSpec() (*spec, error) {
	loadOnce.Do(func() { loaded, loadError = parseSpec(crispgo.OpenAPI) })
	return loaded, loadError
}

func parseSpec(data []byte) (*spec, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("crisptest: load openapi.yaml: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("crisptest: openapi.yaml is invalid: %w", err)
	}
	// Route on the path alone, whatever host the server listens on.
	doc.Servers = openapi3.Servers{{URL: "/v1"}}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("crisptest: router: %w", err)
	}
	s := &spec{doc: doc, router: router, ops: map[string]*Operation{}}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			o := &Operation{ID: op.OperationID, Method: method, Path: path, Deprecated: op.Deprecated, op: op}
			o.params = append(append(openapi3.Parameters{}, item.Parameters...), op.Parameters...)
			if raw, ok := op.Extensions["x-crisp-tiers"]; ok {
				if list, ok := raw.([]any); ok {
					for _, t := range list {
						if ts, ok := t.(string); ok {
							o.Tiers = append(o.Tiers, ts)
						}
					}
				}
			}
			o.Status, o.Example = successExample(op)
			s.ops[o.ID] = o
		}
	}
	return s, nil
}

// successExample picks the lowest 2xx status of op and an example answer
// for it: the media-type example, else one built from the schema.
func successExample(op *openapi3.Operation) (int, json.RawMessage) {
	codes := []int{}
	for code := range op.Responses.Map() {
		if n, err := strconv.Atoi(code); err == nil && n >= 200 && n < 300 {
			codes = append(codes, n)
		}
	}
	if len(codes) == 0 {
		return http.StatusOK, nil
	}
	sort.Ints(codes)
	resp := op.Responses.Status(codes[0])
	if resp == nil || resp.Value == nil {
		return codes[0], nil
	}
	mt := resp.Value.Content.Get("application/json")
	if mt == nil {
		return codes[0], nil
	}
	if mt.Example != nil {
		b, _ := json.Marshal(mt.Example)
		return codes[0], b
	}
	for _, ex := range mt.Examples {
		if ex != nil && ex.Value != nil {
			b, _ := json.Marshal(ex.Value.Value)
			return codes[0], b
		}
	}
	if mt.Schema != nil {
		b, _ := json.Marshal(synth(mt.Schema, 0))
		return codes[0], b
	}
	return codes[0], nil
}

// synth builds a value that validates against schema, from examples,
// defaults and enums where given. It covers the shapes openapi.yaml uses.
func synth(ref *openapi3.SchemaRef, depth int) any {
	if ref == nil || ref.Value == nil || depth > 12 {
		return nil
	}
	s := ref.Value
	if s.Example != nil {
		return s.Example
	}
	if s.Default != nil {
		return s.Default
	}
	if len(s.Enum) > 0 {
		return s.Enum[0]
	}
	if len(s.AllOf) > 0 {
		out := map[string]any{}
		for _, sub := range s.AllOf {
			if m, ok := synth(sub, depth+1).(map[string]any); ok {
				for k, v := range m {
					out[k] = v
				}
			}
		}
		return out
	}
	if len(s.AnyOf) > 0 {
		return synth(s.AnyOf[0], depth+1)
	}
	if len(s.OneOf) > 0 {
		return synth(s.OneOf[0], depth+1)
	}
	switch {
	case s.Type.Is("object") || len(s.Properties) > 0:
		out := map[string]any{}
		for name, p := range s.Properties {
			out[name] = synth(p, depth+1)
		}
		return out
	case s.Type.Is("array"):
		n := int(s.MinItems)
		if n == 0 {
			n = 1
		}
		out := make([]any, n)
		for i := range out {
			out[i] = synth(s.Items, depth+1)
		}
		return out
	case s.Type.Is("string"):
		switch s.Format {
		case "date-time":
			return "2024-10-17T12:00:00Z"
		case "date":
			return "2024-10-17"
		case "uuid":
			return "8c842203-7ed8-4e29-a608-7cf78a7d2fcc"
		case "email":
			return "jane.doe@example.com"
		case "uri", "url":
			return "https://example.com/"
		}
		v := "string"
		for uint64(len(v)) < s.MinLength {
			v += "x"
		}
		return v
	case s.Type.Is("integer"):
		if s.Min != nil {
			return int64(*s.Min)
		}
		return 1
	case s.Type.Is("number"):
		if s.Min != nil {
			return *s.Min
		}
		return 1.5
	case s.Type.Is("boolean"):
		return false
	}
	return nil
}

// collectProperties adds the top-level property names of schema to out,
// following allOf, anyOf and oneOf.
func collectProperties(ref *openapi3.SchemaRef, out map[string]bool, depth int) {
	if ref == nil || ref.Value == nil || depth > 8 {
		return
	}
	for name := range ref.Value.Properties {
		out[name] = true
	}
	for _, list := range []openapi3.SchemaRefs{ref.Value.AllOf, ref.Value.AnyOf, ref.Value.OneOf} {
		for _, sub := range list {
			collectProperties(sub, out, depth+1)
		}
	}
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
