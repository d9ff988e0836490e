package main

import (
	"fmt"
	"strings"
)

// The operations part writes crisp/operations.gen.go: the route of every
// operation, which the runtime prints in errors instead of the request's
// path (that may hold personal data, such as an e-mail address).
func init() { register("operations", genOperations) }

func genOperations(ctx *genContext) ([]genFile, error) {
	var b strings.Builder
	b.WriteString(generatedHeader)
	b.WriteString("package crisp\n\n// operationPaths maps every operationId to its path template.\nvar operationPaths = map[string]string{\n")
	routes := map[string]string{}
	for _, path := range sortedKeys(ctx.Spec.Paths.Map()) {
		for _, o := range ctx.Spec.Paths.Value(path).Operations() {
			routes[o.OperationID] = path
		}
	}
	for _, id := range sortedKeys(routes) {
		fmt.Fprintf(&b, "\t%q: %q,\n", id, routes[id])
	}
	b.WriteString("}\n")
	return []genFile{{Path: "crisp/operations.gen.go", Content: []byte(b.String())}}, nil
}
