package crisptest

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// newConversation creates a conversation through the API and returns its
// session ID.
func newConversation(t *testing.T, s *Server) string {
	t.Helper()
	status, out := raw(t, s, "POST", conv, "")
	require.Equal(t, 200, status, out)
	return out["data"].(map[string]any)["session_id"].(string)
}

func errorMessage(t *testing.T, out map[string]any) string {
	t.Helper()
	require.Equal(t, true, out["error"], out)
	require.Equal(t, "invalid_data", out["reason"], out)
	return out["data"].(map[string]any)["message"].(string)
}

// The message type decides the shape of the content (openapi.yaml models a
// message as a oneOf by type): a content of another type's shape is
// refused, and the error says where.
func TestMessageContentMustMatchItsType(t *testing.T) {
	s := Start(t)
	sid := newConversation(t, s)
	path := conv + "/" + sid + "/message"

	status, out := raw(t, s, "POST", path, `{"type":"text","from":"operator","origin":"chat","content":{"name":"a.pdf","url":"https://example.com/a.pdf","type":"application/pdf"}}`)
	require.Equal(t, 400, status)
	require.Contains(t, errorMessage(t, out), "at /content", "a text message with file content")

	status, out = raw(t, s, "POST", path, `{"type":"file","from":"operator","origin":"chat","content":"hello"}`)
	require.Equal(t, 400, status)
	require.Contains(t, errorMessage(t, out), "at /content", "a file message with text content")

	status, out = raw(t, s, "POST", path, `{"type":"audio","from":"operator","origin":"chat","content":{"url":"https://example.com/a.webm","type":"audio/webm"}}`)
	require.Equal(t, 400, status)
	require.Contains(t, errorMessage(t, out), "duration", "an audio message without its duration")

	status, out = raw(t, s, "POST", path, `{"type":"sticker","from":"operator","origin":"chat","content":"hi"}`)
	require.Equal(t, 400, status)
	require.Contains(t, errorMessage(t, out), "discriminator", "an unknown type is refused by name")

	status, out = raw(t, s, "POST", path, `{"type":"text","from":"operator","origin":"chat","content":"hello"}`)
	require.Equal(t, 200, status, out)
}

// An update carries no type: its content must fit the stored message's.
func TestMessageUpdateMustMatchTheStoredType(t *testing.T) {
	s := Start(t)
	sid := newConversation(t, s)
	status, out := raw(t, s, "POST", conv+"/"+sid+"/message", `{"type":"file","from":"operator","origin":"chat","content":{"name":"a.pdf","url":"https://example.com/a.pdf","type":"application/pdf"}}`)
	require.Equal(t, 200, status, out)
	fileFP := out["data"].(map[string]any)["fingerprint"].(float64)
	status, out = raw(t, s, "POST", conv+"/"+sid+"/message", `{"type":"text","from":"operator","origin":"chat","content":"hello"}`)
	require.Equal(t, 200, status, out)
	textFP := out["data"].(map[string]any)["fingerprint"].(float64)
	msg := func(fp float64) string { return conv + "/" + sid + "/message/" + strconv.FormatFloat(fp, 'f', 0, 64) }

	status, out = raw(t, s, "PATCH", msg(fileFP), `{"content":"now text"}`)
	require.Equal(t, 400, status)
	require.Contains(t, errorMessage(t, out), "content does not match the message type")

	status, out = raw(t, s, "PATCH", msg(textFP), `{"content":{"name":"b.pdf","url":"https://example.com/b.pdf","type":"application/pdf"}}`)
	require.Equal(t, 400, status)
	require.Contains(t, errorMessage(t, out), "content does not match the message type")

	status, out = raw(t, s, "PATCH", msg(fileFP), `{"content":{"name":"b.pdf","url":"https://example.com/b.pdf","type":"application/pdf"}}`)
	require.Equal(t, 200, status, out)
	status, out = raw(t, s, "GET", msg(fileFP), "")
	require.Equal(t, 200, status, out)
	require.Equal(t, "b.pdf", out["data"].(map[string]any)["content"].(map[string]any)["name"])
	require.Equal(t, true, out["data"].(map[string]any)["edited"])

	status, out = raw(t, s, "PATCH", msg(textFP), `{"content":"edited"}`)
	require.Equal(t, 200, status, out)
}
