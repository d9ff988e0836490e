package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"

	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/events"
	"github.com/stretchr/testify/require"
)

type messageSend struct {
	SessionID string `json:"session_id"`
	Content   string `json:"content"`
}

// reported is one call of the error log.
type reported struct {
	ev  *events.Event
	err error
}

// errLog collects what a Handler reports.
type errLog struct {
	mu  sync.Mutex
	got []reported
}

func (l *errLog) log(_ context.Context, ev *events.Event, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.got = append(l.got, reported{ev, err})
}

func (l *errLog) all() []reported {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]reported(nil), l.got...)
}

// fixture is a Handler on a fixed clock, at vectorTime, with a router whose
// handlers record what they get.
type fixture struct {
	h      *Handler
	log    *errLog
	router *events.Router
	mu     sync.Mutex
	sends  []messageSend
}

func newFixture(t *testing.T, opts ...Option) *fixture {
	t.Helper()
	f := &fixture{log: &errLog{}, router: events.NewRouter()}
	events.On(f.router, "message:send", func(ctx context.Context, m messageSend, ev *events.Event) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.sends = append(f.sends, m)
		return nil
	})
	f.router.Handle("test:fail", func(context.Context, *events.Event) error { return errBoom })
	f.router.Handle("test:panic", func(context.Context, *events.Event) error { panic("kaboom") })
	base := []Option{WithSecret(testSecret), WithClock(func() time.Time { return vectorTime }), WithErrorLog(f.log.log)}
	f.h = NewHandler(f.router, append(base, opts...)...)
	return f
}

var errBoom = errors.New("boom")

// post sends body to the handler, signed with testSecret at vectorMS
// unless edit changes the request.
func (f *fixture) post(t *testing.T, body string, edit ...func(*http.Request)) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/hooks", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(HeaderTimestamp, vectorMS)
	req.Header.Set(HeaderSignature, Sign(testSecret, vectorMS, []byte(body)))
	for _, e := range edit {
		e(req)
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	return rec
}

func hookBody(event string, data string) string {
	return `{"website_id":"` + crisptest.WebsiteID + `","event":"` + event + `","data":` + data + `,"timestamp":1700000000000}`
}

func requireAnswer(t *testing.T, rec *httptest.ResponseRecorder, status int, reason string) {
	t.Helper()
	require.Equal(t, status, rec.Code, rec.Body.String())
	require.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	var out struct {
		OK    bool   `json:"ok"`
		Error string `json:"error"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out))
	require.Equal(t, reason == "", out.OK)
	require.Equal(t, reason, out.Error)
}

func TestHandlerDispatchesTypedEvent(t *testing.T) {
	f := newFixture(t)
	rec := f.post(t, vectorBody)
	requireAnswer(t, rec, 200, "")
	require.Equal(t, []messageSend{{"session_1", "hi"}}, f.sends)
	require.Empty(t, f.log.all())
}

func TestHandlerAcceptsSecondsTimestamps(t *testing.T) {
	f := newFixture(t)
	rec := f.post(t, vectorBody, func(r *http.Request) {
		r.Header.Set(HeaderTimestamp, vectorS)
		r.Header.Set(HeaderSignature, vectorSigS)
	})
	requireAnswer(t, rec, 200, "")
	require.Len(t, f.sends, 1)
}

func TestHandlerMethodNotAllowed(t *testing.T) {
	f := newFixture(t)
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPut, http.MethodOptions} {
		req := httptest.NewRequest(m, "/hooks", nil)
		rec := httptest.NewRecorder()
		f.h.ServeHTTP(rec, req)
		require.Equal(t, 405, rec.Code, m)
		require.Equal(t, "POST", rec.Header().Get("Allow"))
	}
	logged := f.log.all()
	require.Len(t, logged, 4)
	require.ErrorIs(t, logged[0].err, ErrMethodNotAllowed)
	require.Nil(t, logged[0].ev)
}

func TestHandlerBodyTooLarge(t *testing.T) {
	big := hookBody("message:send", `{"content":"`+strings.Repeat("x", 200)+`"}`)
	t.Run("content length", func(t *testing.T) {
		f := newFixture(t, WithMaxBodySize(100))
		requireAnswer(t, f.post(t, big), 413, "body_too_large")
		require.ErrorIs(t, f.log.all()[0].err, ErrBodyTooLarge)
		require.Empty(t, f.sends)
	})
	t.Run("chunked", func(t *testing.T) {
		f := newFixture(t, WithMaxBodySize(100))
		rec := f.post(t, big, func(r *http.Request) {
			r.ContentLength = -1
			r.Body = io.NopCloser(iotest.OneByteReader(strings.NewReader(big)))
		})
		requireAnswer(t, rec, 413, "body_too_large")
		require.ErrorIs(t, f.log.all()[0].err, ErrBodyTooLarge)
	})
	t.Run("default limit", func(t *testing.T) {
		f := newFixture(t, WithMaxBodySize(0))
		huge := hookBody("message:send", `{"content":"`+strings.Repeat("x", DefaultMaxBodySize)+`"}`)
		requireAnswer(t, f.post(t, huge), 413, "body_too_large")
		requireAnswer(t, f.post(t, big), 200, "")
	})
	t.Run("exactly the limit", func(t *testing.T) {
		f := newFixture(t, WithMaxBodySize(int64(len(vectorBody))))
		requireAnswer(t, f.post(t, vectorBody), 200, "")
	})
}

func TestHandlerBodyReadError(t *testing.T) {
	f := newFixture(t)
	rec := f.post(t, "", func(r *http.Request) {
		r.ContentLength = -1
		r.Body = io.NopCloser(iotest.ErrReader(errors.New("connection reset")))
	})
	requireAnswer(t, rec, 400, "malformed_body")
	require.ErrorIs(t, f.log.all()[0].err, ErrMalformedBody)
}

func TestHandlerMalformedBodies(t *testing.T) {
	for name, body := range map[string]string{
		"empty":              ``,
		"not JSON":           `event=message:send`,
		"truncated":          vectorBody[:40],
		"trailing garbage":   vectorBody + `}`,
		"array":              `[` + vectorBody + `]`,
		"null":               `null`,
		"string":             `"message:send"`,
		"no event":           `{"website_id":"w","data":{}}`,
		"empty event":        hookBody("", `{}`),
		"event not a string": `{"event":42,"data":{}}`,
		"no data":            `{"website_id":"w","event":"message:send"}`,
		"null data":          hookBody("message:send", `null`),
		"timestamp a string": `{"event":"message:send","data":{},"timestamp":"now"}`,
	} {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			requireAnswer(t, f.post(t, body), 400, "malformed_body")
			logged := f.log.all()
			require.Len(t, logged, 1)
			require.ErrorIs(t, logged[0].err, ErrMalformedBody)
			require.Empty(t, f.sends)
		})
	}
}

func TestHandlerUnauthorized(t *testing.T) {
	for _, tt := range []struct {
		name   string
		edit   func(*http.Request)
		reason string
		err    error
	}{
		{"no signature", func(r *http.Request) { r.Header.Del(HeaderSignature) }, "missing_signature", ErrMissingSignature},
		{"no timestamp", func(r *http.Request) { r.Header.Del(HeaderTimestamp) }, "missing_signature", ErrMissingSignature},
		{"no headers", func(r *http.Request) { r.Header.Del(HeaderTimestamp); r.Header.Del(HeaderSignature) }, "missing_signature", ErrMissingSignature},
		{"bad signature", func(r *http.Request) { r.Header.Set(HeaderSignature, strings.Repeat("ab", 32)) }, "bad_signature", ErrBadSignature},
		{"wrong secret", func(r *http.Request) {
			r.Header.Set(HeaderSignature, Sign("other-secret", vectorMS, []byte(vectorBody)))
		}, "bad_signature", ErrBadSignature},
		{"tampered body", func(r *http.Request) {
			r.Body = io.NopCloser(strings.NewReader(strings.Replace(vectorBody, `"hi"`, `"ho"`, 1)))
		}, "bad_signature", ErrBadSignature},
		{"timestamp swapped", func(r *http.Request) { r.Header.Set(HeaderTimestamp, "1700000000001") }, "bad_signature", ErrBadSignature},
		{"stale, past", func(r *http.Request) {
			ts := strconv.FormatInt(vectorTime.Add(-6*time.Minute).UnixMilli(), 10)
			r.Header.Set(HeaderTimestamp, ts)
			r.Header.Set(HeaderSignature, Sign(testSecret, ts, []byte(vectorBody)))
		}, "stale_timestamp", ErrStaleTimestamp},
		{"stale, future", func(r *http.Request) {
			ts := strconv.FormatInt(vectorTime.Add(6*time.Minute).Unix(), 10)
			r.Header.Set(HeaderTimestamp, ts)
			r.Header.Set(HeaderSignature, Sign(testSecret, ts, []byte(vectorBody)))
		}, "stale_timestamp", ErrStaleTimestamp},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			requireAnswer(t, f.post(t, vectorBody, tt.edit), 401, tt.reason)
			logged := f.log.all()
			require.Len(t, logged, 1)
			require.ErrorIs(t, logged[0].err, tt.err)
			require.Nil(t, logged[0].ev)
			require.Empty(t, f.sends)
		})
	}
}

func TestHandlerSignatureCheckedBeforeDecoding(t *testing.T) {
	// A forged request is 401 even when its body is not a web hook, so a
	// caller without the secret learns nothing about the body check.
	f := newFixture(t)
	requireAnswer(t, f.post(t, `not json`, func(r *http.Request) { r.Header.Del(HeaderSignature) }), 401, "missing_signature")
}

func TestHandlerTolerance(t *testing.T) {
	late := func(r *http.Request) {
		ts := strconv.FormatInt(vectorTime.Add(-time.Minute).UnixMilli(), 10)
		r.Header.Set(HeaderTimestamp, ts)
		r.Header.Set(HeaderSignature, Sign(testSecret, ts, []byte(vectorBody)))
	}
	requireAnswer(t, newFixture(t).post(t, vectorBody, late), 200, "")
	requireAnswer(t, newFixture(t, WithTolerance(30*time.Second)).post(t, vectorBody, late), 401, "stale_timestamp")
	// 0 disables the check: a year-old authentic request passes.
	f := newFixture(t, WithTolerance(0), WithClock(func() time.Time { return vectorTime.AddDate(1, 0, 0) }))
	requireAnswer(t, f.post(t, vectorBody), 200, "")
}

func TestHandlerWithoutSecret(t *testing.T) {
	// Website hooks are unsigned: no secret, no check of signature or
	// timestamp.
	f := newFixture(t, WithSecret(""))
	rec := f.post(t, vectorBody, func(r *http.Request) {
		r.Header.Del(HeaderSignature)
		r.Header.Del(HeaderTimestamp)
	})
	requireAnswer(t, rec, 200, "")
	rec = f.post(t, vectorBody, func(r *http.Request) { r.Header.Set(HeaderSignature, "garbage") })
	requireAnswer(t, rec, 200, "")
	require.Len(t, f.sends, 2)
	requireAnswer(t, f.post(t, `{"event":"message:send"}`), 400, "malformed_body")
}

func TestHandlerUnknownEventIgnored(t *testing.T) {
	f := newFixture(t)
	requireAnswer(t, f.post(t, hookBody("session:removed", `{"session_id":"s"}`)), 200, "")
	require.Empty(t, f.log.all())
	require.Empty(t, f.sends)
}

func TestHandlerErrorLoggedStill200(t *testing.T) {
	f := newFixture(t)
	requireAnswer(t, f.post(t, hookBody("test:fail", `{}`)), 200, "")
	logged := f.log.all()
	require.Len(t, logged, 1)
	require.ErrorIs(t, logged[0].err, errBoom)
	require.NotNil(t, logged[0].ev)
	require.Equal(t, events.Name("test:fail"), logged[0].ev.Name)
	require.Equal(t, crisptest.WebsiteID, logged[0].ev.WebsiteID)
	require.Equal(t, int64(1700000000000), logged[0].ev.Timestamp)
}

func TestHandlerMalformedDataForTypedHandler(t *testing.T) {
	// The body is a web hook, but its data does not fit the handler's type:
	// that is the handler's error (events.ErrMalformed), logged and
	// acknowledged, since a redelivery would fail the same way.
	f := newFixture(t)
	requireAnswer(t, f.post(t, hookBody("message:send", `[1,2]`)), 200, "")
	logged := f.log.all()
	require.Len(t, logged, 1)
	require.ErrorIs(t, logged[0].err, events.ErrMalformed)
}

func TestHandlerPanicRecovered(t *testing.T) {
	f := newFixture(t)
	requireAnswer(t, f.post(t, hookBody("test:panic", `{}`)), 200, "")
	logged := f.log.all()
	require.Len(t, logged, 1)
	pe, ok := errors.AsType[*PanicError](logged[0].err)
	require.True(t, ok, "%T", logged[0].err)
	require.Equal(t, "kaboom", pe.Value)
	require.Contains(t, string(pe.Stack), "handler_test.go")
	require.Contains(t, pe.Error(), "kaboom")
	require.Equal(t, events.Name("test:panic"), logged[0].ev.Name)
	// The handler keeps serving.
	requireAnswer(t, f.post(t, vectorBody), 200, "")
	require.Len(t, f.sends, 1)
}

func TestPanicErrorUnwraps(t *testing.T) {
	r := events.NewRouter()
	r.Handle("x", func(context.Context, *events.Event) error { panic(errBoom) })
	elog := &errLog{}
	h := NewHandler(r, WithErrorLog(elog.log))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/", strings.NewReader(`{"event":"x","data":{}}`)))
	require.Equal(t, 200, rec.Code)
	require.ErrorIs(t, elog.all()[0].err, errBoom)
}

func TestHandlerRetryOnError(t *testing.T) {
	f := newFixture(t, WithRetryOnError())
	requireAnswer(t, f.post(t, hookBody("test:fail", `{}`)), 500, "handler_error")
	requireAnswer(t, f.post(t, hookBody("test:panic", `{}`)), 500, "handler_error")
	require.Len(t, f.log.all(), 2)
	// Success and unknown events are still 200.
	requireAnswer(t, f.post(t, vectorBody), 200, "")
	requireAnswer(t, f.post(t, hookBody("session:removed", `{}`)), 200, "")
}

func TestHandlerErrorLogPanicDoesNotCrash(t *testing.T) {
	r := events.NewRouter()
	r.Handle("x", func(context.Context, *events.Event) error { return errBoom })
	h := NewHandler(r, WithErrorLog(func(context.Context, *events.Event, error) { panic("log broke") }))
	for _, body := range []string{`{"event":"x","data":{}}`, `nope`} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("POST", "/", strings.NewReader(body)))
		require.Contains(t, []int{200, 400}, rec.Code)
	}
}

func TestHandlerDefaultErrorLog(t *testing.T) {
	// The default error log writes through package log; it must not panic
	// with or without an event.
	r := events.NewRouter()
	r.Handle("x", func(context.Context, *events.Event) error { return errBoom })
	h := NewHandler(r, WithErrorLog(nil))
	var buf bytes.Buffer
	log.SetOutput(&buf)
	defer log.SetOutput(os.Stderr)
	for _, body := range []string{`{"event":"x","data":{}}`, `nope`} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("POST", "/", strings.NewReader(body)))
	}
	require.Contains(t, buf.String(), "webhook: x: boom")
	require.Contains(t, buf.String(), "webhook: malformed body")
}

func TestNewHandlerNilRouter(t *testing.T) {
	require.Panics(t, func() { NewHandler(nil) })
}

func TestDeliveryFromContext(t *testing.T) {
	f := newFixture(t)
	var got Delivery
	var gotOK bool
	var ctxErr error
	f.router.Handle("test:delivery", func(ctx context.Context, ev *events.Event) error {
		got, gotOK = DeliveryFromContext(ctx)
		ctxErr = ctx.Err()
		return nil
	})
	rec := f.post(t, hookBody("test:delivery", `{}`), func(r *http.Request) {
		r.Header.Set(HeaderOrigin, "plugin/rtm abc production")
		r.Header.Set(HeaderAttemptCount, "2")
		r.Header.Set(HeaderAttemptLimit, "3")
	})
	requireAnswer(t, rec, 200, "")
	require.True(t, gotOK)
	require.NoError(t, ctxErr)
	require.Equal(t, Delivery{Origin: "plugin/rtm abc production", Attempt: 2, AttemptLimit: 3, Verified: true}, got)

	_, ok := DeliveryFromContext(t.Context())
	require.False(t, ok)

	f = newFixture(t, WithSecret(""))
	f.router.Handle("test:delivery", func(ctx context.Context, ev *events.Event) error {
		got, gotOK = DeliveryFromContext(ctx)
		return nil
	})
	rec = f.post(t, hookBody("test:delivery", `{}`), func(r *http.Request) { r.Header.Set(HeaderAttemptCount, "x") })
	requireAnswer(t, rec, 200, "")
	require.Equal(t, Delivery{}, got)
}

func TestHandlerUsesRequestContext(t *testing.T) {
	type key struct{}
	f := newFixture(t)
	var got any
	f.router.Handle("test:ctx", func(ctx context.Context, ev *events.Event) error {
		got = ctx.Value(key{})
		return nil
	})
	rec := f.post(t, hookBody("test:ctx", `{}`), func(r *http.Request) {
		*r = *r.WithContext(context.WithValue(r.Context(), key{}, "from request"))
	})
	requireAnswer(t, rec, 200, "")
	require.Equal(t, "from request", got)
}

func TestHandlerConcurrent(t *testing.T) {
	f := newFixture(t)
	var wg sync.WaitGroup
	for i := range 32 {
		wg.Go(func() {
			body := vectorBody
			if i%4 == 0 {
				body = hookBody("test:fail", `{}`)
			}
			rec := f.post(t, body)
			if rec.Code != 200 {
				t.Errorf("status %d", rec.Code)
			}
		})
	}
	// Handlers may be added while events are dispatched.
	f.router.Handle("late", func(context.Context, *events.Event) error { return nil })
	wg.Wait()
	require.Len(t, f.sends, 24)
	require.Len(t, f.log.all(), 8)
}

// TestEndToEnd has crisptest deliver signed hooks, as Crisp does, to a
// real HTTP server running the Handler.
func TestEndToEnd(t *testing.T) {
	crisp := crisptest.Start(t)
	router := events.NewRouter()
	got := make(chan messageSend, 1)
	events.On(router, "message:send", func(ctx context.Context, m messageSend, ev *events.Event) error {
		if ev.WebsiteID != crisptest.WebsiteID {
			return errors.New("wrong website " + ev.WebsiteID)
		}
		if d, ok := DeliveryFromContext(ctx); !ok || !d.Verified || d.Attempt != 1 || d.AttemptLimit != 3 || d.Origin == "" {
			return errors.New("bad delivery info")
		}
		got <- m
		return nil
	})
	elog := &errLog{}
	srv := httptest.NewServer(NewHandler(router, WithSecret("hook-secret"), WithErrorLog(elog.log)))
	defer srv.Close()

	status, err := crisp.SendWebhook(t.Context(), srv.URL, "hook-secret", "message:send", messageSend{SessionID: "session_1", Content: "hello"})
	require.NoError(t, err)
	require.Equal(t, 200, status)
	require.Equal(t, messageSend{"session_1", "hello"}, <-got)
	require.Empty(t, elog.all())

	status, err = crisp.SendWebhook(t.Context(), srv.URL, "other-secret", "message:send", messageSend{})
	require.NoError(t, err)
	require.Equal(t, 401, status)
	status, err = crisp.SendWebhook(t.Context(), srv.URL, "", "message:send", messageSend{})
	require.NoError(t, err)
	require.Equal(t, 401, status)
	logged := elog.all()
	require.Len(t, logged, 2)
	require.ErrorIs(t, logged[0].err, ErrBadSignature)
	require.ErrorIs(t, logged[1].err, ErrMissingSignature)

	status, err = crisp.SendWebhook(t.Context(), srv.URL, "hook-secret", "session:removed", map[string]any{"session_id": "s"})
	require.NoError(t, err)
	require.Equal(t, 200, status)

	resp, err := http.Get(srv.URL)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 405, resp.StatusCode)
}
