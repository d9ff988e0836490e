package crisp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Fuzz targets. The seeds (f.Add) run with plain `go test`; fuzz one with
//
//	go test -run '^$' -fuzz FuzzDecodeAnswer -fuzztime 20s ./crisp
//
// Interesting inputs found by fuzzing live in testdata/fuzz/<target>.

// closeTracker hands out response bodies and remembers whether each was
// closed.
type closeTracker struct {
	mu     sync.Mutex
	bodies []*trackedBody
}

type trackedBody struct {
	io.Reader
	closed atomic.Bool
}

func (b *trackedBody) Close() error { b.closed.Store(true); return nil }

func (ct *closeTracker) body(s []byte) io.ReadCloser {
	b := &trackedBody{Reader: strings.NewReader(string(s))}
	ct.mu.Lock()
	ct.bodies = append(ct.bodies, b)
	ct.mu.Unlock()
	return b
}

func (ct *closeTracker) allClosed() bool {
	ct.mu.Lock()
	defer ct.mu.Unlock()
	for _, b := range ct.bodies {
		if !b.closed.Load() {
			return false
		}
	}
	return true
}

// fuzzOps are the facade methods the decoding fuzz goes through: each
// kind of answer handling (a list, an object, a HEAD, no data, the 206 of
// messages), over idempotent and non-idempotent methods.
var fuzzOps = []struct {
	name       string
	idempotent bool
	head       bool
	call       func(ctx context.Context, c *Client) (ok bool, err error)
}{
	{"list", true, false, func(ctx context.Context, c *Client) (bool, error) {
		_, err := c.Website.ListConversations(ctx, wid, 1, nil)
		return err == nil, err
	}},
	{"get", true, false, func(ctx context.Context, c *Client) (bool, error) {
		v, err := c.Website.GetConversation(ctx, wid, "s")
		if err == nil && v == nil {
			return false, errors.New("nil data without an error")
		}
		return err == nil, err
	}},
	{"exists", true, true, func(ctx context.Context, c *Client) (bool, error) {
		ok, err := c.Website.CheckConversationExists(ctx, wid, "s")
		if err != nil && ok {
			return false, errors.New("true with an error")
		}
		return err == nil, err
	}},
	{"remove", true, false, func(ctx context.Context, c *Client) (bool, error) {
		err := c.Website.RemoveConversation(ctx, wid, "s")
		return err == nil, err
	}},
	{"messages", true, false, func(ctx context.Context, c *Client) (bool, error) {
		p, err := c.Website.GetMessagesInConversation(ctx, wid, "s", nil)
		if err == nil && p == nil {
			return false, errors.New("nil page without an error")
		}
		return err == nil, err
	}},
	{"send (POST)", false, false, func(ctx context.Context, c *Client) (bool, error) {
		_, err := c.Website.SendTextMessage(ctx, wid, "s", "hi")
		return err == nil, err
	}},
}

// FuzzDecodeAnswer feeds any status, content type, Retry-After and body
// to the facade through an in-memory transport. Whatever they are, the
// call returns data or an *Error (never panics), reports the status it
// got, classifies it consistently, closes every body, retries only
// idempotent methods on retryable statuses, and waits within the policy.
func FuzzDecodeAnswer(f *testing.F) {
	seeds := []struct {
		status      int
		contentType string
		retryAfter  string
		body        string
	}{
		{200, "application/json", "", okList},
		{200, "application/json", "", `{"error":false,"reason":"resolved","data":{"session_id":"s"}}`},
		{206, "application/json", "", messagesBody},
		{204, "", "", ""},
		{200, "application/json", "", ""},
		{200, "application/json", "", "null"},
		{200, "application/json", "", `{"error":false,"reason":"listed","data":[{"session_id":"s`},
		{200, "text/html", "", "<html>maintenance</html>"},
		{200, "application/json", "", `{"error":true,"reason":"invalid_session","data":{}}`},
		{200, "application/json", "", `{"error":false,"data":{"a":1}}`},
		{200, "application/json", "", `{"error":false,"data":"x"}`},
		{200, "application/json", "", `[]`},
		{201, "application/json", "", `{"error":false,"reason":"dispatched","data":{"fingerprint":1}}`},
		{400, "application/json", "", `{"error":true,"reason":"invalid_data","data":{"message":"data should have required property 'type'"}}`},
		{401, "application/json", "", `{"error":true,"reason":"invalid_session","data":{}}`},
		{403, "application/json", "", `{"error":true,"reason":"restricted_route_tier","data":{}}`},
		{404, "application/json", "", `{"error":true,"reason":"not_found","data":{"message":"the route does not exist"}}`},
		{404, "", "", ""},
		{420, "application/json", "", `{"error":true,"reason":"rate_limited","data":{}}`},
		{429, "application/json", "3", `{"error":true,"reason":"rate_limited","data":{}}`},
		{429, "application/json", "Wed, 21 Oct 2015 07:28:00 GMT", ""},
		{429, "application/json", "-1", ""},
		{429, "application/json", "9223372036854775807", ""},
		{503, "application/json", "99999999999", `{"error":true,"reason":"x"}`},
		{500, "application/json", "", `{"error":true,"reason":"x","data":{"message":1}}`},
		{500, "application/json", "", `{"error":true,"reason":"","data":{"message":"m"}}`},
		{502, "text/html", "", htmlError},
		{504, "", "", ""},
		{501, "application/json", "", `{"error":true,"reason":"not_implemented"}`},
		{302, "", "", ""},
		{100, "", "", ""},
		{999, "application/json", "", `{"error":false,"data":[]}`},
		{500, "application/json", "", `{"error":true,"reason":"a\nb","data":{"message":"line1\r\nline2"}}`},
		{200, "application/json", "", "{\"error\":false,\"data\":[]}\n{\"error\":true}"},
		{200, "application/json", "", "\xef\xbb\xbf{\"error\":false,\"data\":[]}"},
	}
	for i, s := range seeds {
		f.Add(s.status, s.contentType, s.retryAfter, []byte(s.body), uint8(i))
	}
	f.Fuzz(func(t *testing.T, status int, contentType, retryAfterValue string, body []byte, which uint8) {
		st := status
		if st < 100 || st > 999 {
			st = 100 + int(uint(status)%900) // a status line has three digits
		}
		op := fuzzOps[int(which)%len(fuzzOps)]
		tracker := &closeTracker{}
		m := &memTransport{}
		m.answer = func(req *http.Request) *http.Response {
			resp := jsonResponse(req, st, "")
			resp.Header = http.Header{}
			if contentType != "" {
				resp.Header.Set("Content-Type", contentType)
			}
			if retryAfterValue != "" {
				resp.Header.Set("Retry-After", retryAfterValue)
			}
			resp.Body = tracker.body(body)
			resp.ContentLength = int64(len(body))
			return resp
		}
		sleep, waits := noSleep()
		policy := RetryPolicy{MaxRetries: 1, MinBackoff: 10 * time.Millisecond, MaxBackoff: time.Second}
		c := memClient(t, m, WithRetryPolicy(policy), sleep)

		ok, err := op.call(t.Context(), c)

		require.True(t, tracker.allClosed(), "every body is closed")
		reqs := len(m.requests())
		if op.idempotent && transientStatus(st) {
			require.Equal(t, 2, reqs, "retried once")
		} else {
			require.Equal(t, 1, reqs, "not retried")
		}
		for _, w := range waits() {
			if w < 0 || w > policy.MaxBackoff {
				if n, perr := strconv.ParseInt(retryAfterValue, 10, 64); perr == nil && n > math.MaxInt64/int64(time.Second) {
					knownBug(t, "a Retry-After of more than 9223372036 seconds overflows into a negative wait: no wait at all")
				}
			}
			require.GreaterOrEqual(t, w, time.Duration(0))
			require.LessOrEqual(t, w, policy.MaxBackoff)
		}

		if err == nil {
			require.True(t, ok)
			require.True(t, (st >= 200 && st <= 299) || (op.head && st == 404), "success from a %d", st)
			if !op.head && op.name != "remove" {
				var env struct {
					Error bool `json:"error"`
				}
				require.NoError(t, json.NewDecoder(strings.NewReader(string(body))).Decode(&env), "data from a body that is not JSON")
				require.False(t, env.Error, "data from an error envelope")
			}
			return
		}
		var e *Error
		require.ErrorAsf(t, err, &e, "%T %v", err, err)
		require.Equal(t, st, e.StatusCode, "the error reports the status")
		require.NotEmpty(t, e.Operation)
		require.NotEmpty(t, e.Method)
		require.True(t, strings.HasPrefix(e.Path, "/v1/website/"+wid+"/"), e.Path)
		require.NotEmpty(t, e.Reason, "a reason always")
		require.Equal(t, st >= 500 && st <= 599, errors.Is(err, ErrServer))
		require.Equal(t, st == 404, errors.Is(err, ErrNotFound))
		require.Equal(t, st == 429 || st == 420, errors.Is(err, ErrRateLimited))
		require.False(t, errors.Is(err, ErrInvalidArgument))
		if errors.Is(err, ErrInvalidResponse) {
			require.True(t, st >= 200 && st <= 299)
		}
		text := err.Error()
		require.NotContains(t, text, "secret-key")
		require.LessOrEqual(t, len(text), 4*maxErrorText, "the error text is bounded")
		require.False(t, strings.ContainsAny(text, "\r\n"), "Error() is one line: %q", text)
	})
}

// FuzzPathParams: any string as a session ID, a people ID or a helpdesk
// tree path is refused with ErrInvalidArgument (empty, ".", "..") or
// reaches exactly the intended route, in its own segment, decoded back
// intact (see requireRoute).
func FuzzPathParams(f *testing.F) {
	for _, pc := range pathCases {
		f.Add(pc.value)
	}
	f.Add("session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881")
	f.Add("%")
	f.Add("%%2")
	f.Add("%zz")
	f.Add("a\u2028b\u202e")
	f.Add("..;")
	f.Add(".%2e")
	f.Fuzz(func(t *testing.T, v string) {
		reject := v == "" || v == "." || v == ".."
		for _, r := range pathRoutes {
			checkPathValue(t, r, v, reject)
		}
	})
}

// FuzzBackoff: whatever the Retry-After header and the policy, a wait is
// never negative and never longer than MaxBackoff.
func FuzzBackoff(f *testing.F) {
	for _, v := range []string{"", "0", "3", "-1", "+5", " 5", "1.5", "soon", "99999999999", "9223372036854775807", "18446744073709551616",
		"Wed, 21 Oct 2015 07:28:00 GMT", "Sun, 06 Nov 2994 08:49:37 GMT", "Monday, 02-Jan-06 15:04:05 MST"} {
		f.Add(v, uint8(0), int64(500*time.Millisecond), int64(10*time.Second))
	}
	f.Add("", uint8(63), int64(time.Millisecond), int64(time.Hour))
	f.Add("", uint8(200), int64(math.MaxInt64), int64(0))
	f.Fuzz(func(t *testing.T, v string, attempt uint8, minB, maxB int64) {
		p := RetryPolicy{MaxRetries: 3, MinBackoff: time.Duration(abs64(minB)), MaxBackoff: time.Duration(abs64(maxB))}
		d := &doer{policy: p}
		resp := &http.Response{Header: http.Header{}}
		if v != "" {
			resp.Header.Set("Retry-After", v)
		}
		w := d.backoff(int(attempt), resp)
		if w < 0 || w > p.MaxBackoff {
			if n, err := strconv.Atoi(v); err == nil && n > math.MaxInt64/int(time.Second) {
				knownBug(t, "a Retry-After of more than 9223372036 seconds overflows into a negative wait")
			}
		}
		require.GreaterOrEqual(t, w, time.Duration(0), "Retry-After %q", v)
		require.LessOrEqual(t, w, p.MaxBackoff, "Retry-After %q", v)
		// Without a usable header the wait stays within [MinBackoff/2, MaxBackoff].
		if _, ok := retryAfter(v); !ok && p.MinBackoff <= p.MaxBackoff && attempt == 0 {
			require.GreaterOrEqual(t, w, p.MinBackoff/2)
		}
	})
}

func abs64(n int64) int64 {
	if n == math.MinInt64 {
		return math.MaxInt64
	}
	if n < 0 {
		return -n
	}
	return n
}
