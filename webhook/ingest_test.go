package webhook

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/crisp-go/crisp-go/events"
	"github.com/stretchr/testify/require"
)

// The context a handler gets carries the delivery without hiding the
// request's: its values and its cancellation reach the handler, and
// contexts derived from it.
func TestDeliveryContextKeepsTheRequestContext(t *testing.T) {
	type key struct{}
	f := newFixture(t)
	parent, cancel := context.WithCancel(context.WithValue(t.Context(), key{}, "from the request"))
	defer cancel()
	var value any
	var delivery Delivery
	var before, after, derived error
	f.router.Handle("test:ctx", func(ctx context.Context, ev *events.Event) error {
		value = ctx.Value(key{})
		delivery, _ = DeliveryFromContext(ctx)
		child, stop := context.WithCancel(ctx)
		defer stop()
		before = ctx.Err()
		cancel()
		after = ctx.Err()
		<-child.Done()
		derived = child.Err()
		return nil
	})
	rec := f.post(t, hookBody("test:ctx", `{}`), func(r *http.Request) {
		*r = *r.WithContext(parent)
		r.Header.Set(HeaderAttemptCount, "1")
	})
	requireAnswer(t, rec, 200, "")
	require.Equal(t, "from the request", value)
	require.Equal(t, Delivery{Attempt: 1, Verified: true}, delivery)
	require.NoError(t, before)
	require.ErrorIs(t, after, context.Canceled)
	require.ErrorIs(t, derived, context.Canceled)
}

// A body shorter than its announced Content-Length is cut: malformed, and
// not handed to the router.
func TestShortBodyIsMalformed(t *testing.T) {
	f := newFixture(t)
	rec := f.post(t, vectorBody, func(r *http.Request) { r.ContentLength = int64(len(vectorBody)) + 10 })
	requireAnswer(t, rec, 400, "malformed_body")
	require.Empty(t, f.sends)
	require.Len(t, f.log.all(), 1)
	require.ErrorIs(t, f.log.all()[0].err, ErrMalformedBody)
}

// Concurrent deliveries, half of them badly signed, are each judged on
// their own signature (the handler reuses its HMAC states across
// requests).
func TestConcurrentDeliveriesAreVerifiedOneByOne(t *testing.T) {
	f := newFixture(t)
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for i := range 50 {
				body := hookBody("message:send", `{"session_id":"s`+strconv.Itoa(g*100+i)+`","content":"hi"}`)
				good := (g+i)%2 == 0
				rec := f.post(t, body, func(r *http.Request) {
					if !good {
						sig := []byte(Sign(testSecret, vectorMS, []byte(body)))
						sig[7] ^= 1 // still hex
						r.Header.Set(HeaderSignature, string(sig))
					}
				})
				if good && rec.Code != 200 || !good && rec.Code != 401 {
					t.Errorf("good=%v: answered %d", good, rec.Code)
				}
			}
		})
	}
	wg.Wait()
	require.Len(t, f.sends, 16*50/2)
}

// Changing the header values of one answer (as a middleware may) does not
// reach the next answer.
func TestAnswerHeadersAreNotShared(t *testing.T) {
	f := newFixture(t)
	rec := f.post(t, vectorBody)
	requireAnswer(t, rec, 200, "")
	h := rec.Header()
	h["Content-Type"] = append(h["Content-Type"], "text/plain")
	h["Cache-Control"][0] = "changed"
	rec = httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/hooks", strings.NewReader(vectorBody))
	req.Header.Set(HeaderTimestamp, vectorMS)
	req.Header.Set(HeaderSignature, Sign(testSecret, vectorMS, []byte(vectorBody)))
	f.h.ServeHTTP(rec, req)
	requireAnswer(t, rec, 200, "")
	require.Equal(t, []string{"application/json"}, rec.Header()["Content-Type"])
	require.Equal(t, []string{"no-store"}, rec.Header()["Cache-Control"])
}

// nopWriter is a ResponseWriter that keeps one header map and discards
// the rest, so that only what answer itself allocates is counted.
type nopWriter struct{ h http.Header }

func (w *nopWriter) Header() http.Header         { return w.h }
func (w *nopWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *nopWriter) WriteHeader(int)             {}

// WriteString is what io.WriteString uses, as it does with net/http's
// writer.
func (w *nopWriter) WriteString(s string) (int, error) { return len(s), nil }

// TestAnswerHeadersRideInTheRequest: the success answer's header values
// are kept in the delivery's own allocation, not in slices of their own.
func TestAnswerHeadersRideInTheRequest(t *testing.T) {
	w := &nopWriter{h: http.Header{"Content-Type": nil, "Cache-Control": nil}}
	var vals [2]string
	allocs := testing.AllocsPerRun(100, func() { answer(w, http.StatusOK, "", &vals) })
	require.Zero(t, allocs, "answer with the request's array")
	require.Equal(t, []string{"application/json"}, w.h["Content-Type"])
	require.Equal(t, []string{"no-store"}, w.h["Cache-Control"])
	require.Equal(t, 1, cap(w.h["Content-Type"]), "no spare capacity: an append copies")
}
