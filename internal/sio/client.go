package sio

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// DefaultReadLimit caps the size of one received WebSocket message.
const DefaultReadLimit = 32 << 20

// Errors of a client connection.
var (
	// ErrHeartbeat is why a connection ended when the server sent no
	// ping for pingInterval+pingTimeout: the server or the network is
	// frozen.
	ErrHeartbeat = errors.New("sio: heartbeat timeout")
	// ErrServerDisconnect is why a connection ended when the server sent
	// a Socket.IO disconnect packet: it ended the session on purpose.
	ErrServerDisconnect = errors.New("sio: disconnected by the server")
)

// DialOptions configures Dial.
type DialOptions struct {
	// Header is sent with the WebSocket handshake (User-Agent, ...).
	Header http.Header
	// TLSConfig configures wss connections.
	TLSConfig *tls.Config
	// ReadLimit caps one received message (default DefaultReadLimit).
	ReadLimit int64
}

// Handshake is what the server said in its Engine.IO open packet.
type Handshake struct {
	SID          string
	PingInterval time.Duration
	PingTimeout  time.Duration
	MaxPayload   int64
}

// openPacket is the JSON data of an Engine.IO open packet.
type openPacket struct {
	SID          string   `json:"sid"`
	Upgrades     []string `json:"upgrades"`
	PingInterval int64    `json:"pingInterval"`
	PingTimeout  int64    `json:"pingTimeout"`
	MaxPayload   int64    `json:"maxPayload"`
}

// Client is a Socket.IO connection to the main namespace of a server. A
// goroutine reads the connection: it answers the server's pings, watches
// the heartbeat and queues the packets of the main namespace, which Take
// returns. Emit may be called from any goroutine. Close ends the
// connection and its goroutine.
type Client struct {
	conn
	// Handshake is the server's Engine.IO handshake.
	Handshake Handshake
	// ID is the Socket.IO id of the socket.
	ID string

	mu    sync.Mutex
	queue []Packet
	err   error         // why the connection ended, once it has
	ready chan struct{} // holds a token while Take has something to return

	done      chan struct{} // closed when the reader has returned
	closeOnce sync.Once
	rbuf      bytes.Buffer // readText's buffer
}

// URL returns the WebSocket URL of a Socket.IO endpoint: its scheme made
// ws or wss, its path the Socket.IO path (with a trailing slash, as
// socket.io-client adds), its query EIO=4&transport=websocket.
func URL(endpoint string) (string, error) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return "", fmt.Errorf("sio: invalid endpoint: %w", err)
	}
	switch u.Scheme {
	case "http", "ws":
		u.Scheme = "ws"
	case "https", "wss":
		u.Scheme = "wss"
	default:
		return "", fmt.Errorf("sio: endpoint %q is not an http(s) or ws(s) URL", endpoint)
	}
	if u.Host == "" {
		return "", fmt.Errorf("sio: endpoint %q has no host", endpoint)
	}
	u.Path = strings.TrimSuffix(u.Path, "/") + "/"
	u.RawPath = ""
	u.RawQuery = "EIO=4&transport=websocket"
	u.Fragment = ""
	u.User = nil
	return u.String(), nil
}

// Dial connects to the Socket.IO endpoint (an http, https, ws or wss URL
// whose path is the Socket.IO path), opens the Engine.IO session and
// connects the main namespace. ctx bounds all of it: its cancellation
// interrupts the dial and the handshakes.
func Dial(ctx context.Context, endpoint string, opts DialOptions) (*Client, error) {
	wsURL, err := URL(endpoint)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// The dialer honours ctx's deadline for the whole WebSocket handshake
	// but its cancellation only while connecting: a past deadline on the
	// TCP connection stops the reads and writes when ctx ends, until the
	// handshakes are over.
	var (
		smu  sync.Mutex
		stop []func() bool
	)
	defer func() {
		smu.Lock()
		defer smu.Unlock()
		for _, s := range stop {
			s()
		}
	}()
	dialer := websocket.Dialer{
		Proxy:           http.ProxyFromEnvironment,
		TLSClientConfig: opts.TLSConfig,
		NetDialContext: func(dctx context.Context, network, addr string) (net.Conn, error) {
			c, err := new(net.Dialer).DialContext(dctx, network, addr)
			if err != nil {
				return nil, err
			}
			smu.Lock()
			stop = append(stop, context.AfterFunc(ctx, func() { _ = c.SetDeadline(time.Unix(1, 0)) }))
			smu.Unlock()
			return c, nil
		},
	}
	ws, resp, err := dialer.DialContext(ctx, wsURL, opts.Header)
	if err != nil {
		err = ctxError(ctx, err)
		if resp != nil {
			err = fmt.Errorf("%w (HTTP %s%s)", err, resp.Status, responseMessage(resp))
		}
		return nil, fmt.Errorf("sio: dial: %w", err)
	}
	limit := opts.ReadLimit
	if limit <= 0 {
		limit = DefaultReadLimit
	}
	ws.SetReadLimit(limit)
	c := &Client{conn: conn{ws: ws}, ready: make(chan struct{}, 1), done: make(chan struct{})}
	if err := c.handshake(ctx); err != nil {
		_ = ws.Close()
		if cerr := ctxError(ctx, err); cerr != err {
			err = fmt.Errorf("sio: handshake: %w", cerr)
		}
		return nil, err
	}
	smu.Lock()
	for _, s := range stop {
		if !s() { // ctx ended: the deadline is in the past
			smu.Unlock()
			_ = ws.Close()
			return nil, fmt.Errorf("sio: handshake: %w", ctx.Err())
		}
	}
	stop = nil
	smu.Unlock()
	_ = ws.NetConn().SetDeadline(time.Time{})
	c.extendRead(c.heartbeat())
	go c.read()
	return c, nil
}

// ctxError returns ctx's error for an error that ctx caused: its
// cancellation, or its deadline (the connection's deadline is ctx's, so a
// timeout is ctx's deadline passing, perhaps a little before ctx notices).
func ctxError(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	var ne net.Error
	if _, ok := ctx.Deadline(); ok && errors.As(err, &ne) && ne.Timeout() {
		return context.DeadlineExceeded
	}
	return err
}

// responseMessage returns the start of a refused handshake's body.
func responseMessage(resp *http.Response) string {
	if resp.Body == nil {
		return ""
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	_ = resp.Body.Close()
	if s := strings.TrimSpace(string(b)); s != "" {
		return ": " + s
	}
	return ""
}

// heartbeat is how long the client waits for a ping.
func (c *Client) heartbeat() time.Duration {
	return c.Handshake.PingInterval + c.Handshake.PingTimeout
}

// handshake reads the Engine.IO open packet, connects the main namespace
// and waits for the server's answer.
func (c *Client) handshake(ctx context.Context) error {
	if d, ok := ctx.Deadline(); ok {
		_ = c.ws.SetReadDeadline(d)
	}
	data, err := c.readText()
	if err != nil {
		return fmt.Errorf("sio: waiting for the Engine.IO open packet: %w", err)
	}
	if data[0] != eioOpen {
		return fmt.Errorf("sio: the server sent %.40q instead of the Engine.IO open packet", data)
	}
	var open openPacket
	if err := json.Unmarshal(data[1:], &open); err != nil {
		return fmt.Errorf("sio: invalid Engine.IO open packet: %w", err)
	}
	if open.SID == "" || open.PingInterval <= 0 || open.PingTimeout <= 0 {
		return fmt.Errorf("sio: invalid Engine.IO open packet %.200s", data)
	}
	c.Handshake = Handshake{
		SID:          open.SID,
		PingInterval: time.Duration(open.PingInterval) * time.Millisecond,
		PingTimeout:  time.Duration(open.PingTimeout) * time.Millisecond,
		MaxPayload:   open.MaxPayload,
	}
	if err := c.write(ctx, frame(Packet{Type: Connect})); err != nil {
		return fmt.Errorf("sio: connecting the namespace: %w", err)
	}
	for {
		data, err := c.readText()
		if err != nil {
			return fmt.Errorf("sio: waiting for the namespace: %w", err)
		}
		switch data[0] {
		case eioPing:
			if err := c.write(ctx, []byte{eioPong}); err != nil {
				return fmt.Errorf("sio: answering a ping: %w", err)
			}
			continue
		case eioClose:
			return errors.New("sio: the server closed the session during the handshake")
		case eioMessage:
		default:
			continue
		}
		p, err := ParsePacket(data[1:])
		if err != nil {
			return err
		}
		if p.namespace() != MainNamespace {
			continue
		}
		switch p.Type {
		case Connect:
			var ack struct {
				SID string `json:"sid"`
			}
			_ = json.Unmarshal(p.Data, &ack)
			c.ID = ack.SID
			return nil
		case ConnectError:
			return fmt.Errorf("sio: the server refused the namespace: %s", p.ConnectErrorMessage())
		case Disconnect:
			return fmt.Errorf("sio: the server refused the namespace: %w", ErrServerDisconnect)
		default:
			return fmt.Errorf("sio: packet type %d before the namespace connected", p.Type)
		}
	}
}

// readText returns the next non-empty text frame, in a slice of its own
// (the packets parsed from it keep slices of it). The frame is read into a
// buffer the client reuses (one reader at a time: the handshake, then the
// reading goroutine), then copied once at its exact size, where
// websocket.Conn.ReadMessage would grow a new slice from 512 bytes.
func (c *Client) readText() ([]byte, error) {
	for {
		mt, r, err := c.ws.NextReader()
		if err != nil {
			return nil, err
		}
		if mt != websocket.TextMessage {
			continue // the next NextReader skips what is left of it
		}
		c.rbuf.Reset()
		_, err = c.rbuf.ReadFrom(r)
		data := bytes.Clone(c.rbuf.Bytes())
		if c.rbuf.Cap() > maxKeptReadBuffer {
			c.rbuf = bytes.Buffer{} // a rare large frame is not kept
		}
		if err != nil {
			return nil, err
		}
		if len(data) > 0 {
			return data, nil
		}
	}
}

// maxKeptReadBuffer is the largest read buffer a client keeps between
// frames.
const maxKeptReadBuffer = 64 << 10

// read is the reading goroutine.
func (c *Client) read() {
	defer close(c.done)
	for {
		data, err := c.readText()
		if err != nil {
			c.end(c.readError(err))
			return
		}
		switch data[0] {
		case eioPing:
			c.extendRead(c.heartbeat())
			if err := c.write(context.Background(), []byte{eioPong}); err != nil && !c.isClosing() {
				c.end(fmt.Errorf("sio: answering a ping: %w", err))
				return
			}
		case eioClose:
			c.end(errors.New("sio: the server closed the Engine.IO session"))
			return
		case eioMessage:
			p, err := ParsePacket(data[1:])
			if err != nil {
				c.end(err) // socket.io-client closes on a parse error too
				return
			}
			if p.namespace() != MainNamespace {
				continue
			}
			c.push(p)
			if p.Type == Disconnect {
				c.end(ErrServerDisconnect)
				return
			}
		}
	}
}

// readError explains why the reader stopped.
func (c *Client) readError(err error) error {
	if c.isClosing() {
		return ErrClosed
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%w: no ping from the server for %v", ErrHeartbeat, c.heartbeat())
	}
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return fmt.Errorf("sio: the server closed the WebSocket: %w", err)
	}
	return fmt.Errorf("sio: connection lost: %w", err)
}

func (c *Client) push(p Packet) {
	c.mu.Lock()
	c.queue = append(c.queue, p)
	c.mu.Unlock()
	c.signal()
}

// end records why the connection ended and wakes the consumer.
func (c *Client) end(err error) {
	c.mu.Lock()
	if c.err == nil {
		c.err = err
	}
	c.mu.Unlock()
	c.signal()
}

func (c *Client) signal() {
	select {
	case c.ready <- struct{}{}:
	default:
	}
}

// Ready holds a token while Take has packets, or the end of the
// connection, to return.
func (c *Client) Ready() <-chan struct{} { return c.ready }

// Take returns the packets of the main namespace received since the last
// call, in order (pings and pongs are handled by the client). Once the
// connection has ended, and every packet has been returned, it also
// returns why: ErrServerDisconnect after a server's Socket.IO disconnect
// packet (the last packet returned), ErrHeartbeat when the server went
// silent, ErrClosed after Close, or the transport's error. spare, when
// not nil, is a slice of an earlier call that the caller is done with:
// the next packets are queued in its array rather than a new one.
func (c *Client) Take(spare []Packet) ([]Packet, error) {
	clear(spare) // no packet kept alive by the spare array
	c.mu.Lock()
	defer c.mu.Unlock()
	q := c.queue
	c.queue = spare[:0]
	return q, c.err
}

// Emit sends the event [name, args...] (see NewEvent), bounded by
// WriteTimeout and ctx's deadline.
func (c *Client) Emit(ctx context.Context, name string, args ...any) error {
	p, err := NewEvent(name, args...)
	if err != nil {
		return err
	}
	return c.Send(ctx, p)
}

// Send sends a Socket.IO packet, bounded by WriteTimeout and ctx's
// deadline.
func (c *Client) Send(ctx context.Context, p Packet) error {
	b := frame(p)
	if max := c.Handshake.MaxPayload; max > 0 && int64(len(b)) > max {
		return fmt.Errorf("%w (%d bytes, max %d)", ErrTooLarge, len(b), max)
	}
	if err := c.write(ctx, b); err != nil {
		return fmt.Errorf("sio: send: %w", err)
	}
	return nil
}

// Close ends the connection as socket.io-client does: a Socket.IO
// disconnect packet (unless the connection already ended), a WebSocket
// close frame, a wait of up to CloseGrace for the server's close, then the
// TCP close. The reading goroutine has returned when Close returns.
func (c *Client) Close() error {
	c.closeOnce.Do(func() {
		select {
		case <-c.done:
		default:
			c.beginClose(frame(Packet{Type: Disconnect}), websocket.CloseNormalClosure)
			<-c.done
		}
		c.abort()
	})
	return nil
}
