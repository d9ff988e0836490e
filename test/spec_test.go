package test

import (
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"strings"
	"testing"

	crispgo "github.com/crisp-go/crisp-go"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
)

// loadSpec loads openapi.yaml as embedded in the module.
func loadSpec(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(crispgo.OpenAPI)
	require.NoError(t, err)
	return doc
}

type specOp struct {
	method, path string
	op           *openapi3.Operation
	item         *openapi3.PathItem
}

func specOps(doc *openapi3.T) []specOp {
	var out []specOp
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			out = append(out, specOp{method, path, op, item})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].path+out[i].method < out[j].path+out[j].method
	})
	return out
}

func TestSpecValidatesStrictly(t *testing.T) {
	doc := loadSpec(t)
	err := doc.Validate(context.Background(),
		openapi3.EnableExamplesValidation(),
		openapi3.EnableSchemaDefaultsValidation(),
		openapi3.EnableSchemaPatternValidation(),
		openapi3.EnableSchemaFormatValidation(),
	)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(doc.OpenAPI, "3.0."), "OpenAPI 3.0.x")
	require.NotEmpty(t, doc.Info.Version)
	require.Equal(t, "https://api.crisp.chat/v1", doc.Servers[0].URL)
}

func TestEveryOperationIsDocumented(t *testing.T) {
	doc := loadSpec(t)
	seen := map[string]string{}
	summaries := map[string]string{}
	tiers := map[string]bool{"user": true, "website": true, "plugin": true}
	for _, o := range specOps(doc) {
		where := o.method + " " + o.path
		op := o.op
		if op.OperationID == "" {
			t.Errorf("%s: no operationId", where)
			continue
		}
		if prev, dup := seen[op.OperationID]; dup {
			t.Errorf("%s: operationId %s also used by %s", where, op.OperationID, prev)
		}
		seen[op.OperationID] = where
		if op.Summary == "" {
			t.Errorf("%s: no summary", op.OperationID)
		}
		if prev, dup := summaries[op.Summary]; dup {
			t.Errorf("%s: summary %q also used by %s (it is the reference's navigation label)", op.OperationID, op.Summary, prev)
		}
		summaries[op.Summary] = op.OperationID
		if strings.TrimSpace(op.Description) == "" {
			t.Errorf("%s: no description", op.OperationID)
		}
		if len(op.Tags) != 1 {
			t.Errorf("%s: %d tags, want exactly one", op.OperationID, len(op.Tags))
		}
		list, ok := op.Extensions["x-crisp-tiers"].([]any)
		if !ok || len(list) == 0 {
			t.Errorf("%s: no x-crisp-tiers", op.OperationID)
		}
		for _, v := range list {
			if s, _ := v.(string); !tiers[s] {
				t.Errorf("%s: unknown tier %v", op.OperationID, v)
			}
		}
	}
}

func TestEveryParameterIsTyped(t *testing.T) {
	doc := loadSpec(t)
	for _, o := range specOps(doc) {
		params := append(openapi3.Parameters{}, o.item.Parameters...)
		params = append(params, o.op.Parameters...)
		for _, p := range params {
			v := p.Value
			switch {
			case v.Schema != nil:
				if v.Schema.Value.Type == nil || len(*v.Schema.Value.Type) == 0 {
					t.Errorf("%s: parameter %s has no type", o.op.OperationID, v.Name)
				}
			case v.Content != nil:
				if v.Content.Get("application/json") == nil {
					t.Errorf("%s: parameter %s has content but no application/json", o.op.OperationID, v.Name)
				}
			default:
				t.Errorf("%s: parameter %s has no schema", o.op.OperationID, v.Name)
			}
			if v.In == openapi3.ParameterInPath && v.Schema != nil && v.Schema.Value.Type.Is("string") && v.Schema.Value.MinLength < 1 && v.Schema.Value.Format == "" && len(v.Schema.Value.Enum) == 0 {
				t.Errorf("%s: path parameter %s accepts an empty string", o.op.OperationID, v.Name)
			}
		}
	}
}

func TestEveryRequestBodyHasAValidExample(t *testing.T) {
	doc := loadSpec(t)
	for _, o := range specOps(doc) {
		rb := o.op.RequestBody
		if rb == nil {
			continue
		}
		mt := rb.Value.Content.Get("application/json")
		if mt == nil {
			t.Errorf("%s: request body without application/json", o.op.OperationID)
			continue
		}
		if mt.Schema == nil || mt.Schema.Ref == "" {
			t.Errorf("%s: request body schema is not a named component", o.op.OperationID)
		}
		if mt.Schema != nil && mt.Schema.Ref == "#/components/schemas/EmptyRequest" {
			continue
		}
		if mt.Example == nil {
			t.Errorf("%s: request body has no example", o.op.OperationID)
			continue
		}
		if err := mt.Schema.Value.VisitJSON(mt.Example); err != nil {
			t.Errorf("%s: request example does not validate: %v", o.op.OperationID, err)
		}
	}
}

// TestEverySuccessResponseIsTyped checks that the data of every success
// answer is a named schema, and that its example validates.
func TestEverySuccessResponseIsTyped(t *testing.T) {
	doc := loadSpec(t)
	for _, o := range specOps(doc) {
		for code, resp := range o.op.Responses.Map() {
			if !strings.HasPrefix(code, "2") {
				continue
			}
			if o.method == http.MethodHead {
				if len(resp.Value.Content) > 0 {
					t.Errorf("%s: HEAD answer %s has a body", o.op.OperationID, code)
				}
				continue
			}
			mt := resp.Value.Content.Get("application/json")
			if mt == nil || mt.Schema == nil {
				t.Errorf("%s: answer %s has no JSON schema", o.op.OperationID, code)
				continue
			}
			if !strings.HasSuffix(mt.Schema.Ref, "Envelope") {
				t.Errorf("%s: answer %s is not a named envelope (%q)", o.op.OperationID, code, mt.Schema.Ref)
				continue
			}
			data := envelopeData(mt.Schema.Value)
			if data == nil {
				t.Errorf("%s: envelope %s has no data", o.op.OperationID, mt.Schema.Ref)
				continue
			}
			if !namedOrFreeForm(data) {
				t.Errorf("%s: data of %s is neither a named schema nor marked free-form", o.op.OperationID, mt.Schema.Ref)
			}
			ex := mt.Example
			if ex == nil && resp.Ref == "" {
				t.Errorf("%s: answer %s has no example", o.op.OperationID, code)
				continue
			}
			if ex != nil {
				if err := mt.Schema.Value.VisitJSON(ex); err != nil {
					t.Errorf("%s: answer %s example does not validate: %v", o.op.OperationID, code, err)
				}
			}
		}
	}
}

func envelopeData(s *openapi3.Schema) *openapi3.SchemaRef {
	for _, part := range s.AllOf {
		if d, ok := part.Value.Properties["data"]; ok {
			return d
		}
	}
	return s.Properties["data"]
}

func namedOrFreeForm(ref *openapi3.SchemaRef) bool {
	if ref.Ref != "" {
		return true
	}
	v := ref.Value
	if v.Type.Is("array") && v.Items != nil {
		return namedOrFreeForm(v.Items)
	}
	if v.Type.Is("string") || v.Type.Is("integer") || v.Type.Is("number") || v.Type.Is("boolean") {
		return true // a scalar (a list of IDs, a count) is typed as it is
	}
	if ff, ok := v.Extensions["x-crisp-free-form"].(bool); ok && ff {
		return true
	}
	return false
}

// TestExamplesRoundTripThroughJSON guards against examples YAML would
// mangle (numbers turned into floats, keys that are not strings).
func TestExamplesRoundTripThroughJSON(t *testing.T) {
	doc := loadSpec(t)
	for _, o := range specOps(doc) {
		for code, resp := range o.op.Responses.Map() {
			if mt := resp.Value.Content.Get("application/json"); mt != nil && mt.Example != nil {
				if _, err := json.Marshal(mt.Example); err != nil {
					t.Errorf("%s %s: example is not JSON: %v", o.op.OperationID, code, err)
				}
			}
		}
	}
}
