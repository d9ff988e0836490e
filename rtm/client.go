package rtm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/internal/jsonx"
	"github.com/crisp-go/crisp-go/internal/redact"
	"github.com/crisp-go/crisp-go/internal/sio"
)

// Errors returned by Run.
var (
	// ErrUnauthorized is returned (wrapped) by Run when Crisp refuses the
	// token: the socket answered unauthorized to the authentication, or
	// the endpoint lookup failed with crisp.ErrUnauthorized. Run does not
	// retry then.
	ErrUnauthorized = errors.New("rtm: unauthorized")
	// ErrRunning is returned by Run when the client is already running.
	ErrRunning = errors.New("rtm: client is already running")
	// ErrKicked is returned (wrapped) by Run when Crisp ended the session
	// with a Socket.IO disconnect packet MaxKicks times in a row.
	ErrKicked = errors.New("rtm: disconnected by the server")
)

// MaxKicks is how many sessions in a row Crisp may end with a Socket.IO
// disconnect packet (a deliberate disconnection, unlike a lost connection
// or a restart) before Run gives up with ErrKicked. The sessions count as
// in a row when none stayed authenticated for the maximum backoff delay
// (WithBackoff) or was lost otherwise. Between them Run waits the
// exponential backoff, which such kicks do not reset.
const MaxKicks = 5

// Socket.IO events of the RTM protocol itself; they are not dispatched to
// the router.
const (
	evAuthentication = "authentication"
	evAuthenticated  = "authenticated"
	evUnauthorized   = "unauthorized"
	evBind           = "socket:bind"
	evBindPush       = "socket:bind:push"
	evBindPop        = "socket:bind:pop"
)

const redacted = redact.Redacted

// Client is a Crisp RTM client: it keeps one Socket.IO connection to
// Crisp and dispatches the events it receives to an events.Router. Create
// it with New and call Run. Its methods are safe for concurrent use.
type Client struct {
	rest       *crisp.Client
	tier       crisp.Tier
	identifier string
	key        string
	router     *events.Router
	cfg        config

	running atomic.Bool

	mu        sync.Mutex
	events    []events.Name // the subscription, when eventsSet
	eventsSet bool          // false: router.Names() at each authentication
	live      *sio.Client   // the authenticated socket, or nil
}

// New returns an RTM client for the token (tier, identifier, key) that
// dispatches events to router. client looks up the socket endpoint of the
// token's tier (RTMEndpoint); it may be nil with WithEndpoint. An empty
// tier takes client's tier. The key is kept only to authenticate the
// socket: the client never prints or logs it.
func New(client *crisp.Client, tier crisp.Tier, identifier, key string, router *events.Router, opts ...Option) (*Client, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if router == nil {
		return nil, errors.New("rtm: nil router")
	}
	if tier == "" && client != nil {
		tier = client.Tier()
	}
	if !tier.Valid() {
		return nil, fmt.Errorf("rtm: unknown token tier %q (want %q, %q or %q)", string(tier), crisp.TierPlugin, crisp.TierWebsite, crisp.TierUser)
	}
	if identifier == "" || key == "" {
		return nil, errors.New("rtm: token identifier and key must not be empty")
	}
	if client == nil && cfg.endpoint == "" {
		return nil, errors.New("rtm: a crisp.Client (to look the endpoint up) or WithEndpoint is required")
	}
	if client != nil && client.Tier() != "" && client.Tier() != tier {
		return nil, fmt.Errorf("rtm: tier %q differs from the crisp.Client's tier %q", tier, client.Tier())
	}
	if cfg.userAgent == "" {
		cfg.userAgent = "crisp-go/" + crisp.Version
	}
	return &Client{
		rest:       client,
		tier:       tier,
		identifier: identifier,
		key:        key,
		router:     router,
		cfg:        cfg,
		events:     cfg.events,
		eventsSet:  cfg.eventsSet,
	}, nil
}

// String describes the client without its key.
func (c *Client) String() string {
	return fmt.Sprintf("rtm.Client{tier: %s, identifier: %s, key: %s}", c.tier, redact.Identifier(c.identifier), redacted)
}

// GoString describes the client without its key.
func (c *Client) GoString() string { return c.String() }

// Format prints the client without its key, whatever the verb.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }

// Events returns the events the client subscribes to: those set by
// WithEvents, Bind, Push and Pop, or else the router's.
func (c *Client) Events() []events.Name {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.eventsLocked()
}

func (c *Client) eventsLocked() []events.Name {
	if c.eventsSet {
		return slices.Clone(c.events)
	}
	return c.router.Names()
}

// Connected reports whether the socket is connected and authenticated.
func (c *Client) Connected() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.live != nil
}

// Rebind sends socket:bind with an empty payload: Crisp re-associates the
// socket with its channels, for example the websites that installed the
// plugin since the socket connected. When the socket is not authenticated
// it sends nothing and returns nil: the next authentication binds anew.
// The official Node client allows one rebind every 2.5 s; do not call it
// in a loop.
func (c *Client) Rebind(ctx context.Context) error {
	return c.bind(ctx, evBind, nil, nil)
}

// Bind replaces the subscribed events with names (socket:bind {events}).
// The new set is kept for later authentications; when the socket is not
// authenticated nothing is sent and the next authentication carries it.
func (c *Client) Bind(ctx context.Context, names ...events.Name) error {
	return c.bind(ctx, evBind, names, func([]events.Name) []events.Name { return dedup(names) })
}

// Push adds names to the subscribed events (socket:bind:push {events}),
// for this connection and the later ones.
func (c *Client) Push(ctx context.Context, names ...events.Name) error {
	return c.bind(ctx, evBindPush, names, func(cur []events.Name) []events.Name {
		return dedup(append(cur, names...))
	})
}

// Pop removes names from the subscribed events (socket:bind:pop
// {events}), for this connection and the later ones.
func (c *Client) Pop(ctx context.Context, names ...events.Name) error {
	return c.bind(ctx, evBindPop, names, func(cur []events.Name) []events.Name {
		return slices.DeleteFunc(cur, func(n events.Name) bool { return slices.Contains(names, n) })
	})
}

func (c *Client) bind(ctx context.Context, ev string, names []events.Name, update func([]events.Name) []events.Name) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	payload := map[string]any{}
	if update != nil {
		c.events = update(c.eventsLocked())
		c.eventsSet = true
		payload["events"] = names2strings(names)
	}
	if c.live == nil {
		return nil
	}
	c.cfg.logger.Debug("rtm: binding", "event", ev, "events", payload["events"])
	if err := c.live.Emit(ctx, ev, payload); err != nil {
		return fmt.Errorf("rtm: %s: %w", ev, err)
	}
	return nil
}

// Run connects, authenticates and dispatches every event received to the
// router, one at a time in the order received, with ctx as the handlers'
// context. When the connection drops it reconnects, after an exponential
// backoff with jitter, and authenticates again.
//
// Run returns ctx's error once ctx is done, after it has sent Crisp a
// Socket.IO disconnect packet and every goroutine it started has ended (a
// handler still running is waited for). It returns an error matching
// ErrUnauthorized when Crisp refuses the token, one matching ErrKicked when
// Crisp ended the session MaxKicks times in a row, and an error from the
// endpoint lookup that retrying cannot fix (see crisp.Error.Temporary); it
// does not retry those. Errors it recovers from go to the WithErrorHandler
// hook. Run may be called again after it returns, but not concurrently
// (ErrRunning).
func (c *Client) Run(ctx context.Context) error {
	if !c.running.CompareAndSwap(false, true) {
		return ErrRunning
	}
	defer c.running.Store(false)
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(c.Events()) == 0 {
		return errors.New("rtm: no events to subscribe to: register handlers on the router or use WithEvents")
	}

	dctx, stop := context.WithCancel(ctx)
	queue := newFIFO[*events.Event]()
	var wg sync.WaitGroup
	wg.Go(func() { c.dispatch(dctx, queue) })
	defer func() {
		stop()
		wg.Wait()
	}()

	var (
		endpoint string
		attempt  int // reconnection delays since the last healthy session
		kicks    int // sessions in a row the server ended on purpose
	)
	for {
		if endpoint == "" {
			ep, err := c.lookup(ctx)
			switch {
			case ctx.Err() != nil:
				return ctx.Err()
			case err != nil && !retryable(err):
				return err
			case err != nil:
				c.report(fmt.Errorf("rtm: looking up the endpoint: %w", err))
			default:
				endpoint = ep
			}
		}
		if endpoint != "" {
			o := c.session(ctx, endpoint, queue)
			switch {
			case ctx.Err() != nil:
				return ctx.Err()
			case errors.Is(o.err, ErrUnauthorized):
				c.cfg.logger.Error("rtm: unauthorized", "error", o.err)
				return o.err
			}
			if o.lived >= c.cfg.maxBackoff {
				attempt, kicks = 0, 0
			}
			switch {
			case o.kicked:
				kicks++
				if kicks >= MaxKicks {
					err := fmt.Errorf("%w %d times in a row, giving up: %w", ErrKicked, kicks, o.err)
					c.cfg.logger.Error("rtm: kicked", "error", err)
					return err
				}
			case o.authenticated:
				attempt, kicks = 0, 0
			}
			if o.err != nil {
				c.report(o.err)
			}
			// After a few attempts that failed before authenticating,
			// ask for the endpoint again: it may have moved.
			if !o.authenticated && c.cfg.endpoint == "" && (attempt+1)%3 == 0 {
				endpoint = ""
			}
		}
		delay := c.backoff(attempt)
		attempt++
		c.cfg.logger.Info("rtm: reconnecting", "in", delay, "attempt", attempt)
		if !sleep(ctx, delay) {
			return ctx.Err()
		}
	}
}

// lookup returns the socket endpoint: the configured one, or the REST
// API's for the token's tier.
func (c *Client) lookup(ctx context.Context) (string, error) {
	if c.cfg.endpoint != "" {
		return c.cfg.endpoint, nil
	}
	ep, err := c.rest.RTMEndpoint(ctx)
	if err != nil {
		if errors.Is(err, crisp.ErrUnauthorized) {
			return "", fmt.Errorf("%w: looking up the endpoint: %w", ErrUnauthorized, err)
		}
		return "", err
	}
	if _, err := parseEndpoint(ep); err != nil {
		return "", err
	}
	return ep, nil
}

// retryable reports whether an endpoint lookup error may go away.
func retryable(err error) bool {
	if errors.Is(err, ErrUnauthorized) {
		return false
	}
	var ce *crisp.Error
	if errors.As(err, &ce) {
		return ce.Temporary() || errors.Is(err, crisp.ErrServer)
	}
	return true
}

// backoff is the delay before attempt n+1: min·2ⁿ capped at max, less a
// random part of up to half of it.
func (c *Client) backoff(n int) time.Duration {
	d := c.cfg.maxBackoff
	if n < 32 {
		if b := c.cfg.minBackoff << n; b > 0 && b < d {
			d = b
		}
	}
	half := d / 2
	return d - half + rand.N(half+1)
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// dispatch runs the handlers of the queued events, in order, until ctx
// is done.
func (c *Client) dispatch(ctx context.Context, q *fifo[*events.Event]) {
	var batch []*events.Event
	for {
		select {
		case <-ctx.Done():
			return
		case <-q.ready:
		}
		batch = q.take(batch)
		for _, ev := range batch {
			if ctx.Err() != nil {
				return
			}
			if err := c.router.Dispatch(ctx, ev); err != nil {
				c.report(fmt.Errorf("rtm: handling %s: %w", ev.Name, err))
			}
		}
	}
}

// report passes a recovered error to the hook and the logger.
func (c *Client) report(err error) {
	c.cfg.logger.Warn("rtm: error", "error", err)
	if c.cfg.onError != nil {
		c.cfg.onError(err)
	}
}

// outcome is how a session ended.
type outcome struct {
	authenticated bool
	lived         time.Duration // how long the socket stayed authenticated
	kicked        bool          // the server sent a Socket.IO disconnect
	err           error
}

// session makes one connection and serves it until it ends: the dial and
// the authentication are bounded by the dial timeout, then it lasts until
// the connection ends or ctx is done. On the way out it closes the socket
// (a Socket.IO disconnect packet first, as the official client).
func (c *Client) session(ctx context.Context, endpoint string, out *fifo[*events.Event]) outcome {
	log := c.cfg.logger.With("endpoint", endpoint)
	log.Debug("rtm: connecting")
	// dctx bounds the connection and the authentication.
	dctx, cancel := context.WithTimeout(ctx, c.cfg.dialTimeout)
	defer cancel()
	header := http.Header{}
	header.Set("User-Agent", c.cfg.userAgent)
	sock, err := sio.Dial(dctx, endpoint, sio.DialOptions{Header: header, TLSConfig: c.cfg.tls})
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			err = fmt.Errorf("no answer within %v: %w", c.cfg.dialTimeout, err)
		}
		return outcome{err: fmt.Errorf("rtm: connecting to %s: %w", endpoint, err)}
	}
	defer func() {
		c.setLive(sock, false)
		_ = sock.Close()
	}()
	log.Debug("rtm: connected, authenticating")
	if err := sock.Emit(dctx, evAuthentication, c.authPayload()); err != nil {
		return outcome{err: fmt.Errorf("rtm: authenticating: %w", err)}
	}

	var (
		authenticated bool
		since         time.Time     // when it authenticated
		deadline      = dctx.Done() // until it authenticates
		packets       []sio.Packet  // the last batch, its array reused
		end           error
	)
	result := func(err error) outcome {
		o := outcome{authenticated: authenticated, err: err}
		if authenticated {
			o.lived = time.Since(since)
		}
		return o
	}
	for {
		select {
		case <-ctx.Done():
			return result(ctx.Err())
		case <-deadline:
			return result(fmt.Errorf("rtm: connecting to %s: not authenticated within %v", endpoint, c.cfg.dialTimeout))
		case <-sock.Ready():
		}
		packets, end = sock.Take(packets)
		for i := range packets {
			p := &packets[i] // Event's arguments point into the packet
			if p.Type != sio.Event {
				continue // the disconnect packet comes with end
			}
			name, args, err := p.Event()
			if err != nil {
				c.report(fmt.Errorf("rtm: %w", err))
				continue
			}
			switch name {
			case evAuthenticated:
				if authenticated {
					continue
				}
				if err := authenticatedArg(args); err != nil {
					return result(fmt.Errorf("%w: Crisp did not accept the %s token %s: %w", ErrUnauthorized, c.tier, redact.Identifier(c.identifier), err))
				}
				authenticated, since, deadline = true, time.Now(), nil
				c.setLive(sock, true)
				log.Info("rtm: authenticated", "tier", c.tier, "identifier", redact.Identifier(c.identifier))
				if c.cfg.onConnect != nil {
					c.cfg.onConnect()
				}
			case evUnauthorized:
				msg := ""
				if len(args) > 0 && string(args[0]) != "null" && string(args[0]) != "{}" {
					msg = ": " + string(args[0])
				}
				return result(fmt.Errorf("%w: Crisp refused the %s token %s%s", ErrUnauthorized, c.tier, redact.Identifier(c.identifier), msg))
			default:
				out.push(toEvent(name, args))
			}
		}
		if end == nil {
			continue
		}
		o := result(nil)
		o.kicked = errors.Is(end, sio.ErrServerDisconnect)
		switch {
		case o.kicked:
			o.err = fmt.Errorf("rtm: Crisp ended the session: %w", end)
		case !authenticated:
			o.err = fmt.Errorf("rtm: connection closed before authentication: %w", end)
		default:
			o.err = fmt.Errorf("rtm: connection lost: %w", end)
		}
		log.Warn("rtm: disconnected", "error", end)
		return o
	}
}

// authenticatedArg checks the argument of Crisp's authenticated event:
// none, or true. Anything else (false above all) is a refusal.
func authenticatedArg(args []json.RawMessage) error {
	if len(args) == 0 || string(args[0]) == "true" {
		return nil
	}
	return fmt.Errorf("authenticated %.100s", args[0])
}

// setLive records sock as the authenticated socket (on) or forgets it.
func (c *Client) setLive(sock *sio.Client, on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case on:
		c.live = sock
	case c.live == sock:
		c.live = nil
	}
}

// authPayload is the authentication event's payload. It holds the key:
// never log it.
func (c *Client) authPayload() map[string]any {
	c.mu.Lock()
	names := c.eventsLocked()
	c.mu.Unlock()
	p := map[string]any{
		"tier":     string(c.tier),
		"username": c.identifier,
		"password": c.key,
		"events":   names2strings(names),
	}
	if len(c.cfg.rooms) > 0 {
		p["rooms"] = slices.Clone(c.cfg.rooms)
	}
	if len(c.cfg.inboxes) > 0 {
		p["inboxes"] = slices.Clone(c.cfg.inboxes)
	}
	return p
}

// toEvent builds the router's event from a Socket.IO event: its data is
// the first argument, as Crisp sent it (integers keep their exact value).
func toEvent(name string, args []json.RawMessage) *events.Event {
	ev := &events.Event{Name: events.Name(name), Data: json.RawMessage("null")}
	if len(args) > 0 {
		ev.Data = args[0]
		var obj struct {
			WebsiteID string `json:"website_id"`
		}
		if jsonx.Decode(args[0], &obj) == nil {
			ev.WebsiteID = obj.WebsiteID
		}
	}
	return ev
}

func names2strings(names []events.Name) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = string(n)
	}
	return out
}

func dedup(names []events.Name) []events.Name {
	out := make([]events.Name, 0, len(names))
	for _, n := range names {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
