package test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

// IDs used across the contract tests (tests that check escaping use IDs
// with reserved characters of their own).
const (
	websiteID = crisptest.WebsiteID
	sessionID = "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"
	pluginID  = "c64f3595-adee-425a-8d3a-89d47f7ed6bb"
)

// setup starts a stateless fake Crisp that validates every request and
// every answer against openapi.yaml, and a client pointed at it.
func setup(t *testing.T) (*crisptest.Server, *crisp.Client) {
	t.Helper()
	srv := crisptest.Start(t, crisptest.Stateless())
	return srv, srv.Client(t)
}

// setupFor is setup with a client of the first token tier op accepts
// (the server refuses other tiers, as Crisp does).
func setupFor(t *testing.T, op string) (*crisptest.Server, *crisp.Client) {
	t.Helper()
	srv := crisptest.Start(t, crisptest.Stateless())
	o := srv.Operation(op)
	require.NotNilf(t, o, "no operation %s", op)
	tier := crisp.TierPlugin
	if len(o.Tiers) > 0 && o.Tiers[0] != "plugin" && !contains(o.Tiers, "plugin") {
		tier = crisp.Tier(o.Tiers[0])
	}
	return srv, srv.Client(t, crisp.WithToken(tier, crisptest.Identifier, crisptest.Key))
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// lastRequest returns the last request the server received for op; the
// server already validated it against the specification.
func lastRequest(t *testing.T, srv *crisptest.Server, op string) crisptest.Request {
	t.Helper()
	req, ok := srv.LastRequest(op)
	require.Truef(t, ok, "no request for %s", op)
	require.Lessf(t, req.Status, 300, "%s answered %d", op, req.Status)
	return req
}

// requireSent returns the last request the server received for op (see
// lastRequest) after checking its method and its escaped path, relative
// to /v1.
func requireSent(t *testing.T, srv *crisptest.Server, op, method string, segments ...string) crisptest.Request {
	t.Helper()
	req := lastRequest(t, srv, op)
	require.Equal(t, method, req.Method, op)
	requirePath(t, req, segments...)
	return req
}

// requireRefused checks that a call was refused as bad input
// (crisp.ErrInvalidArgument) before any request reached the server.
func requireRefused(t *testing.T, srv *crisptest.Server, err error) {
	t.Helper()
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Empty(t, srv.Requests(), "nothing is sent")
}

// requirePath checks the escaped path of a request, relative to /v1.
func requirePath(t *testing.T, req crisptest.Request, segments ...string) {
	t.Helper()
	esc := make([]string, len(segments))
	for i, s := range segments {
		esc[i] = url.PathEscape(s)
	}
	require.Equal(t, "/v1/"+strings.Join(esc, "/"), req.Path)
}

// exampleData decodes the data of op's example answer into a T.
func exampleData[T any](t *testing.T, srv *crisptest.Server, op string) T {
	t.Helper()
	o := srv.Operation(op)
	require.NotNil(t, o, op)
	var env struct {
		Data T `json:"data"`
	}
	require.NoError(t, json.Unmarshal(o.Example, &env), op)
	return env.Data
}

// requireBody checks the JSON body of a request.
func requireBody(t *testing.T, req crisptest.Request, want string) {
	t.Helper()
	require.JSONEq(t, want, string(req.Body))
}

// specRequestExample decodes op's request example of the specification
// into a T, the body type the facade method takes.
func specRequestExample[T any](t *testing.T, op string) *T {
	t.Helper()
	raw := requestExamples(t)[op]
	require.NotNilf(t, raw, "%s has no request example", op)
	v := new(T)
	require.NoError(t, json.Unmarshal(raw, v), op)
	return v
}
