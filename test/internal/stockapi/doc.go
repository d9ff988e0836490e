// Package stockapi holds a few operations of openapi.yaml generated with
// oapi-codegen's stock client template (see oapi-codegen.yaml here), the
// reference test/codegen_test.go compares the generated package api with.
package stockapi
