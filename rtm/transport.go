package rtm

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
	engine "github.com/zishang520/socket.io/clients/engine/v3"
	"github.com/zishang520/socket.io/parsers/engine/v3/packet"
	eioparser "github.com/zishang520/socket.io/parsers/engine/v3/parser"
	sioparser "github.com/zishang520/socket.io/parsers/socket/v3/parser"
	"github.com/zishang520/socket.io/v3/pkg/queue"
	"github.com/zishang520/socket.io/v3/pkg/types"
)

// This file adapts the Socket.IO client library (github.com/zishang520/
// socket.io) in two places, both through its public extension points:
//
//   - wsDialer is the engine's WebSocket transport. The library's own
//     transport dials with no context and no timeout, synchronously inside
//     Manager.Open, and starts reading before the manager listens for the
//     handshake. Ours dials with a context (the session's, bounded by the
//     dial timeout), and its reader waits for a gate that the session opens
//     once Socket.Connect has returned, so the handshake cannot be missed.
//     Engine.IO framing is still the library's parser.
//   - tapParser is the Socket.IO parser with a listener on its decoder: it
//     sees every decoded packet on the reading goroutine, in wire order and
//     before the close that follows them, which the library's event
//     emitter (an asynchronous task queue) does not guarantee.

// writeTimeout bounds one WebSocket write, so that a stalled peer turns
// into an error rather than a writer blocked for ever.
const writeTimeout = 10 * time.Second

// wsDialer builds the WebSocket transport of one session (one engine
// socket). It is an engine.TransportCtor.
type wsDialer struct {
	ctx     context.Context // cancelled when the session ends
	timeout time.Duration
	tls     *tls.Config
	header  http.Header
	gate    chan struct{} // closed once the manager listens to the engine

	mu         sync.Mutex
	err        error // the dial error, if the dial failed
	transports []*wsTransport
	closed     bool
}

var _ engine.TransportCtor = (*wsDialer)(nil)

func newWSDialer(ctx context.Context, timeout time.Duration, tlsConfig *tls.Config, header http.Header) *wsDialer {
	return &wsDialer{ctx: ctx, timeout: timeout, tls: tlsConfig, header: header, gate: make(chan struct{})}
}

// Name is the Engine.IO name of the transport.
func (d *wsDialer) Name() string { return "websocket" }

// New returns a transport for the engine socket s.
func (d *wsDialer) New(s engine.Socket, opts engine.SocketOptionsInterface) engine.Transport {
	t := &wsTransport{Transport: engine.MakeTransport(), d: d, wq: queue.New(), done: make(chan struct{})}
	t.Prototype(t)
	t.Construct(s, opts)
	d.mu.Lock()
	closed := d.closed
	if !closed {
		d.transports = append(d.transports, t)
	}
	d.mu.Unlock()
	if closed {
		t.shut()
	}
	return t
}

// open lets the transports read: the manager now listens to the engine.
func (d *wsDialer) open() { close(d.gate) }

// dialErr returns the error of a failed dial, or nil.
func (d *wsDialer) dialErr() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.err
}

func (d *wsDialer) setErr(err error) {
	d.mu.Lock()
	if d.err == nil {
		d.err = err
	}
	d.mu.Unlock()
}

// close closes every transport of the session: their connections close,
// their readers return, and the engine hears of the close, so that its
// timers stop.
func (d *wsDialer) close() {
	d.mu.Lock()
	d.closed = true
	ts := d.transports
	d.transports = nil
	d.mu.Unlock()
	for _, t := range ts {
		t.shut()
	}
}

// wsTransport is an Engine.IO WebSocket transport. It embeds the
// library's base transport and overrides DoOpen, DoClose, Write and Name.
type wsTransport struct {
	engine.Transport

	d    *wsDialer
	conn atomic.Pointer[websocket.Conn]
	wq   *queue.Queue // serializes writes

	once     sync.Once
	reported sync.Once
	done     chan struct{} // closed when the transport is shut
}

// Name is the Engine.IO name of the transport.
func (t *wsTransport) Name() string { return "websocket" }

// DoOpen dials the server. It runs synchronously inside Socket.Connect,
// bounded by the dial timeout and the session's context.
func (t *wsTransport) DoOpen() {
	ctx, cancel := context.WithTimeout(t.d.ctx, t.d.timeout)
	defer cancel()
	// The dialer honours ctx's deadline for the whole handshake but its
	// cancellation only while connecting: stop blocked reads and writes
	// with a past deadline when ctx ends.
	var stops []func() bool
	dialer := websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment,
		TLSClientConfig:  t.d.tls,
		HandshakeTimeout: t.d.timeout,
		NetDialContext: func(dctx context.Context, network, addr string) (net.Conn, error) {
			c, err := new(net.Dialer).DialContext(dctx, network, addr)
			if err != nil {
				return nil, err
			}
			stops = append(stops, context.AfterFunc(ctx, func() { _ = c.SetDeadline(time.Unix(1, 0)) }))
			return c, nil
		},
	}
	conn, resp, err := dialer.DialContext(ctx, t.uri(), t.d.header)
	for _, stop := range stops {
		stop()
	}
	if err == nil && ctx.Err() != nil {
		_ = conn.Close()
		err = ctx.Err()
	}
	if err != nil {
		if resp != nil {
			err = fmt.Errorf("%w (HTTP %s)", err, resp.Status)
		}
		t.d.setErr(err)
		t.OnError("websocket dial error", err, nil)
		return
	}
	t.conn.Store(conn)
	select {
	case <-t.done: // shut while dialling
		_ = conn.Close()
		return
	default:
	}
	go t.read(conn)
	t.OnOpen()
}

// read passes every message to the engine until the connection fails.
func (t *wsTransport) read(conn *websocket.Conn) {
	select {
	case <-t.d.gate:
	case <-t.done:
		return
	}
	for {
		mt, data, err := conn.ReadMessage()
		if err != nil {
			t.lost(err)
			return
		}
		switch mt {
		case websocket.TextMessage:
			t.OnData(types.NewStringBuffer(data))
		case websocket.BinaryMessage:
			t.OnData(types.NewBytesBuffer(data))
		}
	}
}

// lost reports a connection that failed on its own (not shut by us).
func (t *wsTransport) lost(err error) {
	select {
	case <-t.done:
		return
	default:
	}
	t.release()
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		err = fmt.Errorf("websocket closed by the server: %w", err)
	}
	t.report(err)
}

// report tells the engine, once, that the transport closed, unless the
// engine closed it itself.
func (t *wsTransport) report(err error) {
	t.reported.Do(func() {
		if s := t.ReadyState(); s == engine.TransportStateOpen || s == engine.TransportStateOpening {
			t.OnClose(err)
		}
	})
}

// release closes the connection and the write queue, once.
func (t *wsTransport) release() {
	t.once.Do(func() {
		close(t.done)
		t.wq.TryClose()
		if c := t.conn.Load(); c != nil {
			_ = c.Close()
		}
	})
}

// shut closes the transport from our side and tells the engine, if it
// still thinks the transport open.
func (t *wsTransport) shut() {
	t.release()
	t.report(nil)
}

// DoClose is the engine closing the transport.
func (t *wsTransport) DoClose() { t.release() }

// Write sends packets, in order, on the write queue.
func (t *wsTransport) Write(packets []*packet.Packet) {
	t.SetWritable(false)
	t.wq.Enqueue(func() { t.write(packets) })
}

func (t *wsTransport) write(packets []*packet.Packet) {
	conn := t.conn.Load()
	if conn == nil {
		return
	}
	for _, p := range packets {
		data, err := eioparser.Parserv4().EncodePacket(p, t.SupportsBinary())
		if err != nil {
			t.OnError("websocket encode error", err, nil)
			return
		}
		mt := websocket.BinaryMessage
		if _, ok := data.(*types.StringBuffer); ok {
			mt = websocket.TextMessage
		}
		_ = conn.SetWriteDeadline(time.Now().Add(writeTimeout))
		if err := conn.WriteMessage(mt, data.Bytes()); err != nil {
			select {
			case <-t.done:
			default:
				t.OnError("websocket write error", err, nil)
			}
			return
		}
	}
	t.SetWritable(true)
	t.Emit("drain")
}

// uri is the WebSocket URL of the engine: ws(s)://host[:port]/path/?EIO=4&transport=websocket[&sid=...]
func (t *wsTransport) uri() string {
	scheme := "ws"
	if t.Opts().Secure() {
		scheme = "wss"
	}
	q := url.Values{}
	for k, vs := range t.Query() {
		q[k] = append([]string(nil), vs...)
	}
	if !t.SupportsBinary() {
		q.Set("b64", "1")
	}
	return t.CreateUri(scheme, q).String()
}

// tapParser is the library's Socket.IO parser whose decoders also hand
// every decoded packet to tap, synchronously, before the library sees it.
type tapParser struct {
	tap func(*sioparser.Packet)
}

func (p tapParser) NewEncoder() sioparser.Encoder { return sioparser.NewEncoder() }

func (p tapParser) NewDecoder() sioparser.Decoder {
	d := sioparser.NewDecoder()
	_ = d.On("decoded", func(args ...any) {
		if len(args) > 0 {
			if pk, ok := args[0].(*sioparser.Packet); ok && pk != nil {
				p.tap(pk)
			}
		}
	})
	return d
}
