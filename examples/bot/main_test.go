package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

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
	require.NoError(t, demo(t.Context()))
}

func TestRTMModeIsNotAvailableYet(t *testing.T) {
	t.Setenv("CRISP_IDENTIFIER", "")
	require.ErrorIs(t, run(t.Context(), "rtm", ""), errRTMUnavailable)
	require.Error(t, run(t.Context(), "carrier-pigeon", ""))
}
