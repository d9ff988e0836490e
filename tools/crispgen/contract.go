package main

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// The contract part writes test/contract_gen_test.go: one table entry per
// generated facade method, with a function that calls it from strings and
// the spec's request and answer examples. test/contract_test.go runs the
// checks over the table.
func init() { register("contract", genContract) }

func genContract(ctx *genContext) ([]genFile, error) {
	a, err := loadAPI(ctx.Root)
	if err != nil {
		return nil, err
	}
	ops, err := facadeOps(ctx.Go, a)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString(generatedHeader)
	b.WriteString("package test\n\nimport (\n\t\"context\"\n\t\"encoding/json\"\n\n\t\"github.com/crisp-go/crisp-go/api\"\n\t\"github.com/crisp-go/crisp-go/crisp\"\n)\n\n")
	b.WriteString("// contractOps lists every generated facade method with what the\n// contract test needs to call it and check its request.\nvar contractOps = []contractOp{\n")
	for _, op := range ops {
		o := ctx.Go.Paths.Value(op.Path).GetOperation(op.HTTPMethod)
		reqEx, err := requestExample(o)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op.ID, err)
		}
		respEx, err := responseExample(o)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op.ID, err)
		}
		var names, examples, fixed []string
		pex := pathParamExamples(ctx.Go, op)
		for _, arg := range op.Args {
			switch {
			case arg.Check != "" && arg.Enum == nil:
				names = append(names, fmt.Sprintf("%q", arg.SpecName))
				ex, ok := pex[arg.SpecName]
				if !ok {
					return nil, fmt.Errorf("%s: path parameter %s has no example", op.ID, arg.SpecName)
				}
				examples = append(examples, fmt.Sprintf("%q", fmt.Sprint(ex)))
			case arg.Enum != nil:
				fixed = append(fixed, fmt.Sprintf("%q: %q", arg.SpecName, arg.Enum[0]))
			default:
				ex, ok := pex[arg.SpecName]
				if !ok {
					return nil, fmt.Errorf("%s: path parameter %s has no example", op.ID, arg.SpecName)
				}
				fixed = append(fixed, fmt.Sprintf("%q: %q", arg.SpecName, pathValue(ex)))
			}
		}
		fmt.Fprintf(&b, "\t{\n\t\tID: %q, Method: %q, Path: %q,\n", op.ID, op.HTTPMethod, op.Path)
		fmt.Fprintf(&b, "\t\tStringParams: []string{%s},\n", strings.Join(names, ", "))
		fmt.Fprintf(&b, "\t\tExamples: []string{%s},\n", strings.Join(examples, ", "))
		if len(fixed) > 0 {
			fmt.Fprintf(&b, "\t\tPathValues: map[string]string{%s},\n", strings.Join(fixed, ", "))
		}
		if op.Page {
			b.WriteString("\t\tPaged: true,\n")
		}
		if op.Body != "" && op.Body != "empty" && op.Flatten == nil {
			b.WriteString("\t\tHasBody: true,\n")
		}
		if op.Body == "empty" {
			b.WriteString("\t\tEmptyBody: true,\n")
		}
		if reqEx != "" {
			fmt.Fprintf(&b, "\t\tRequest: %s,\n", goString(reqEx))
		}
		if respEx != "" {
			fmt.Fprintf(&b, "\t\tAnswer: %s,\n", goString(respEx))
		}
		fmt.Fprintf(&b, "\t\tResult: %q,\n", op.Result)
		if op.UnwrapField != "" {
			fmt.Fprintf(&b, "\t\tUnwrap: %q,\n", op.UnwrapField)
		}
		b.WriteString("\t\tCall: func(ctx context.Context, c *crisp.Client, p []string, page int, body []byte) (any, error) {\n")
		call, err := contractCall(ctx.Go, op, false)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op.ID, err)
		}
		b.WriteString(call)
		b.WriteString("\t\t},\n")
		if op.Page {
			b.WriteString("\t\tIter: func(ctx context.Context, c *crisp.Client, p []string, body []byte) (items []any, errs []error) {\n")
			call, err := contractCall(ctx.Go, op, true)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", op.ID, err)
			}
			b.WriteString(call)
			b.WriteString("\t\t},\n")
		}
		b.WriteString("\t},\n")
	}
	b.WriteString("}\n")
	return []genFile{{Path: "test/contract_gen_test.go", Content: []byte(b.String())}}, nil
}

// contractCall writes the body of the function that calls op's method:
// string path parameters come from p, in order; other path parameters
// from their example (page 1); the body is decoded from the JSON body
// (nil body: a nil argument). With iter, it walks the Iter method and
// returns every item and every error the walk yields.
func contractCall(doc *openapi3.T, op facadeOp, iter bool) (string, error) {
	var b strings.Builder
	args := []string{"ctx"}
	i := 0
	params := pathParamExamples(doc, op)
	for _, a := range op.Args {
		switch {
		case a.Type == "string":
			args = append(args, fmt.Sprintf("p[%d]", i))
			i++
		case a.Enum != nil:
			args = append(args, fmt.Sprintf("%s(%q)", a.Type, a.Enum[0]))
		case a.Check != "":
			args = append(args, fmt.Sprintf("%s(p[%d])", a.Type, i))
			i++
		default:
			ex, ok := params[a.SpecName]
			if !ok {
				return "", fmt.Errorf("path parameter %s has no example", a.SpecName)
			}
			args = append(args, fmt.Sprintf("%s(%v)", a.Type, ex))
		}
	}
	if op.Page && !iter {
		args = append(args, "page")
	}
	switch {
	case op.Body == "" || op.Body == "empty":
	case op.Flatten != nil:
		fmt.Fprintf(&b, "\t\t\tvar v %s\n\t\t\tif err := json.Unmarshal(body, &v); err != nil {\n\t\t\t\treturn nil, err\n\t\t\t}\n", op.Body)
		args = append(args, "v."+op.FlattenField)
	case op.BodyByValue:
		fmt.Fprintf(&b, "\t\t\tvar v %s\n\t\t\tif body != nil {\n\t\t\t\tif err := json.Unmarshal(body, &v); err != nil {\n\t\t\t\t\treturn nil, err\n\t\t\t\t}\n\t\t\t}\n", op.Body)
		args = append(args, "v")
	default:
		fmt.Fprintf(&b, "\t\t\tvar v *%s\n\t\t\tif body != nil {\n\t\t\t\tv = new(%s)\n\t\t\t\tif err := json.Unmarshal(body, v); err != nil {\n\t\t\t\t\treturn nil, err\n\t\t\t\t}\n\t\t\t}\n", op.Body, op.Body)
		args = append(args, "v")
	}
	if op.Options != "" {
		args = append(args, "nil")
	}
	method := op.Method
	if iter {
		method += "Iter"
	}
	call := fmt.Sprintf("c.%s.%s(%s)", strings.TrimSuffix(op.Service, "Service"), method, strings.Join(args, ", "))
	if iter {
		fmt.Fprintf(&b, "\t\t\tfor v, err := range %s {\n\t\t\t\tif err != nil {\n\t\t\t\t\terrs = append(errs, err)\n\t\t\t\t\tcontinue\n\t\t\t\t}\n\t\t\t\titems = append(items, v)\n\t\t\t}\n\t\t\treturn items, errs\n", call)
		return b.String(), nil
	}
	if op.Result == "done" {
		fmt.Fprintf(&b, "\t\t\treturn nil, %s\n", call)
	} else {
		fmt.Fprintf(&b, "\t\t\treturn %s\n", call)
	}
	return b.String(), nil
}

// pathParamExamples returns the example of each path parameter.
func pathParamExamples(doc *openapi3.T, op facadeOp) map[string]any {
	out := map[string]any{}
	item := doc.Paths.Value(op.Path)
	o := item.GetOperation(op.HTTPMethod)
	for _, list := range []openapi3.Parameters{item.Parameters, o.Parameters} {
		for _, p := range list {
			if p.Value == nil || p.Value.In != "path" {
				continue
			}
			if p.Value.Example != nil {
				out[p.Value.Name] = p.Value.Example
			} else if p.Value.Schema != nil && p.Value.Schema.Value != nil && p.Value.Schema.Value.Example != nil {
				out[p.Value.Name] = p.Value.Schema.Value.Example
			}
		}
	}
	return out
}

func requestExample(o *openapi3.Operation) (string, error) {
	if o.RequestBody == nil || o.RequestBody.Value == nil {
		return "", nil
	}
	mt := o.RequestBody.Value.Content.Get("application/json")
	if mt == nil || mt.Example == nil {
		return "", nil
	}
	b, err := json.Marshal(mt.Example)
	return string(b), err
}

func responseExample(o *openapi3.Operation) (string, error) {
	for _, code := range []string{"200", "201", "206"} {
		r := o.Responses.Value(code)
		if r == nil || r.Value == nil {
			continue
		}
		mt := r.Value.Content.Get("application/json")
		if mt == nil || mt.Example == nil {
			return "", nil
		}
		b, err := json.Marshal(mt.Example)
		return string(b), err
	}
	return "", nil
}

// pathValue is how a path parameter's example (a number, or a string) is
// written in a path.
func pathValue(v any) string {
	if f, ok := v.(float64); ok && f == math.Trunc(f) {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// goString quotes s as a Go raw string when it can.
func goString(s string) string {
	if !strings.Contains(s, "`") {
		return "`" + s + "`"
	}
	return fmt.Sprintf("%q", s)
}
