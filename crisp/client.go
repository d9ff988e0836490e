package crisp

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/crisp-go/crisp-go/api"
)

// DefaultBaseURL is the Crisp REST API V1 endpoint.
const DefaultBaseURL = "https://api.crisp.chat/v1/"

// DefaultTimeout bounds each call, retries included, unless WithTimeout
// says otherwise.
const DefaultTimeout = 30 * time.Second

// Client is a Crisp REST API V1 client. Create it with New. It is immutable
// and safe for concurrent use; derive variants with With.
type Client struct {
	// Website groups the website routes (conversations, people, operators,
	// helpdesk, campaigns, ...).
	Website *WebsiteService
	// Plugin groups the plugin connect and subscription routes.
	Plugin *PluginService
	// Plan groups the plan subscription routes.
	Plan *PlanService
	// Bucket groups the bucket URL routes.
	Bucket *BucketService
	// Media groups the media routes.
	Media *MediaService

	cfg config
	api *api.Client
	// raw is what API returns: a copy of api, so that changing it (its
	// Server, its RequestEditors) leaves the facade as it is.
	raw  *api.Client
	doer *doer
	// fixed holds the headers editRequest sets on every request, built
	// once by New (never the credentials).
	fixed *[]fixedHeader
}

// fixedHeader is a header editRequest sets. Its values are shared by every
// request, with no spare capacity, so that an append to a request's header
// copies them.
type fixedHeader struct {
	key    string
	values []string
}

// service is the common base of the services.
type service struct{ c *Client }

// WebsiteService holds the routes under /website.
type WebsiteService service

// PluginService holds the routes under /plugin and /plugins.
type PluginService service

// PlanService holds the routes under /plans.
type PlanService service

// BucketService holds the routes under /bucket.
type BucketService service

// MediaService holds the routes under /media.
type MediaService service

// config is everything the options set.
type config struct {
	token      *token
	baseURL    string
	httpClient *http.Client
	// transport is used when httpClient is nil (default defaultTransport).
	transport http.RoundTripper
	timeout   time.Duration
	userAgent string
	headers   http.Header
	retry     RetryPolicy
	// maxResponse caps the body of a success answer.
	maxResponse int64
	// sleep waits between retries; tests replace it.
	sleep func(ctx context.Context, d time.Duration) error
}

// Option configures a Client. Options are checked by New.
type Option func(*config) error

// New returns a client configured by opts. A token is required (WithToken
// or WithTokenFromEnv): every route of Crisp's REST API V1 needs one. Every
// error New returns is an *Error matching ErrInvalidArgument.
func New(opts ...Option) (*Client, error) {
	cfg := config{
		baseURL:     DefaultBaseURL,
		timeout:     DefaultTimeout,
		userAgent:   defaultUserAgent,
		retry:       DefaultRetryPolicy(),
		maxResponse: DefaultMaxResponseSize,
		sleep:       sleepCtx,
	}
	return cfg.build(opts)
}

// With returns a new client with the options of c plus opts; c is
// unchanged. Its errors are those of New.
func (c *Client) With(opts ...Option) (*Client, error) {
	cfg := c.cfg
	cfg.headers = c.cfg.headers.Clone()
	return cfg.build(opts)
}

func (cfg config) build(opts []Option) (*Client, error) {
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&cfg); err != nil {
			return nil, optionError(err)
		}
	}
	if cfg.token == nil {
		// Every route of Crisp's REST API V1 requires a token.
		return nil, invalidArg("", "a token is required (WithToken or WithTokenFromEnv): every Crisp route needs one")
	}
	c := &Client{cfg: cfg, fixed: fixedHeaders(cfg)}
	c.doer = &doer{hc: guardRedirects(cfg.httpClient), policy: cfg.retry, timeout: cfg.timeout, sleep: cfg.sleep, deadlines: new(sharedDeadline), maxResponse: cfg.maxResponse}
	if cfg.httpClient == nil {
		c.doer.rt = cmp.Or[http.RoundTripper](cfg.transport, defaultTransport)
	}
	if t := cfg.token; t != nil {
		auth := []string{t.header()}
		c.doer.auth = func() []string { return auth }
	}
	editor := c.editRequest
	var err error
	c.api, err = api.NewClient(cfg.baseURL, api.WithHTTPClient(c.doer), api.WithRequestEditorFn(editor))
	if err != nil {
		return nil, optionError(err)
	}
	raw := *c.api
	raw.RequestEditors = slices.Clip(raw.RequestEditors)
	c.raw = &raw
	c.Website = &WebsiteService{c}
	c.Plugin = &PluginService{c}
	c.Plan = &PlanService{c}
	c.Bucket = &BucketService{c}
	c.Media = &MediaService{c}
	return c, nil
}

// optionError turns the error of an option (or of building the client)
// into the *Error New returns: ErrInvalidArgument, with the text as its
// message.
func optionError(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Reason: ReasonInvalidArgument, Message: strings.TrimPrefix(err.Error(), "crisp: ")}
}

// API returns the generated low-level client, wired to the same
// credentials, retries and timeout as c. Use it for anything the facade
// does not cover: its methods return the *http.Response, whatever its
// status, with the body for the caller to decode (into the api.<Name>Envelope
// type of the operation's answer) and close. It is c's own copy: changing
// its fields does not change c.
func (c *Client) API() *api.Client { return c.raw }

// Tier returns the tier of the client's token.
func (c *Client) Tier() Tier {
	if c.cfg.token == nil {
		return ""
	}
	return c.cfg.token.tier
}

// BaseURL returns the API base URL the client sends requests to.
func (c *Client) BaseURL() string { return c.cfg.baseURL }

// String describes the client without its credentials: the token
// identifier, half of the credential, is shown redacted (see Tier for the
// tier), the key not at all.
func (c Client) String() string {
	id := ""
	if c.cfg.token != nil {
		id = redactIdentifier(c.cfg.token.identifier())
	}
	return fmt.Sprintf("crisp.Client{base: %s, tier: %s, identifier: %s, key: %s}", c.cfg.baseURL, c.Tier(), id, redacted)
}

// GoString describes the client without its credentials.
func (c Client) GoString() string { return c.String() }

// Format prints the client without its credentials, whatever the verb.
func (c Client) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(c.String())) }

// editRequest sets the credentials and the fixed headers on every request:
// the WithHeader headers, then the credentials and the User-Agent (which
// win over them), then Accept unless a request has one.
func (c *Client) editRequest(_ context.Context, req *http.Request) error {
	h := req.Header
	for _, f := range *c.fixed {
		h[f.key] = f.values
	}
	if h.Get("Accept") == "" {
		h["Accept"] = acceptJSON
	}
	return nil
}

// acceptJSON is the Accept header of every request (unless set otherwise).
var acceptJSON = []string{"application/json"}

// fixedHeaders lists the headers editRequest sets, in order.
func fixedHeaders(cfg config) *[]fixedHeader {
	var fixed []fixedHeader
	for k, v := range cfg.headers {
		fixed = append(fixed, fixedHeader{k, slices.Clip(slices.Clone(v))})
	}
	if t := cfg.token; t != nil {
		// Authorization is not among them: the doer sets it last, so that
		// no request editor ever sees the credentials.
		fixed = append(fixed, fixedHeader{"X-Crisp-Tier", []string{string(t.tier)}})
	}
	fixed = append(fixed, fixedHeader{"User-Agent", []string{cfg.userAgent}})
	return &fixed
}

// defaultTransport is tuned for many concurrent calls to one host: the
// idle pool keeps enough connections that 64 concurrent callers do not
// re-dial in steady state.
var defaultTransport = &http.Transport{
	Proxy: http.ProxyFromEnvironment,
	DialContext: (&net.Dialer{
		Timeout:   10 * time.Second,
		KeepAlive: 30 * time.Second,
	}).DialContext,
	ForceAttemptHTTP2:     true,
	MaxIdleConns:          256,
	MaxIdleConnsPerHost:   128,
	IdleConnTimeout:       90 * time.Second,
	TLSHandshakeTimeout:   10 * time.Second,
	ExpectContinueTimeout: 1 * time.Second,
}

// WithToken authenticates every request with a token keypair of the given
// tier (HTTP Basic identifier:key plus X-Crisp-Tier).
func WithToken(tier Tier, identifier, key string) Option {
	return func(c *config) error {
		t, err := newToken(tier, identifier, key)
		if err != nil {
			return err
		}
		c.token = t
		return nil
	}
}

// WithTokenFromEnv reads the token from the environment: CRISP_IDENTIFIER,
// CRISP_KEY and CRISP_TIER (default "plugin"). It fails when the
// identifier or the key is missing.
func WithTokenFromEnv() Option {
	return func(c *config) error {
		id, key, tier := os.Getenv("CRISP_IDENTIFIER"), os.Getenv("CRISP_KEY"), os.Getenv("CRISP_TIER")
		if id == "" || key == "" {
			return fmt.Errorf("crisp: CRISP_IDENTIFIER and CRISP_KEY must be set")
		}
		if tier == "" {
			tier = string(TierPlugin)
		}
		return WithToken(Tier(tier), id, key)(c)
	}
}

// WithBaseURL sends requests to another base URL (a test server, a proxy).
// It must be an absolute http or https URL without credentials, query or
// fragment.
func WithBaseURL(base string) Option {
	return func(c *config) error {
		u, err := url.Parse(base)
		switch {
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
			// The input is not echoed: it may hold a password.
			return fmt.Errorf("crisp: the base URL is not an absolute http(s) URL")
		case u.User != nil:
			return fmt.Errorf("crisp: the base URL must not carry credentials (use WithToken)")
		case u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(base, "#"):
			// Not echoed either: a query or a fragment may hold a token.
			return fmt.Errorf("crisp: the base URL must not have a query or a fragment")
		}
		if !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
			if u.RawPath != "" {
				u.RawPath += "/"
			}
		}
		c.baseURL = u.String()
		return nil
	}
}

// WithHTTPClient sends requests through hc. The client is never modified:
// New makes a copy of it, so later changes to hc are not seen. Its Timeout, if
// any, applies to each attempt; its Transport and Jar are used as they
// are. Its redirect policy applies only to the redirects the client allows
// to be followed: to the same origin (scheme, host and port) as the
// request, with the same method. Any other redirect (to another origin,
// which would carry the credentials when only the port differs, or one
// that turns a POST into a GET) is not followed: the 3xx answer comes back
// as an *Error. It replaces WithTransport.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return fmt.Errorf("crisp: http client must not be nil")
		}
		c.httpClient, c.transport = hc, nil
		return nil
	}
}

// guardRedirects returns a copy of hc (nil for nil) whose redirect policy
// refuses what WithHTTPClient says, before asking hc's own.
func guardRedirects(hc *http.Client) *http.Client {
	if hc == nil {
		return nil
	}
	g := *hc
	user := hc.CheckRedirect
	g.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		first := via[0]
		if !sameOrigin(req.URL, first.URL) || req.Method != first.Method {
			return http.ErrUseLastResponse // the 3xx is the answer
		}
		if user != nil {
			return user(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &g
}

// sameOrigin reports whether a and b have the same scheme, host and port
// (the default port of the scheme when none is given).
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

// port returns the port of u, or the default port of its scheme.
func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "http":
		return "80"
	case "https":
		return "443"
	}
	return ""
}

// WithTransport sends requests through rt (for example a transport of
// your own, or one wrapped for tracing), as the client does by default
// with its own transport: without an http.Client around it, so redirects
// are not followed (a 3xx answer comes back as an *Error; following it
// would turn a POST into a GET elsewhere). It replaces WithHTTPClient.
func WithTransport(rt http.RoundTripper) Option {
	return func(c *config) error {
		if rt == nil {
			return fmt.Errorf("crisp: transport must not be nil")
		}
		c.transport, c.httpClient = rt, nil
		return nil
	}
}

// WithTimeout bounds each call, all retries included (default
// DefaultTimeout). Zero means no limit other than the context's. A
// context deadline that comes first wins. Calls made with
// context.Background() or context.TODO() get a deadline shared with the
// calls that start within d/64 of them: at least d, at most d + d/64.
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("crisp: timeout must not be negative")
		}
		c.timeout = d
		return nil
	}
}

// WithUserAgent replaces the User-Agent header. Like a WithHeader value,
// it must not hold control characters other than tab.
func WithUserAgent(ua string) Option {
	return func(c *config) error {
		if ua == "" || !validHeaderValue(ua) {
			return fmt.Errorf("crisp: user agent must be a non-empty header value without control characters (CR, LF, NUL, ...)")
		}
		c.userAgent = ua
		return nil
	}
}

// WithHeader adds a header to every request. It cannot replace the
// credentials headers. The name must be a valid header name, and the value
// must not hold control characters other than tab (CR and LF would split
// the header): New refuses them rather than fail every call.
func WithHeader(key, value string) Option {
	return func(c *config) error {
		k := http.CanonicalHeaderKey(key)
		switch {
		case !validHeaderName(k):
			return fmt.Errorf("crisp: %q is not a valid header name", key)
		case k == "Authorization" || k == "X-Crisp-Tier":
			return fmt.Errorf("crisp: header %q cannot be set with WithHeader", key)
		case !validHeaderValue(value):
			// Not echoed: it may be a secret of the caller's.
			return fmt.Errorf("crisp: the value of header %s has control characters (CR, LF, NUL, ...)", k)
		}
		if c.headers == nil {
			c.headers = http.Header{}
		}
		c.headers.Add(k, value)
		return nil
	}
}

// WithRetryPolicy replaces the retry policy (default DefaultRetryPolicy).
// Its zero fields take their value from DefaultRetryPolicy, so that
// RetryPolicy{RetryNonIdempotent: true} is the default policy that also
// retries POST and PATCH; to turn retries off, use WithMaxRetries(0) (after
// WithRetryPolicy: options apply in order).
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *config) error {
		if p.MaxRetries < 0 || p.MinBackoff < 0 || p.MaxBackoff < 0 {
			return fmt.Errorf("crisp: retry policy values must not be negative")
		}
		def := DefaultRetryPolicy()
		p.MaxRetries = cmp.Or(p.MaxRetries, def.MaxRetries)
		p.MinBackoff = cmp.Or(p.MinBackoff, def.MinBackoff)
		p.MaxBackoff = cmp.Or(p.MaxBackoff, def.MaxBackoff)
		c.retry = p
		return nil
	}
}

// WithMaxRetries sets how many times a failed call is retried, keeping
// the rest of the policy; 0 turns retries off.
func WithMaxRetries(n int) Option {
	return func(c *config) error {
		if n < 0 {
			return fmt.Errorf("crisp: max retries must not be negative")
		}
		c.retry.MaxRetries = n
		return nil
	}
}

// WithMaxResponseSize caps the body of a success answer at n bytes
// (default DefaultMaxResponseSize). The body is read whole before it is
// decoded; a longer one fails the call with ErrInvalidResponse as soon as
// n bytes are passed, without reading the rest. Error answers are capped
// separately (their first 64 KiB are read).
func WithMaxResponseSize(n int64) Option {
	return func(c *config) error {
		if n <= 0 {
			return fmt.Errorf("crisp: max response size must be positive")
		}
		c.maxResponse = n
		return nil
	}
}
