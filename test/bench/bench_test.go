// Package bench measures the crisp facade against the floor of a
// hand-written client (plain net/http and encoding/json into minimal
// structs of value types), over the same *http.Transport and a loopback
// server that answers pre-encoded, realistic bodies built from the examples
// of openapi.yaml. Reproduce the figures of docs/benchmarks.md with
//
//	go test -run '^$' -bench . -benchmem -count 5 ./test/bench/ | tee /tmp/bench.txt
//	go run golang.org/x/perf/cmd/benchstat@latest -col /impl /tmp/bench.txt
//	go run golang.org/x/perf/cmd/benchstat@latest -filter 'BenchmarkDecode' -col /decoder /tmp/bench.txt
//
// Every benchmark reports conns/op, the TCP connections the server
// accepted per call once warm: 0 proves that connections are reused, and
// cpu-ns/op, the CPU time of the process (client, server and GC) per call,
// steadier than ns/op on a shared machine. The Parallel benchmarks run 64
// concurrent callers and report req/s.
package bench

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	crispgo "github.com/crisp-go/crisp-go"
	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/getkin/kin-openapi/openapi3"
	jsonv1 "github.com/go-json-experiment/json/v1"
)

const (
	identifier = "bench-identifier"
	key        = "bench-key"
	websiteID  = crisptest.WebsiteID
	sessionID  = "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"
	userAgent  = "crisp-go-bench/1.0"
	// callers is the number of concurrent callers of the Parallel
	// benchmarks.
	callers = 64
	// pageSize and batchSize are the sizes of the conversation page and
	// of the message batch the server answers.
	pageSize  = 20
	batchSize = 40
	// sentText is the text of the message the send benchmarks post.
	sentText = "Sure, I am sending the invoice for order 4821 again right now."
	// sentFingerprint is the fingerprint the server answers.
	sentFingerprint = 163408346341023
)

// ---------------------------------------------------------------------------
// Fixtures: bodies built once from the examples of openapi.yaml.

type fixtures struct {
	conversations []byte // listConversations envelope, page of pageSize
	messages      []byte // getMessagesInConversation envelope, batchSize messages
	dispatched    []byte // sendMessageInConversation envelope
}

var (
	fixOnce sync.Once
	fix     fixtures
	fixErr  error
)

func loadFixtures() (fixtures, error) {
	fixOnce.Do(func() { fix, fixErr = buildFixtures() })
	return fix, fixErr
}

func buildFixtures() (fixtures, error) {
	srv, err := crisptest.NewServer(crisptest.Stateless())
	if err != nil {
		return fixtures{}, err
	}
	defer srv.Close()
	data := func(op string) (any, error) {
		o := srv.Operation(op)
		if o == nil || o.Example == nil {
			return nil, fmt.Errorf("no example for %s", op)
		}
		var env struct {
			Data any `json:"data"`
		}
		d := json.NewDecoder(bytes.NewReader(o.Example))
		d.UseNumber() // keep fingerprints and timestamps exact
		if err := d.Decode(&env); err != nil {
			return nil, fmt.Errorf("%s example: %w", op, err)
		}
		return env.Data, nil
	}
	var f fixtures

	// A page of full conversations: the example conversation with other
	// IDs and timestamps.
	conv, err := data("getConversation")
	if err != nil {
		return f, err
	}
	convs := make([]any, pageSize)
	for i := range convs {
		c := deepCopy(conv).(map[string]any)
		shift := int64(i) * 3_600_000 // one hour earlier per conversation
		c["session_id"] = fmt.Sprintf("session_%08x-85e2-465a-b9ac-ecb5ec2c%04x", 0x700c65e1+i, i)
		c["people_id"] = fmt.Sprintf("c5b4ba33-3b4d-4f5e-8a1c-2c3d4e5f%04x", i)
		for _, k := range []string{"created_at", "updated_at", "waiting_since"} {
			c[k] = addMillis(c[k], -shift)
		}
		c["active"].(map[string]any)["last"] = addMillis(c["active"].(map[string]any)["last"], -shift)
		pm := c["preview_message"].(map[string]any)
		pm["fingerprint"] = addMillis(pm["fingerprint"], int64(i)*7919)
		cmp := c["compose"].(map[string]any)
		for _, side := range []string{"operator", "visitor"} {
			a := cmp[side].(map[string]any)
			a["timestamp"] = addMillis(a["timestamp"], -shift)
		}
		c["unread"].(map[string]any)["operator"] = i % 3
		convs[i] = c
	}
	if f.conversations, err = envelope("listed", convs); err != nil {
		return f, err
	}

	// A batch of messages of every type: the four of the
	// getMessagesInConversation example, the one of
	// getMessageInConversation (with link previews and references), and
	// one of each other type built from the schema examples.
	batch, err := data("getMessagesInConversation")
	if err != nil {
		return f, err
	}
	one, err := data("getMessageInConversation")
	if err != nil {
		return f, err
	}
	templates := append(batch.([]any), one)
	doc, err := openapi3.NewLoader().LoadFromData(crispgo.OpenAPI)
	if err != nil {
		return f, err
	}
	for _, kind := range []string{"animation", "audio", "field", "carousel", "event"} {
		name := "MessageContent" + strings.ToUpper(kind[:1]) + kind[1:]
		s := doc.Components.Schemas[name]
		if s == nil {
			return f, fmt.Errorf("no schema %s", name)
		}
		m := deepCopy(templates[0]).(map[string]any)
		m["type"] = kind
		m["content"] = exampleOf(s, 0)
		if kind == "event" {
			m["from"] = "operator"
		}
		templates = append(templates, m)
	}
	msgs := make([]any, batchSize)
	base := int64(1700482315000)
	for i := range msgs {
		m := deepCopy(templates[i%len(templates)]).(map[string]any)
		m["fingerprint"] = json.Number(strconv.FormatInt(163408346341023+int64(i)*104729, 10))
		m["timestamp"] = json.Number(strconv.FormatInt(base+int64(i)*61_000, 10))
		msgs[i] = m
	}
	if f.messages, err = envelope("resolved", msgs); err != nil {
		return f, err
	}

	if f.dispatched, err = envelope("dispatched", map[string]any{"fingerprint": sentFingerprint}); err != nil {
		return f, err
	}
	return f, nil
}

func envelope(reason string, data any) ([]byte, error) {
	return json.Marshal(map[string]any{"error": false, "reason": reason, "data": data})
}

func addMillis(v any, d int64) any {
	n, err := v.(json.Number).Int64()
	if err != nil {
		panic(err)
	}
	return json.Number(strconv.FormatInt(n+d, 10))
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = deepCopy(e)
		}
		return s
	}
	return v
}

// exampleOf builds a value of schema s from the examples of its
// properties.
func exampleOf(s *openapi3.SchemaRef, depth int) any {
	v := s.Value
	if v.Example != nil {
		return v.Example
	}
	if depth > 6 {
		return nil
	}
	switch {
	case v.Type.Is("object"):
		m := map[string]any{}
		for name, p := range v.Properties {
			m[name] = exampleOf(p, depth+1)
		}
		return m
	case v.Type.Is("array"):
		return []any{exampleOf(v.Items, depth+1), exampleOf(v.Items, depth+1)}
	}
	return nil
}

// ---------------------------------------------------------------------------
// The loopback server and the shared transport.

type env struct {
	srv   *httptest.Server
	tr    *http.Transport
	hc    *http.Client
	base  string // ends in /v1/
	conns atomic.Int64
	fix   fixtures
}

var (
	envOnce sync.Once
	benv    *env
	envErr  error
)

func getEnv(tb testing.TB) *env {
	tb.Helper()
	envOnce.Do(func() { benv, envErr = newEnv() })
	if envErr != nil {
		tb.Fatal(envErr)
	}
	return benv
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benv != nil {
		benv.tr.CloseIdleConnections()
		benv.srv.Close()
	}
	os.Exit(code)
}

func newEnv() (*env, error) {
	f, err := loadFixtures()
	if err != nil {
		return nil, err
	}
	e := &env{fix: f}
	auth := "Basic " + base64.StdEncoding.EncodeToString([]byte(identifier+":"+key))
	convPrefix := "/v1/website/" + websiteID + "/conversations/"
	msgsPath := "/v1/website/" + websiteID + "/conversation/" + sessionID + "/messages"
	sendPath := "/v1/website/" + websiteID + "/conversation/" + sessionID + "/message"
	ctJSON := []string{"application/json; charset=utf-8"}
	lengths := map[*byte][]string{}
	for _, b := range [][]byte{f.conversations, f.messages, f.dispatched} {
		lengths[&b[0]] = []string{strconv.Itoa(len(b))}
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != auth || r.Header.Get("X-Crisp-Tier") != "plugin" {
			http.Error(w, `{"error":true,"reason":"invalid_session","data":{}}`, http.StatusUnauthorized)
			return
		}
		var body []byte
		p := r.URL.Path
		switch {
		case r.Method == http.MethodGet && strings.HasPrefix(p, convPrefix):
			body = f.conversations
		case r.Method == http.MethodGet && p == msgsPath:
			body = f.messages
		case r.Method == http.MethodPost && p == sendPath:
			if _, err := io.Copy(io.Discard, r.Body); err != nil {
				return
			}
			body = f.dispatched
		default:
			http.Error(w, `{"error":true,"reason":"not_found","data":{}}`, http.StatusNotFound)
			return
		}
		hdr := w.Header()
		hdr["Content-Type"] = ctJSON
		hdr["Content-Length"] = lengths[&body[0]]
		_, _ = w.Write(body)
	})
	e.srv = httptest.NewUnstartedServer(h)
	e.srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			e.conns.Add(1)
		}
	}
	e.srv.Start()
	e.base = e.srv.URL + "/v1/"
	// The transport both clients share, sized like the facade's default
	// one so that 64 concurrent callers keep their connections.
	e.tr = &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        256,
		MaxIdleConnsPerHost: 128,
		IdleConnTimeout:     90 * time.Second,
	}
	e.hc = &http.Client{Transport: e.tr}
	return e, nil
}

// facade returns a crisp client over the shared transport (WithTransport;
// opts may replace it with WithHTTPClient) or, with defaultTransport, over
// the facade's own default transport.
func (e *env) facade(tb testing.TB, defaultTransport bool, opts ...crisp.Option) *crisp.Client {
	tb.Helper()
	base := []crisp.Option{
		crisp.WithBaseURL(e.base),
		crisp.WithToken(crisp.TierPlugin, identifier, key),
		crisp.WithUserAgent(userAgent),
	}
	if !defaultTransport {
		base = append(base, crisp.WithTransport(e.tr))
	}
	c, err := crisp.New(append(base, opts...)...)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// ---------------------------------------------------------------------------
// The floor: what a careful hand-written client does.

type floor struct {
	hc   *http.Client
	base string
	auth string
}

func (e *env) floor(hc *http.Client) *floor {
	return &floor{hc: hc, base: e.base, auth: "Basic " + base64.StdEncoding.EncodeToString([]byte(identifier+":"+key))}
}

type floorEnvelope[T any] struct {
	Error  bool   `json:"error"`
	Reason string `json:"reason"`
	Data   T      `json:"data"`
}

type floorConversation struct {
	Active struct {
		Last int64 `json:"last"`
		Now  bool  `json:"now"`
	} `json:"active"`
	Assigned struct {
		UserID string `json:"user_id"`
	} `json:"assigned"`
	Availability string `json:"availability"`
	Compose      struct {
		Operator floorCompose `json:"operator"`
		Visitor  floorCompose `json:"visitor"`
	} `json:"compose"`
	CreatedAt    int64              `json:"created_at"`
	InboxID      string             `json:"inbox_id"`
	IsBlocked    bool               `json:"is_blocked"`
	IsVerified   bool               `json:"is_verified"`
	LastMessage  string             `json:"last_message"`
	Mentions     []string           `json:"mentions"`
	Meta         floorMeta          `json:"meta"`
	Participants []floorParticipant `json:"participants"`
	PeopleID     string             `json:"people_id"`
	Preview      struct {
		Excerpt     string `json:"excerpt"`
		Fingerprint int64  `json:"fingerprint"`
		From        string `json:"from"`
		Type        string `json:"type"`
	} `json:"preview_message"`
	SessionID string `json:"session_id"`
	State     string `json:"state"`
	Status    int    `json:"status"`
	Topic     string `json:"topic"`
	Unread    struct {
		Operator int `json:"operator"`
		Visitor  int `json:"visitor"`
	} `json:"unread"`
	UpdatedAt     int64               `json:"updated_at"`
	Verifications []floorVerification `json:"verifications"`
	WaitingSince  int64               `json:"waiting_since"`
	WebsiteID     string              `json:"website_id"`
}

type floorCompose struct {
	Automated bool   `json:"automated"`
	Excerpt   string `json:"excerpt"`
	Timestamp int64  `json:"timestamp"`
	Type      string `json:"type"`
	User      struct {
		Avatar   string `json:"avatar"`
		Nickname string `json:"nickname"`
		UserID   string `json:"user_id"`
	} `json:"user"`
}

type floorMeta struct {
	Address    string `json:"address"`
	Avatar     string `json:"avatar"`
	Connection struct {
		ASN string `json:"asn"`
		ISP string `json:"isp"`
	} `json:"connection"`
	Data   map[string]any `json:"data"`
	Device struct {
		Capabilities []string `json:"capabilities"`
		Geolocation  struct {
			City        string `json:"city"`
			Coordinates struct {
				Latitude  float64 `json:"latitude"`
				Longitude float64 `json:"longitude"`
			} `json:"coordinates"`
			Country string `json:"country"`
			Region  string `json:"region"`
		} `json:"geolocation"`
		Locales []string `json:"locales"`
		System  struct {
			Browser struct {
				Major   string `json:"major"`
				Name    string `json:"name"`
				Version string `json:"version"`
			} `json:"browser"`
			Engine struct {
				Name    string `json:"name"`
				Version string `json:"version"`
			} `json:"engine"`
			OS struct {
				Name    string `json:"name"`
				Version string `json:"version"`
			} `json:"os"`
			Useragent string `json:"useragent"`
		} `json:"system"`
		Timezone int `json:"timezone"`
	} `json:"device"`
	Email    string   `json:"email"`
	IP       string   `json:"ip"`
	Nickname string   `json:"nickname"`
	Origin   string   `json:"origin"`
	Phone    string   `json:"phone"`
	Segments []string `json:"segments"`
	Subject  string   `json:"subject"`
}

type floorParticipant struct {
	Target string `json:"target"`
	Type   string `json:"type"`
}

type floorVerification struct {
	Annotation string `json:"annotation"`
	Identity   string `json:"identity"`
	Method     string `json:"method"`
}

type floorMessage struct {
	Automated bool `json:"automated"`
	// Content is polymorphic (a string or an object, after type): a
	// hand-written client keeps it raw too.
	Content     json.RawMessage `json:"content"`
	Delivered   string          `json:"delivered"`
	Edited      bool            `json:"edited"`
	Fingerprint int64           `json:"fingerprint"`
	From        string          `json:"from"`
	Ignored     map[string]struct {
		Reason string `json:"reason"`
		Type   string `json:"type"`
	} `json:"ignored"`
	Mentions []string `json:"mentions"`
	Origin   string   `json:"origin"`
	Original struct {
		OriginalID string `json:"original_id"`
	} `json:"original"`
	Preview []struct {
		Preview struct {
			Embed   string `json:"embed"`
			Excerpt string `json:"excerpt"`
			Image   string `json:"image"`
		} `json:"preview"`
		Stamped bool   `json:"stamped"`
		Title   string `json:"title"`
		URL     string `json:"url"`
		Website string `json:"website"`
	} `json:"preview"`
	Properties map[string]any `json:"properties"`
	Read       string         `json:"read"`
	References []struct {
		Name   string `json:"name"`
		Target string `json:"target"`
		Type   string `json:"type"`
	} `json:"references"`
	SessionID  string `json:"session_id"`
	Stamped    bool   `json:"stamped"`
	Timestamp  int64  `json:"timestamp"`
	Translated bool   `json:"translated"`
	Type       string `json:"type"`
	User       struct {
		Avatar   string `json:"avatar"`
		Nickname string `json:"nickname"`
		Type     string `json:"type"`
		UserID   string `json:"user_id"`
	} `json:"user"`
	WebsiteID string `json:"website_id"`
}

type floorMessageNew struct {
	Content string `json:"content"`
	From    string `json:"from"`
	Origin  string `json:"origin"`
	Type    string `json:"type"`
}

type floorDispatched struct {
	Fingerprint int64 `json:"fingerprint"`
}

// do sends a request with the credentials and decodes the data of the
// answer into out.
func (f *floor) do(ctx context.Context, method, u string, body []byte, out any) error {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return err
	}
	h := req.Header
	h.Set("Authorization", f.auth)
	h.Set("X-Crisp-Tier", "plugin")
	h.Set("User-Agent", userAgent)
	h.Set("Accept", "application/json")
	if body != nil {
		h.Set("Content-Type", "application/json")
	}
	resp, err := f.hc.Do(req)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("%s %s: %s", method, u, resp.Status)
	}
	env := floorEnvelope[any]{Data: out}
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return err
	}
	if env.Error {
		return errors.New(env.Reason)
	}
	return nil
}

func (f *floor) listConversations(ctx context.Context, websiteID string, page int) ([]floorConversation, error) {
	var out []floorConversation
	err := f.do(ctx, http.MethodGet, f.base+"website/"+url.PathEscape(websiteID)+"/conversations/"+strconv.Itoa(page), nil, &out)
	return out, err
}

func (f *floor) getMessages(ctx context.Context, websiteID, sessionID string) ([]floorMessage, error) {
	var out []floorMessage
	err := f.do(ctx, http.MethodGet, f.base+"website/"+url.PathEscape(websiteID)+"/conversation/"+url.PathEscape(sessionID)+"/messages", nil, &out)
	return out, err
}

func (f *floor) sendMessage(ctx context.Context, websiteID, sessionID string, m *floorMessageNew) (int64, error) {
	body, err := json.Marshal(m)
	if err != nil {
		return 0, err
	}
	var out floorDispatched
	err = f.do(ctx, http.MethodPost, f.base+"website/"+url.PathEscape(websiteID)+"/conversation/"+url.PathEscape(sessionID)+"/message", body, &out)
	return out.Fingerprint, err
}

// ---------------------------------------------------------------------------
// The calls measured, for each implementation.

type call func(ctx context.Context) error

type impl struct {
	name string
	// defaultTransport uses the facade's default transport instead of
	// the shared one (Parallel benchmarks only).
	defaultTransport bool
	calls            func(e *env, tb testing.TB) map[string]call
}

var errShape = errors.New("unexpected answer")

func floorCalls(e *env, tb testing.TB) map[string]call { return floorCallsVia(e.hc)(e, tb) }

// floorCallsVia is the floor over hc (the shared transport, with or
// without a Timeout).
func floorCallsVia(hc *http.Client) func(e *env, tb testing.TB) map[string]call {
	return func(e *env, tb testing.TB) map[string]call { return floorCallsOf(e.floor(hc)) }
}

func floorCallsOf(f *floor) map[string]call {
	msg := &floorMessageNew{Type: "text", From: "operator", Origin: "chat", Content: sentText}
	return map[string]call{
		"ListConversations": func(ctx context.Context) error {
			out, err := f.listConversations(ctx, websiteID, 1)
			if err == nil && (len(out) != pageSize || out[pageSize-1].SessionID == "") {
				err = errShape
			}
			return err
		},
		"GetMessagesInConversation": func(ctx context.Context) error {
			out, err := f.getMessages(ctx, websiteID, sessionID)
			if err == nil && (len(out) != batchSize || out[batchSize-1].Fingerprint == 0) {
				err = errShape
			}
			return err
		},
		"SendMessageInConversation": func(ctx context.Context) error {
			fp, err := f.sendMessage(ctx, websiteID, sessionID, msg)
			if err == nil && fp != sentFingerprint {
				err = errShape
			}
			return err
		},
	}
}

func facadeCalls(defaultTransport bool, opts ...crisp.Option) func(e *env, tb testing.TB) map[string]call {
	return func(e *env, tb testing.TB) map[string]call {
		c := e.facade(tb, defaultTransport, opts...)
		msg := crisp.NewOperatorMessage(sentText)
		return map[string]call{
			"ListConversations": func(ctx context.Context) error {
				out, err := c.Website.ListConversations(ctx, websiteID, 1, nil)
				if err == nil && (len(out) != pageSize || out[pageSize-1].SessionID == "") {
					err = errShape
				}
				return err
			},
			"GetMessagesInConversation": func(ctx context.Context) error {
				out, err := c.Website.GetMessagesInConversation(ctx, websiteID, sessionID, nil)
				if err == nil && (len(out.Messages) != batchSize || out.Messages[batchSize-1].Fingerprint == 0) {
					err = errShape
				}
				return err
			},
			"SendMessageInConversation": func(ctx context.Context) error {
				fp, err := c.Website.SendMessageInConversation(ctx, websiteID, sessionID, msg)
				if err == nil && fp != sentFingerprint {
					err = errShape
				}
				return err
			},
		}
	}
}

// The floor comes first: benchstat -col /impl takes it as the base.
var serialImpls = []impl{
	{name: "floor", calls: floorCalls},
	{name: "facade", calls: facadeCalls(false)},
	// facade-httpclient is the facade given the floor's http.Client
	// (WithHTTPClient) rather than its transport (WithTransport).
	{name: "facade-httpclient", calls: func(e *env, tb testing.TB) map[string]call {
		return facadeCalls(false, crisp.WithHTTPClient(e.hc))(e, tb)
	}},
	// facade-cancelctx is the facade called with a cancellable context
	// (as an HTTP handler's), which gets a timer of its own per call
	// rather than the deadline shared by context.Background() calls.
	{name: "facade-cancelctx", calls: func(e *env, tb testing.TB) map[string]call {
		m := facadeCalls(false)(e, tb)
		ctx, cancel := context.WithCancel(context.Background())
		tb.Cleanup(cancel)
		for op, fn := range m {
			m[op] = func(context.Context) error { return fn(ctx) }
		}
		return m
	}},
	// facade-notimeout is the facade without its per-call timeout
	// (WithTimeout(0)), as the floor.
	{name: "facade-notimeout", calls: facadeCalls(false, crisp.WithTimeout(0))},
	// floor-timeout is the floor with a timeout (http.Client.Timeout),
	// as the facade has one by default.
	{name: "floor-timeout", calls: func(e *env, tb testing.TB) map[string]call {
		return floorCallsVia(&http.Client{Transport: e.tr, Timeout: crisp.DefaultTimeout})(e, tb)
	}},
}

var parallelImpls = []impl{
	{name: "floor", calls: floorCalls},
	{name: "facade", calls: facadeCalls(false)},
	{name: "facade-httpclient", calls: func(e *env, tb testing.TB) map[string]call {
		return facadeCalls(false, crisp.WithHTTPClient(e.hc))(e, tb)
	}},
	// facade-default is the facade over its own default transport (no
	// WithTransport), to check its pool sizes.
	{name: "facade-default", defaultTransport: true, calls: facadeCalls(true)},
}

func BenchmarkListConversations(b *testing.B)         { benchSerial(b, "ListConversations") }
func BenchmarkGetMessagesInConversation(b *testing.B) { benchSerial(b, "GetMessagesInConversation") }
func BenchmarkSendMessageInConversation(b *testing.B) { benchSerial(b, "SendMessageInConversation") }

func BenchmarkListConversationsParallel(b *testing.B) { benchParallel(b, "ListConversations") }
func BenchmarkGetMessagesInConversationParallel(b *testing.B) {
	benchParallel(b, "GetMessagesInConversation")
}
func BenchmarkSendMessageInConversationParallel(b *testing.B) {
	benchParallel(b, "SendMessageInConversation")
}

func benchSerial(b *testing.B, op string) {
	e := getEnv(b)
	for _, im := range serialImpls {
		b.Run("impl="+im.name, func(b *testing.B) {
			fn := im.calls(e, b)[op]
			ctx := context.Background()
			for range 3 { // warm: one idle connection in the pool
				if err := fn(ctx); err != nil {
					b.Fatal(err)
				}
			}
			start, cpu := e.conns.Load(), cpuTime()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := fn(ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(e.conns.Load()-start)/float64(b.N), "conns/op")
		})
	}
}

func benchParallel(b *testing.B, op string) {
	e := getEnv(b)
	procs := runtime.GOMAXPROCS(0)
	par := (callers + procs - 1) / procs
	for _, im := range parallelImpls {
		b.Run("impl="+im.name, func(b *testing.B) {
			fn := im.calls(e, b)[op]
			if err := warm(fn, par*procs, 20); err != nil {
				b.Fatal(err)
			}
			start, cpu := e.conns.Load(), cpuTime()
			b.SetParallelism(par)
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				ctx := context.Background()
				for pb.Next() {
					if err := fn(ctx); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.StopTimer()
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
			b.ReportMetric(float64(e.conns.Load()-start)/float64(b.N), "conns/op")
		})
	}
}

// cpuTime returns the CPU time the process has used (client, server and
// runtime together), in nanoseconds. Per call it is steadier than the wall
// time on a shared machine: other processes do not inflate it.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkDecode measures the decoding alone of the bodies, into the
// generated models and into the floor's structs, with encoding/json and
// with the decoder the facade uses (the v1 API of
// github.com/go-json-experiment/json, see internal/jsonx and crisp/codec.go).
// Compare with benchstat -col /decoder.
func BenchmarkDecode(b *testing.B) {
	f, err := loadFixtures()
	if err != nil {
		b.Fatal(err)
	}
	decoders := []struct {
		name string
		fn   func([]byte, any) error
	}{
		{"encoding-json", json.Unmarshal},
		{"json-experiment-v1", jsonv1.Unmarshal},
	}
	for _, d := range decoders {
		b.Run("body=ListConversations/model=api/decoder="+d.name, func(b *testing.B) { benchDecode[[]api.Conversation](b, f.conversations, d.fn) })
		b.Run("body=ListConversations/model=floor/decoder="+d.name, func(b *testing.B) { benchDecode[[]floorConversation](b, f.conversations, d.fn) })
		b.Run("body=GetMessagesInConversation/model=api/decoder="+d.name, func(b *testing.B) { benchDecode[[]api.ConversationMessage](b, f.messages, d.fn) })
		b.Run("body=GetMessagesInConversation/model=floor/decoder="+d.name, func(b *testing.B) { benchDecode[[]floorMessage](b, f.messages, d.fn) })
		b.Run("body=SendMessageInConversation/model=api/decoder="+d.name, func(b *testing.B) { benchDecode[api.MessageDispatched](b, f.dispatched, d.fn) })
	}
}

func benchDecode[T any](b *testing.B, body []byte, decode func([]byte, any) error) {
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		var out T
		env := floorEnvelope[*T]{Data: &out}
		if err := decode(body, &env); err != nil {
			b.Fatal(err)
		}
	}
}

// warm runs n concurrent callers, rounds calls each, so that the pool holds
// the connections of n concurrent callers.
func warm(fn call, n, rounds int) error {
	var wg sync.WaitGroup
	errs := make(chan error, n)
	startGate := make(chan struct{})
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-startGate
			for range rounds {
				if err := fn(context.Background()); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	close(startGate)
	wg.Wait()
	close(errs)
	return <-errs
}

// ---------------------------------------------------------------------------
// Checks of the fixtures and of the steady state, run by go test.

// TestFixturesConformToSpec serves the fixtures from crisptest, which
// validates every answer against openapi.yaml, and reads them with the
// facade.
func TestFixturesConformToSpec(t *testing.T) {
	f, err := loadFixtures()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(f.conversations); n < 20<<10 {
		t.Errorf("conversation page is %d bytes, want a realistic size", n)
	}
	t.Logf("listConversations %d B, getMessagesInConversation %d B, sendMessageInConversation %d B",
		len(f.conversations), len(f.messages), len(f.dispatched))
	srv := crisptest.Start(t, crisptest.Stateless())
	srv.Handle("listConversations", func(*crisptest.Call) (int, any) { return 200, json.RawMessage(f.conversations) })
	srv.Handle("getMessagesInConversation", func(*crisptest.Call) (int, any) { return 200, json.RawMessage(f.messages) })
	srv.Handle("sendMessageInConversation", func(*crisptest.Call) (int, any) { return 200, json.RawMessage(f.dispatched) })
	c := srv.Client(t)
	convs, err := c.Website.ListConversations(t.Context(), websiteID, 1, nil)
	if err != nil || len(convs) != pageSize {
		t.Fatalf("ListConversations: %d, %v", len(convs), err)
	}
	page, err := c.Website.GetMessagesInConversation(t.Context(), websiteID, sessionID, nil)
	if err != nil || len(page.Messages) != batchSize {
		t.Fatalf("GetMessagesInConversation: %v", err)
	}
	types := map[api.MessageType]bool{}
	for _, m := range page.Messages {
		types[m.Type] = true
		if _, err := crisp.MessageContentOf(&m); err != nil {
			t.Errorf("message %d (%s): %v", m.Fingerprint, m.Type, err)
		}
	}
	if len(types) < 8 {
		t.Errorf("message types %v, want a mix", types)
	}
	if _, err := c.Website.SendMessageInConversation(t.Context(), websiteID, sessionID, crisp.NewOperatorMessage(sentText)); err != nil {
		t.Fatal(err)
	}
}

// TestFloorAndFacadeAgree checks that the floor decodes the same data as
// the facade, so that both do the same work.
func TestFloorAndFacadeAgree(t *testing.T) {
	e := getEnv(t)
	f := e.floor(e.hc)
	c := e.facade(t, false)
	ctx := t.Context()
	fc, err := f.listConversations(ctx, websiteID, 1)
	if err != nil {
		t.Fatal(err)
	}
	cc, err := c.Website.ListConversations(ctx, websiteID, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range fc {
		a, b := fc[i], cc[i]
		if a.SessionID != b.SessionID || a.CreatedAt != b.CreatedAt || a.Meta.Device.System.OS.Name != b.Meta.Device.System.Os.Name ||
			a.Preview.Fingerprint != b.PreviewMessage.Fingerprint || a.Meta.Device.Geolocation.Coordinates.Latitude != b.Meta.Device.Geolocation.Coordinates.Latitude {
			t.Errorf("conversation %d differs", i)
		}
	}
	fm, err := f.getMessages(ctx, websiteID, sessionID)
	if err != nil {
		t.Fatal(err)
	}
	cm, err := c.Website.GetMessagesInConversation(ctx, websiteID, sessionID, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range fm {
		a, b := fm[i], cm.Messages[i]
		raw, _ := b.Content.MarshalJSON()
		if a.Fingerprint != b.Fingerprint || a.Type != string(b.Type) || !bytes.Equal(a.Content, raw) {
			t.Errorf("message %d differs", i)
		}
	}
}

// TestNoRedialUnderConcurrency checks that 64 concurrent callers reuse
// their connections once warm, through the shared transport and through
// the facade's default one.
func TestNoRedialUnderConcurrency(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	e := getEnv(t)
	for _, im := range parallelImpls {
		t.Run(im.name, func(t *testing.T) {
			fn := im.calls(e, t)["ListConversations"]
			if err := warm(fn, callers, 10); err != nil {
				t.Fatal(err)
			}
			start := e.conns.Load()
			if err := warm(fn, callers, 20); err != nil {
				t.Fatal(err)
			}
			if n := e.conns.Load() - start; n > callers/8 {
				t.Errorf("%d new connections for %d calls once warm", n, callers*20)
			}
		})
	}
}
