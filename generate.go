//go:build generate

// This file only carries the go:generate directive that turns openapi.yaml
// (with the Go settings of overlay.yaml) into every generated file of the
// module: package api (oapi-codegen, pinned in tools/go.mod), the
// per-operation methods of package crisp, the event tables of package
// events, docs/operations.md and the contract test table. See
// tools/crispgen. The build tag keeps it out of normal builds; `go
// generate ./...` sets it.

package crispgo

//go:generate go -C tools run ./crispgen -root ..
