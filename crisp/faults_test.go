package crisp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/stretchr/testify/require"
)

// Fault injection against loopback servers. Every server counts the
// connections it accepts: a failed attempt whose body is drained and closed
// lets the next attempt (or the next call) reuse the connection, so a count
// that stays at 1 proves that no attempt leaked one.

// knownBug fails a test that shows a bug found by this suite and since
// fixed: it guards against the bug coming back.
func knownBug(t testing.TB, what string) {
	t.Helper()
	t.Fatalf("regression: %s", what)
}

// loopback is a test server that counts the connections it accepts and the
// requests it serves.
type loopback struct {
	*httptest.Server
	conns atomic.Int32
	calls atomic.Int32
}

// startLoopback starts a loopback server for h; it is closed when the test
// ends.
func startLoopback(t *testing.T, h http.Handler) *loopback {
	t.Helper()
	lb := &loopback{}
	lb.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lb.calls.Add(1)
		h.ServeHTTP(w, r)
	}))
	lb.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			lb.conns.Add(1)
		}
	}
	lb.Config.ErrorLog = log.New(io.Discard, "", 0)
	lb.Start()
	t.Cleanup(lb.Close)
	return lb
}

// client returns a client for the server that sends through a transport of
// its own (a clone of the default one, same tuning), so that the
// connections counted are this test's only. Its idle connections are
// closed when the test ends, before the server.
func (lb *loopback) client(t *testing.T, opts ...Option) *Client {
	t.Helper()
	tr := defaultTransport.Clone()
	t.Cleanup(tr.CloseIdleConnections)
	return lb.clientVia(t, &http.Client{Transport: tr}, opts...)
}

// clientVia is client with a given http.Client.
func (lb *loopback) clientVia(t *testing.T, hc *http.Client, opts ...Option) *Client {
	t.Helper()
	base := []Option{WithBaseURL(lb.URL + "/v1"), WithToken(TierPlugin, "id", "secret-key"), WithHTTPClient(hc)}
	c, err := New(append(base, opts...)...)
	require.NoError(t, err)
	return c
}

// step is one canned answer.
type step struct {
	status      int
	contentType string
	header      http.Header
	body        string
}

// steps answers each request with the next step (the last one repeats) and
// records the request bodies.
type steps struct {
	list   []step
	n      atomic.Int32
	mu     sync.Mutex
	bodies []string
}

func (s *steps) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	i := int(s.n.Add(1)) - 1
	b, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.bodies = append(s.bodies, string(b))
	s.mu.Unlock()
	st := s.list[min(i, len(s.list)-1)]
	for k, v := range st.header {
		w.Header()[k] = v
	}
	if st.contentType != "" {
		w.Header().Set("Content-Type", st.contentType)
	}
	w.WriteHeader(st.status)
	_, _ = io.WriteString(w, st.body)
}

const (
	okList    = `{"error":false,"reason":"listed","data":[{"session_id":"session_1","website_id":"` + wid + `"}]}`
	okEmpty   = `{"error":false,"reason":"resolved","data":{}}`
	okCreated = `{"error":false,"reason":"added","data":{"session_id":"session_1"}}`
	errNope   = `{"error":true,"reason":"some_reason","data":{"message":"nope"}}`
	htmlError = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n"
)

func jsonStep(status int, body string) step {
	return step{status: status, contentType: "application/json", body: body}
}

// noSleep replaces the waits between retries with nothing, recording them.
func noSleep() (Option, func() []time.Duration) {
	var mu sync.Mutex
	var waits []time.Duration
	return func(c *config) error {
			c.sleep = func(ctx context.Context, d time.Duration) error {
				mu.Lock()
				waits = append(waits, d)
				mu.Unlock()
				return ctx.Err()
			}
			return nil
		}, func() []time.Duration {
			mu.Lock()
			defer mu.Unlock()
			return append([]time.Duration(nil), waits...)
		}
}

// requireError checks that err is an *Error and returns it.
func requireError(t *testing.T, err error) *Error {
	t.Helper()
	require.Error(t, err)
	var e *Error
	require.ErrorAsf(t, err, &e, "%T: %v", err, err)
	return e
}

func TestFaultHTMLBadGatewayIsRetriedOnOneConnection(t *testing.T) {
	h := &steps{list: []step{{status: 502, contentType: "text/html", body: htmlError}}}
	lb := startLoopback(t, h)
	sleep, waits := noSleep()
	c := lb.client(t, sleep)
	got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.Nil(t, got)
	e := requireError(t, err)
	require.Equal(t, 502, e.StatusCode)
	require.Equal(t, ReasonHTTPError, e.Reason)
	require.Equal(t, "GET", e.Method)
	require.ErrorIs(t, err, ErrServer)
	require.True(t, e.Temporary())
	require.NotContains(t, e.Error(), "<html>", "the HTML page stays out of the error text")
	require.EqualValues(t, 3, lb.calls.Load(), "first attempt and DefaultRetryPolicy's 2 retries")
	require.Len(t, waits(), 2)
	require.EqualValues(t, 1, lb.conns.Load(), "every discarded 502 was drained and closed")
}

func TestFaultMalformedSuccessKeepsTheConnection(t *testing.T) {
	cases := []struct {
		name string
		step step
	}{
		{"truncated json", jsonStep(200, `{"error":false,"reason":"listed","data":[{"session_id":"s`)},
		{"html with a 200", step{status: 200, contentType: "text/html", body: "<html><body>maintenance</body></html>"}},
		{"plain text", step{status: 200, contentType: "text/plain", body: "OK"}},
		{"empty 200", jsonStep(200, "")},
		{"empty 200 without content type", step{status: 200}},
		{"json array instead of an envelope", jsonStep(200, `[1,2,3]`)},
		{"data of the wrong type", jsonStep(200, `{"error":false,"reason":"listed","data":"nope"}`)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lb := startLoopback(t, &steps{list: []step{tc.step}})
			sleep, waits := noSleep()
			c := lb.client(t, sleep)
			for range 3 {
				got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
				require.Nil(t, got)
				e := requireError(t, err)
				require.Equal(t, 200, e.StatusCode)
				require.Equal(t, ReasonInvalidResponse, e.Reason)
				require.ErrorIs(t, err, ErrInvalidResponse)
				require.NotNil(t, e.Err, "the decoding error is kept")
				require.False(t, e.Temporary())
			}
			require.Empty(t, waits(), "a 200 is never retried")
			require.EqualValues(t, 3, lb.calls.Load())
			require.EqualValues(t, 1, lb.conns.Load(), "the body was drained: the three calls shared one connection")
		})
	}
}

// TestFaultJSONWithTheWrongContentType: Crisp always labels its answers
// application/json; a valid envelope under another label is either
// accepted or refused as an invalid response, never anything else.
func TestFaultJSONWithTheWrongContentType(t *testing.T) {
	lb := startLoopback(t, &steps{list: []step{{status: 200, contentType: "text/html; charset=utf-8", body: okList}}})
	c := lb.client(t)
	got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	if err != nil {
		require.ErrorIs(t, err, ErrInvalidResponse)
		requireError(t, err)
	} else {
		require.Len(t, got, 1)
	}
}

func TestFaultRateLimitedIsRetriedOnOneConnection(t *testing.T) {
	for _, status := range []int{429, 420} {
		for _, ra := range []string{"", "2"} {
			t.Run(fmt.Sprintf("%d retry-after=%q", status, ra), func(t *testing.T) {
				limited := jsonStep(status, `{"error":true,"reason":"rate_limited","data":{}}`)
				if ra != "" {
					limited.header = http.Header{"Retry-After": {ra}}
				}
				t.Run("then success", func(t *testing.T) {
					lb := startLoopback(t, &steps{list: []step{limited, limited, jsonStep(200, okList)}})
					sleep, waits := noSleep()
					c := lb.client(t, sleep)
					got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
					require.NoError(t, err)
					require.Len(t, got, 1)
					require.EqualValues(t, 3, lb.calls.Load())
					require.EqualValues(t, 1, lb.conns.Load())
					w := waits()
					require.Len(t, w, 2)
					for _, d := range w {
						if ra != "" {
							require.Equal(t, 2*time.Second, d, "Retry-After wins")
						} else {
							require.Greater(t, d, time.Duration(0))
							require.LessOrEqual(t, d, DefaultRetryPolicy().MaxBackoff)
						}
					}
				})
				t.Run("until the retries run out", func(t *testing.T) {
					lb := startLoopback(t, &steps{list: []step{limited}})
					sleep, waits := noSleep()
					c := lb.client(t, sleep, WithMaxRetries(3))
					_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
					e := requireError(t, err)
					require.Equal(t, status, e.StatusCode)
					require.Equal(t, "rate_limited", e.Reason)
					require.ErrorIs(t, err, ErrRateLimited)
					require.True(t, e.Temporary())
					require.EqualValues(t, 4, lb.calls.Load())
					require.Len(t, waits(), 3)
					require.EqualValues(t, 1, lb.conns.Load())
				})
			})
		}
	}
}

func TestFaultServerErrorsThenSuccess(t *testing.T) {
	h := &steps{list: []step{
		jsonStep(500, errNope),
		{status: 502, contentType: "text/html", body: htmlError},
		{status: 503, contentType: "text/plain", body: "upstream connect error"},
		{status: 504},
		jsonStep(200, okList),
	}}
	lb := startLoopback(t, h)
	sleep, waits := noSleep()
	c := lb.client(t, sleep, WithMaxRetries(4))
	got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.Equal(t, "session_1", got[0].SessionID)
	require.EqualValues(t, 5, lb.calls.Load())
	require.Len(t, waits(), 4)
	require.EqualValues(t, 1, lb.conns.Load())
}

// TestFaultUnretriedStatusesAreNotRetried: 501 and the 4xx other than the
// rate limits are final.
func TestFaultUnretriedStatusesAreNotRetried(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404, 409, 501} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			lb := startLoopback(t, &steps{list: []step{jsonStep(status, errNope), jsonStep(200, okList)}})
			sleep, waits := noSleep()
			c := lb.client(t, sleep)
			_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
			e := requireError(t, err)
			require.Equal(t, status, e.StatusCode)
			require.Equal(t, "some_reason", e.Reason)
			require.Equal(t, "nope", e.Message)
			require.Empty(t, waits())
			require.EqualValues(t, 1, lb.calls.Load())
		})
	}
}

func TestFaultNonIdempotentServerErrorIsNotRetried(t *testing.T) {
	cases := []struct {
		method string
		status int
		call   func(ctx context.Context, c *Client) error
	}{
		{"POST", 500, func(ctx context.Context, c *Client) error {
			_, err := c.Website.SendTextMessage(ctx, wid, "session_1", "hello")
			return err
		}},
		{"POST", 503, func(ctx context.Context, c *Client) error {
			_, err := c.Website.CreateNewConversation(ctx, wid)
			return err
		}},
		{"PATCH", 502, func(ctx context.Context, c *Client) error {
			nick := "Jo"
			return c.Website.UpdatePeopleProfile(ctx, wid, "jo@example.com", &api.PeopleProfileUpdate{Person: &api.PeopleProfilePerson{Nickname: &nick}})
		}},
		{"PATCH", 504, func(ctx context.Context, c *Client) error {
			return c.Website.UpdateConversationMetas(ctx, wid, "session_1", &api.ConversationMetaUpdate{})
		}},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("%s %d", tc.method, tc.status), func(t *testing.T) {
			lb := startLoopback(t, &steps{list: []step{jsonStep(tc.status, errNope), jsonStep(200, okCreated)}})
			sleep, waits := noSleep()
			c := lb.client(t, sleep, WithMaxRetries(5))
			err := tc.call(t.Context(), c)
			e := requireError(t, err)
			require.Equal(t, tc.status, e.StatusCode, "the error reports the status")
			require.Equal(t, tc.method, e.Method)
			require.ErrorIs(t, err, ErrServer)
			require.Equal(t, "some_reason", e.Reason)
			require.Empty(t, waits())
			require.EqualValues(t, 1, lb.calls.Load(), "%s is not retried", tc.method)
			// The connection was not spoiled by the error either.
			require.NoError(t, tc.call(t.Context(), c))
			require.EqualValues(t, 1, lb.conns.Load())
		})
	}
}

// TestFaultPutIsRetriedWithItsBody: PUT is idempotent, so it is retried,
// with the whole body each time.
func TestFaultPutIsRetriedWithItsBody(t *testing.T) {
	h := &steps{list: []step{jsonStep(503, errNope), jsonStep(500, errNope), jsonStep(200, okEmpty)}}
	lb := startLoopback(t, h)
	sleep, waits := noSleep()
	c := lb.client(t, sleep)
	nick := "Jo"
	err := c.Website.SavePeopleProfile(t.Context(), wid, "jo@example.com", &api.PeopleProfileUpdate{Person: &api.PeopleProfilePerson{Nickname: &nick}})
	require.NoError(t, err)
	require.EqualValues(t, 3, lb.calls.Load())
	require.Len(t, waits(), 2)
	require.EqualValues(t, 1, lb.conns.Load())
	h.mu.Lock()
	defer h.mu.Unlock()
	require.Len(t, h.bodies, 3)
	require.Contains(t, h.bodies[0], `"Jo"`)
	require.Equal(t, h.bodies[0], h.bodies[1])
	require.Equal(t, h.bodies[0], h.bodies[2])
}

// hijackHalf answers with the status line, the headers and half of body
// (announcing its full length), then cuts the connection; with reset, the
// cut is a TCP reset instead of a clean close.
func hijackHalf(t *testing.T, status int, body string, reset bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		defer conn.Close()
		fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", status, http.StatusText(status), len(body), body[:len(body)/2])
		_ = buf.Flush()
		if tc, ok := conn.(*net.TCPConn); ok && reset {
			_ = tc.SetLinger(0)
		}
	}
}

func TestFaultConnectionCutMidBody(t *testing.T) {
	long := `{"error":false,"reason":"listed","data":[` + strings.Repeat(`{"session_id":"session_1","website_id":"`+wid+`"},`, 50) + `{}]}`
	for _, reset := range []bool{false, true} {
		t.Run(fmt.Sprintf("200 reset=%v", reset), func(t *testing.T) {
			lb := startLoopback(t, hijackHalf(t, 200, long, reset))
			sleep, waits := noSleep()
			c := lb.client(t, sleep)
			got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
			require.Nil(t, got)
			e := requireError(t, err)
			// The headers arrived and the body was cut (200), or a reset
			// overtook the headers (0): a network error either way.
			require.Contains(t, []int{0, 200}, e.StatusCode)
			require.Equal(t, ReasonNetworkError, e.Reason)
			require.True(t, e.Temporary())
			require.NotNil(t, e.Err)
			require.EqualValues(t, 3, lb.calls.Load(), "a GET is retried within the policy")
			require.Len(t, waits(), 2)
			require.Equal(t, lb.calls.Load(), lb.conns.Load(), "one connection per attempt, each closed by the server")
		})
		t.Run(fmt.Sprintf("500 reset=%v", reset), func(t *testing.T) {
			lb := startLoopback(t, hijackHalf(t, 500, `{"error":true,"reason":"some_reason","data":{"message":"`+strings.Repeat("x", 4000)+`"}}`, reset))
			sleep, waits := noSleep()
			c := lb.client(t, sleep)
			_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
			e := requireError(t, err)
			if e.StatusCode == 500 {
				require.Equal(t, ReasonHTTPError, e.Reason, "half an envelope is no envelope")
				require.ErrorIs(t, err, ErrServer)
			} else {
				require.Equal(t, ReasonNetworkError, e.Reason)
			}
			require.EqualValues(t, 3, lb.calls.Load(), "a GET is retried within the policy")
			require.Len(t, waits(), 2)
			require.Equal(t, lb.calls.Load(), lb.conns.Load())
		})
	}
}

// hang never answers: it waits until the client goes away.
func hang(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }

// ceiling bounds the calls that must stop at a deadline of a few hundred
// milliseconds. It is generous, for loaded CI machines under -race: the
// attempt counts are the exact proof that no attempt started after the
// deadline, the clock only shows that the call did not hang.
const ceiling = 3 * time.Second

// requireElapsed checks a duration against generous bounds.
func requireElapsed(t *testing.T, start time.Time, atLeast time.Duration) {
	t.Helper()
	d := time.Since(start)
	require.GreaterOrEqual(t, d, atLeast, "returned too early")
	require.Less(t, d, ceiling, "the timeout was multiplied")
}

func TestFaultServerNeverAnswers(t *testing.T) {
	policy := RetryPolicy{MaxRetries: 3, MinBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond}
	// The call timeout works the same over a bare context (a shared
	// deadline, see sharedDeadline) and over the caller's (its own timer).
	bareOrNot := []struct {
		name string
		ctx  func(t *testing.T) context.Context
	}{
		{"bare context", func(*testing.T) context.Context { return context.Background() }},
		{"caller's context", func(t *testing.T) context.Context { return t.Context() }},
	}
	for _, bc := range bareOrNot {
		t.Run("client timeout/"+bc.name, func(t *testing.T) {
			lb := startLoopback(t, http.HandlerFunc(hang))
			c := lb.client(t, WithTimeout(200*time.Millisecond), WithRetryPolicy(policy))
			start := time.Now()
			_, err := c.Website.ListConversations(bc.ctx(t), wid, 1, nil)
			requireElapsed(t, start, 150*time.Millisecond)
			e := requireError(t, err)
			require.ErrorIs(t, err, context.DeadlineExceeded)
			require.Zero(t, e.StatusCode)
			require.EqualValues(t, 1, lb.calls.Load(), "the first attempt used the whole budget: no retry after the deadline")
		})
	}
	t.Run("caller deadline", func(t *testing.T) {
		lb := startLoopback(t, http.HandlerFunc(hang))
		c := lb.client(t, WithRetryPolicy(policy))
		ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := c.Website.GetConversation(ctx, wid, "session_1")
		requireElapsed(t, start, 150*time.Millisecond)
		requireError(t, err)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		require.EqualValues(t, 1, lb.calls.Load())
	})
	t.Run("context cancel", func(t *testing.T) {
		lb := startLoopback(t, http.HandlerFunc(hang))
		c := lb.client(t, WithRetryPolicy(policy))
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		time.AfterFunc(100*time.Millisecond, cancel)
		start := time.Now()
		_, err := c.Website.GetConversation(ctx, wid, "session_1")
		requireElapsed(t, start, 50*time.Millisecond)
		requireError(t, err)
		require.ErrorIs(t, err, context.Canceled)
		require.EqualValues(t, 1, lb.calls.Load())
	})
	t.Run("per-attempt http.Client timeout inside the call timeout", func(t *testing.T) {
		lb := startLoopback(t, http.HandlerFunc(hang))
		tr := defaultTransport.Clone()
		t.Cleanup(tr.CloseIdleConnections)
		c := lb.clientVia(t, &http.Client{Transport: tr, Timeout: 100 * time.Millisecond},
			WithTimeout(350*time.Millisecond), WithRetryPolicy(RetryPolicy{MaxRetries: 10, MinBackoff: 10 * time.Millisecond, MaxBackoff: 20 * time.Millisecond}))
		start := time.Now()
		_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
		requireElapsed(t, start, 250*time.Millisecond)
		e := requireError(t, err)
		require.Zero(t, e.StatusCode)
		require.Less(t, lb.calls.Load(), int32(11), "the call timeout stops the retries")
	})
	t.Run("slow first attempt then success", func(t *testing.T) {
		var n atomic.Int32
		lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if n.Add(1) == 1 {
				hang(w, r)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, okList)
		}))
		tr := defaultTransport.Clone()
		t.Cleanup(tr.CloseIdleConnections)
		c := lb.clientVia(t, &http.Client{Transport: tr, Timeout: 100 * time.Millisecond}, WithTimeout(5*time.Second), WithRetryPolicy(policy))
		got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
		require.NoError(t, err)
		require.Len(t, got, 1)
		require.EqualValues(t, 2, lb.calls.Load())
	})
	for _, bc := range bareOrNot {
		t.Run("body stalls after the headers/"+bc.name, func(t *testing.T) {
			lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(200)
				_, _ = io.WriteString(w, `{"error":false,"reason":"listed","data":[`)
				_ = http.NewResponseController(w).Flush()
				<-r.Context().Done()
			}))
			c := lb.client(t, WithTimeout(200*time.Millisecond), WithRetryPolicy(policy))
			start := time.Now()
			_, err := c.Website.ListConversations(bc.ctx(t), wid, 1, nil)
			requireElapsed(t, start, 150*time.Millisecond)
			requireError(t, err)
			require.ErrorIs(t, err, context.DeadlineExceeded)
		})
	}
	for _, bc := range bareOrNot {
		t.Run("retryable answers until the deadline/"+bc.name, func(t *testing.T) {
			// Each 503 takes 60ms; the retries stop at the 200ms deadline.
			lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				select {
				case <-time.After(60 * time.Millisecond):
				case <-r.Context().Done():
					return
				}
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(503)
				_, _ = io.WriteString(w, errNope)
			}))
			c := lb.client(t, WithTimeout(200*time.Millisecond), WithRetryPolicy(RetryPolicy{MaxRetries: 50, MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond}))
			start := time.Now()
			_, err := c.Website.ListConversations(bc.ctx(t), wid, 1, nil)
			requireElapsed(t, start, 50*time.Millisecond)
			requireError(t, err)
			require.Less(t, lb.calls.Load(), int32(10))
		})
	}
}

// countingTransport wraps a transport and counts what the client reads of
// each response body, and which bodies it closed.
type countingTransport struct {
	rt     http.RoundTripper
	mu     sync.Mutex
	bodies []*countedBody
}

type countedBody struct {
	io.ReadCloser
	read   atomic.Int64
	closed atomic.Bool
}

func (b *countedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.read.Add(int64(n))
	return n, err
}

func (b *countedBody) Close() error {
	b.closed.Store(true)
	return b.ReadCloser.Close()
}

func (ct *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := ct.rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	b := &countedBody{ReadCloser: resp.Body}
	resp.Body = b
	ct.mu.Lock()
	ct.bodies = append(ct.bodies, b)
	ct.mu.Unlock()
	return resp, nil
}

// check requires every body closed and at most limit bytes read of each;
// it returns the number of bodies.
func (ct *countingTransport) check(t *testing.T, limit int64) int {
	t.Helper()
	ct.mu.Lock()
	defer ct.mu.Unlock()
	for i, b := range ct.bodies {
		require.Truef(t, b.closed.Load(), "body %d was not closed", i)
		require.LessOrEqualf(t, b.read.Load(), limit, "body %d: read more than the cap", i)
	}
	return len(ct.bodies)
}

// TestFaultEndlessErrorBodyIsCapped: a 500 whose body never ends. The
// client reads at most maxErrorBody bytes for the error, plus maxDrain to
// try to save the connection, then closes it; it does not wait for the
// end of the body.
func TestFaultEndlessErrorBodyIsCapped(t *testing.T) {
	var written atomic.Int64
	chunk := strings.Repeat("A", 32<<10)
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(500)
		_, _ = io.WriteString(w, `{"error":true,"reason":"some_reason","data":{"message":"`)
		for r.Context().Err() == nil {
			n, err := io.WriteString(w, chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	tr := defaultTransport.Clone()
	t.Cleanup(tr.CloseIdleConnections)
	ct := &countingTransport{rt: tr}
	sleep, waits := noSleep()
	c := lb.clientVia(t, &http.Client{Transport: ct}, sleep, WithTimeout(20*time.Second))
	start := time.Now()
	_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.Less(t, time.Since(start), 10*time.Second, "the client did not wait for the end of an endless body")
	e := requireError(t, err)
	require.Equal(t, 500, e.StatusCode)
	require.Equal(t, ReasonHTTPError, e.Reason, "a cut envelope is not parsed")
	require.Less(t, len(e.Error()), 2000)
	require.Len(t, waits(), 2)
	require.Equal(t, 3, ct.check(t, maxErrorBody+maxDrain), "three attempts, each body capped and closed")
	require.EqualValues(t, 3, lb.conns.Load(), "a body that was not read to its end cannot be reused: its connection is closed")
}

// TestFaultEveryDiscardedBodyIsClosed: across retries of small error
// bodies, each body is read to its end and closed.
func TestFaultEveryDiscardedBodyIsClosed(t *testing.T) {
	lb := startLoopback(t, &steps{list: []step{jsonStep(503, errNope), jsonStep(429, errNope), jsonStep(502, errNope), jsonStep(200, okList)}})
	tr := defaultTransport.Clone()
	t.Cleanup(tr.CloseIdleConnections)
	ct := &countingTransport{rt: tr}
	sleep, _ := noSleep()
	c := lb.clientVia(t, &http.Client{Transport: ct}, sleep, WithMaxRetries(3))
	got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.Equal(t, 4, ct.check(t, maxErrorBody))
	require.EqualValues(t, 1, lb.conns.Load())
}

const messagesBody = `{"error":false,"reason":"listed","data":[` +
	`{"session_id":"session_1","website_id":"` + wid + `","type":"text","from":"user","origin":"chat","content":"hello","fingerprint":1,"timestamp":1700000000000},` +
	`{"session_id":"session_1","website_id":"` + wid + `","type":"text","from":"operator","origin":"chat","content":"hi","fingerprint":2,"timestamp":1700000001000}]}`

func TestFaultPartialContentOnMessages(t *testing.T) {
	lb := startLoopback(t, &steps{list: []step{jsonStep(206, messagesBody), jsonStep(200, messagesBody)}})
	c := lb.client(t)
	page, err := c.Website.GetMessagesInConversation(t.Context(), wid, "session_1", nil)
	require.NoError(t, err)
	require.True(t, page.More, "206 Partial Content: older messages remain")
	require.Len(t, page.Messages, 2)
	require.EqualValues(t, 1700000000000, page.Oldest())
	page, err = c.Website.GetMessagesInConversation(t.Context(), wid, "session_1", &GetMessagesOptions{TimestampBefore: page.Oldest()})
	require.NoError(t, err)
	require.False(t, page.More, "200: nothing older")
	require.EqualValues(t, 1, lb.conns.Load())
}

// TestFaultNoPanicOnNilishAnswers: answers with no usable envelope give
// data or a typed error, never a panic, on every kind of facade method.
func TestFaultNoPanicOnNilishAnswers(t *testing.T) {
	for _, body := range []string{"", "null", "{}", `{"data":null}`, `{"error":true}`, `{"error":false,"data":null}`, "\x00\xff", `"`} {
		for _, status := range []int{200, 204, 206, 404, 500} {
			t.Run(fmt.Sprintf("%d %q", status, body), func(t *testing.T) {
				lb := startLoopback(t, &steps{list: []step{jsonStep(status, body)}})
				c := lb.client(t, WithMaxRetries(0))
				ctx := t.Context()
				calls := map[string]error{}
				_, calls["list"] = c.Website.ListConversations(ctx, wid, 1, nil)
				_, calls["get"] = c.Website.GetConversation(ctx, wid, "s")
				_, calls["exists"] = c.Website.CheckConversationExists(ctx, wid, "s")
				calls["done"] = c.Website.RemoveConversation(ctx, wid, "s")
				_, calls["messages"] = c.Website.GetMessagesInConversation(ctx, wid, "s", nil)
				for name, err := range calls {
					if err != nil {
						requireError(t, err)
						continue
					}
					require.Truef(t, status < 300 || (name == "exists" && status == 404), "%s: %d accepted", name, status)
				}
				require.EqualValues(t, 1, lb.conns.Load())
			})
		}
	}
}

// TestFaultRedirectToAnotherHostDropsTheCredentials: a redirect (from a
// proxy or a compromised endpoint) to another host never carries the
// Authorization header there.
func TestFaultRedirectToAnotherHostDropsTheCredentials(t *testing.T) {
	var gotAuth atomic.Value
	other := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotAuth.Store(r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, okList)
	}))
	// Same loopback address, another host name: Go's client compares
	// host names.
	target := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target+r.URL.Path, http.StatusFound)
	}))
	c := lb.client(t)
	_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	if err != nil {
		requireError(t, err) // no "localhost" here: still typed
		t.Skipf("localhost does not resolve: %v", err)
	}
	v, _ := gotAuth.Load().(string)
	require.Empty(t, v, "the credentials did not follow the redirect to another host")
}

func TestFaultErrorsAreTypedForEveryFailureKind(t *testing.T) {
	// A closed port: a network error before any answer.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	sleep, waits := noSleep()
	c, err := New(WithBaseURL("http://"+addr+"/v1"), WithToken(TierPlugin, "id", "secret-key"), sleep)
	require.NoError(t, err)
	_, err = c.Website.GetConversation(t.Context(), wid, "session_1")
	e := requireError(t, err)
	require.Equal(t, ReasonNetworkError, e.Reason)
	require.True(t, e.Temporary())
	require.Len(t, waits(), 2, "a GET is retried on a network error")
	var ne net.Error
	require.True(t, errors.As(err, &ne), "the cause stays reachable")
}
