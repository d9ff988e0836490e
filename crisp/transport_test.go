package crisp

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
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

	_, err = New(WithToken(TierPlugin, "id", "key"), WithTransport(nil))
	require.ErrorIs(t, err, ErrInvalidArgument)
}

func TestWithTransportAndWithHTTPClientReplaceEachOther(t *testing.T) {
	rt := &countingRT{rt: http.DefaultTransport}
	hc := &http.Client{}
	c, err := New(WithToken(TierPlugin, "id", "key"), WithTransport(rt), WithHTTPClient(hc))
	require.NoError(t, err)
	require.NotNil(t, c.doer.hc)
	require.NotSame(t, hc, c.doer.hc, "a copy, with the redirect guard")
	require.Same(t, hc, c.cfg.httpClient)
	require.Nil(t, c.doer.rt)
	c, err = New(WithToken(TierPlugin, "id", "key"), WithHTTPClient(hc), WithTransport(rt))
	require.NoError(t, err)
	require.Nil(t, c.doer.hc)
	require.Same(t, rt, c.doer.rt.(*countingRT))
	// With keeps the transport unless told otherwise.
	d, err := c.With(WithUserAgent("x/1"))
	require.NoError(t, err)
	require.Same(t, rt, d.doer.rt.(*countingRT))
}

// Without an http.Client, a redirect is an error rather than a request to
// somewhere else (for a POST, a GET without its body); with one, a
// redirect that would turn the POST into a GET is not followed either.
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

	tr := defaultTransport.Clone()
	t.Cleanup(tr.CloseIdleConnections)
	for name, opt := range map[string]Option{"WithTransport": WithTransport(tr), "default": nil, "WithHTTPClient": WithHTTPClient(&http.Client{Transport: tr})} {
		c, err := New(WithBaseURL(lb.URL+"/v1"), WithToken(TierPlugin, "id", "secret-key"), opt)
		require.NoError(t, err, name)
		_, err = c.Website.SendMessageInConversation(t.Context(), wid, "session_1", msg)
		e := requireError(t, err)
		require.Equal(t, http.StatusFound, e.StatusCode, name)
		require.Equal(t, "POST", e.Method, name)
		require.Zero(t, other.Load(), "%s: the redirect was not followed", name)
	}
}

// redirectTo answers every request with a redirect of the given status to
// target (plus the request's path).
func redirectTo(status int, target func() string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target()+r.URL.Path, status)
	}
}

// TestRedirectsWithHTTPClient: through WithHTTPClient (a client whose
// policy follows redirects), a redirect to another origin (here the same
// host on another port, which net/http would give the Authorization
// header) or one that changes the method is not followed: the 3xx is the
// answer, and the other server never sees the credentials. A redirect to
// the same origin with the same method is followed, under the client's
// own policy.
func TestRedirectsWithHTTPClient(t *testing.T) {
	var otherAuth atomic.Value
	var otherCalls atomic.Int32
	other := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		otherCalls.Add(1)
		otherAuth.Store(r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"error":false,"reason":"dispatched","data":{"fingerprint":1}}`)
	}))
	for _, status := range []int{301, 302, 303, 307, 308} {
		for _, method := range []string{"GET", "POST"} {
			t.Run(fmt.Sprintf("%d %s to another port", status, method), func(t *testing.T) {
				otherCalls.Store(0)
				lb := startLoopback(t, redirectTo(status, func() string { return other.URL }))
				c := lb.clientVia(t, &http.Client{}, WithMaxRetries(0))
				var err error
				if method == "GET" {
					_, err = c.Website.GetConversation(t.Context(), wid, "session_1")
				} else {
					_, err = c.Website.SendTextMessage(t.Context(), wid, "session_1", "hi")
				}
				e := requireError(t, err)
				require.Equal(t, status, e.StatusCode)
				require.Equal(t, method, e.Method)
				require.Zero(t, otherCalls.Load(), "the other origin got no request")
				v, _ := otherAuth.Load().(string)
				require.Empty(t, v)
			})
		}
	}

	// Same origin: a GET is followed, a POST turned into a GET is not, a
	// 307 keeps the POST and is followed. The client's own policy still
	// decides among these.
	var self *loopback
	var hits atomic.Int32
	self = startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/moved") {
			hits.Add(1)
			w.Header().Set("Content-Type", "application/json")
			if r.Header.Get("Authorization") == "" {
				w.WriteHeader(401)
				_, _ = io.WriteString(w, `{"error":true,"reason":"invalid_session","data":{}}`)
				return
			}
			_, _ = io.WriteString(w, `{"error":false,"reason":"dispatched","data":{"fingerprint":1,"session_id":"session_1"}}`)
			return
		}
		status := 302 // a POST is asked for again as a GET
		if r.Method == http.MethodPost {
			status = 307 // the method is kept
		}
		if r.Header.Get("X-Status") != "" {
			status, _ = strconv.Atoi(r.Header.Get("X-Status"))
		}
		http.Redirect(w, r, self.URL+"/moved"+r.URL.Path, status)
	}))
	c := self.clientVia(t, &http.Client{}, WithMaxRetries(0))
	_, err := c.Website.GetConversation(t.Context(), wid, "session_1")
	require.NoError(t, err, "a same-origin GET redirect is followed, with the credentials")
	require.EqualValues(t, 1, hits.Load())
	_, err = c.Website.SendTextMessage(t.Context(), wid, "session_1", "hi")
	require.NoError(t, err, "a same-origin 307 keeps the POST and is followed")
	require.EqualValues(t, 2, hits.Load())
	c302 := self.clientVia(t, &http.Client{}, WithMaxRetries(0), WithHeader("X-Status", "302"))
	_, err = c302.Website.SendTextMessage(t.Context(), wid, "session_1", "hi")
	require.Equal(t, 302, requireError(t, err).StatusCode, "a POST turned into a GET is not followed")
	require.EqualValues(t, 2, hits.Load())

	refuse := errors.New("no redirects here")
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return refuse }}
	c = self.clientVia(t, hc, WithMaxRetries(0))
	_, err = c.Website.GetConversation(t.Context(), wid, "session_1")
	require.ErrorIs(t, err, refuse, "the client's own policy applies")
	require.EqualValues(t, 2, hits.Load())
	require.NotNil(t, hc.CheckRedirect, "the caller's client is not modified")
}

func TestTransportErrorsAreTyped(t *testing.T) {
	boom := errors.New("boom")
	c, err := New(WithBaseURL("http://127.0.0.1:1/v1"), WithToken(TierPlugin, "id", "key"), WithTransport(errRT{boom}), WithMaxRetries(0))
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
	c, err = New(WithBaseURL("http://127.0.0.1:1/v1"), WithToken(TierPlugin, "id", "key"), WithTransport(errRT{nil}), WithMaxRetries(0))
	require.NoError(t, err)
	_, err = c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.Equal(t, ReasonNetworkError, requireError(t, err).Reason)
}
