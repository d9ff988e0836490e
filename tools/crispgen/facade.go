package main

import (
	"cmp"
	"fmt"
	"go/ast"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"
)

// The facade part writes one method of package crisp per operation (and an
// ...Iter method per paged list), into crisp/<tag>.gen.go. A method has
// the shape the spec gives:
//
//   - arguments: ctx, the path parameters in path order (page_number
//     becomes page int), the request body as *api.T (a body of
//     EmptyRequest is sent as {} and takes no argument), and opts *T when
//     the overlay names a hand-written options type (x-crisp-go-options);
//   - result: HEAD routes give (bool, error); routes whose answer carries
//     no data give error; lists give ([]T, error); others (*T, error), or
//     one field of the data with x-crisp-go-unwrap.
//
// Operations the overlay marks x-crisp-go-manual are left to hand-written
// code in crisp/ (the value says why); test/facade_map_test.go checks
// that every operation has exactly one method either way.
func init() { register("facade", genFacade) }

// facadeOp is one operation as the facade generator sees it.
type facadeOp struct {
	ID, Method, Service, Tag, Doc string
	HTTPMethod, Path              string
	Deprecated                    bool
	Args                          []facadeArg
	Page                          bool
	Body                          string // "", "empty" or the Go type (api.T)
	Options                       string // hand-written options type
	PerPage                       bool   // the options have perPage()
	Result                        string // "exists", "done", "decode", "list"
	Data                          string // the data type (api.T, or the element type of a list)
	Unwrap, UnwrapType            string
	UnwrapField                   string // the JSON name of the Unwrap field
	Value                         bool   // the data is returned by value
	BodyByValue                   bool   // a map body, taken as it is
	Flatten                       *facadeArg
	FlattenField                  string
	// NullIfUnset lists the required nullable fields of the body, which
	// are sent as null when the caller leaves them unset.
	NullIfUnset []string
	// OptionFields is set when the options struct is generated.
	OptionFields []optionsField
	ParamsType   string
}

type facadeArg struct {
	Name, Type, SpecName string
	Check                string // expression checkPath gets, "" when not a string
	// Enum lists the values of a closed enum parameter: a value outside
	// it is refused before any request.
	Enum []string
}

// services maps the first path segment to the facade service.
var services = map[string]string{
	"website": "WebsiteService", "plugin": "PluginService", "plugins": "PluginService",
	"plans": "PlanService", "bucket": "BucketService", "media": "MediaService",
}

func genFacade(ctx *genContext) ([]genFile, error) {
	a, err := loadAPI(ctx.Root)
	if err != nil {
		return nil, err
	}
	ops, err := facadeOps(ctx.Go, a)
	if err != nil {
		return nil, err
	}
	byTag := map[string][]facadeOp{}
	for _, op := range ops {
		byTag[op.Tag] = append(byTag[op.Tag], op)
	}
	var files []genFile
	written := map[string]bool{}
	for _, tag := range sortedKeys(byTag) {
		path := "crisp/" + snake(tag) + ".gen.go"
		written[path] = true
		files = append(files, genFile{Path: path, Content: facadeFile(byTag[tag])})
	}
	// A tag that is gone leaves no file behind.
	old, err := filepath.Glob(filepath.Join(ctx.Root, "crisp", "*.gen.go"))
	if err != nil {
		return nil, err
	}
	for _, o := range old {
		if path := "crisp/" + filepath.Base(o); !written[path] {
			files = append(files, genFile{Path: path})
		}
	}
	return files, nil
}

// facadeOps lists the generated operations in path order.
func facadeOps(doc *openapi3.T, a *apiPackage) ([]facadeOp, error) {
	var ops []facadeOp
	var errs []string
	for _, path := range sortedKeys(doc.Paths.Map()) {
		item := doc.Paths.Value(path)
		for method, o := range item.Operations() {
			if _, manual := o.Extensions["x-crisp-go-manual"]; manual {
				continue
			}
			op, err := newFacadeOp(a, path, method, item, o)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s: %v", o.OperationID, err))
				continue
			}
			ops = append(ops, op)
		}
	}
	if errs != nil {
		slices.Sort(errs)
		return nil, fmt.Errorf("operations the facade cannot shape (give them x-crisp-go-* settings in overlay.yaml, or x-crisp-go-manual):\n%s", strings.Join(errs, "\n"))
	}
	slices.SortFunc(ops, func(x, y facadeOp) int { return cmp.Compare(x.ID, y.ID) })
	return ops, nil
}

// facadeService returns the service of the method of an operation: the
// first path segment's, or the x-crisp-go-service setting.
func facadeService(path string, ext map[string]any) string {
	if svc := extString(ext, "x-crisp-go-service"); svc != "" {
		return svc + "Service"
	}
	return services[strings.Split(strings.TrimPrefix(path, "/"), "/")[0]]
}

func extString(ext map[string]any, key string) string {
	s, _ := ext[key].(string)
	return s
}

func newFacadeOp(a *apiPackage, path, method string, item *openapi3.PathItem, o *openapi3.Operation) (facadeOp, error) {
	op := facadeOp{
		ID:         o.OperationID,
		Method:     cmp.Or(extString(o.Extensions, "x-crisp-go-method"), pascal(o.OperationID)),
		HTTPMethod: method,
		Path:       path,
		Deprecated: o.Deprecated,
		Doc:        o.Description,
		Options:    extString(o.Extensions, "x-crisp-go-options"),
		Unwrap:     extString(o.Extensions, "x-crisp-go-unwrap"),
	}
	if len(o.Tags) != 1 {
		return op, fmt.Errorf("want one tag, have %d", len(o.Tags))
	}
	op.Tag = o.Tags[0]
	op.Service = facadeService(path, o.Extensions)
	if op.Service == "" {
		return op, fmt.Errorf("no service for %s (x-crisp-go-service)", path)
	}
	op.PerPage, _ = o.Extensions["x-crisp-go-per-page"].(bool)
	op.Value, _ = o.Extensions["x-crisp-go-value"].(bool)
	// Path parameters, in path order, as the spec names them.
	var specPath []string
	for _, seg := range strings.Split(path, "/") {
		if strings.HasPrefix(seg, "{") {
			specPath = append(specPath, strings.Trim(seg, "{}"))
		}
	}
	params, ok := a.methods[pascal(o.OperationID)]
	if !ok {
		return op, fmt.Errorf("api has no method %s", pascal(o.OperationID))
	}
	i := 0
	for _, p := range params {
		switch p.Name {
		case "body":
			if a.isAliasOf(p.Type, "EmptyRequest") {
				op.Body = "empty"
				continue
			}
			t := a.resolveAlias(p.Type)
			op.Body = a.expr(t)
			if id, ok := t.(*ast.Ident); ok {
				if ts, ok := a.types[id.Name]; ok {
					_, op.BodyByValue = ts.Type.(*ast.MapType)
				}
				op.NullIfUnset = a.requiredNullables(id.Name)
			}
			if field := extString(o.Extensions, "x-crisp-go-flatten"); field != "" {
				id, _ := t.(*ast.Ident)
				if id == nil {
					return op, fmt.Errorf("x-crisp-go-flatten: the body is not a named type")
				}
				goName, ft, ok := a.structField(id.Name, field)
				if !ok {
					return op, fmt.Errorf("x-crisp-go-flatten: %s has no field %q", id.Name, field)
				}
				ftype := a.expr(a.resolveAlias(ft))
				if _, ptr := ft.(*ast.StarExpr); ptr {
					return op, fmt.Errorf("x-crisp-go-flatten: field %q is optional", field)
				}
				if ti, ok := ft.(*ast.Ident); ok && ast.IsExported(ti.Name) {
					ftype = a.expr(ti)
				}
				op.Flatten = &facadeArg{Name: lowerFirst(goName), Type: ftype}
				op.FlattenField = goName
			}
			continue
		case "params":
			if op.Options == "" {
				star, _ := p.Type.(*ast.StarExpr)
				id, _ := star.X.(*ast.Ident)
				op.ParamsType = id.Name
				fields, err := generatedOptions(a, o, id.Name)
				if err != nil {
					return op, fmt.Errorf("%w: name a hand-written options type (x-crisp-go-options) or x-crisp-go-manual", err)
				}
				op.Options = cmp.Or(extString(o.Extensions, "x-crisp-go-options-name"), op.Method+"Options")
				op.OptionFields = fields
			}
			continue
		}
		if i >= len(specPath) {
			return op, fmt.Errorf("api parameter %s is not a path parameter", p.Name)
		}
		arg := facadeArg{Name: p.Name, SpecName: specPath[i]}
		i++
		if arg.SpecName == "page_number" {
			op.Page = true
			continue
		}
		t := a.resolveAlias(p.Type)
		arg.Type = a.expr(t)
		switch {
		case arg.Type == "string":
			arg.Check = arg.Name
		case isStringType(a, t):
			arg.Check = "string(" + arg.Name + ")"
			arg.Enum = pathEnum(item, o, arg.SpecName)
		}
		op.Args = append(op.Args, arg)
	}
	if op.Options != "" && !slices.ContainsFunc(params, func(p apiParam) bool { return p.Name == "params" }) {
		return op, fmt.Errorf("x-crisp-go-options on an operation without query parameters")
	}
	if err := op.result(a, o); err != nil {
		return op, err
	}
	if op.Page && op.Result != "list" {
		return op, fmt.Errorf("a paged operation whose data is not a list")
	}
	return op, nil
}

func isStringType(a *apiPackage, t ast.Expr) bool {
	id, ok := t.(*ast.Ident)
	if !ok {
		return false
	}
	ts, ok := a.types[id.Name]
	if !ok {
		return false
	}
	u, ok := a.resolveAlias(ts.Type).(*ast.Ident)
	return ok && u.Name == "string"
}

// result sets how the answer is read, from the success response.
func (op *facadeOp) result(a *apiPackage, o *openapi3.Operation) error {
	if op.HTTPMethod == "HEAD" {
		op.Result = "exists"
		return nil
	}
	var resp *openapi3.ResponseRef
	for _, code := range []string{"200", "201", "206"} {
		if r := o.Responses.Value(code); r != nil {
			resp = r
			break
		}
	}
	if resp == nil || resp.Value == nil {
		return fmt.Errorf("no success response")
	}
	mt := resp.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Ref == "" {
		op.Result = "done"
		return nil
	}
	env := strings.TrimPrefix(mt.Schema.Ref, "#/components/schemas/")
	if env == "EmptyEnvelope" {
		op.Result = "done"
		return nil
	}
	_, data, ok := a.structField(env, "data")
	if !ok {
		return fmt.Errorf("envelope %s has no data field in package api", env)
	}
	data = a.resolveAlias(data)
	name := a.expr(data)
	switch {
	case name == "api.Empty" || name == "EmptyEnvelope":
		op.Result = "done"
	case strings.HasPrefix(name, "[]"):
		op.Result, op.Data = "list", name[2:]
	default:
		op.Result, op.Data = "decode", name
	}
	if op.Unwrap != "" {
		if op.Result != "decode" {
			return fmt.Errorf("x-crisp-go-unwrap on data that is not an object")
		}
		id, _ := data.(*ast.Ident)
		if id == nil {
			return fmt.Errorf("x-crisp-go-unwrap: data is not a named type")
		}
		goName, ft, ok := a.structField(id.Name, op.Unwrap)
		if !ok {
			return fmt.Errorf("x-crisp-go-unwrap: %s has no field %q", id.Name, op.Unwrap)
		}
		if _, ptr := ft.(*ast.StarExpr); ptr {
			return fmt.Errorf("x-crisp-go-unwrap: field %q is optional", op.Unwrap)
		}
		op.UnwrapField, op.Unwrap = op.Unwrap, goName
		op.UnwrapType = a.expr(ft)
		if id, ok := a.resolveAlias(ft).(*ast.Ident); ok && !ast.IsExported(id.Name) {
			op.UnwrapType = id.Name
		}
	}
	return nil
}

// requiredNullables lists the fields of struct type name that are
// nullable.Nullable and required (no omitempty): an unset one would be
// sent as the zero value, where Crisp reads null as "none".
func (a *apiPackage) requiredNullables(name string) []string {
	ts, ok := a.types[name]
	if !ok {
		return nil
	}
	st, ok := ts.Type.(*ast.StructType)
	if !ok {
		return nil
	}
	var out []string
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 || f.Tag == nil {
			continue
		}
		if !strings.HasPrefix(a.raw(f.Type), "nullable.Nullable[") || strings.Contains(f.Tag.Value, "omitempty") {
			continue
		}
		out = append(out, f.Names[0].Name)
	}
	return out
}

// isAliasOf reports whether e names the type name, directly or through
// aliases.
func (a *apiPackage) isAliasOf(e ast.Expr, name string) bool {
	for range 10 {
		id, ok := e.(*ast.Ident)
		if !ok {
			return false
		}
		if id.Name == name {
			return true
		}
		ts, ok := a.types[id.Name]
		if !ok || !ts.Assign.IsValid() {
			return false
		}
		e = ts.Type
	}
	return false
}

// lowerFirst turns a Go name into an argument name (ID stays an
// initialism: InboxID becomes inboxID).
func lowerFirst(s string) string {
	r := []rune(s)
	for i := 0; i < len(r) && unicode.IsUpper(r[i]); i++ {
		if i > 0 && i+1 < len(r) && unicode.IsLower(r[i+1]) {
			break
		}
		r[i] = unicode.ToLower(r[i])
	}
	return string(r)
}

// pascal turns an operationId into an exported Go name.
func pascal(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// snake turns a tag ("Website Conversation") into a file name.
func snake(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", "_"))
}

// pathEnum returns the enum values of a path parameter.
func pathEnum(item *openapi3.PathItem, o *openapi3.Operation, name string) []string {
	for _, list := range []openapi3.Parameters{item.Parameters, o.Parameters} {
		for _, p := range list {
			if p.Value == nil || p.Value.Name != name || p.Value.Schema == nil || p.Value.Schema.Value == nil {
				continue
			}
			var values []string
			for _, v := range p.Value.Schema.Value.Enum {
				values = append(values, fmt.Sprint(v))
			}
			return values
		}
	}
	return nil
}
