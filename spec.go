// Package crispgo holds the OpenAPI document of the Crisp REST API V1
// (openapi.yaml) that the generated client in package api comes from.
//
// Programs use package crisp (the client) and package crisptest (a fake
// Crisp server for tests); this package only embeds the specification so
// that it travels with the module.
package crispgo

import _ "embed"

// OpenAPI is the content of openapi.yaml, the OpenAPI 3.0 description of
// every Crisp REST API V1 operation.
//
//go:embed openapi.yaml
var OpenAPI []byte
