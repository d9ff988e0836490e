package crisptest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// Default credentials and IDs of a new server.
const (
	// Identifier and Key form the token the server accepts by default.
	Identifier = "crisptest-identifier"
	Key        = "crisptest-key"
	// WebsiteID is the website the server holds from the start.
	WebsiteID = "8c842203-7ed8-4e29-a608-7cf78a7d2fcc"
)

// maxBody caps the request bodies the server reads.
const maxBody = 8 << 20

// Server is a fake Crisp API. Create it with NewServer or Start.
type Server struct {
	spec *spec
	http *httptest.Server
	opts options

	mu         sync.Mutex
	requests   []Request
	queued     map[string][]Reply
	handlers   map[string]HandlerFunc
	violations []string

	state *state
}

// Request is a request the server received, as recorded.
type Request struct {
	// Operation is the operationId it matched ("" when none).
	Operation string
	Method    string
	// Path is the escaped URL path, including /v1.
	Path string
	// PathParams are the decoded path parameters.
	PathParams map[string]string
	Query      url.Values
	Header     http.Header
	Body       []byte
	// Status is the status the server answered.
	Status int
	// Unmodelled lists, sorted, the query parameters (and values, such as
	// "search_type=filter") of the request that the in-memory state
	// ignored because it does not model them; the answer carried them in
	// the X-Crisptest-Unmodelled header. Empty when the state did not
	// answer (a Handle, Queue or Stateless answer).
	Unmodelled []string
}

// Reply is a scripted answer for the next call of an operation.
type Reply struct {
	// Delay is waited before answering (or until the client goes away).
	Delay time.Duration
	// Status, when not 0, is answered with Body (or, without Body, with a
	// Crisp error envelope holding Reason).
	Status int
	Reason string
	Body   []byte
	Header http.Header
}

// HandlerFunc answers a validated request for one operation. It returns the
// status and the value to send as JSON (the whole envelope).
type HandlerFunc func(r *Call) (status int, body any)

// Call is a validated request handed to a HandlerFunc.
type Call struct {
	Request
	// Context is the request's context.
	Context context.Context
	// Example is the operation's example answer from the specification.
	Example json.RawMessage
	server  *Server
	fields  obj // the decoded body, once read
}

// Option configures a Server.
type Option func(*options)

type options struct {
	identifier, key string
	tiers           []string
	stateless       bool
	validateResp    bool
	tb              testing.TB
}

// WithCredentials sets the token the server accepts.
func WithCredentials(identifier, key string) Option {
	return func(o *options) { o.identifier, o.key = identifier, key }
}

// WithTiers sets the tiers the server's token has (default: all three, so
// any route's tier check passes with the tier the client sends).
func WithTiers(tiers ...crisp.Tier) Option {
	return func(o *options) {
		o.tiers = nil
		for _, t := range tiers {
			o.tiers = append(o.tiers, string(t))
		}
	}
}

// Stateless makes every operation answer its example from the
// specification, with no in-memory state.
func Stateless() Option { return func(o *options) { o.stateless = true } }

// ValidateResponses checks every answer against the specification too;
// violations are reported through tb (or kept for Violations without one).
func ValidateResponses(tb testing.TB) Option {
	return func(o *options) { o.validateResp, o.tb = true, tb }
}

// NewServer starts a server on a loopback port. Close it when done.
func NewServer(opts ...Option) (*Server, error) {
	s, err := newServer(opts)
	if err != nil {
		return nil, err
	}
	s.http = httptest.NewServer(s)
	return s, nil
}

// Start starts a server for a test, validating its answers too, and closes
// it when the test ends.
func Start(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	s, err := NewServer(append([]Option{ValidateResponses(tb)}, opts...)...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(s.Close)
	return s
}

// Listen starts a server on addr (for example "127.0.0.1:8080"), for
// tools outside Go tests.
func Listen(addr string, opts ...Option) (*Server, error) {
	s, err := newServer(opts)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s.http = httptest.NewUnstartedServer(s)
	_ = s.http.Listener.Close()
	s.http.Listener = ln
	s.http.Start()
	return s, nil
}

func newServer(opts []Option) (*Server, error) {
	sp, err := loadSpec()
	if err != nil {
		return nil, err
	}
	o := options{identifier: Identifier, key: Key, tiers: []string{"plugin", "website", "user"}}
	for _, f := range opts {
		f(&o)
	}
	s := &Server{spec: sp, opts: o, queued: map[string][]Reply{}, handlers: map[string]HandlerFunc{}}
	if !o.stateless {
		s.state = newState()
		s.state.install(s)
	}
	return s, nil
}

// Close stops the server.
func (s *Server) Close() { s.http.Close() }

// URL returns the API base URL, ending in /v1/.
func (s *Server) URL() string { return s.http.URL + "/v1/" }

// Client returns a client pointed at the server with its credentials
// (plugin tier) and no retry waits; opts are applied last. It fails the
// test on error.
func (s *Server) Client(tb testing.TB, opts ...crisp.Option) *crisp.Client {
	tb.Helper()
	c, err := s.NewClient(opts...)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// NewClient is Client without a testing.TB.
func (s *Server) NewClient(opts ...crisp.Option) (*crisp.Client, error) {
	base := []crisp.Option{
		crisp.WithBaseURL(s.URL()),
		crisp.WithToken(crisp.TierPlugin, s.opts.identifier, s.opts.key),
		crisp.WithHTTPClient(s.http.Client()),
		crisp.WithRetryPolicy(crisp.RetryPolicy{MaxRetries: 2, MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond}),
	}
	return crisp.New(append(base, opts...)...)
}

// Handle replaces the answer of one operation (by operationId). The
// request is validated before fn is called.
func (s *Server) Handle(operationID string, fn HandlerFunc) {
	s.mustOp(operationID)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[operationID] = fn
}

// Queue scripts the answers of the next calls of an operation, in order.
func (s *Server) Queue(operationID string, replies ...Reply) {
	s.mustOp(operationID)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queued[operationID] = append(s.queued[operationID], replies...)
}

// QueueError makes the next call of an operation answer status with a
// Crisp error envelope holding reason.
func (s *Server) QueueError(operationID string, status int, reason string) {
	s.Queue(operationID, Reply{Status: status, Reason: reason})
}

// QueueDelay makes the next call of an operation wait d before answering.
func (s *Server) QueueDelay(operationID string, d time.Duration) {
	s.Queue(operationID, Reply{Delay: d})
}

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// RequestsFor returns the requests received for one operation.
func (s *Server) RequestsFor(operationID string) []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.Operation == operationID {
			out = append(out, r)
		}
	}
	return out
}

// LastRequest returns the last request received for an operation, and
// false when there was none.
func (s *Server) LastRequest(operationID string) (Request, bool) {
	rs := s.RequestsFor(operationID)
	if len(rs) == 0 {
		return Request{}, false
	}
	return rs[len(rs)-1], true
}

// Reset forgets the recorded requests and scripted replies.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
	s.queued = map[string][]Reply{}
}

// Violations returns the answers that did not validate against the
// specification (with ValidateResponses and no testing.TB).
func (s *Server) Violations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.violations...)
}

// Operations lists the operations of the specification.
func (s *Server) Operations() []*Operation {
	out := make([]*Operation, 0, len(s.spec.ops))
	for _, o := range s.spec.ops {
		out = append(out, o)
	}
	return out
}

// Operation returns one operation by operationId, or nil.
func (s *Server) Operation(id string) *Operation { return s.spec.ops[id] }

func (s *Server) mustOp(id string) {
	if _, ok := s.spec.ops[id]; !ok {
		panic(fmt.Sprintf("crisptest: no operation %q in openapi.yaml", id))
	}
}

// ServeHTTP validates and answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		writeError(w, http.StatusBadRequest, "invalid_data", "the request body could not be read")
		return
	}
	if len(body) > maxBody {
		writeError(w, http.StatusRequestEntityTooLarge, "invalid_data", "the request body is too large")
		return
	}
	rec := Request{Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.Query(), Header: r.Header.Clone(), Body: body}
	status := s.serve(w, r, body, &rec)
	rec.Status = status
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	s.mu.Unlock()
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request, body []byte, rec *Request) int {
	route, pathParams, err := s.spec.router.FindRoute(r)
	if err != nil {
		if errors.Is(err, routers.ErrMethodNotAllowed) {
			return writeError(w, http.StatusNotFound, "not_found", "the route does not exist")
		}
		return writeError(w, http.StatusNotFound, "not_found", "the route does not exist")
	}
	op := route.Operation
	rec.Operation = op.OperationID
	rec.PathParams = make(map[string]string, len(pathParams))
	for k, v := range pathParams {
		if u, err := url.PathUnescape(v); err == nil {
			v = u
		}
		rec.PathParams[k] = v
	}
	o := s.spec.ops[op.OperationID]

	// Credentials first, as Crisp does.
	if status, reason, msg := s.checkAuth(r, o); status != 0 {
		return writeError(w, status, reason, msg)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	in := &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: pathParams,
		Route:      route,
		Options: &openapi3filter.Options{
			MultiError:         true,
			AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
		},
	}
	if err := openapi3filter.ValidateRequest(r.Context(), in); err != nil {
		return writeError(w, http.StatusBadRequest, "invalid_data", validationMessage(err))
	}

	// Scripted replies.
	if rep, ok := s.nextReply(o.ID); ok {
		if rep.Delay > 0 {
			t := time.NewTimer(rep.Delay)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return 0
			}
		}
		if rep.Status != 0 {
			for k, v := range rep.Header {
				w.Header()[k] = v
			}
			if rep.Body != nil {
				w.WriteHeader(rep.Status)
				_, _ = w.Write(rep.Body)
				return rep.Status
			}
			reason := rep.Reason
			if reason == "" {
				reason = "error"
			}
			return writeError(w, rep.Status, reason, reason)
		}
	}

	call := &Call{Request: *rec, Context: r.Context(), Example: o.Example, server: s}
	call.Body = body
	s.mu.Lock()
	h := s.handlers[o.ID]
	s.mu.Unlock()
	var status int
	var out any
	switch {
	case h != nil:
		status, out = h(call)
	case s.state != nil && s.state.handles(o.ID):
		call.Unmodelled = s.state.unmodelledIn(call)
		status, out = s.state.serve(call)
		rec.Unmodelled = call.Unmodelled
		slices.Sort(rec.Unmodelled)
		if len(rec.Unmodelled) > 0 {
			w.Header().Set(UnmodelledHeader, strings.Join(rec.Unmodelled, ", "))
		}
	default:
		status, out = o.Status, o.Example
	}
	return s.respond(w, r, route, pathParams, in, status, out)
}

// respond writes the answer, validating it first when asked to.
func (s *Server) respond(w http.ResponseWriter, r *http.Request, route *routers.Route, params map[string]string, in *openapi3filter.RequestValidationInput, status int, out any) int {
	var payload []byte
	if r.Method != http.MethodHead && out != nil {
		switch v := out.(type) {
		case json.RawMessage:
			payload = v
		case []byte:
			payload = v
		default:
			b, err := json.Marshal(v)
			if err != nil {
				return writeError(w, http.StatusInternalServerError, "error", err.Error())
			}
			payload = b
		}
	}
	if s.opts.validateResp && status < 300 {
		hdr := http.Header{}
		if payload != nil {
			hdr.Set("Content-Type", "application/json")
		}
		rin := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: in,
			Status:                 status,
			Header:                 hdr,
			Body:                   io.NopCloser(bytes.NewReader(payload)),
			Options:                &openapi3filter.Options{MultiError: true, IncludeResponseStatus: true},
		}
		if err := openapi3filter.ValidateResponse(r.Context(), rin); err != nil {
			s.violation(fmt.Sprintf("%s %s answered %d that does not match openapi.yaml: %v", r.Method, r.URL.Path, status, err))
		}
	}
	if payload != nil {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	}
	w.WriteHeader(status)
	if payload != nil {
		_, _ = w.Write(payload)
	}
	return status
}

func (s *Server) violation(msg string) {
	s.mu.Lock()
	s.violations = append(s.violations, msg)
	s.mu.Unlock()
	if s.opts.tb != nil {
		s.opts.tb.Errorf("crisptest: %s", msg)
	}
}

func (s *Server) nextReply(op string) (Reply, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.queued[op]
	if len(q) == 0 {
		return Reply{}, false
	}
	s.queued[op] = q[1:]
	return q[0], true
}

// checkAuth checks Basic credentials and the tier header against the
// server's token and the route's tiers.
func (s *Server) checkAuth(r *http.Request, o *Operation) (int, string, string) {
	id, key, ok := r.BasicAuth()
	if !ok {
		return http.StatusUnauthorized, "invalid_session", "authentication is required"
	}
	if id != s.opts.identifier || key != s.opts.key {
		return http.StatusUnauthorized, "invalid_session", "the token is not valid"
	}
	tier := r.Header.Get("X-Crisp-Tier")
	if tier == "" {
		return http.StatusUnauthorized, "invalid_session", "the X-Crisp-Tier header is missing"
	}
	if !contains(s.opts.tiers, tier) {
		return http.StatusForbidden, "restricted_route_tier", "the token does not have this tier"
	}
	if len(o.Tiers) > 0 && !contains(o.Tiers, tier) {
		return http.StatusForbidden, "restricted_route_tier", "this route does not accept the " + tier + " tier"
	}
	return 0, "", ""
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// writeError answers a Crisp error envelope and returns status.
func writeError(w http.ResponseWriter, status int, reason, message string) int {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": true, "reason": reason, "data": map[string]string{"message": message}})
	return status
}

// validationMessage turns a kin-openapi validation error into one line.
func validationMessage(err error) string {
	var me openapi3.MultiError
	if errors.As(err, &me) {
		parts := make([]string, 0, len(me))
		for _, e := range me {
			parts = append(parts, oneLine(e))
		}
		return strings.Join(parts, "; ")
	}
	return oneLine(err)
}

func oneLine(err error) string {
	var re *openapi3filter.RequestError
	if errors.As(err, &re) {
		msg := re.Reason
		if re.Parameter != nil {
			msg = "parameter " + re.Parameter.Name + " (" + re.Parameter.In + "): " + msg
		} else if re.RequestBody != nil {
			msg = "body: " + msg
		}
		if re.Err != nil {
			msg += ": " + schemaErrorText(re.Err)
		}
		return strings.TrimSpace(msg)
	}
	return strings.ReplaceAll(err.Error(), "\n", " ")
}

// schemaErrorText is the reason of a schema validation error, at the
// innermost schema that says what is wrong, with its JSON pointer.
func schemaErrorText(err error) string {
	var se *openapi3.SchemaError
	if !errors.As(err, &se) {
		return strings.ReplaceAll(err.Error(), "\n", " ")
	}
	se = innermost(se)
	msg := se.Reason
	if p := se.JSONPointer(); len(p) > 0 {
		msg += " at /" + strings.Join(p, "/")
	}
	return msg
}

// innermost returns the error that says what is wrong inside a schema
// combination: the one schema a discriminator chose from a oneOf (a
// message of type text validates against ConversationMessageText only),
// or the first failing part of an allOf. A oneOf that no discriminator
// narrowed keeps its own error ("doesn't match any schema").
func innermost(se *openapi3.SchemaError) *openapi3.SchemaError {
	for se.Origin != nil {
		var parts openapi3.MultiError
		if (se.SchemaField != "oneOf" && se.SchemaField != "allOf") || !errors.As(se.Origin, &parts) {
			return se
		}
		if len(parts) == 0 || (se.SchemaField == "oneOf" && len(parts) != 1) {
			return se
		}
		var inner *openapi3.SchemaError
		if !errors.As(parts[0], &inner) {
			return se
		}
		se = inner
	}
	return se
}
