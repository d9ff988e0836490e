package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/crisptest/rtmtest"
	"github.com/spf13/cobra"
)

// pushPath is the route of crisp mock that pushes an event through its
// RTM socket (outside /v1/, so that it is not mistaken for a Crisp route).
const pushPath = "/crisp-mock/push"

// mockFlags are the flags of crisp mock.
type mockFlags struct {
	addr      string
	seed      string
	stateless bool
	quiet     bool
}

func newMockCmd(g *globals) *cobra.Command {
	f := &mockFlags{}
	cmd := &cobra.Command{
		Use:   "mock",
		Short: "Run a fake Crisp (REST API and RTM socket) on this machine",
		Long: `Run the fake Crisp of package crisptest on --addr: the REST API V1 under
/v1/, validating every request against openapi.yaml (a request that does
not conform gets 400 invalid_data, as from Crisp), with websites,
conversations, messages and people profiles kept in memory; the other
routes answer the examples of the specification. The connect endpoints
routes answer the URL of a fake RTM socket (package crisptest/rtmtest)
started beside it, so that 'crisp listen --mock' connects to it, and
'crisp trigger EVENT --mock' pushes events through it.

It accepts the token crisptest-identifier:crisptest-key of any tier (or
the one of --identifier and --key), which --mock gives the other commands.
The website 8c842203-7ed8-4e29-a608-7cf78a7d2fcc exists from the start.

--seed loads conversations and people profiles from a JSON file, through
the fake's own REST API, before serving:

  {
    "website_id": "8c842203-7ed8-4e29-a608-7cf78a7d2fcc",
    "conversations": [
      {"meta": {"nickname": "Jane", "email": "jane@example.com"},
       "state": "unresolved",
       "messages": [{"type": "text", "from": "user", "origin": "chat", "content": "Hi!"}]}
    ],
    "people": [{"email": "jane@example.com", "person": {"nickname": "Jane"}}]
  }

meta is the body of updateConversationMetas, each message the body of
sendMessageInConversation, state a conversation state, each person the
body of addNewPeopleProfile; website_id is optional (the default website).

Each request is logged on standard output. Ctrl-C stops the server.`,
		Example: `  crisp mock
  crisp mock --addr 127.0.0.1:9090 --seed testdata/seed.json
  # then, in other terminals:
  crisp listen --mock --forward-to http://localhost:3000/hooks
  crisp trigger message:send --mock
  crisp call --mock listConversations website_id=8c842203-7ed8-4e29-a608-7cf78a7d2fcc`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErrorf("mock takes no arguments")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runMock(cmd.Context(), g, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fl.StringVar(&f.seed, "seed", "", "JSON file of conversations and people profiles to load first")
	fl.BoolVar(&f.stateless, "stateless", false, "answer every route with its example from openapi.yaml, keeping no state")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "do not log requests")
	return cmd
}

func runMock(ctx context.Context, g *globals, f *mockFlags) error {
	identifier := cmp.Or(g.identifier, crisptest.Identifier)
	key := cmp.Or(g.key, crisptest.Key)
	opts := []crisptest.Option{crisptest.WithCredentials(identifier, key)}
	if f.stateless {
		opts = append(opts, crisptest.Stateless())
	}
	// The fake listens on a loopback port of its own too; the requests
	// come through the server below, which adds the push route.
	rest, err := crisptest.NewServer(opts...)
	if err != nil {
		return err
	}
	defer rest.Close()
	sock, err := rtmtest.NewServer(rtmtest.WithCredentials(identifier, key))
	if err != nil {
		return err
	}
	defer sock.Close()
	rtmtest.Attach(rest, sock)
	if f.seed != "" {
		summary, err := seedFile(ctx, rest, f.seed)
		if err != nil {
			return err
		}
		_, _ = fmt.Fprintf(g.stdout, "crisp mock: seeded %s from %s\n", summary, f.seed)
	}

	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return err
	}
	log := &requestLog{w: g.stdout, quiet: f.quiet}
	mux := http.NewServeMux()
	mux.Handle("/v1/", log.wrap(rest))
	mux.Handle("POST "+pushPath, log.wrap(pushHandler(sock)))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	base := "http://" + ln.Addr().String() + "/v1/"
	_, _ = fmt.Fprintf(g.stdout, "crisp mock: serving %s (website %s, token %s:%s, any tier); RTM socket %s\n", base, crisptest.WebsiteID, identifier, redactKey(key), sock.URL())
	if base != defaultMockURL {
		_, _ = fmt.Fprintf(g.stdout, "crisp mock: point the other commands at it with --mock --base-url %s\n", base)
	}
	_, _ = fmt.Fprintln(g.stdout, "crisp mock: Ctrl-C to stop")

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdown)
	return nil
}

// redactKey shows the default key (which is public) and hides any other.
func redactKey(key string) string {
	if key == crisptest.Key {
		return key
	}
	return "[REDACTED]"
}

// pushHandler answers POST /crisp-mock/push {event, data}: it pushes the
// event through the fake RTM socket, and answers how many sockets were
// subscribed (409 when none was).
func pushHandler(sock *rtmtest.Server) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Event string          `json:"event"`
			Data  json.RawMessage `json:"data"`
		}
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&in); err != nil || in.Event == "" {
			writeEnvelope(w, http.StatusBadRequest, true, "invalid_data", map[string]any{"message": "the body must be {\"event\": ..., \"data\": ...}"})
			return
		}
		n := sock.Subscribers(in.Event)
		var data any
		if len(in.Data) > 0 {
			data = in.Data
		}
		switch err := sock.Push(r.Context(), in.Event, data); {
		case errors.Is(err, rtmtest.ErrNoSubscribers):
			writeEnvelope(w, http.StatusConflict, true, "no_subscribers", map[string]any{"message": "no socket is subscribed to " + in.Event + ": start crisp listen --mock"})
		case err != nil:
			writeEnvelope(w, http.StatusInternalServerError, true, "server_error", map[string]any{"message": err.Error()})
		default:
			writeEnvelope(w, http.StatusOK, false, "pushed", map[string]any{"subscribers": n})
		}
	})
}

// writeEnvelope answers a Crisp envelope.
func writeEnvelope(w http.ResponseWriter, status int, isErr bool, reason string, data any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": isErr, "reason": reason, "data": data})
}

// pushToMock asks the crisp mock at base (its REST API root) to push an
// event through its RTM socket, and returns how many sockets got it.
func pushToMock(ctx context.Context, base, event string, data any) (int, error) {
	u, err := url.Parse(base)
	if err != nil || u.Host == "" {
		return 0, usageErrorf("--base-url %q is not a URL", base)
	}
	u = u.ResolveReference(&url.URL{Path: pushPath})
	body, err := json.Marshal(map[string]any{"event": event, "data": data})
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := (&http.Client{Timeout: forwardTimeout}).Do(req)
	if err != nil {
		return 0, fmt.Errorf("no crisp mock at %s (start one with 'crisp mock'): %w", base, err)
	}
	defer resp.Body.Close()
	var env struct {
		Error  bool   `json:"error"`
		Reason string `json:"reason"`
		Data   struct {
			Message     string `json:"message"`
			Subscribers int    `json:"subscribers"`
		} `json:"data"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&env); err != nil {
		return 0, fmt.Errorf("%s did not answer as crisp mock does (%s)", u, resp.Status)
	}
	if env.Error || resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("crisp mock: %s: %s", env.Reason, env.Data.Message)
	}
	return env.Data.Subscribers, nil
}

// requestLog logs the requests of crisp mock, one line each.
type requestLog struct {
	mu    sync.Mutex
	w     io.Writer
	quiet bool
}

// wrap logs the requests h serves.
func (l *requestLog) wrap(h http.Handler) http.Handler {
	if l.quiet {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		start := time.Now()
		h.ServeHTTP(rec, r)
		l.mu.Lock()
		defer l.mu.Unlock()
		_, _ = fmt.Fprintf(l.w, "%s  %s %s  %d  %s\n", start.Format("15:04:05"), r.Method, r.URL.RequestURI(), rec.status, time.Since(start).Round(time.Microsecond))
	})
}

// statusRecorder remembers the status a handler answered.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}
