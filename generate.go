//go:build generate

// This file only carries the go:generate directives that turn openapi.yaml
// into the generated package api/ and into test/internal/stockapi (a few
// operations generated with the stock client template, for reference).
// The build tag keeps it out of normal builds; `go generate ./...` sets it.

package crispgo

//go:generate go tool -modfile=tools/go.mod oapi-codegen -config oapi-codegen.yaml openapi.yaml
//go:generate go tool -modfile=tools/go.mod oapi-codegen -config test/internal/stockapi/oapi-codegen.yaml openapi.yaml
