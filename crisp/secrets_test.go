package crisp

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The key and identifier of these tests, and what must never be printed:
// the key, the identifier (half of the credential) and the Authorization
// header (its whole value and its base64 part).
const (
	secretIdent = "ident-3f1c"
	secretKey   = "k3y-7d1f0a9e-very-secret"
)

func forbidden() []string {
	auth := "Basic " + base64Basic(secretIdent, secretKey)
	return []string{secretKey, secretIdent, auth, strings.TrimPrefix(auth, "Basic ")}
}

func base64Basic(id, key string) string {
	r, _ := http.NewRequest("GET", "http://x", nil)
	r.SetBasicAuth(id, key)
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Basic ")
}

// verbs are the ways of printing a value that the checks try.
var verbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"}

// leaks returns, for each printed form of each value that shows a secret,
// the value's index and type and the verb.
func leaks(secrets []string, values ...any) []string {
	var out []string
	for i, v := range values {
		forms := map[string]string{}
		for _, verb := range verbs {
			forms[verb] = fmt.Sprintf(verb, v)
		}
		if e, ok := v.(error); ok && e != nil {
			forms["Error()"] = e.Error()
		}
		for how, text := range forms {
			if containsAny(text, secrets) {
				out = append(out, fmt.Sprintf("value %d (%T) with %s", i, v, how))
			}
		}
	}
	return out
}

// requireNoSecret checks every printed form of every value.
func requireNoSecret(t *testing.T, secrets []string, values ...any) {
	t.Helper()
	require.Empty(t, leaks(secrets, values...))
}

// captureLogs sends the standard logger and slog's default logger to a
// buffer for the rest of the test.
func captureLogs(t *testing.T) *bytes.Buffer {
	var buf bytes.Buffer
	prevOut, prevFlags := log.Writer(), log.Flags()
	prevSlog := slog.Default()
	log.SetOutput(&buf)
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	t.Cleanup(func() {
		log.SetOutput(prevOut)
		log.SetFlags(prevFlags)
		slog.SetDefault(prevSlog)
	})
	return &buf
}

func TestSecretsNotInAnyPrintedForm(t *testing.T) {
	logs := captureLogs(t)
	var seen atomic.Value
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen.Store(r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(403)
		_, _ = io.WriteString(w, `{"error":true,"reason":"restricted_route_tier","data":{"message":"not for you"}}`)
	}))
	opt := WithToken(TierWebsite, secretIdent, secretKey)
	c := lb.client(t, opt, WithHeader("X-Trace", "t1"), WithMaxRetries(0))
	_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.ErrorIs(t, err, ErrUnauthorized)
	auth, _ := seen.Load().(string)
	require.Equal(t, "Basic "+base64Basic(secretIdent, secretKey), auth, "the credentials were sent")

	d, derr := c.With(WithUserAgent("x/1"))
	require.NoError(t, derr)
	requireNoSecret(t, forbidden(),
		c, d, c.cfg.token, *c.cfg.token, c.cfg.token.header, c.doer.auth,
		c.doer, *c.doer, c.Website, c.Plugin, c.API(), c.cfg.retry, opt,
		struct{ C *Client }{c}, []*Client{c}, map[string]*Client{"c": c},
		err, errors.Unwrap(err), c.String(), c.GoString(), c.BaseURL(),
	)
	// %v, %+v and %#v of the client's value and of its config.
	for _, v := range []any{*c, c.cfg, &c.cfg, struct{ Client }{*c}} {
		for _, verb := range []string{"%v", "%+v", "%#v"} {
			require.False(t, containsAny(fmt.Sprintf(verb, v), forbidden()), "%T %s", v, verb)
		}
	}
	require.Contains(t, c.String(), "identifier: "+redacted, "the identifier is redacted")
	require.Empty(t, logs.String(), "the client logs nothing")
}

// TestSecretsIdentifierIsRedacted: a token identifier never appears in
// full in any printed form of the client; a long one (a UUID, as Crisp's
// are) shows its first 4 characters, to tell tokens apart.
func TestSecretsIdentifierIsRedacted(t *testing.T) {
	const uuid = "8f14e45f-ceea-467f-a0e6-3a5b1c2d9e7f"
	c, err := New(WithToken(TierPlugin, uuid, secretKey))
	require.NoError(t, err)
	requireNoSecret(t, []string{uuid, uuid[4:12]}, c, *c, c.cfg, &c.cfg, c.cfg.token, *c.cfg.token, []Client{*c}, struct{ C *Client }{c})
	require.Equal(t, "crisp.Client{base: "+DefaultBaseURL+", tier: plugin, identifier: 8f14…[REDACTED], key: [REDACTED]}", c.String())
	require.Equal(t, "{tier: plugin, identifier: 8f14…[REDACTED], key: [REDACTED]}", fmt.Sprint(*c.cfg.token))
	for _, short := range []string{"id", "ident-3f1c", "ünïcödé-ïd"} {
		require.Equal(t, redacted, redactIdentifier(short))
	}
	require.Equal(t, "日本語の…"+redacted, redactIdentifier("日本語のトークンです"), "runes, not bytes")
}

// TestSecretsNotInClientValues: a Client held by value (a struct that
// embeds it, a []Client) or its config, printed with any verb. fmt cannot
// call the redacting methods of values reached through unexported fields,
// and with %s or %q it prints the pointee of a pointer field (the token)
// field by field, secret strings included.
func TestSecretsNotInClientValues(t *testing.T) {
	c, err := New(WithToken(TierPlugin, secretIdent, secretKey))
	require.NoError(t, err)
	found := leaks(forbidden(), *c, c.cfg, &c.cfg, struct{ Client }{*c}, []Client{*c})
	if len(found) > 0 {
		knownBug(t, "fmt.Sprintf(\"%s\", clientValue) prints the token key: "+strings.Join(found, "; "))
	}
	require.Empty(t, found)
}

// TestSecretsNotInTransportErrors: network failures, timeouts and cuts
// wrap *url.Error values that embed the request URL; none of them prints
// the credentials.
func TestSecretsNotInTransportErrors(t *testing.T) {
	logs := captureLogs(t)
	opt := WithToken(TierPlugin, secretIdent, secretKey)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := "http://" + l.Addr().String() + "/v1"
	require.NoError(t, l.Close())

	hanging := startLoopback(t, http.HandlerFunc(hang))
	cut := startLoopback(t, hijackHalf(t, 200, okList, true))
	var errs []error
	for _, tc := range []struct {
		base string
		opts []Option
	}{
		{closed, nil},
		{hanging.URL, []Option{WithTimeout(50 * time.Millisecond)}},
		{cut.URL, nil},
		{"http://crisp.invalid/v1", []Option{WithTimeout(2 * time.Second)}},
	} {
		c, err := New(append([]Option{WithBaseURL(tc.base), opt, WithMaxRetries(1)}, tc.opts...)...)
		require.NoError(t, err)
		_, err = c.Website.GetConversation(t.Context(), wid, "s")
		requireError(t, err)
		errs = append(errs, err)
		var e *Error
		errors.As(err, &e)
		if e.Err != nil {
			errs = append(errs, e.Err)
		}
	}
	requireNoSecret(t, forbidden(), toAny(errs)...)
	require.NotContains(t, logs.String(), secretKey)
}

func toAny[T any](s []T) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// TestSecretsBaseURLWithUserinfo: a base URL that carries a password is
// refused (without printing it) or used with the password redacted from
// everything the client prints.
func TestSecretsBaseURLWithUserinfo(t *testing.T) {
	const pw = "hunter2-pass"
	secrets := []string{pw}
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(500)
	}))
	for _, base := range []string{
		strings.Replace(lb.URL, "http://", "http://user:"+pw+"@", 1) + "/v1",
		"http://user:" + pw + "@127.0.0.1:1/v1",
		"ftp://user:" + pw + "@example.com/v1",       // refused: not http(s)
		"http://user:" + pw + "@example.com:port/v1", // refused: not a URL
		"/user:" + pw + "@relative",                  // refused: not absolute
	} {
		t.Run(base, func(t *testing.T) {
			c, err := New(WithBaseURL(base), WithToken(TierPlugin, "id", "key"), WithMaxRetries(0))
			if err != nil {
				if strings.Contains(err.Error(), pw) {
					knownBug(t, "WithBaseURL prints the password of a refused base URL")
				}
				requireNoSecret(t, secrets, err)
				return
			}
			_, err = c.Website.GetConversation(t.Context(), wid, "s")
			requireError(t, err)
			requireNoSecret(t, secrets, err)
			found := leaks(secrets, c, c.String(), c.GoString())
			if len(found) > 0 {
				knownBug(t, "Client.String prints the password of the base URL: "+strings.Join(found, "; "))
			}
			require.Empty(t, found)
		})
	}
}

// TestSecretsBaseURLRefusalsEchoNothing: a refused base URL is never
// printed, whatever part of it holds a secret (a query value, a fragment,
// a password).
func TestSecretsBaseURLRefusalsEchoNothing(t *testing.T) {
	const tok = "tok-9a8b7c6d"
	for _, base := range []string{
		"https://api.example.com/v1?token=" + tok,
		"https://api.example.com/v1?" + tok,
		"https://api.example.com/v1#" + tok,
		"https://api.example.com/v1?a=1#" + tok,
		"https://user:" + tok + "@api.example.com/v1",
		"ftp://api.example.com/" + tok,
		"https://api.example.com:" + tok + "/v1",
	} {
		_, err := New(WithToken(TierPlugin, "id", "key"), WithBaseURL(base))
		require.Error(t, err, base)
		requireNoSecret(t, []string{tok}, err)
	}
}

// TestSecretsNotInRequestsSeenByFailingEditors: a request editor passed to
// the generated client (c.API()) that fails, and prints the request it was
// given, must not print the credentials.
func TestSecretsNotInRequestsSeenByFailingEditors(t *testing.T) {
	var calls atomic.Int32
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { calls.Add(1) }))
	c := lb.client(t, WithToken(TierPlugin, secretIdent, secretKey))
	var printed string
	failing := func(_ context.Context, req *http.Request) error {
		printed = fmt.Sprintf("%v %+v %#v", req, req, req.Header)
		return fmt.Errorf("editor refused %s %s", req.Method, req.URL)
	}
	_, err := c.API().GetConversation(t.Context(), wid, "s", failing)
	require.ErrorContains(t, err, "editor refused GET")
	requireNoSecret(t, forbidden(), err)
	require.Zero(t, calls.Load(), "nothing was sent")
	// The facade's editor runs first, so later editors see the header.
	if containsAny(printed, forbidden()) {
		knownBug(t, "the credentials are set by a RequestEditor, so the request every later editor sees (and may log) carries them")
	}
	require.False(t, containsAny(printed, forbidden()))
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// TestSecretsWithHeaderCannotBypassTheCredentials: neither header
// spelling sets or replaces the credentials.
func TestSecretsWithHeaderCannotBypassTheCredentials(t *testing.T) {
	for _, k := range []string{"authorization", "AUTHORIZATION", "Authorization", "x-crisp-tier"} {
		_, err := New(WithHeader(k, "Basic Zm9vOmJhcg=="))
		require.Error(t, err, k)
	}
}

func TestSecretsTLSVerificationIsOn(t *testing.T) {
	tr := defaultTransport
	require.True(t, tr.TLSClientConfig == nil || !tr.TLSClientConfig.InsecureSkipVerify, "the default transport verifies certificates")
	c, err := New(WithToken(TierPlugin, "id", "key"))
	require.NoError(t, err)
	require.Nil(t, c.cfg.httpClient)
	require.Same(t, defaultTransport, c.doer.rt.(*http.Transport))
	require.Equal(t, DefaultBaseURL, c.BaseURL())
	require.True(t, strings.HasPrefix(DefaultBaseURL, "https://"))

	// Against a self-signed certificate, the call fails.
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, okList)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	c, err = New(WithBaseURL(srv.URL+"/v1"), WithToken(TierPlugin, secretIdent, secretKey), WithMaxRetries(0))
	require.NoError(t, err)
	_, err = c.Website.ListConversations(t.Context(), wid, 1, nil)
	e := requireError(t, err)
	require.Equal(t, ReasonNetworkError, e.Reason)
	var cv *tls.CertificateVerificationError
	require.ErrorAs(t, err, &cv, "refused for its certificate")
	requireNoSecret(t, forbidden(), err)
}

// TestSecretsNotSentInTheURL: the credentials travel in the header only,
// never in the path or the query.
func TestSecretsNotSentInTheURL(t *testing.T) {
	var u atomic.Value
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u.Store(r.URL.String())
		_, _ = io.WriteString(w, okEmpty)
	}))
	c := lb.client(t, WithToken(TierPlugin, secretIdent, secretKey))
	_, err := c.Website.GetPeopleProfile(t.Context(), wid, "jo@example.com")
	require.NoError(t, err)
	got, _ := u.Load().(string)
	dec, _ := url.PathUnescape(got)
	require.False(t, containsAny(dec, append(forbidden(), secretIdent)))
}
