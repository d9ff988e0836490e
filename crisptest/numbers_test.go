package crisptest

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/stretchr/testify/require"
)

// aboveFloat is 2^53 + 1, the first integer a float64 cannot hold.
const aboveFloat = 9007199254740993

// send sends a request with the server's credentials and returns the
// status and the raw answer.
func send(t *testing.T, s *Server, method, path, body string) (int, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, strings.TrimSuffix(s.URL(), "/")+path, r)
	require.NoError(t, err)
	req.SetBasicAuth(Identifier, Key)
	req.Header.Set("X-Crisp-Tier", "plugin")
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

func TestIntegersAbove2To53StayExact(t *testing.T) {
	s := Start(t)
	c := s.Client(t)
	ctx := t.Context()
	sid, err := c.Website.CreateNewConversation(ctx, WebsiteID)
	require.NoError(t, err)
	base := "/website/" + WebsiteID + "/conversation/" + sid

	// A neighbour whose fingerprint a float64 would confuse with it.
	status, out := send(t, s, "POST", base+"/message", `{"type":"text","from":"user","origin":"chat","content":"neighbour","fingerprint":9007199254740992}`)
	require.Equal(t, 200, status, out)
	status, out = send(t, s, "POST", base+"/message", `{"type":"text","from":"user","origin":"chat","content":"big","fingerprint":9007199254740993,"properties":{"order":9007199254740993,"ratio":0.1}}`)
	require.Equal(t, 200, status, out)
	require.Contains(t, out, `"fingerprint":9007199254740993`)

	status, out = send(t, s, "GET", base+"/message/9007199254740993", "")
	require.Equal(t, 200, status, out)
	require.Contains(t, out, `"fingerprint":9007199254740993`)
	require.Contains(t, out, `"order":9007199254740993`)
	require.Contains(t, out, `"ratio":0.1`)
	require.Contains(t, out, `"content":"big"`)

	msg, err := c.Website.GetMessageInConversation(ctx, WebsiteID, sid, aboveFloat)
	require.NoError(t, err)
	require.Equal(t, int64(aboveFloat), msg.Fingerprint)

	// Marking one fingerprint as read marks that message only.
	status, out = send(t, s, "PATCH", base+"/read", `{"from":"operator","origin":"chat","fingerprints":[9007199254740993]}`)
	require.Equal(t, 200, status, out)
	page, err := c.Website.GetMessagesInConversation(ctx, WebsiteID, sid, nil)
	require.NoError(t, err)
	require.Len(t, page.Messages, 2)
	read := map[int64]bool{}
	for _, m := range page.Messages {
		read[m.Fingerprint] = m.Read != ""
	}
	require.Equal(t, map[int64]bool{aboveFloat - 1: false, aboveFloat: true}, read)

	// Free-form data keeps its integers too.
	status, out = send(t, s, "PATCH", base+"/meta", `{"data":{"account":9007199254740993}}`)
	require.Equal(t, 200, status, out)
	_, out = send(t, s, "GET", base+"/meta", "")
	require.Contains(t, out, `"account":9007199254740993`)
	meta, err := c.Website.GetConversationMetas(ctx, WebsiteID, sid)
	require.NoError(t, err)
	require.NotNil(t, meta.Data)

	// So do people profiles and their data.
	created, err := c.Website.AddNewPeopleProfile(ctx, WebsiteID, &api.PeopleProfileNew{Email: "big@example.com", Person: api.PeopleProfileNewPerson{Nickname: "Big"}})
	require.NoError(t, err)
	people := "/website/" + WebsiteID + "/people/data/" + created.PeopleID
	status, out = send(t, s, "PUT", people, `{"data":{"id":18446744073709551615}}`)
	require.Equal(t, 200, status, out)
	_, out = send(t, s, "GET", people, "")
	require.Contains(t, out, `"id":18446744073709551615`)
}
