package rtm_test

import (
	"bytes"
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

	ss "github.com/zishang520/socket.io/servers/socket/v3"
	"go.uber.org/goleak"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/rtm"
)

func TestMain(m *testing.M) {
	// The engine.io client package starts a network monitor in its init;
	// IgnoreCurrent (taken before any test) leaves it out.
	goleak.VerifyTestMain(m, goleak.IgnoreCurrent())
}

const (
	testID  = "6b8c1f0e-2f44-4a6a-9f0e-9b5c7f2a1d30"
	testKey = "d4b3c1f5e6a7980b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b"
)

// call is one event the fake Crisp socket received.
type call struct {
	auth  int // the connection's authentication (1, 2, ...), 0 before it
	event string
	data  map[string]any
}

// fakeCrisp is a Socket.IO server on loopback that behaves like the Crisp
// RTM socket: it waits for authentication, answers authenticated or
// unauthorized (then disconnects), and records what the client sends.
//
// The Go Socket.IO server (v3.0.6) acknowledges a namespace connection
// before it registers the socket, so a client's first event that arrives
// in between is refused ("invalid state") and the connection closed. The
// client then reconnects; the tests therefore count authentications, not
// connections, and tolerate extra connection errors.
type fakeCrisp struct {
	t        *testing.T
	srv      *ss.Server
	hs       *httptest.Server
	endpoint string

	// afterAuth, if set, runs on the server after each successful
	// authentication (n counts them from 1).
	afterAuth func(s *ss.Socket, n int)

	mu    sync.Mutex
	auths int
	calls []call
	uas   []string
	paths []string
	seen  chan call
}

func newFakeCrisp(t *testing.T) *fakeCrisp {
	t.Helper()
	f := &fakeCrisp{t: t, seen: make(chan call, 64)}
	f.srv = ss.NewServer(nil, nil)
	f.srv.SetPath("/p/1")
	f.srv.On("connection", func(args ...any) {
		s := args[0].(*ss.Socket)
		n := 0 // this connection's authentication number
		record := func(event string, a []any) {
			f.mu.Lock()
			if event == "authentication" {
				f.auths++
				n = f.auths
			}
			c := call{auth: n, event: event}
			if len(a) > 0 {
				c.data, _ = a[0].(map[string]any)
			}
			f.calls = append(f.calls, c)
			f.mu.Unlock()
			f.seen <- c
		}
		for _, ev := range []string{"socket:bind", "socket:bind:push", "socket:bind:pop"} {
			_ = s.On(ev, func(a ...any) { record(ev, a) })
		}
		_ = s.On("authentication", func(a ...any) {
			record("authentication", a)
			auth, _ := a[0].(map[string]any)
			if auth["username"] != testID || auth["password"] != testKey {
				// The DISCONNECT packet follows the event at once, on
				// the same connection.
				_ = s.Emit("unauthorized", map[string]any{"message": "invalid credentials"})
				s.Disconnect(false)
				return
			}
			_ = s.Emit("authenticated")
			if f.afterAuth != nil {
				f.afterAuth(s, n)
			}
		})
	})
	handler := f.srv.ServeHandler(nil)
	f.hs = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.uas = append(f.uas, r.UserAgent())
		f.paths = append(f.paths, r.URL.Path)
		f.mu.Unlock()
		handler.ServeHTTP(w, r)
	}))
	f.endpoint = f.hs.URL + "/p/1/"
	t.Cleanup(f.close)
	return f
}

func (f *fakeCrisp) close() {
	f.srv.Close(nil)
	f.hs.Close()
}

// wait returns the next call the server records, or fails the test.
func (f *fakeCrisp) wait(event string) call {
	f.t.Helper()
	for {
		select {
		case c := <-f.seen:
			if c.event == event {
				return c
			}
		case <-time.After(5 * time.Second):
			f.t.Fatalf("the server got no %s", event)
		}
	}
}

func (f *fakeCrisp) callsOf(event string) []call {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []call
	for _, c := range f.calls {
		if c.event == event {
			out = append(out, c)
		}
	}
	return out
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
		case <-time.After(5 * time.Second):
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
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return")
		return nil
	}
}

// fast are the options every test uses: tiny backoff, short dial timeout.
func fast(f *fakeCrisp, more ...rtm.Option) []rtm.Option {
	return append([]rtm.Option{
		rtm.WithEndpoint(f.endpoint),
		rtm.WithBackoff(5*time.Millisecond, 20*time.Millisecond),
		rtm.WithDialTimeout(2 * time.Second),
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

func TestAuthenticationPayload(t *testing.T) {
	f := newFakeCrisp(t)
	router := events.NewRouter()
	router.Handle("message:send", noop)
	router.Handle("session:set_email", noop)
	var logs lockedBuffer
	c := newClient(t, router, testKey, fast(f,
		rtm.WithRooms("website-1", "website-2"),
		rtm.WithInboxes("inbox-1"),
		rtm.WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))),
	)...)
	r := start(t, c)

	got := f.wait("authentication").data
	want := map[string]any{
		"tier":     "plugin",
		"username": testID,
		"password": testKey,
		"events":   []any{"message:send", "session:set_email"},
		"rooms":    []any{"website-1", "website-2"},
		"inboxes":  []any{"inbox-1"},
	}
	if !jsonEqual(got, want) {
		t.Errorf("authentication payload = %v, want %v", got, want)
	}
	waitFor(t, c.Connected)

	f.mu.Lock()
	paths, uas := slices.Clone(f.paths), slices.Clone(f.uas)
	f.mu.Unlock()
	if len(paths) == 0 || paths[0] != "/p/1/" {
		t.Errorf("socket path = %v, want /p/1/ (the endpoint URL's path)", paths)
	}
	if len(uas) == 0 || !strings.HasPrefix(uas[0], "crisp-go/") {
		t.Errorf("User-Agent = %v, want crisp-go/...", uas)
	}

	if err := c.Rebind(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.wait("socket:bind")
	if err := r.stop(t); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	if l := logs.String(); !strings.Contains(l, "authenticated") || strings.Contains(l, testKey) {
		t.Errorf("log: want the authentication, never the key:\n%s", l)
	}
}

// lockedBuffer is a bytes.Buffer safe for concurrent use.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestAuthenticationPayloadOmitsEmptyRoomsAndExplicitEvents(t *testing.T) {
	f := newFakeCrisp(t)
	router := events.NewRouter()
	router.Handle("message:send", noop)
	c := newClient(t, router, testKey, fast(f, rtm.WithEvents("message:received", "message:send"))...)
	start(t, c)

	got := f.wait("authentication").data
	if _, ok := got["rooms"]; ok {
		t.Errorf("rooms sent without WithRooms: %v", got)
	}
	if _, ok := got["inboxes"]; ok {
		t.Errorf("inboxes sent without WithInboxes: %v", got)
	}
	if !jsonEqual(got["events"], []string{"message:received", "message:send"}) {
		t.Errorf("events = %v, want the WithEvents list", got["events"])
	}
}

// messageSend is the part of a message:send payload the test reads.
type messageSend struct {
	WebsiteID   string `json:"website_id"`
	SessionID   string `json:"session_id"`
	Type        string `json:"type"`
	Content     string `json:"content"`
	Fingerprint int64  `json:"fingerprint"`
	Timestamp   int64  `json:"timestamp"`
}

func TestEventsReachTypedHandlersInOrder(t *testing.T) {
	f := newFakeCrisp(t)
	f.afterAuth = func(s *ss.Socket, _ int) {
		for i := range 3 {
			_ = s.Emit("message:send", map[string]any{
				"website_id":  "website-1",
				"session_id":  "session_1",
				"type":        "text",
				"content":     fmt.Sprintf("hello %d", i),
				"fingerprint": 163408342374311 + i,
				"timestamp":   1700000000123,
			})
		}
		_ = s.Emit("people:profile:created", map[string]any{"website_id": "website-1"})
	}
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
	c := newClient(t, router, testKey, fast(f)...)
	start(t, c)

	for i := range 3 {
		select {
		case g := <-msgs:
			want := messageSend{"website-1", "session_1", "text", fmt.Sprintf("hello %d", i), 163408342374311 + int64(i), 1700000000123}
			if g.m != want {
				t.Errorf("event %d = %+v, want %+v", i, g.m, want)
			}
			if g.ev.Name != "message:send" || g.ev.WebsiteID != "website-1" {
				t.Errorf("event %d: name %q website %q", i, g.ev.Name, g.ev.WebsiteID)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("message:send %d did not reach the handler", i)
		}
	}
	select {
	case n := <-unknown:
		if n != "people:profile:created" {
			t.Errorf("unknown handler got %q", n)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("an event without handler did not reach the unknown handler")
	}
}

func TestHandlerErrorsGoToTheHook(t *testing.T) {
	f := newFakeCrisp(t)
	f.afterAuth = func(s *ss.Socket, _ int) {
		_ = s.Emit("message:send", map[string]any{"content": "x"})
		_ = s.Emit("message:send", "not an object")
	}
	boom := errors.New("boom")
	router := events.NewRouter()
	events.On(router, "message:send", func(context.Context, messageSend, *events.Event) error {
		return boom
	})
	errs := make(chan error, 10)
	c := newClient(t, router, testKey, fast(f, rtm.WithErrorHandler(func(err error) {
		if strings.Contains(err.Error(), "handling") {
			errs <- err
		}
	}))...)
	start(t, c)

	var got []error
	for len(got) < 2 {
		select {
		case err := <-errs:
			got = append(got, err)
		case <-time.After(5 * time.Second):
			t.Fatalf("errors reported: %v, want 2", got)
		}
	}
	if !errors.Is(got[0], boom) {
		t.Errorf("first error = %v, want the handler's", got[0])
	}
	if !errors.Is(got[1], events.ErrMalformed) {
		t.Errorf("second error = %v, want events.ErrMalformed", got[1])
	}
}

func TestReconnectsAndAuthenticatesAgainAfterServerDisconnect(t *testing.T) {
	f := newFakeCrisp(t)
	sockets := make(chan *ss.Socket, 3)
	f.afterAuth = func(s *ss.Socket, n int) {
		if n == 3 {
			_ = s.Emit("message:send", map[string]any{"content": "after reconnect"})
		}
		sockets <- s
	}
	got := make(chan string, 1)
	router := events.NewRouter()
	events.On(router, "message:send", func(_ context.Context, m messageSend, _ *events.Event) error {
		got <- m.Content
		return nil
	})
	var mu sync.Mutex
	connects := 0
	var errs []error
	c := newClient(t, router, testKey, fast(f,
		rtm.WithOnConnect(func() { mu.Lock(); connects++; mu.Unlock() }),
		rtm.WithErrorHandler(func(err error) { mu.Lock(); errs = append(errs, err); mu.Unlock() }),
	)...)
	start(t, c)

	connected := func(n int) func() bool {
		return func() bool { mu.Lock(); defer mu.Unlock(); return connects == n && c.Connected() }
	}
	// First drop: the server closes the connection.
	f.wait("authentication")
	waitFor(t, connected(1))
	(<-sockets).Disconnect(true)
	// Second drop: the server disconnects the namespace only.
	second := f.wait("authentication")
	waitFor(t, connected(2))
	(<-sockets).Disconnect(false)
	third := f.wait("authentication")

	if second.auth != 2 || third.auth != 3 {
		t.Errorf("authentications number %d and %d, want 2 and 3", second.auth, third.auth)
	}
	if third.data["password"] != testKey || !jsonEqual(third.data["events"], []string{"message:send"}) {
		t.Errorf("third authentication = %v", third.data)
	}
	select {
	case content := <-got:
		if content != "after reconnect" {
			t.Errorf("content = %q", content)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no event after the reconnection")
	}
	waitFor(t, connected(3))
	mu.Lock()
	defer mu.Unlock()
	lost := 0
	for _, err := range errs {
		if strings.Contains(err.Error(), "connection lost") {
			lost++
		}
	}
	if lost != 2 {
		t.Errorf("errors = %v, want two connection losses", errs)
	}
}

func TestUnauthorizedStopsRun(t *testing.T) {
	f := newFakeCrisp(t)
	router := events.NewRouter()
	router.Handle("message:send", noop)
	c := newClient(t, router, "wrong-key", fast(f)...)
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
	if n := len(f.callsOf("authentication")); n != 1 {
		t.Errorf("%d authentications, want 1 (no reconnection)", n)
	}
}

func TestCancelStopsPromptlyWithoutLeaks(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	f := newFakeCrisp(t)
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
	f.afterAuth = func(s *ss.Socket, _ int) { _ = s.Emit("message:send", map[string]any{}) }
	c := newClient(t, router, testKey, fast(f)...)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()

	select {
	case <-entered:
	case <-time.After(5 * time.Second):
		t.Fatal("the handler was not called")
	}
	cancel()
	select {
	case err := <-done:
		t.Fatalf("Run returned (%v) while a handler was running", err)
	case <-time.After(20 * time.Millisecond):
	}
	close(release)
	start := time.Now()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run = %v, want context.Canceled", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Run did not return promptly after cancel")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Run took %v to return", d)
	}
	if c.Connected() {
		t.Error("Connected after Run returned")
	}
	f.close()
}

func TestCancelInterruptsAHangingDial(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	// A listener that accepts TCP connections and never answers.
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
	defer func() {
		_ = ln.Close()
		conns.Wait()
		mu.Lock()
		for _, c := range held {
			_ = c.Close()
		}
		mu.Unlock()
	}()

	router := events.NewRouter()
	router.Handle("message:send", noop)
	c := newClient(t, router, testKey, rtm.WithEndpoint("http://"+ln.Addr().String()+"/p/1/"), rtm.WithDialTimeout(time.Minute))
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
	defer func() {
		_ = ln.Close()
		conns.Wait()
		mu.Lock()
		for _, c := range held {
			_ = c.Close()
		}
		mu.Unlock()
	}()

	router := events.NewRouter()
	router.Handle("message:send", noop)
	errs := make(chan error, 10)
	c := newClient(t, router, testKey,
		rtm.WithEndpoint("http://"+ln.Addr().String()+"/p/1/"),
		rtm.WithDialTimeout(50*time.Millisecond),
		rtm.WithBackoff(time.Millisecond, 5*time.Millisecond),
		rtm.WithErrorHandler(func(err error) { errs <- err }),
	)
	r := start(t, c)
	for i := range 2 {
		select {
		case err := <-errs:
			if !strings.Contains(err.Error(), "connecting to") {
				t.Errorf("error %d = %v", i, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("attempt %d did not time out", i+1)
		}
	}
	if err := r.stop(t); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v", err)
	}
}

func TestRebindBindPushPop(t *testing.T) {
	f := newFakeCrisp(t)
	f.afterAuth = func(s *ss.Socket, n int) {
		// Drop the first connection once the client has bound, to see
		// the new subscription in the next authentication.
		if n == 1 {
			_ = s.On("socket:bind:pop", func(...any) { s.Disconnect(true) })
		}
	}
	router := events.NewRouter()
	router.Handle("message:send", noop)
	c := newClient(t, router, testKey, fast(f)...)
	ctx := context.Background()

	// Not connected yet: nothing is sent, nothing fails.
	if err := c.Rebind(ctx); err != nil {
		t.Fatalf("Rebind before Run = %v", err)
	}
	start(t, c)
	f.wait("authentication")
	waitFor(t, c.Connected)

	if err := c.Rebind(ctx); err != nil {
		t.Fatal(err)
	}
	if got := f.wait("socket:bind"); len(got.data) != 0 {
		t.Errorf("Rebind sent socket:bind %v, want {}", got.data)
	}
	if err := c.Bind(ctx, "message:send", "message:received"); err != nil {
		t.Fatal(err)
	}
	if got := f.wait("socket:bind"); !jsonEqual(got.data, map[string]any{"events": []string{"message:send", "message:received"}}) {
		t.Errorf("Bind sent socket:bind %v", got.data)
	}
	if err := c.Push(ctx, "session:set_email"); err != nil {
		t.Fatal(err)
	}
	if got := f.wait("socket:bind:push"); !jsonEqual(got.data, map[string]any{"events": []string{"session:set_email"}}) {
		t.Errorf("Push sent socket:bind:push %v", got.data)
	}
	if err := c.Pop(ctx, "message:received"); err != nil {
		t.Fatal(err)
	}
	if got := f.wait("socket:bind:pop"); !jsonEqual(got.data, map[string]any{"events": []string{"message:received"}}) {
		t.Errorf("Pop sent socket:bind:pop %v", got.data)
	}
	want := []events.Name{"message:send", "session:set_email"}
	if got := c.Events(); !slices.Equal(got, want) {
		t.Errorf("Events() = %v, want %v", got, want)
	}
	// The reconnection authenticates with the new subscription.
	if got := f.wait("authentication"); !jsonEqual(got.data["events"], want) {
		t.Errorf("events after reconnection = %v, want %v", got.data["events"], want)
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := c.Rebind(cctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Rebind with a cancelled context = %v", err)
	}
}

func TestEndpointFromTheRESTAPI(t *testing.T) {
	f := newFakeCrisp(t)
	var mu sync.Mutex
	var lookups []string
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		lookups = append(lookups, r.Method+" "+r.URL.Path+" "+r.Header.Get("X-Crisp-Tier"))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = fmt.Fprintf(w, `{"error":false,"reason":"resolved","data":{"socket":{"app":%q}}}`, f.endpoint)
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
	if got := f.wait("authentication"); got.data["tier"] != "plugin" {
		t.Errorf("tier = %v (taken from the crisp.Client)", got.data["tier"])
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
	f := newFakeCrisp(t)
	router := events.NewRouter()
	router.Handle("message:send", noop)
	c := newClient(t, router, testKey, fast(f)...)
	r := start(t, c)
	f.wait("authentication")
	if err := c.Run(context.Background()); !errors.Is(err, rtm.ErrRunning) {
		t.Errorf("second Run = %v, want ErrRunning", err)
	}
	if err := r.stop(t); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v", err)
	}
	// Run again after it returned.
	start(t, c)
	f.wait("authentication")
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
	if !strings.Contains(c.String(), testID) {
		t.Errorf("String = %q, want the identifier", c.String())
	}
}

// waitFor polls cond until it holds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met")
		}
		time.Sleep(time.Millisecond)
	}
}

// jsonEqual compares two values by their JSON encodings.
func jsonEqual(a, b any) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(ja) == string(jb)
}
