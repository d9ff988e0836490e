package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/speakeasy-api/openapi/overlay/loader"
	"gopkg.in/yaml.v3"
)

// overlayPath is the OpenAPI Overlay holding the Go-only settings of the
// spec (x-go-name, x-go-type, x-crisp-go-*): openapi.yaml stays language
// neutral. oapi-codegen.yaml names it (output-options.overlay.path).
const overlayPath = "overlay.yaml"

// loadGo loads the spec as package api is generated from it: openapi.yaml,
// then the Go overlay, then the computed Go rules (goEnums, goValues).
func loadGo(root, specPath string) (*openapi3.T, error) {
	doc, err := goDocument(root, specPath)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return loadJSON(b)
}

// loadJSON loads a spec encoded as JSON.
func loadJSON(b []byte) (*openapi3.T, error) {
	t, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		return nil, fmt.Errorf("load the Go spec: %w", err)
	}
	return t, nil
}

// goDocument returns the Go spec as a generic document.
func goDocument(root, specPath string) (map[string]any, error) {
	src, err := os.ReadFile(specPath)
	if err != nil {
		return nil, err
	}
	var node yaml.Node
	if err := yaml.Unmarshal(src, &node); err != nil {
		return nil, fmt.Errorf("%s: %w", specPath, err)
	}
	ov, err := loader.LoadOverlay(filepath.Join(root, overlayPath))
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", overlayPath, err)
	}
	if err := ov.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", overlayPath, err)
	}
	// Strict: an action whose target matches nothing is an error, so that
	// a renamed schema cannot leave a Go setting behind silently.
	if warnings, err := ov.ApplyToStrict(&node); err != nil {
		return nil, fmt.Errorf("apply %s: %w\n- %s", overlayPath, err, strings.Join(warnings, "\n- "))
	}
	var doc map[string]any
	if err := node.Decode(&doc); err != nil {
		return nil, err
	}
	doc = stringKeys(doc).(map[string]any)
	goEnums(doc)
	if err := checkEnumVarnames(doc); err != nil {
		return nil, err
	}
	goValues(doc)
	return doc, nil
}

// stringKeys turns the maps YAML decodes with non-string keys (an example
// keyed by numbers) into map[string]any, which JSON can encode.
func stringKeys(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = stringKeys(e)
		}
		return v
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[fmt.Sprint(k)] = stringKeys(e)
		}
		return m
	case []any:
		for i, e := range v {
			v[i] = stringKeys(e)
		}
		return v
	}
	return v
}

// checkEnumVarnames fails when an x-enum-varnames list (set by the
// overlay) does not have one name per enum value: the names would shift
// onto the wrong values.
func checkEnumVarnames(doc map[string]any) error {
	var errs []string
	walkMaps(doc, "", func(m map[string]any, where string) {
		names, ok := m["x-enum-varnames"].([]any)
		if !ok {
			return
		}
		values, _ := m["enum"].([]any)
		if len(names) != len(values) {
			errs = append(errs, fmt.Sprintf("%s: %d x-enum-varnames for %d enum values", where, len(names), len(values)))
		}
	})
	if errs != nil {
		return fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}

// walkMaps calls fn on every map of v, depth first.
func walkMaps(v any, where string, fn func(m map[string]any, where string)) {
	switch v := v.(type) {
	case map[string]any:
		fn(v, where)
		for _, k := range sortedKeys(v) {
			walkMaps(v[k], where+"/"+k, fn)
		}
	case []any:
		for i, e := range v {
			walkMaps(e, fmt.Sprintf("%s/%d", where, i), fn)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
