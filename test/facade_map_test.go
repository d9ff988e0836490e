package test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// facadeMethod is a method of package crisp that wraps one operation.
type facadeMethod struct {
	Service, Name string
	Deprecated    bool
	Pos           string
}

// facadeOperations reads the //crisp:operation lines of package crisp and
// maps each operationId to the methods that carry it.
func facadeOperations(t *testing.T) map[string][]facadeMethod {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("../crisp/*.go")
	require.NoError(t, err)
	out := map[string][]facadeMethod{}
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		require.NoError(t, err)
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Doc == nil || fn.Recv == nil {
				continue
			}
			recv := ""
			if st, ok := fn.Recv.List[0].Type.(*ast.StarExpr); ok {
				if id, ok := st.X.(*ast.Ident); ok {
					recv = id.Name
				}
			}
			text := fn.Doc.Text()
			for _, c := range fn.Doc.List {
				if id, ok := strings.CutPrefix(c.Text, "//crisp:operation "); ok {
					out[strings.TrimSpace(id)] = append(out[strings.TrimSpace(id)], facadeMethod{
						Service: recv, Name: fn.Name.Name,
						Deprecated: strings.Contains(text, "Deprecated:"),
						Pos:        fset.Position(fn.Pos()).String(),
					})
				}
			}
		}
	}
	return out
}

// TestEveryOperationHasOneFacadeMethod links the facade and the spec: each
// operationId of openapi.yaml is wrapped by exactly one method, whose name
// is the operationId in PascalCase, and no method names an unknown one.
func TestEveryOperationHasOneFacadeMethod(t *testing.T) {
	doc := loadSpec(t)
	facade := facadeOperations(t)
	known := map[string]bool{}
	for _, o := range specOps(doc) {
		id := o.op.OperationID
		known[id] = true
		ms := facade[id]
		if len(ms) != 1 {
			t.Errorf("%s: %d facade methods, want 1 %v", id, len(ms), ms)
			continue
		}
		if want := strings.ToUpper(id[:1]) + id[1:]; ms[0].Name != want {
			t.Errorf("%s: facade method is %s, want %s", id, ms[0].Name, want)
		}
		if o.op.Deprecated && !ms[0].Deprecated {
			t.Errorf("%s is deprecated but %s has no Deprecated: paragraph", id, ms[0].Name)
		}
	}
	for id, ms := range facade {
		if !known[id] {
			t.Errorf("%v names operation %s, which openapi.yaml lacks", ms, id)
		}
	}
}
