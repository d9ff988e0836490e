package sio

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Defaults of a Server, those of the Node socket.io server.
const (
	DefaultPingInterval = 25 * time.Second
	DefaultPingTimeout  = 20 * time.Second
	DefaultMaxPayload   = 1_000_000
)

// Why a server connection ended, as the Node socket.io server names it.
const (
	ReasonClientDisconnect = "client namespace disconnect" // the client sent a disconnect packet
	ReasonServerDisconnect = "server namespace disconnect" // ServerConn.Disconnect
	ReasonTransportClose   = "transport close"             // the client closed the connection
	ReasonTransportError   = "transport error"             // the connection failed
	ReasonPingTimeout      = "ping timeout"                // the client did not answer a ping
	ReasonParseError       = "parse error"                 // the client sent a malformed packet
	ReasonForcedClose      = "forced close"                // ServerConn.Close
	ReasonShutdown         = "server shutting down"        // Server.Close
)

// errFrozen is returned by the writes of a frozen connection.
var errFrozen = errors.New("sio: connection frozen")

// Server serves Socket.IO clients of the main namespace over Engine.IO
// WebSocket connections: mount it as an http.Handler on the Socket.IO
// path. Set its fields before serving. The callbacks of one connection
// run on that connection's goroutine, in the order of the wire, so that a
// client's event is never handled before the connection is.
type Server struct {
	// PingInterval and PingTimeout are the heartbeat announced in the
	// open packet (defaults DefaultPingInterval, DefaultPingTimeout): the
	// server pings every PingInterval and closes a connection whose pong
	// does not come within PingTimeout.
	PingInterval, PingTimeout time.Duration
	// MaxPayload caps a received message (default DefaultMaxPayload).
	MaxPayload int64
	// OnConnect is called when a client has connected the main
	// namespace.
	OnConnect func(c *ServerConn)
	// OnEvent is called with every event a connected client sends: its
	// name and its arguments as the client sent them.
	OnEvent func(c *ServerConn, name string, args []json.RawMessage)
	// OnClose is called when the connection of a client that had
	// connected the main namespace has ended, with the reason (Reason*).
	OnClose func(c *ServerConn, reason string)

	mu     sync.Mutex
	closed bool
	conns  map[*ServerConn]struct{}
	wg     sync.WaitGroup // the connections being served
}

// ServerConn is the server side of one client connection.
type ServerConn struct {
	conn
	// ID is the Socket.IO id of the socket.
	ID string
	// Path and Header are those of the WebSocket handshake request.
	Path   string
	Header http.Header

	srv        *Server
	sid        string        // Engine.IO session id
	pong       chan struct{} // a pong arrived
	done       chan struct{} // closed when the connection has ended
	freeze     chan struct{} // closed by Freeze
	freezeOnce sync.Once

	mu        sync.Mutex
	reason    string // why the server ended the connection, if it did
	connected bool   // the main namespace is connected
}

// ServeHTTP serves one Engine.IO WebSocket connection until it ends.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	switch {
	case q.Get("EIO") != "4":
		engineError(w, 5, "Unsupported protocol version")
		return
	case q.Get("transport") != "websocket":
		engineError(w, 0, "Transport unknown")
		return
	case q.Get("sid") != "":
		engineError(w, 1, "Session ID unknown")
		return
	case !websocket.IsWebSocketUpgrade(r):
		engineError(w, 3, "Bad request")
		return
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "server closed", http.StatusServiceUnavailable)
		return
	}
	s.wg.Add(1)
	s.mu.Unlock()
	defer s.wg.Done()

	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade answered the error
	}
	ws.SetReadLimit(s.maxPayload())
	c := &ServerConn{
		conn:   conn{ws: ws},
		ID:     randomID(),
		Path:   r.URL.Path,
		Header: r.Header.Clone(),
		srv:    s,
		sid:    randomID(),
		pong:   make(chan struct{}, 1),
		done:   make(chan struct{}),
		freeze: make(chan struct{}),
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = ws.Close()
		return
	}
	if s.conns == nil {
		s.conns = map[*ServerConn]struct{}{}
	}
	s.conns[c] = struct{}{}
	s.mu.Unlock()
	c.serve()
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
}

// Close ends every connection (ReasonShutdown) and waits until they are
// all served. Later connections are refused.
func (s *Server) Close() {
	s.mu.Lock()
	s.closed = true
	conns := make([]*ServerConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.end(ReasonShutdown)
	}
	s.wg.Wait()
}

func (s *Server) pingInterval() time.Duration {
	if s.PingInterval > 0 {
		return s.PingInterval
	}
	return DefaultPingInterval
}

func (s *Server) pingTimeout() time.Duration {
	if s.PingTimeout > 0 {
		return s.PingTimeout
	}
	return DefaultPingTimeout
}

func (s *Server) maxPayload() int64 {
	if s.MaxPayload > 0 {
		return s.MaxPayload
	}
	return DefaultMaxPayload
}

// engineError answers a refused Engine.IO request as the Node server does.
func engineError(w http.ResponseWriter, code int, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest)
	_ = json.NewEncoder(w).Encode(map[string]any{"code": code, "message": message})
}

// randomID returns a random id shaped like the Node server's.
func randomID() string {
	var b [15]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// serve runs the connection: the open packet, the heartbeat, the reads.
func (c *ServerConn) serve() {
	open, _ := json.Marshal(openPacket{
		SID:          c.sid,
		Upgrades:     []string{},
		PingInterval: c.srv.pingInterval().Milliseconds(),
		PingTimeout:  c.srv.pingTimeout().Milliseconds(),
		MaxPayload:   c.srv.maxPayload(),
	})
	if err := c.write(context.Background(), append([]byte{eioOpen}, open...)); err != nil {
		c.setReason(ReasonTransportError)
		close(c.done)
	} else {
		var wg sync.WaitGroup
		wg.Go(c.heartbeat)
		c.setReason(c.readLoop())
		close(c.done)
		wg.Wait()
	}
	c.abort()
	c.mu.Lock()
	connected, reason := c.connected, c.reason
	c.mu.Unlock()
	if connected && c.srv.OnClose != nil {
		c.srv.OnClose(c, reason)
	}
}

// heartbeat pings every PingInterval and ends a connection whose pong
// does not come within PingTimeout.
func (c *ServerConn) heartbeat() {
	t := time.NewTimer(c.srv.pingInterval())
	defer t.Stop()
	for {
		select {
		case <-c.done:
			return
		case <-c.freeze:
			return
		case <-t.C:
		}
		select {
		case <-c.pong: // a pong nobody asked for
		default:
		}
		if c.write(context.Background(), []byte{eioPing}) != nil {
			return // the connection is ending
		}
		timeout := time.NewTimer(c.srv.pingTimeout())
		select {
		case <-c.done:
			timeout.Stop()
			return
		case <-c.freeze:
			timeout.Stop()
			return
		case <-c.pong:
			timeout.Stop()
		case <-timeout.C:
			c.end(ReasonPingTimeout)
			return
		}
		t.Reset(c.srv.pingInterval())
	}
}

// readLoop handles the client's packets until the connection ends, and
// returns why it ended.
func (c *ServerConn) readLoop() string {
	for {
		mt, data, err := c.ws.ReadMessage()
		if err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) {
				return ReasonTransportClose
			}
			return ReasonTransportError
		}
		if mt != websocket.TextMessage || len(data) == 0 || c.frozen() {
			continue
		}
		switch data[0] {
		case eioPong:
			select {
			case c.pong <- struct{}{}:
			default:
			}
		case eioClose:
			return ReasonTransportClose
		case eioMessage:
			p, err := ParsePacket(data[1:])
			if err != nil {
				return ReasonParseError
			}
			if reason := c.handle(p); reason != "" {
				return reason
			}
		}
	}
}

// handle handles a Socket.IO packet; it returns a reason to end the
// connection, or "".
func (c *ServerConn) handle(p Packet) string {
	if ns := p.namespace(); ns != MainNamespace {
		if p.Type == Connect {
			msg, _ := marshal(map[string]string{"message": "Invalid namespace"})
			_ = c.write(context.Background(), frame(Packet{Type: ConnectError, Namespace: ns, Data: msg}))
		}
		return ""
	}
	c.mu.Lock()
	connected := c.connected
	c.mu.Unlock()
	switch p.Type {
	case Connect:
		if connected {
			return ""
		}
		ack, _ := marshal(map[string]string{"sid": c.ID})
		if c.write(context.Background(), frame(Packet{Type: Connect, Data: ack})) != nil {
			return ReasonTransportError
		}
		c.mu.Lock()
		c.connected = true
		c.mu.Unlock()
		if c.srv.OnConnect != nil {
			c.srv.OnConnect(c)
		}
	case Event:
		if !connected {
			return ""
		}
		name, args, err := p.Event()
		if err != nil {
			return ReasonParseError
		}
		if c.srv.OnEvent != nil {
			c.srv.OnEvent(c, name, args)
		}
	case Disconnect:
		if connected {
			return ReasonClientDisconnect
		}
	}
	return ""
}

// setReason records why the connection ends, unless a reason already
// was.
func (c *ServerConn) setReason(reason string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.reason == "" {
		c.reason = reason
	}
}

// end ends the connection at once for reason.
func (c *ServerConn) end(reason string) {
	c.setReason(reason)
	c.abort()
}

// Emit sends the event [name, args...] (see NewEvent) to the client,
// bounded by WriteTimeout and ctx's deadline.
func (c *ServerConn) Emit(ctx context.Context, name string, args ...any) error {
	if c.frozen() {
		return errFrozen
	}
	p, err := NewEvent(name, args...)
	if err != nil {
		return err
	}
	b := frame(p)
	if err := c.write(ctx, b); err != nil {
		return fmt.Errorf("sio: emit %s: %w", name, err)
	}
	return nil
}

// Disconnect ends the client's session as the Node server's
// socket.disconnect(true) does: a Socket.IO disconnect packet, then the
// closing of the connection (ReasonServerDisconnect). A socket.io-client
// does not reconnect after it.
func (c *ServerConn) Disconnect() {
	c.setReason(ReasonServerDisconnect)
	c.beginClose(frame(Packet{Type: Disconnect}), websocket.CloseNormalClosure)
}

// Close closes the connection at once, with neither a Socket.IO nor a
// WebSocket goodbye (ReasonForcedClose), as when the server process
// stops: a socket.io-client reconnects.
func (c *ServerConn) Close() { c.end(ReasonForcedClose) }

// Freeze makes the server hang on this connection: it stays open, but
// the server sends nothing more (no ping: Emit fails) and ignores what
// the client sends (no pong awaited). The client should notice by its
// heartbeat and close it.
func (c *ServerConn) Freeze() { c.freezeOnce.Do(func() { close(c.freeze) }) }

func (c *ServerConn) frozen() bool {
	select {
	case <-c.freeze:
		return true
	default:
		return false
	}
}

// Done is closed when the connection has ended.
func (c *ServerConn) Done() <-chan struct{} { return c.done }
