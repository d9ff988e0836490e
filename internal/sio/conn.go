package sio

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Timeouts of the connection, both sides.
const (
	// WriteTimeout bounds one WebSocket write: a peer that stops reading
	// turns into an error rather than a writer blocked for ever.
	WriteTimeout = 10 * time.Second
	// CloseGrace bounds the closing handshake: after sending its close
	// frame, a side waits this long for the peer's before it closes the
	// TCP connection.
	CloseGrace = time.Second
)

// Errors of a connection.
var (
	// ErrClosed is returned by the writes of a connection that is closing
	// or closed, and is why a connection closed by this side ended.
	ErrClosed = errors.New("sio: connection closed")
	// ErrTooLarge is returned by a write longer than the peer's
	// maxPayload.
	ErrTooLarge = errors.New("sio: packet larger than the peer's maxPayload")
)

// conn is a WebSocket connection carrying Engine.IO packets: it
// serializes writes (gorilla/websocket allows one writer at a time) and
// arbitrates the read deadline between the heartbeat and the close.
type conn struct {
	ws *websocket.Conn

	wmu sync.Mutex // serializes writes

	dmu     sync.Mutex // guards closing and the read deadline
	closing bool       // the closing handshake began
}

// write sends one text frame, bounded by WriteTimeout and ctx's deadline.
func (c *conn) write(ctx context.Context, b []byte) error {
	c.dmu.Lock()
	closing := c.closing
	c.dmu.Unlock()
	if closing {
		return ErrClosed
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	deadline := time.Now().Add(WriteTimeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.ws.SetWriteDeadline(deadline)
	return c.ws.WriteMessage(websocket.TextMessage, b)
}

// extendRead moves the read deadline to now+d, unless the connection is
// closing (then the close's deadline stands).
func (c *conn) extendRead(d time.Duration) {
	c.dmu.Lock()
	defer c.dmu.Unlock()
	if !c.closing {
		_ = c.ws.SetReadDeadline(time.Now().Add(d))
	}
}

// isClosing reports whether the closing handshake began.
func (c *conn) isClosing() bool {
	c.dmu.Lock()
	defer c.dmu.Unlock()
	return c.closing
}

// beginClose starts the closing handshake: it sends last (if not nil),
// then a WebSocket close frame, and limits the reads to CloseGrace, so
// that the reader ends when the peer answers the close, or soon after.
// It reports whether the handshake began now (false: it already had).
func (c *conn) beginClose(last []byte, code int) bool {
	c.dmu.Lock()
	if c.closing {
		c.dmu.Unlock()
		return false
	}
	c.closing = true
	deadline := time.Now().Add(CloseGrace)
	_ = c.ws.SetReadDeadline(deadline)
	c.dmu.Unlock()

	c.wmu.Lock()
	if last != nil {
		_ = c.ws.SetWriteDeadline(deadline)
		_ = c.ws.WriteMessage(websocket.TextMessage, last)
	}
	c.wmu.Unlock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, ""), deadline)
	return true
}

// abort closes the TCP connection at once, without closing handshake; a
// blocked reader returns.
func (c *conn) abort() {
	c.dmu.Lock()
	c.closing = true
	c.dmu.Unlock()
	_ = c.ws.Close()
}
