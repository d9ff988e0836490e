package main

import (
	"fmt"
	"path/filepath"

	"github.com/getkin/kin-openapi/openapi3"
)

// load reads openapi.yaml under root.
func load(root string) (*genContext, error) {
	specPath := filepath.Join(root, "openapi.yaml")
	loader := openapi3.NewLoader()
	spec, err := loader.LoadFromFile(specPath)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", specPath, err)
	}
	ctx := &genContext{Root: root, Spec: spec}
	ctx.Go, err = loadGo(root, specPath)
	if err != nil {
		return nil, err
	}
	return ctx, nil
}
