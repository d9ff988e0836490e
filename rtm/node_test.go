package rtm_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/internal/nodetest"
	"github.com/crisp-go/crisp-go/internal/sio"
	"github.com/crisp-go/crisp-go/rtm"
)

// nodeServer is testdata/crisp_rtm_server.js: a Node socket.io 4.8 server
// emulating Crisp's RTM socket, driven through its stdin and stdout.
type nodeServer struct {
	t      *testing.T
	stdin  io.WriteCloser
	lines  <-chan map[string]any
	seen   []map[string]any // every line read, for the failure messages
	stderr *nodetest.Buffer
	url    string
}

func startNodeServer(t *testing.T, pingInterval, pingTimeout time.Duration) *nodeServer {
	t.Helper()
	node, modules := nodetest.Require(t, "check rtm against a Node socket.io server", "socket.io")
	p := nodetest.Start(t, node, "crisp_rtm_server.js", []string{modules}, []string{
		"RTM_IDENTIFIER=" + testID, "RTM_KEY=" + testKey,
		fmt.Sprint("RTM_PING_INTERVAL=", pingInterval.Milliseconds()),
		fmt.Sprint("RTM_PING_TIMEOUT=", pingTimeout.Milliseconds()),
	})
	n := &nodeServer{t: t, stdin: p.Stdin, lines: p.Lines, stderr: p.Stderr}
	listening := n.await("the server to listen", func(m map[string]any) bool { return m["ev"] == "listening" })
	n.url = fmt.Sprintf("http://127.0.0.1:%s/p/1/", listening["port"])
	return n
}

// command sends the script a command.
func (n *nodeServer) command(cmd map[string]any) {
	n.t.Helper()
	b, _ := json.Marshal(cmd)
	if _, err := n.stdin.Write(append(b, '\n')); err != nil {
		n.t.Fatal(err)
	}
}

// await returns the next line that matches, skipping the others.
func (n *nodeServer) await(what string, match func(map[string]any) bool) map[string]any {
	n.t.Helper()
	deadline := time.After(timeout)
	for {
		select {
		case m, ok := <-n.lines:
			if !ok {
				n.t.Fatalf("crisp_rtm_server.js exited while waiting for %s; it said %v\n%s", what, n.seen, n.stderr.String())
			}
			n.seen = append(n.seen, m)
			if match(m) {
				return m
			}
		case <-deadline:
			n.t.Fatalf("timed out waiting for %s; the server said %v", what, n.seen)
		}
	}
}

// ev matches a line by its ev field and, optionally, more fields.
func ev(name string, fields ...any) func(map[string]any) bool {
	return func(m map[string]any) bool {
		if m["ev"] != name {
			return false
		}
		for i := 0; i+1 < len(fields); i += 2 {
			if fmt.Sprint(m[fields[i].(string)]) != fmt.Sprint(fields[i+1]) {
				return false
			}
		}
		return true
	}
}

// TestAgainstANodeSocketIOServer runs rtm against a real socket.io 4.8
// server emulating Crisp: authentication, typed events, a bind, a server
// restart, a frozen server, a cancel; then a refused token.
func TestAgainstANodeSocketIOServer(t *testing.T) {
	ctx := testContext(t)
	srv := startNodeServer(t, 400*time.Millisecond, 400*time.Millisecond)

	msgs := make(chan api.EventMessageSend, 10)
	emails := make(chan api.EventSessionSetEmail, 10)
	router := events.NewRouter()
	events.On(router, "message:send", func(_ context.Context, m api.EventMessageSend, _ *events.Event) error {
		msgs <- m
		return nil
	})
	events.On(router, "session:set_email", func(_ context.Context, m api.EventSessionSetEmail, _ *events.Event) error {
		emails <- m
		return nil
	})
	var rec recorder
	c := newClient(t, router, testKey, append(rec.options(),
		rtm.WithEndpoint(srv.url),
		rtm.WithBackoff(20*time.Millisecond, 200*time.Millisecond),
		rtm.WithDialTimeout(5*time.Second))...)
	r := start(t, c)

	// Connects and authenticates.
	conn := srv.await("the connection", ev("connection"))
	if conn["path"] != "/p/1/" || !strings.HasPrefix(fmt.Sprint(conn["ua"]), "crisp-go/") {
		t.Errorf("connection = %v, want path /p/1/ and a crisp-go User-Agent", conn)
	}
	auth := srv.await("the authentication", ev("authentication"))
	if auth["ok"] != true || auth["tier"] != "plugin" || auth["username"] != testID ||
		!jsonEqual(auth["events"], []string{"message:send", "session:set_email"}) {
		t.Errorf("authentication = %v", auth)
	}
	first := auth["id"]
	waitFor(t, func() bool { return c.Connected() && rec.count() == 1 })

	// Dispatches typed events, in order.
	message := func(content string) map[string]any {
		return map[string]any{
			"website_id": "42286ab3-b29a-4fde-8538-da0ae501d825", "session_id": "session_36ba3566-9651-4790-afc8-ffedbccc317f",
			"type": "text", "from": "user", "origin": "chat", "content": content,
			"fingerprint": 163408346341023, "timestamp": 1506985696616,
		}
	}
	srv.command(map[string]any{"cmd": "emit", "event": "message:send", "data": message("hello")})
	srv.command(map[string]any{"cmd": "emit", "event": "session:set_email", "data": map[string]any{
		"website_id": "42286ab3-b29a-4fde-8538-da0ae501d825", "session_id": "session_36ba3566-9651-4790-afc8-ffedbccc317f",
		"email": "john.doe@acme-inc.com",
	}})
	m := receive(t, msgs, "message:send")
	if text, err := m.Content.AsMessageContentText(); err != nil || text != "hello" || m.Fingerprint != 163408346341023 ||
		m.Timestamp != 1506985696616 || m.From != api.MessageFromUser || m.SessionID != "session_36ba3566-9651-4790-afc8-ffedbccc317f" {
		t.Errorf("message:send = %+v (%q, %v)", m, text, err)
	}
	if e := receive(t, emails, "session:set_email"); e.Email != "john.doe@acme-inc.com" {
		t.Errorf("session:set_email = %+v", e)
	}

	// Binds.
	if err := c.Push(ctx, "message:received"); err != nil {
		t.Fatal(err)
	}
	if b := srv.await("socket:bind:push", ev("socket:bind:push")); !jsonEqual(b["data"], map[string]any{"events": []string{"message:received"}}) {
		t.Errorf("socket:bind:push = %v", b)
	}

	// A restart: the client reconnects and authenticates again.
	srv.command(map[string]any{"cmd": "restart"})
	srv.await("the old socket's end", ev("disconnect", "id", first))
	srv.await("the restart", ev("restarted"))
	auth = srv.await("the authentication after the restart", ev("authentication", "ok", true))
	if !jsonEqual(auth["events"], []string{"message:send", "session:set_email", "message:received"}) {
		t.Errorf("events after the restart = %v, want the pushed one too", auth["events"])
	}
	second := auth["id"]
	waitFor(t, func() bool { return c.Connected() && rec.count() == 2 })
	srv.command(map[string]any{"cmd": "emit", "event": "message:send", "data": message("after the restart")})
	if m := receive(t, msgs, "message:send after the restart"); m.Fingerprint != 163408346341023 {
		t.Errorf("message:send = %+v", m)
	}

	// A frozen server: no more pings; the heartbeat notices and the client
	// reconnects.
	srv.command(map[string]any{"cmd": "freeze"})
	if f := srv.await("the freeze", ev("frozen")); fmt.Sprint(f["count"]) != "1" {
		t.Errorf("frozen = %v, want one connection", f)
	}
	third := srv.await("the authentication after the freeze", ev("authentication", "ok", true))["id"]
	if third == second {
		t.Error("no new connection after the freeze")
	}
	waitFor(t, func() bool { return c.Connected() && rec.count() == 3 })
	if !slices.ContainsFunc(rec.errorsMatching("connection lost"), func(err error) bool { return errors.Is(err, sio.ErrHeartbeat) }) {
		t.Errorf("errors = %v, want a heartbeat timeout", rec.errs)
	}

	// Cancel: a Socket.IO disconnect packet, then Run returns.
	if err := r.stop(t); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	srv.await("the client's goodbye", ev("disconnect", "id", third, "reason", "client namespace disconnect"))

	// A refused token: ErrUnauthorized, no retry.
	bad := newClient(t, router, "wrong-key", rtm.WithEndpoint(srv.url), rtm.WithBackoff(time.Millisecond, 5*time.Millisecond))
	err := bad.Run(ctx)
	if !errors.Is(err, rtm.ErrUnauthorized) || !strings.Contains(err.Error(), "invalid credentials") || strings.Contains(err.Error(), "wrong-key") {
		t.Errorf("Run with a wrong key = %v, want ErrUnauthorized with the server's message and without the key", err)
	}
	srv.await("the refused authentication", ev("authentication", "ok", false))
	srv.command(map[string]any{"cmd": "emit", "event": "message:send", "data": map[string]any{}})
	if e := srv.await("the last emit", ev("emitted")); fmt.Sprint(e["count"]) != "0" {
		t.Errorf("emitted = %v: a socket is still authenticated", e)
	}
	if n := countLines(srv.seen, ev("authentication", "ok", false)); n != 1 {
		t.Errorf("%d refused authentications, want 1 (no retry)", n)
	}
}

func countLines(lines []map[string]any, match func(map[string]any) bool) int {
	n := 0
	for _, l := range lines {
		if match(l) {
			n++
		}
	}
	return n
}
