package rtmtest

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/internal/sio"
)

// DefaultPath is the Socket.IO path of a new server, shaped like the
// plugin endpoints Crisp gives (https://plugin.relay.crisp.chat/p/2/).
const DefaultPath = "/p/1/"

// Errors returned by Push.
var (
	// ErrNoSubscribers is returned (wrapped) by Push when no
	// authenticated socket is subscribed to the event: nothing was sent.
	ErrNoSubscribers = errors.New("rtmtest: no authenticated socket is subscribed to the event")
	// ErrClosed is returned by Push after Close.
	ErrClosed = errors.New("rtmtest: server closed")
)

// Socket.IO events of the RTM protocol.
const (
	evAuthentication = "authentication"
	evAuthenticated  = "authenticated"
	evUnauthorized   = "unauthorized"
	evBind           = "socket:bind"
	evBindPush       = "socket:bind:push"
	evBindPop        = "socket:bind:pop"
)

// Server is a fake Crisp RTM socket. Create it with NewServer or Start.
// Its methods are safe for concurrent use.
type Server struct {
	opts options
	io   *sio.Server
	http *httptest.Server
	url  string

	mu      sync.Mutex
	closed  bool
	conns   map[string]*sio.ServerConn // every connected socket, by id
	clients map[string]*client         // the authenticated ones
	history []Connection
	auths   []Authentication
	binds   []Bind
	changed chan struct{} // closed, and replaced, at every change

	closeOnce sync.Once
}

// client is an authenticated socket.
type client struct {
	sock   *sio.ServerConn
	auth   Authentication
	events []string // the subscription, in order, without duplicates
}

// Connection is a socket that connected to the server's main namespace.
type Connection struct {
	SocketID string
	// Path and UserAgent are those of the WebSocket handshake.
	Path      string
	UserAgent string
	// Reason is why the connection ended, named as the Node socket.io
	// server names it: "client namespace disconnect" (the client sent a
	// Socket.IO disconnect packet), "transport close" (it closed the
	// connection, as after FreezeAll), "ping timeout" (it did not answer
	// the server's ping), "server namespace disconnect" (KickAll, or an
	// unauthorized answer), "forced close" (DisconnectAll), "server
	// shutting down" (Close). It is empty while the connection is open.
	Reason string
}

// Authentication is an authentication event a client sent, without its
// password.
type Authentication struct {
	// SocketID is the Socket.IO id of the socket that sent it.
	SocketID string
	Tier     string
	Username string
	// KeyValid reports whether the password was the server's key. The
	// password itself is not kept.
	KeyValid bool
	// Accepted reports whether the server answered authenticated.
	Accepted bool
	// Events, Rooms and Inboxes are the lists the client sent (nil when
	// absent).
	Events  []string
	Rooms   []string
	Inboxes []string
}

// Bind is a socket:bind, socket:bind:push or socket:bind:pop event an
// authenticated socket sent.
type Bind struct {
	SocketID string
	// Event is socket:bind, socket:bind:push or socket:bind:pop.
	Event string
	// Events is the payload's events; nil when it had none (a rebind).
	Events []string
}

// Client describes an authenticated socket.
type Client struct {
	SocketID string
	// Authentication is the socket's accepted authentication.
	Authentication Authentication
	// Events is the socket's current subscription.
	Events []string
}

// Option configures a Server.
type Option func(*options)

type options struct {
	identifier, key string
	tiers           []string
	path            string
	pingInterval    time.Duration
	pingTimeout     time.Duration
}

// WithCredentials sets the token the server accepts (default
// crisptest.Identifier and crisptest.Key).
func WithCredentials(identifier, key string) Option {
	return func(o *options) { o.identifier, o.key = identifier, key }
}

// WithTiers sets the tiers the server accepts in the authentication
// (default plugin, website and user).
func WithTiers(tiers ...crisp.Tier) Option {
	return func(o *options) {
		o.tiers = nil
		for _, t := range tiers {
			o.tiers = append(o.tiers, string(t))
		}
	}
}

// WithPath sets the Socket.IO path, the path of URL (default
// DefaultPath).
func WithPath(path string) Option {
	return func(o *options) { o.path = path }
}

// WithHeartbeat sets the Engine.IO heartbeat the server announces: it
// pings every interval and closes a connection whose pong does not come
// within timeout; a client should close the connection when no ping came
// for interval+timeout. The default is the Node server's, 25 s and 20 s;
// tests of a frozen server (FreezeAll) shorten it.
func WithHeartbeat(interval, timeout time.Duration) Option {
	return func(o *options) { o.pingInterval, o.pingTimeout = interval, timeout }
}

// NewServer starts a server on a loopback port. Close it when done.
func NewServer(opts ...Option) (*Server, error) {
	o := options{
		identifier: crisptest.Identifier,
		key:        crisptest.Key,
		tiers:      []string{string(crisp.TierPlugin), string(crisp.TierWebsite), string(crisp.TierUser)},
		path:       DefaultPath,
	}
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	path := "/" + strings.Trim(o.path, "/")
	if path == "/" {
		return nil, fmt.Errorf("rtmtest: invalid path %q", o.path)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("rtmtest: listen: %w", err)
	}

	s := &Server{
		opts:    o,
		conns:   map[string]*sio.ServerConn{},
		clients: map[string]*client{},
		changed: make(chan struct{}),
	}
	s.io = &sio.Server{
		PingInterval: o.pingInterval,
		PingTimeout:  o.pingTimeout,
		OnConnect:    s.onConnect,
		OnEvent:      s.onEvent,
		OnClose:      s.onClose,
	}
	mux := http.NewServeMux()
	mux.Handle(path+"/", s.io)
	s.http = httptest.NewUnstartedServer(mux)
	_ = s.http.Listener.Close()
	s.http.Listener = ln
	s.http.Start()
	s.url = s.http.URL + path + "/"
	return s, nil
}

// Start starts a server for a test and closes it when the test ends.
func Start(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	s, err := NewServer(opts...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(s.Close)
	return s
}

// URL returns the socket endpoint as Crisp gives it in data.socket.app:
// http://127.0.0.1:<port>/p/1/.
func (s *Server) URL() string { return s.url }

// Close disconnects every socket and stops the server. It may be called
// more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		s.notifyLocked()
		s.mu.Unlock()
		s.io.Close()
		s.http.Close()
	})
}

// onConnect records a socket that connected the main namespace.
func (s *Server) onConnect(sock *sio.ServerConn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		sock.Close()
		return
	}
	s.conns[sock.ID] = sock
	s.history = append(s.history, Connection{SocketID: sock.ID, Path: sock.Path, UserAgent: sock.Header.Get("User-Agent")})
	s.notifyLocked()
}

// onEvent handles an event of a connected socket. Events of one socket
// are handled in the order it sent them.
func (s *Server) onEvent(sock *sio.ServerConn, name string, args []json.RawMessage) {
	switch name {
	case evAuthentication:
		s.authenticate(sock, args)
	case evBind, evBindPush, evBindPop:
		s.bind(sock, name, args)
	}
}

// onClose forgets a socket whose connection ended.
func (s *Server) onClose(sock *sio.ServerConn, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.clients, sock.ID)
	delete(s.conns, sock.ID)
	for i := range s.history {
		if s.history[i].SocketID == sock.ID {
			s.history[i].Reason = reason
		}
	}
	s.notifyLocked()
}

// object decodes the first argument of an event as a JSON object; nil
// when it is not one.
func object(args []json.RawMessage) map[string]any {
	if len(args) == 0 {
		return nil
	}
	var p map[string]any
	if json.Unmarshal(args[0], &p) != nil {
		return nil
	}
	return p
}

// authenticate answers an authentication event.
func (s *Server) authenticate(sock *sio.ServerConn, args []json.RawMessage) {
	p := object(args)
	tier, _ := p["tier"].(string)
	username, _ := p["username"].(string)
	password, _ := p["password"].(string)
	auth := Authentication{
		SocketID: sock.ID,
		Tier:     tier,
		Username: username,
		KeyValid: equal(password, s.opts.key),
		Events:   stringList(p["events"]),
		Rooms:    stringList(p["rooms"]),
		Inboxes:  stringList(p["inboxes"]),
	}
	var refusal string
	switch {
	case p == nil:
		refusal = "the authentication payload is not an object"
	case !equal(username, s.opts.identifier) || !auth.KeyValid:
		refusal = "invalid credentials"
	case !slices.Contains(s.opts.tiers, tier):
		refusal = fmt.Sprintf("the tier %q is not accepted", tier)
	}
	auth.Accepted = refusal == ""

	if !auth.Accepted {
		s.mu.Lock()
		s.auths = append(s.auths, auth)
		delete(s.clients, sock.ID)
		s.notifyLocked()
		s.mu.Unlock()
		// Crisp answers unauthorized and closes the session.
		_ = sock.Emit(context.Background(), evUnauthorized, map[string]any{"message": refusal})
		sock.Disconnect()
		return
	}
	// Answer before registering the socket, so that no pushed event can
	// precede the answer. Crisp answers true.
	_ = sock.Emit(context.Background(), evAuthenticated, true)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.auths = append(s.auths, auth)
	if _, ok := s.conns[sock.ID]; ok && !s.closed {
		s.clients[sock.ID] = &client{sock: sock, auth: auth, events: dedup(auth.Events)}
	}
	s.notifyLocked()
}

// bind applies a socket:bind, socket:bind:push or socket:bind:pop event.
func (s *Server) bind(sock *sio.ServerConn, ev string, args []json.RawMessage) {
	p := object(args)
	_, has := p["events"]
	names := stringList(p["events"])
	if has && names == nil {
		names = []string{}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.clients[sock.ID]
	if !ok {
		return // not authenticated: Crisp ignores it
	}
	s.binds = append(s.binds, Bind{SocketID: sock.ID, Event: ev, Events: names})
	switch {
	case !has: // a rebind: the subscription stays
	case ev == evBind:
		c.events = dedup(names)
	case ev == evBindPush:
		c.events = dedup(append(c.events, names...))
	case ev == evBindPop:
		c.events = slices.DeleteFunc(c.events, func(n string) bool { return slices.Contains(names, n) })
	}
	s.notifyLocked()
}

// Push emits the event name with data to every authenticated socket
// subscribed to it (and, for a socket authenticated with rooms, whose
// rooms hold the data's website_id). data is sent as its JSON encoding;
// nil sends the event without data. Push returns an error matching
// ErrNoSubscribers when no socket was subscribed: nothing was sent.
//
// Push returns once the event is queued on every socket: it arrives
// after everything pushed before to the same socket.
func (s *Server) Push(ctx context.Context, name string, data any) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var (
		payload   json.RawMessage
		websiteID string
	)
	if data != nil {
		b, err := json.Marshal(data)
		if err != nil {
			return fmt.Errorf("rtmtest: encoding the data of %s: %w", name, err)
		}
		payload = b
		var obj struct {
			WebsiteID string `json:"website_id"`
		}
		_ = json.Unmarshal(b, &obj) // not an object: no website
		websiteID = obj.WebsiteID
	}

	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return ErrClosed
	}
	var targets []*sio.ServerConn
	for _, c := range s.clients {
		if !slices.Contains(c.events, name) {
			continue
		}
		if websiteID != "" && len(c.auth.Rooms) > 0 && !slices.Contains(c.auth.Rooms, websiteID) {
			continue
		}
		targets = append(targets, c.sock)
	}
	s.mu.Unlock()
	if len(targets) == 0 {
		return fmt.Errorf("%w: %s", ErrNoSubscribers, name)
	}

	var errs []error
	for _, sock := range targets {
		var err error
		if payload == nil {
			err = sock.Emit(ctx, name)
		} else {
			err = sock.Emit(ctx, name, payload)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("rtmtest: pushing %s to %s: %w", name, sock.ID, err))
		}
	}
	return errors.Join(errs...)
}

// Authentications returns the authentication events received so far,
// oldest first, the refused ones included.
func (s *Server) Authentications() []Authentication {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Authentication, len(s.auths))
	for i, a := range s.auths {
		out[i] = a.clone()
	}
	return out
}

// Binds returns the socket:bind, socket:bind:push and socket:bind:pop
// events received from authenticated sockets, oldest first.
func (s *Server) Binds() []Bind {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Bind, len(s.binds))
	for i, b := range s.binds {
		b.Events = slices.Clone(b.Events)
		out[i] = b
	}
	return out
}

// Clients returns the authenticated sockets, in no particular order.
func (s *Server) Clients() []Client {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Client, 0, len(s.clients))
	for id, c := range s.clients {
		out = append(out, Client{SocketID: id, Authentication: c.auth.clone(), Events: slices.Clone(c.events)})
	}
	return out
}

// Subscribers returns how many authenticated sockets are subscribed to
// the event name.
func (s *Server) Subscribers(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.clients {
		if slices.Contains(c.events, name) {
			n++
		}
	}
	return n
}

// Wait blocks until cond returns true, or ctx is done (then it returns
// ctx's error), or the server is closed (ErrClosed). cond is evaluated
// now and after every change of the server's state; it may call the
// server's methods.
func (s *Server) Wait(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ch, closed := s.changed, s.closed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		if closed {
			return ErrClosed
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ch:
		}
	}
}

// WaitForClients blocks until at least n sockets are authenticated (and
// still connected), or ctx is done.
func (s *Server) WaitForClients(ctx context.Context, n int) error {
	return s.Wait(ctx, func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		return len(s.clients) >= n
	})
}

// WaitForSubscribers blocks until exactly n authenticated sockets are
// subscribed to the event name, or ctx is done. Use it after a client's
// Bind, Push or Pop, whose events reach the server asynchronously.
func (s *Server) WaitForSubscribers(ctx context.Context, name string, n int) error {
	return s.Wait(ctx, func() bool { return s.Subscribers(name) == n })
}

// Connections returns the sockets that connected to the main namespace,
// oldest first, with why the closed ones ended.
func (s *Server) Connections() []Connection {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.history)
}

// DisconnectAll closes the connection of every socket, authenticated or
// not, as when Crisp restarts: the TCP connections close with neither a
// Socket.IO nor a WebSocket goodbye, and the clients (the official one as
// package rtm) reconnect. The sockets are no longer counted as
// authenticated when it returns, so that WaitForClients then waits for
// the clients to reconnect.
func (s *Server) DisconnectAll() {
	for _, sock := range s.takeAll() {
		sock.Close()
	}
}

// KickAll ends the session of every socket with a Socket.IO disconnect
// packet, the server deciding to disconnect the client: socket.io-client
// does not reconnect after it, and package rtm gives up after
// rtm.MaxKicks of them in a row. The sockets are no longer counted as
// authenticated when it returns.
func (s *Server) KickAll() {
	for _, sock := range s.takeAll() {
		sock.Disconnect()
	}
}

// FreezeAll makes the server hang on every open connection, as a frozen
// Crisp server: the connections stay open but the server sends nothing
// more, not even its pings, and ignores what the clients send. A client
// should notice by the heartbeat (see WithHeartbeat) and reconnect; the
// new connections are served normally. The frozen sockets are no longer
// counted as authenticated when it returns.
func (s *Server) FreezeAll() {
	for _, sock := range s.takeAll() {
		sock.Freeze()
	}
}

// takeAll forgets every socket and returns them.
func (s *Server) takeAll() []*sio.ServerConn {
	s.mu.Lock()
	defer s.mu.Unlock()
	socks := make([]*sio.ServerConn, 0, len(s.conns))
	for _, sock := range s.conns {
		socks = append(socks, sock)
	}
	clear(s.conns)
	clear(s.clients)
	s.notifyLocked()
	return socks
}

// notifyLocked wakes the waiters. s.mu is held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (a Authentication) clone() Authentication {
	a.Events = slices.Clone(a.Events)
	a.Rooms = slices.Clone(a.Rooms)
	a.Inboxes = slices.Clone(a.Inboxes)
	return a
}

// equal compares secrets in constant time.
func equal(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// stringList returns the strings of a JSON array, or nil when v is not
// one.
func stringList(v any) []string {
	list, ok := v.([]any)
	if !ok {
		return nil
	}
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func dedup(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// Attach makes the REST fake answer the RTM connect endpoints routes
// with the RTM fake's URL: getConnectEndpoints (plugin tier),
// getUserConnectEndpoints (user tier), getWebsiteTokenConnectEndpoints
// (website tier), which crisp.Client.RTMEndpoint and package rtm call,
// and getWebsiteConnectEndpoints.
func Attach(rest *crisptest.Server, rtm *Server) {
	answer := func(*crisptest.Call) (int, any) {
		return http.StatusOK, map[string]any{
			"error":  false,
			"reason": "resolved",
			"data":   map[string]any{"socket": map[string]any{"app": rtm.URL()}},
		}
	}
	for _, op := range []string{"getConnectEndpoints", "getUserConnectEndpoints", "getWebsiteTokenConnectEndpoints", "getWebsiteConnectEndpoints"} {
		rest.Handle(op, answer)
	}
}
