package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
)

// The builders part writes test/codegen_gen_test.go: for every operation,
// a call of its request builder in package api (made from
// templates/client.tmpl) and of the same builder in test/internal/stockapi
// (oapi-codegen's stock template), so that test/codegen_test.go can
// require the same request of both for every operation.
func init() { register("builders", genBuilders) }

func genBuilders(ctx *genContext) ([]genFile, error) {
	a, err := loadAPI(ctx.Root)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(ctx.Root, "api", "api.gen.go"), nil, 0)
	if err != nil {
		return nil, err
	}
	funcs := map[string]*ast.FuncDecl{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && strings.HasPrefix(fd.Name.Name, "New") {
			funcs[fd.Name.Name] = fd
		}
	}
	var ids []string
	for _, path := range sortedKeys(ctx.Go.Paths.Map()) {
		for _, o := range ctx.Go.Paths.Value(path).Operations() {
			ids = append(ids, o.OperationID)
		}
	}
	var b strings.Builder
	b.WriteString(generatedHeader)
	b.WriteString("package test\n\nimport (\n\t\"net/http\"\n\t\"strings\"\n\n\t\"github.com/crisp-go/crisp-go/api\"\n\t\"github.com/crisp-go/crisp-go/test/internal/stockapi\"\n)\n\n")
	b.WriteString("var _ = strings.NewReader\n\n")
	b.WriteString("// codegenBuilders builds the request of every operation with both\n// templates, every path parameter set to v (integers to 7).\nvar codegenBuilders = []codegenBuilder{\n")
	for _, id := range sortedSlice(ids) {
		name := "New" + pascal(id) + "RequestWithBody"
		fd, ok := funcs[name]
		if !ok {
			name = "New" + pascal(id) + "Request"
			if fd, ok = funcs[name]; !ok {
				return nil, fmt.Errorf("%s: api has no request builder", id)
			}
		}
		lean, stock := []string{"server"}, []string{"server"}
		for _, field := range fd.Type.Params.List[1:] {
			for _, n := range field.Names {
				l, s, err := builderArg(a, n.Name, field.Type)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", id, err)
				}
				lean, stock = append(lean, l), append(stock, s)
			}
		}
		fmt.Fprintf(&b, "\t{ID: %q,\n\t\tLean: func(server, v string) (*http.Request, error) { return api.%s(%s) },\n\t\tStock: func(server, v string) (*http.Request, error) { return stockapi.%s(%s) },\n\t},\n",
			id, name, strings.Join(lean, ", "), name, strings.Join(stock, ", "))
	}
	b.WriteString("}\n")
	return []genFile{{Path: "test/codegen_gen_test.go", Content: []byte(b.String())}}, nil
}

// builderArg returns the argument a builder gets for one parameter, in
// package api and in package stockapi.
func builderArg(a *apiPackage, name string, typ ast.Expr) (lean, stock string, err error) {
	switch name {
	case "contentType":
		return `"application/json"`, `"application/json"`, nil
	case "body":
		return `strings.NewReader("{}")`, `strings.NewReader("{}")`, nil
	case "params":
		return "nil", "nil", nil
	}
	res := a.resolveAlias(typ)
	switch r := a.raw(res); {
	case r == "string":
		return "v", "v", nil
	case r == "int" || r == "int64" || r == "int32":
		return "7", "7", nil
	case isStringType(a, res):
		id := res.(*ast.Ident).Name
		return "api." + id + "(v)", "stockapi." + id + "(v)", nil
	}
	return "", "", fmt.Errorf("parameter %s: no value for %s", name, a.raw(typ))
}

func sortedSlice(s []string) []string {
	m := map[string]bool{}
	for _, v := range s {
		m[v] = true
	}
	return sortedKeys(m)
}
