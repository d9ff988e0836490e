package main

import (
	"fmt"

	"github.com/getkin/kin-openapi/openapi3"
)

// loadGo loads the spec as package api is generated from it.
func loadGo(root, specPath string) (*openapi3.T, error) {
	doc, err := openapi3.NewLoader().LoadFromFile(specPath)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", specPath, err)
	}
	return doc, nil
}
