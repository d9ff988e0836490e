package rtmtest_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/crisptest/rtmtest"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/internal/sio"
	"github.com/crisp-go/crisp-go/rtm"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// timeout bounds every wait of a test.
const timeout = 10 * time.Second

func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), timeout)
	t.Cleanup(cancel)
	return ctx
}

// setup starts the REST fake and the RTM fake, attached.
func setup(t *testing.T, opts ...rtmtest.Option) (*crisptest.Server, *rtmtest.Server) {
	t.Helper()
	rest := crisptest.Start(t)
	sock := rtmtest.Start(t, opts...)
	rtmtest.Attach(rest, sock)
	return rest, sock
}

// run runs client.Run until the test ends and returns a channel with its
// result.
func run(t *testing.T, c *rtm.Client) <-chan error {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		done <- c.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-exited:
		case <-time.After(timeout):
			t.Error("Run did not return after cancel")
		}
	})
	return done
}

// newClient is an RTM client of the REST fake's token (plugin tier) with
// a short backoff.
func newClient(t *testing.T, rest *crisptest.Server, key string, router *events.Router, opts ...rtm.Option) *rtm.Client {
	t.Helper()
	opts = append([]rtm.Option{rtm.WithBackoff(5*time.Millisecond, 20*time.Millisecond), rtm.WithDialTimeout(5 * time.Second)}, opts...)
	c, err := rtm.New(rest.Client(t), "", crisptest.Identifier, key, router, opts...)
	require.NoError(t, err)
	return c
}

func messageSend(websiteID, content string) map[string]any {
	return map[string]any{
		"website_id":  websiteID,
		"session_id":  "session_0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d",
		"type":        "text",
		"from":        "user",
		"origin":      "chat",
		"content":     content,
		"fingerprint": 163408346341023,
		"timestamp":   1700482315000,
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

func TestClientReceivesPushedEvents(t *testing.T) {
	ctx := testContext(t)
	rest, sock := setup(t)
	type got struct {
		m  api.EventMessageSend
		ev *events.Event
	}
	msgs := make(chan got, 10)
	router := events.NewRouter()
	events.On(router, "message:send", func(_ context.Context, m api.EventMessageSend, ev *events.Event) error {
		msgs <- got{m, ev}
		return nil
	})
	c := newClient(t, rest, crisptest.Key, router)
	run(t, c)

	require.NoError(t, sock.WaitForClients(ctx, 1))
	require.True(t, strings.HasPrefix(sock.URL(), "http://127.0.0.1:") && strings.HasSuffix(sock.URL(), rtmtest.DefaultPath), sock.URL())
	_, ok := rest.LastRequest("getConnectEndpoints")
	require.True(t, ok, "the client did not look the endpoint up")

	for i := range 3 {
		require.NoError(t, sock.Push(ctx, "message:send", messageSend(crisptest.WebsiteID, fmt.Sprintf("hello %d", i))))
	}
	for i := range 3 {
		g := receive(t, msgs, "message:send")
		text, err := g.m.Content.AsMessageContentText()
		require.NoError(t, err)
		require.Equal(t, fmt.Sprintf("hello %d", i), text, "events arrive in the order pushed")
		require.Equal(t, api.MessageFromUser, g.m.From)
		require.Equal(t, int64(163408346341023), g.m.Fingerprint)
		require.Equal(t, crisptest.WebsiteID, g.ev.WebsiteID)
	}

	auths := sock.Authentications()
	require.NotEmpty(t, auths)
	last := auths[len(auths)-1]
	require.Equal(t, rtmtest.Authentication{
		SocketID: last.SocketID,
		Tier:     "plugin",
		Username: crisptest.Identifier,
		KeyValid: true,
		Accepted: true,
		Events:   []string{"message:send"},
	}, last)
	require.NotContains(t, fmt.Sprintf("%#v", auths), crisptest.Key, "the server keeps the key")
	clients := sock.Clients()
	require.Len(t, clients, 1)
	require.Equal(t, last.SocketID, clients[0].SocketID)
	require.Equal(t, []string{"message:send"}, clients[0].Events)
}

func TestWrongCredentials(t *testing.T) {
	for _, tc := range []struct {
		name string
		key  string
		opts []rtmtest.Option
	}{
		{"wrong key", "wrong-key", nil},
		{"other credentials", crisptest.Key, []rtmtest.Option{rtmtest.WithCredentials("someone-else", "another-key")}},
		{"tier not accepted", crisptest.Key, []rtmtest.Option{rtmtest.WithTiers(crisp.TierWebsite, crisp.TierUser)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rest, sock := setup(t, tc.opts...)
			router := events.NewRouter()
			router.Handle("message:send", func(context.Context, *events.Event) error { return nil })
			done := run(t, newClient(t, rest, tc.key, router))

			err := receive(t, done, "Run to return")
			require.ErrorIs(t, err, rtm.ErrUnauthorized)
			require.NotContains(t, err.Error(), tc.key)

			auths := sock.Authentications()
			require.Len(t, auths, 1, "the client retried after unauthorized")
			require.False(t, auths[0].Accepted)
			require.Equal(t, tc.name != "tier not accepted", !auths[0].KeyValid)
			require.Empty(t, sock.Clients())
			require.ErrorIs(t, sock.Push(t.Context(), "message:send", nil), rtmtest.ErrNoSubscribers)
		})
	}
}

// recorder is a router that records the names of the events it receives.
func recorder(names ...events.Name) (*events.Router, <-chan string) {
	got := make(chan string, 100)
	router := events.NewRouter()
	for _, n := range names {
		router.Handle(n, func(_ context.Context, ev *events.Event) error {
			got <- string(ev.Name)
			return nil
		})
	}
	return router, got
}

func TestBindPushPopFiltering(t *testing.T) {
	ctx := testContext(t)
	rest, sock := setup(t)
	router, got := recorder("message:send", "message:received", "session:set_email", "website:users:available")
	// The client binds only once it knows it is authenticated, which may
	// be after the server does: wait for its OnConnect hook.
	connected := make(chan struct{}, 1)
	c := newClient(t, rest, crisptest.Key, router,
		rtm.WithEvents("message:send", "website:users:available"),
		rtm.WithOnConnect(func() { connected <- struct{}{} }))
	run(t, c)
	require.NoError(t, sock.WaitForClients(ctx, 1))
	receive(t, connected, "the client's authentication")

	push := func(name string) {
		t.Helper()
		require.NoError(t, sock.Push(ctx, name, map[string]any{"website_id": crisptest.WebsiteID}))
	}
	unsubscribed := func(name string) {
		t.Helper()
		require.ErrorIs(t, sock.Push(ctx, name, map[string]any{}), rtmtest.ErrNoSubscribers)
	}

	push("message:send")
	unsubscribed("message:received")

	require.NoError(t, c.Push(ctx, "message:received"))
	require.NoError(t, sock.WaitForSubscribers(ctx, "message:received", 1))
	push("message:received")

	require.NoError(t, c.Pop(ctx, "message:send"))
	require.NoError(t, sock.WaitForSubscribers(ctx, "message:send", 0))
	unsubscribed("message:send")

	require.NoError(t, c.Bind(ctx, "session:set_email", "website:users:available"))
	require.NoError(t, sock.WaitForSubscribers(ctx, "session:set_email", 1))
	require.Equal(t, 0, sock.Subscribers("message:received"))
	unsubscribed("message:received")
	push("session:set_email")

	// A rebind changes nothing.
	require.NoError(t, c.Rebind(ctx))
	require.NoError(t, sock.Wait(ctx, func() bool { return len(sock.Binds()) == 4 }), "binds: %+v", sock.Binds())
	binds := sock.Binds()
	for i := range binds {
		binds[i].SocketID = ""
	}
	require.Equal(t, []rtmtest.Bind{
		{Event: "socket:bind:push", Events: []string{"message:received"}},
		{Event: "socket:bind:pop", Events: []string{"message:send"}},
		{Event: "socket:bind", Events: []string{"session:set_email", "website:users:available"}},
		{Event: "socket:bind"},
	}, binds)
	clients := sock.Clients()
	require.Len(t, clients, 1)
	require.Equal(t, []string{"session:set_email", "website:users:available"}, clients[0].Events)

	// Events pushed to a socket arrive in order: once the last one is in,
	// every earlier one is.
	push("website:users:available")
	var seen []string
	for len(seen) == 0 || seen[len(seen)-1] != "website:users:available" {
		seen = append(seen, receive(t, got, "the events"))
	}
	require.Equal(t, []string{"message:send", "message:received", "session:set_email", "website:users:available"}, seen)
}

func TestRooms(t *testing.T) {
	ctx := testContext(t)
	rest, sock := setup(t)
	router, got := recorder("message:send")
	run(t, newClient(t, rest, crisptest.Key, router, rtm.WithRooms(crisptest.WebsiteID), rtm.WithInboxes("inbox-1")))
	require.NoError(t, sock.WaitForClients(ctx, 1))
	auth := sock.Clients()[0].Authentication
	require.Equal(t, []string{crisptest.WebsiteID}, auth.Rooms)
	require.Equal(t, []string{"inbox-1"}, auth.Inboxes)

	require.ErrorIs(t, sock.Push(ctx, "message:send", messageSend("another-website", "x")), rtmtest.ErrNoSubscribers)
	require.NoError(t, sock.Push(ctx, "message:send", messageSend(crisptest.WebsiteID, "x")))
	require.Equal(t, "message:send", receive(t, got, "message:send"))
}

func TestReconnectAfterDisconnectAll(t *testing.T) {
	ctx := testContext(t)
	rest, sock := setup(t)
	connects := make(chan struct{}, 10)
	router, got := recorder("message:send")
	c := newClient(t, rest, crisptest.Key, router, rtm.WithOnConnect(func() { connects <- struct{}{} }))
	run(t, c)

	require.NoError(t, sock.WaitForClients(ctx, 1))
	receive(t, connects, "the first authentication, client side")
	first := sock.Clients()[0].SocketID
	sock.DisconnectAll()
	// The client reconnects within milliseconds: no Empty(Clients) here.
	require.NoError(t, sock.WaitForClients(ctx, 1))
	require.NotEqual(t, first, sock.Clients()[0].SocketID)
	require.NoError(t, sock.Push(ctx, "message:send", messageSend(crisptest.WebsiteID, "after reconnect")))
	require.Equal(t, "message:send", receive(t, got, "message:send"))
	// The client heard of its second authentication before the event.
	receive(t, connects, "the second authentication, client side")

	accepted := 0
	for _, a := range sock.Authentications() {
		if a.Accepted {
			accepted++
		}
	}
	require.Equal(t, 2, accepted)
	require.Empty(t, connects)
}

func TestSeveralClients(t *testing.T) {
	ctx := testContext(t)
	rest, sock := setup(t)
	routerA, gotA := recorder("message:send")
	routerB, gotB := recorder("message:send", "message:received")
	run(t, newClient(t, rest, crisptest.Key, routerA))
	run(t, newClient(t, rest, crisptest.Key, routerB))
	require.NoError(t, sock.WaitForClients(ctx, 2))
	require.Equal(t, 2, sock.Subscribers("message:send"))
	require.Equal(t, 1, sock.Subscribers("message:received"))

	require.NoError(t, sock.Push(ctx, "message:received", nil))
	require.NoError(t, sock.Push(ctx, "message:send", nil))
	require.Equal(t, "message:send", receive(t, gotA, "A's message:send"))
	require.Equal(t, "message:received", receive(t, gotB, "B's message:received"))
	require.Equal(t, "message:send", receive(t, gotB, "B's message:send"))
}

func TestAttachAnswersEveryTier(t *testing.T) {
	rest, sock := setup(t)
	for _, tier := range []crisp.Tier{crisp.TierPlugin, crisp.TierUser, crisp.TierWebsite} {
		c := rest.Client(t, crisp.WithToken(tier, crisptest.Identifier, crisptest.Key))
		ep, err := c.RTMEndpoint(t.Context())
		require.NoError(t, err, tier)
		require.Equal(t, sock.URL(), ep, tier)
	}
	eps, err := rest.Client(t).Website.GetWebsiteConnectEndpoints(t.Context(), crisptest.WebsiteID)
	require.NoError(t, err)
	require.Equal(t, sock.URL(), eps.Socket.App)
}

func TestPushErrorsAndWaits(t *testing.T) {
	sock, err := rtmtest.NewServer(rtmtest.WithPath("/u/4"))
	require.NoError(t, err)
	require.True(t, strings.HasSuffix(sock.URL(), "/u/4/"), sock.URL())

	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	require.ErrorIs(t, sock.Push(cancelled, "message:send", nil), context.Canceled)
	require.ErrorIs(t, sock.WaitForClients(cancelled, 1), context.Canceled)
	require.NoError(t, sock.WaitForClients(cancelled, 0), "a condition already true does not wait")
	require.ErrorContains(t, sock.Push(t.Context(), "message:send", make(chan int)), "encoding")
	require.ErrorIs(t, sock.Push(t.Context(), "message:send", nil), rtmtest.ErrNoSubscribers)

	short, cancelShort := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancelShort()
	require.ErrorIs(t, sock.WaitForSubscribers(short, "message:send", 1), context.DeadlineExceeded)

	// Close wakes the waiters.
	waiting := make(chan error, 1)
	go func() { waiting <- sock.WaitForClients(t.Context(), 1) }()
	sock.Close()
	sock.Close()
	require.ErrorIs(t, receive(t, waiting, "WaitForClients to return"), rtmtest.ErrClosed)
	require.ErrorIs(t, sock.Push(t.Context(), "message:send", nil), rtmtest.ErrClosed)

	_, err = rtmtest.NewServer(rtmtest.WithPath("/"))
	require.Error(t, err)
}

func TestAuthenticationsAreCopies(t *testing.T) {
	ctx := testContext(t)
	rest, sock := setup(t)
	router, _ := recorder("message:send")
	run(t, newClient(t, rest, crisptest.Key, router))
	require.NoError(t, sock.WaitForClients(ctx, 1))
	a := sock.Authentications()
	a[0].Events[0] = "changed"
	require.True(t, slices.Equal(sock.Authentications()[0].Events, []string{"message:send"}))
}

func Example() {
	// In a test: rest := crisptest.Start(t); sock := rtmtest.Start(t).
	rest, err := crisptest.NewServer()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rest.Close()
	sock, err := rtmtest.NewServer()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer sock.Close()
	rtmtest.Attach(rest, sock)

	client, err := rest.NewClient()
	if err != nil {
		fmt.Println(err)
		return
	}
	got := make(chan string, 1)
	router := events.NewRouter()
	events.On(router, "message:send", func(_ context.Context, m api.EventMessageSend, _ *events.Event) error {
		text, _ := m.Content.AsMessageContentText()
		got <- text
		return nil
	})
	bot, err := rtm.New(client, "", crisptest.Identifier, crisptest.Key, router, rtm.WithBackoff(10*time.Millisecond, 100*time.Millisecond))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- bot.Run(ctx) }()

	if err := sock.WaitForClients(ctx, 1); err != nil {
		fmt.Println(err)
		return
	}
	if err := sock.Push(ctx, "message:send", map[string]any{
		"website_id": crisptest.WebsiteID, "session_id": "session_1", "type": "text",
		"from": "user", "origin": "chat", "content": "Hello!", "fingerprint": 1, "timestamp": 1,
	}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(<-got)
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		fmt.Println(err)
	}
	// Output: Hello!
}

// rawClient connects to sock with the bare Socket.IO client and sends an
// authentication with key.
func rawClient(t *testing.T, sock *rtmtest.Server, key string) *sio.Client {
	t.Helper()
	ctx := testContext(t)
	c, err := sio.Dial(ctx, sock.URL(), sio.DialOptions{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = c.Close() })
	require.NoError(t, c.Emit(ctx, "authentication", map[string]any{
		"tier": "plugin", "username": crisptest.Identifier, "password": key, "events": []string{"message:send"},
	}))
	return c
}

// next returns the next packet c receives, and the end of the connection
// once every packet has been returned.
func next(t *testing.T, c *sio.Client, pending *[]sio.Packet) (sio.Packet, error) {
	t.Helper()
	for {
		if len(*pending) > 0 {
			p := (*pending)[0]
			*pending = (*pending)[1:]
			return p, nil
		}
		pkts, err := c.Take(nil)
		*pending = pkts
		if len(pkts) > 0 {
			continue
		}
		if err != nil {
			return sio.Packet{}, err
		}
		select {
		case <-c.Ready():
		case <-time.After(timeout):
			t.Fatal("nothing received")
		}
	}
}

func TestAuthenticatedIsTrue(t *testing.T) {
	sock := rtmtest.Start(t)
	c := rawClient(t, sock, crisptest.Key)
	var pending []sio.Packet
	p, err := next(t, c, &pending)
	require.NoError(t, err)
	name, args, err := p.Event()
	require.NoError(t, err)
	require.Equal(t, "authenticated", name)
	require.Len(t, args, 1, "Crisp's clients expect authenticated true")
	require.JSONEq(t, "true", string(args[0]))
}

func TestUnauthorizedEndsTheSession(t *testing.T) {
	sock := rtmtest.Start(t)
	c := rawClient(t, sock, "wrong-key")
	var pending []sio.Packet
	p, err := next(t, c, &pending)
	require.NoError(t, err)
	name, args, err := p.Event()
	require.NoError(t, err)
	require.Equal(t, "unauthorized", name)
	require.JSONEq(t, `{"message":"invalid credentials"}`, string(args[0]))
	p, err = next(t, c, &pending)
	require.NoError(t, err)
	require.Equal(t, sio.Disconnect, p.Type)
	_, err = next(t, c, &pending)
	require.ErrorIs(t, err, sio.ErrServerDisconnect)
}

func TestDisconnectAllClosesTheTransport(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	c := rawClient(t, sock, crisptest.Key)
	require.NoError(t, sock.WaitForClients(ctx, 1))
	var pending []sio.Packet
	p, err := next(t, c, &pending)
	require.NoError(t, err)
	name, _, _ := p.Event()
	require.Equal(t, "authenticated", name)

	sock.DisconnectAll()
	// A restart: no Socket.IO disconnect packet, after which
	// socket.io-client would not reconnect; the connection just closes.
	p, err = next(t, c, &pending)
	require.Error(t, err, "received %+v", p)
	require.NotErrorIs(t, err, sio.ErrServerDisconnect)
	require.NotErrorIs(t, err, sio.ErrClosed)
	require.NoError(t, sock.Wait(ctx, func() bool { return sock.Connections()[0].Reason != "" }))
	require.Equal(t, "forced close", sock.Connections()[0].Reason)
}

func TestKickAllSendsADisconnectPacket(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	c := rawClient(t, sock, crisptest.Key)
	require.NoError(t, sock.WaitForClients(ctx, 1))
	sock.KickAll()
	require.Empty(t, sock.Clients())
	var pending []sio.Packet
	p, err := next(t, c, &pending)
	require.NoError(t, err)
	name, _, _ := p.Event()
	require.Equal(t, "authenticated", name)
	p, err = next(t, c, &pending)
	require.NoError(t, err)
	require.Equal(t, sio.Disconnect, p.Type)
	_, err = next(t, c, &pending)
	require.ErrorIs(t, err, sio.ErrServerDisconnect)
	require.NoError(t, sock.Wait(ctx, func() bool { return sock.Connections()[0].Reason != "" }))
	require.Equal(t, "server namespace disconnect", sock.Connections()[0].Reason)
}

func TestFreezeAllStopsTheHeartbeat(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t, rtmtest.WithHeartbeat(20*time.Millisecond, 50*time.Millisecond))
	c := rawClient(t, sock, crisptest.Key)
	require.NoError(t, sock.WaitForClients(ctx, 1))
	require.Equal(t, 20*time.Millisecond, c.Handshake.PingInterval)
	require.Equal(t, 50*time.Millisecond, c.Handshake.PingTimeout)
	sock.FreezeAll()
	require.Empty(t, sock.Clients())
	var pending []sio.Packet
	for {
		_, err := next(t, c, &pending)
		if err != nil {
			require.ErrorIs(t, err, sio.ErrHeartbeat)
			break
		}
	}
	_ = c.Close()
	require.NoError(t, sock.Wait(ctx, func() bool { return sock.Connections()[0].Reason != "" }))
	require.Equal(t, "transport close", sock.Connections()[0].Reason)
}
