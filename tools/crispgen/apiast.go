package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
)

// apiPackage is what the facade generator reads of the generated package
// api: the Go types oapi-codegen chose, so that the facade uses exactly
// them.
type apiPackage struct {
	fset *token.FileSet
	// methods maps a ClientInterface method name to its parameters
	// (without ctx and reqEditors).
	methods map[string][]apiParam
	// types maps a type name to its declaration.
	types map[string]*ast.TypeSpec
}

type apiParam struct {
	Name string
	Type ast.Expr
}

func loadAPI(root string) (*apiPackage, error) {
	path := filepath.Join(root, "api", "api.gen.go")
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, 0)
	if err != nil {
		return nil, err
	}
	p := &apiPackage{fset: fset, methods: map[string][]apiParam{}, types: map[string]*ast.TypeSpec{}}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, s := range gd.Specs {
			ts := s.(*ast.TypeSpec)
			p.types[ts.Name.Name] = ts
		}
	}
	ci, ok := p.types["ClientInterface"]
	if !ok {
		return nil, fmt.Errorf("api: no ClientInterface")
	}
	for _, m := range ci.Type.(*ast.InterfaceType).Methods.List {
		ft := m.Type.(*ast.FuncType)
		var params []apiParam
		for _, field := range ft.Params.List {
			for _, n := range field.Names {
				if n.Name == "ctx" || n.Name == "reqEditors" {
					continue
				}
				params = append(params, apiParam{n.Name, field.Type})
			}
		}
		p.methods[m.Names[0].Name] = params
	}
	return p, nil
}

// expr prints a type expression of package api as seen from another
// package: exported identifiers get the api. prefix.
func (p *apiPackage) expr(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		if ast.IsExported(e.Name) {
			return "api." + e.Name
		}
		return e.Name
	case *ast.StarExpr:
		return "*" + p.expr(e.X)
	case *ast.ArrayType:
		return "[]" + p.expr(e.Elt)
	case *ast.MapType:
		return "map[" + p.expr(e.Key) + "]" + p.expr(e.Value)
	case *ast.InterfaceType:
		return "any"
	case *ast.SelectorExpr:
		return p.raw(e)
	}
	return p.raw(e)
}

func (p *apiPackage) raw(e ast.Expr) string {
	var sb strings.Builder
	_ = printer.Fprint(&sb, p.fset, e)
	return sb.String()
}

// resolveAlias follows type aliases (type A = B) from a type name.
func (p *apiPackage) resolveAlias(e ast.Expr) ast.Expr {
	for range 10 {
		id, ok := e.(*ast.Ident)
		if !ok {
			return e
		}
		ts, ok := p.types[id.Name]
		if !ok || !ts.Assign.IsValid() {
			return e
		}
		e = ts.Type
	}
	return e
}

// structField returns the type of the field of struct type name whose JSON
// name is json.
func (p *apiPackage) structField(name, json string) (goName string, typ ast.Expr, ok bool) {
	ts, found := p.types[name]
	if !found {
		return "", nil, false
	}
	st, isStruct := ts.Type.(*ast.StructType)
	if !isStruct {
		return "", nil, false
	}
	for _, f := range st.Fields.List {
		if f.Tag == nil || len(f.Names) == 0 {
			continue
		}
		tag := reflect.StructTag(strings.Trim(f.Tag.Value, "`")).Get("json")
		if strings.Split(tag, ",")[0] == json {
			return f.Names[0].Name, f.Type, true
		}
	}
	return "", nil, false
}
