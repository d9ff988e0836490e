package crisp

import (
	"context"
	"math"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestSharedDeadlineBounds(t *testing.T) {
	const timeout = time.Hour
	var s sharedDeadline
	before := time.Now()
	ctx := s.context(timeout)
	after := time.Now()
	dl, ok := ctx.Deadline()
	require.True(t, ok)
	require.False(t, dl.Before(before.Add(timeout)), "a call gets at least its timeout")
	require.False(t, dl.After(after.Add(timeout+timeout/deadlineSlices)), "and at most 1/64 more")
	require.NoError(t, ctx.Err())
	// A call that starts within the same slice shares the context.
	require.True(t, ctx == s.context(timeout)) // (identity: DeepEqual would race with the timer)
}

func TestSharedDeadlineNextSlice(t *testing.T) {
	const timeout = 64 * time.Millisecond // slices of 1ms
	var s sharedDeadline
	first := s.context(timeout)
	time.Sleep(2 * time.Millisecond)
	start := time.Now()
	next := s.context(timeout)
	require.False(t, first == next, "a call in a later slice gets a later deadline")
	dl, _ := next.Deadline()
	require.False(t, dl.Before(start.Add(timeout)))
	<-first.Done()
	require.ErrorIs(t, first.Err(), context.DeadlineExceeded)
}

func TestSharedDeadlineConcurrent(t *testing.T) {
	const timeout = time.Minute
	var s sharedDeadline
	var wg sync.WaitGroup
	for range 64 {
		wg.Go(func() {
			for range 100 {
				start := time.Now()
				dl, ok := s.context(timeout).Deadline()
				if !ok || dl.Before(start.Add(timeout)) {
					t.Errorf("deadline %v before %v", dl, start.Add(timeout))
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestBareContext(t *testing.T) {
	type key struct{}
	require.True(t, bareContext(context.Background()))
	require.True(t, bareContext(context.TODO()))
	require.False(t, bareContext(t.Context()))
	require.False(t, bareContext(context.WithValue(context.Background(), key{}, 1)), "values must reach the transport")
	require.False(t, bareContext(context.WithoutCancel(t.Context())))
}

// recordingRT records the context of each request it sends.
type recordingRT struct {
	rt   http.RoundTripper
	mu   sync.Mutex
	ctxs []context.Context
}

func (r *recordingRT) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.ctxs = append(r.ctxs, req.Context())
	r.mu.Unlock()
	return r.rt.RoundTrip(req)
}

// The doer gives requests made with a bare context the shared deadline,
// and a request made with the caller's context a deadline of its own that
// keeps the caller's values; a caller's earlier deadline is kept as is.
func TestDoerDeadlineContexts(t *testing.T) {
	type key struct{}
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(okList))
	}))
	tr := defaultTransport.Clone()
	t.Cleanup(tr.CloseIdleConnections)
	rec := &recordingRT{rt: tr}
	const timeout = time.Hour
	c := lb.clientVia(t, &http.Client{Transport: rec}, WithTimeout(timeout))
	list := func(ctx context.Context) context.Context {
		t.Helper()
		_, err := c.Website.ListConversations(ctx, wid, 1, nil)
		require.NoError(t, err)
		return rec.ctxs[len(rec.ctxs)-1]
	}

	start := time.Now()
	bare1, bare2 := list(context.Background()), list(context.TODO())
	require.True(t, bare1 == bare2, "calls that start together share their deadline")
	dl, ok := bare1.Deadline()
	require.True(t, ok)
	require.False(t, dl.Before(start.Add(timeout)))

	withValue := list(context.WithValue(context.Background(), key{}, "v"))
	require.Equal(t, "v", withValue.Value(key{}), "the caller's values reach the transport")
	dl, ok = withValue.Deadline()
	require.True(t, ok)
	require.False(t, dl.Before(start.Add(timeout)))

	soon, cancel := context.WithTimeout(context.WithValue(t.Context(), key{}, "w"), time.Minute)
	defer cancel()
	got := list(soon)
	require.Equal(t, "w", got.Value(key{}))
	want, _ := soon.Deadline()
	dl, _ = got.Deadline()
	require.Equal(t, want, dl, "an earlier deadline of the caller's is kept")
}

// TestHugeTimeout: WithTimeout(math.MaxInt64) is a timeout that never
// comes, with a bare context (the shared deadline) or the caller's.
func TestHugeTimeout(t *testing.T) {
	lb := startLoopback(t, &steps{list: []step{jsonStep(200, okList)}})
	for _, d := range []time.Duration{math.MaxInt64, math.MaxInt64 - 1, math.MaxInt64 / 2} {
		c := lb.client(t, WithTimeout(d))
		for _, ctx := range []context.Context{context.Background(), context.TODO(), t.Context()} {
			got, err := c.Website.ListConversations(ctx, wid, 1, nil)
			require.NoError(t, err, "timeout %v", d)
			require.Len(t, got, 1)
		}
	}
	var s sharedDeadline
	dl, ok := s.context(math.MaxInt64).Deadline()
	require.True(t, ok)
	require.True(t, dl.After(time.Now().Add(100*365*24*time.Hour)), "the deadline is far in the future: %v", dl)
}
