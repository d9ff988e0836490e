// Command crispgen generates, from openapi.yaml and the Go overlay, every
// file of the module that restates the spec: the generated package api
// (through oapi-codegen's library, at the version pinned in this module),
// the per-operation methods of package crisp, the event tables of package
// events, docs/operations.md and the table of the contract test.
//
// It is run by `go generate ./...` (see generate.go at the module root):
//
//	go -C tools run ./crispgen -root ..
//
// Each part registers itself with register (one file per part); main loads
// the spec once and hands the same document to every part.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// genContext is what every part gets.
type genContext struct {
	// Root is the module root (the folder of openapi.yaml).
	Root string
	// Spec is openapi.yaml as written (no overlay): language neutral.
	Spec *openapi3.T
	// Go is openapi.yaml with the Go overlay applied and the computed Go
	// extensions (value types, request copies) added: what package api is
	// generated from.
	Go *openapi3.T
}

// genFile is one file a part writes. Path is relative to the root; a .go
// file is gofmt-ed before it is written; nil Content removes the file.
type genFile struct {
	Path    string
	Content []byte
}

type part struct {
	name string
	run  func(*genContext) ([]genFile, error)
}

var parts []part

// register adds a part; parts run in the order of their names.
func register(name string, run func(*genContext) ([]genFile, error)) {
	parts = append(parts, part{name, run})
}

func main() {
	root := flag.String("root", ".", "the module root (holding openapi.yaml)")
	only := flag.String("only", "", "run only these parts (comma-separated)")
	flag.Parse()
	if err := run(*root, *only); err != nil {
		fmt.Fprintln(os.Stderr, "crispgen:", err)
		os.Exit(1)
	}
}

func run(root, only string) error {
	ctx, err := load(root)
	if err != nil {
		return err
	}
	slices.SortFunc(parts, func(a, b part) int { return strings.Compare(a.name, b.name) })
	var want []string
	if only != "" {
		want = strings.Split(only, ",")
	}
	for _, p := range parts {
		if want != nil && !slices.Contains(want, p.name) {
			continue
		}
		files, err := p.run(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		for _, f := range files {
			if err := write(root, f); err != nil {
				return fmt.Errorf("%s: %w", p.name, err)
			}
		}
	}
	return nil
}

// write writes f under root, gofmt-ing Go files, and leaves a file whose
// content is unchanged untouched.
func write(root string, f genFile) error {
	if f.Content == nil {
		// A file the part no longer writes.
		err := os.Remove(filepath.Join(root, filepath.FromSlash(f.Path)))
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	content := f.Content
	if strings.HasSuffix(f.Path, ".go") {
		src, err := format.Source(content)
		if err != nil {
			return fmt.Errorf("%s: %w\n%s", f.Path, err, numbered(content))
		}
		content = src
	}
	path := filepath.Join(root, filepath.FromSlash(f.Path))
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, content) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, content, 0o644)
}

func numbered(b []byte) string {
	var sb strings.Builder
	for i, l := range strings.Split(string(b), "\n") {
		fmt.Fprintf(&sb, "%5d %s\n", i+1, l)
	}
	return sb.String()
}
