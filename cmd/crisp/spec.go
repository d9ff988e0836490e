package main

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	crispgo "github.com/crisp-go/crisp-go"
	"github.com/getkin/kin-openapi/openapi3"
)

// apiSpec is what the commands read from the embedded openapi.yaml: the
// operations (for call and operations) and the event payload schemas (for
// trigger).
type apiSpec struct {
	doc *openapi3.T
	// ops holds the operations sorted by operationId; byID indexes them.
	ops  []*operation
	byID map[string]*operation
	// events maps an event name to its payload schema.
	events map[string]*eventSpec
}

// operation is one operation of the specification.
type operation struct {
	ID, Method, Path string
	Summary          string
	Tags, Tiers      []string
	Deprecated       bool
	// Params are the path parameters, in their order in Path, then the
	// query parameters, in the specification's order.
	Params []*param
	// Body is the JSON request body; nil when the operation takes none.
	Body *bodySpec
}

// param is one path or query parameter.
type param struct {
	Name, In, Description string
	Required              bool
	// Schema is the parameter's schema; for a parameter sent as JSON
	// (content: application/json) it is the schema of that JSON.
	Schema *openapi3.Schema
	// JSON reports a parameter whose value is a JSON document.
	JSON bool
}

// bodySpec is the request body of an operation.
type bodySpec struct {
	Required bool
	// Schema names the body's schema (its components name), when it is
	// a reference.
	Schema  string
	Example any
}

// eventSpec is the payload schema of one event.
type eventSpec struct {
	Name string
	// SchemaName is the components name of the schema (EventMessageSend).
	SchemaName  string
	Schema      *openapi3.SchemaRef
	Description string
}

var (
	specOnce sync.Once
	specVal  *apiSpec
	specErr  error
)

// loadSpec parses the embedded openapi.yaml, once per process.
func loadSpec() (*apiSpec, error) {
	specOnce.Do(func() { specVal, specErr = parseSpec(crispgo.OpenAPI) })
	return specVal, specErr
}

// pathParamRE matches the parameters of a path template.
var pathParamRE = regexp.MustCompile(`\{([^}]+)\}`)

func parseSpec(data []byte) (*apiSpec, error) {
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("load the embedded openapi.yaml: %w", err)
	}
	s := &apiSpec{doc: doc, byID: map[string]*operation{}, events: map[string]*eventSpec{}}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			o := &operation{ID: op.OperationID, Method: method, Path: path, Summary: op.Summary, Tags: op.Tags, Deprecated: op.Deprecated, Tiers: stringList(op.Extensions["x-crisp-tiers"])}
			o.Params, err = params(path, append(slices.Clone(item.Parameters), op.Parameters...))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", o.ID, err)
			}
			if rb := op.RequestBody; rb != nil && rb.Value != nil {
				mt := rb.Value.Content.Get("application/json")
				if mt == nil {
					return nil, fmt.Errorf("%s: the request body is not application/json", o.ID)
				}
				o.Body = &bodySpec{Required: rb.Value.Required, Example: mt.Example}
				if mt.Schema != nil {
					o.Body.Schema = refName(mt.Schema.Ref)
				}
			}
			s.ops = append(s.ops, o)
			s.byID[o.ID] = o
		}
	}
	sort.Slice(s.ops, func(i, j int) bool { return s.ops[i].ID < s.ops[j].ID })
	for name, ref := range doc.Components.Schemas {
		if ref.Value == nil {
			continue
		}
		names := stringList(ref.Value.Extensions["x-crisp-events"])
		if one, ok := ref.Value.Extensions["x-crisp-event"].(string); ok {
			names = append(names, one)
		}
		for _, n := range names {
			s.events[n] = &eventSpec{Name: n, SchemaName: name, Schema: ref, Description: ref.Value.Description}
		}
	}
	return s, nil
}

// params returns the parameters of an operation: the path parameters in
// their order in path, then the others in the given order.
func params(path string, list openapi3.Parameters) ([]*param, error) {
	byName := map[string]*param{}
	var query []*param
	for _, ref := range list {
		p := ref.Value
		if p == nil {
			continue
		}
		out := &param{Name: p.Name, In: p.In, Description: p.Description, Required: p.Required}
		switch {
		case p.Schema != nil:
			out.Schema = p.Schema.Value
		default:
			mt := p.Content.Get("application/json")
			if mt == nil || mt.Schema == nil {
				return nil, fmt.Errorf("parameter %s has neither a schema nor JSON content", p.Name)
			}
			out.Schema, out.JSON = mt.Schema.Value, true
		}
		switch p.In {
		case openapi3.ParameterInPath:
			byName[p.Name] = out
		case openapi3.ParameterInQuery:
			query = append(query, out)
		default:
			return nil, fmt.Errorf("parameter %s is in %s, which the command does not send", p.Name, p.In)
		}
	}
	var out []*param
	for _, m := range pathParamRE.FindAllStringSubmatch(path, -1) {
		p, ok := byName[m[1]]
		if !ok {
			return nil, fmt.Errorf("path parameter %s is not described", m[1])
		}
		out = append(out, p)
	}
	return append(out, query...), nil
}

// param returns the parameter of op named name, or nil.
func (o *operation) param(name string) *param {
	for _, p := range o.Params {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// pathParams returns the path parameters of op, in path order.
func (o *operation) pathParams() []*param {
	var out []*param
	for _, p := range o.Params {
		if p.In == openapi3.ParameterInPath {
			out = append(out, p)
		}
	}
	return out
}

// paramNames returns the names of op's parameters.
func (o *operation) paramNames() []string {
	out := make([]string, len(o.Params))
	for i, p := range o.Params {
		out[i] = p.Name
	}
	return out
}

// operationIDs returns every operationId, sorted.
func (s *apiSpec) operationIDs() []string {
	out := make([]string, len(s.ops))
	for i, o := range s.ops {
		out[i] = o.ID
	}
	return out
}

// operation returns the operation id, or an error naming the closest one.
func (s *apiSpec) operation(id string) (*operation, error) {
	if o, ok := s.byID[id]; ok {
		return o, nil
	}
	return nil, usageErrorf("unknown operation %q%s (crisp operations lists them)", id, didYouMean(id, s.operationIDs()))
}

// eventNames returns the names of the events with a payload schema,
// sorted.
func (s *apiSpec) eventNames() []string {
	out := make([]string, 0, len(s.events))
	for n := range s.events {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// tags returns every tag of the operations, sorted.
func (s *apiSpec) tags() []string {
	seen := map[string]bool{}
	for _, o := range s.ops {
		for _, t := range o.Tags {
			seen[t] = true
		}
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// stringList reads an extension holding a list of strings.
func stringList(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, e := range list {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// refName returns the last part of a $ref ("#/components/schemas/X" gives X).
func refName(ref string) string {
	if i := strings.LastIndex(ref, "/"); i >= 0 {
		return ref[i+1:]
	}
	return ref
}
