package sio

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fixture is a Server on loopback that records what happens.
type fixture struct {
	srv  *Server
	http *httptest.Server
	url  string

	mu     sync.Mutex
	conns  []*ServerConn
	events []string // name + " " + args
	closed map[string]string
	change chan struct{}
}

func newFixture(t *testing.T, setup func(*Server)) *fixture {
	t.Helper()
	f := &fixture{closed: map[string]string{}, change: make(chan struct{}, 100)}
	f.srv = &Server{
		OnConnect: func(c *ServerConn) {
			f.mu.Lock()
			f.conns = append(f.conns, c)
			f.mu.Unlock()
			f.change <- struct{}{}
		},
		OnEvent: func(c *ServerConn, name string, args []json.RawMessage) {
			b, _ := json.Marshal(args)
			f.mu.Lock()
			f.events = append(f.events, name+" "+string(b))
			f.mu.Unlock()
			if name == "echo" {
				vals := make([]any, len(args))
				for i, a := range args {
					vals[i] = a
				}
				_ = c.Emit(context.Background(), "echoed", vals...)
			}
			f.change <- struct{}{}
		},
		OnClose: func(c *ServerConn, reason string) {
			f.mu.Lock()
			f.closed[c.ID] = reason
			f.mu.Unlock()
			f.change <- struct{}{}
		},
	}
	if setup != nil {
		setup(f.srv)
	}
	f.http = httptest.NewServer(f.srv)
	f.url = f.http.URL + "/p/1/"
	t.Cleanup(func() {
		f.srv.Close()
		f.http.Close()
	})
	return f
}

// wait waits until cond holds.
func (f *fixture) wait(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		f.mu.Lock()
		ok := cond()
		f.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-f.change:
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func dial(t *testing.T, url string) *Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := Dial(ctx, url, DialOptions{Header: http.Header{"User-Agent": {"sio-test"}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// next returns the next packet the client receives, or the end of the
// connection.
func next(t *testing.T, c *Client) (Packet, error) {
	t.Helper()
	for {
		select {
		case <-c.Ready():
		case <-time.After(5 * time.Second):
			t.Fatal("nothing received")
		}
		c.mu.Lock()
		if len(c.queue) > 0 {
			p := c.queue[0]
			c.queue = c.queue[1:]
			if len(c.queue) > 0 || c.err != nil {
				c.signal()
			}
			c.mu.Unlock()
			return p, nil
		}
		err := c.err
		c.mu.Unlock()
		if err != nil {
			return Packet{}, err
		}
	}
}

func TestClientAndServerExchangeEvents(t *testing.T) {
	f := newFixture(t, nil)
	c := dial(t, f.url)
	if c.ID == "" || c.Handshake.SID == "" || c.Handshake.PingInterval != DefaultPingInterval ||
		c.Handshake.PingTimeout != DefaultPingTimeout || c.Handshake.MaxPayload != DefaultMaxPayload {
		t.Errorf("handshake = %+v, id %q", c.Handshake, c.ID)
	}
	f.wait(t, "the connection", func() bool { return len(f.conns) == 1 })
	sc := f.conns[0]
	if sc.ID != c.ID || sc.Path != "/p/1/" || sc.Header.Get("User-Agent") != "sio-test" {
		t.Errorf("server side: id %q path %q UA %q", sc.ID, sc.Path, sc.Header.Get("User-Agent"))
	}

	big := json.RawMessage(`{"fingerprint":9007199254740993}`)
	if err := c.Emit(context.Background(), "echo", big, "two"); err != nil {
		t.Fatal(err)
	}
	p, err := next(t, c)
	if err != nil {
		t.Fatal(err)
	}
	name, args, err := p.Event()
	if err != nil || name != "echoed" || len(args) != 2 || string(args[0]) != string(big) || string(args[1]) != `"two"` {
		t.Errorf("echo = %q %s %v", name, args, err)
	}
	if err := sc.Emit(context.Background(), "pushed"); err != nil {
		t.Fatal(err)
	}
	p, _ = next(t, c)
	if name, args, err := p.Event(); name != "pushed" || len(args) != 0 || err != nil {
		t.Errorf("pushed = %q %s %v", name, args, err)
	}
}

func TestClientCloseSendsDisconnect(t *testing.T) {
	f := newFixture(t, nil)
	c := dial(t, f.url)
	f.wait(t, "the connection", func() bool { return len(f.conns) == 1 })
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	f.wait(t, "the close", func() bool { return f.closed[c.ID] != "" })
	if got := f.closed[c.ID]; got != ReasonClientDisconnect {
		t.Errorf("server saw %q, want %q", got, ReasonClientDisconnect)
	}
	if _, err := c.Take(nil); !errors.Is(err, ErrClosed) {
		t.Errorf("Take after Close = %v, want ErrClosed", err)
	}
	if err := c.Emit(context.Background(), "late"); !errors.Is(err, ErrClosed) {
		t.Errorf("Emit after Close = %v, want ErrClosed", err)
	}
	_ = c.Close() // idempotent
}

func TestServerDisconnect(t *testing.T) {
	f := newFixture(t, nil)
	c := dial(t, f.url)
	f.wait(t, "the connection", func() bool { return len(f.conns) == 1 })
	_ = f.conns[0].Emit(context.Background(), "bye")
	f.conns[0].Disconnect()
	p, err := next(t, c)
	if name, _, _ := p.Event(); err != nil || name != "bye" {
		t.Fatalf("first = %+v %v, want the event before the disconnect", p, err)
	}
	p, err = next(t, c)
	if err != nil || p.Type != Disconnect {
		t.Fatalf("second = %+v %v, want the disconnect packet", p, err)
	}
	if _, err := next(t, c); !errors.Is(err, ErrServerDisconnect) {
		t.Errorf("end = %v, want ErrServerDisconnect", err)
	}
	f.wait(t, "the close", func() bool { return f.closed[c.ID] != "" })
	if got := f.closed[c.ID]; got != ReasonServerDisconnect {
		t.Errorf("reason %q", got)
	}
}

func TestServerCloseIsATransportClose(t *testing.T) {
	f := newFixture(t, nil)
	c := dial(t, f.url)
	f.wait(t, "the connection", func() bool { return len(f.conns) == 1 })
	f.conns[0].Close()
	_, err := next(t, c)
	if err == nil || errors.Is(err, ErrServerDisconnect) || errors.Is(err, ErrHeartbeat) || errors.Is(err, ErrClosed) {
		t.Errorf("end = %v, want a transport error", err)
	}
	f.wait(t, "the close", func() bool { return f.closed[c.ID] != "" })
	if got := f.closed[c.ID]; got != ReasonForcedClose {
		t.Errorf("reason %q", got)
	}
}

func TestHeartbeat(t *testing.T) {
	f := newFixture(t, func(s *Server) {
		s.PingInterval = 20 * time.Millisecond
		s.PingTimeout = 500 * time.Millisecond
	})
	c := dial(t, f.url)
	f.wait(t, "the connection", func() bool { return len(f.conns) == 1 })
	// The client answers pings: the connection outlives several of them.
	time.Sleep(200 * time.Millisecond)
	if pkts, err := c.Take(nil); err != nil || len(pkts) != 0 {
		t.Fatalf("Take = %v, %v; want a live connection", pkts, err)
	}
	// A frozen server sends no ping: the client gives up.
	f.conns[0].Freeze()
	if err := f.conns[0].Emit(context.Background(), "x"); !errors.Is(err, errFrozen) {
		t.Errorf("Emit on a frozen connection = %v", err)
	}
	if _, err := next(t, c); !errors.Is(err, ErrHeartbeat) {
		t.Errorf("end = %v, want ErrHeartbeat", err)
	}
}

func TestServerClosesAClientThatDoesNotPong(t *testing.T) {
	f := newFixture(t, func(s *Server) {
		s.PingInterval = 10 * time.Millisecond
		s.PingTimeout = 20 * time.Millisecond
	})
	u, _ := URL(f.url)
	ws, _, err := websocket.DefaultDialer.Dial(u, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	_, open, _ := ws.ReadMessage()
	if !strings.HasPrefix(string(open), `0{"sid":"`) || !strings.Contains(string(open), `"upgrades":[]`) ||
		!strings.Contains(string(open), `"pingInterval":10,"pingTimeout":20,"maxPayload":1000000`) {
		t.Errorf("open packet %s", open)
	}
	_ = ws.WriteMessage(websocket.TextMessage, []byte("40"))
	var got []string
	for {
		_, b, err := ws.ReadMessage()
		if err != nil {
			break
		}
		got = append(got, string(b)[:1])
	}
	if len(got) < 2 || got[0] != "4" || got[1] != "2" {
		t.Errorf("frames = %v, want the connect answer and a ping", got)
	}
	f.wait(t, "the close", func() bool { return len(f.closed) == 1 })
	for _, reason := range f.closed {
		if reason != ReasonPingTimeout {
			t.Errorf("reason %q", reason)
		}
	}
}

func TestServerRefusesOtherTransportsAndNamespaces(t *testing.T) {
	f := newFixture(t, nil)
	for _, q := range []string{"EIO=3&transport=websocket", "EIO=4&transport=polling", "EIO=4&transport=websocket&sid=x", "EIO=4&transport=websocket"} {
		resp, err := http.Get(f.http.URL + "/p/1/?" + q)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d", q, resp.StatusCode)
		}
	}
	u, _ := URL(f.url)
	ws, _, err := websocket.DefaultDialer.Dial(u, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	_, _, _ = ws.ReadMessage()
	_ = ws.WriteMessage(websocket.TextMessage, []byte("40/admin,"))
	_, b, err := ws.ReadMessage()
	if err != nil || string(b) != `44/admin,{"message":"Invalid namespace"}` {
		t.Errorf("answer %s %v", b, err)
	}
	// An event before the namespace connected is ignored.
	_ = ws.WriteMessage(websocket.TextMessage, []byte(`42["early"]`))
	_ = ws.WriteMessage(websocket.TextMessage, []byte("40"))
	_, b, _ = ws.ReadMessage()
	if !strings.HasPrefix(string(b), `40{"sid":"`) {
		t.Errorf("connect answer %s", b)
	}
	_ = ws.WriteMessage(websocket.TextMessage, []byte(`42["late"]`))
	f.wait(t, "the event", func() bool { return len(f.events) == 1 })
	if f.events[0] != "late []" {
		t.Errorf("events %v", f.events)
	}
	// A malformed packet ends the connection.
	_ = ws.WriteMessage(websocket.TextMessage, []byte(`42{}`))
	f.wait(t, "the close", func() bool { return len(f.closed) == 1 })
	for _, reason := range f.closed {
		if reason != ReasonParseError {
			t.Errorf("reason %q", reason)
		}
	}
}

func TestDialErrors(t *testing.T) {
	f := newFixture(t, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	if _, err := Dial(ctx, "ftp://x/", DialOptions{}); err == nil {
		t.Error("Dial of an ftp URL")
	}
	// Not a Socket.IO server.
	plain := httptest.NewServer(http.NotFoundHandler())
	defer plain.Close()
	if _, err := Dial(ctx, plain.URL+"/p/1/", DialOptions{}); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("Dial of a plain server = %v, want the HTTP status", err)
	}
	// A server that accepts TCP connections and never answers: the
	// cancellation interrupts the handshake.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var held sync.WaitGroup
	held.Go(func() {
		c, err := ln.Accept()
		if err == nil {
			defer c.Close()
			_, _ = io.Copy(io.Discard, c) // until the client goes
		}
	})
	hctx, hcancel := context.WithCancel(ctx)
	time.AfterFunc(50*time.Millisecond, hcancel)
	if _, err := Dial(hctx, "http://"+ln.Addr().String()+"/p/1/", DialOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Dial of a silent server = %v, want context.Canceled", err)
	}
	_ = ln.Close()
	held.Wait()

	// A server that refuses the namespace.
	refuse := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer ws.Close()
		_ = ws.WriteMessage(websocket.TextMessage, []byte(`0{"sid":"s","upgrades":[],"pingInterval":1000,"pingTimeout":1000,"maxPayload":10}`))
		_, _, _ = ws.ReadMessage()
		_ = ws.WriteMessage(websocket.TextMessage, []byte(`2`))
		_ = ws.WriteMessage(websocket.TextMessage, []byte(`44{"message":"Not authorized"}`))
		_, _, _ = ws.ReadMessage()
	}))
	defer refuse.Close()
	if _, err := Dial(ctx, refuse.URL, DialOptions{}); err == nil || !strings.Contains(err.Error(), "Not authorized") {
		t.Errorf("Dial refused = %v", err)
	}

	// The peer's maxPayload bounds what the client sends.
	c := dial(t, f.url)
	c.Handshake.MaxPayload = 10
	if err := c.Emit(ctx, "long", strings.Repeat("x", 20)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Emit too large = %v", err)
	}
}

func TestServerCloseEndsEveryConnection(t *testing.T) {
	f := newFixture(t, nil)
	a, b := dial(t, f.url), dial(t, f.url)
	f.wait(t, "the connections", func() bool { return len(f.conns) == 2 })
	f.srv.Close()
	for _, c := range []*Client{a, b} {
		if _, err := next(t, c); err == nil {
			t.Error("the connection survived Close")
		}
	}
	if len(f.closed) != 2 || f.closed[a.ID] != ReasonShutdown {
		t.Errorf("closed %v", f.closed)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := Dial(ctx, f.url, DialOptions{}); err == nil || !strings.Contains(err.Error(), "503") {
		t.Errorf("Dial after Close = %v", err)
	}
}

// TestClientReadsFramesOfEverySize: frames of every size, a large one
// between small ones, arrive whole, and each packet keeps its own bytes
// while the client reads the next frames into its reused buffer (which it
// does not keep once a frame was larger than maxKeptReadBuffer).
func TestClientReadsFramesOfEverySize(t *testing.T) {
	f := newFixture(t, nil)
	c := dial(t, f.url)
	f.wait(t, "the connection", func() bool { return len(f.conns) == 1 })
	sc := f.conns[0]
	sizes := []int{1, 700, maxKeptReadBuffer + 10_000, 3, 5000, 2}
	for i, n := range sizes {
		if err := sc.Emit(context.Background(), "sized", strings.Repeat(string(rune('a'+i)), n)); err != nil {
			t.Fatal(err)
		}
	}
	var got []Packet
	for range sizes {
		p, err := next(t, c)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, p)
	}
	for i, n := range sizes {
		name, args, err := got[i].Event()
		want := `"` + strings.Repeat(string(rune('a'+i)), n) + `"`
		if err != nil || name != "sized" || len(args) != 1 || string(args[0]) != want {
			t.Errorf("frame %d (%d bytes): %q, %d arguments, %v", i, n, name, len(args), err)
		}
	}
	c.mu.Lock() // the reading goroutine's buffer, between frames
	kept := c.rbuf.Cap()
	c.mu.Unlock()
	if kept > maxKeptReadBuffer {
		t.Errorf("the client keeps a read buffer of %d bytes, more than %d", kept, maxKeptReadBuffer)
	}
}
