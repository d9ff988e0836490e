package crisp

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

// countingRT counts the requests sent through it.
type countingRT struct {
	rt http.RoundTripper
	n  atomic.Int32
}

func (c *countingRT) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.rt.RoundTrip(r)
}

// errRT fails every request, or answers without a response.
type errRT struct{ err error }

func (e errRT) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		_ = r.Body.Close()
	}
	return nil, e.err
}

func TestWithTransportSendsThroughIt(t *testing.T) {
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, okList)
	}))
	tr := defaultTransport.Clone()
	t.Cleanup(tr.CloseIdleConnections)
	rt := &countingRT{rt: tr}
	c, err := New(WithBaseURL(lb.URL+"/v1"), WithToken(TierPlugin, "id", "secret-key"), WithTransport(rt))
	require.NoError(t, err)
	got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.EqualValues(t, 1, rt.n.Load())
	for range 5 {
		_, err = c.Website.ListConversations(t.Context(), wid, 1, nil)
		require.NoError(t, err)
	}
	require.EqualValues(t, 1, lb.conns.Load(), "the connection is reused")

	_, err = New(WithTransport(nil))
	require.Error(t, err)
}

func TestWithTransportAndWithHTTPClientReplaceEachOther(t *testing.T) {
	rt := &countingRT{rt: http.DefaultTransport}
	hc := &http.Client{}
	c, err := New(WithTransport(rt), WithHTTPClient(hc))
	require.NoError(t, err)
	require.Same(t, hc, c.doer.hc)
	require.Nil(t, c.doer.rt)
	c, err = New(WithHTTPClient(hc), WithTransport(rt))
	require.NoError(t, err)
	require.Nil(t, c.doer.hc)
	require.Same(t, rt, c.doer.rt.(*countingRT))
	// With keeps the transport unless told otherwise.
	d, err := c.With(WithUserAgent("x/1"))
	require.NoError(t, err)
	require.Same(t, rt, d.doer.rt.(*countingRT))
}

// Without an http.Client, a redirect is an error rather than a request to
// somewhere else (for a POST, a GET without its body); with one, its
// policy applies.
func TestRedirectsAreNotFollowedByDefault(t *testing.T) {
	var other atomic.Int32
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/elsewhere" {
			other.Add(1)
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"error":false,"reason":"dispatched","data":{"fingerprint":1}}`)
			return
		}
		http.Redirect(w, r, "/elsewhere", http.StatusFound)
	}))
	msg := NewOperatorMessage("hello")

	c := lb.client(t) // WithHTTPClient: the client's policy (follow)
	_, err := c.Website.SendMessageInConversation(t.Context(), wid, "session_1", msg)
	require.NoError(t, err)
	require.EqualValues(t, 1, other.Load())

	tr := defaultTransport.Clone()
	t.Cleanup(tr.CloseIdleConnections)
	for name, opt := range map[string]Option{"WithTransport": WithTransport(tr), "default": nil} {
		c, err := New(WithBaseURL(lb.URL+"/v1"), WithToken(TierPlugin, "id", "secret-key"), opt)
		require.NoError(t, err, name)
		_, err = c.Website.SendMessageInConversation(t.Context(), wid, "session_1", msg)
		e := requireError(t, err)
		require.Equal(t, http.StatusFound, e.StatusCode, name)
		require.Equal(t, "POST", e.Method, name)
		require.EqualValues(t, 1, other.Load(), "%s: the redirect was not followed", name)
	}
}

func TestTransportErrorsAreTyped(t *testing.T) {
	boom := errors.New("boom")
	c, err := New(WithBaseURL("http://127.0.0.1:1/v1"), WithTransport(errRT{boom}), WithMaxRetries(0))
	require.NoError(t, err)
	_, err = c.Website.SendMessageInConversation(t.Context(), wid, "session_1", NewOperatorMessage("hi"))
	e := requireError(t, err)
	require.Equal(t, ReasonNetworkError, e.Reason)
	require.ErrorIs(t, err, boom)
	// The doer reports it as http.Client.Do would.
	req, rerr := http.NewRequestWithContext(t.Context(), http.MethodPost, "http://127.0.0.1:1/v1/x", nil)
	require.NoError(t, rerr)
	_, err = c.doer.send(req)
	var ue *url.Error
	require.ErrorAs(t, err, &ue)
	require.Equal(t, "Post", ue.Op)
	require.Equal(t, "http://127.0.0.1:1/v1/x", ue.URL)
	require.ErrorIs(t, err, boom)
	req.Method = "" // GET, as for http.Client; no panic
	_, err = c.doer.send(req)
	require.ErrorAs(t, err, &ue)
	require.Equal(t, "Get", ue.Op)

	// A transport that breaks its contract (no response, no error).
	c, err = New(WithBaseURL("http://127.0.0.1:1/v1"), WithTransport(errRT{nil}), WithMaxRetries(0))
	require.NoError(t, err)
	_, err = c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.Equal(t, ReasonNetworkError, requireError(t, err).Reason)
}
