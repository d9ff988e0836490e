package rtm

import (
	"crypto/tls"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/crisp-go/crisp-go/events"
)

// Defaults of the options.
const (
	// DefaultDialTimeout bounds one connection attempt: the WebSocket
	// dial, the Engine.IO and Socket.IO handshakes and the authentication.
	// The official Node client waits 10 s too.
	DefaultDialTimeout = 10 * time.Second
	// DefaultMinBackoff is the base delay before reconnecting.
	DefaultMinBackoff = 2 * time.Second
	// DefaultMaxBackoff caps the delay between reconnection attempts.
	DefaultMaxBackoff = time.Minute
)

// An Option configures a Client.
type Option func(*config) error

type config struct {
	endpoint    string
	events      []events.Name
	eventsSet   bool
	rooms       []string
	inboxes     []string
	minBackoff  time.Duration
	maxBackoff  time.Duration
	dialTimeout time.Duration
	tls         *tls.Config
	userAgent   string
	logger      *slog.Logger
	onError     func(error)
	onConnect   func()
}

func defaultConfig() config {
	return config{
		minBackoff:  DefaultMinBackoff,
		maxBackoff:  DefaultMaxBackoff,
		dialTimeout: DefaultDialTimeout,
		logger:      slog.New(slog.DiscardHandler),
	}
}

// WithEndpoint connects to this RTM socket URL (as in data.socket.app)
// instead of asking the REST API for it; the crisp.Client may then be nil.
// It must be an absolute http, https, ws or wss URL; its path is the
// Socket.IO path.
func WithEndpoint(endpoint string) Option {
	return func(c *config) error {
		if _, err := parseEndpoint(endpoint); err != nil {
			return err
		}
		c.endpoint = endpoint
		return nil
	}
}

// WithEvents sets the events to subscribe to. By default the client
// subscribes to the events the router has handlers for (Router.Names),
// read at each authentication.
func WithEvents(names ...events.Name) Option {
	return func(c *config) error {
		c.events = append([]events.Name{}, names...)
		c.eventsSet = true
		return nil
	}
}

// WithRooms limits the subscription to these websites (the rooms field
// of the authentication payload). By default a plugin token receives
// the events of every website that installed the plugin.
func WithRooms(websiteIDs ...string) Option {
	return func(c *config) error {
		c.rooms = append([]string(nil), websiteIDs...)
		return nil
	}
}

// WithInboxes limits the subscription to these inboxes (the inboxes
// field of the authentication payload).
func WithInboxes(inboxIDs ...string) Option {
	return func(c *config) error {
		c.inboxes = append([]string(nil), inboxIDs...)
		return nil
	}
}

// WithBackoff sets the reconnection delays: the n-th consecutive attempt
// waits min·2ⁿ capped at max, of which a random half is taken off
// (jitter). The counter resets after a session that authenticated and was
// then lost (a network failure, a Crisp restart), or that stayed
// authenticated for at least max; not after one that Crisp ended with a
// Socket.IO disconnect packet (see MaxKicks).
func WithBackoff(minDelay, maxDelay time.Duration) Option {
	return func(c *config) error {
		if minDelay <= 0 || maxDelay < minDelay {
			return fmt.Errorf("rtm: invalid backoff bounds %v, %v (want 0 < min <= max)", minDelay, maxDelay)
		}
		c.minBackoff, c.maxBackoff = minDelay, maxDelay
		return nil
	}
}

// WithDialTimeout bounds one connection attempt: the WebSocket dial, the
// handshakes and the authentication (default DefaultDialTimeout).
func WithDialTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 {
			return fmt.Errorf("rtm: invalid dial timeout %v", d)
		}
		c.dialTimeout = d
		return nil
	}
}

// WithTLSConfig sets the TLS configuration of the WebSocket connection.
func WithTLSConfig(cfg *tls.Config) Option {
	return func(c *config) error {
		c.tls = cfg
		return nil
	}
}

// WithUserAgent replaces the User-Agent header of the WebSocket
// handshake (default "crisp-go/<version>").
func WithUserAgent(ua string) Option {
	return func(c *config) error {
		c.userAgent = ua
		return nil
	}
}

// WithLogger logs the connection's life (connects, drops, reconnection
// delays) and the errors to l. The default logs nothing. The key is never
// logged.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l != nil {
			c.logger = l
		}
		return nil
	}
}

// WithErrorHandler calls fn with every error that does not stop Run: a
// handler's error, a failed connection attempt, a dropped connection. It
// is called from Run's goroutines and must not block for long.
func WithErrorHandler(fn func(error)) Option {
	return func(c *config) error {
		c.onError = fn
		return nil
	}
}

// WithOnConnect calls fn after each successful authentication, the first
// and those after a reconnection. Events sent while the client was
// disconnected are not replayed, so this is the place to resynchronise
// (for example to list recent conversations). fn runs on Run's goroutine:
// start a goroutine for anything slow.
func WithOnConnect(fn func()) Option {
	return func(c *config) error {
		c.onConnect = fn
		return nil
	}
}

// parseEndpoint checks an RTM endpoint URL.
func parseEndpoint(endpoint string) (*url.URL, error) {
	u, err := url.Parse(endpoint)
	if err != nil {
		return nil, fmt.Errorf("rtm: invalid endpoint URL: %w", err)
	}
	switch u.Scheme {
	case "http", "https", "ws", "wss":
	default:
		return nil, fmt.Errorf("rtm: endpoint %q is not an absolute http(s) or ws(s) URL", endpoint)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("rtm: endpoint %q has no host", endpoint)
	}
	return u, nil
}
