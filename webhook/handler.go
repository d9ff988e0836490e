package webhook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/internal/jsonx"
)

// DefaultMaxBodySize is the largest body Handler reads unless
// WithMaxBodySize says otherwise.
const DefaultMaxBodySize = 1 << 20

// Errors Handler reports to its error log for requests it rejects, besides
// ErrMissingSignature, ErrBadSignature and ErrStaleTimestamp (all 401).
var (
	// ErrMethodNotAllowed: the request was not a POST (405).
	ErrMethodNotAllowed = errors.New("webhook: method not allowed")
	// ErrBodyTooLarge: the body exceeded the size limit (413).
	ErrBodyTooLarge = errors.New("webhook: body too large")
	// ErrMalformedBody: the body could not be read, was not a JSON object
	// of the web hook shape, or lacked "event" or "data" (400).
	ErrMalformedBody = errors.New("webhook: malformed body")
)

// PanicError is reported when an event handler panics; Handler recovers
// the panic and answers as for a handler error.
type PanicError struct {
	// Value is the value the handler panicked with.
	Value any
	// Stack is the goroutine's stack at the panic.
	Stack []byte
}

// Error describes the panic in one line (the stack is in Stack).
func (e *PanicError) Error() string {
	return fmt.Sprintf("webhook: event handler panicked: %v", e.Value)
}

// Unwrap returns Value if it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// Option configures a Handler.
type Option func(*Handler)

// WithSecret sets the hook secret (plugin hooks). With a secret, requests
// without a valid signature and a fresh timestamp are answered 401. An
// empty secret turns verification off, as for unsigned website hooks.
func WithSecret(secret string) Option { return func(h *Handler) { h.secret = secret } }

// WithTolerance sets how far X-Crisp-Request-Timestamp may be from the
// local clock, in either direction (default DefaultTolerance). 0 or less
// turns the check off. The timestamp is only checked with WithSecret.
func WithTolerance(d time.Duration) Option { return func(h *Handler) { h.tolerance = d } }

// WithMaxBodySize sets the largest body read, in bytes (default
// DefaultMaxBodySize, which 0 or less restores); a larger one is answered
// 413.
func WithMaxBodySize(n int64) Option {
	return func(h *Handler) {
		if n <= 0 {
			n = DefaultMaxBodySize
		}
		h.maxBody = n
	}
}

// WithErrorLog sets where errors go. It receives every rejected request
// (with a nil event; the error is
// ErrMethodNotAllowed, ErrBodyTooLarge, ErrMalformedBody,
// ErrMissingSignature, ErrBadSignature or ErrStaleTimestamp, possibly
// wrapped) and every error an event handler returned, including a
// *PanicError for a panic. It runs before the answer is sent, on the
// request's goroutine, and may be called concurrently. The default writes
// to the standard logger (package log); nil restores it.
func WithErrorLog(fn func(ctx context.Context, ev *events.Event, err error)) Option {
	return func(h *Handler) { h.errorLog = fn }
}

// WithRetryOnError answers 500 when an event handler fails or panics, so
// that Crisp delivers the event again (up to its attempt limit), instead of
// the default 200. Use it when your handlers fail only transiently and
// tolerate duplicate deliveries.
func WithRetryOnError() Option { return func(h *Handler) { h.retryOnError = true } }

// WithClock sets the clock timestamps are checked against (default
// time.Now), for tests.
func WithClock(now func() time.Time) Option { return func(h *Handler) { h.now = now } }

// Handler is an http.Handler that receives Crisp web hooks and dispatches
// them through an events.Router. Make one with NewHandler; it is safe for
// concurrent use. See the package documentation for what it answers.
type Handler struct {
	router       *events.Router
	secret       string
	signer       *signer
	tolerance    time.Duration
	maxBody      int64
	errorLog     func(context.Context, *events.Event, error)
	retryOnError bool
	now          func() time.Time
}

// NewHandler returns a Handler dispatching to router (which must not be
// nil; handlers may be added to it later).
func NewHandler(router *events.Router, opts ...Option) *Handler {
	if router == nil {
		panic("webhook: nil router")
	}
	h := &Handler{router: router, tolerance: DefaultTolerance, maxBody: DefaultMaxBodySize}
	for _, o := range opts {
		o(h)
	}
	if h.now == nil {
		h.now = time.Now
	}
	if h.errorLog == nil {
		h.errorLog = logError
	}
	h.signer = newSigner(h.secret)
	return h
}

func logError(_ context.Context, ev *events.Event, err error) {
	if ev != nil {
		log.Printf("webhook: %s: %v", ev.Name, err)
		return
	}
	log.Printf("%v", err)
}

// Delivery describes the request an event arrived in.
type Delivery struct {
	// Origin is the X-Crisp-Hook-Origin header.
	Origin string
	// Attempt and AttemptLimit are the X-Delivery-Attempt-Count and
	// X-Delivery-Attempt-Limit headers (0 when missing or not numbers).
	Attempt, AttemptLimit int
	// Verified tells whether the signature was checked (WithSecret).
	Verified bool
}

type deliveryKey struct{}

// request is what Handler allocates for one delivery besides the body and
// the decoded data: the event, the context its handlers get, and the
// values of the answer's headers.
type request struct {
	ctx     deliveryContext
	ev      events.Event
	headers [2]string
}

// deliveryContext is the request's context with its Delivery, which
// context.WithValue would allocate twice for (the context, and the
// Delivery in an interface).
type deliveryContext struct {
	context.Context
	d Delivery
}

func (c *deliveryContext) Value(key any) any {
	if _, ok := key.(deliveryKey); ok {
		return c.d
	}
	return c.Context.Value(key)
}

// DeliveryFromContext returns the delivery an event handler run by Handler
// is handling.
func DeliveryFromContext(ctx context.Context) (Delivery, bool) {
	d, ok := ctx.Value(deliveryKey{}).(Delivery)
	return d, ok
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.reject(w, r, http.StatusMethodNotAllowed, "method_not_allowed", fmt.Errorf("%w: %s", ErrMethodNotAllowed, r.Method))
		return
	}

	if r.ContentLength > h.maxBody {
		h.reject(w, r, http.StatusRequestEntityTooLarge, "body_too_large", fmt.Errorf("%w: %d bytes (limit %d)", ErrBodyTooLarge, r.ContentLength, h.maxBody))
		return
	}
	body, err := h.readBody(w, r)
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			h.reject(w, r, http.StatusRequestEntityTooLarge, "body_too_large", fmt.Errorf("%w: limit %d bytes", ErrBodyTooLarge, h.maxBody))
			return
		}
		h.reject(w, r, http.StatusBadRequest, "malformed_body", fmt.Errorf("%w: read: %v", ErrMalformedBody, err))
		return
	}

	if h.secret != "" {
		err := h.signer.verifyAt(r.Header.Get(HeaderTimestamp), body, r.Header.Get(HeaderSignature), h.now(), h.tolerance)
		if err != nil {
			reason := "bad_signature"
			switch {
			case errors.Is(err, ErrMissingSignature):
				reason = "missing_signature"
			case errors.Is(err, ErrStaleTimestamp):
				reason = "stale_timestamp"
			}
			h.reject(w, r, http.StatusUnauthorized, reason, err)
			return
		}
	}

	req := &request{}
	if err := decodeInto(body, &req.ev); err != nil {
		h.reject(w, r, http.StatusBadRequest, "malformed_body", err)
		return
	}
	req.ctx = deliveryContext{Context: ctx, d: Delivery{
		Origin:       r.Header.Get(HeaderOrigin),
		Attempt:      atoi(r.Header.Get(HeaderAttemptCount)),
		AttemptLimit: atoi(r.Header.Get(HeaderAttemptLimit)),
		Verified:     h.secret != "",
	}}
	ctx, ev := &req.ctx, &req.ev
	if err := h.dispatch(ctx, ev); err != nil {
		h.report(ctx, ev, err)
		if h.retryOnError {
			answer(w, http.StatusInternalServerError, "handler_error", &req.headers)
			return
		}
	}
	answer(w, http.StatusOK, "", &req.headers)
}

// readBody reads the whole body, up to h.maxBody bytes: into a buffer of
// the announced length when there is one (ServeHTTP refused a longer one
// already, and the server cuts the body there), else through
// http.MaxBytesReader.
func (h *Handler) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.ContentLength < 0 {
		return io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))
	}
	body := make([]byte, r.ContentLength)
	if _, err := io.ReadFull(r.Body, body); err != nil {
		return nil, err
	}
	return body, nil
}

// decode reads a web hook body into an event.
func decode(body []byte) (*events.Event, error) {
	var ev events.Event
	if err := decodeInto(body, &ev); err != nil {
		return nil, err
	}
	return &ev, nil
}

// decodeInto is decode into ev (with encoding/json's result and errors,
// through the fast codec).
func decodeInto(body []byte, ev *events.Event) error {
	if err := jsonx.Decode(body, ev); err != nil {
		return fmt.Errorf("%w: %v", ErrMalformedBody, err)
	}
	if ev.Name == "" {
		return fmt.Errorf("%w: no event name", ErrMalformedBody)
	}
	if len(ev.Data) == 0 || bytes.Equal(bytes.TrimSpace(ev.Data), []byte("null")) {
		return fmt.Errorf("%w: %s: no data", ErrMalformedBody, ev.Name)
	}
	return nil
}

// dispatch runs the router, turning a panic into a *PanicError.
func (h *Handler) dispatch(ctx context.Context, ev *events.Event) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &PanicError{Value: v, Stack: debug.Stack()}
		}
	}()
	return h.router.Dispatch(ctx, ev)
}

func (h *Handler) reject(w http.ResponseWriter, r *http.Request, status int, reason string, err error) {
	h.report(r.Context(), nil, err)
	answer(w, status, reason, nil)
}

// report sends err to the error log, which must not bring the server down
// either.
func (h *Handler) report(ctx context.Context, ev *events.Event, err error) {
	defer func() {
		if v := recover(); v != nil {
			log.Printf("webhook: error log panicked: %v (reporting %v)", v, err)
		}
	}()
	h.errorLog(ctx, ev, err)
}

// answer writes the small JSON body Crisp gets back (it reads only the
// status). The headers' values are kept in values, an array of this
// answer's own (the request's, or a new one when nil), rather than in two
// slices of their own as Header.Set would allocate; each is its own slice
// with no spare capacity, so that an append copies it and a change of one
// answer's values stays in that answer.
func answer(w http.ResponseWriter, status int, reason string, values *[2]string) {
	if values == nil {
		values = new([2]string)
	}
	values[0], values[1] = "application/json", "no-store"
	h := w.Header()
	h["Content-Type"] = values[0:1:1]
	h["Cache-Control"] = values[1:2:2]
	w.WriteHeader(status)
	if reason == "" {
		_, _ = io.WriteString(w, `{"ok":true}`+"\n")
		return
	}
	_, _ = io.WriteString(w, `{"ok":false,"error":"`+reason+`"}`+"\n")
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return n
}
