package crisp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// RetryPolicy says which failed calls are retried and how long to wait.
//
// A call is retried on a network error (a success body cut while it is
// read is one), on 429 and 420 (rate limited) and on
// 500, 502, 503 and 504, when its method is idempotent (GET, HEAD, PUT,
// DELETE, OPTIONS). POST and PATCH are retried only with RetryNonIdempotent:
// Crisp has no idempotency keys, so resending "send message" may post it
// twice. Waits double from MinBackoff up to MaxBackoff, with jitter; a
// Retry-After header, when Crisp sends one, wins (capped at MaxBackoff).
// No wait outlasts the call's context: when the deadline would pass during
// the wait, the last answer is returned at once.
//
// Given to WithRetryPolicy, a zero field means its DefaultRetryPolicy
// value; WithMaxRetries(0) turns retries off.
type RetryPolicy struct {
	// MaxRetries is the number of retries after the first attempt (zero:
	// the default, 2).
	MaxRetries int
	// MinBackoff is the first wait (zero: the default, 500ms).
	MinBackoff time.Duration
	// MaxBackoff caps every wait, Retry-After included (zero: the
	// default, 10s).
	MaxBackoff time.Duration
	// RetryNonIdempotent also retries POST and PATCH.
	RetryNonIdempotent bool
}

// DefaultRetryPolicy returns the default policy: 2 retries, waits from
// 500ms to 10s, idempotent methods only.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxRetries: 2, MinBackoff: 500 * time.Millisecond, MaxBackoff: 10 * time.Second}
}

// maxDrain bounds how much of a discarded body is read so that its
// connection can be reused.
const maxDrain = 64 << 10

// doer sends requests for the generated client, with the call timeout and
// the retry policy. It never starts a goroutine.
type doer struct {
	// auth returns the Authorization header value, set on each request
	// just before it is sent (a closure, so that printing never shows it).
	auth func() []string
	// hc sends the requests when set (WithHTTPClient), else rt does.
	hc      *http.Client
	rt      http.RoundTripper
	policy  RetryPolicy
	timeout time.Duration
	sleep   func(ctx context.Context, d time.Duration) error
	// deadlines bounds the calls made with a bare context.
	deadlines *sharedDeadline
	// maxResponse caps the body of a success answer.
	maxResponse int64
}

// Do sends req, retrying as the policy says. The call timeout covers all
// attempts; it ends when the returned body is closed (or, for a call made
// with a bare context, at most 1/64 of the timeout after its deadline:
// see sharedDeadline).
func (d *doer) Do(req *http.Request) (*http.Response, error) {
	if d.auth != nil {
		req.Header["Authorization"] = d.auth()
	}
	ctx := req.Context()
	var cancel context.CancelFunc
	if d.timeout > 0 {
		switch dl, ok := ctx.Deadline(); {
		case d.deadlines != nil && bareContext(ctx):
			// No deadline, cancellation or values to keep: share the
			// deadline of the calls that start about now.
			ctx = d.deadlines.context(d.timeout)
			req = req.WithContext(ctx)
		case !ok || time.Until(dl) > d.timeout:
			// (A caller's deadline that comes first already bounds the
			// call: a timer of our own would change nothing.)
			ctx, cancel = context.WithTimeout(ctx, d.timeout)
			req = req.WithContext(ctx)
		}
	}
	resp, err := d.do(ctx, req)
	if cancel != nil {
		if err != nil {
			cancel()
			return resp, err
		}
		switch resp.Body.(type) {
		case *bufferedBody, failedBody:
			// Read already: nothing left for the deadline to bound.
			cancel()
		default:
			resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: cancel}
		}
	}
	return resp, err
}

func (d *doer) do(ctx context.Context, req *http.Request) (*http.Response, error) {
	retryable := d.policy.MaxRetries > 0 && (idempotent(req.Method) || d.policy.RetryNonIdempotent)
	for attempt := 0; ; attempt++ {
		resp, err := d.send(req)
		if err == nil {
			if err = d.readSuccess(req, resp); err != nil {
				resp = nil
			}
		}
		if !retryable || attempt >= d.policy.MaxRetries || !shouldRetry(resp, err) || ctx.Err() != nil {
			return resp, err
		}
		if req.Body != nil && req.GetBody == nil {
			return resp, err // the body cannot be sent again
		}
		wait := d.backoff(attempt, resp)
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			return resp, err // the wait would outlast the call
		}
		if resp != nil {
			drain(resp.Body)
		}
		if err := d.sleep(ctx, wait); err != nil {
			return nil, err
		}
		if req.GetBody != nil {
			body, err := req.GetBody()
			if err != nil {
				return nil, err
			}
			req = req.Clone(ctx)
			req.Body = body
		}
	}
}

// send makes one attempt. Through rt, it does what http.Client.Do does for
// a client without redirects, cookie jar or timeout: errors come as a
// *url.Error naming the method and URL, and a body is never nil.
func (d *doer) send(req *http.Request) (*http.Response, error) {
	if d.hc != nil {
		return d.hc.Do(req)
	}
	resp, err := d.rt.RoundTrip(req)
	if err != nil {
		if resp != nil && resp.Body != nil {
			_ = resp.Body.Close()
		}
		return nil, urlError(req, err)
	}
	if resp == nil {
		return nil, urlError(req, errors.New("transport returned no response and no error"))
	}
	if resp.Body == nil {
		resp.Body = http.NoBody
	}
	return resp, nil
}

// readSuccess reads the body of a success answer (2xx, not to a HEAD) to
// its end, within the cap, and replaces it with a bufferedBody. A body
// longer than the cap is replaced by a failedBody (the rest is not read,
// and the connection is closed): the answer is final. A read error is a
// network failure, returned as one (a *url.Error around a *bodyError):
// the body is closed, and the request may be retried.
func (d *doer) readSuccess(req *http.Request, resp *http.Response) error {
	if resp.StatusCode < 200 || resp.StatusCode > 299 || req.Method == http.MethodHead {
		return nil
	}
	buf, slot, err := readAll(resp.Body, resp.ContentLength, d.maxResponse)
	_ = resp.Body.Close()
	var tl *tooLargeError
	switch {
	case err == nil:
		resp.Body = &bufferedBody{buf: buf, slot: slot}
	case errors.As(err, &tl):
		resp.Body = failedBody{err}
	default:
		if cerr := req.Context().Err(); cerr != nil && !errors.Is(err, cerr) {
			err = fmt.Errorf("%w: %w", cerr, err)
		}
		return urlError(req, &bodyError{status: resp.StatusCode, err: err})
	}
	return nil
}

// bodyError is a transport failure while reading the body of an answer
// whose status line arrived.
type bodyError struct {
	status int
	err    error
}

func (e *bodyError) Error() string {
	return fmt.Sprintf("reading the body of a %d answer: %v", e.status, e.err)
}

func (e *bodyError) Unwrap() error { return e.err }

// urlError wraps err as http.Client.Do does: "Post \"https://...\": err".
func urlError(req *http.Request, err error) error {
	op := "Get" // an empty method is GET
	if m := req.Method; m != "" {
		op = m[:1] + strings.ToLower(m[1:])
	}
	return &url.Error{Op: op, URL: req.URL.String(), Err: err}
}

func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// shouldRetry reports whether an attempt failed in a way that a later one
// may not: a network error or a transient status.
func shouldRetry(resp *http.Response, err error) bool {
	return err != nil || transientStatus(resp.StatusCode)
}

// transientStatus reports whether an answer of this status may succeed if
// the same call is made later: 429 and 420 (rate limited), and 500, 502,
// 503 and 504. Every other status is final (501 Not Implemented and 505
// among them). It is the one definition the retry loop, Error.Temporary
// and the README share.
func transientStatus(code int) bool {
	switch code {
	case 420, http.StatusTooManyRequests,
		http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// backoff returns the wait before retry number attempt+1.
func (d *doer) backoff(attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if ra, ok := retryAfter(resp.Header.Get("Retry-After")); ok {
			return max(0, min(ra, d.policy.MaxBackoff))
		}
	}
	w := d.policy.MinBackoff << attempt
	if w <= 0 || w > d.policy.MaxBackoff {
		w = d.policy.MaxBackoff
	}
	// Full jitter in [w/2, w].
	if half := int64(w / 2); half > 0 {
		w = time.Duration(half + rand.Int64N(half+1))
	}
	return w
}

// retryAfter parses a Retry-After header: seconds or an HTTP date.
func retryAfter(v string) (time.Duration, bool) {
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil && s >= 0 {
		if s > int64(math.MaxInt64/time.Second) {
			return time.Duration(math.MaxInt64), true // longer than any cap
		}
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0), true
	}
	return 0, false
}

// sleepCtx waits for d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// drain reads what is left of a body (bounded) and closes it, so that the
// connection goes back to the pool.
func drain(body io.ReadCloser) {
	switch b := body.(type) {
	case nil:
		return
	case *bufferedBody, failedBody:
		_ = b.Close() // nothing to read from the network
		return
	}
	// io.CopyN(io.Discard, body, maxDrain), without its allocations.
	bp := bufPool.Get().(*[]byte)
	buf := (*bp)[:cap(*bp)]
	if len(buf) == 0 {
		buf = make([]byte, 8<<10)
		*bp = buf[:0]
	}
	for left := maxDrain; left > 0; {
		n, err := body.Read(buf[:min(len(buf), left)])
		left -= n
		if err != nil {
			break
		}
	}
	bufPool.Put(bp)
	_ = body.Close()
}

// cancelBody ends the call's context once the body is closed.
type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
