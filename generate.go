//go:build generate

// This file only carries the go:generate directive that turns openapi.yaml
// into the generated package api/. The build tag keeps it out of normal
// builds; `go generate ./...` sets it.

package crispgo

//go:generate go tool -modfile=tools/go.mod oapi-codegen -config oapi-codegen.yaml openapi.yaml
