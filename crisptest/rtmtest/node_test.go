package rtmtest_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/crisptest/rtmtest"
	"github.com/crisp-go/crisp-go/internal/nodetest"
)

// officialClient runs testdata/crisp_api_client.js, the official Crisp
// Node client (crisp-api) listening to message:send on sock, and returns
// the lines it writes. It skips the test when Node or
// tools/node/node_modules is missing, or fails it when
// CRISP_REQUIRE_NODE=1 (as CI sets).
func officialClient(t *testing.T, sock *rtmtest.Server) <-chan map[string]any {
	t.Helper()
	node, modules := nodetest.Require(t, "connect the official Crisp Node client to the fake", "crisp-api")

	p := nodetest.Start(t, node, "crisp_api_client.js", []string{modules, sock.URL()},
		[]string{"RTM_IDENTIFIER=" + crisptest.Identifier, "RTM_KEY=" + crisptest.Key})
	return p.Lines
}

// awaitLine returns the next line whose ev is name, skipping the others.
func awaitLine(t *testing.T, lines <-chan map[string]any, name string) map[string]any {
	t.Helper()
	deadline := time.After(timeout)
	var seen []map[string]any
	for {
		select {
		case m, ok := <-lines:
			require.Truef(t, ok, "the official client exited while waiting for %s; it said %v", name, seen)
			if m["ev"] == "error" {
				t.Fatalf("the official client failed: %v", m["message"])
			}
			seen = append(seen, m)
			if m["ev"] == name {
				return m
			}
		case <-deadline:
			t.Fatalf("timed out waiting for %s; the official client said %v", name, seen)
		}
	}
}

// TestOfficialNodeClient connects the official Crisp Node client
// (crisp-api 11.3.0, socket.io-client 4.8) to the fake: it authenticates,
// receives pushed events, and reconnects after DisconnectAll (a restart),
// but not after KickAll (a server disconnect).
func TestOfficialNodeClient(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	lines := officialClient(t, sock)

	require.NoError(t, sock.WaitForClients(ctx, 1))
	auth := sock.Clients()[0].Authentication
	require.Equal(t, rtmtest.Authentication{
		SocketID: auth.SocketID,
		Tier:     "plugin",
		Username: crisptest.Identifier,
		KeyValid: true,
		Accepted: true,
		Events:   []string{"message:send"},
	}, auth)
	conns := sock.Connections()
	require.Equal(t, rtmtest.DefaultPath, conns[0].Path)

	push := func(content string) {
		t.Helper()
		require.NoError(t, sock.Push(ctx, "message:send", messageSend(crisptest.WebsiteID, content)))
		got := awaitLine(t, lines, "message:send")
		b, err := json.Marshal(got["data"])
		require.NoError(t, err)
		want, err := json.Marshal(messageSend(crisptest.WebsiteID, content))
		require.NoError(t, err)
		require.JSONEq(t, string(want), string(b))
	}
	push("hello")

	// A restart: the official client reconnects and authenticates again.
	sock.DisconnectAll()
	require.Equal(t, "transport close", awaitLine(t, lines, "disconnect")["reason"])
	require.NoError(t, sock.WaitForClients(ctx, 1))
	push("after the restart")

	// A server disconnect: socket.io-client does not reconnect after it.
	// (That is why DisconnectAll must not send one.)
	sock.KickAll()
	require.Equal(t, "io server disconnect", awaitLine(t, lines, "disconnect")["reason"])
	time.Sleep(500 * time.Millisecond) // five times the shortened reconnection delay
	require.Len(t, sock.Authentications(), 2, "the official client reconnected after a server disconnect")
	require.Empty(t, sock.Clients())
}
