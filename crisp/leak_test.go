package crisp

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// Goroutine leak checks. verifyNoLeaks must be the first call of a test:
// its check then runs after every other cleanup (LIFO), once the loopback
// servers are closed and the test transports have dropped their idle
// connections. Goroutines that existed before the test (other tests' idle
// connections winding down, the runtime's) are ignored.
func verifyNoLeaks(t *testing.T) {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
}

// fastRetries retries quickly with the real sleep (timers included).
var fastRetries = WithRetryPolicy(RetryPolicy{MaxRetries: 2, MinBackoff: time.Millisecond, MaxBackoff: 5 * time.Millisecond})

func TestLeakNoneAfterCalls(t *testing.T) {
	verifyNoLeaks(t)
	var n atomic.Int32
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch k := n.Add(1); {
		case k <= 2:
			w.WriteHeader(503)
			_, _ = io.WriteString(w, errNope)
		case r.Method == http.MethodHead:
			w.WriteHeader(404)
		case k == 4:
			w.WriteHeader(404)
			_, _ = io.WriteString(w, `{"error":true,"reason":"not_found","data":{}}`)
		default:
			w.WriteHeader(206)
			_, _ = io.WriteString(w, messagesBody)
		}
	}))
	c := lb.client(t, fastRetries)
	ctx := t.Context()
	_, err := c.Website.GetMessagesInConversation(ctx, wid, "s", nil) // 503, 503, 206
	require.NoError(t, err)
	_, err = c.Website.GetConversation(ctx, wid, "s") // 404
	require.ErrorIs(t, err, ErrNotFound)
	ok, err := c.Website.CheckConversationExists(ctx, wid, "s")
	require.NoError(t, err)
	require.False(t, ok)
	page, err := c.Website.GetMessagesInConversation(ctx, wid, "s", nil)
	require.NoError(t, err)
	require.True(t, page.More)
	// The generated client, through the same doer: the call timeout ends
	// when the body is closed.
	resp, err := c.API().GetConversation(ctx, wid, "s")
	require.NoError(t, err)
	require.Equal(t, 206, resp.StatusCode)
	_, _ = io.Copy(io.Discard, resp.Body)
	require.NoError(t, resp.Body.Close())
	require.EqualValues(t, 1, lb.conns.Load())
}

func TestLeakNoneAfterANetworkError(t *testing.T) {
	verifyNoLeaks(t)
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	c := lb.client(t, fastRetries)
	lb.Close() // nobody listens any more
	_, err := c.Website.GetConversation(t.Context(), wid, "s")
	require.Equal(t, ReasonNetworkError, requireError(t, err).Reason)
}

func TestLeakNoneAfterTimeoutsAndCancels(t *testing.T) {
	verifyNoLeaks(t)
	lb := startLoopback(t, http.HandlerFunc(hang))
	c := lb.client(t, fastRetries, WithTimeout(50*time.Millisecond))
	for range 3 {
		_, err := c.Website.GetConversation(t.Context(), wid, "s")
		require.ErrorIs(t, err, context.DeadlineExceeded)
		// A bare context: the shared deadline.
		_, err = c.Website.GetConversation(context.Background(), wid, "s")
		require.ErrorIs(t, err, context.DeadlineExceeded)
	}
	c2 := lb.client(t, fastRetries)
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(30*time.Millisecond, cancel)
	_, err := c2.Website.GetConversation(ctx, wid, "s")
	require.ErrorIs(t, err, context.Canceled)
	// A context already over: nothing is sent.
	_, err = c2.Website.GetConversation(ctx, wid, "s")
	require.ErrorIs(t, err, context.Canceled)

	stalled := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		_, _ = io.WriteString(w, `{"error":false,"data":[`)
		_ = http.NewResponseController(w).Flush()
		<-r.Context().Done()
	}))
	c3 := stalled.client(t, WithTimeout(50*time.Millisecond))
	_, err = c3.Website.ListConversations(t.Context(), wid, 1, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	_, err = c3.Website.ListConversations(context.TODO(), wid, 1, nil)
	require.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestLeakNoneAfterCutsAndEndlessBodies(t *testing.T) {
	verifyNoLeaks(t)
	cut := startLoopback(t, hijackHalf(t, 500, errNope+errNope, true))
	_, err := cut.client(t, fastRetries).Website.GetConversation(t.Context(), wid, "s")
	requireError(t, err)
	endless := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(502)
		buf := make([]byte, 16<<10)
		for r.Context().Err() == nil {
			if _, err := w.Write(buf); err != nil {
				return
			}
		}
	}))
	_, err = endless.client(t, fastRetries).Website.GetConversation(t.Context(), wid, "s")
	require.ErrorIs(t, err, ErrServer)
}

// perPage is the page size of pagedConversations (Crisp's smallest).
const perPage = 20

// pagedConversations serves endless full pages of conversations under
// /conversations/{page}; failAt > 0 makes that page a 500.
func pagedConversations(failAt int, served *atomic.Int32) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		page, _ := strconv.Atoi(path.Base(r.URL.Path))
		served.Add(1)
		w.Header().Set("Content-Type", "application/json")
		if page == failAt {
			w.WriteHeader(500)
			_, _ = io.WriteString(w, errNope)
			return
		}
		var b strings.Builder
		b.WriteString(`{"error":false,"reason":"listed","data":[`)
		for i := range perPage {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"session_id":"s%d_%d"}`, page, i)
		}
		b.WriteString("]}")
		_, _ = io.WriteString(w, b.String())
	}
}

func TestLeakNoneWhenAnIteratorBreaksEarly(t *testing.T) {
	verifyNoLeaks(t)
	var served atomic.Int32
	lb := startLoopback(t, pagedConversations(0, &served))
	c := lb.client(t)
	var got []string
	for conv, err := range c.Website.ListConversationsIter(t.Context(), wid, &ListConversationsOptions{PerPage: perPage}) {
		require.NoError(t, err)
		got = append(got, conv.SessionID)
		if len(got) == 2*perPage+1 {
			break
		}
	}
	require.Equal(t, "s3_0", got[len(got)-1])
	require.EqualValues(t, 3, served.Load(), "no page after the break")
	require.EqualValues(t, 1, lb.conns.Load())

	// The history of a conversation, endless (206 every time).
	var asked atomic.Int32
	msgs := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		before := int64(1_700_000_000_000)
		if v := r.URL.Query().Get("timestamp_before"); v != "" {
			before, _ = strconv.ParseInt(v, 10, 64)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(206)
		fmt.Fprintf(w, `{"error":false,"reason":"listed","data":[{"fingerprint":1,"timestamp":%d},{"fingerprint":2,"timestamp":%d}]}`, before-1, before-2)
	}))
	mc := msgs.client(t)
	n := 0
	for _, err := range mc.Website.GetMessagesInConversationIter(t.Context(), wid, "s") {
		require.NoError(t, err)
		if n++; n == 7 {
			break
		}
	}
	require.EqualValues(t, 4, asked.Load())
}

func TestLeakNoneWhenAnIteratorFailsMidWalk(t *testing.T) {
	verifyNoLeaks(t)
	var served atomic.Int32
	lb := startLoopback(t, pagedConversations(3, &served))
	c := lb.client(t, fastRetries)
	var errs []error
	n := 0
	for _, err := range c.Website.ListConversationsIter(t.Context(), wid, &ListConversationsOptions{PerPage: perPage}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	require.Equal(t, 2*perPage, n)
	require.Len(t, errs, 1, "the error is yielded once and ends the walk")
	require.ErrorIs(t, errs[0], ErrServer)
	require.EqualValues(t, 2+3, served.Load(), "pages 1 and 2, then page 3 and its 2 retries")
	require.EqualValues(t, 1, lb.conns.Load())

	// The context ends mid-walk.
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var last error
	for _, err := range c.Website.ListConversationsIter(ctx, wid, &ListConversationsOptions{PerPage: perPage}) {
		if err != nil {
			last = err
			break
		}
		cancel()
	}
	require.ErrorIs(t, last, context.Canceled)
}

func TestLeakNoneUnderConcurrentCalls(t *testing.T) {
	verifyNoLeaks(t)
	var n atomic.Int32
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if n.Add(1)%3 == 0 {
			w.WriteHeader(503)
			_, _ = io.WriteString(w, errNope)
			return
		}
		_, _ = io.WriteString(w, okList)
	}))
	c := lb.client(t, fastRetries)
	errs := make(chan error, 32)
	for range cap(errs) {
		go func() {
			_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
			errs <- err
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			require.ErrorIs(t, err, ErrServer)
		}
	}
	// The connections went back to the pool: a further call dials none.
	before := lb.conns.Load()
	n.Store(0)
	_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.NoError(t, err)
	require.Equal(t, before, lb.conns.Load())
}
