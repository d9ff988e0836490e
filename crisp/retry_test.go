package crisp

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/stretchr/testify/require"
)

// withSleep records the waits between retries instead of sleeping.
func withSleep(waits *[]time.Duration) Option {
	return func(c *config) error {
		c.sleep = func(ctx context.Context, d time.Duration) error {
			*waits = append(*waits, d)
			return ctx.Err()
		}
		return nil
	}
}

// scripted answers each request with the next status of a list (the last
// one repeats), counting requests and checking that retried bodies are
// complete.
type scripted struct {
	statuses []int
	headers  map[int]http.Header
	calls    atomic.Int32
	bodies   []string
}

func (s *scripted) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := int(s.calls.Add(1)) - 1
	b, _ := io.ReadAll(r.Body)
	s.bodies = append(s.bodies, string(b))
	st := s.statuses[min(n, len(s.statuses)-1)]
	for k, v := range s.headers[n] {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(st)
	if st >= 400 {
		_, _ = io.WriteString(w, `{"error":true,"reason":"some_reason","data":{"message":"nope"}}`)
		return
	}
	_, _ = io.WriteString(w, `{"error":false,"reason":"listed","data":[{"session_id":"session_1","website_id":"`+wid+`"}]}`)
}

func newTestClient(t *testing.T, h http.Handler, opts ...Option) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := New(append([]Option{WithBaseURL(srv.URL + "/v1"), WithToken(TierPlugin, "id", "secret-key")}, opts...)...)
	require.NoError(t, err)
	return c
}

const wid = "8c842203-7ed8-4e29-a608-7cf78a7d2fcc"

func TestRetryIdempotentOn5xxThenSuccess(t *testing.T) {
	h := &scripted{statuses: []int{503, 502, 200}}
	var waits []time.Duration
	c := newTestClient(t, h, withSleep(&waits))
	got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.EqualValues(t, 3, h.calls.Load())
	require.Len(t, waits, 2)
	require.GreaterOrEqual(t, waits[1], waits[0]/2, "backoff grows (with jitter)")
	require.LessOrEqual(t, waits[0], 500*time.Millisecond)
}

func TestRetryGivesUpAfterMaxRetries(t *testing.T) {
	h := &scripted{statuses: []int{500}}
	var waits []time.Duration
	c := newTestClient(t, h, withSleep(&waits), WithMaxRetries(3))
	_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	var e *Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, 500, e.StatusCode)
	require.Equal(t, "some_reason", e.Reason)
	require.Equal(t, "nope", e.Message)
	require.ErrorIs(t, err, ErrServer)
	require.EqualValues(t, 4, h.calls.Load())
}

func TestNoRetryForPostAndPatch(t *testing.T) {
	h := &scripted{statuses: []int{503, 200}}
	var waits []time.Duration
	c := newTestClient(t, h, withSleep(&waits))
	err := c.Website.SubmitSpamConversationDecision(t.Context(), wid, "spam_1", &api.ConversationSpamDecision{Action: "reject"})
	var e *Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, 503, e.StatusCode, "the error reports the status")
	require.Equal(t, "POST", e.Method)
	require.EqualValues(t, 1, h.calls.Load(), "POST is not retried")
	require.Empty(t, waits)
}

func TestRetryNonIdempotentOptInResendsTheBody(t *testing.T) {
	h := &scripted{statuses: []int{503, 200}}
	var waits []time.Duration
	c := newTestClient(t, h, withSleep(&waits), WithRetryPolicy(RetryPolicy{MaxRetries: 1, RetryNonIdempotent: true}))
	require.NoError(t, c.Website.SubmitSpamConversationDecision(t.Context(), wid, "spam_1", &api.ConversationSpamDecision{Action: "reject"}))
	require.EqualValues(t, 2, h.calls.Load())
	require.Len(t, h.bodies, 2)
	require.Equal(t, h.bodies[0], h.bodies[1], "the retry sends the whole body again")
	require.Contains(t, h.bodies[1], `"reject"`)
}

func TestRetryHonoursRetryAfter(t *testing.T) {
	h := &scripted{statuses: []int{429, 420, 200}, headers: map[int]http.Header{0: {"Retry-After": {"3"}}}}
	var waits []time.Duration
	c := newTestClient(t, h, withSleep(&waits))
	_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.NoError(t, err)
	require.Equal(t, 3*time.Second, waits[0])
	require.Len(t, waits, 2)
}

func TestRetryAfterIsCapped(t *testing.T) {
	h := &scripted{statuses: []int{429, 200}, headers: map[int]http.Header{0: {"Retry-After": {"3600"}}}}
	var waits []time.Duration
	c := newTestClient(t, h, withSleep(&waits), WithRetryPolicy(RetryPolicy{MaxRetries: 1, MaxBackoff: 2 * time.Second}))
	_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.NoError(t, err)
	require.Equal(t, []time.Duration{2 * time.Second}, waits)
}

func TestRateLimitErrorAfterRetries(t *testing.T) {
	h := &scripted{statuses: []int{429}}
	var waits []time.Duration
	c := newTestClient(t, h, withSleep(&waits), WithMaxRetries(1))
	_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.ErrorIs(t, err, ErrRateLimited)
	var e *Error
	require.ErrorAs(t, err, &e)
	require.True(t, e.Temporary())
}

func TestRetryStopsAtTheDeadline(t *testing.T) {
	h := &scripted{statuses: []int{503}}
	c := newTestClient(t, h, WithRetryPolicy(RetryPolicy{MaxRetries: 5, MinBackoff: time.Hour, MaxBackoff: time.Hour}))
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
	defer cancel()
	_, err := c.Website.ListConversations(ctx, wid, 1, nil)
	require.ErrorIs(t, err, ErrServer, "a wait past the deadline returns the last answer at once")
	require.EqualValues(t, 1, h.calls.Load())
}

func TestRetryOnNetworkError(t *testing.T) {
	var calls atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			hj, _ := w.(http.Hijacker)
			conn, _, _ := hj.Hijack()
			_ = conn.Close() // reset before any answer
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"error":false,"reason":"listed","data":[]}`)
	})
	var waits []time.Duration
	c := newTestClient(t, h, withSleep(&waits))
	got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.NoError(t, err)
	require.Empty(t, got)
	require.EqualValues(t, 2, calls.Load())
}

func TestNetworkErrorIsTyped(t *testing.T) {
	c, err := New(WithBaseURL("http://127.0.0.1:1/v1"), WithToken(TierPlugin, "id", "key"), WithMaxRetries(0))
	require.NoError(t, err)
	_, err = c.Website.ListConversations(t.Context(), wid, 1, nil)
	var e *Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, ReasonNetworkError, e.Reason)
	require.Equal(t, "GET", e.Method)
	require.True(t, strings.HasSuffix(e.Path, "/conversations/1"))
	require.True(t, e.Temporary())
}

func TestTimeoutCoversAllAttempts(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	c := newTestClient(t, h, WithTimeout(50*time.Millisecond))
	start := time.Now()
	_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.Less(t, time.Since(start), 5*time.Second)
}

func TestContextCancel(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	c := newTestClient(t, h)
	ctx, cancel := context.WithCancel(t.Context())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	_, err := c.Website.ListConversations(ctx, wid, 1, nil)
	require.True(t, errors.Is(err, context.Canceled))
}

func TestRetryAfterParsing(t *testing.T) {
	d, ok := retryAfter("7")
	require.True(t, ok)
	require.Equal(t, 7*time.Second, d)
	d, ok = retryAfter(time.Now().Add(time.Minute).UTC().Format(http.TimeFormat))
	require.True(t, ok)
	require.Greater(t, d, 50*time.Second)
	_, ok = retryAfter("soon")
	require.False(t, ok)
	_, ok = retryAfter("")
	require.False(t, ok)
}

// cutThenAnswer cuts the body of the first cuts answers (a 200 whose
// body stops halfway, then a TCP reset) and answers the next ones whole.
func cutThenAnswer(t *testing.T, cuts int32, body string) (http.HandlerFunc, *atomic.Int32) {
	var n atomic.Int32
	cut := hijackHalf(t, 200, body, true)
	return func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= cuts {
			cut(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, body)
	}, &n
}

// TestRetryBodyCutByAReset: a transport failure while reading the body of
// a GET's answer is a network error, retried like one; for a POST it is a
// network error too (the status line arrived: StatusCode says which), not
// retried.
func TestRetryBodyCutByAReset(t *testing.T) {
	long := `{"error":false,"reason":"listed","data":[` + strings.Repeat(`{"session_id":"session_1","website_id":"`+wid+`"},`, 50) + `{}]}`
	t.Run("GET then success", func(t *testing.T) {
		h, n := cutThenAnswer(t, 2, long)
		lb := startLoopback(t, h)
		sleep, waits := noSleep()
		c := lb.client(t, sleep)
		got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
		require.NoError(t, err)
		require.Len(t, got, 51)
		require.EqualValues(t, 3, n.Load())
		require.Len(t, waits(), 2)
	})
	t.Run("GET until the retries run out", func(t *testing.T) {
		h, n := cutThenAnswer(t, 100, long)
		lb := startLoopback(t, h)
		sleep, _ := noSleep()
		c := lb.client(t, sleep, WithMaxRetries(1))
		_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
		e := requireError(t, err)
		require.Equal(t, ReasonNetworkError, e.Reason)
		require.Equal(t, 200, e.StatusCode, "the status line arrived")
		require.Equal(t, "GET", e.Method)
		require.True(t, e.Temporary())
		require.NotErrorIs(t, err, ErrInvalidResponse)
		require.EqualValues(t, 2, n.Load())
	})
	t.Run("POST is not retried", func(t *testing.T) {
		msg := `{"error":false,"reason":"dispatched","data":{"fingerprint":` + strings.Repeat("1", 15) + `}}`
		h, n := cutThenAnswer(t, 1, msg)
		lb := startLoopback(t, h)
		sleep, waits := noSleep()
		c := lb.client(t, sleep)
		_, err := c.Website.SendTextMessage(t.Context(), wid, "session_1", "hi")
		e := requireError(t, err)
		require.Equal(t, ReasonNetworkError, e.Reason)
		require.Equal(t, "POST", e.Method)
		require.EqualValues(t, 1, n.Load())
		require.Empty(t, waits())
	})
}

// TestRetryPolicyZeroFieldsAreDefaults: the README's
// RetryPolicy{RetryNonIdempotent: true} keeps the default retries and
// waits and adds POST; WithMaxRetries(0) turns retries off.
func TestRetryPolicyZeroFieldsAreDefaults(t *testing.T) {
	def := DefaultRetryPolicy()
	h := &scripted{statuses: []int{503, 503, 200}}
	var waits []time.Duration
	c := newTestClient(t, h, withSleep(&waits), WithRetryPolicy(RetryPolicy{RetryNonIdempotent: true}))
	require.Equal(t, RetryPolicy{MaxRetries: def.MaxRetries, MinBackoff: def.MinBackoff, MaxBackoff: def.MaxBackoff, RetryNonIdempotent: true}, c.cfg.retry)
	require.NoError(t, c.Website.SubmitSpamConversationDecision(t.Context(), wid, "spam_1", &api.ConversationSpamDecision{Action: "reject"}))
	require.EqualValues(t, 3, h.calls.Load(), "a POST retried twice, as the default policy retries")
	require.Len(t, waits, 2)
	for _, w := range waits {
		require.GreaterOrEqual(t, w, def.MinBackoff/2)
		require.LessOrEqual(t, w, def.MaxBackoff)
	}

	// Only the fields set replace the defaults.
	c = newTestClient(t, h, WithRetryPolicy(RetryPolicy{MaxBackoff: time.Second}))
	require.Equal(t, RetryPolicy{MaxRetries: def.MaxRetries, MinBackoff: def.MinBackoff, MaxBackoff: time.Second}, c.cfg.retry)

	// WithMaxRetries(0) turns retries off, after a policy too.
	h = &scripted{statuses: []int{503, 200}}
	waits = nil
	c = newTestClient(t, h, withSleep(&waits), WithRetryPolicy(RetryPolicy{RetryNonIdempotent: true}), WithMaxRetries(0))
	_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.ErrorIs(t, err, ErrServer)
	require.EqualValues(t, 1, h.calls.Load())
	require.Empty(t, waits)
}
