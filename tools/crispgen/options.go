package main

import (
	"fmt"
	"go/ast"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// optionsField is one field of a generated options struct: a query
// parameter as a value (the zero value leaves it out).
type optionsField struct {
	Name, Type, Doc string
	// Set is the expression that sets the generated parameter from o.Name.
	Set string
}

// generatedOptions builds the options struct of an operation whose query
// parameters all have a value form: Flag as bool, strings and string enums,
// integers, dates. ok is false when one has none (the operation then needs
// a hand-written options type or x-crisp-go-manual).
func generatedOptions(a *apiPackage, o *openapi3.Operation, paramsType string) ([]optionsField, error) {
	ts, ok := a.types[paramsType]
	if !ok {
		return nil, fmt.Errorf("api has no %s", paramsType)
	}
	st, ok := ts.Type.(*ast.StructType)
	if !ok {
		return nil, fmt.Errorf("%s is not a struct", paramsType)
	}
	docs := map[string]string{}
	for _, p := range o.Parameters {
		if p.Value != nil && p.Value.In == "query" {
			docs[p.Value.Name] = p.Value.Description
		}
	}
	var fields []optionsField
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 || f.Tag == nil {
			continue
		}
		name := f.Names[0].Name
		json := strings.Split(strings.Split(strings.Trim(f.Tag.Value, "`"), `json:"`)[1], ",")[0]
		json = strings.TrimSuffix(json, `"`)
		field := optionsField{Name: name, Doc: docs[json]}
		star, optional := f.Type.(*ast.StarExpr)
		if !optional {
			field.Type = a.expr(a.resolveAlias(f.Type))
			field.Set = "o." + name
			fields = append(fields, field)
			continue
		}
		elem := star.X
		res := a.resolveAlias(elem)
		switch {
		case a.isAliasOf(elem, "Flag"):
			field.Type, field.Set = "bool", "flag(o."+name+")"
		case a.raw(res) == "time.Time":
			field.Type, field.Set = "time.Time", "optTime(o."+name+")"
		case a.raw(res) == "string" || isStringType(a, res):
			field.Type, field.Set = a.expr(res), "optString(o."+name+")"
		case a.raw(res) == "int" || a.raw(res) == "int64":
			field.Type, field.Set = a.raw(res), "optInt(o."+name+")"
		default:
			return nil, fmt.Errorf("query parameter %s (%s) has no value form", json, a.raw(res))
		}
		fields = append(fields, field)
	}
	return fields, nil
}

// writeOptions writes a generated options struct and its params method.
func writeOptions(b *strings.Builder, op facadeOp) {
	wrap(b, fmt.Sprintf("%s sets the query parameters of %s; the zero value of a field leaves its parameter out, and a nil *%s sends none.", op.Options, op.Method, op.Options))
	fmt.Fprintf(b, "type %s struct {\n", op.Options)
	for _, f := range op.OptionFields {
		doc := f.Doc
		if doc == "" {
			doc = "sets the query parameter."
		}
		wrapIndent(b, f.Name+" "+docSentence(doc))
		fmt.Fprintf(b, "\t%s %s\n", f.Name, f.Type)
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(b, "// params builds the generated query parameters.\nfunc (o *%s) params(string) (*api.%s, error) {\n\tif o == nil {\n\t\treturn nil, nil\n\t}\n\treturn &api.%s{\n", op.Options, op.ParamsType, op.ParamsType)
	for _, f := range op.OptionFields {
		fmt.Fprintf(b, "\t\t%s: %s,\n", f.Name, f.Set)
	}
	b.WriteString("\t}, nil\n}\n\n")
}

func wrapIndent(b *strings.Builder, text string) {
	var sb strings.Builder
	wrap(&sb, text)
	for _, l := range strings.Split(strings.TrimSuffix(sb.String(), "\n"), "\n") {
		b.WriteString("\t" + l + "\n")
	}
}
