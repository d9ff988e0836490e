package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// maxSampleDepth bounds the recursion into nested schemas.
const maxSampleDepth = 12

// sample builds the example payload of a schema from the examples of
// openapi.yaml: a schema's example when it has one; for an object, its
// required properties and the optional ones that have an example (an
// optional property without one is left out, as Crisp leaves out what
// does not apply); for anyOf and oneOf, the first choice. A required
// property without any example gets a value of its type.
func sample(ref *openapi3.SchemaRef) any {
	v, _ := sampleOf(ref, 0, true)
	return v
}

// sampleOf returns the sample of ref and whether it came from examples
// (rather than being made up for a required value).
func sampleOf(ref *openapi3.SchemaRef, depth int, required bool) (any, bool) {
	if ref == nil || ref.Value == nil || depth > maxSampleDepth {
		return nil, false
	}
	s := ref.Value
	switch {
	case s.Example != nil:
		return s.Example, true
	case s.Default != nil:
		return s.Default, true
	case len(s.Enum) > 0:
		return s.Enum[0], true
	case len(s.AllOf) > 0:
		out := map[string]any{}
		found := false
		for _, sub := range s.AllOf {
			v, ok := sampleOf(sub, depth+1, required)
			if m, isMap := v.(map[string]any); isMap {
				for k, e := range m {
					out[k] = e
				}
				found = found || ok
			}
		}
		return out, found
	case len(s.AnyOf) > 0:
		return sampleOf(s.AnyOf[0], depth+1, required)
	case len(s.OneOf) > 0:
		return sampleOf(s.OneOf[0], depth+1, required)
	case s.Type.Is("object") || len(s.Properties) > 0:
		out := map[string]any{}
		found := false
		for name, p := range s.Properties {
			req := slices.Contains(s.Required, name)
			v, ok := sampleOf(p, depth+1, req)
			if ok || req {
				out[name] = v
				found = found || ok
			}
		}
		return out, found
	case s.Type.Is("array"):
		v, ok := sampleOf(s.Items, depth+1, required)
		if !ok && !required {
			return nil, false
		}
		n := max(1, int(s.MinItems))
		out := make([]any, n)
		for i := range out {
			out[i] = v
		}
		return out, ok
	}
	if !required {
		return nil, false
	}
	switch {
	case s.Type.Is("string"):
		return "string", false
	case s.Type.Is("integer"), s.Type.Is("number"):
		if s.Min != nil {
			return *s.Min, false
		}
		return 1, false
	case s.Type.Is("boolean"):
		return false, false
	}
	return nil, false
}

// setPath sets the value at a dotted path (data.user.nickname, or
// data.mentions.0 in an array) of root, creating the objects on the way.
func setPath(root map[string]any, path string, value any) error {
	parts := strings.Split(path, ".")
	if slices.Contains(parts, "") {
		return fmt.Errorf("%q is not a dotted path such as data.content", path)
	}
	var cur any = root
	for i, key := range parts {
		last := i == len(parts)-1
		switch node := cur.(type) {
		case map[string]any:
			if last {
				node[key] = value
				return nil
			}
			next, ok := node[key]
			if _, isMap := next.(map[string]any); !ok || next == nil || (!isMap && !isList(next)) {
				next = map[string]any{}
				node[key] = next
			}
			cur = next
		case []any:
			n, err := strconv.Atoi(key)
			if err != nil || n < 0 || n >= len(node) {
				return fmt.Errorf("%s: %s is an array of %d items: %q is not an index of it", path, strings.Join(parts[:i], "."), len(node), key)
			}
			if last {
				node[n] = value
				return nil
			}
			if _, isMap := node[n].(map[string]any); !isMap && !isList(node[n]) {
				node[n] = map[string]any{}
			}
			cur = node[n]
		}
	}
	return nil
}

// isList reports a JSON array.
func isList(v any) bool {
	_, ok := v.([]any)
	return ok
}

// setValue reads the value of --set: JSON when it parses as JSON (a
// number, true, null, "quoted", an object...), else the text itself.
func setValue(raw string) any {
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber() // integers above 2^53 keep their digits
	var v any
	if err := dec.Decode(&v); err == nil && !dec.More() {
		if _, err := dec.Token(); errors.Is(err, io.EOF) {
			return v
		}
	}
	return raw
}

// jsonValue turns a value made of maps, slices and scalars into the
// generic JSON form (map[string]any, []any, float64, ...) by a round trip.
func jsonValue(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	return out, json.Unmarshal(b, &out)
}
