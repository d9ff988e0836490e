package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/crisptest/rtmtest"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/rtm"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

const testSecret = "test-hook-secret"

// startBot starts the fake Crisp server (validating requests and answers
// against openapi.yaml) and the bot's web hook endpoint, and opens a
// conversation.
func startBot(t *testing.T) (srv *crisptest.Server, hookURL, sessionID string) {
	t.Helper()
	srv = crisptest.Start(t)
	client := srv.Client(t)
	hooks := httptest.NewServer(hookHandler(newRouter(client), testSecret))
	t.Cleanup(hooks.Close)
	sessionID, err := client.Website.CreateNewConversation(t.Context(), crisptest.WebsiteID)
	require.NoError(t, err)
	return srv, hooks.URL + hookPath, sessionID
}

func messageSend(sessionID, from, content string) map[string]any {
	return map[string]any{
		"website_id":  crisptest.WebsiteID,
		"session_id":  sessionID,
		"type":        "text",
		"from":        from,
		"origin":      "chat",
		"content":     content,
		"fingerprint": 163408346341023,
		"timestamp":   1700482315000,
	}
}

func TestBotRepliesToUsers(t *testing.T) {
	srv, hookURL, sessionID := startBot(t)

	status, err := srv.SendWebhook(t.Context(), hookURL, testSecret, "message:send", messageSend(sessionID, "user", "Hello?"))
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, status)
	requireReply(t, srv, sessionID)
}

// requireReply checks that the bot answered "I'm a bot" in the
// conversation, once, as an operator, through a valid request.
func requireReply(t *testing.T, srv *crisptest.Server, sessionID string) {
	t.Helper()
	require.Len(t, srv.RequestsFor("sendMessageInConversation"), 1, "the bot sent no message, or several")
	req, ok := srv.LastRequest("sendMessageInConversation")
	require.True(t, ok, "the bot sent no message")
	require.Less(t, req.Status, 300, "sendMessageInConversation answered %d", req.Status)
	require.Equal(t, crisptest.WebsiteID, req.PathParams["website_id"])
	require.Equal(t, sessionID, req.PathParams["session_id"])
	var body map[string]any
	require.NoError(t, json.Unmarshal(req.Body, &body))
	require.Equal(t, "text", body["type"])
	require.Equal(t, "operator", body["from"])
	require.Equal(t, "chat", body["origin"])
	require.Equal(t, "I'm a bot", body["content"])

	// The reply is in the conversation.
	page, err := srv.Client(t).Website.GetMessagesInConversation(t.Context(), crisptest.WebsiteID, sessionID, nil)
	require.NoError(t, err)
	require.Len(t, page.Messages, 1)
	require.Equal(t, "operator", string(page.Messages[0].From))
}

func TestBotIgnoresOperators(t *testing.T) {
	srv, hookURL, sessionID := startBot(t)

	status, err := srv.SendWebhook(t.Context(), hookURL, testSecret, "message:send", messageSend(sessionID, "operator", "I'm a bot"))
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, status)
	require.Empty(t, srv.RequestsFor("sendMessageInConversation"), "the bot answered an operator")
}

func TestBotRefusesUnsignedHooks(t *testing.T) {
	srv, hookURL, sessionID := startBot(t)

	status, err := srv.SendWebhook(t.Context(), hookURL, "", "message:send", messageSend(sessionID, "user", "Hello?"))
	require.NoError(t, err)
	require.Equal(t, http.StatusUnauthorized, status)
	require.Empty(t, srv.RequestsFor("sendMessageInConversation"))
}

func TestDemo(t *testing.T) {
	require.NoError(t, demoWebhook(t.Context()))
}

// rtmBot is the bot in RTM mode against the fake REST and RTM servers.
type rtmBot struct {
	srv       *crisptest.Server
	sock      *rtmtest.Server
	sessionID string
	handled   chan struct{} // one per message:send, once the bot's handler returned
}

// startRTMBot starts the fake Crisp servers (the REST one validating
// requests and answers against openapi.yaml), runs the bot in RTM mode
// until the test ends, waits for it to authenticate and opens a
// conversation.
func startRTMBot(t *testing.T) *rtmBot {
	t.Helper()
	b := &rtmBot{srv: crisptest.Start(t), sock: rtmtest.Start(t), handled: make(chan struct{}, 10)}
	rtmtest.Attach(b.srv, b.sock)
	client := b.srv.Client(t)
	router := newRouter(client)
	// Handlers of one event run in order: this one runs after the bot's.
	router.Handle("message:send", func(context.Context, *events.Event) error {
		b.handled <- struct{}{}
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- serveRTM(ctx, client, crisptest.Identifier, crisptest.Key, router,
			rtm.WithBackoff(5*time.Millisecond, 20*time.Millisecond),
			rtm.WithErrorHandler(func(err error) { t.Log(err) }),
		)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serveRTM = %v, want nil when its context is done", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("serveRTM did not return")
		}
	})

	wait, cancelWait := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancelWait()
	require.NoError(t, b.sock.WaitForClients(wait, 1))
	auths := b.sock.Authentications()
	last := auths[len(auths)-1]
	require.True(t, last.Accepted)
	require.Equal(t, "plugin", last.Tier)
	require.Equal(t, []string{"message:send"}, last.Events)

	var err error
	b.sessionID, err = client.Website.CreateNewConversation(t.Context(), crisptest.WebsiteID)
	require.NoError(t, err)
	return b
}

// push pushes a message:send and waits until the bot has handled it.
func (b *rtmBot) push(t *testing.T, from, content string) {
	t.Helper()
	require.NoError(t, b.sock.Push(t.Context(), "message:send", messageSend(b.sessionID, from, content)))
	select {
	case <-b.handled:
	case <-time.After(10 * time.Second):
		t.Fatal("the bot did not handle the event")
	}
}

func TestRTMBotRepliesToUsers(t *testing.T) {
	b := startRTMBot(t)
	b.push(t, "user", "Hello?")
	requireReply(t, b.srv, b.sessionID)
}

func TestRTMBotIgnoresOperators(t *testing.T) {
	b := startRTMBot(t)
	b.push(t, "operator", "I'm a bot")
	require.Empty(t, b.srv.RequestsFor("sendMessageInConversation"), "the bot answered an operator")
}

func TestRTMBotRefusedToken(t *testing.T) {
	srv, sock := crisptest.Start(t), rtmtest.Start(t, rtmtest.WithCredentials(crisptest.Identifier, "another-key"))
	rtmtest.Attach(srv, sock)
	client := srv.Client(t)
	err := serveRTM(t.Context(), client, crisptest.Identifier, crisptest.Key, newRouter(client),
		rtm.WithBackoff(5*time.Millisecond, 20*time.Millisecond))
	require.ErrorIs(t, err, rtm.ErrUnauthorized)
}

func TestRTMDemo(t *testing.T) {
	t.Setenv("CRISP_IDENTIFIER", "")
	require.NoError(t, run(t.Context(), "rtm", ""))
}

func TestUnknownMode(t *testing.T) {
	require.Error(t, run(t.Context(), "carrier-pigeon", ""))
}

func TestRunRTMWithCredentials(t *testing.T) {
	t.Setenv("CRISP_IDENTIFIER", crisptest.Identifier)
	t.Setenv("CRISP_KEY", crisptest.Key)
	t.Setenv("CRISP_TIER", "website")
	// A done context: run builds the client and the bot, and returns
	// without connecting to Crisp.
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	require.NoError(t, run(ctx, "rtm", ""))

	t.Setenv("CRISP_TIER", "admin")
	require.Error(t, run(ctx, "rtm", ""))
}
