package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/crisptest/rtmtest"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/webhook"
	"github.com/stretchr/testify/require"
)

const testSecret = "test-hook-secret"

// hookSink is a local web hook endpoint: a webhook.Handler verifying with
// a secret, recording the raw bodies and the events it dispatched.
type hookSink struct {
	srv    *httptest.Server
	mu     sync.Mutex
	bodies [][]byte
	got    chan *events.Event
}

func newHookSink(t *testing.T, secret string) *hookSink {
	t.Helper()
	s := &hookSink{got: make(chan *events.Event, 16)}
	router := events.NewRouter()
	router.HandleUnknown(func(_ context.Context, ev *events.Event) error {
		s.got <- ev
		return nil
	})
	h := webhook.NewHandler(router, webhook.WithSecret(secret))
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := readAll(t, r.Body)
		s.mu.Lock()
		s.bodies = append(s.bodies, body)
		s.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// url is the endpoint's URL.
func (s *hookSink) url() string { return s.srv.URL + "/hooks" }

// next returns the next event the handler verified and dispatched.
func (s *hookSink) next(t *testing.T) *events.Event {
	t.Helper()
	select {
	case ev := <-s.got:
		return ev
	case <-t.Context().Done():
		t.Fatal("the test ended before an event came")
	case <-time.After(waitTimeout):
		t.Fatal("no verified event reached the endpoint")
	}
	return nil
}

// lastBody returns the last raw body the endpoint received.
func (s *hookSink) lastBody() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bodies[len(s.bodies)-1]
}

// fakeCrisp starts the REST and RTM fakes, attached.
func fakeCrisp(t *testing.T) (*crisptest.Server, *rtmtest.Server) {
	t.Helper()
	rest := crisptest.Start(t)
	sock := rtmtest.Start(t)
	rtmtest.Attach(rest, sock)
	return rest, sock
}

// messageSend is a message:send payload as Crisp sends it.
const messageSend = `{"website_id":"8c842203-7ed8-4e29-a608-7cf78a7d2fcc","session_id":"session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881","type":"text","from":"user","origin":"chat","content":"Hello <b>&</b> é","fingerprint":163408346341023,"timestamp":1729162880114,"user":{"user_id":"session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881","nickname":"Jane"},"stamped":true}`

func TestListenForwardsEvents(t *testing.T) {
	rest, sock := fakeCrisp(t)
	sink := newHookSink(t, testSecret)
	l := crispStart(t, nil, append(restArgs(rest), "listen", "--forward-to", sink.url(), "--secret", testSecret, "--events", "message:send,session:set_state")...)
	l.stderr.waitFor(t, "Ready!")
	require.NoError(t, sock.WaitForClients(t.Context(), 1))
	auth := sock.Authentications()
	require.Len(t, auth, 1)
	require.True(t, auth[0].KeyValid)
	require.Equal(t, "plugin", auth[0].Tier)
	require.ElementsMatch(t, []string{"message:send", "session:set_state"}, auth[0].Events)

	require.NoError(t, sock.Push(t.Context(), "message:send", json.RawMessage(messageSend)))
	ev := sink.next(t)
	require.Equal(t, events.MessageSend, ev.Name)
	require.Equal(t, crisptest.WebsiteID, ev.WebsiteID)
	decoded, err := events.Decode(ev)
	require.NoError(t, err)
	msg := decoded.(api.EventMessageSend)
	require.Equal(t, "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881", msg.SessionID)

	// The body is Crisp's: {website_id, event, data, timestamp} in that
	// order, data byte for byte as the socket carried it.
	body := string(sink.lastBody())
	require.True(t, strings.HasPrefix(body, `{"website_id":"8c842203-7ed8-4e29-a608-7cf78a7d2fcc","event":"message:send","data":`+messageSend+`,"timestamp":`), body)

	line := l.stdout.waitFor(t, "200 OK")
	require.Contains(t, line, "message:send")
	require.Contains(t, line, "website "+crisptest.WebsiteID)
	require.Contains(t, line, "session session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881")
	require.Regexp(t, `200 OK  \d+(\.\d+)?(ms|µs|s)`, line)

	// Only the chosen events are subscribed.
	require.ErrorIs(t, sock.Push(t.Context(), "people:profile:created", map[string]any{"website_id": crisptest.WebsiteID}), rtmtest.ErrNoSubscribers)

	// Ctrl-C stops it cleanly: Crisp gets a Socket.IO goodbye.
	require.Equal(t, 0, l.interrupt(t), l.stderr.String())
	require.Contains(t, l.stderr.String(), "Stopped.")
	// The fake records the reason when it reads the packet, which may
	// come after the process is gone.
	require.Eventually(t, func() bool {
		conns := sock.Connections()
		return len(conns) > 0 && conns[len(conns)-1].Reason == "client namespace disconnect"
	}, 10*time.Second, 10*time.Millisecond, "Crisp got no Socket.IO disconnect")
}

func TestListenReportsRefusedDeliveries(t *testing.T) {
	rest, sock := fakeCrisp(t)
	sink := newHookSink(t, "another-secret")
	// No --secret: one is generated and printed.
	l := crispStart(t, nil, append(restArgs(rest), "listen", "--forward-to", sink.url(), "--events", "message:*")...)
	out := l.stderr.waitFor(t, "Ready!")
	require.Regexp(t, `signing secret is [0-9a-f]{48}`, out)
	require.NoError(t, sock.WaitForClients(t.Context(), 1))
	require.Contains(t, sock.Clients()[0].Events, "message:send", "message:* subscribes to the message events")
	require.NotContains(t, sock.Clients()[0].Events, "session:set_state")

	require.NoError(t, sock.Push(t.Context(), "message:send", json.RawMessage(messageSend)))
	l.stdout.waitFor(t, "401 Unauthorized")
	select {
	case ev := <-sink.got:
		t.Fatalf("an event signed with another secret was dispatched: %v", ev)
	default:
	}
	require.Equal(t, 0, l.interrupt(t))
}

func TestListenPrintJSON(t *testing.T) {
	rest, sock := fakeCrisp(t)
	l := crispStart(t, []string{"CRISP_IDENTIFIER=" + crisptest.Identifier, "CRISP_KEY=" + crisptest.Key, "CRISP_BASE_URL=" + rest.URL()}, "listen", "--print-json", "--events", "message:send", "--websites", crisptest.WebsiteID)
	l.stderr.waitFor(t, "Ready!")
	require.NoError(t, sock.WaitForClients(t.Context(), 1))
	require.Equal(t, []string{crisptest.WebsiteID}, sock.Authentications()[0].Rooms, "--websites sets the rooms")
	require.NoError(t, sock.Push(t.Context(), "message:send", json.RawMessage(messageSend)))
	out := l.stdout.waitFor(t, "\n")
	var hook struct {
		WebsiteID string          `json:"website_id"`
		Event     string          `json:"event"`
		Data      json.RawMessage `json:"data"`
		Timestamp int64           `json:"timestamp"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &hook), out)
	require.Equal(t, "message:send", hook.Event)
	require.Equal(t, messageSend, string(hook.Data))
	require.Positive(t, hook.Timestamp)
	l.stderr.waitFor(t, "session session_700c65e1") // the event line goes to stderr
	require.Equal(t, 0, l.interrupt(t))
}

func TestListenRefusals(t *testing.T) {
	rest, _ := fakeCrisp(t)
	res := crispRun(t, nil, "", append(restArgs(rest), "listen", "--events", "message:sent")...)
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, `unknown event "message:sent"; did you mean "message:send"?`)

	res = crispRun(t, nil, "", append(restArgs(rest), "listen", "--forward-to", "localhost:3000/hooks")...)
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, "not an absolute http(s) URL")

	// A token the socket refuses ends listen (no retry loop).
	res = crispRun(t, nil, "", "listen", "--base-url", rest.URL(), "--identifier", crisptest.Identifier, "--key", "wrong")
	require.Equal(t, exitFailure, res.code)
	require.Contains(t, res.stderr, "check the token")
}

func TestListenReconnects(t *testing.T) {
	rest, sock := fakeCrisp(t)
	sink := newHookSink(t, testSecret)
	l := crispStart(t, nil, append(restArgs(rest), "listen", "--forward-to", sink.url(), "--secret", testSecret, "--events", "message:send")...)
	l.stderr.waitFor(t, "Ready!")
	require.NoError(t, sock.WaitForClients(t.Context(), 1))

	// Crisp restarts: the connection drops, listen connects again and
	// forwards the events pushed after that.
	sock.DisconnectAll()
	l.stderr.waitFor(t, "Reconnected")
	require.NoError(t, sock.WaitForClients(t.Context(), 1))
	require.NoError(t, sock.Push(t.Context(), "message:send", json.RawMessage(messageSend)))
	require.Equal(t, events.MessageSend, sink.next(t).Name)
	require.Len(t, sock.Authentications(), 2)
	require.Equal(t, 0, l.interrupt(t))
}
