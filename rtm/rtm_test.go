package rtm_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/crisptest/rtmtest"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/internal/nodetest"
	"github.com/crisp-go/crisp-go/internal/sio"
	"github.com/crisp-go/crisp-go/rtm"
)

func TestMain(m *testing.M) {
	if helperProcess() {
		return
	}
	goleak.VerifyTestMain(m)
}

const (
	testID  = crisptest.Identifier
	testKey = crisptest.Key
)

// timeout bounds every wait of a test.
const timeout = 10 * time.Second

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), timeout)
	t.Cleanup(cancel)
	return ctx
}

// runner runs a client's Run in the background.
type runner struct {
	cancel context.CancelFunc
	done   chan error
}

func start(t *testing.T, c *rtm.Client) *runner {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &runner{cancel: cancel, done: make(chan error, 1)}
	go func() { r.done <- c.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(timeout):
			t.Error("Run did not return after cancel")
		}
	})
	return r
}

// stop cancels Run and returns its error.
func (r *runner) stop(t *testing.T) error {
	t.Helper()
	r.cancel()
	return r.result(t)
}

func (r *runner) result(t *testing.T) error {
	t.Helper()
	select {
	case err := <-r.done:
		r.done <- err // for the cleanup
		return err
	case <-time.After(timeout):
		t.Fatal("Run did not return")
		return nil
	}
}

// fast are the options most tests use: the fake's endpoint, a tiny
// backoff, a short dial timeout.
func fast(sock *rtmtest.Server, more ...rtm.Option) []rtm.Option {
	return append([]rtm.Option{
		rtm.WithEndpoint(sock.URL()),
		rtm.WithBackoff(5*time.Millisecond, 20*time.Millisecond),
		rtm.WithDialTimeout(5 * time.Second),
	}, more...)
}

func noop(context.Context, *events.Event) error { return nil }

func newClient(t *testing.T, router *events.Router, key string, opts ...rtm.Option) *rtm.Client {
	t.Helper()
	c, err := rtm.New(nil, crisp.TierPlugin, testID, key, router, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// lastAuth returns the last authentication the fake received.
func lastAuth(sock *rtmtest.Server) rtmtest.Authentication {
	auths := sock.Authentications()
	return auths[len(auths)-1]
}

func TestAuthenticationPayload(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	router := events.NewRouter()
	router.Handle("message:send", noop)
	router.Handle("session:set_email", noop)
	var logs nodetest.Buffer
	c := newClient(t, router, testKey, fast(sock,
		rtm.WithRooms("website-1", "website-2"),
		rtm.WithInboxes("inbox-1"),
		rtm.WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))),
	)...)
	r := start(t, c)

	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	got := lastAuth(sock)
	want := rtmtest.Authentication{
		SocketID: got.SocketID,
		Tier:     "plugin",
		Username: testID,
		KeyValid: true,
		Accepted: true,
		Events:   []string{"message:send", "session:set_email"},
		Rooms:    []string{"website-1", "website-2"},
		Inboxes:  []string{"inbox-1"},
	}
	if !jsonEqual(got, want) {
		t.Errorf("authentication = %+v, want %+v", got, want)
	}
	waitFor(t, c.Connected)

	conns := sock.Connections()
	if len(conns) == 0 || conns[0].Path != rtmtest.DefaultPath {
		t.Errorf("socket path = %+v, want %s (the endpoint URL's path)", conns, rtmtest.DefaultPath)
	}
	if len(conns) == 0 || !strings.HasPrefix(conns[0].UserAgent, "crisp-go/") {
		t.Errorf("User-Agent = %+v, want crisp-go/...", conns)
	}

	if err := c.Rebind(ctx); err != nil {
		t.Fatal(err)
	}
	if err := sock.Wait(ctx, func() bool { return len(sock.Binds()) == 1 }); err != nil {
		t.Fatal(err)
	}
	if err := r.stop(t); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	if l := logs.String(); !strings.Contains(l, "authenticated") || strings.Contains(l, testKey) {
		t.Errorf("log: want the authentication, never the key:\n%s", l)
	}
}

func TestAuthenticationPayloadOmitsEmptyRoomsAndExplicitEvents(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	router := events.NewRouter()
	router.Handle("message:send", noop)
	c := newClient(t, router, testKey, fast(sock, rtm.WithEvents("message:received", "message:send"))...)
	start(t, c)

	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	got := lastAuth(sock)
	if got.Rooms != nil || got.Inboxes != nil {
		t.Errorf("rooms or inboxes sent without WithRooms or WithInboxes: %+v", got)
	}
	if !slices.Equal(got.Events, []string{"message:received", "message:send"}) {
		t.Errorf("events = %v, want the WithEvents list", got.Events)
	}
}

// messageSend is the part of a message:send payload the tests read.
type messageSend struct {
	WebsiteID   string `json:"website_id"`
	SessionID   string `json:"session_id"`
	Type        string `json:"type"`
	Content     string `json:"content"`
	Fingerprint int64  `json:"fingerprint"`
	Timestamp   int64  `json:"timestamp"`
}

func TestEventsReachTypedHandlersInOrder(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	type got struct {
		m  messageSend
		ev *events.Event
	}
	msgs := make(chan got, 10)
	router := events.NewRouter()
	events.On(router, "message:send", func(_ context.Context, m messageSend, ev *events.Event) error {
		msgs <- got{m, ev}
		return nil
	})
	unknown := make(chan events.Name, 10)
	router.HandleUnknown(func(_ context.Context, ev *events.Event) error {
		unknown <- ev.Name
		return nil
	})
	c := newClient(t, router, testKey, fast(sock, rtm.WithEvents("message:send", "people:profile:created"))...)
	start(t, c)
	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if err := sock.Push(ctx, "message:send", map[string]any{
			"website_id":  "website-1",
			"session_id":  "session_1",
			"type":        "text",
			"content":     fmt.Sprintf("hello %d", i),
			"fingerprint": 163408342374311 + i,
			"timestamp":   1700000000123,
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sock.Push(ctx, "people:profile:created", map[string]any{"website_id": "website-1"}); err != nil {
		t.Fatal(err)
	}

	for i := range 3 {
		g := receive(t, msgs, "message:send")
		want := messageSend{"website-1", "session_1", "text", fmt.Sprintf("hello %d", i), 163408342374311 + int64(i), 1700000000123}
		if g.m != want {
			t.Errorf("event %d = %+v, want %+v", i, g.m, want)
		}
		if g.ev.Name != "message:send" || g.ev.WebsiteID != "website-1" {
			t.Errorf("event %d: name %q website %q", i, g.ev.Name, g.ev.WebsiteID)
		}
	}
	if n := receive(t, unknown, "the unknown event"); n != "people:profile:created" {
		t.Errorf("unknown handler got %q", n)
	}
}

func TestIntegersAbove2To53KeepTheirValue(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	const fp = int64(1)<<53 + 1 // 9007199254740993: a float64 holds ...992
	got := make(chan messageSend, 1)
	raw := make(chan json.RawMessage, 1)
	router := events.NewRouter()
	events.On(router, "message:send", func(_ context.Context, m messageSend, ev *events.Event) error {
		got <- m
		raw <- ev.Data
		return nil
	})
	start(t, newClient(t, router, testKey, fast(sock)...))
	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if err := sock.Push(ctx, "message:send", map[string]any{"fingerprint": fp, "timestamp": int64(1) << 62}); err != nil {
		t.Fatal(err)
	}
	m := receive(t, got, "message:send")
	if m.Fingerprint != fp || m.Timestamp != 1<<62 {
		t.Errorf("fingerprint %d timestamp %d, want %d and %d", m.Fingerprint, m.Timestamp, fp, int64(1)<<62)
	}
	if d := string(receive(t, raw, "the raw data")); !strings.Contains(d, "9007199254740993") {
		t.Errorf("Data = %s, want the exact integer", d)
	}
}

func TestHandlerErrorsGoToTheHook(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	boom := errors.New("boom")
	router := events.NewRouter()
	events.On(router, "message:send", func(context.Context, messageSend, *events.Event) error {
		return boom
	})
	errs := make(chan error, 10)
	c := newClient(t, router, testKey, fast(sock, rtm.WithErrorHandler(func(err error) {
		if strings.Contains(err.Error(), "handling") {
			errs <- err
		}
	}))...)
	start(t, c)
	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if err := sock.Push(ctx, "message:send", map[string]any{"content": "x"}); err != nil {
		t.Fatal(err)
	}
	if err := sock.Push(ctx, "message:send", "not an object"); err != nil {
		t.Fatal(err)
	}
	if err := receive(t, errs, "the handler's error"); !errors.Is(err, boom) {
		t.Errorf("first error = %v, want the handler's", err)
	}
	if err := receive(t, errs, "the decoding error"); !errors.Is(err, events.ErrMalformed) {
		t.Errorf("second error = %v, want events.ErrMalformed", err)
	}
}

// recorder counts OnConnect calls and keeps the reported errors.
type recorder struct {
	mu       sync.Mutex
	connects int
	errs     []error
}

func (r *recorder) options() []rtm.Option {
	return []rtm.Option{
		rtm.WithOnConnect(func() { r.mu.Lock(); r.connects++; r.mu.Unlock() }),
		rtm.WithErrorHandler(func(err error) { r.mu.Lock(); r.errs = append(r.errs, err); r.mu.Unlock() }),
	}
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.connects
}

// errorsMatching returns the reported errors whose text contains s.
func (r *recorder) errorsMatching(s string) []error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []error
	for _, err := range r.errs {
		if strings.Contains(err.Error(), s) {
			out = append(out, err)
		}
	}
	return out
}

func TestReconnectsAndAuthenticatesAgain(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	got := make(chan string, 1)
	router := events.NewRouter()
	events.On(router, "message:send", func(_ context.Context, m messageSend, _ *events.Event) error {
		got <- m.Content
		return nil
	})
	var rec recorder
	c := newClient(t, router, testKey, fast(sock, rec.options()...)...)
	start(t, c)

	connected := func(n int) func() bool {
		return func() bool { return rec.count() == n && c.Connected() }
	}
	// First drop: the server restarts (the connection closes).
	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	waitFor(t, connected(1))
	sock.DisconnectAll()
	// Second drop: the server ends the session (a disconnect packet).
	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	waitFor(t, connected(2))
	sock.KickAll()
	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	waitFor(t, connected(3))

	auths := sock.Authentications()
	if len(auths) != 3 || !auths[2].Accepted || !slices.Equal(auths[2].Events, []string{"message:send"}) {
		t.Errorf("authentications = %+v, want three", auths)
	}
	if err := sock.Push(ctx, "message:send", map[string]any{"content": "after reconnect"}); err != nil {
		t.Fatal(err)
	}
	if content := receive(t, got, "the event after reconnection"); content != "after reconnect" {
		t.Errorf("content = %q", content)
	}
	if lost, kicked := rec.errorsMatching("connection lost"), rec.errorsMatching("ended the session"); len(lost) != 1 || len(kicked) != 1 {
		t.Errorf("errors = %v, want one connection loss and one kick", rec.errs)
	}
	conns := sock.Connections()
	if len(conns) != 3 || conns[0].Reason != "forced close" || conns[1].Reason != "server namespace disconnect" {
		t.Errorf("connections = %+v", conns)
	}
}

// attempts returns the attempt numbers of the "reconnecting" log records.
type attemptLog struct {
	mu       sync.Mutex
	attempts []int64
}

func (l *attemptLog) Enabled(context.Context, slog.Level) bool { return true }
func (l *attemptLog) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l *attemptLog) WithGroup(string) slog.Handler            { return l }
func (l *attemptLog) Handle(_ context.Context, r slog.Record) error {
	if r.Message != "rtm: reconnecting" {
		return nil
	}
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "attempt" {
			l.mu.Lock()
			l.attempts = append(l.attempts, a.Value.Int64())
			l.mu.Unlock()
		}
		return true
	})
	return nil
}

func (l *attemptLog) get() []int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.attempts)
}

func TestKicksBackOffAndStopRun(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	router := events.NewRouter()
	router.Handle("message:send", noop)
	var (
		rec  recorder
		logs attemptLog
	)
	// A maximum delay far above the sessions' length: they count as in
	// a row.
	c := newClient(t, router, testKey, append(rec.options(),
		rtm.WithEndpoint(sock.URL()),
		rtm.WithBackoff(time.Millisecond, 10*time.Second),
		rtm.WithLogger(slog.New(&logs)))...)
	r := start(t, c)

	for i := range rtm.MaxKicks {
		if err := sock.WaitForClients(ctx, 1); err != nil {
			t.Fatalf("authentication %d: %v", i+1, err)
		}
		sock.KickAll()
	}
	err := r.result(t)
	if !errors.Is(err, rtm.ErrKicked) || !errors.Is(err, sio.ErrServerDisconnect) {
		t.Fatalf("Run = %v, want ErrKicked", err)
	}
	if !strings.Contains(err.Error(), fmt.Sprint(rtm.MaxKicks, " times in a row")) {
		t.Errorf("the error does not say how many times: %v", err)
	}
	// The delays between the kicks grew: the counter was not reset by
	// the authentications.
	if got, want := logs.get(), []int64{1, 2, 3, 4}; !slices.Equal(got, want) {
		t.Errorf("reconnection attempts = %v, want %v", got, want)
	}
	if n := len(sock.Authentications()); n != rtm.MaxKicks {
		t.Errorf("%d authentications, want %d", n, rtm.MaxKicks)
	}
	if n := rec.count(); n != rtm.MaxKicks {
		t.Errorf("%d OnConnect calls, want %d", n, rtm.MaxKicks)
	}
}

func TestKicksAfterLongSessionsDoNotAccumulate(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	router := events.NewRouter()
	router.Handle("message:send", noop)
	var logs attemptLog
	const maxDelay = 20 * time.Millisecond
	c := newClient(t, router, testKey,
		rtm.WithEndpoint(sock.URL()),
		rtm.WithBackoff(time.Millisecond, maxDelay),
		rtm.WithLogger(slog.New(&logs)))
	r := start(t, c)

	for i := range rtm.MaxKicks + 1 {
		if err := sock.WaitForClients(ctx, 1); err != nil {
			t.Fatalf("authentication %d: %v", i+1, err)
		}
		time.Sleep(3 * maxDelay) // a session longer than the maximum delay is healthy
		sock.KickAll()
	}
	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if got := logs.get(); len(got) != rtm.MaxKicks+1 || slices.ContainsFunc(got, func(n int64) bool { return n != 1 }) {
		t.Errorf("reconnection attempts = %v, want %d first attempts", got, rtm.MaxKicks+1)
	}
	if err := r.stop(t); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
}

func TestHeartbeatDetectsAFrozenServer(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t, rtmtest.WithHeartbeat(50*time.Millisecond, 250*time.Millisecond))
	router := events.NewRouter()
	router.Handle("message:send", noop)
	var rec recorder
	start(t, newClient(t, router, testKey, fast(sock, rec.options()...)...))
	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	sock.FreezeAll()
	// The client notices the silence and reconnects.
	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	lost := rec.errorsMatching("connection lost")
	if len(lost) == 0 || !errors.Is(lost[0], sio.ErrHeartbeat) {
		t.Errorf("errors = %v, want a heartbeat timeout", rec.errs)
	}
}

func TestAuthenticatedMustBeTrue(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []any // of the authenticated event
		ok   bool
	}{
		{"true", []any{true}, true},
		{"no argument", nil, true},
		{"false", []any{false}, false},
		{"null", []any{nil}, false},
		{"object", []any{map[string]any{"ok": true}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := &sio.Server{OnEvent: func(c *sio.ServerConn, name string, _ []json.RawMessage) {
				if name == "authentication" {
					_ = c.Emit(context.Background(), "authenticated", tc.args...)
					_ = c.Emit(context.Background(), "message:send", map[string]any{"content": "x"})
				}
			}}
			hs := httptest.NewServer(srv)
			defer func() { srv.Close(); hs.Close() }()

			router := events.NewRouter()
			got := make(chan struct{}, 1)
			router.Handle("message:send", func(context.Context, *events.Event) error { got <- struct{}{}; return nil })
			var rec recorder
			c := newClient(t, router, testKey, append(rec.options(),
				rtm.WithEndpoint(hs.URL+"/p/1/"), rtm.WithBackoff(time.Millisecond, 5*time.Millisecond))...)
			r := start(t, c)
			if tc.ok {
				receive(t, got, "the event after authenticated")
				if !c.Connected() || rec.count() != 1 {
					t.Errorf("Connected %v, OnConnect calls %d; want true and 1", c.Connected(), rec.count())
				}
				return
			}
			err := r.result(t)
			if !errors.Is(err, rtm.ErrUnauthorized) {
				t.Errorf("Run = %v, want ErrUnauthorized", err)
			}
			if c.Connected() || rec.count() != 0 {
				t.Errorf("Connected %v, OnConnect calls %d; want false and 0", c.Connected(), rec.count())
			}
		})
	}
}

func TestUnauthorizedStopsRun(t *testing.T) {
	sock := rtmtest.Start(t)
	router := events.NewRouter()
	router.Handle("message:send", noop)
	c := newClient(t, router, "wrong-key", fast(sock)...)
	r := start(t, c)

	err := r.result(t)
	if !errors.Is(err, rtm.ErrUnauthorized) {
		t.Fatalf("Run = %v, want ErrUnauthorized", err)
	}
	if strings.Contains(err.Error(), "wrong-key") {
		t.Errorf("the error shows the key: %v", err)
	}
	if !strings.Contains(err.Error(), "invalid credentials") {
		t.Errorf("the error lacks the server's message: %v", err)
	}
	time.Sleep(50 * time.Millisecond) // longer than the backoff
	if n := len(sock.Authentications()); n != 1 {
		t.Errorf("%d authentications, want 1 (no reconnection)", n)
	}
}

// noLeaks checks, once the test and its cleanups are done, that no
// goroutine it started is left.
func noLeaks(t *testing.T) {
	t.Helper()
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
}

func TestCancelSendsDisconnectAndStopsWithoutLeaks(t *testing.T) {
	noLeaks(t)
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	router := events.NewRouter()
	release := make(chan struct{})
	entered := make(chan struct{})
	// A handler that blocks until its context ends: Run must wait for it.
	router.Handle("message:send", func(ctx context.Context, _ *events.Event) error {
		close(entered)
		<-ctx.Done()
		<-release
		return ctx.Err()
	})
	c := newClient(t, router, testKey, fast(sock)...)
	rctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(rctx) }()

	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if err := sock.Push(ctx, "message:send", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	receive(t, entered, "the handler")
	cancel()
	select {
	case err := <-done:
		t.Fatalf("Run returned (%v) while a handler was running", err)
	case <-time.After(20 * time.Millisecond):
	}
	close(release)
	if err := receive(t, done, "Run to return"); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	if c.Connected() {
		t.Error("Connected after Run returned")
	}
	// The client said goodbye with a Socket.IO disconnect packet.
	if err := sock.Wait(ctx, func() bool { return sock.Connections()[0].Reason != "" }); err != nil {
		t.Fatal(err)
	}
	if got := sock.Connections()[0].Reason; got != "client namespace disconnect" {
		t.Errorf("the server saw %q, want client namespace disconnect", got)
	}
}

// silentListener accepts TCP connections and never answers.
func silentListener(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns sync.WaitGroup
	var mu sync.Mutex
	var held []net.Conn
	conns.Go(func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, conn)
			mu.Unlock()
		}
	})
	t.Cleanup(func() {
		_ = ln.Close()
		conns.Wait()
		mu.Lock()
		for _, c := range held {
			_ = c.Close()
		}
		mu.Unlock()
	})
	return "http://" + ln.Addr().String() + "/p/1/"
}

func TestCancelInterruptsAHangingDial(t *testing.T) {
	noLeaks(t)
	endpoint := silentListener(t)
	router := events.NewRouter()
	router.Handle("message:send", noop)
	c := newClient(t, router, testKey, rtm.WithEndpoint(endpoint), rtm.WithDialTimeout(time.Minute))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	time.Sleep(100 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run = %v, want context.Canceled", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Run did not return promptly while dialling")
	}
}

func TestDialTimeoutAndRetries(t *testing.T) {
	endpoint := silentListener(t)
	router := events.NewRouter()
	router.Handle("message:send", noop)
	errs := make(chan error, 10)
	c := newClient(t, router, testKey,
		rtm.WithEndpoint(endpoint),
		rtm.WithDialTimeout(50*time.Millisecond),
		rtm.WithBackoff(time.Millisecond, 5*time.Millisecond),
		rtm.WithErrorHandler(func(err error) { errs <- err }),
	)
	r := start(t, c)
	for i := range 2 {
		err := receive(t, errs, fmt.Sprintf("attempt %d to time out", i+1))
		if !strings.Contains(err.Error(), "connecting to") || !strings.Contains(err.Error(), "no answer within 50ms") {
			t.Errorf("error %d = %v", i, err)
		}
	}
	if err := r.stop(t); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v", err)
	}
}

func TestRebindBindPushPop(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	router := events.NewRouter()
	router.Handle("message:send", noop)
	c := newClient(t, router, testKey, fast(sock)...)

	// Not connected yet: nothing is sent, nothing fails.
	if err := c.Rebind(ctx); err != nil {
		t.Fatalf("Rebind before Run = %v", err)
	}
	start(t, c)
	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	waitFor(t, c.Connected)

	if err := c.Rebind(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.Bind(ctx, "message:send", "message:received"); err != nil {
		t.Fatal(err)
	}
	if err := c.Push(ctx, "session:set_email"); err != nil {
		t.Fatal(err)
	}
	if err := c.Pop(ctx, "message:received"); err != nil {
		t.Fatal(err)
	}
	if err := sock.Wait(ctx, func() bool { return len(sock.Binds()) == 4 }); err != nil {
		t.Fatal(err)
	}
	binds := sock.Binds()
	for i := range binds {
		binds[i].SocketID = ""
	}
	if want := []rtmtest.Bind{
		{Event: "socket:bind"},
		{Event: "socket:bind", Events: []string{"message:send", "message:received"}},
		{Event: "socket:bind:push", Events: []string{"session:set_email"}},
		{Event: "socket:bind:pop", Events: []string{"message:received"}},
	}; !jsonEqual(binds, want) {
		t.Errorf("binds = %+v, want %+v", binds, want)
	}
	want := []events.Name{"message:send", "session:set_email"}
	if got := c.Events(); !slices.Equal(got, want) {
		t.Errorf("Events() = %v, want %v", got, want)
	}
	// The reconnection authenticates with the new subscription.
	sock.DisconnectAll()
	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if got := lastAuth(sock).Events; !jsonEqual(got, want) {
		t.Errorf("events after reconnection = %v, want %v", got, want)
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := c.Rebind(cctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Rebind with a cancelled context = %v", err)
	}
}

func TestEndpointFromTheRESTAPI(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	var mu sync.Mutex
	var lookups []string
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		lookups = append(lookups, r.Method+" "+r.URL.Path+" "+r.Header.Get("X-Crisp-Tier"))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = fmt.Fprintf(w, `{"error":false,"reason":"resolved","data":{"socket":{"app":%q}}}`, sock.URL())
	}))
	defer api.Close()
	rest, err := crisp.New(crisp.WithToken(crisp.TierPlugin, testID, testKey), crisp.WithBaseURL(api.URL+"/v1/"))
	if err != nil {
		t.Fatal(err)
	}
	router := events.NewRouter()
	router.Handle("message:send", noop)
	c, err := rtm.New(rest, "", testID, testKey, router, rtm.WithBackoff(5*time.Millisecond, 20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	start(t, c)
	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if got := lastAuth(sock).Tier; got != "plugin" {
		t.Errorf("tier = %v (taken from the crisp.Client)", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(lookups) != 1 || lookups[0] != "GET /v1/plugin/connect/endpoints plugin" {
		t.Errorf("lookups = %v", lookups)
	}
}

func TestEndpointLookupUnauthorizedStopsRun(t *testing.T) {
	var mu sync.Mutex
	calls := 0
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		calls++
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"error":true,"reason":"unauthorized","data":{}}`))
	}))
	defer api.Close()
	rest, err := crisp.New(crisp.WithToken(crisp.TierPlugin, testID, testKey), crisp.WithBaseURL(api.URL+"/v1/"))
	if err != nil {
		t.Fatal(err)
	}
	router := events.NewRouter()
	router.Handle("message:send", noop)
	c, err := rtm.New(rest, crisp.TierPlugin, testID, testKey, router, rtm.WithBackoff(time.Millisecond, time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	err = c.Run(context.Background())
	if !errors.Is(err, rtm.ErrUnauthorized) || !errors.Is(err, crisp.ErrUnauthorized) {
		t.Fatalf("Run = %v, want rtm.ErrUnauthorized and crisp.ErrUnauthorized", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if calls != 1 {
		t.Errorf("%d lookups, want 1", calls)
	}
}

func TestRunTwiceAtOnce(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	router := events.NewRouter()
	router.Handle("message:send", noop)
	c := newClient(t, router, testKey, fast(sock)...)
	r := start(t, c)
	if err := sock.WaitForClients(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if err := c.Run(context.Background()); !errors.Is(err, rtm.ErrRunning) {
		t.Errorf("second Run = %v, want ErrRunning", err)
	}
	if err := r.stop(t); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v", err)
	}
	// Run again after it returned.
	start(t, c)
	if err := sock.Wait(ctx, func() bool { return len(sock.Authentications()) == 2 }); err != nil {
		t.Fatal(err)
	}
}

func TestRunNeedsEvents(t *testing.T) {
	c := newClient(t, events.NewRouter(), testKey, rtm.WithEndpoint("http://127.0.0.1:1/"))
	if err := c.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "no events") {
		t.Errorf("Run = %v, want a no-events error", err)
	}
}

func TestNewValidates(t *testing.T) {
	r := events.NewRouter()
	ep := rtm.WithEndpoint("https://app.relay.crisp.chat/p/1/")
	rest, err := crisp.New(crisp.WithToken(crisp.TierWebsite, testID, testKey))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		new  func() (*rtm.Client, error)
	}{
		{"nil router", func() (*rtm.Client, error) { return rtm.New(nil, crisp.TierPlugin, testID, testKey, nil, ep) }},
		{"bad tier", func() (*rtm.Client, error) { return rtm.New(nil, "admin", testID, testKey, r, ep) }},
		{"no tier", func() (*rtm.Client, error) { return rtm.New(nil, "", testID, testKey, r, ep) }},
		{"empty key", func() (*rtm.Client, error) { return rtm.New(nil, crisp.TierPlugin, testID, "", r, ep) }},
		{"empty identifier", func() (*rtm.Client, error) { return rtm.New(nil, crisp.TierPlugin, "", testKey, r, ep) }},
		{"no client nor endpoint", func() (*rtm.Client, error) { return rtm.New(nil, crisp.TierPlugin, testID, testKey, r) }},
		{"tier mismatch", func() (*rtm.Client, error) { return rtm.New(rest, crisp.TierPlugin, testID, testKey, r) }},
		{"bad endpoint", func() (*rtm.Client, error) {
			return rtm.New(nil, crisp.TierPlugin, testID, testKey, r, rtm.WithEndpoint("ftp://x/"))
		}},
		{"bad backoff", func() (*rtm.Client, error) {
			return rtm.New(nil, crisp.TierPlugin, testID, testKey, r, ep, rtm.WithBackoff(time.Second, time.Millisecond))
		}},
		{"bad dial timeout", func() (*rtm.Client, error) {
			return rtm.New(nil, crisp.TierPlugin, testID, testKey, r, ep, rtm.WithDialTimeout(0))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := tc.new()
			if err == nil {
				t.Fatalf("New = %v, want an error", c)
			}
			if strings.Contains(err.Error(), testKey) {
				t.Errorf("the error shows the key: %v", err)
			}
		})
	}
	c, err := rtm.New(rest, "", testID, testKey, r)
	if err != nil {
		t.Fatalf("New with the client's tier: %v", err)
	}
	if !strings.Contains(c.String(), "website") {
		t.Errorf("String = %q, want the client's tier", c.String())
	}
}

func TestClientNeverPrintsTheKey(t *testing.T) {
	c := newClient(t, events.NewRouter(), testKey, rtm.WithEndpoint("https://app.relay.crisp.chat/p/1/"))
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		if s := fmt.Sprintf(verb, c); strings.Contains(s, testKey) || strings.Contains(s, fmt.Sprintf("%x", testKey)) {
			t.Errorf("%s shows the key: %s", verb, s)
		}
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		if s := fmt.Sprintf(verb, c); strings.Contains(s, testID) {
			t.Errorf("%s shows the whole identifier (half of the credential): %s", verb, s)
		}
	}
	if !strings.Contains(c.String(), testID[:4]+"…[REDACTED]") {
		t.Errorf("String = %q, want the redacted identifier", c.String())
	}
}

// waitFor polls cond until it holds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met")
		}
		time.Sleep(time.Millisecond)
	}
}

func receive[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(timeout):
		t.Fatalf("timed out waiting for %s", what)
		panic("unreachable")
	}
}

// jsonEqual compares two values by their JSON encodings.
func jsonEqual(a, b any) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(ja) == string(jb)
}
