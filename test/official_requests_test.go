package test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/stretchr/testify/require"
)

// officialRequest is one request that an official Crisp client sends, as
// recorded in testdata/official_requests.json: the Node client (crisp-api
// 11.3.0, and 10.10.6 for the deprecated helpdesk routes) run with its
// network stubbed on its README/EXAMPLES calls, and the Go client
// (crisp-im/go-crisp-api 3.73.1) run against a recording server.
type officialRequest struct {
	Client      string `json:"client"`
	Method      string `json:"method"`
	OperationID string `json:"operation_id"`
	Variant     string `json:"variant"`
	HTTPMethod  string `json:"http_method"`
	// Path has its segments percent-escaped as a correct client does.
	Path string `json:"path"`
	// RawPath is what the official client really sends when it differs
	// (it joins segments unescaped); RawPathNote says whether that routes.
	RawPath     string `json:"raw_path"`
	RawPathNote string `json:"raw_path_note"`
	// Query values are strings, or lists of strings for repeated keys.
	Query map[string]any `json:"query"`
	// Body is the JSON body; null when none is sent.
	Body json.RawMessage `json:"body"`
	// Tier forces the X-Crisp-Tier header (the client chose the route by tier).
	Tier   string `json:"tier"`
	Source string `json:"source"`
	// ExpectFail marks an entry our specification rejects until a pending
	// fix (see the report of the spec review) is applied.
	ExpectFail string `json:"expect_fail_until_spec_fix"`
	// ClientBug marks a request the official client gets wrong (a wrong
	// JSON tag, a mistyped argument): the specification must reject it.
	ClientBug string `json:"known_client_bug"`
}

func (r officialRequest) name() string {
	n := r.Client + "/" + r.Method
	if r.Variant != "" {
		n += "/" + r.Variant
	}
	return n
}

// officialClients are the checklist's sources that official_requests.json
// was recorded from: an operation the checklist credits to one of them must
// be reached by an entry; a route only Crisp's reference lists (a new one,
// before the official clients add it) need not.
var officialClients = map[string]bool{"node10": true, "node11": true, "go": true}

// officialRoutes returns the method and path of the checklist rows that an
// official client has.
func officialRoutes(t *testing.T) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, row := range loadChecklist(t) {
		for _, s := range row.sources {
			if officialClients[s] {
				out[row.method+" "+row.path] = true
			}
		}
	}
	return out
}

func loadOfficialRequests(t *testing.T) []officialRequest {
	t.Helper()
	raw, err := os.ReadFile("testdata/official_requests.json")
	require.NoError(t, err)
	var list []officialRequest
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&list))
	require.NotEmpty(t, list)
	return list
}

func officialRouter(t *testing.T) (*openapi3.T, routers.Router) {
	t.Helper()
	doc := loadSpec(t)
	// Route on the path alone, as crisptest does.
	doc.Servers = openapi3.Servers{{URL: "/v1"}}
	router, err := gorillamux.NewRouter(doc)
	require.NoError(t, err)
	return doc, router
}

// officialHTTPRequest builds the request the entry describes: Basic auth,
// an X-Crisp-Tier the route accepts, the query and the JSON body.
func officialHTTPRequest(t *testing.T, r officialRequest, path, tier string) *http.Request {
	t.Helper()
	q := url.Values{}
	for k, v := range r.Query {
		switch v := v.(type) {
		case string:
			q.Add(k, v)
		case []any:
			for _, s := range v {
				str, ok := s.(string)
				require.True(t, ok, "query %s: list of non-strings", k)
				q.Add(k, str)
			}
		default:
			t.Fatalf("query %s: %T, want a string or a list of strings", k, v)
		}
	}
	target := "https://api.crisp.chat/v1" + path
	if len(q) > 0 {
		target += "?" + q.Encode()
	}
	hasBody := len(r.Body) > 0 && string(r.Body) != "null"
	var body *bytes.Reader
	if hasBody {
		body = bytes.NewReader(r.Body)
	} else {
		body = bytes.NewReader(nil)
	}
	req := httptest.NewRequest(r.HTTPMethod, target, body)
	req.SetBasicAuth("token-identifier", "token-key")
	req.Header.Set("X-Crisp-Tier", tier)
	// Node sets the content type with a body only; the Go client always does.
	if hasBody || r.Client == "go" {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

func officialTiers(op *openapi3.Operation) []string {
	var tiers []string
	if list, ok := op.Extensions["x-crisp-tiers"].([]any); ok {
		for _, v := range list {
			if s, ok := v.(string); ok {
				tiers = append(tiers, s)
			}
		}
	}
	return tiers
}

// officialTier picks the entry's tier, else plugin (what integrations use),
// else the first tier the route accepts.
func officialTier(r officialRequest, accepted []string) (string, error) {
	if r.Tier != "" {
		if !slices.Contains(accepted, r.Tier) {
			return "", fmt.Errorf("tier %q not accepted by the route (%v)", r.Tier, accepted)
		}
		return r.Tier, nil
	}
	if len(accepted) == 0 {
		return "", fmt.Errorf("route declares no x-crisp-tiers")
	}
	if slices.Contains(accepted, "plugin") {
		return "plugin", nil
	}
	return accepted[0], nil
}

// TestOfficialClientRequestsValidate checks that what the official Crisp
// clients send is accepted by openapi.yaml.
func TestOfficialClientRequestsValidate(t *testing.T) {
	list := loadOfficialRequests(t)
	_, router := officialRouter(t)
	seen := map[string]bool{}
	for _, r := range list {
		name := r.name()
		require.False(t, seen[name], "duplicate entry %s", name)
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			if r.ExpectFail != "" {
				t.Skip(r.ExpectFail)
			}
			probe := officialHTTPRequest(t, r, r.Path, "user")
			route, params, err := router.FindRoute(probe)
			require.NoError(t, err, "%s %s routes nowhere", r.HTTPMethod, r.Path)
			require.Equal(t, r.OperationID, route.Operation.OperationID, "%s %s", r.HTTPMethod, r.Path)
			tier, err := officialTier(r, officialTiers(route.Operation))
			require.NoError(t, err)
			req := officialHTTPRequest(t, r, r.Path, tier)
			in := &openapi3filter.RequestValidationInput{
				Request:    req,
				PathParams: params,
				Route:      route,
				Options: &openapi3filter.Options{
					MultiError:         true,
					AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
				},
			}
			err = openapi3filter.ValidateRequest(context.Background(), in)
			// kin-openapi lets unknown query parameters and body properties
			// through; what an official client sends must be declared.
			undeclared := officialUndeclared(route, r)
			if r.ClientBug != "" {
				require.True(t, err != nil || len(undeclared) > 0, "known client bug accepted by the specification: %s", r.ClientBug)
				t.Logf("rejected as expected (%s): %v %v", r.ClientBug, err, undeclared)
				return
			}
			require.NoError(t, err, "%s\nsource: %s", r.name(), r.Source)
			require.Empty(t, undeclared, "sent but not declared by %s\nsource: %s", r.OperationID, r.Source)
			if r.RawPath != "" {
				// The official client joins path segments unescaped: record
				// whether that still reaches the operation.
				raw := officialHTTPRequest(t, r, r.RawPath, tier)
				note := "unescaped path still routes to the same operation"
				if rr, _, err := router.FindRoute(raw); err != nil {
					note = "unescaped path matches no route (breaks)"
				} else if rr.Operation.OperationID != r.OperationID {
					note = "unescaped path routes to " + rr.Operation.OperationID + " instead"
				}
				require.Equal(t, note, r.RawPathNote, "%s %s", r.HTTPMethod, r.RawPath)
			}
		})
	}
}

// officialUndeclared lists the query parameters and body properties of r
// that the operation does not declare (free-form objects accept anything).
func officialUndeclared(route *routers.Route, r officialRequest) []string {
	var out []string
	params := append(openapi3.Parameters{}, route.PathItem.Parameters...)
	params = append(params, route.Operation.Parameters...)
	for k := range r.Query {
		if params.GetByInAndName(openapi3.ParameterInQuery, k) == nil {
			out = append(out, "query "+k)
		}
	}
	if len(r.Body) > 0 && string(r.Body) != "null" && route.Operation.RequestBody != nil && route.Operation.RequestBody.Value != nil {
		if mt := route.Operation.RequestBody.Value.Content.Get("application/json"); mt != nil {
			var v any
			if err := json.Unmarshal(r.Body, &v); err == nil {
				officialWalk(mt.Schema, v, "body", &out)
			}
		}
	}
	sort.Strings(out)
	return out
}

// officialFlatten returns a schema with the members of its allOf, anyOf and
// oneOf, recursively.
func officialFlatten(ref *openapi3.SchemaRef) []*openapi3.Schema {
	if ref == nil || ref.Value == nil {
		return nil
	}
	s := ref.Value
	list := []*openapi3.Schema{s}
	for _, group := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
		for _, m := range group {
			list = append(list, officialFlatten(m)...)
		}
	}
	return list
}

func officialWalk(ref *openapi3.SchemaRef, v any, at string, out *[]string) {
	schemas := officialFlatten(ref)
	if len(schemas) == 0 {
		return
	}
	switch v := v.(type) {
	case map[string]any:
		declares := false
		props := map[string]*openapi3.SchemaRef{}
		for _, s := range schemas {
			if _, free := s.Extensions["x-crisp-free-form"]; free {
				return
			}
			if s.AdditionalProperties.Has != nil && *s.AdditionalProperties.Has {
				return
			}
			if ap := s.AdditionalProperties.Schema; ap != nil {
				for k, e := range v {
					officialWalk(ap, e, at+"/"+k, out)
				}
				return
			}
			if len(s.Properties) > 0 || s.Type.Is(openapi3.TypeObject) {
				declares = true
			}
			for k, p := range s.Properties {
				if _, ok := props[k]; !ok {
					props[k] = p
				}
			}
		}
		if !declares {
			return
		}
		for k, e := range v {
			p, ok := props[k]
			if !ok {
				*out = append(*out, at+"/"+k)
				continue
			}
			officialWalk(p, e, at+"/"+k, out)
		}
	case []any:
		for _, s := range schemas {
			if s.Items != nil {
				for i, e := range v {
					officialWalk(s.Items, e, fmt.Sprintf("%s/%d", at, i), out)
				}
				return
			}
		}
	}
}

// TestOfficialClientRequestsCoverEveryOperation checks that every operation
// of the specification is exercised by at least one official client call.
func TestOfficialClientRequestsCoverEveryOperation(t *testing.T) {
	list := loadOfficialRequests(t)
	doc, router := officialRouter(t)
	covered := map[string][]string{}
	for _, r := range list {
		route, _, err := router.FindRoute(officialHTTPRequest(t, r, r.Path, "user"))
		if err != nil {
			t.Errorf("%s: %s %s routes nowhere: %v", r.name(), r.HTTPMethod, r.Path, err)
			continue
		}
		covered[route.Operation.OperationID] = append(covered[route.Operation.OperationID], r.Client)
	}
	official := officialRoutes(t)
	require.NotEmpty(t, official)
	var missing []string
	for _, o := range specOps(doc) {
		id := o.op.OperationID
		if len(covered[id]) == 0 && official[strings.ToUpper(o.method)+" "+o.path] {
			missing = append(missing, id)
		}
	}
	sort.Strings(missing)
	require.Empty(t, missing, "operations of the official clients (spec/checklist.tsv sources) that no recorded request covers:\n%s", strings.Join(missing, "\n"))
}
