package test

import (
	"encoding/json"
	"reflect"

	"context"
	"errors"
	"github.com/crisp-go/crisp-go/crisptest"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

// contractOp is one generated facade method (contract_gen_test.go, made
// by crispgen from openapi.yaml).
type contractOp struct {
	ID, Method, Path string
	// StringParams are the string path parameters, in the order Call
	// takes them; Examples are their examples in the spec.
	StringParams, Examples []string
	// PathValues are the other path parameters (but the page number), as
	// Call sets them (a closed enum's first value, or the example) and as
	// they are written in the path.
	PathValues map[string]string
	// Paged: the operation lists a page (Call takes its number) and has
	// an Iter method.
	Paged bool
	// HasBody: the method takes a request body that may be nil.
	HasBody bool
	// EmptyBody: the method takes no body and sends {}.
	EmptyBody bool
	// Request and Answer are the spec's examples (JSON), when it has them.
	Request, Answer string
	// Result is how the answer is read: exists, done, decode or list.
	Result string
	// Unwrap is the JSON name of the one field of the data the method
	// returns (x-crisp-go-unwrap), if any.
	Unwrap string
	Call   func(ctx context.Context, c *crisp.Client, p []string, page int, body []byte) (any, error)
	// Iter walks every page with the Iter method and returns every item
	// and every error it yields.
	Iter func(ctx context.Context, c *crisp.Client, p []string, body []byte) (items []any, errs []error)
}

// sent is one request the contract server received.
type sent struct {
	method, path string
	body         []byte
}

// contractServer answers every request with status (200 when 0) and
// answer, and records it.
type contractServer struct {
	mu     sync.Mutex
	sent   []sent
	status int
	answer string
}

// script sets the status and the body of the answers that follow.
func (s *contractServer) script(status int, answer string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status, s.answer = status, answer
}

func (s *contractServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.sent = append(s.sent, sent{r.Method, r.URL.EscapedPath(), body})
	status, answer := s.status, s.answer
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if status != 0 {
		w.WriteHeader(status)
	}
	_, _ = io.WriteString(w, answer)
}

func (s *contractServer) take() []sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.sent
	s.sent = nil
	return out
}

// TestContractEveryGeneratedMethod runs the same checks over every
// generated facade method: the spec's request example is sent as it is, to
// the route of the operation, and its answer example is decoded; a nil
// body and empty, "." and ".." path parameters are refused with nothing
// sent (and no result); a hostile ID stays in its own escaped path
// segment; Crisp's error answers (a non-2xx status, or "error": true in a
// 200 envelope) become an *crisp.Error naming the operation, with no
// result, and a HEAD route reads 404 as false.
func TestContractEveryGeneratedMethod(t *testing.T) {
	require.NotEmpty(t, contractOps)
	srv := &contractServer{}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	client, err := crisp.New(crisp.WithBaseURL(ts.URL+"/v1/"), crisp.WithToken(crisp.TierPlugin, "id", "key"), crisp.WithMaxRetries(0))
	require.NoError(t, err)
	ctx := context.Background()
	for _, op := range contractOps {
		t.Run(op.ID, func(t *testing.T) {
			srv.take() // what a failed operation left
			answer := op.Answer
			if answer == "" {
				answer = `{"error":false,"reason":"ok","data":{}}`
			}
			if op.Method == http.MethodHead {
				answer = ""
			}
			srv.script(0, answer)
			var body []byte
			if op.Request != "" {
				body = []byte(op.Request)
			}
			params := make([]string, len(op.StringParams))
			for i := range params {
				params[i] = "id-" + op.StringParams[i]
			}

			// The spec's example, to the route.
			got, err := op.Call(ctx, client, params, 1, body)
			require.NoError(t, err)
			reqs := srv.take()
			require.Len(t, reqs, 1)
			require.Equal(t, op.Method, reqs[0].method)
			require.Regexp(t, op.route(params, 1), reqs[0].path)
			switch {
			case op.Request != "":
				require.JSONEq(t, op.Request, string(reqs[0].body), "request body")
			case op.EmptyBody:
				require.JSONEq(t, `{}`, string(reqs[0].body), "request body")
			case !op.HasBody:
				require.Empty(t, reqs[0].body, "request body")
			}
			switch op.Result {
			case "exists":
				require.Equal(t, true, got)
			case "decode", "list":
				require.NotNil(t, got)
			}

			// Bad path parameters: refused, nothing sent.
			for i, name := range op.StringParams {
				for _, bad := range []string{"", ".", ".."} {
					p := append([]string(nil), params...)
					p[i] = bad
					got, err := op.Call(ctx, client, p, 1, body)
					require.ErrorIs(t, err, crisp.ErrInvalidArgument, "%s = %q", name, bad)
					var ce *crisp.Error
					require.True(t, errors.As(err, &ce))
					require.Equal(t, op.ID, ce.Operation)
					require.Contains(t, ce.Message, name, "the error names the parameter")
					requireZero(t, got, "refused")
					require.Empty(t, srv.take(), "%s = %q: a request was sent", name, bad)
				}
			}

			// A nil body: refused, nothing sent.
			if op.HasBody {
				got, err := op.Call(ctx, client, params, 1, nil)
				require.ErrorIs(t, err, crisp.ErrInvalidArgument)
				requireZero(t, got, "nil body")
				require.Empty(t, srv.take())
			}

			// Page numbers start at 1.
			if op.Paged {
				got, err := op.Call(ctx, client, params, 0, body)
				require.ErrorIs(t, err, crisp.ErrInvalidArgument)
				requireZero(t, got, "page 0")
				require.Empty(t, srv.take())
			}

			// A hostile ID stays in its own segment, escaped.
			for i := range op.StringParams {
				const hostile = "a/../b?c#d %2F+@;,=&"
				p := append([]string(nil), params...)
				p[i] = hostile
				_, err := op.Call(ctx, client, p, 1, body)
				require.NoError(t, err)
				reqs := srv.take()
				require.Len(t, reqs, 1)
				require.Contains(t, reqs[0].path+"/", "/"+url.PathEscape(hostile)+"/")
			}

			// Crisp's error answers.
			if op.Result == "exists" {
				// 404: the resource does not exist, not an error.
				srv.script(http.StatusNotFound, "")
				got, err := op.Call(ctx, client, params, 1, body)
				require.NoError(t, err, "404")
				require.Equal(t, false, got, "404")
				// Any other error status is an error.
				srv.script(http.StatusInternalServerError, "")
				got, err = op.Call(ctx, client, params, 1, body)
				requireCallError(t, op, params, err, http.StatusInternalServerError, crisp.ReasonHTTPError)
				require.ErrorIs(t, err, crisp.ErrServer)
				require.Equal(t, false, got, "500")
				require.Len(t, srv.take(), 2)
				return
			}
			// An error status with Crisp's envelope.
			srv.script(http.StatusNotFound, `{"error":true,"reason":"not_found","data":{}}`)
			got, err = op.Call(ctx, client, params, 1, body)
			requireCallError(t, op, params, err, http.StatusNotFound, "not_found")
			require.ErrorIs(t, err, crisp.ErrNotFound)
			requireZero(t, got, "404")
			// A 200 whose envelope says "error": true, with the example's
			// data: an error all the same.
			srv.script(http.StatusOK, withEnvelopeError(t, answer, "invalid_data"))
			got, err = op.Call(ctx, client, params, 1, body)
			requireCallError(t, op, params, err, http.StatusOK, "invalid_data")
			requireZero(t, got, `200 with "error": true`)
			require.Len(t, srv.take(), 2)

			// The one field an unwrapping method returns must be there:
			// its zero value would look like success.
			if op.Unwrap != "" {
				srv.script(http.StatusOK, `{"error":false,"reason":"added","data":{}}`)
				got, err = op.Call(ctx, client, params, 1, body)
				requireCallError(t, op, params, err, http.StatusOK, crisp.ReasonInvalidResponse)
				require.ErrorIs(t, err, crisp.ErrInvalidResponse)
				require.Contains(t, err.Error(), op.Unwrap)
				requireZero(t, got, "no "+op.Unwrap)
				require.Len(t, srv.take(), 1)
			}
		})
	}
}

// requireCallError requires err to be the *crisp.Error of op's answer
// with status and reason, to the request's method and path.
func requireCallError(t *testing.T, op contractOp, params []string, err error, status int, reason string) {
	t.Helper()
	require.Error(t, err, "answer %d", status)
	var ce *crisp.Error
	require.Truef(t, errors.As(err, &ce), "answer %d: %T is not a *crisp.Error: %v", status, err, err)
	require.Equal(t, op.ID, ce.Operation, "answer %d", status)
	require.Equal(t, status, ce.StatusCode, "answer %d", status)
	require.Equal(t, reason, ce.Reason, "answer %d", status)
	require.Equal(t, op.Method, ce.Method, "answer %d", status)
	require.Regexp(t, op.route(params, 1), ce.Path, "answer %d", status)
}

// requireZero requires the result a call returned with its error to be
// the zero value of its type (nil for a *T or a []T).
func requireZero(t *testing.T, got any, msg string) {
	t.Helper()
	if got != nil {
		require.Truef(t, reflect.ValueOf(got).IsZero(), "%s: a result came back with the error: %#v", msg, got)
	}
}

// withEnvelopeError returns answer (a JSON envelope) with "error": true
// and reason.
func withEnvelopeError(t *testing.T, answer, reason string) string {
	t.Helper()
	var env map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(answer), &env))
	env["error"] = json.RawMessage("true")
	env["reason"], _ = json.Marshal(reason)
	out, err := json.Marshal(env)
	require.NoError(t, err)
	return string(out)
}

// TestContractAgainstTheSpec calls every generated method with the spec's
// examples through crisptest, which validates each request (and answer)
// against openapi.yaml and refuses the wrong token tier, and requires the
// data of the answer example back, decoded, with every value of the
// example read (encoded again, it says what the example says); lists are
// examples with items; paged lists are walked to
// their end with their Iter method, which yields every item of every
// page, and stops at the first error, which it yields once, and at a page
// equal to the one before (pagination_loop).
func TestContractAgainstTheSpec(t *testing.T) {
	ctx := context.Background()
	for _, op := range contractOps {
		t.Run(op.ID, func(t *testing.T) {
			srv, c := setupFor(t, op.ID)
			var body []byte
			if op.Request != "" {
				body = []byte(op.Request)
			}
			got, err := op.Call(ctx, c, op.Examples, 1, body)
			require.NoError(t, err)
			req := lastRequest(t, srv, op.ID)
			require.Regexp(t, op.route(op.Examples, 1), req.Path)
			switch op.Result {
			case "exists":
				require.Equal(t, true, got)
			case "decode":
				requireExampleData(t, srv, op, got)
			case "list":
				require.NotZero(t, reflect.ValueOf(got).Len(), "an example list with items")
				requireExampleData(t, srv, op, got)
			}
			if op.Iter == nil {
				return
			}
			// The example's list is page 1, twice over page 2 (a page
			// equal to the one before would end the walk), then an empty
			// page 3 ends it.
			var example struct {
				Data []json.RawMessage `json:"data"`
			}
			require.NoError(t, json.Unmarshal(srv.Operation(op.ID).Example, &example))
			require.NotEmpty(t, example.Data, "an example page with items")
			var pages []string
			srv.Reset()
			srv.Handle(op.ID, func(r *crisptest.Call) (int, any) {
				pages = append(pages, r.PathParams["page_number"])
				return 200, map[string]any{"error": false, "reason": "listed", "data": pagesOf(example.Data, r.PathParams["page_number"])}
			})
			items, errs := op.Iter(ctx, c, op.Examples, body)
			require.Empty(t, errs)
			page := reflect.ValueOf(got) // page 1, decoded by the list method
			require.Len(t, items, 3*page.Len())
			for i, item := range items {
				require.Equal(t, page.Index(i%page.Len()).Interface(), item, "item %d", i)
			}
			require.Equal(t, []string{"1", "2", "3"}, pages)
			for _, req := range srv.RequestsFor(op.ID) {
				require.Regexp(t, op.route(op.Examples, 0), req.Path)
			}

			// The first error ends the walk after the items before it,
			// yielded once.
			srv.Reset()
			srv.Handle(op.ID, func(r *crisptest.Call) (int, any) {
				if r.PathParams["page_number"] == "1" {
					return 200, map[string]any{"error": false, "reason": "listed", "data": example.Data}
				}
				return 404, map[string]any{"error": true, "reason": "not_found", "data": map[string]any{}}
			})
			items, errs = op.Iter(ctx, c, op.Examples, body)
			require.Len(t, items, page.Len())
			require.Len(t, errs, 1)
			var ce *crisp.Error
			require.ErrorAs(t, errs[0], &ce)
			require.Equal(t, op.ID, ce.Operation)
			require.Equal(t, http.StatusNotFound, ce.StatusCode)
			require.Len(t, srv.RequestsFor(op.ID), 2)

			// A server that ignores the page number answers page 2 as page
			// 1: the walk yields page 1 once, then a pagination_loop error.
			srv.Reset()
			srv.Handle(op.ID, func(*crisptest.Call) (int, any) {
				return 200, map[string]any{"error": false, "reason": "listed", "data": example.Data}
			})
			items, errs = op.Iter(ctx, c, op.Examples, body)
			require.Len(t, items, page.Len())
			require.Len(t, errs, 1)
			requirePaginationLoop(t, errs[0])
			require.Len(t, srv.RequestsFor(op.ID), 2)
		})
	}
}

// requireExampleData requires got (a *T or a []T a method returned, or
// the one field of the data it unwraps) to be the data of op's answer
// example, decoded.
func requireExampleData(t *testing.T, srv *crisptest.Server, op contractOp, got any) {
	t.Helper()
	typ := reflect.TypeOf(got)
	require.NotNil(t, typ, "no data")
	if typ.Kind() == reflect.Pointer {
		require.False(t, reflect.ValueOf(got).IsNil(), "nil data")
		typ = typ.Elem()
	}
	example := srv.Operation(op.ID).Example
	if op.Unwrap != "" {
		// The data's field, as the data.
		var env struct {
			Data map[string]json.RawMessage `json:"data"`
		}
		require.NoError(t, json.Unmarshal(example, &env))
		require.Contains(t, env.Data, op.Unwrap)
		example, _ = json.Marshal(map[string]json.RawMessage{"data": env.Data[op.Unwrap]})
		require.NotZero(t, got)
	}
	env := reflect.New(reflect.StructOf([]reflect.StructField{{Name: "Data", Type: typ, Tag: `json:"data"`}}))
	require.NoError(t, json.Unmarshal(example, env.Interface()))
	want := env.Elem().Field(0).Interface()
	if reflect.TypeOf(got).Kind() == reflect.Pointer {
		got = reflect.ValueOf(got).Elem().Interface()
	}
	require.Equal(t, want, got)

	// Every value of the example is read: encoded again, the data says
	// what the example says (but for the zero values the encoding leaves
	// out). A field a type would not read (a wrong name) is caught here;
	// require.Equal above compares two decodings that both miss it.
	var exData struct {
		Data any `json:"data"`
	}
	require.NoError(t, json.Unmarshal(example, &exData))
	raw, err := json.Marshal(got)
	require.NoError(t, err)
	var again any
	require.NoError(t, json.Unmarshal(raw, &again))
	require.Equal(t, withoutZeros(exData.Data), withoutZeros(again), "the data, decoded then encoded again")
}

// withoutZeros returns v (decoded JSON) without the object members that
// are zero (isZeroJSON) once their own zero members are left out.
func withoutZeros(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			if x = withoutZeros(x); !isZeroJSON(x) {
				out[k] = x
			}
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = withoutZeros(x)
		}
		return out
	}
	return v
}

// isZeroJSON reports whether v (decoded JSON) is null, false, 0, "", []
// or {}.
func isZeroJSON(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case bool:
		return !v
	case float64:
		return v == 0
	case string:
		return v == ""
	case []any:
		return len(v) == 0
	case map[string]any:
		return len(v) == 0
	}
	return false
}

// route matches the escaped path of a request of op with the string
// parameters set to values, the others to PathValues, and the page number
// to page (free when 0).
func (op contractOp) route(values []string, page int) string {
	names := append([]string(nil), op.StringParams...)
	values = append([]string(nil), values...)
	for name, v := range op.PathValues {
		names, values = append(names, name), append(values, v)
	}
	if op.Paged && page != 0 {
		names, values = append(names, "page_number"), append(values, strconv.Itoa(page))
	}
	return routePattern(op.Path, names, values)
}

// routePattern matches the escaped path of a request to route, with the
// parameters names set to values and any other parameter free.
func routePattern(route string, names, values []string) string {
	pattern := regexp.QuoteMeta(route)
	for i, n := range names {
		pattern = strings.Replace(pattern, regexp.QuoteMeta("{"+n+"}"), regexp.QuoteMeta(url.PathEscape(values[i])), 1)
	}
	pattern = regexp.MustCompile(`\\\{[a-z_]+\\\}`).ReplaceAllString(pattern, `[^/]+`)
	return "^/v1" + pattern + "$"
}
