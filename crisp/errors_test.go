package crisp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestErrorSentinels(t *testing.T) {
	cases := []struct {
		e    *Error
		is   []error
		isnt []error
	}{
		{&Error{StatusCode: 404, Reason: "not_found"}, []error{ErrNotFound}, []error{ErrRateLimited, ErrServer}},
		{&Error{StatusCode: 404, Reason: "not_subscribed"}, []error{ErrNotFound}, nil},
		{&Error{StatusCode: 429}, []error{ErrRateLimited}, []error{ErrNotFound}},
		{&Error{StatusCode: 420}, []error{ErrRateLimited}, nil},
		{&Error{StatusCode: 401}, []error{ErrUnauthorized}, nil},
		{&Error{StatusCode: 403, Reason: "restricted_route_tier"}, []error{ErrUnauthorized}, nil},
		{&Error{StatusCode: 400, Reason: "invalid_data"}, []error{ErrInvalidData}, []error{ErrServer}},
		{&Error{StatusCode: 503}, []error{ErrServer}, []error{ErrInvalidData}},
		{&Error{StatusCode: 409, Reason: "conflict"}, []error{ErrConflict}, []error{ErrInvalidData, ErrServer}},
		{&Error{Reason: ReasonInvalidArgument}, []error{ErrInvalidArgument}, []error{ErrNotFound}},
		{&Error{StatusCode: 200, Reason: ReasonInvalidResponse}, []error{ErrInvalidResponse}, nil},
	}
	for _, c := range cases {
		var err error = fmt.Errorf("wrapped: %w", c.e)
		for _, s := range c.is {
			require.ErrorIsf(t, err, s, "%v", c.e)
		}
		for _, s := range c.isnt {
			require.NotErrorIsf(t, err, s, "%v", c.e)
		}
	}
}

func TestErrorStringIsOneLine(t *testing.T) {
	e := &Error{Operation: "getConversation", Method: "GET", Path: "/v1/website/w/conversation/s", StatusCode: 404, Reason: "not_found", Message: "the route does not exist"}
	require.Equal(t, "crisp: getConversation: GET /website/{website_id}/conversation/{session_id}: 404 Not Found: not_found: the route does not exist", e.Error())
	e1 := &Error{Method: "GET", Path: "/v1/website/w/conversation/s", StatusCode: 404, Reason: "not_found"}
	require.Equal(t, "crisp: GET: 404 Not Found: not_found", e1.Error(), "no operation, no template: the path is left out")
	e2 := &Error{Operation: "getConversation", Reason: ReasonInvalidArgument, Message: "session_id must not be empty"}
	require.Equal(t, "crisp: getConversation: invalid_argument: session_id must not be empty", e2.Error())
	e3 := &Error{Reason: ReasonNetworkError, Err: context.DeadlineExceeded}
	require.ErrorIs(t, e3, context.DeadlineExceeded)
}

// TestSecretsStayOutOfOutput checks that neither the client nor its errors
// print the token key or the Authorization header, whatever the verb.
func TestSecretsStayOutOfOutput(t *testing.T) {
	const key = "k3y-very-secret-value"
	var seenAuth atomic.Value
	c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seenAuth.Store(r.Header.Get("Authorization"))
		w.WriteHeader(401)
		_, _ = io.WriteString(w, `{"error":true,"reason":"invalid_session","data":{"message":"bad token"}}`)
	}), WithToken(TierWebsite, "ident", key))
	_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.ErrorIs(t, err, ErrUnauthorized)
	auth, _ := seenAuth.Load().(string)
	require.True(t, strings.HasPrefix(auth, "Basic "))
	for _, s := range []string{
		fmt.Sprint(c), fmt.Sprintf("%v", c), fmt.Sprintf("%+v", c), fmt.Sprintf("%#v", c), fmt.Sprintf("%s", c),
		fmt.Sprintf("%+v", c.cfg), fmt.Sprintf("%#v", c.cfg), fmt.Sprintf("%+v", *c.cfg.token), fmt.Sprintf("%#v", c.cfg.token),
		err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err),
	} {
		require.NotContains(t, s, key)
		require.NotContains(t, s, strings.TrimPrefix(auth, "Basic "))
	}
	require.Contains(t, c.String(), "identifier: "+redacted, "the identifier is half of the credential")
	require.Equal(t, TierWebsite, c.Tier())
}

func TestTokenValidation(t *testing.T) {
	_, err := New(WithToken("admin", "a", "b"))
	require.Error(t, err)
	_, err = New(WithToken(TierPlugin, "", "b"))
	require.Error(t, err)
	_, err = New(WithToken(TierPlugin, "a", ""))
	require.Error(t, err)
}

func TestOptionsValidation(t *testing.T) {
	for _, o := range []Option{
		WithBaseURL("ftp://x"), WithBaseURL("/relative"), WithHTTPClient(nil), WithTimeout(-1),
		WithUserAgent(""), WithHeader("Authorization", "x"), WithHeader("x-crisp-tier", "user"),
		WithMaxRetries(-1), WithRetryPolicy(RetryPolicy{MaxRetries: -2}),
	} {
		_, err := New(WithToken(TierPlugin, "id", "key"), o)
		require.ErrorIs(t, err, ErrInvalidArgument)
	}
}

// TestHeadersWithControlCharactersAreRefused: a header name or value, or
// a User-Agent, that net/http would refuse on every request (CR, LF, NUL,
// other control characters, a name with a space) is refused by New, and
// the value is not echoed.
func TestHeadersWithControlCharactersAreRefused(t *testing.T) {
	tok := WithToken(TierPlugin, "id", "key")
	for _, v := range []string{"a\r\nX-Evil: 1", "a\nb", "a\rb", "a\x00b", "a\x7fb", "a\x01b"} {
		_, err := New(tok, WithHeader("X-Trace", v))
		require.Error(t, err, "%q", v)
		require.NotContains(t, err.Error(), v)
		_, err = New(tok, WithUserAgent("bot/1"+v))
		require.Error(t, err, "%q", v)
	}
	for _, k := range []string{"X Trace", "X-Trace\r\n", "X:Trace", "", "X\x00"} {
		_, err := New(tok, WithHeader(k, "v"))
		require.Error(t, err, "%q", k)
	}
	// Tabs and non-ASCII bytes are valid in a value.
	_, err := New(tok, WithHeader("X-Trace", "a\tb é"), WithUserAgent("bot/1 (é)"))
	require.NoError(t, err)
}

func TestTokenFromEnv(t *testing.T) {
	t.Setenv("CRISP_IDENTIFIER", "")
	t.Setenv("CRISP_KEY", "")
	_, err := New(WithTokenFromEnv())
	require.Error(t, err)
	t.Setenv("CRISP_IDENTIFIER", "id")
	t.Setenv("CRISP_KEY", "key")
	t.Setenv("CRISP_TIER", "website")
	c, err := New(WithTokenFromEnv())
	require.NoError(t, err)
	require.Equal(t, TierWebsite, c.Tier())
}

func TestHeadersSent(t *testing.T) {
	var got http.Header
	c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		_, _ = io.WriteString(w, `{"error":false,"reason":"listed","data":[]}`)
	}), WithUserAgent("my-bot/1.0"), WithHeader("X-Request-Source", "tests"))
	_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.NoError(t, err)
	require.Equal(t, "plugin", got.Get("X-Crisp-Tier"))
	require.Equal(t, "my-bot/1.0", got.Get("User-Agent"))
	require.Equal(t, "tests", got.Get("X-Request-Source"))
	require.Equal(t, "application/json", got.Get("Accept"))
	id, key, ok := (&http.Request{Header: got}).BasicAuth()
	require.True(t, ok)
	require.Equal(t, "id", id)
	require.Equal(t, "secret-key", key)
}

func TestWithDerivesWithoutChangingTheOriginal(t *testing.T) {
	c, err := New(WithToken(TierPlugin, "a", "b"))
	require.NoError(t, err)
	d, err := c.With(WithToken(TierUser, "c", "d"), WithHeader("X-A", "1"))
	require.NoError(t, err)
	require.Equal(t, TierPlugin, c.Tier())
	require.Equal(t, TierUser, d.Tier())
	require.Empty(t, c.cfg.headers)
	require.Equal(t, DefaultBaseURL, d.BaseURL())
	require.NotNil(t, d.API())
}

// TestNewErrors: New refuses a client without a token (every Crisp route
// needs one), and every error of New, With and the options is an *Error
// matching ErrInvalidArgument.
func TestNewErrors(t *testing.T) {
	_, err := New()
	e := requireError(t, err)
	require.ErrorIs(t, err, ErrInvalidArgument)
	require.Contains(t, e.Message, "a token is required")
	_, err = New(WithBaseURL("http://127.0.0.1:1/v1"), WithMaxRetries(0))
	require.ErrorIs(t, err, ErrInvalidArgument)

	t.Setenv("CRISP_IDENTIFIER", "")
	t.Setenv("CRISP_KEY", "")
	tok := WithToken(TierPlugin, "id", "key")
	for _, o := range []Option{
		WithToken("admin", "a", "b"), WithTokenFromEnv(), WithBaseURL("ftp://x"), WithHTTPClient(nil),
		WithTimeout(-1), WithHeader("X-A", "a\nb"), WithMaxResponseSize(0), WithRetryPolicy(RetryPolicy{MaxBackoff: -1}),
	} {
		_, err := New(tok, o)
		e := requireError(t, err)
		require.ErrorIs(t, err, ErrInvalidArgument)
		require.Equal(t, ReasonInvalidArgument, e.Reason)
		require.NotEmpty(t, e.Message)
		require.False(t, strings.HasPrefix(e.Message, "crisp: "), "one prefix: %s", e.Error())
		require.True(t, strings.HasPrefix(e.Error(), "crisp: invalid_argument: "), e.Error())
	}
	c, err := New(tok)
	require.NoError(t, err)
	_, err = c.With(WithTimeout(-1))
	require.ErrorIs(t, err, ErrInvalidArgument)
	require.True(t, errors.As(invalidArg("op", "x"), &e))
}

// TestErrConflict: a 409 answer matches ErrConflict, and nothing else
// does.
func TestErrConflict(t *testing.T) {
	c := newTestClient(t, answer(409, "application/json", `{"error":true,"reason":"conflict","data":{"message":"already exists"}}`), WithMaxRetries(0))
	_, err := c.Website.CreateNewConversation(t.Context(), wid)
	require.ErrorIs(t, err, ErrConflict)
	require.NotErrorIs(t, err, ErrInvalidData)
	e := requireError(t, err)
	require.Equal(t, 409, e.StatusCode)
	require.False(t, e.Temporary())
	for _, st := range []int{200, 400, 404, 410, 412, 422, 500} {
		require.NotErrorIs(t, &Error{StatusCode: st}, ErrConflict, "%d", st)
	}
}
