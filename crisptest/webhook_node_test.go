package crisptest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// nodeVerifier runs testdata/verify_hook.js, a web hook receiver that
// checks signatures with the official Crisp Node client, and returns its
// base URL. It skips the test when Node or tools/node/node_modules is
// missing, unless CRISP_REQUIRE_NODE=1.
func nodeVerifier(t *testing.T, secret string) string {
	t.Helper()
	unavailable := func(format string, args ...any) {
		t.Helper()
		msg := fmt.Sprintf(format, args...)
		if os.Getenv("CRISP_REQUIRE_NODE") == "1" {
			t.Fatalf("%s (CRISP_REQUIRE_NODE=1)", msg)
		}
		t.Skipf("%s; set CRISP_REQUIRE_NODE=1 to fail instead", msg)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		unavailable("node is not installed: cannot check web hooks with the official Crisp Node client")
	}
	modules, err := filepath.Abs(filepath.Join("..", "tools", "node", "node_modules"))
	require.NoError(t, err)
	if _, err := os.Stat(filepath.Join(modules, "crisp-api", "package.json")); err != nil {
		unavailable("%s has no crisp-api: run make npm", modules)
	}

	cmd := exec.Command(node, filepath.Join("testdata", "verify_hook.js"), modules, secret)
	stdin, err := cmd.StdinPipe() // the script exits when it closes
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = stdin.Close()
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() && stderr.String() != "" {
			t.Logf("verify_hook.js stderr:\n%s", stderr.String())
		}
	})

	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		lines <- line
		_, _ = io.Copy(io.Discard, stdout)
	}()
	select {
	case line := <-lines:
		port, found := strings.CutPrefix(strings.TrimSpace(line), "listening ")
		require.Truef(t, found, "verify_hook.js did not start: %q\n%s", line, stderr.String())
		return "http://127.0.0.1:" + port
	case <-time.After(time.Minute):
		t.Fatalf("verify_hook.js did not start within a minute\n%s", stderr.String())
		return ""
	}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
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
