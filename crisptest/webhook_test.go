package crisptest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSendWebhookIsSigned(t *testing.T) {
	s := Start(t)
	var got Webhook
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		ts := r.Header.Get("X-Crisp-Request-Timestamp")
		if r.Header.Get("X-Crisp-Signature") != SignWebhook("hook-secret", ts, body) {
			w.WriteHeader(401)
			return
		}
		_ = json.Unmarshal(body, &got)
	}))
	defer recv.Close()
	status, err := s.SendWebhook(t.Context(), recv.URL, "hook-secret", "message:send", map[string]any{"session_id": "session_1", "content": "hi"})
	require.NoError(t, err)
	require.Equal(t, 200, status)
	require.Equal(t, "message:send", got.Event)
	require.Equal(t, WebsiteID, got.WebsiteID)
	require.NotZero(t, got.Timestamp)
	status, err = s.SendWebhook(t.Context(), recv.URL, "other-secret", "message:send", map[string]any{})
	require.NoError(t, err)
	require.Equal(t, 401, status)
}

// TestSignatureVector pins the algorithm to a known value.
func TestSignatureVector(t *testing.T) {
	body := []byte(`{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","event":"message:send","data":{},"timestamp":1506985696616}`)
	sig := SignWebhook("secret", "1506985696616", body)
	// Computed independently (Python hmac) over "[1506985696616;" + body + "]".
	require.Equal(t, "8794329764783f69b64df1353d3b41307795caaf7253017d05cdb41a3a51cd13", sig)
	require.NotEqual(t, sig, SignWebhook("secret", "1506985696617", body))
}

// TestSendWebhookBodyIsJavaScriptJSON: the body sent and signed is the one
// JavaScript writes (see MarshalJS), byte for byte.
func TestSendWebhookBodyIsJavaScriptJSON(t *testing.T) {
	s := Start(t)
	var body []byte
	var ts, sig string
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ = io.ReadAll(r.Body)
		ts, sig = r.Header.Get("X-Crisp-Request-Timestamp"), r.Header.Get("X-Crisp-Signature")
	}))
	defer recv.Close()
	status, err := s.SendWebhook(t.Context(), recv.URL, "hook-secret", "message:send", map[string]any{
		"content": "<b>Tom & Jerry</b>\u2028\u2029", "10": "ten", "2": "two",
	})
	require.NoError(t, err)
	require.Equal(t, 200, status)
	require.Equal(t, `{"website_id":"`+WebsiteID+`","event":"message:send","data":{"2":"two","10":"ten",`+
		`"content":"<b>Tom & Jerry</b>`+"\u2028\u2029"+`"},"timestamp":`+ts+`}`, string(body))
	require.Equal(t, SignWebhook("hook-secret", ts, body), sig)

	_, err = s.SendWebhook(t.Context(), recv.URL, "hook-secret", "message:send", map[string]any{"fingerprint": int64(9007199254740993)})
	require.ErrorContains(t, err, "9007199254740993", "a value JavaScript would change is refused")
}
