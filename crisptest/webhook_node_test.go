package crisptest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/crisp-go/crisp-go/internal/nodetest"
)

// nodeVerifier runs testdata/verify_hook.js, a web hook receiver that
// checks signatures with the official Crisp Node client, and returns its
// base URL. It skips the test when Node or tools/node/node_modules is
// missing, unless CRISP_REQUIRE_NODE=1.
func nodeVerifier(t *testing.T, secret string) string {
	t.Helper()
	node, modules := nodetest.Require(t, "check web hooks with the official Crisp Node client", "crisp-api")

	p := nodetest.Start(t, node, "verify_hook.js", []string{modules, secret}, nil)
	select {
	case m, ok := <-p.Lines:
		require.Truef(t, ok && m["ev"] == "listening", "verify_hook.js did not start: %v\n%s", m, p.Stderr.String())
		return fmt.Sprint("http://127.0.0.1:", m["port"])
	case <-time.After(time.Minute):
		t.Fatalf("verify_hook.js did not start within a minute\n%s", p.Stderr.String())
		return ""
	}
}

// trickyData are event payloads whose plain encoding/json form the Node
// client re-serializes differently.
var trickyData = map[string]any{
	"html":            map[string]any{"session_id": "session_1", "content": `<b>Tom & "Jerry"</b> <script>x</script>`},
	"line separators": map[string]any{"session_id": "session_1", "content": "one\u2028two\u2029three"},
	"integer keys":    map[string]any{"session_id": "session_1", "data": map[string]any{"10": "ten", "2": "two", "b": "bee", "a": "ay", "01": "zero-one"}},
	"raw order":       json.RawMessage(`{"zeta":1,"alpha":{"5":"e","3":"c","x":true},"content":"\u0001\t\u007f","n":[1.0,1e21,1e-7,-0]}`),
	"unicode":         map[string]any{"content": "é 😀 \u00a0 \ufeff", "fingerprint": int64(9007199254740992)},
}

func TestWebhooksPassTheOfficialNodeVerifier(t *testing.T) {
	const secret = "hook-secret"
	base := nodeVerifier(t, secret)
	s := Start(t)
	for name, data := range trickyData {
		t.Run(name, func(t *testing.T) {
			status, err := s.SendWebhook(t.Context(), base+"/hook", secret, "message:send", data)
			require.NoError(t, err)
			require.Equal(t, http.StatusOK, status, "the Node client's verifyHook refused the signature")
		})
	}
	status, err := s.SendWebhook(t.Context(), base+"/hook", "another-secret", "message:send", trickyData["html"])
	require.NoError(t, err)
	require.Equal(t, http.StatusForbidden, status, "a wrong secret is refused, so the check is real")
}

// TestMarshalJSMatchesNode posts MarshalJS bytes to Node, which answers
// JSON.stringify(JSON.parse(body)): the same bytes.
func TestMarshalJSMatchesNode(t *testing.T) {
	base := nodeVerifier(t, "unused")
	for name, data := range trickyData {
		body, err := MarshalJS(Webhook{WebsiteID: WebsiteID, Event: "message:send", Data: data, Timestamp: 1506985696616})
		require.NoError(t, err, name)
		req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, base+"/roundtrip", bytes.NewReader(body))
		require.NoError(t, err)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		got, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		require.NoError(t, resp.Body.Close())
		require.Equal(t, http.StatusOK, resp.StatusCode, string(got))
		require.Equalf(t, string(body), string(got), "%s: Node re-serializes the body differently", name)
	}
}
